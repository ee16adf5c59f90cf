"""The desk on the admin's home page: what waits, how many, and a link to each."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from articles.models import Comment
from nejat.site.models import ContactMessage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def desk_rows(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index('<div class="module desk">')
    return page[start : page.index("</div>", start)]


def test_the_desk_counts_and_links_what_waits(editor_client, category):
    article = make_article(category)
    make_article(category, status="review")
    make_article(category, status="review")
    scheduled = make_article(category)
    scheduled.publish_at = timezone.now() + timedelta(days=2)
    scheduled.save()
    Comment.objects.create(
        article=article, name="R", email="r@example.org", text="t", language="en"
    )
    ContactMessage.objects.create(
        name="V", email="v@example.org", subject="s", message="m", language="fa"
    )
    desk = desk_rows(editor_client)
    assert '<a href="/admin/articles/article/?status=review">Articles in review</a>' in desk
    assert "<td>2</td>" in desk
    assert '<a href="/admin/articles/article/?status=scheduled">Articles scheduled</a>' in desk
    assert '?status__exact=pending">Comments awaiting moderation</a>' in desk
    assert '?is_read__exact=0">Unread contact messages</a>' in desk
    for link in (
        "/admin/articles/article/?status=review",
        "/admin/articles/article/?status=scheduled",
    ):
        assert editor_client.get(link).status_code == 200


def test_an_empty_desk_says_so(editor_client):
    assert "Nothing is waiting" in desk_rows(editor_client)


def test_a_translator_sees_no_contact_messages(django_user_model, category, groups):
    ContactMessage.objects.create(
        name="V", email="v@example.org", subject="s", message="m", language="fa"
    )
    translator = django_user_model.objects.create_user("t", password="pw", is_staff=True)
    translator.groups.add(Group.objects.get(name="Translator (fa)"))
    client = Client()
    client.force_login(translator)
    assert "Unread contact messages" not in desk_rows(client)
