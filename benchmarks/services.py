"""The services a benchmark run borrows: PostgreSQL databases, a Redis database, and
gunicorn servers. Each ``start``/``create`` comes with the call that undoes it, so the
run can register it for clean-up the moment the thing exists."""

import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
GUNICORN_CONF = Path(__file__).resolve().parent / "gunicorn_conf.py"


def psql_args():
    return ["-h", PG["host"], "-p", PG["port"], "-U", PG["user"]]


def postgres_url(name):
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"


def postgres_ready():
    if shutil.which("pg_isready") is None:
        return False
    return subprocess.run(["pg_isready", "-q", "-h", PG["host"], "-p", PG["port"]]).returncode == 0


def ensure_postgres():
    """Start the machine's cluster if it is down (as the project's CI does)."""
    if postgres_ready():
        return
    versions = sorted(os.listdir("/etc/postgresql"))
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"], check=True
    )
    for _ in range(30):
        if postgres_ready():
            return
        time.sleep(1)
    raise RuntimeError("PostgreSQL did not start")


def postmaster_pid():
    """The postmaster's pid, the root of every backend's CPU time; None when its data
    directory is not readable here (then PostgreSQL's CPU is left out)."""
    data_dir = subprocess.run(
        ["psql", *psql_args(), "-Atc", "SHOW data_directory"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    try:
        return int((Path(data_dir) / "postmaster.pid").read_text().split()[0])
    except OSError as error:
        print(f"bench: PostgreSQL's CPU is left out: {error}", flush=True)
        return None


def create_database(name):
    subprocess.run(["createdb", *psql_args(), name], check=True)


def vacuum(name):
    """Settle a freshly loaded database as a long-running one would be (statistics,
    visibility map, written out), so neither autovacuum nor the checkpointer starts
    work in the middle of a measurement."""
    for command in ("VACUUM ANALYZE", "CHECKPOINT"):
        subprocess.run(["psql", *psql_args(), "-d", name, "-qc", command], check=True)


def drop_database(name):
    # FORCE ends connections a killed server may have left behind.
    subprocess.run(
        ["psql", *psql_args(), "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
        check=False,
    )


def redis_client(url):
    import redis

    return redis.Redis.from_url(url)


def flush_cache(url):
    """Empty the benchmark's own Redis database, so a run never starts warm."""
    if url.startswith("redis://"):
        redis_client(url).flushdb()


def redis_pid(url):
    """Redis's pid when it runs on this machine (its CPU serves cached pages), else None."""
    if not url.startswith("redis://"):
        return None
    try:
        info = redis_client(url).info("server")
    except Exception:
        return None
    pid = int(info.get("process_id", 0))
    return pid if Path(f"/proc/{pid}").exists() else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, timeout=30):
    """Poll until ``url`` answers 200 (HTTPS with the run's own certificate)."""
    context = ssl._create_unverified_context()  # noqa: S323 - our own loopback server
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5, context=context) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout}s")


class Server:
    """A gunicorn master run in its own session, with its pid file and log."""

    def __init__(self, gunicorn, app, workdir, name, cwd, env):
        self.port = free_port()
        self.pidfile = Path(workdir) / f"{name}.pid"
        self.log = Path(workdir) / f"{name}.log"
        command = [
            gunicorn,
            "--config",
            str(GUNICORN_CONF),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--pid",
            str(self.pidfile),
            app,
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.base = f"http://127.0.0.1:{self.port}"

    @property
    def pid(self):
        return self.process.pid

    def wait_until_ready(self, path, timeout=120):
        """Poll until the server answers at all; any HTTP status means it is up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
            try:
                urllib.request.urlopen(self.base + path, timeout=5).close()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout}s:\n{self.log_tail()}")

    def log_tail(self, lines=30):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        """TERM the master (it stops its workers), then KILL the session if it lingers."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
