"""The quality gate's checks, each usable on any HTML: the Nu HTML Checker (vnu),
axe-core in Chromium and Lighthouse CI. The tools come from the npm registry into
.quality/ (make quality)."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".quality" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = TOOLS / "axe-core" / "axe.min.js"
LIGHTHOUSE = TOOLS / ".bin" / "lhci"
# Lighthouse's mobile run (simulated slow 4G, a mid-range phone): the scores required.
EVERY_CATEGORY = {
    "categories:performance": ["error", {"minScore": 0.95}],
    "categories:accessibility": ["error", {"minScore": 1}],
    "categories:best-practices": ["error", {"minScore": 1}],
    "categories:seo": ["error", {"minScore": 1}],
}


def tool(path):
    if not path.exists():
        pytest.fail(f"{path} is missing: `make quality` installs it", pytrace=False)
    return path


def validator_findings(files):
    """Every error and warning of the Nu HTML Checker, as "file: message" lines."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: .ci/run installs it (default-jre-headless)", pytrace=False)
    result = subprocess.run(
        [java, "-jar", str(tool(VNU)), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: "
        f"{message['type']}/{message.get('subType', '')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "warning"
    ]


def axe_violations(page):
    """axe-core's violations of every impact on the page the browser shows now."""
    page.add_script_tag(path=str(tool(AXE)))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"]
    ]


def lighthouse(urls, assert_matrix, workdir, keep_reports_in=None):
    """Lighthouse CI on the addresses, then its assertions; (passed, what it printed).
    The reports (HTML and JSON) are copied to ``keep_reports_in``."""
    flags = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"
    config = {
        "ci": {
            "collect": {
                "url": urls,
                "numberOfRuns": 1,
                "chromePath": "/usr/bin/chromium",
                "settings": {"chromeFlags": flags, "maxWaitForLoad": 60000},
            },
            "assert": {"assertMatrix": assert_matrix},
        }
    }
    rc = workdir / "lighthouserc.json"
    rc.write_text(json.dumps(config))
    environment = {**os.environ, "CHROME_PATH": "/usr/bin/chromium", "LHCI_NO_LIGHTHOUSERC": "1"}
    output = ""
    for step in ("collect", "assert"):
        result = subprocess.run(
            [str(tool(LIGHTHOUSE)), step, f"--config={rc}"],
            cwd=workdir,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
        )
        output += re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # colours
        if step == "collect" and keep_reports_in is not None:
            shutil.rmtree(keep_reports_in, ignore_errors=True)
            shutil.copytree(workdir / ".lighthouseci", keep_reports_in)
        if result.returncode != 0:
            return False, output
    return True, output
