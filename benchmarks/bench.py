"""``make bench``: the main public pages under load, cached and uncached, beside a
bare-Django ceiling measured in the same run.

Builds a throwaway database (PostgreSQL, or SQLite with ``BENCH_DB=sqlite``), loads
``BENCH_ARTICLES`` generated articles in four editions, serves the production
settings with gunicorn (2 sync workers, persistent connections, the Redis cache),
and loads each page with wrk: once with ``NEJAT_PAGE_CACHE=false``, once with
``true``. What counts is the server's CPU milliseconds per request (gunicorn,
PostgreSQL and Redis together): on these shared 2-core machines requests/s moves
with the neighbours, CPU per request far less. Everything it starts, creates or
writes is removed at the end, on failure and on SIGINT/SIGTERM too.

Environment: BENCH_ARTICLES (1000), BENCH_DB (postgresql | sqlite), BENCH_SECONDS
(10), BENCH_WARMUP (3), BENCH_CONNECTIONS (8), BENCH_WORKERS (2), BENCH_MODES
(uncached,cached,nginx — the last behind deploy/'s nginx micro-cache), BENCH_CACHE_URL
(redis://127.0.0.1:6379/15, flushed before each server starts), BENCH_SEARCH (election),
BENCH_CEILING (/work/shared/bench/bare_django), BENCH_GEN_CONTENT
(/work/shared/bench/gen_content.py).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

import ceiling
import cpu
import nginx
import report
import services

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"X-Forwarded-Proto": "https"}
PAGE_CACHE = {"uncached": "false", "cached": "true", "nginx": "true"}
# Behind nginx's micro-cache, the pages a burst of readers hits.
NGINX_PAGES = ("home (en)", "article")


def read_config():
    env = os.environ
    database = env.get("BENCH_DB", "postgresql").lower()
    return {
        "articles": int(env.get("BENCH_ARTICLES", 1000)),
        "database": "sqlite" if database.startswith("sqlite") else "postgresql",
        "seconds": int(env.get("BENCH_SECONDS", 10)),
        "warmup": int(env.get("BENCH_WARMUP", 3)),
        "connections": int(env.get("BENCH_CONNECTIONS", 8)),
        # Read by gunicorn_conf.py too, for both servers.
        "workers": int(env.get("BENCH_WORKERS", 2)),
        "modes": [m.strip() for m in env.get("BENCH_MODES", "uncached,cached,nginx").split(",")],
        "cache_url": env.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15"),
        "generator": Path(env.get("BENCH_GEN_CONTENT", "/work/shared/bench/gen_content.py")),
    }


def stop_on_signal(signum, _frame):
    """Turn SIGTERM/SIGHUP into an exit, so the clean-up below still runs."""
    raise SystemExit(128 + signum)


def step(timings, name, function, *args, **kwargs):
    """Run one stage, say so, and keep its duration for the report."""
    print(f"== {name}", flush=True)
    started = time.monotonic()
    result = function(*args, **kwargs)
    timings[name] = time.monotonic() - started
    return result


def manage(env, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def generate_content(config, workdir):
    content_dir = workdir / "content"
    subprocess.run([sys.executable, str(config["generator"]), str(content_dir)], check=True)
    return content_dir


def site_environment(config, workdir, database_url):
    """The production settings' environment, pointed at the run's own database, cache,
    media and static folders."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nejat.settings.production",
        "DJANGO_SECRET_KEY": "benchmark-only-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "CACHE_URL": config["cache_url"],
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def site_database(config, workdir, cleanup):
    """A new, empty database for the site, dropped when the run ends: its name (None
    for SQLite) and URL."""
    if config["database"] == "sqlite":
        return None, f"sqlite:///{workdir / 'site.sqlite3'}"
    name = f"nejat_bench_{os.getpid()}"
    services.create_database(name)
    cleanup.callback(services.drop_database, name)
    return name, services.postgres_url(name)


def prepare_site(config, env, workdir, database, timings):
    """Migrate, load, index and collect static files; returns the pages to measure
    and how long each loading stage took."""
    out = workdir / "loaded.json"
    step(timings, "migrate", manage, env, "migrate", "--noinput", "-v", "0")
    loader = [sys.executable, str(ROOT / "benchmarks" / "load.py")]
    arguments = [str(workdir / "content"), str(config["articles"]), str(out)]
    step(timings, "load", subprocess.run, [*loader, *arguments], check=True, env=env)
    if database:
        step(timings, "vacuum analyze", services.vacuum, database)
    step(timings, "collectstatic", manage, env, "collectstatic", "--noinput", "-v", "0")
    loaded = json.loads(out.read_text(encoding="utf-8"))
    return loaded["pages"], loaded["timings"]


def count_queries(env, pages):
    script = str(ROOT / "benchmarks" / "queries.py")
    out = subprocess.run(
        [sys.executable, script, *pages.values()], env=env, capture_output=True, text=True
    )
    if out.returncode:
        print(f"query count failed:\n{out.stderr[-3000:]}", file=sys.stderr)
        return {}
    return json.loads(out.stdout.splitlines()[-1])


def measure_pages(config, server, meter, pages, mode, queries):
    rows = []
    for page, path in pages.items():
        print(f"   {mode:8} {page:16} {path}", flush=True)
        result = cpu.measure(
            server.base + path,
            meter,
            HEADERS,
            seconds=config["seconds"],
            warmup=config["warmup"],
            connections=config["connections"],
            workers=config["workers"],
        )
        counted = queries.get(path, {})
        database = {"queries": counted.get("queries"), "db_ms": counted.get("db_ms")}
        rows.append({"page": page, "mode": mode, **result, **database})
    return rows


def measure_site(config, env, workdir, pages, postgres):
    """One gunicorn per mode, each with an empty cache; the same pages in each.
    ``postgres`` is the postmaster's pid and the site's database, or Nones."""
    redis = services.redis_pid(config["cache_url"])
    rows = []
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    for mode in config["modes"]:
        print(f"== site, {mode}", flush=True)
        mode_env = {**env, "NEJAT_PAGE_CACHE": PAGE_CACHE[mode]}
        services.flush_cache(config["cache_url"])
        server = services.Server(gunicorn, "nejat.wsgi", workdir, f"site-{mode}", ROOT, mode_env)
        front = None
        try:
            server.wait_until_ready("/healthz")
            queries = count_queries(mode_env, pages)
            measured, roots = pages, [server.pid, redis]
            if mode == "nginx":
                front = nginx.Nginx(workdir, server.port, mode_env)
                measured = {name: pages[name] for name in NGINX_PAGES if name in pages}
                roots.append(front.pid)
                services.wait_for(front.base + "/healthz")
            meter = cpu.Meter(roots, postgres[0], [postgres[1]])
            rows += measure_pages(config, front or server, meter, measured, mode, queries)
        finally:
            if front:
                front.stop()
            server.stop()
    return rows


def measure_ceiling(config, workdir, cleanup, postmaster):
    """The bare-Django home and article: rows, and their CPU ms per request by page."""
    project = ceiling.location()
    if project is None or not services.postgres_ready():
        print("== ceiling: not available, no multiples", flush=True)
        return [], {}
    print("== ceiling", flush=True)
    ceiling.ensure_virtualenv()
    name = f"nejat_bench_ceiling_{os.getpid()}"
    services.create_database(name)
    cleanup.callback(services.drop_database, name)
    ceiling.prepare(project, name, workdir / "content")
    services.vacuum(name)
    content = json.loads((workdir / "content" / "articles.json").read_text(encoding="utf-8"))
    server = ceiling.start(project, name, workdir)
    try:
        server.wait_until_ready("/")
        pages = ceiling.pages(content)
        meter = cpu.Meter([server.pid], postmaster, [name])
        rows = measure_pages(config, server, meter, pages, "ceiling", {})
    finally:
        server.stop()
    return rows, {row["page"]: row["cpu_ms"] for row in rows}


def seconds(timings):
    return ", ".join(f"{name} {value:.0f} s" for name, value in timings.items())


def facts(config, timings, stages, postmaster):
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    loading = {"migrate": timings["migrate"], **stages}
    if "vacuum analyze" in timings:
        loading["vacuum analyze"] = timings["vacuum analyze"]
    return {
        "run": f"{datetime.now():%Y-%m-%d %H:%M}, commit {commit}, {os.cpu_count()} cores",
        "articles": f"{config['articles']:,} in 4 editions (the ceiling: 1,000, one language)",
        "database": config["database"],
        "loading": f"{timings['migrate'] + timings['load'] + loading.get('vacuum analyze', 0):.0f}"
        f" s: {seconds(loading)}",
        "also": seconds({k: timings[k] for k in ("generate content", "collectstatic")}),
        "server": f"gunicorn, {config['workers']} sync workers, persistent connections "
        "(site CONN_MAX_AGE 600, ceiling 60), cache " + config["cache_url"],
        "load": f"wrk {config['connections']} connections, 2 threads, "
        f"{config['warmup']} s warm-up + {config['seconds']} s",
        "CPU": "gunicorn tree"
        + (" + PostgreSQL postmaster tree (less other databases' backends)" if postmaster else "")
        + (" + Redis" if config["cache_url"].startswith("redis") else "")
        + ", per request; multiples are of the ceiling's CPU ms/request",
    }


def run(config, cleanup):
    timings = {}
    workdir = Path(tempfile.mkdtemp(prefix="nejat-bench-"))
    cleanup.callback(shutil.rmtree, workdir, ignore_errors=True)
    cleanup.callback(services.flush_cache, config["cache_url"])
    step(timings, "generate content", generate_content, config, workdir)
    postmaster = None
    if config["database"] == "postgresql":
        services.ensure_postgres()
    if services.postgres_ready():
        postmaster = services.postmaster_pid()
    database, database_url = site_database(config, workdir, cleanup)
    env = site_environment(config, workdir, database_url)
    pages, stages = prepare_site(config, env, workdir, database, timings)
    ceiling_rows, reference = measure_ceiling(config, workdir, cleanup, postmaster)
    site_postmaster = postmaster if database else None
    rows = ceiling_rows + measure_site(config, env, workdir, pages, (site_postmaster, database))
    title = f"Nejat benchmark, {config['articles']:,} articles"
    about = facts(config, timings, stages, site_postmaster)
    text = report.document(title, about, rows, reference, config["connections"])
    print("\n" + text)
    print(f"written to {report.save(text, config['articles'], config['database'])}")


def main():
    config = read_config()
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk is missing (apt-get install -y wrk; `make bench` does it)")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_signal)
    with ExitStack() as cleanup:
        run(config, cleanup)


if __name__ == "__main__":
    main()
