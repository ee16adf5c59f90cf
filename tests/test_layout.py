"""The code's shape: dependencies point one way, and modules stay small."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["nejat", "articles", "media_library", "publications", "benchmarks"]
MAX_LINES = 300


def test_dependencies_point_one_way():
    """The contracts in pyproject.toml: the core never imports the content apps or the
    importer, the apps never import each other, the core's concerns are layered."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_three_hundred_lines():
    long_modules = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long_modules, "split along a real seam:\n" + "\n".join(long_modules)
