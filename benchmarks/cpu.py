"""Load one URL with wrk and measure what it cost the server.

The method of the shared ``cpu_bench.py`` tool, kept here as our own module: on a
noisy 2-core machine requests/s moves with whatever else runs, but the CPU time the
server's process trees (gunicorn master and workers, the PostgreSQL postmaster and
its backends, Redis) spent per request moves far less. Children reaped during the
run count too (cutime/cstime), so a worker or backend that exits is not lost.
"""

import os
import re
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


def tree_ticks(roots):
    """CPU ticks spent so far by the processes rooted at these pids, descendants included."""
    table = processes()
    mine, grew = set(roots), True
    while grew:
        grew = False
        for pid, (ppid, _ticks) in table.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                grew = True
    return sum(table[pid][1] for pid in mine if pid in table)


def wait_until_idle(roots, timeout=120):
    """Wait until the trees stop spending CPU: requests a finished wrk left queued
    are still served, and must not land in the next page's figures."""
    deadline = time.monotonic() + timeout
    last = tree_ticks(roots)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_ticks(roots)
        if now - last <= 2:
            return
        last = now


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * UNITS_MS[unit]


def fetch_once(url, headers):
    """One plain request: the status, the body's size, whether it sets a cookie (a page
    that does cannot be kept by a shared cache) and how long it took alone."""
    request = urllib.request.Request(url, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
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


def measure_alone(url, roots, headers):
    """One request to an idle server and the CPU it cost: the only figure for a page
    too slow to finish a request under load in the measured time."""
    wait_until_idle(roots)
    before = tree_ticks(roots)
    result = fetch_once(url, headers)
    result["alone_cpu_ms"] = round((tree_ticks(roots) - before) * 1000 / HZ, 1)
    return result


def measure(url, roots, headers, seconds=10, warmup=3, connections=8, threads=2, workers=2):
    """Requests/s, latency percentiles and server CPU ms per request of one URL.

    A page that takes over half a second alone gets one connection per worker: with
    more, its requests only queue, and a few seconds may not see one of them end.
    """
    result = {"url": url, **measure_alone(url, roots, headers)}
    if result["alone_ms"] > SLOW_MS:
        connections = min(connections, workers)
        threads = min(threads, connections)
    result["connections"] = connections
    if warmup:
        wrk(url, headers, warmup, connections, threads)
    before = tree_ticks(roots)
    started = time.monotonic()
    out = wrk(url, headers, seconds, connections, threads)
    elapsed = time.monotonic() - started
    cpu_seconds = (tree_ticks(roots) - before) / HZ
    result.update(parse_wrk(out))
    result["rps"] = round(result["requests"] / elapsed, 1)
    requests = result["requests"]
    result["cpu_ms"] = round(cpu_seconds * 1000 / requests, 3) if requests else None
    if not requests:
        result["cpu_ms"] = result["alone_cpu_ms"]
    wait_until_idle(roots)
    return result
