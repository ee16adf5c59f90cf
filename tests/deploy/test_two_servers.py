"""Two app servers behind nginx, as a site grows: PostgreSQL, Redis and an S3 API
server shared by two gunicorns (separate processes and temporary folders), nginx
balancing between them with deploy/nginx-site.conf.template."""

import re
import time
import urllib.request
import uuid

import pytest

from tests.deploy.stack import FormFields, Stack, Visitor
from tests.media_library.factories import small_picture
from tests.outages.postgres import PrivatePostgres
from tests.storage.s3 import S3Server

EDITOR = "deploy-editor"


class Direct(Visitor):
    """A browser talking to one app server directly, as if through the TLS proxy."""

    def __init__(self, port):
        super().__init__(port, tls=False)

    def request(self, method, path, headers=None, body=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "198.51.100.9",  # as nginx would say it
            **(headers or {}),
        }
        if method == "POST":
            headers["Origin"] = f"https://localhost:{self.port}"
        return super().request(method, path, headers, body)

    def fields(self, path, form_id):
        page = self.get(path)
        assert page.status == 200, page.text[:500]
        parser = FormFields(form_id)
        parser.feed(page.text)
        return dict(parser.fields)

    def upload(self, path, fields, files):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request("POST", path, headers, body)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-servers")
    database, s3 = PrivatePostgres(), S3Server(folder)
    limits = {"NEJAT_CONTACT_LIMIT_PER_HOUR": "2", "NEJAT_FORM_MIN_SECONDS": "1"}
    stack = Stack(
        folder,
        app_servers=2,
        database_url=database.url,
        extra_environment={**s3.environment(), **limits},
    )
    try:
        database.create()
        s3.start()
        stack.up()
        yield stack, s3
    finally:
        stack.stop()
        s3.stop()
        database.destroy()


def test_an_editor_on_one_server_publishes_for_readers_on_both(site):
    stack, s3 = site
    server_a, server_b = (Direct(port) for port in stack.app_ports)
    before = server_b.get("/en/media/cartoons/")
    assert before.status == 200 and "Queue at the well" not in before.text

    server_a.sign_in(EDITOR, EDITOR)
    form = server_a.fields("/admin/media_library/cartoon/add/", "cartoon_form")
    fields = {
        "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
        "title_en": "Queue at the well",
        "image_alt_en": "People waiting at a well",
        "status": "published",
        "publish_at_0": "2026-01-10",
        "publish_at_1": "09:00:00",
    }
    picture = small_picture(3).read()
    saved = server_a.upload(
        "/admin/media_library/cartoon/add/", fields, {"image": ("well.jpg", picture)}
    )
    assert saved.status == 302, saved.text[:2000]

    for reader in (server_a, server_b):
        page = reader.get("/en/media/cartoons/")
        assert "Queue at the well" in page.text
    # Until the worker has made the renditions, the original, from the bucket.
    original = re.search(rf'src="({re.escape(s3.url)}/nejat-media/media/[^"]+)"', page.text)
    assert original, "server B's page points at the bucket"
    stack.run_worker()
    page = server_b.get("/en/media/cartoons/")
    image = re.search(rf'src="({re.escape(s3.url)}/nejat-media/renditions/[^"]+)"', page.text)
    assert image, "once made, the page shows the renditions from the bucket"
    for address in (original[1], image[1]):
        with urllib.request.urlopen(address, timeout=10) as response:
            assert response.status == 200 and response.read()
    assert any(key.startswith("renditions/") for key in s3.keys())
    time.sleep(1.1)  # nginx's micro-cache keeps a page a second
    through_nginx = Visitor(stack.https_port).get("/en/media/cartoons/")
    assert "Queue at the well" in through_nginx.text


def test_the_hourly_contact_limit_holds_across_both_servers(site):
    stack, _s3 = site
    server_a, server_b = (Direct(port) for port in stack.app_ports)
    forms = [server.fields("/en/contact/", "contact-form") for server in (server_a, server_b)]
    forms.append(server_a.fields("/en/contact/", "contact-form"))
    time.sleep(1.1)
    message = {"name": "Dana", "email": "dana@example.org", "subject": "Hi", "message": "Hello"}
    answers = [
        server.post("/en/contact/", {**form, **message}).status
        for server, form in zip((server_a, server_b, server_a), forms, strict=True)
    ]
    assert answers == [302, 302, 429]


def test_readers_notice_nothing_when_one_server_stops(site):
    stack, _s3 = site
    stack.app_processes[0].terminate()
    stack.app_processes[0].wait(timeout=10)
    reader = Visitor(stack.https_port)
    for number in range(12):
        response = reader.get(f"/en/articles/?visit={number}")
        assert response.status == 200, response.text[:500]
