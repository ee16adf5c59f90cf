"""The benchmark's results as a Markdown table, printed and kept under results/."""

import shutil
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
# Beyond this share of the machine's CPU used by others, a row is flagged.
BUSY = 0.10
COLUMNS = (
    "page",
    "mode",
    "req/s",
    "p50 ms",
    "p99 ms",
    "CPU ms/req",
    "× ceiling home",
    "× ceiling article",
    "queries",
    "DB ms",
    "HTML bytes",
)


def multiple(value, reference):
    return f"{value / reference:.1f}×" if value and reference else "–"


def number(value, digits):
    return "–" if value is None else f"{value:.{digits}f}"


def row_cells(row, ceiling):
    """One line of the table; multiples are of the ceiling's CPU ms per request."""
    status = "" if row["status"] == 200 else f" ({row['status']})"
    return (
        f"{row['page']}{status}",
        row["mode"],
        number(row["rps"], 0),
        number(row["p50_ms"], 1),
        number(row["p99_ms"], 1),
        number(row["cpu_ms"], 2) + ("" if row["requests"] else "*"),
        multiple(row["cpu_ms"], ceiling.get("home")),
        multiple(row["cpu_ms"], ceiling.get("article")),
        "–" if row.get("queries") is None else str(row["queries"]),
        number(row.get("db_ms"), 2),
        str(row["bytes"]),
    )


def table(rows, ceiling):
    """The ceiling first, then each page in the order measured, its modes side by side."""
    pages = {}
    for row in rows:
        pages.setdefault((row["mode"] == "ceiling", row["page"]), []).append(row)
    ordered = [row for key in sorted(pages, key=lambda key: not key[0]) for row in pages[key]]
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row_cells(row, ceiling)) + " |" for row in ordered]
    return lines


def notes(rows, connections):
    """What the table cannot show: failed requests, slow pages measured with fewer
    connections, and pages no cache may keep."""
    lines = []
    for row in rows:
        where = f"{row['page']} ({row['mode']}, {row['url']})"
        if row["connections"] != connections:
            lines.append(
                f"- {where}: {row['alone_ms']:.0f} ms for one request alone, "
                f"so measured with {row['connections']} connections."
            )
        if not row["requests"]:
            lines.append(
                f"- {where}: no request completed under load in the measured time; "
                "* its CPU figure is of one request alone."
            )
        if row["non_2xx"]:
            lines.append(f"- {where}: {row['non_2xx']} of {row['requests']} answers not 2xx/3xx.")
        if row["foreign_cpu_ms"] > 0.05 * (row["cpu_ms"] or 0):
            lines.append(
                f"- {where}: other databases' backends spent {row['foreign_cpu_ms']:.1f} ms"
                " per request meanwhile (left out)."
            )
        if row["busy_elsewhere"] > BUSY:
            lines.append(
                f"- {where}: other work took {row['busy_elsewhere']:.0%} of the machine's CPU"
                " meanwhile: its figures are less trustworthy."
            )
        if row.get("sets_cookie"):
            lines.append(f"- {where} sets a cookie: no shared cache may keep it.")
    return lines


def document(title, facts, rows, ceiling, connections):
    """The whole report: what was measured, on what, then the table and notes."""
    lines = [f"# {title}", ""]
    lines += [f"- {name}: {value}" for name, value in facts.items()]
    elsewhere = sum(row["busy_elsewhere"] for row in rows) / max(len(rows), 1)
    lines.append(f"- other work on the machine: {elsewhere:.0%} of its CPU on average")
    lines += ["", *table(rows, ceiling), ""]
    found = notes(rows, connections)
    if found:
        lines += ["Notes:", "", *found, ""]
    return "\n".join(lines)


def save(text, articles, database):
    """Keep the report as results/<date>-<articles>[-sqlite].md and as latest.md."""
    RESULTS.mkdir(exist_ok=True)
    suffix = "" if database == "postgresql" else f"-{database}"
    path = RESULTS / f"{date.today().isoformat()}-{articles}{suffix}.md"
    path.write_text(text, encoding="utf-8")
    shutil.copyfile(path, RESULTS / "latest.md")
    return path
