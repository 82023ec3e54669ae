"""The review app in real headless Chromium: keyboard review, restart, an added article."""
from __future__ import annotations

import shutil
import tempfile

import pytest
from review_server import ReviewServer as Server

from browser import CHROMIUM_FLAGS, VIEWPORT, chromium_or_skip, playwright_or_skip

CHROMIUM = chromium_or_skip()
sync_playwright = playwright_or_skip()

from crosscheck.api import check, example_corpus  # noqa: E402
from crosscheck.review import ReviewStore  # noqa: E402




@pytest.fixture
def browser_page():
    with tempfile.TemporaryDirectory(prefix="crosscheck-chromium-") as profile, sync_playwright() as pw:
        # not offline: the app is served on loopback
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                    args=CHROMIUM_FLAGS, viewport=VIEWPORT)
        ctx.set_default_timeout(10_000)
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page
        assert not errors, errors
        ctx.close()


def test_keyboard_review_survives_restart_and_an_added_article(browser_page, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(example_corpus(), corpus)
    db = tmp_path / "review.sqlite"
    page = browser_page

    s = Server(corpus, db)
    order = [g.id for g in check([corpus]).groups]
    page.goto(f"{s.base}/group/{order[0]}")
    page.fill("#reviewer", "Ana Reviewer")
    page.locator("h2#decide-h").click()          # leave the text box: keys are commands again
    page.keyboard.press("c")                      # confirm -> saved, next group
    page.wait_for_url(f"**/group/{order[1]}")
    page.locator("h2#decide-h").click()
    page.keyboard.press("f")                      # follow-up (the reviewer's name is remembered)
    page.wait_for_url(f"**/group/{order[2]}")
    page.locator("h2#decide-h").click()
    page.keyboard.press("d")                      # not a contradiction: focus moves to the reason
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")              # "later update"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/group/{order[3]}")
    page.keyboard.press("k")                      # back to the group just decided
    page.wait_for_url(f"**/group/{order[2]}")
    assert "not a contradiction" in page.inner_text(".decided") and "later update" in page.inner_text(".decided")
    s.stop()

    decided = {gid: d.decision for gid, d in ReviewStore(db).decisions().items()}
    assert decided == {order[0]: "confirmed", order[1]: "follow_up", order[2]: "dismissed"}

    s2 = Server(corpus, db)                       # a restart over the same database
    page.goto(s2.base + "/")
    rows = page.locator("tr[data-group]")
    texts = {rows.nth(i).get_attribute("data-group"): rows.nth(i).inner_text() for i in range(rows.count())}
    assert "confirmed contradiction" in texts[order[0]] and "needs follow-up" in texts[order[1]]
    assert "Ana Reviewer" in texts[order[2]]
    s2.stop()

    (corpus / "late-wire.txt").write_text(
        "---\nsource: Late Wire\npublished: 2025-03-17\n---\n"
        "Police said 180 people had been detained over the weekend of protests in Port Aldren.\n")
    s3 = Server(corpus, db)                       # one more article: same groups, same decisions
    page.goto(f"{s3.base}/group/{order[0]}")
    assert "confirmed contradiction" in page.inner_text(".decided")
    page.goto(s3.base + "/report")
    assert page.locator("p.decision").count() == 3
    s3.stop()


def test_correcting_a_misread_figure_in_the_browser(browser_page, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, source, n in (("a.txt", "Outlet A", "Three"), ("b.txt", "Outlet B", "Two")):
        (corpus / name).write_text(f"---\nsource: {source}\nstory: s\n---\n{n} people died in the fire at the "
                                   "Wexby mill on Monday, the county fire service said.\n")
    s = Server(corpus, tmp_path / "review.sqlite")
    page = browser_page
    try:
        gid = next(g.id for g in check([corpus]).groups if g.measure == "deaths")
        page.goto(f"{s.base}/group/{gid}")
        assert page.get_attribute("article.group", "data-verdict") == "conflict"
        form = page.locator("details.correction", has=page.locator("summary strong", has_text="Three"))
        form.locator("summary").click()
        form.locator("input[name=lo]").fill("2")
        form.locator("input[name=hi]").press("j")     # a key typed in the form is text, not "next group"
        form.locator("input[name=hi]").fill("2")
        form.locator("input[name=reviewer]").fill("Ana Reviewer")
        form.locator("button[type=submit]").click()
        page.wait_for_url(f"**/group/{gid}")
        assert page.get_attribute("article.group", "data-verdict") == "consistent"
        assert page.locator("article.group .flag.corrected").count() == 1
        assert "Ana Reviewer: corrected claim" in page.inner_text("ol.history")
        # the reviewer's name is remembered for the next form
        assert page.input_value("#reviewer") == "Ana Reviewer"
    finally:
        s.stop()


def test_a_day_of_review_filtered_queue_and_a_dispute_by_keyboard(browser_page, tmp_path, disputed_aligner):
    corpus = tmp_path / "corpus"
    shutil.copytree(example_corpus(), corpus)
    db = tmp_path / "review.sqlite"
    page = browser_page
    s = Server(corpus, db)
    try:
        groups = check([corpus]).groups
        disputed = [g for g in groups if g.verdict == "disputed"]
        assert disputed
        page.goto(s.base + "/")
        page.select_option("select[name=status]", "unreviewed")
        page.select_option("select[name=verdict]", "disputed")
        page.click("#queue-filter button[type=submit]")
        page.wait_for_url("**/?status=unreviewed&verdict=disputed*")
        assert page.locator("tr[data-group]").count() == len(disputed)
        page.locator("a.group-link").first.click()
        page.wait_for_url(f"**/group/{disputed[0].id}?*")
        page.fill("#reviewer", "Ana Reviewer")
        page.locator("h2#decide-h").click()
        page.keyboard.press("2")                      # the second figure is right -> saved, next in the queue
        if len(disputed) > 1:
            page.wait_for_url(f"**/group/{disputed[1].id}?*")
        else:
            page.wait_for_load_state("load")
        d = ReviewStore(db).get(disputed[0].id)
        assert (d.decision, d.right_claim) == ("figure_right", disputed[0].claims[1])
        page.goto(s.base + "/?status=unreviewed&verdict=disputed")
        assert page.locator("tr[data-group]").count() == len(disputed) - 1
        assert f"1 of {len(groups)} groups reviewed" in page.inner_text("#progress")
    finally:
        s.stop()
