import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation


@pytest.fixture
def chrome_queries(rf, db):
    """How many queries the shared chrome of every page (base.html: menu, sidebar,
    footer) makes, so each page's own queries can be counted exactly."""
    request = rf.get("/fa/media/")
    request.user = AnonymousUser()
    with translation.override("fa"), CaptureQueriesContext(connection) as queries:
        render_to_string("base.html", request=request)
    return len(queries)
