"""Server time and queries per request for the main public pages.

Builds a throwaway SQLite database with the demo content, then requests each page
many times through Django's test client (no network, no static files) and prints
the median time and the number of queries. Run with:

    .venv/bin/python benchmarks/pages.py [--requests 200]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="nejat-bench-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="nejat.settings.base",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))

    from articles.models import Article

    article = Article.objects.published().in_language("fa").first()
    with translation.override("fa"):
        pages = {
            "home (fa)": "/fa/",
            "article list (en)": "/en/articles/",
            "article (fa)": article.url_in("fa"),
            "media: albums (ar)": "/ar/media/albums/",
            "publications: books (sq)": "/sq/publications/books/",
            "contact (en)": "/en/contact/",
        }
    client = Client()
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages.items():
        client.get(url)  # warm caches and template loaders
        timings = []
        for _ in range(options.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{name:28} {statistics.median(timings):10.2f} {p95:8.2f} {len(queries):8d}")


if __name__ == "__main__":
    main()
