"""Markup in any input field reaches every page as text: the review app over real HTTP, and the report.

The corpus (tests/hostile.py) plants a payload in every field of every input format: front matter,
JSON lines and CSV columns, an HTML page's title, site name and date, and a file name. Reviewers' names,
notes and a bad form value are hostile too. Every page the app serves is parsed as a browser would:
no element or attribute from a payload may appear, and each payload that a page shows must show as
its own text. (tests/test_escaping_browser.py repeats this in headless Chromium.)
"""
from __future__ import annotations

import re

import pytest
from hostile import injected, page_text, payload, visible_marker, write_hostile_corpus
from review_server import ReviewServer
from test_serve import Client

from crosscheck.api import check
from crosscheck.report import render_html

# Fields a date parser reads: markup there is not a date, so it is dropped, never shown.
DROPPED = {"front-published", "jsonl-published", "csv-published", "html-date"}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    return root, write_hostile_corpus(root)


@pytest.fixture(scope="module")
def reviewed_server(hostile_corpus, tmp_path_factory):
    """The app over the hostile corpus, with hostile decisions stored on every group and an orphan."""
    root, _ = hostile_corpus
    server = ReviewServer(root, tmp_path_factory.mktemp("db") / "review.sqlite")
    client = Client(server.base)
    gids = re.findall(r'href="/group/(g\w+)"', client.get("/")[1])
    for gid in gids:
        status, _, _ = client.decide(gid, decision="follow_up", reviewer=payload("reviewer"), note=payload("note"),
                                     then="stay")
        assert status == 200
    # a correction whose every text field is hostile (the measure is checked against the vocabulary)
    _, page = client.get(f"/group/{gids[0]}")
    cid = re.search(r'id="correct-(c\w+)"', page).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    measure = re.search(r'id="correct-' + cid + r'".*?<option value="(\w+)" selected', page, re.S).group(1)
    status, _, _ = client.post(f"/claim/{cid}/correction", {
        "csrf_token": token, "group": gids[0], "lo": "1", "hi": "1", "measure": measure,
        "subject": payload("fix-subject"), "scope": payload("fix-scope"), "attribution": payload("fix-attribution"),
        "note": payload("fix-note"), "reviewer": payload("fix-reviewer")})
    assert status == 200 and server.store.correction(cid) is not None
    gids = re.findall(r'href="/group/(g\w+)"', client.get("/")[1])
    server.store.decide("gfeedface00", "confirmed", payload("orphan-reviewer"), note=payload("orphan-note"),
                        snapshot={"measure": payload("orphan-measure"), "subject": payload("orphan-subject"),
                                  "figures": [{"source": payload("orphan-source"), "text": payload("orphan-text")}]})
    yield server, client, gids
    server.stop()


def app_pages(server, client, gids) -> dict[str, str]:
    """Every page the app serves, by path: the queue, each group, the orphan, the report, the
    error shown after a refused form value, and the CSRF refusal."""
    pages = {path: client.get(path)[1] for path in ["/", "/report", "/group/gfeedface00"] +
             [f"/group/{g}" for g in gids]}
    _, page, _ = client.decide(gids[0], decision=payload("decision"), reviewer="Ana")
    pages["/group (refused decision)"] = page
    pages["/group?error="] = client.get(f"/group/{gids[0]}?error=" + payload("error").replace("&", "%26")
                                        .replace("#", "%23").replace(" ", "%20"))[1]
    status, page, _ = client.post(f"/group/{gids[0]}/decision", {"decision": "confirmed", "reviewer": "Eve"})
    assert status == 400
    pages["CSRF refusal"] = page
    return pages


def test_every_app_page_shows_markup_as_text(reviewed_server, hostile_corpus):
    server, client, gids = reviewed_server
    _, planted = hostile_corpus
    assert len(gids) >= 3  # the corpus lands in groups of several stories
    pages = app_pages(server, client, gids)
    for path, html in pages.items():
        assert injected(html) == [], path
    shown = "\n".join(page_text(h) for h in pages.values()).casefold()
    expected = [f for f in planted if f not in DROPPED and f != "filename"] + \
        ["reviewer", "note", "orphan-reviewer", "orphan-note", "orphan-measure", "orphan-text", "decision", "error",
         "fix-subject", "fix-scope", "fix-attribution", "fix-note", "fix-reviewer"]
    missing = [f for f in expected if visible_marker(f).casefold() not in shown]
    assert missing == [], "fields never shown as text on any page"
    assert "<b data-pwned='filename'>filename<img src=x onerror=alert(1)>" in "\n".join(
        page_text(h) for h in pages.values())


def test_markup_is_escaped_in_data_attributes(reviewed_server):
    server, client, gids = reviewed_server
    for gid in gids:
        html = client.get(f"/group/{gid}")[1]
        for value in re.findall(r'data-(?:sources|story|measure|verdict)="([^"]*)"', html):
            assert "<" not in value and "'" not in value
    # the reviewer's name, remembered in a cookie, comes back escaped in the input's value
    html = client.get(f"/group/{gids[0]}")[1]
    assert 'value="&#39;&#34;&gt;&lt;b data-pwned=&#34;fix-reviewer&#34;' in html


def test_static_report_shows_markup_as_text(hostile_corpus, reviewed_server, tmp_path):
    root, planted = hostile_corpus
    server, _, _ = reviewed_server
    html = render_html(check([root], corrections=server.store.corrections()), title=payload("report-title"))
    assert injected(html) == []
    shown = page_text(html).casefold()
    missing = [f for f in list(planted) + ["report-title", "fix-subject", "fix-scope", "fix-note"]
               if f not in DROPPED and f != "filename" and visible_marker(f).casefold() not in shown]
    assert missing == []
    # one inline script, the report's own (allowed by its hash in the CSP)
    assert len(re.findall(r"<script\b", html)) == 1


def test_every_jinja_environment_autoescapes_every_template(tmp_path):
    """Flask picks autoescaping by file name, and ours end in .j2: both environments must escape all."""
    from pathlib import Path

    from crosscheck import report
    from crosscheck.result import Result
    from crosscheck.review import ReviewStore
    from crosscheck.serve import create_app
    names = [p.name for p in (Path(report.__file__).parent / "templates").glob("*.j2")]
    assert names
    app = create_app(lambda: Result([], [], []), ReviewStore(tmp_path / "r.sqlite"), secret_key="x")
    for env in (app.jinja_env, report._env()):
        auto = env.autoescape
        assert all(auto(n) if callable(auto) else auto for n in names)
