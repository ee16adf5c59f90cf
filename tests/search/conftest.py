import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

# Tests that only PostgreSQL can run (stemming, query plans); CI runs the whole suite
# on PostgreSQL as well, where they run.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's full-text search; runs in CI's PostgreSQL pass",
)


@pytest.fixture
def chrome_queries(rf, db):
    """How many queries the chrome of every page (base.html) makes."""
    request = rf.get("/fa/search/")
    request.user = AnonymousUser()
    with translation.override("fa"), CaptureQueriesContext(connection) as queries:
        render_to_string("base.html", request=request)
    return len(queries)
