"""An S3 API server on loopback for tests: moto's standalone server, one per test
module, with a bucket for the site's media."""

import json
import subprocess
import sys
import time

import boto3
import pytest

from tests.deploy.stack import free_port

BUCKET = "nejat-media"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


class S3Server:
    def __init__(self, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "moto.log"
        self.process = None

    def start(self):
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=output,
                stderr=output,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.client().list_buckets()
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.1)
        else:
            pytest.fail(f"the S3 server did not start\n{self.log.read_text()[-2000:]}")
        self.client().create_bucket(Bucket=BUCKET)
        # Readers fetch media anonymously, as from a public bucket or its CDN.
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{BUCKET}/*",
                }
            ],
        }
        self.client().put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
        return self

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self):
        return boto3.client("s3", endpoint_url=self.url, region_name="us-east-1", **KEYS)

    def keys(self):
        listing = self.client().list_objects_v2(Bucket=BUCKET)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def environment(self, custom_domain=""):
        """The site's settings for this bucket, as environment variables."""
        return {
            "DJANGO_MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
            **({"AWS_S3_CUSTOM_DOMAIN": custom_domain} if custom_domain else {}),
        }

    def storage_setting(self, custom_domain=None):
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": self.url,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "custom_domain": custom_domain,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        }
