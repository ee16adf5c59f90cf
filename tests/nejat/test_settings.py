"""Production settings, checked in a fresh interpreter as gunicorn would load them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "nejat.settings.production",
    "DJANGO_SECRET_KEY": "x7!kq2m9-for-this-test-only-3vz8p1w0r4t6y5u2i9o0pa7sd3fg8hj1kl4",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "sqlite:////tmp/nejat-settings-test.sqlite3",
    "CACHE_URL": "redis://127.0.0.1:6379/3",
}


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_refuses_a_cache_of_each_process_or_sessions_on_disk():
    for cache_url in ("locmemcache://", "filecache:///tmp/nejat-cache"):
        result = manage("check", "--deploy", **{**PRODUCTION, "CACHE_URL": cache_url})
        assert result.returncode != 0 and "nejat.E001" in result.stderr, result.stderr
        assert "CACHE_URL" in result.stderr


def test_deploy_check_refuses_sessions_in_local_files(settings):
    from nejat.caching.checks import shared_sessions

    assert shared_sessions(None) == []
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.file"
    assert [error.id for error in shared_sessions(None)] == ["nejat.E002"]


def test_production_refuses_to_start_without_its_secret_key():
    environment = dict(PRODUCTION)
    del environment["DJANGO_SECRET_KEY"]
    result = manage("check", **environment)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_hosts_or_database():
    environment = {"DJANGO_SETTINGS_MODULE": "nejat.settings.production"}
    result = manage("check", **environment)
    assert result.returncode != 0
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"):
        assert name in result.stderr


def test_laptop_settings_need_no_variable():
    result = manage("check", DJANGO_SETTINGS_MODULE="nejat.settings.base")
    assert result.returncode == 0, result.stderr


def test_redis_cache_url_uses_djangos_redis_backend():
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "print(settings.CACHES['default']['BACKEND']); cache.set('nejat-probe', 1); "
        "print(cache.get('nejat-probe'))"
    )
    result = manage("shell", "-v", "0", "-c", code, CACHE_URL="redis://127.0.0.1:6379/3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["nejat.caching.backends.ResilientRedisCache", "1"]
