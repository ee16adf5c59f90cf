"""One backup archive: an uncompressed tar file (the dump and the pictures are
compressed already) of the database dump, every uploaded file of every storage but the
static files', and last ``manifest.json`` with each one's SHA-256. Files go through the
storage API, so a bucket is backed up like a folder."""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management import CommandError
from django.utils import timezone

from nejat.backups import database

FORMAT = 1
CHUNK = 1024 * 1024


def media_storages():
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def stored_names(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


class Hashing:
    """A file object that reads through and keeps the SHA-256 of what was read."""

    def __init__(self, file):
        self.file, self.sha256, self.size = file, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def write(target: Path, progress=print):
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "files": {}}
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / database.DUMP_NAMES[database.vendor()]
        database.dump(dump)
        manifest["database"] = {"vendor": database.vendor(), "name": dump.name, **_digest(dump)}
        progress(f"database: {manifest['database']['size']} bytes")
        with tarfile.open(target, "w") as archive:
            for alias in media_storages():
                manifest["files"][alias] = _add_storage(archive, alias)
                progress(f"{alias}: {len(manifest['files'][alias])} files")
            archive.add(dump, arcname=dump.name)
            body = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    return manifest


def _add_storage(archive, alias):
    storage, entries = storages[alias], []
    for name in stored_names(storage):
        member = tarfile.TarInfo(f"files/{alias}/{name}")
        member.size = storage.size(name)
        with storage.open(name, "rb") as file:
            reader = Hashing(file)
            archive.addfile(member, reader)
        entries.append({"name": name, "size": reader.size, "sha256": reader.sha256.hexdigest()})
    return entries


def _digest(path):
    sha256 = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            sha256.update(chunk)
    return {"size": path.stat().st_size, "sha256": sha256.hexdigest()}


def read_manifest(source: Path):
    try:
        with tarfile.open(source) as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except KeyError as error:
        raise CommandError(f"{source} is not a Nejat backup: it has no manifest.") from error
    except (tarfile.TarError, OSError, ValueError) as error:
        raise CommandError(f"{source} cannot be read as a backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise CommandError(f"{source} has backup format {manifest.get('format')}, not {FORMAT}.")
    return manifest


def verify(source: Path, manifest):
    """Every member's checksum against the manifest, before anything is written."""
    expected = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    for alias, entries in manifest["files"].items():
        expected.update({f"files/{alias}/{e['name']}": e["sha256"] for e in entries})
    seen = set()
    with tarfile.open(source) as archive:
        for member in archive:
            if member.name == "manifest.json":
                continue
            reader = Hashing(archive.extractfile(member))
            while reader.read(CHUNK):
                pass
            if expected.get(member.name) != reader.sha256.hexdigest():
                raise CommandError(f"{member.name} is damaged or unknown in {source}.")
            seen.add(member.name)
    if missing := set(expected) - seen:
        raise CommandError(f"{source} lacks {len(missing)} files, e.g. {sorted(missing)[0]}.")


def restore(source: Path, manifest, progress=print):
    if manifest["database"]["vendor"] != database.vendor():
        raise CommandError(
            f"This backup is of a {manifest['database']['vendor']} database; "
            f"the target is {database.vendor()}."
        )
    with tempfile.TemporaryDirectory() as folder, tarfile.open(source) as archive:
        for member in archive:
            if member.name == manifest["database"]["name"]:
                dump = Path(folder) / member.name
                with open(dump, "wb") as file:
                    shutil.copyfileobj(archive.extractfile(member), file, CHUNK)
                database.load(dump)
                progress("database restored")
            elif member.name.startswith("files/"):
                _, alias, name = member.name.split("/", 2)
                storage = storages[alias]
                storage.delete(name)
                saved = storage.save(name, archive.extractfile(member))
                if saved != name:
                    raise CommandError(f"{name} was stored as {saved}.")
        progress(f"{sum(len(e) for e in manifest['files'].values())} files restored")
