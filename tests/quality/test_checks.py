"""The gate's checks find what they are there to find (run by `make quality`)."""

import functools
import http.server
import threading

import pytest
from playwright.sync_api import sync_playwright

from tests.quality.checks import EVERY_CATEGORY, axe_violations, lighthouse, validator_findings

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


def test_an_image_without_alt_fails_lighthouse(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(FLAWED)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/index.html"
        passed, output = lighthouse(
            [url], [{"matchingUrlPattern": ".*", "assertions": EVERY_CATEGORY}], tmp_path
        )
    finally:
        server.shutdown()
    assert not passed and "categories.accessibility failure" in output, output[-3000:]
