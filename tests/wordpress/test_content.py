"""WordPress bodies in our HTML: paragraphs, shortcodes and blocks."""

from nejat.publishing.richtext import sanitize_html
from nejat.wordpress.content import Context, autop, convert
from nejat.wordpress.markup import comment_text, plain_text
from nejat.wordpress.shortcodes import attributes

UPLOADS = "https://old.example.org/wp-content/uploads/"
GALLERY = [
    (11, f"{UPLOADS}2020/05/river.jpg", "A river at dawn", "Morning on the river"),
    (12, f"{UPLOADS}2020/05/trees.jpg", "Young trees", ""),
]


class Recorder:
    def __init__(self):
        self.shortcodes, self.blocks, self.galleries = [], [], []

    def context(self):
        def gallery(ids):
            self.galleries.append(ids)
            return [entry for entry in GALLERY if ids is None or entry[0] in ids]

        return Context(
            rewrite_url=lambda url: url.replace(UPLOADS, "/media/wp/"),
            gallery=gallery,
            unknown_shortcode=self.shortcodes.append,
            unknown_block=self.blocks.append,
        )


def html(text, recorder=None):
    return sanitize_html(convert(text, (recorder or Recorder()).context()))


class TestClassicEditor:
    def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks(self):
        assert autop("One\ntwo\n\nThree") == "<p>One<br>\ntwo</p>\n<p>Three</p>\n"

    def test_block_elements_are_not_wrapped_in_paragraphs(self):
        result = autop("Intro\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nOutro")
        assert "<p><ul>" not in result and "<ul>\n<li>one</li>" in result
        assert "<p>Intro</p>" in result and "<p>Outro</p>" in result

    def test_code_keeps_its_line_breaks(self):
        assert html("<pre>a = 1\nb = 2</pre>") == "<p>a = 1<br>b = 2</p>"

    def test_headings_and_emphasis_take_the_forms_the_editor_offers(self):
        result = html("<h1>Big</h1>\n<h6>Small</h6>\n<b>bold</b> <i>it</i> <strike>gone</strike>")
        assert "<h2>Big</h2>" in result and "<h4>Small</h4>" in result
        assert "<strong>bold</strong> <em>it</em> <s>gone</s>" in result

    def test_a_link_alone_on_its_line_becomes_a_link_paragraph(self):
        result = html("Watch:\n\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw\n\nEnd.")
        assert (
            '<p><a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">'
            "https://www.youtube.com/watch?v=SQEQr7c0-dw</a></p>"
        ) in result

    def test_an_iframe_embed_becomes_a_link_to_the_video_page(self):
        result = html('<iframe src="https://www.youtube.com/embed/SQEQr7c0-dw" width="560">')
        assert result == (
            '<p><a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">'
            "https://www.youtube.com/watch?v=SQEQr7c0-dw</a></p>"
        )


class TestShortcodes:
    def test_caption_becomes_a_figure_with_its_caption(self):
        result = html(
            f'[caption id="attachment_5" align="alignright" width="300"]<a href="{UPLOADS}a.jpg">'
            f'<img src="{UPLOADS}a-300x200.jpg" alt="Volunteers" width="300" /></a>'
            " Volunteers at work[/caption]"
        )
        assert result == (
            '<figure><a href="/media/wp/a.jpg"><img src="/media/wp/a-300x200.jpg" '
            'alt="Volunteers" width="300"></a><figcaption>Volunteers at work</figcaption></figure>'
        )

    def test_caption_given_as_an_attribute(self):
        result = html(
            f'[caption caption="On the river"]<img src="{UPLOADS}r.jpg" alt="">[/caption]'
        )
        assert "<figcaption>On the river</figcaption>" in result

    def test_gallery_with_ids_lists_those_images(self):
        recorder = Recorder()
        result = html('[gallery columns="2" ids="12, 11"]', recorder)
        assert recorder.galleries == [[12, 11]]
        assert result.count("<figure>") == 2
        assert '<img src="/media/wp/2020/05/river.jpg" alt="A river at dawn">' in result
        assert "<figcaption>Morning on the river</figcaption>" in result

    def test_gallery_without_ids_shows_the_posts_own_images_less_the_excluded(self):
        recorder = Recorder()
        result = html('[gallery exclude="11"]', recorder)
        assert recorder.galleries == [None]
        assert "trees.jpg" in result and "river.jpg" not in result

    def test_video_audio_and_embed_become_links(self):
        result = html(
            f'[video width="640" mp4="{UPLOADS}2020/05/part-one.mp4"][/video]\n\n'
            f"[audio {UPLOADS}2020/05/song.mp3]\n\n"
            "[embed]https://vimeo.com/76979871[/embed]"
        )
        assert '<p><a href="/media/wp/2020/05/part-one.mp4">part-one.mp4</a></p>' in result
        assert '<p><a href="/media/wp/2020/05/song.mp3">song.mp3</a></p>' in result
        assert '<a href="https://vimeo.com/76979871">' in result

    def test_plugin_shortcodes_are_removed_and_reported(self):
        recorder = Recorder()
        text = 'Give: [donate amount="5"] or [contact-form-7 id="1"] [1] [sic] [box]Hi[/box]'
        result = html(text, recorder)
        assert result == "<p>Give:  or  [1] [sic] [box]Hi</p>"
        assert recorder.shortcodes == ["donate", "contact-form-7", "box"]

    def test_a_plugin_shortcode_alone_leaves_no_empty_paragraph(self):
        assert html('Before\n\n[contact-form-7 id="12" title="Contact"]\n\nAfter') == (
            "<p>Before</p>\n<p>After</p>"
        )

    def test_a_doubled_bracket_is_a_literal_shortcode(self):
        assert html("Type [[gallery]] to show images.") == "<p>Type [gallery] to show images.</p>"

    def test_attributes_are_read_as_wordpress_reads_them(self):
        named, positional = attributes(""" ids="1,2" columns=3 link='file' https://x.org/a.mp3""")
        assert named == {"ids": "1,2", "columns": "3", "link": "file"}
        assert positional == ["https://x.org/a.mp3"]


class TestBlockEditor:
    def test_block_comments_are_removed_and_their_html_kept(self):
        result = html(
            "<!-- wp:paragraph -->\n<p>Hello</p>\n<!-- /wp:paragraph -->\n\n"
            '<!-- wp:heading {"level":1} -->\n<h1 class="wp-block-heading">Title</h1>\n'
            "<!-- /wp:heading -->"
        )
        assert result == "<p>Hello</p>\n<h2>Title</h2>"

    def test_embed_block_becomes_a_link_and_its_caption_a_paragraph(self):
        result = html(
            '<!-- wp:embed {"url":"https://youtu.be/ex8fMxXJDJw","type":"video"} -->\n'
            '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
            "https://youtu.be/ex8fMxXJDJw\n</div><figcaption>Planting day</figcaption></figure>\n"
            "<!-- /wp:embed -->"
        )
        assert result == (
            '<p><a href="https://youtu.be/ex8fMxXJDJw">https://youtu.be/ex8fMxXJDJw</a></p>'
            "<p>Planting day</p>"
        )

    def test_video_block_becomes_a_link_to_the_file(self):
        result = html(
            '<!-- wp:video --><figure class="wp-block-video"><video controls '
            f'src="{UPLOADS}2021/01/talk.mp4"></video><figcaption>The talk</figcaption></figure>'
            "<!-- /wp:video -->"
        )
        assert result == '<p><a href="/media/wp/2021/01/talk.mp4">talk.mp4</a></p><p>The talk</p>'

    def test_blocks_built_when_the_page_is_read_are_left_out_and_reported(self):
        recorder = Recorder()
        result = html(
            '<p>Before</p><!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:spacer /-->'
            "<p>After</p>",
            recorder,
        )
        assert result == "<p>Before</p><p>After</p>"
        assert recorder.blocks == ["latest-posts"]

    def test_shortcode_block_is_converted(self):
        recorder = Recorder()
        result = html('<!-- wp:shortcode -->\n[gallery ids="11"]\n<!-- /wp:shortcode -->', recorder)
        assert "<figure><img" in result and "[gallery" not in result


def test_titles_and_excerpts_become_plain_text():
    assert plain_text("Markup: Title <em>With</em> &amp; <b>Markup</b>") == (
        "Markup: Title With & Markup"
    )


def test_comments_keep_their_paragraphs_as_lines():
    assert comment_text("<p>First &amp; foremost</p><p>Second<br>line</p>") == (
        "First & foremost\nSecond\nline"
    )
