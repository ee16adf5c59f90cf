"""Editors link items that are one story in different languages into one item, and
split an item's languages into items of their own, from the admin's lists."""

import pytest
from django.test import Client

from articles.models import Article, Comment
from media_library.models import Album
from nejat.media.demo_images import abstract_picture
from tests.factories import make_article, make_library_image, make_tag
from tests.media_library.factories import make_album

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/articles/article/"


def comment(article, language, name="Reader"):
    return Comment.objects.create(
        article=article,
        name=name,
        email="reader@example.org",
        text="Thank you",
        language=language,
        status=Comment.Status.APPROVED,
    )


def act(client, action, items, url=ARTICLES):
    return client.post(
        url, {"action": action, "_selected_action": [item.pk for item in items]}, follow=True
    )


def test_two_articles_in_different_languages_become_one(client_for, newsroom_editor, category):
    english = make_article(
        category, languages=["en"], image=make_library_image(abstract_picture(1))
    )
    persian = make_article(category, languages=["fa"])
    persian.tags.add(make_tag("rivers"))
    persian_comment = comment(persian, "fa")
    persian_url = persian.url_in("fa")

    response = act(client_for(newsroom_editor), "link_translations", [english, persian])

    assert "is now one item in en, fa" in response.content.decode()
    english.refresh_from_db()
    assert english.written_languages == ["en", "fa"]
    assert not Article.objects.filter(pk=persian.pk).exists()
    assert english.url_in("fa") == persian_url  # the Persian address stays
    assert list(english.tags.values_list("slug", flat=True)) == ["rivers"]
    persian_comment.refresh_from_db()
    assert persian_comment.article == english
    reader = Client()
    assert reader.get(persian_url).status_code == 200
    assert 'hreflang="fa"' in reader.get(english.url_in("en")).content.decode()


def test_items_written_in_the_same_language_are_not_linked(client_for, newsroom_editor, category):
    first = make_article(category, languages=["en", "fa"])
    second = make_article(category, languages=["fa"])
    response = act(client_for(newsroom_editor), "link_translations", [first, second])
    assert "more than one of them is written in fa" in response.content.decode()
    assert Article.objects.count() == 2


def test_an_articles_languages_become_articles_of_their_own(client_for, newsroom_editor, category):
    article = make_article(
        category, languages=["en", "fa"], image=make_library_image(abstract_picture(2))
    )
    article.tags.add(make_tag("rivers"))
    english_comment, persian_comment = comment(article, "en"), comment(article, "fa")
    persian_url = article.url_in("fa")

    response = act(client_for(newsroom_editor), "split_languages", [article])

    assert "1 language became an item of its own" in response.content.decode()
    article.refresh_from_db()
    persian = Article.objects.exclude(pk=article.pk).get()
    assert article.written_languages == ["en"] and persian.written_languages == ["fa"]
    assert persian.url_in("fa") == persian_url
    # One picture of the library, shown by both.
    assert persian.image and persian.image == article.image
    assert list(persian.tags.values_list("slug", flat=True)) == ["rivers"]
    english_comment.refresh_from_db()
    persian_comment.refresh_from_db()
    assert english_comment.article == article and persian_comment.article == persian
    reader = Client()
    assert reader.get(persian_url).status_code == 200
    assert reader.get(article.url_in("en")).status_code == 200
    assert 'hreflang="fa"' not in reader.get(article.url_in("en")).content.decode()


def test_an_albums_languages_stay_together(client_for, newsroom_editor):
    album = make_album(languages=["en", "fa"], photos=2)
    response = act(
        client_for(newsroom_editor), "split_languages", [album], "/admin/media_library/album/"
    )
    assert "Not split" in response.content.decode()
    assert Album.objects.count() == 1


def test_only_those_who_publish_may_link_or_split(client_for, persian_translator, category):
    page = client_for(persian_translator).get(ARTICLES).content.decode()
    assert "link_translations" not in page and "split_languages" not in page
    first = make_article(category, languages=["en"])
    second = make_article(category, languages=["fa"])
    act(client_for(persian_translator), "link_translations", [first, second])
    assert Article.objects.count() == 2
