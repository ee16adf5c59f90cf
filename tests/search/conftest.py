import pytest
from django.db import connection

# Tests that only PostgreSQL can run (stemming, query plans); CI runs the whole suite
# on PostgreSQL as well, where they run.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's full-text search; runs in CI's PostgreSQL pass",
)
