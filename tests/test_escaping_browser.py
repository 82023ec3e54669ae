"""Markup in any input field, seen in headless Chromium: every page the review app serves and the
static report show it as text, open no dialog, and request nothing but the page's own resources."""
from __future__ import annotations

import re
import tempfile

import pytest
from hostile import payload, visible_marker, write_hostile_corpus
from review_server import ReviewServer
from test_serve import Client

from browser import CHROMIUM_FLAGS, VIEWPORT, PageWatch, chromium_or_skip, file_url, playwright_or_skip

CHROMIUM = chromium_or_skip()
sync_playwright = playwright_or_skip()

from crosscheck.api import check  # noqa: E402
from crosscheck.report import write_html  # noqa: E402

# Elements a payload would create if it were parsed as markup.
# (The report's own inline script is at the end of its body; a payload's script says alert.)
INJECTED_JS = """() => document.querySelectorAll('[data-pwned], [onerror], img, body style').length +
    [...document.scripts].filter(s => s.text.includes('alert(')).length"""


@pytest.fixture(scope="module")
def browser():
    with tempfile.TemporaryDirectory(prefix="crosscheck-chromium-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                    args=CHROMIUM_FLAGS, viewport=VIEWPORT)
        ctx.set_default_timeout(10_000)
        yield ctx
        ctx.close()


def visit(ctx, url: str, own: set[str]):
    """Open ``url``; return (injected element count, body text, dialogs, requests not in ``own``)."""
    page = ctx.new_page()
    watch = PageWatch(page, url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    n = page.evaluate(INJECTED_JS)
    text = page.inner_text("body")
    foreign = [u for u in watch.requests if u.split("#")[0].split("?")[0] not in own and not u.startswith("data:")]
    assert watch.errors == [], watch.errors
    page.close()
    return n, text, dialogs, foreign


def test_app_pages_and_report_in_chromium(browser, tmp_path):
    root = tmp_path / "corpus"
    planted = write_hostile_corpus(root)
    server = ReviewServer(root, tmp_path / "review.sqlite")
    try:
        client = Client(server.base)
        gids = re.findall(r'href="/group/(g\w+)"', client.get("/")[1])
        for gid in gids:
            client.decide(gid, decision="follow_up", reviewer=payload("reviewer"), note=payload("note"), then="stay")
        server.store.decide("gfeedface00", "confirmed", payload("orphan-reviewer"), note=payload("orphan-note"),
                            snapshot={"measure": payload("orphan-measure")})
        paths = ["/", "/report", "/group/gfeedface00"] + [f"/group/{g}" for g in gids]
        texts = []
        for path in paths:
            url = server.base + path
            n, text, dialogs, foreign = visit(browser, url, {url, server.base + "/review.js"})
            assert (n, dialogs, foreign) == (0, [], []), path
            texts.append(text)
        shown = "\n".join(texts).casefold()
        for field in ["story", "front-title", "front-source", "front-text", "jsonl-id", "jsonl-source",
                      "csv-source", "csv-url", "html-title", "html-sitename", "reviewer", "note", "orphan-note"]:
            assert visible_marker(field).casefold() in shown, field
        assert planted["filename"].removesuffix(".txt") in "\n".join(texts)
    finally:
        server.stop()

    report = write_html(check([root]), tmp_path / "report.html", title=payload("report-title"))
    url = file_url(report)
    n, text, dialogs, foreign = visit(browser, url, {url})
    assert (n, dialogs, foreign) == (0, [], [])
    assert visible_marker("report-title") in text and visible_marker("csv-title") in text
