"""deploy/nginx-site.conf.template in front of the benchmark's gunicorn, so the
micro-cache is measured like the app: requests/s and CPU per request, nginx's own
processes counted with the app's. Needs Debian's nginx (``nginx-light``)."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import services

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.deploy.stack import MAIN_CONFIG  # noqa: E402 - the same main file the tests use


class Nginx:
    def __init__(self, workdir, upstream_port, env):
        self.folder = Path(workdir) / "nginx"
        self.folder.mkdir(exist_ok=True)
        self.http_port, self.https_port = services.free_port(), services.free_port()
        certificate, key = self.folder / "localhost.crt", self.folder / "localhost.key"
        subprocess.run(
            ["openssl", *"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost".split()]
            + ["-keyout", str(key), "-out", str(certificate)],
            check=True,
            capture_output=True,
        )
        names = {
            "server_name": "localhost",
            "http_port": self.http_port,
            "https_port": self.https_port,
            "upstream": f"127.0.0.1:{upstream_port}",
            "tls_certificate": certificate,
            "tls_certificate_key": key,
            "static_root": env["DJANGO_STATIC_ROOT"],
            "media_root": env["DJANGO_MEDIA_ROOT"],
            "cache_path": self.folder / "cache",
        }
        site = subprocess.run(
            [sys.executable, "deploy/render_nginx.py", *(f"{k}={v}" for k, v in names.items())],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (self.folder / "nejat.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""
        config = self.folder / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(user=user, folder=self.folder))
        nginx = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
        if nginx is None:
            raise RuntimeError("nginx is missing: apt-get install -y nginx-light")
        error_log = str(self.folder / "nginx-error.log")
        self.process = subprocess.Popen(
            [nginx, "-e", error_log, "-c", str(config)], start_new_session=True
        )
        self.base = f"https://localhost:{self.https_port}"

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
