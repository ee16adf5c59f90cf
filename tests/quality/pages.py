"""Every page type of every edition of the demo site: the addresses the quality gate
checks, found by `manage.py shell` on the stack's database after `seed_demo`."""

PAGE_TYPES = """
import json
from django.urls import reverse
from django.utils import translation
from django.core.management import call_command
from articles.models import Article, Author, Source
from media_library.models import Album, Cartoon, NewsPic, Video
from publications.models import Book, Issue
from nejat.publishing.calendars import calendar_of
from nejat.site.models import Page

call_command("seed_demo", verbosity=0)


def first(model, language):
    return model.objects.published().in_language(language).order_by("-publish_at").first()


pages = {}
for language in ("en", "ar", "fa", "sq"):
    with translation.override(language):
        article = first(Article, language)
        month = calendar_of(language).month_at(article.publish_at)
        tag = article.tags.exclude(**{f"label_{language}": ""}).first()
        urls = {
            "home": reverse("home"),
            "article": article.get_absolute_url(),
            "category": article.category.get_absolute_url(),
            "month": reverse("articles:month", kwargs={"year": month.year, "month": month.month}),
            "search": reverse("search") + "?q=" + article.title.split()[0],
            "media": reverse("media_library:index"),
            "contact": reverse("contact"),
            "publications": reverse("publications:index"),
            "not-found": f"/{language}/no-such-page/",
        }
        if tag is not None:
            urls["tag"] = tag.get_absolute_url()
        edition = Article.objects.published().in_language(language)
        for name, model in (("author", Author), ("source", Source)):
            credit = model.objects.filter(articles__in=edition).order_by("slug").first()
            if credit is not None:
                urls[name] = credit.get_absolute_url()
        for name, model in (
            ("cartoon", Cartoon), ("newspic", NewsPic), ("album", Album), ("video", Video),
            ("book", Book), ("issue", Issue), ("page", Page),
        ):
            item = first(model, language)
            if item is not None:
                urls[name] = item.get_absolute_url()
        pages[language] = urls
print(json.dumps(pages))
"""
