"""The database in and out of a backup: ``pg_dump --format=custom`` and ``pg_restore``
on PostgreSQL, SQLite's own online backup (a consistent copy while the site runs)."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management import CommandError
from django.db import connection

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def vendor():
    if connection.vendor not in DUMP_NAMES:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def is_empty():
    """True for a database with no tables at all (created, never migrated)."""
    return not connection.introspection.table_names()


def dump(target: Path):
    if vendor() == "postgresql":
        _postgres("pg_dump", "--format=custom", "--no-owner", "--file", target)
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def load(source: Path):
    if vendor() == "postgresql":
        connection.close()
        _postgres(
            "pg_restore", "--no-owner", "--clean", "--if-exists", "--exit-on-error", str(source)
        )
    else:
        name = connection.settings_dict["NAME"]
        connection.close()
        with sqlite3.connect(source) as dumped, sqlite3.connect(name) as target:
            dumped.backup(target)
        dumped.close()
        target.close()


def _postgres(program, *arguments):
    found = shutil.which(program) or _server_program(program)
    if not found:
        raise CommandError(f"{program} is not installed (Debian: postgresql-client).")
    database = connection.settings_dict
    command = [found, "--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command += [option, str(database[key])]
    environment = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    command += [str(argument) for argument in arguments]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def _server_program(program):
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{program}"))
    return str(found[-1]) if found else None
