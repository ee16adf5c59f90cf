import pytest
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.utils import translation

from nejat.editorial import roles
from tests.factories import make_category


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, with no session left in them when they are
    dropped: on PostgreSQL a connection some thread of the run still holds (closed only
    when it is garbage-collected) made the drop fail, and the run with it."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if connection.vendor == "postgresql":
                end_other_sessions(connection)


def end_other_sessions(connection):
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    except DatabaseError:
        pass  # not allowed to: Django's drop says what is in the way


@pytest.fixture(autouse=True)
def media_in_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits live in the cache: each test starts with none used."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, whatever one before it activated."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def groups(db):
    """The editorial groups. The migration makes them, but tests that empty the whole
    database (browser and other transactional tests) take them away again, so each test
    that needs them makes sure."""
    roles.sync_roles()


@pytest.fixture
def category(db):
    return make_category()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def own_queries(client, settings, django_assert_num_queries):
    """``own_queries(url, n)`` asserts that the page at ``url`` makes exactly ``n``
    queries of its own: the page cache is off and a first request has kept the
    chrome (menu, sidebar, footer, settings), as it is on a busy site."""
    settings.NEJAT_PAGE_CACHE = False

    def check(url, queries, data=None):
        client.get(url, data)
        with django_assert_num_queries(queries):
            return client.get(url, data)

    return check
