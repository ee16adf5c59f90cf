import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from media_library.demo.mp4 import generate_mp4
from nejat.media.embeds import parse_embed, validate_embed_url
from nejat.media.players import players_in
from nejat.media.video import mp4_duration, sniff_video_type, validate_video_file_url
from tests.factories import make_article
from tests.media_library.factories import webm_bytes

PART_ONE = "https://media.example.org/video/2019/part-one.mp4"


class TestPlayersInArticleBodies:
    @pytest.mark.django_db
    def test_bare_mp4_link_on_its_own_line_becomes_a_player_keeping_the_link(
        self, client, category
    ):
        body = (
            "<p>The interview, in two parts.</p>"
            f'<p><a href="{PART_ONE}">Part one</a></p>'
            f'<p>Also see <a href="{PART_ONE}">the first part</a> of the talk.</p>'
        )
        article = make_article(category, body_en=body)
        html = client.get(article.url_in("en")).content.decode()
        assert (
            '<video controls preload="metadata">'
            f'<source src="{PART_ONE}" type="video/mp4">'
            f'<a href="{PART_ONE}">Part one</a></video>'
        ) in html
        assert html.count("<video") == 1
        assert f'<p>Also see <a href="{PART_ONE}">the first part</a> of the talk.</p>' in html

    def test_link_inside_a_sentence_stays_a_link(self):
        html = f'<p>Watch <a href="{PART_ONE}">part one</a> tonight.</p>'
        assert players_in(html) == html

    def test_links_between_line_breaks_each_get_a_player(self):
        html = (
            "<p>Part one<br>"
            '<a href="https://media.example.org/a.mp4">https://media.example.org/a.mp4</a><br>'
            "Part two<br>"
            '<a href="https://media.example.org/b.webm">https://media.example.org/b.webm</a></p>'
        )
        result = players_in(html)
        assert result.count("<video") == 2
        assert '<source src="https://media.example.org/b.webm" type="video/webm">' in result
        assert result.startswith("<p>Part one</p><figure")
        assert "<p>Part two</p>" in result

    def test_bare_address_written_as_text_on_its_own_line_becomes_a_player(self):
        result = players_in("<p> https://media.example.org/clip.mp4?size=hd&amp;v=2 </p>")
        assert '<source src="https://media.example.org/clip.mp4?size=hd&amp;v=2"' in result

    @pytest.mark.parametrize(
        "html",
        [
            '<p><a href="https://example.org/report.pdf">Report</a></p>',
            '<p><a href="mailto:team@example.org">team@example.org</a></p>',
            "<p>part-one.mp4</p>",
            '<blockquote><a href="https://example.org/a.mp4">a</a></blockquote>',
        ],
    )
    def test_other_lines_are_left_alone(self, html):
        assert players_in(html) == html

    @pytest.mark.parametrize(
        "line",
        [
            '<a href="https://www.youtube.com/watch?v=Qm7fT2xLk9A">Clinic day</a>',
            "https://youtu.be/Qm7fT2xLk9A",
        ],
    )
    def test_a_youtube_link_alone_becomes_a_player_that_loads_nothing_before_play(self, line):
        result = players_in(f"<p>Before</p><p>{line}</p>")
        assert result.startswith('<p>Before</p><figure class="video-player"><div class="video-')
        assert 'data-player="https://www.youtube-nocookie.com/embed/Qm7fT2xLk9A' in result
        assert 'href="https://www.youtube.com/watch?v=Qm7fT2xLk9A"' in result
        assert "Play the video from YouTube" in result and "<iframe" not in result

    def test_a_youtube_link_in_a_sentence_stays_a_link(self):
        html = '<p>See <a href="https://youtu.be/Qm7fT2xLk9A">the clinic</a> at work.</p>'
        assert players_in(html) == html

    def test_filter_leaves_text_not_marked_safe_to_autoescaping(self):
        template = Template(
            "{% load media_tags %}{{ body|video_players }}|{{ body|safe|video_players }}"
        )
        body = f'<p><a href="{PART_ONE}">Part one</a></p>'
        escaped, rendered = template.render(Context({"body": body})).split("|")
        assert "&lt;p&gt;" in escaped and "<video" not in escaped
        assert "<video" in rendered


class TestEmbeds:
    @pytest.mark.parametrize(
        "link, provider, player",
        [
            (
                "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=30",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://youtu.be/aqz-KE-bpKQ",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://m.youtube.com/shorts/aqz-KE-bpKQ",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://vimeo.com/76979871",
                "Vimeo",
                "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
            ),
            (
                "https://player.vimeo.com/video/76979871?h=8272103f6e",
                "Vimeo",
                "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1",
            ),
            (
                "https://www.aparat.com/v/k3Vb8",
                "Aparat",
                "https://www.aparat.com/video/video/embed/videohash/k3Vb8/vt/frame",
            ),
        ],
    )
    def test_supported_links_give_a_privacy_friendly_player(self, link, provider, player):
        embed = parse_embed(link)
        assert (embed.provider, embed.player_url) == (provider, player)

    @pytest.mark.parametrize(
        "link",
        [
            "https://videos.example.net/watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com.example.net/watch?v=aqz-KE-bpKQ",
            'https://www.youtube.com/embed/aqz-KE-bpKQ"><script>',
            "javascript:alert(1)",
            "ftp://vimeo.com/76979871",
        ],
    )
    def test_other_links_are_not_embedded(self, link):
        assert parse_embed(link) is None
        with pytest.raises(ValidationError):
            validate_embed_url(link)

    def test_error_names_the_providers_supported(self):
        with pytest.raises(ValidationError) as error:
            validate_embed_url("https://videos.example.net/123")
        assert "YouTube, Vimeo, Aparat" in str(error.value)


class TestVideoFiles:
    def test_mp4_and_webm_are_told_by_their_content(self):
        assert sniff_video_type(io.BytesIO(generate_mp4(32, 32, 4, 1))) == "video/mp4"
        assert sniff_video_type(io.BytesIO(webm_bytes())) == "video/webm"
        only_a_header = bytes.fromhex("1a45dfa3 87 4282 84") + b"webm" + bytes(40)
        assert sniff_video_type(io.BytesIO(only_a_header)) is None
        assert sniff_video_type(io.BytesIO(webm_bytes(track_type=2))) is None  # sound only
        matroska = bytes.fromhex("1a45dfa3 9f 4282 88") + b"matroska" + bytes(40)
        assert sniff_video_type(io.BytesIO(matroska)) is None
        assert sniff_video_type(io.BytesIO(b"GIF89a" + bytes(60))) is None

    def test_mp4_duration_is_read_from_the_movie_header(self):
        assert mp4_duration(io.BytesIO(generate_mp4(32, 32, 4, 3))) == timedelta(seconds=3)
        assert mp4_duration(io.BytesIO(b"\x00\x00\x00\x08free")) is None
        assert mp4_duration(io.BytesIO(b"\x00\x00\x00\x01moov")) is None

    @pytest.mark.parametrize(
        "address, valid",
        [
            ("https://media.example.org/video/talk.mp4", True),
            ("http://media.example.org/video/talk.WEBM?x=1", True),
            ("https://media.example.org/video/talk.avi", False),
            ("ftp://media.example.org/video/talk.mp4", False),
        ],
    )
    def test_file_address_must_be_http_and_a_video_file(self, address, valid):
        if valid:
            validate_video_file_url(address)
        else:
            with pytest.raises(ValidationError):
                validate_video_file_url(address)
