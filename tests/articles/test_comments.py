import pytest
from django.core import mail
from django.utils import translation

from articles.models import Comment
from nejat.site.models import SiteSettings
from tests.factories import make_article, signed_moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(category):
    SiteSettings.objects.create(notification_emails="desk@example.org")
    return make_article(category, languages=["en", "ar"])


def comment(**overrides):
    data = {
        "name": "Sami",
        "email": "sami@example.org",
        "text": "Thank you for this report.",
        "website": "",
        "shown_at": signed_moment(),
    }
    data.update(overrides)
    return data


def approve_all():
    Comment.objects.update(status=Comment.Status.APPROVED)


class TestPosting:
    def test_new_comment_waits_for_moderation_and_staff_are_told(self, client, article):
        response = client.post(article.url_in("en"), comment())
        assert response.status_code == 302
        stored = Comment.objects.get()
        assert stored.status == "pending" and stored.language == "en"
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["desk@example.org"]
        page = client.get(article.url_in("en")).content.decode()
        assert "Thank you for this report." not in page
        assert "No comments" in page
        home = client.get("/en/").content.decode()
        assert "No comments" in home

    def test_approved_comment_is_shown_and_counted(self, client, article):
        client.post(article.url_in("en"), comment())
        approve_all()
        page = client.get(article.url_in("en")).content.decode()
        assert "Thank you for this report." in page and "1 comment" in page
        assert "sami@example.org" not in page
        assert "1 comment" in client.get("/en/").content.decode()

    def test_comment_text_is_plain_text(self, client, article):
        text = "<script>alert(1)</script>\nSecond line https://example.org/x"
        client.post(article.url_in("en"), comment(text=text))
        approve_all()
        page = client.get(article.url_in("en")).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in page
        assert '<a rel="nofollow ugc noopener" href="https://example.org/x">' in page

    def test_reply_to_a_reply_stays_one_level_deep(self, client, article):
        client.post(article.url_in("en"), comment())
        approve_all()
        first = Comment.objects.get()
        client.post(article.url_in("en"), comment(text="A reply", parent=first.pk))
        approve_all()
        reply = Comment.objects.get(text="A reply")
        client.post(article.url_in("en"), comment(text="A reply to the reply", parent=reply.pk))
        assert Comment.objects.get(text="A reply to the reply").parent == first

    def test_closed_article_shows_no_form_and_refuses_a_post(self, client, article):
        article.comments_open = False
        article.save()
        page = client.get(article.url_in("en")).content.decode()
        assert 'id="comment-form"' not in page
        response = client.post(article.url_in("en"), comment())
        assert response.status_code == 403
        assert Comment.objects.count() == 0

    def test_invalid_comment_keeps_the_input_and_shows_errors(self, client, article):
        response = client.post(article.url_in("ar"), comment(email="nope", text="نص التعليق"))
        assert response.status_code == 200
        assert "نص التعليق" in response.content.decode()
        assert "email" in response.context["form"].errors
        assert Comment.objects.count() == 0

    @pytest.mark.parametrize("spam", ["honeypot", "too fast"])
    def test_spam_is_not_stored(self, client, article, spam):
        trap = {"website": "x"} if spam == "honeypot" else {"shown_at": signed_moment(0)}
        assert client.post(article.url_in("en"), comment(**trap)).status_code == 200
        assert Comment.objects.count() == 0 and mail.outbox == []

    def test_eleventh_comment_in_an_hour_is_refused(self, client, article):
        for _ in range(10):
            client.post(article.url_in("en"), comment(), REMOTE_ADDR="192.0.2.9")
        assert (
            client.post(article.url_in("en"), comment(), REMOTE_ADDR="192.0.2.9").status_code == 429
        )
        assert Comment.objects.count() == 10


@pytest.mark.parametrize(
    "language, words",
    [("en", "No comments"), ("ar", "لا تعليقات"), ("fa", "بدون دیدگاه"), ("sq", "Asnjë koment")],
)
def test_no_comments_is_said_in_words_not_with_a_zero(language, words):
    from django.template.loader import render_to_string

    with translation.override(language):
        assert render_to_string("includes/comment_count.html", {"count": 0}) == words


class TestArabicPluralForms:
    @pytest.mark.parametrize(
        "count, expected",
        [
            (0, "لا تعليقات"),
            (1, "تعليق واحد"),
            (2, "تعليقان"),
            (3, "3 تعليقات"),
            (11, "11 تعليقًا"),
            (100, "100 تعليق"),
        ],
    )
    def test_count_reads_right_in_arabic(self, count, expected):
        from django.template.loader import render_to_string

        with translation.override("ar"):
            assert (
                render_to_string("includes/comment_count.html", {"count": count}).strip()
                == expected
            )


class TestModeration:
    def test_staff_approve_and_mark_spam_in_bulk(self, editor_client, article):
        pending = [
            Comment.objects.create(
                article=article, name=f"R{i}", email="r@example.org", text="t", language="en"
            )
            for i in range(3)
        ]
        editor_client.post(
            "/admin/articles/comment/",
            {"action": "approve", "_selected_action": [c.pk for c in pending[:2]]},
        )
        editor_client.post(
            "/admin/articles/comment/", {"action": "mark_spam", "_selected_action": [pending[2].pk]}
        )
        assert sorted(Comment.objects.values_list("status", flat=True)) == [
            "approved",
            "approved",
            "spam",
        ]
        listing = editor_client.get("/admin/articles/comment/?status__exact=approved")
        assert listing.status_code == 200


class TestEditions:
    """Each edition of an article has its own conversation."""

    def test_a_comment_shows_and_counts_only_in_its_edition(self, client, article):
        client.post(article.url_in("ar"), comment(text="شكرًا على هذا التقرير"))
        approve_all()
        arabic = client.get(article.url_in("ar")).content.decode()
        english = client.get(article.url_in("en")).content.decode()
        assert "شكرًا على هذا التقرير" in arabic
        assert "شكرًا على هذا التقرير" not in english and "No comments" in english
        assert "No comments" in client.get("/en/").content.decode()

    def test_comment_text_and_names_follow_their_own_direction(self, client, article):
        client.post(article.url_in("en"), comment(name="سامی", text="Good — خوب"))
        approve_all()
        page = client.get(article.url_in("en")).content.decode()
        assert '<strong class="comment__author" dir="auto">سامی</strong>' in page
        assert '<div class="comment__text" dir="auto">' in page

    def test_a_reply_cannot_join_another_editions_thread(self, client, article):
        client.post(article.url_in("ar"), comment(text="سؤال"))
        approve_all()
        arabic = Comment.objects.get()
        client.post(article.url_in("en"), comment(text="An answer", parent=arabic.pk))
        reply = Comment.objects.get(text="An answer")
        assert reply.parent is None and reply.language == "en"
