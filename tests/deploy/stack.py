"""The production stack on this machine, in a temporary folder: a private Redis,
gunicorn with the production settings on a fresh SQLite database, and nginx with
deploy/nginx-site.conf.template rendered for free ports and a self-signed certificate."""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from base64 import b32decode
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django_otp.oath import totp

ROOT = Path(__file__).resolve().parents[2]
EDITOR = "deploy-editor"
TITLE = "Rivers run clean again"
NEW_TITLE = "Rivers run cleaner than ever"

CONTENT = f"""
from django.contrib.auth import get_user_model
from tests.factories import make_article, make_category

get_user_model().objects.create_superuser("{EDITOR}", "editor@example.org", "{EDITOR}")
category = make_category()
story = make_article(category, title_en="{TITLE}")
draft = make_article(category, status="draft")
print(story.pk, draft.url_in("en"))
"""

# The site file in an `http` block, as Debian's /etc/nginx/nginx.conf includes it; everything
# nginx writes goes to the temporary folder.
MAIN_CONFIG = """{user}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    include {folder}/nejat.conf;
}}
"""


def program(name, package):
    path = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/usr/bin")
    if path is None:
        pytest.fail(
            f"{name} is not installed: .ci/run installs it, or `apt-get install -y {package}`",
            pytrace=False,
        )
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
        connection.sendall(b"PING\r\n")
        return connection.recv(16).startswith(b"+PONG")


def wait_until(answers, what, log=None, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if answers():
                return
        except OSError:
            pass
        time.sleep(0.05)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} did not start\n{tail}", pytrace=False)


@dataclass
class Stack:
    folder: Path
    http_port: int = field(default_factory=free_port)
    https_port: int = field(default_factory=free_port)
    app_servers: int = 1  # gunicorns, each on its own port, behind nginx's upstream
    redis_port: int = field(default_factory=free_port)
    processes: list = field(default_factory=list)
    database_url: str = ""  # a fresh SQLite file in the folder unless given
    extra_environment: dict = field(default_factory=dict)
    # A script for `manage.py shell` that fills the site; what it prints is kept.
    content: str = CONTENT
    content_output: str = ""
    app_ports: list = field(init=False)
    app_processes: dict = field(default_factory=dict)
    # Filled in by up(): where the editor changes the article, and a draft's address.
    change_url: str = ""
    draft_url: str = ""

    def __post_init__(self):
        self.app_ports = [free_port() for _ in range(self.app_servers)]

    @property
    def app_port(self):
        return self.app_ports[0]

    @property
    def static_root(self):
        return self.folder / "static"

    @property
    def media_root(self):
        return self.folder / "media"

    def environment(self):
        inherited = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("DJANGO_", "NEJAT_", "GUNICORN_"))
            and name not in ("DATABASE_URL", "CACHE_URL", "EMAIL_URL")
        }
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "nejat.settings.production",
            "DJANGO_SECRET_KEY": "k3v9-deploy-test-only-w8q2z7x1c5b4n6m0p9o8i7u6y5t4r3e2w1q0",
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": self.database_url or f"sqlite:///{self.folder}/db.sqlite3",
            "CACHE_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_STATIC_ROOT": str(self.static_root),
            "DJANGO_MEDIA_ROOT": str(self.media_root),
            "NEJAT_TRUSTED_PROXIES": "1",
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "GUNICORN_WORKERS": "2",
            **self.extra_environment,
        }

    def run(self, *command):
        result = subprocess.run(
            command, cwd=ROOT, env=self.environment(), capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def run_worker(self):
        """Do the queued work (images' renditions) as the site's worker would."""
        self.run(
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--queue-name=*",
            "--no-reload",
            "--no-startup-delay",
            "-v",
            "0",
        )

    def start(self, name, *command, environment=None):
        log = self.folder / f"{name}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=environment or self.environment(),
                stdout=output,
                stderr=output,
            )
        self.processes.append(process)
        return log

    def start_app_server(self, number):
        """gunicorn number ``number`` on its own port, with a temporary folder of its own."""
        port = self.app_ports[number]
        temporary = self.folder / f"tmp-{port}"
        temporary.mkdir(exist_ok=True)
        environment = {
            **self.environment(),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "TMPDIR": str(temporary),
        }
        command = (sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "nejat.wsgi")
        log = self.start(f"gunicorn-{port}", *command, environment=environment)
        self.app_processes[number] = self.processes[-1]
        return log

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def up(self):
        nginx = program("nginx", "nginx-light")
        redis = program("redis-server", "redis-server")
        openssl = program("openssl", "openssl")
        self.start(
            "redis",
            redis,
            *("--port", str(self.redis_port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
        )
        wait_until(lambda: redis_answers(self.redis_port), "Redis")

        manage = (sys.executable, "manage.py")
        collecting = subprocess.Popen(  # meanwhile
            [*manage, "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=self.environment(),
            stderr=subprocess.PIPE,
            text=True,
        )
        self.run(*manage, "migrate", "--noinput", "-v", "0")
        self.content_output = self.run(*manage, "shell", "-v", "0", "-c", self.content)
        self.run_worker()
        if self.content is CONTENT:
            article, self.draft_url = self.content_output.split()
            self.change_url = f"/admin/articles/article/{article}/change/"
        (self.media_root / "notes").mkdir(parents=True)
        (self.media_root / "notes" / "hello.txt").write_text("hello\n")
        assert collecting.wait(timeout=60) == 0, collecting.stderr.read()

        logs = [self.start_app_server(number) for number in range(self.app_servers)]
        config = self.write_nginx_config(openssl)
        error_log = str(self.folder / "nginx-error.log")
        checked = subprocess.run(
            [nginx, "-t", "-e", error_log, "-c", config], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr
        self.start("nginx", nginx, "-e", error_log, "-c", config)
        for port, log in zip(self.app_ports, logs, strict=True):
            wait_until(
                lambda port=port: Visitor(port, tls=False).get("/healthz").status == 200,
                "gunicorn",
                log,
            )
        wait_until(
            lambda: Visitor(self.https_port).get("/healthz").status == 200,
            "nginx",
            Path(error_log),
        )

    def write_nginx_config(self, openssl):
        """The site file rendered for this stack, in a main file like Debian's."""
        certificate, key = self.folder / "localhost.crt", self.folder / "localhost.key"
        subprocess.run(
            [openssl, *"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost".split()]
            + ["-keyout", str(key), "-out", str(certificate)],
            check=True,
            capture_output=True,
        )
        site = self.run(
            sys.executable,
            "deploy/render_nginx.py",
            "server_name=localhost",
            f"http_port={self.http_port}",
            f"https_port={self.https_port}",
            "upstream=" + ",".join(f"127.0.0.1:{port}" for port in self.app_ports),
            f"tls_certificate={certificate}",
            f"tls_certificate_key={key}",
            f"static_root={self.static_root}",
            f"media_root={self.media_root}",
            f"cache_path={self.folder}/nginx-cache",
        )
        (self.folder / "nejat.conf").write_text(site)
        # As root, nginx's workers would run as `nobody`, who cannot read this folder.
        user = "user root;" if os.geteuid() == 0 else ""
        config = self.folder / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(user=user, folder=self.folder))
        return str(config)


UNVERIFIED = ssl.create_default_context()
UNVERIFIED.check_hostname = False
UNVERIFIED.verify_mode = ssl.CERT_NONE


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str


def csrf_field(page):
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return {"csrfmiddlewaretoken": token}


class Visitor:
    """A browser, as far as these tests need one: it keeps its cookies and sends what
    a browser on https://localhost/ would."""

    def __init__(self, port, tls=True):
        self.port, self.tls = port, tls
        self.cookies = {}

    def request(self, method, path, headers=None, body=None):
        if self.tls:
            connection = http.client.HTTPSConnection(
                "localhost", self.port, context=UNVERIFIED, timeout=10
            )
        else:
            connection = http.client.HTTPConnection("localhost", self.port, timeout=10)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(response.status, response.headers, text)

    def get(self, path, headers=None):
        return self.request("GET", path, headers)

    def sign_in(self, username, password):
        """Through the admin's login form, then setting up two-factor sign-in, which
        production settings require of staff, as a new editor would with their phone."""
        page = self.get("/admin/login/")
        fields = {"username": username, "password": password, "next": "/admin/"}
        response = self.post("/admin/login/", {**fields, **csrf_field(page)})
        assert response.status == 302, response.text[:500]
        setup = self.get("/admin/two-factor/setup/")
        assert setup.status == 200, setup.text[:500]
        key = b32decode(re.search(r'<code dir="ltr">([A-Z2-7=]+)</code>', setup.text)[1])
        code = f"{totp(key):06d}"
        done = self.post("/admin/two-factor/setup/", {"code": code, **csrf_field(setup)})
        assert done.status == 200 and "recovery codes" in done.text, done.text[:500]

    def post(self, path, data):
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "https://localhost",
        }
        return self.request("POST", path, headers, urlencode(data))

    def form(self, path, form_id):
        """The fields of the form ``form_id`` at ``path``, as a browser sends them back."""
        page = self.get(path)
        assert page.status == 200, page.text
        parser = FormFields(form_id)
        parser.feed(page.text)
        assert parser.fields, f"no form {form_id} at {path}"
        return parser.fields


class FormFields(HTMLParser):
    """The name and value of every field of one form that a browser would send."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.fields = []
        self._inside = False
        self._textarea = self._select = None
        self._options = []

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self._inside = attributes.get("id") == self.form_id
        name = attributes.get("name")
        if not self._inside or "disabled" in attributes:
            return
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.fields.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attributes), []
        elif tag == "option" and self._select:
            self._options.append((attributes.get("value", ""), "selected" in attributes))

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self._select = None
