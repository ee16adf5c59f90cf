"""A video without a poster gets one: its provider's thumbnail, fetched by the task
worker, else one drawn with its title. The provider is a server started by each test
on this machine: no test reaches the network."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from media_library.models import Video
from nejat.media import posters
from nejat.media.demo_images import abstract_picture
from nejat.media.embeds import parse_embed
from tests.media_library.factories import make_video, small_picture

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/media_library/video/add/"
PUBLISHING = {"status": "published", "publish_at_0": "2026-01-10", "publish_at_1": "09:00:00"}
YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
THUMBNAIL_PATH = "/vi/aqz-KE-bpKQ/hqdefault.jpg"


def thumbnail_bytes():
    return abstract_picture(3, size=(480, 360)).read()


class Provider(BaseHTTPRequestHandler):
    """Answers each path from ``answers``: (status, content type, body, seconds to wait)."""

    answers = {}
    asked = []

    def do_GET(self):
        path = self.path.split("?")[0]
        Provider.asked.append(path)
        status, content_type, body, *wait = Provider.answers.get(path, (404, "text/plain", b""))
        if wait:
            time.sleep(wait[0])
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status in (301, 302):
            self.send_header("Location", body.decode())
        try:
            self.end_headers()
            self.wfile.write(body)
        except ConnectionError:  # the site gave up waiting
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = HTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    Provider.answers, Provider.asked = {}, []
    Provider.base = base
    settings.NEJAT_VIDEO_THUMBNAILS = {
        "YouTube": base + "/vi/{video_id}/hqdefault.jpg",
        "Vimeo": base + "/api/oembed.json?url={page_url}",
    }
    yield Provider.answers
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port(settings):
    """The provider's address is a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.NEJAT_VIDEO_THUMBNAILS = {"YouTube": f"http://127.0.0.1:{port}/vi/{{video_id}}.jpg"}


def add_video(client, **fields):
    data = {"title_en": "Open day at the library", **PUBLISHING, "embed_url": YOUTUBE}
    response = client.post(ADD_URL, data | fields)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Video.objects.get()


def poster_image(video):
    with video.poster.open("rb"):
        image = Image.open(video.poster)
        image.load()
    return image


def page_of(client, video):
    with translation.override("en"):
        return client.get(video.url_in("en")).content.decode()


def is_wide(size):
    """16:9, and wide enough for the player."""
    width, height = size
    return width * 9 == height * 16 and width >= 800


def assert_drawn(video):
    assert video.poster_made_from == "title: Open day at the library"
    assert is_wide(poster_image(video).size)


def test_youtube_video_saved_without_a_poster_gets_the_providers_thumbnail(
    editor_client, client, provider
):
    provider[THUMBNAIL_PATH] = (200, "image/jpeg", thumbnail_bytes())
    video = add_video(editor_client)
    assert Provider.asked == [THUMBNAIL_PATH]
    assert video.poster_made_from == "YouTube aqz-KE-bpKQ"
    assert (video.poster_width, video.poster_height) == (480, 360)
    assert video.poster_renditions_ready
    html = page_of(client, video)
    assert video.poster.srcset() in html
    # Stored as the site's own file, never hot-linked.
    assert "127.0.0.1" not in html


def test_vimeo_thumbnail_is_the_one_its_oembed_answer_names(editor_client, provider):
    answer = {"type": "video", "thumbnail_url": f"{Provider.base}/thumbnails/76979871.jpg"}
    provider["/api/oembed.json"] = (200, "application/json", json.dumps(answer).encode())
    provider["/thumbnails/76979871.jpg"] = (200, "image/jpeg", thumbnail_bytes())
    video = add_video(editor_client, embed_url="https://vimeo.com/76979871")
    assert Provider.asked == ["/api/oembed.json", "/thumbnails/76979871.jpg"]
    assert video.poster_made_from == "Vimeo 76979871" and video.poster_width == 480


@pytest.mark.parametrize("status", [404, 500])
def test_provider_answering_an_error_gets_a_drawn_poster(editor_client, client, provider, status):
    provider[THUMBNAIL_PATH] = (status, "text/html", b"<h1>Sorry</h1>")
    video = add_video(editor_client)
    assert_drawn(video)
    assert video.poster.srcset() in page_of(client, video)


def test_provider_out_of_reach_gets_a_drawn_poster(editor_client, client, closed_port):
    video = add_video(editor_client)
    assert_drawn(video)
    assert video.poster.srcset() in page_of(client, video)


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("image/jpeg", b"<html><body>Not a picture</body></html>"),
        ("image/jpeg", thumbnail_bytes()[:2000]),  # cut short
        ("image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ],
)
def test_answer_that_is_not_an_image_is_refused_for_a_drawn_poster(
    editor_client, provider, content_type, body
):
    provider[THUMBNAIL_PATH] = (200, content_type, body)
    video = add_video(editor_client)
    assert Provider.asked == [THUMBNAIL_PATH]
    assert_drawn(video)


def test_an_editors_own_poster_is_kept(editor_client, provider):
    provider[THUMBNAIL_PATH] = (200, "image/jpeg", thumbnail_bytes())
    upload = SimpleUploadedFile("our-poster.jpg", small_picture(5).read(), "image/jpeg")
    video = add_video(editor_client, poster=upload)
    assert Provider.asked == []
    assert video.poster.name.endswith("our-poster.jpg") and video.poster_made_from == ""
    video.title_en = "Open day, again"
    video.save()
    video.refresh_from_db()
    assert video.poster.name.endswith("our-poster.jpg") and Provider.asked == []


def test_a_drawn_poster_is_replaced_once_the_provider_answers_again(
    editor_client, provider, django_capture_on_commit_callbacks
):
    video = add_video(editor_client)
    assert_drawn(video)
    drawn = [video.poster.name, video.poster.share_url.removeprefix("/media/")]
    assert all(default_storage.exists(name) for name in drawn)
    provider[THUMBNAIL_PATH] = (200, "image/jpeg", thumbnail_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        video.save()
    video.refresh_from_db()
    assert video.poster_made_from == "YouTube aqz-KE-bpKQ" and video.poster.name != drawn[0]
    assert not any(default_storage.exists(name) for name in drawn)


def test_a_drawn_poster_is_not_drawn_again_while_the_provider_is_out(editor_client, closed_port):
    video = add_video(editor_client)
    drawn = video.poster.name
    video.save()
    video.refresh_from_db()
    assert video.poster.name == drawn


def test_another_video_gets_its_own_thumbnail(editor_client, provider):
    provider[THUMBNAIL_PATH] = (200, "image/jpeg", thumbnail_bytes())
    video = add_video(editor_client)
    provider["/vi/dQw4w9WgXcQ/hqdefault.jpg"] = (200, "image/jpeg", small_picture(4).read())
    video.embed_url = "https://youtu.be/dQw4w9WgXcQ"
    video.save()
    video.refresh_from_db()
    assert video.poster_made_from == "YouTube dQw4w9WgXcQ" and video.poster_width == 160


def test_a_redirect_to_plain_http_elsewhere_is_not_followed(editor_client, provider):
    provider[THUMBNAIL_PATH] = (302, "text/plain", b"http://thumbnails.example.net/a.jpg")
    video = add_video(editor_client)
    assert_drawn(video)


def test_a_slow_provider_is_given_up_on(provider, monkeypatch):
    monkeypatch.setattr(posters, "TIMEOUT_SECONDS", 0.2)
    provider[THUMBNAIL_PATH] = (200, "image/jpeg", thumbnail_bytes(), 1)
    started = time.monotonic()
    assert posters.provider_thumbnail(parse_embed(YOUTUBE)) is None
    assert time.monotonic() - started < 0.8


def test_a_video_file_gets_a_drawn_poster_with_its_persian_title():
    video = make_video(languages=("fa",), source="file")
    assert video.poster_made_from.startswith("title: روز برداشت")
    assert is_wide(poster_image(video).size)


def test_the_title_is_drawn_with_a_font_that_has_all_its_letters():
    untitled = Image.open(posters.drawn_poster("")).tobytes()
    for title in ("روز برداشت (گزارش)", "يوم الحصاد في الحديقة", "Dita e korrjes në kopsht"):
        font = posters._font_for(title, 40)
        # .ci/run installs fonts-noto-core; DejaVu comes with Debian.
        assert font is not None, f"no font has the letters of {title!r}: install fonts-noto-core"
        assert not posters._missing(font, title)
        assert Image.open(posters.drawn_poster(title)).tobytes() != untitled


def test_a_title_no_font_can_draw_is_left_out_rather_than_drawn_as_boxes():
    poster = Image.open(posters.drawn_poster("\U0010fff0\U0010fff1"))
    assert is_wide(poster.size)
    assert poster.tobytes() == Image.open(posters.drawn_poster("")).tobytes()
