"""The bare-Django ceiling: a minimal Django project serving the same content.

Nothing real is cheaper than it, so the site's figures read as multiples of it. The
project lives outside this repository (``BENCH_CEILING``, by default the shared
``/work/shared/bench/bare_django``) and runs from a virtualenv of its own under
``.venv-bench/`` (Django 5.2, psycopg, gunicorn), made on the first run.
"""

import os
import subprocess
import sys
from pathlib import Path

import services

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bench" / "ceiling"
REQUIREMENTS = ["Django>=5.2,<5.3", "psycopg[binary]>=3.1", "gunicorn>=23"]
SETTINGS = "baresite.settings_bench"


def location():
    """The ceiling project's folder, or None when it is not on this machine."""
    path = Path(os.environ.get("BENCH_CEILING", "/work/shared/bench/bare_django"))
    return path if (path / "manage.py").exists() else None


def ensure_virtualenv():
    stamp = VENV / ".installed"
    if stamp.exists() and stamp.read_text() == repr(REQUIREMENTS):
        return
    print("ceiling: making its virtualenv in .venv-bench/ …", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *REQUIREMENTS], check=True)
    stamp.write_text(repr(REQUIREMENTS))


def environment(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "BARE_DB_NAME": database,
        "BARE_DB_HOST": services.PG["host"],
        "BARE_DB_PORT": services.PG["port"],
        "BARE_DB_USER": services.PG["user"],
        "BENCH_CONN_MAX_AGE": "60",
        # The shared project is read-only: do not try to write bytecode next to it.
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def prepare(project, database, content_dir):
    """Migrate the ceiling's database and load the generated content into it."""
    env = environment(database)
    python = str(VENV / "bin" / "python")
    for arguments in (["migrate", "-v", "0"], ["load_content", str(content_dir)]):
        subprocess.run(
            [python, "manage.py", *arguments], cwd=project, env=env, check=True, stdout=sys.stderr
        )


def start(project, database, workdir):
    gunicorn = str(VENV / "bin" / "gunicorn")
    env = environment(database)
    return services.Server(gunicorn, "baresite.wsgi", workdir, "ceiling", cwd=project, env=env)


def pages(content):
    """The ceiling's home and the article the site is measured on (the 500th)."""
    return {"home": "/", "article": f"/{content[499]['slug']}/"}
