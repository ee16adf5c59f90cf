"""Count the database queries each page makes, for the benchmark table.

    DJANGO_SETTINGS_MODULE=… python benchmarks/queries.py PATH [PATH …]

Runs in a process of its own with the server's environment (same settings, same
database, same cache), through Django's test client. Each page is asked twice and the
second request counted, as a warm gunicorn worker would serve it. Prints JSON:
{path: {"status": …, "queries": …}}.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"X-Forwarded-Proto": "https"}


def count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, headers=HEADERS)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=HEADERS)
    return {"status": response.status_code, "queries": len(captured)}


def main():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    print(json.dumps({path: count(client, path) for path in sys.argv[1:]}))


if __name__ == "__main__":
    main()
