"""Load one URL with wrk and measure what it cost the server.

The method of the shared ``cpu_bench.py`` tool, kept here as our own module: on a
noisy 2-core machine requests/s moves with whatever else runs, but the CPU time the
server's process trees (gunicorn master and workers, the PostgreSQL postmaster and
its backends, Redis) spent per request moves far less. Children reaped during the
run count too (cutime/cstime), so a worker or backend that exits is not lost. One
addition: backends serving other databases of the shared cluster are left out.
"""

import os
import re
import ssl
import subprocess
import time
import urllib.error
import urllib.request

HZ = os.sysconf("SC_CLK_TCK")
SLOW_MS = 500
UNITS_MS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}


def processes():
    """Every process as pid → (parent pid, CPU ticks of itself and its reaped children)."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat_file:
                stat = stat_file.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: split after its last ")".
        fields = stat[stat.rfind(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    return table


def descendants(table, roots):
    """The roots and every process below them."""
    mine, grew = set(roots), True
    while grew:
        grew = False
        for pid, (ppid, _ticks) in table.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                grew = True
    return mine & set(table)


def backend_databases(table, postmaster):
    """The postmaster's client backends (and their parallel workers) by database, read
    from their process titles: "postgres: 15/main: USER DATABASE HOST(PORT) STATE"."""
    titles = {}
    for pid, (ppid, _ticks) in table.items():
        if ppid == postmaster:
            try:
                with open(f"/proc/{pid}/cmdline") as cmdline:
                    titles[pid] = cmdline.read().replace("\0", " ").split(":", 2)[-1].split()
            except OSError:
                continue
    databases = {pid: words[1] for pid, words in titles.items() if len(words) >= 4}
    for pid, words in titles.items():
        if words[:2] == ["parallel", "worker"] and words[-1].isdigit():
            databases[pid] = databases.get(int(words[-1]), "?")
    return databases


def machine_ticks():
    """(busy, all) CPU ticks of the whole machine so far; stolen time counts as busy."""
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, irq, softirq, steal = map(
            int, stat.readline().split()[1:9]
        )
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def own_children_ticks():
    """CPU ticks of this process and the children it reaped: wrk, mostly."""
    times = os.times()
    return (times.user + times.system + times.children_user + times.children_system) * HZ


class Meter:
    """The server's CPU ticks: its process trees (gunicorn, Redis, the PostgreSQL
    postmaster with all its backends), less what backends of other databases spent
    meanwhile. The cluster and the machine are shared: other people's tests would
    count otherwise. What else kept the machine busy is measured too."""

    def __init__(self, roots, postmaster=None, databases=()):
        self.roots = [pid for pid in (*roots, postmaster) if pid]
        self.postmaster, self.databases = postmaster, set(databases)

    def read(self):
        table = processes()
        others = {}
        if self.postmaster:
            for pid, database in backend_databases(table, self.postmaster).items():
                if database not in self.databases:
                    others[pid] = table[pid][1]
        return {
            "server": sum(table[pid][1] for pid in descendants(table, self.roots)),
            "others": others,
            "machine": machine_ticks(),
            "own": own_children_ticks(),
        }

    def spent(self, before):
        """Ticks since the ``before`` reading: (the server's, other databases')."""
        return self.usage(before)[:2]

    def usage(self, before):
        """Since ``before``: the server's ticks, other databases' backends' ticks, and
        the share of the machine's CPU neither the server nor the load generator used."""
        now = self.read()
        others = now["others"].items()
        foreign = sum(ticks - before["others"].get(pid, 0) for pid, ticks in others)
        server = now["server"] - before["server"] - foreign
        busy = now["machine"][0] - before["machine"][0]
        total = max(now["machine"][1] - before["machine"][1], 1)
        elsewhere = busy - server - (now["own"] - before["own"])
        return server, foreign, max(elsewhere, 0) / total


def wait_until_idle(meter, timeout=120):
    """Wait until the server stops spending CPU: requests a finished wrk left queued
    are still served, and must not land in the next page's figures."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = meter.read()
        time.sleep(0.5)
        if meter.spent(before)[0] <= 2:
            return


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * UNITS_MS[unit]


def fetch_once(url, headers):
    """One plain request: the status, the body's size, whether it sets a cookie (a page
    that does cannot be kept by a shared cache) and how long it took alone."""
    request = urllib.request.Request(url, headers=headers)
    # nginx in front answers on HTTPS with a certificate made for the run.
    context = ssl._create_unverified_context() if url.startswith("https:") else None  # noqa: S323
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120, context=context) as response:
            body, status, head = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, head = error.read(), error.code, error.headers
    return {
        "status": status,
        "bytes": len(body),
        "sets_cookie": "Set-Cookie" in head,
        "alone_ms": round((time.monotonic() - started) * 1000, 1),
    }


def wrk(url, headers, seconds, connections, threads):
    # wrk gives up on a request after 2 s by default; a slow page must still count.
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s"]
    command.append("--latency")
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    return subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout


def parse_wrk(out):
    """Requests, latency percentiles and failures; no percentiles when nothing completed."""
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result = {
        "requests": requests,
        "p50_ms": None,
        "p99_ms": None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }
    if requests:
        for name, percent in (("p50_ms", "50"), ("p99_ms", "99")):
            result[name] = to_ms(re.search(rf"^\s+{percent}%\s+(\S+)", out, re.M).group(1))
    return result


def measure_alone(url, meter, headers):
    """One request to an idle server and the CPU it cost: the only figure for a page
    too slow to finish a request under load in the measured time."""
    wait_until_idle(meter)
    before = meter.read()
    result = fetch_once(url, headers)
    result["alone_cpu_ms"] = round(meter.spent(before)[0] * 1000 / HZ, 1)
    return result


def measure(url, meter, headers, seconds=10, warmup=3, connections=8, threads=2, workers=2):
    """Requests/s, latency percentiles and server CPU ms per request of one URL.

    A page that takes over half a second alone gets one connection per worker: with
    more, its requests only queue, and a few seconds may not see one of them end.
    """
    result = {"url": url, **measure_alone(url, meter, headers)}
    if result["alone_ms"] > SLOW_MS:
        connections = min(connections, workers)
        threads = min(threads, connections)
    result["connections"] = connections
    if warmup:
        wrk(url, headers, warmup, connections, threads)
    before = meter.read()
    started = time.monotonic()
    out = wrk(url, headers, seconds, connections, threads)
    elapsed = time.monotonic() - started
    ticks, foreign, elsewhere = meter.usage(before)
    result.update(parse_wrk(out))
    requests = result["requests"]
    result["rps"] = round(requests / elapsed, 1)
    result["cpu_ms"] = round(ticks * 1000 / HZ / requests, 3) if requests else None
    result["foreign_cpu_ms"] = round(foreign * 1000 / HZ / max(requests, 1), 3)
    result["busy_elsewhere"] = round(elsewhere, 3)
    if not requests:
        result["cpu_ms"] = result["alone_cpu_ms"]
    wait_until_idle(meter)
    return result
