"""The quality gate's checks, each usable on any HTML: the Nu HTML Checker (vnu) and
axe-core in Chromium. The tools come from the npm registry into .quality/ (make quality)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".quality" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = TOOLS / "axe-core" / "axe.min.js"


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
