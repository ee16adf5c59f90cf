import pytest

from tests.factories import make_article


@pytest.fixture
def page_cache_off(settings):
    """Pages made afresh on every request, as when no reader has asked for them yet."""
    settings.NEJAT_PAGE_CACHE = False


@pytest.fixture
def story(category):
    """An article in two editions (modules that need another override this)."""
    return make_article(category, languages=("en", "fa"))
