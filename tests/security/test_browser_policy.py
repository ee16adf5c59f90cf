"""What the browser may do on the site's pages: only the site's own scripts and styles,
the video players it embeds, no framing by others, no device features."""

import os
import subprocess
import sys

import pytest

from tests.factories import make_article
from tests.nejat.test_settings import PRODUCTION, ROOT

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_files_may_be_used_by_the_same_site(client):
    response = client.get("/static/css/site.css")
    assert response["Cross-Origin-Resource-Policy"] == "same-site"


@pytest.mark.parametrize("path", ["/en/", "/fa/", "/admin/login/", "/en/no-such-page/"])
def test_every_response_carries_the_policies(client, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    if path.startswith("/admin/"):
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]  # the rich-text editor
    else:
        assert policy["style-src"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_page_from_the_cache_carries_them_too(client, category):
    article = make_article(category)
    first = client.get(article.url_in("en"))
    again = client.get(article.url_in("en"))
    assert first.status_code == again.status_code == 200
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Permissions-Policy"] == first["Permissions-Policy"]


def test_the_embedded_video_players_may_be_framed(client):
    policy = directives(client.get("/en/"))
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["frame-src"]


def test_media_from_object_storage_is_allowed_by_its_origin():
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}, **PRODUCTION}
    env.update(
        DJANGO_MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    script = "from django.conf import settings; print(settings.CONTENT_SECURITY_POLICY)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "https://media.example.org" in result.stdout, result.stderr


def test_the_rich_text_editors_import_map_runs_by_a_nonce_of_its_request(editor_client):
    response = editor_client.get("/admin/articles/article/add/")
    nonce = directives(response)["script-src"][1].removeprefix("'nonce-").removesuffix("'")
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()
    again = editor_client.get("/admin/articles/article/add/")
    assert nonce not in again["Content-Security-Policy"]
