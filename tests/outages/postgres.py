"""A private PostgreSQL cluster for tests that stop and start the database: made with
``initdb`` in a temporary folder, on a free port, run as the ``postgres`` user (it
refuses root). The machine's shared cluster is never touched."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.deploy.stack import free_port


def postgres_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        pytest.fail("PostgreSQL's server programs are not installed", pytrace=False)
    return found[-1].parent


class PrivatePostgres:
    def __init__(self):
        self.bin = postgres_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="nejat-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/nejat"

    def as_postgres(self, *command):
        run_as = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
        result = subprocess.run(
            [*run_as, *command], capture_output=True, text=True, timeout=120, cwd=self.folder
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.as_postgres(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"
        )
        self.start()
        self.as_postgres(
            self.bin / "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "nejat",
        )

    def create_database(self, name):
        self.as_postgres(
            self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.as_postgres(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start"
        )

    def stop(self):
        self.as_postgres(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def destroy(self):
        subprocess.run(
            [self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
            capture_output=True,
            user="postgres" if os.geteuid() == 0 else None,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
