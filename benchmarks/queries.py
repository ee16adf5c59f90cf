"""The database queries each page makes, and the time they take, for the benchmark table.

    DJANGO_SETTINGS_MODULE=… python benchmarks/queries.py PATH [PATH …]

Runs in a process of its own with the server's environment (same settings, same
database, same cache), through Django's test client. Each page is asked once to warm
up, then REPEATS times: the queries of the first of those are counted, and the median
of their summed durations is the page's database time (what the database and the
round trips to it take, as seen from the site). Prints JSON:
{path: {"status": …, "queries": …, "db_ms": …}}.
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"X-Forwarded-Proto": "https"}
REPEATS = 21


class Timer:
    """An execute wrapper that counts queries and adds up their durations."""

    def __init__(self):
        self.queries, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.seconds += time.perf_counter() - started


def measure(client, path):
    from django.db import connection

    client.get(path, headers=HEADERS)
    timers = []
    for _ in range(REPEATS):
        timers.append(Timer())
        with connection.execute_wrapper(timers[-1]):
            response = client.get(path, headers=HEADERS)
    return {
        "status": response.status_code,
        "queries": timers[0].queries,
        "db_ms": statistics.median(timer.seconds * 1000 for timer in timers),
    }


def main():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    print(json.dumps({path: measure(client, path) for path in sys.argv[1:]}))


if __name__ == "__main__":
    main()
