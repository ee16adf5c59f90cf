"""Test data, written for these tests, in the four languages."""

import itertools
from datetime import timedelta

from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Category
from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage
from nejat.publishing.tags import Tag

TITLES = {
    "en": "Volunteers plant trees along the river",
    "ar": "متطوعون يزرعون الأشجار على ضفاف النهر",
    "fa": "داوطلبان در کناره‌ی رودخانه درخت کاشتند",
    "sq": "Vullnetarët mbjellin pemë përgjatë lumit",
}
BODIES = {
    "en": "<p>Forty volunteers spent the weekend planting young trees.</p>",
    "ar": "<p>أمضى أربعون متطوعًا عطلة نهاية الأسبوع في زراعة الأشجار.</p>",
    "fa": "<p>چهل داوطلب آخر هفته را به کاشتن نهال گذراندند.</p>",
    "sq": "<p>Dyzet vullnetarë e kaluan fundjavën duke mbjellë fidanë.</p>",
}
CATEGORY_NAMES = {"en": "Environment", "ar": "البيئة", "fa": "محیط زیست", "sq": "Mjedisi"}
TAG_LABELS = {"en": "Rivers", "ar": "الأنهار", "fa": "رودخانه‌ها", "sq": "Lumenjtë"}

_counter = itertools.count(1)


def localized(field, language):
    return build_localized_fieldname(field, language)


def make_category(slug="environment", languages=tuple(CATEGORY_NAMES)):
    """A category whose address is ``slug`` in each language that names it (and in
    English), as categories made before each edition had its own address are."""
    category = Category()
    for language in {*languages, "en"}:
        setattr(category, localized("slug", language), slug)
    for language in languages:
        setattr(category, localized("name", language), CATEGORY_NAMES[language])
    category.save()
    return category


def make_tag(slug="rivers", languages=tuple(TAG_LABELS)):
    """A tag whose key and address in each language that labels it are ``slug``."""
    tag = Tag(name=slug, slug=slug)
    for language in languages:
        setattr(tag, localized("label", language), TAG_LABELS[language])
        setattr(tag, localized("label_slug", language), slug)
    tag.save()
    return tag


def make_library_image(file=None, **fields):
    """A picture in the image library (a small abstract one unless ``file`` is given);
    ``fields`` such as ``alt_fa="…"`` or ``focal_x=20``."""
    image = LibraryImage(file=file or abstract_picture(next(_counter), size=(160, 120)))
    for field, value in fields.items():
        setattr(image, field, value)
    image.save()
    return image


def make_article(category, languages=("en",), status="published", days_ago=1, **fields):
    number = next(_counter)
    article = Article(
        category=category, status=status, publish_at=timezone.now() - timedelta(days=days_ago)
    )
    for language in languages:
        setattr(article, localized("title", language), f"{TITLES[language]} {number}")
        setattr(article, localized("slug", language), f"{language}-story-{number}")
        setattr(article, localized("body", language), BODIES[language])
    for field, value in fields.items():
        setattr(article, field, value)
    article.save()
    return article


def signed_moment(seconds_ago=60):
    """The hidden ``shown_at`` value of a form shown some seconds ago."""
    import time

    from django.core import signing

    from nejat.site.antispam import TIMESTAMP_SALT

    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)
