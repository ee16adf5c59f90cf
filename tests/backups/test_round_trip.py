"""`manage.py backup` and `manage.py restore`, run as an operator would, on SQLite and
on PostgreSQL: real content (four languages, images and their renditions, PDFs,
comments, revisions) comes back exactly, into a fresh database and media folder."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.outages.postgres import PrivatePostgres

ROOT = Path(__file__).resolve().parents[2]

CONTENT = """
import reversion
from django.contrib.auth import get_user_model
from articles.models import Comment
from tests.factories import make_article, make_category
from tests.media_library.factories import make_cartoon
from tests.publications.factories import make_book

editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
category = make_category()
story = make_article(
    category, languages=("en", "ar", "fa", "sq"), title_en="Clean rivers",
    title_ar="أنهار نظيفة", title_fa="رودهای پاک", title_sq="Lumenj të pastër",
)
with reversion.create_revision():
    reversion.set_user(editor)
    story.title_en = "Cleaner rivers"
    story.save()
story.comments.create(name="Sami", email="sami@example.org", text="شكرًا", language="ar",
                      status=Comment.Status.APPROVED)
make_cartoon(languages=("en", "fa"))
make_book(languages=("en", "sq"))
"""

DATA = ["dumpdata", "--indent", "0", "--exclude", "sessions"]


def environment(database_url, media_root):
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "NEJAT_")) and name not in ("DATABASE_URL", "CACHE_URL")
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "nejat.settings.test",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media_root),
    }


def manage(env, *arguments, ok=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if ok:
        assert result.returncode == 0, f"{arguments}\n{result.stdout}\n{result.stderr}"
    return result


def checksums(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def postgres():
    cluster = PrivatePostgres()
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/source.sqlite3", f"sqlite:///{tmp_path}/restored.sqlite3"
    cluster = request.getfixturevalue("postgres")
    name = tmp_path.name.replace("-", "_").lower()
    return cluster.create_database(f"{name}_a"), cluster.create_database(f"{name}_b")


def test_backup_and_restore_bring_back_everything(databases, tmp_path):
    source = environment(databases[0], tmp_path / "media")
    target = environment(databases[1], tmp_path / "restored-media")
    manage(source, "migrate", "--noinput", "-v", "0")
    manage(source, "shell", "-v", "0", "-c", CONTENT)
    files = checksums(tmp_path / "media")
    assert any(name.endswith(".pdf") for name in files)
    assert any(name.startswith("renditions/") and name.endswith(".webp") for name in files)

    archive = tmp_path / "site.tar"
    manage(source, "backup", "--output", str(archive))
    manage(target, "restore", str(archive))

    assert checksums(tmp_path / "restored-media") == files
    before, after = manage(source, *DATA).stdout, manage(target, *DATA).stdout
    assert json.loads(after) == json.loads(before)
    records = {record["model"] for record in json.loads(after)}
    assert {"articles.article", "articles.comment", "reversion.version"} <= records
    assert "رودهای پاک" in after and "Lumenj të pastër" in after

    again = manage(target, "restore", str(archive), ok=False)
    assert again.returncode != 0 and "not empty" in again.stderr
    assert manage(target, "restore", "--force", str(archive)).returncode == 0
    assert json.loads(manage(target, *DATA).stdout) == json.loads(before)


def test_a_damaged_archive_is_refused_before_anything_is_written(tmp_path):
    source = environment(f"sqlite:///{tmp_path}/source.sqlite3", tmp_path / "media")
    target = environment(f"sqlite:///{tmp_path}/restored.sqlite3", tmp_path / "restored-media")
    manage(source, "migrate", "--noinput", "-v", "0")
    manage(source, "shell", "-v", "0", "-c", CONTENT)
    archive = tmp_path / "site.tar"
    manage(source, "backup", "--output", str(archive))
    data = bytearray(archive.read_bytes())
    pdf = data.find(b"%PDF-")
    data[pdf + 10] ^= 0xFF
    archive.write_bytes(bytes(data))

    refused = manage(target, "restore", str(archive), ok=False)
    assert refused.returncode != 0 and "damaged" in refused.stderr
    assert not (tmp_path / "restored-media").exists()
    with sqlite3.connect(tmp_path / "restored.sqlite3") as restored:
        assert restored.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    restored.close()
