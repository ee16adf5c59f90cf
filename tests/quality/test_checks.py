"""The gate's checks find what they are there to find (run by `make quality`)."""

import pytest
from playwright.sync_api import sync_playwright

from tests.quality.checks import axe_violations, validator_findings

pytestmark = pytest.mark.quality

FLAWED = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flawed</title></head>
<body><main><h1>A page with a picture</h1><img src="x.png"></main></body></html>"""


def test_an_image_without_alt_fails_the_validator(tmp_path):
    page = tmp_path / "flawed.html"
    page.write_text(FLAWED)
    findings = validator_findings([page])
    assert any("alt" in finding for finding in findings), findings


def test_an_image_without_alt_fails_axe():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.set_content(FLAWED)
        violations = axe_violations(page)
        browser.close()
    assert any(violation.startswith("image-alt") for violation in violations), violations
