"""The HTML report in a real browser: Debian's Chromium, headless, driven by Playwright.

Each report is generated fresh in a temp folder from the bundled example corpus (or the
seed articles, or a hostile article written here) and opened through a file:// URL,
exactly as a reader opens a report someone mailed them. One browser serves the module.

Screenshots land in tests/artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser import PageWatch, chromium_context, chromium_or_skip, file_url, playwright_or_skip

CHROMIUM = chromium_or_skip()
playwright_or_skip()

from crosscheck.api import check, example_corpus  # noqa: E402
from crosscheck.report import sentence_anchor, slugify, write_html  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


# --- fixtures -------------------------------------------------------------------------

@dataclass
class Report:
    result: object
    path: Path

    @property
    def url(self) -> str:
        return file_url(self.path)


@pytest.fixture(scope="module")
def context():
    with chromium_context(CHROMIUM) as ctx:
        yield ctx


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Report:
    result = check([example_corpus()])
    path = write_html(result, tmp_path_factory.mktemp("demo") / "report.html",
                      title="crosscheck demo: the Port Aldren stadium protests")
    return Report(result, path)


@pytest.fixture
def open_page(context):
    """open_page(url) -> (page, watch): a new tab on the report, watched from the first byte."""
    pages = []

    def _open(url: str):
        page = context.new_page()
        pages.append(page)
        watch = PageWatch(page, url)
        page.goto(url)
        page.wait_for_load_state("load")
        return page, watch

    yield _open
    for p in pages:
        p.close()


# --- what the Result says -------------------------------------------------------------

def dom_id(group) -> str:
    return f"group-{slugify(group.id)}"


def claim_in(cid: str) -> str:
    """A claim's card inside a group: its anchor id, or the same id suffixed where the claim is shown
    again (a part is shown with its whole and in its own subject's group)."""
    base = "claim-" + slugify(cid)
    return f':is([id="{base}"], [id^="{base}-in-"])'


def by_id(value: str) -> str:
    """A CSS selector for an id: ids here may hold dots ("art-coastline.txt-s0"), so no '#'."""
    return '[id="%s"]' % value.replace("\\", "\\\\").replace('"', '\\"')


def group_sources(result, group) -> set[str]:
    arts = {a.id: a for a in result.articles}
    out = set()
    for cid in group.claims:
        c = result.claim(cid)
        a = arts.get(c.article)
        out.add((a.source if a and a.source else None) or c.article)
    return out


def group_sentences(result, group) -> list[str]:
    ids = list(group.claims) + list(getattr(group, "related", []) or [])
    return [result.claim(cid).sentence for cid in ids]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


# --- what the page shows --------------------------------------------------------------

def visible_groups(page) -> set[str]:
    return set(page.eval_on_selector_all(
        "article.group[data-verdict]", "els => els.filter(e => e.checkVisibility()).map(e => e.id)"))


def shown_text(page) -> str:
    return page.locator("#shown").inner_text().strip()


def assert_showing(page, result, expected: set[str], what: str):
    assert visible_groups(page) == expected, what
    assert shown_text(page) == f"showing {len(expected)} of {len(result.groups)} groups", what


# --- 1. filters -----------------------------------------------------------------------

def test_filters_hide_and_show_the_right_groups(demo, open_page):
    r = demo.result
    page, watch = open_page(demo.url)
    every = {dom_id(g) for g in r.groups}
    assert_showing(page, r, every, "unfiltered")

    # Verdict checkboxes: one off at a time, then two off, then back on.
    verdicts = page.eval_on_selector_all('input[name="verdict"]', "els => els.map(e => e.value)")
    assert {g.verdict for g in r.groups} <= set(verdicts)
    for v in verdicts:
        box = page.locator(f'input[name="verdict"][value="{v}"]')
        box.uncheck()
        assert_showing(page, r, {dom_id(g) for g in r.groups if g.verdict != v}, f"verdict {v} off")
        section = page.locator(f'section[data-section-verdict="{v}"]')
        assert not section.is_visible(), f"section {v} still shown with its verdict off"
        box.check()
        assert_showing(page, r, every, f"verdict {v} back on")
    page.uncheck('input[name="verdict"][value="conflict"]')
    page.uncheck('input[name="verdict"][value="single_source"]')
    assert_showing(page, r, {dom_id(g) for g in r.groups if g.verdict not in ("conflict", "single_source")},
                   "conflict and single_source off")
    page.click('button[type="reset"]')
    page.wait_for_function("() => document.getElementById('shown').textContent.startsWith("
                           f"'showing {len(every)} ')")
    assert_showing(page, r, every, "after reset")

    # Measure select: every measure of the result is offered, and each shows its groups.
    measures = page.eval_on_selector_all('select[name="measure"] option', "els => els.map(e => e.value)")
    assert measures[0] == "" and set(measures[1:]) == {g.measure for g in r.groups}
    for m in measures[1:]:
        page.select_option('select[name="measure"]', m)
        assert_showing(page, r, {dom_id(g) for g in r.groups if g.measure == m}, f"measure {m}")
    page.select_option('select[name="measure"]', "")
    assert_showing(page, r, every, "all measures")

    # Source select: a group shows when any of its claims comes from that source.
    sources = page.eval_on_selector_all('select[name="source"] option', "els => els.map(e => e.value)")
    all_sources = set().union(*(group_sources(r, g) for g in r.groups))
    assert sources[0] == "" and set(sources[1:]) == all_sources
    for s in sources[1:]:
        page.select_option('select[name="source"]', s)
        assert_showing(page, r, {dom_id(g) for g in r.groups if s in group_sources(r, g)}, f"source {s}")

    # Filters combine (AND): a source together with a verdict.
    s = sources[1]
    page.select_option('select[name="source"]', s)
    page.uncheck('input[name="verdict"][value="conflict"]')
    assert_showing(page, r, {dom_id(g) for g in r.groups
                             if s in group_sources(r, g) and g.verdict != "conflict"}, "source + verdict")
    page.check('input[name="verdict"][value="conflict"]')
    page.select_option('select[name="source"]', "")

    # Search box: words taken from the claim sentences, which only those sentences hold.
    boiler = norm(" ".join(
        [str(x) for g in r.groups for x in (g.reason, g.subject, g.measure, g.best_value, *g.best_sources)]
        + [str(x) for c in r.claims for x in (c.attribution, c.scope, c.id, c.quantity.qualifier, c.subject,
                                              c.party, c.side, c.as_of, c.count_stage)]
        + [a.source or "" for a in r.articles] + [a.published or "" for a in r.articles]
        + ["read in article · claim trigger attributed to scope undated source inferred severity "
           "best-supported figure range across sources reported by article reported figures on a "
           "linear log scale axis from dot: exact figure; ring: approximate; bar: range; arrow: "
           "open-ended bound; filled end: bound included, hollow end: excluded. more figures on this, "
           "not compared as totals lower bound upper bound vague increment running total hedged "
           "implicit part of conflict update consistent single source no numeric bound "
           # each claim's frame, a dispute's columns and a changing figure's timeline (report_frame.py)
           "who: not said according to: no one named as of: article date, as its sentence says "
           "undated time in the text official side organisers' side independent opposition side pollsters "
           "witnesses each party's figures also given by parties not in the dispute given with no party "
           "named the figure over time (earliest first) rose to fell to then still order unknown lowered "
           "its own figure published"]))
    matches = {}
    for g in r.groups:
        for word in re.findall(r"[A-Za-z]{6,}", " ".join(group_sentences(r, g))):
            w = word.lower()
            if w not in boiler and w not in matches:
                matches[w] = {dom_id(h) for h in r.groups if any(w in norm(s) for s in group_sentences(r, h))}
    one = sorted(w for w, gs in matches.items() if len(gs) == 1)
    several = sorted((w for w, gs in matches.items() if 1 < len(gs) < len(every)), key=lambda w: (-len(matches[w]), w))
    assert one and several, "the demo corpus should offer distinctive search words"
    search = page.locator('input[name="q"]')
    for w in (one[0], several[0], several[0].upper()):
        search.fill(w)
        assert_showing(page, r, matches[w.lower()], f"search {w!r}")
    # several words: every word must match (AND), in any order, with extra spaces
    w1, w2 = several[0], next((w for w in several[1:] + one if matches[w] & matches[several[0]]), one[0])
    search.fill(f"  {w2}   {w1} ")
    assert_showing(page, r, matches[w1] & matches[w2], f"search {w1!r} and {w2!r}")
    search.fill("zzqxjv")
    assert_showing(page, r, set(), "search matching nothing")
    assert page.locator(".none-match:visible").count() >= 1, "no 'nothing matches' note in any section"
    search.fill("")
    assert_showing(page, r, every, "search cleared")

    # A link to a group the filters hide clears the filters instead of going nowhere.
    conflict = next(g for g in r.groups if g.verdict == "conflict")
    page.uncheck('input[name="verdict"][value="conflict"]')
    assert dom_id(conflict) not in visible_groups(page)
    page.locator(f'.doc-claims a[href="#{dom_id(conflict)}"]').first.click()
    page.wait_for_function("() => !document.querySelector('article.group[hidden]')")
    assert_showing(page, r, every, "after following a link to a hidden group")
    assert page.evaluate("location.hash") == f"#{dom_id(conflict)}"
    assert page.locator(by_id(dom_id(conflict))).is_visible()
    assert not watch.errors and not watch.console_errors, (watch.errors, watch.console)


# --- 2. highlighting ------------------------------------------------------------------

MARKS_JS = """bq => {
  const marks = []; let pos = 0;
  const walk = n => { for (const c of n.childNodes) {
    if (c.nodeType === Node.TEXT_NODE) { pos += c.data.length; continue; }
    const start = pos; walk(c);
    if (c.tagName === 'MARK') marks.push({cls: c.className, start, end: pos, text: c.textContent,
                                          bg: getComputedStyle(c).backgroundColor, shown: c.checkVisibility()});
  } };
  walk(bq);
  return {text: bq.textContent, marks};
}"""


def test_highlight_covers_exactly_the_figure_and_trigger(demo, open_page):
    r = demo.result
    page, _ = open_page(demo.url)
    page.evaluate("document.querySelectorAll('details.related').forEach(d => d.open = true)")
    checked = 0
    for g in r.groups:
        for cid in list(g.claims) + list(getattr(g, "related", []) or []):
            c = r.claim(cid)
            bq = page.locator(f"{by_id(dom_id(g))} {claim_in(cid)} > blockquote.sentence")
            assert bq.count() == 1, f"claim {cid} not shown once in {g.id}"
            got = bq.evaluate(MARKS_JS)
            sentence = c.sentence
            assert got["text"] == sentence, f"{cid}: the shown sentence is not the claim's sentence"
            figs = [m for m in got["marks"] if m["cls"] == "figure"]
            assert len(figs) == 1, f"{cid}: {len(figs)} figure marks"
            fig = figs[0]
            assert fig["text"] == c.quantity.text, f"{cid}: marked {fig['text']!r}, figure is {c.quantity.text!r}"
            s = c.quantity.start - c.sentence_start
            if sentence[s:s + len(c.quantity.text)] == c.quantity.text:
                assert fig["start"] == s, f"{cid}: the mark is on another occurrence of {c.quantity.text!r}"
            assert fig["shown"] and fig["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{cid}: figure not highlighted"
            # The trigger: its exact characters are marked, less any that belong to the figure.
            trig = [m for m in got["marks"] if m["cls"] == "trigger"]
            if not c.trigger_span:
                assert not trig
                continue
            t0 = max(c.trigger_span[0] - c.sentence_start, 0)
            t1 = min(c.trigger_span[1] - c.sentence_start, len(sentence))
            if c.trigger and t0 == c.trigger_span[0] - c.sentence_start and t1 == c.trigger_span[1] - c.sentence_start:
                assert sentence[t0:t1] == c.trigger, f"{cid}: trigger offsets do not point at the trigger"
            want = set(range(t0, t1)) - set(range(fig["start"], fig["end"]))
            have = set().union(*(set(range(m["start"], m["end"])) for m in trig)) if trig else set()
            assert have == want, f"{cid}: trigger marks {[m['text'] for m in trig]} vs trigger {c.trigger!r}"
            if want and not (set(range(t0, t1)) & set(range(fig["start"], fig["end"]))):
                assert [m["text"] for m in trig] == [c.trigger], cid
            checked += 1
    assert checked >= len(r.claims) // 2
    # The appendix marks every figure too, with the same characters.
    for c in r.claims:
        sent = page.locator(by_id(sentence_anchor(c.article, c.sentence_start)))
        marks = sent.locator("mark.fig").all_inner_texts()
        assert c.quantity.text in marks, f"{c.id}: {c.quantity.text!r} not marked in the article ({marks})"


# --- 3. "read in article" -------------------------------------------------------------

TARGET_JS = """id => {
  const t = document.getElementById(id);
  if (!t) return null;
  const r = t.getBoundingClientRect();
  const nav = document.getElementById('filters-nav');
  const sticky = nav && !nav.hidden && getComputedStyle(nav).position === 'sticky';
  return {text: t.textContent, cls: t.className, top: r.top, bottom: r.bottom, height: r.height,
          navBottom: sticky ? nav.getBoundingClientRect().bottom : 0, vh: innerHeight,
          targeted: t.matches(':target'), bg: getComputedStyle(t).backgroundColor};
}"""


def test_read_in_article_lands_on_the_sentence(demo, open_page):
    r = demo.result
    page, watch = open_page(demo.url)
    page.evaluate("document.querySelectorAll('details.related').forEach(d => d.open = true)")
    for g in r.groups:
        for cid in list(g.claims) + list(getattr(g, "related", []) or []):
            c = r.claim(cid)
            anchor = sentence_anchor(c.article, c.sentence_start)
            link = page.locator(f"{by_id(dom_id(g))} {claim_in(cid)} .claim-foot a", has_text="read in article")
            assert link.get_attribute("href") == f"#{anchor}"
            page.evaluate("window.scrollTo(0, 0)")
            link.click()
            page.wait_for_function("h => location.hash === h", arg=f"#{anchor}")
            t = page.evaluate(TARGET_JS, anchor)
            assert t is not None, f"{cid}: no element #{anchor}"
            assert t["targeted"], f"{cid}: #{anchor} is not the :target"
            assert c.sentence in t["text"] or t["cls"] == "sent-anchor", f"{cid}: #{anchor} holds {t['text']!r}"
            # in the viewport, and not under the sticky filter bar
            assert t["top"] >= t["navBottom"] - 1, f"{cid}: the sentence is hidden under the filter bar ({t})"
            assert t["top"] < t["vh"] and (t["bottom"] <= t["vh"] or t["height"] > t["vh"] - t["navBottom"]), \
                f"{cid}: the sentence is not in the viewport ({t})"
            assert t["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{cid}: the landed-on sentence is not marked"
    assert page.url.startswith(demo.url)  # fragment navigation only, never another page
    assert not watch.errors and not watch.foreign_requests

    # A link to the report that carries the anchor (pasted into a chat) lands the same way.
    page, watch = open_page(f"{demo.url}#{anchor}")
    t = page.evaluate(TARGET_JS, anchor)
    assert t["targeted"] and c.sentence in t["text"]
    assert t["navBottom"] - 1 <= t["top"] < t["vh"], f"opened at #{anchor}: the sentence is not in view ({t})"
    assert not watch.errors and not watch.foreign_requests


# --- 4. untrusted text ----------------------------------------------------------------

HOSTILE = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
           '</textarea>', '<a href="javascript:window.__pwned=1">click</a>']


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "gazette.txt").write_text(
        "---\n"
        f"source: Canal Gazette {HOSTILE[0]}\n"
        f"title: Footbridge gives way {HOSTILE[1]}\n"
        "published: 2025-04-02\n"
        "url: javascript:window.__pwned=1\n"
        "---\n"
        "HARBOURTON, 2 April - Three people were killed when the old footbridge over the canal "
        "gave way on Tuesday evening, the fire brigade said.\n\n"
        f"A reader sent us this line, which we print exactly as typed: {HOSTILE[0]} then "
        f"{HOSTILE[1]} then {HOSTILE[2]} then {HOSTILE[3]}.\n\n"
        "Engineers will inspect the other bridges in the town this week.\n", encoding="utf-8")
    (folder / "wire.txt").write_text(
        "---\n"
        "source: Wire <b>Service</b>\n"
        "title: Two dead in Harbourton bridge collapse\n"
        "published: 2025-04-02\n"
        "---\n"
        f"Two people were killed in the collapse {HOSTILE[3]}, police said on Tuesday night.\n\n"
        f"Comment left under the story: {HOSTILE[2]} {HOSTILE[0]}\n", encoding="utf-8")
    return folder


def test_untrusted_text_stays_text(tmp_path, open_page):
    corpus = write_hostile_corpus(tmp_path / "hostile")
    result = check([corpus])
    assert any(c.quantity.lo == 3 for c in result.claims), "the real claim was not found"
    path = write_html(result, tmp_path / "hostile.html", title="Hostile <script>window.__pwned=1</script>")
    page, watch = open_page(file_url(path))

    js_links = page.locator('a[href^="javascript:" i]')
    n_js = js_links.count()
    for i in range(n_js):  # if one were rendered as a link, following it must still do nothing
        js_links.nth(i).click()
    assert n_js == 0, "a javascript: URL was rendered as a link"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 1  # the page's own
    assert page.locator("img, textarea, iframe, object, embed").count() == 0
    assert page.locator("b, i").count() == 0

    body = page.locator("body").inner_text()
    for s in HOSTILE + ["javascript:window.__pwned=1", "Wire <b>Service</b>"]:
        assert s in body, f"{s!r} is not shown as text"
    # the claim is there, highlighted, in a group of its own kind
    assert page.locator("mark.figure", has_text="Three").count() >= 1
    assert page.evaluate("document.title").startswith("Hostile <script>")

    assert watch.requests, "the request log saw nothing, so it proves nothing"
    assert watch.foreign_requests == [], "the page tried to fetch something"
    assert not watch.errors and not watch.console_errors, (watch.errors, watch.console)


# --- 5. console and CSP ---------------------------------------------------------------

def test_demo_page_has_no_console_errors_and_its_script_runs_under_csp(demo, open_page):
    page, watch = open_page(demo.url)
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    # the script ran (the CSP let it): it unhides the filter bar and answers to the filters
    assert page.locator("#filters-nav").is_visible()
    page.fill('input[name="q"]', "zzqxjv")
    assert shown_text(page) == f"showing 0 of {len(demo.result.groups)} groups"
    page.fill('input[name="q"]', "")
    page.reload()
    assert not watch.errors, watch.errors
    assert not watch.console_errors, watch.console_errors  # a CSP violation would be logged here
    assert watch.foreign_requests == [], watch.foreign_requests
    ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
    # every in-page link points at something that exists
    hrefs = page.eval_on_selector_all('a[href^="#"]', "els => els.map(e => e.getAttribute('href').slice(1))")
    assert set(hrefs) <= set(ids), set(hrefs) - set(ids)


# --- 6. screenshots and the first screen ----------------------------------------------

GLANCE_JS = """() => {
  const g = document.querySelector('.glance');
  if (!g) return null;
  return {bottom: g.getBoundingClientRect().bottom, vh: innerHeight,
          rows: Array.from(g.querySelectorAll('.glance-row')).map(r => ({
            href: r.querySelector('a').getAttribute('href'), text: r.innerText,
            verdict: r.getAttribute('data-verdict'), bottom: r.getBoundingClientRect().bottom}))};
}"""


def check_first_screen(page, result):
    """Within the first screen, a reader sees every compared figure and whether sources agree."""
    glance = page.evaluate(GLANCE_JS)
    assert glance is not None, "no at-a-glance summary on the page"
    compared = [g for g in result.groups if g.verdict != "single_source"]
    rows = {row["href"]: row for row in glance["rows"]}
    for g in compared[:8]:
        row = rows.get(f"#{dom_id(g)}")
        assert row, f"{g.id} ({g.measure}, {g.verdict}) missing from the summary"
        assert row["verdict"] == g.verdict
        assert row["bottom"] <= glance["vh"], f"{g.measure} is below the first screen"
        for cid in g.claims[:4]:
            assert result.claim(cid).quantity.text.lower() in row["text"].lower()
    return rows


def screenshot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-first-screen.png"))
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_screenshot_demo(demo, open_page):
    page, watch = open_page(demo.url)
    check_first_screen(page, demo.result)
    screenshot(page, "demo-report")
    assert not watch.console_errors


def test_screenshot_seeds(seeds_result, tmp_path, open_page):
    path = write_html(seeds_result, tmp_path / "seeds.html", title="crosscheck: the seed articles")
    page, watch = open_page(file_url(path))
    rows = check_first_screen(page, seeds_result)
    by_measure = {g.measure: g for g in seeds_result.groups if g.verdict != "single_source"}
    text = {m: rows[f"#{dom_id(g)}"]["text"].lower() for m, g in by_measure.items()}
    assert by_measure["deaths"].verdict == "conflict" and re.search(r"\b3\b", text["deaths"]) \
        and re.search(r"\b2\b", text["deaths"])
    assert by_measure["injuries"].verdict == "conflict" and "hundreds" in text["injuries"] \
        and "dozens" in text["injuries"]
    assert by_measure["detentions"].verdict == "consistent"
    screenshot(page, "seeds-report")
    assert not watch.console_errors


# --- 7. keyboard and print ------------------------------------------------------------

FOCUS_JS = """() => { const e = document.activeElement;
  return {tag: e.tagName.toLowerCase(), name: e.name || '', value: e.value || '', type: e.type || '',
          text: (e.textContent || '').trim().slice(0, 40),
          outline: getComputedStyle(e).outlineStyle, visible: e.matches(':focus-visible')}; }"""


def test_filters_work_from_the_keyboard(demo, open_page):
    r = demo.result
    page, _ = open_page(demo.url)
    every = {dom_id(g) for g in r.groups}
    page.locator("body").focus()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUS_JS)
        if f["name"] in ("verdict", "measure", "source", "q") or f["type"] == "reset":
            assert f["visible"] and f["outline"] != "none", f"no visible focus on {f}"
            reached.append(f["name"] or f["type"])
            if f["type"] == "reset":
                break
    verdicts = page.eval_on_selector_all('input[name="verdict"]', "els => els.map(e => e.value)")
    assert reached == ["verdict"] * len(verdicts) + ["measure", "source", "q", "reset"], reached

    # Back to the first checkbox: Space toggles it.
    for _ in range(3 + len(verdicts)):
        page.keyboard.press("Shift+Tab")
    f = page.evaluate(FOCUS_JS)
    assert (f["name"], f["value"]) == ("verdict", verdicts[0]), f
    page.keyboard.press("Space")
    assert_showing(page, r, {dom_id(g) for g in r.groups if g.verdict != verdicts[0]}, "Space on a verdict")
    page.keyboard.press("Space")
    assert_showing(page, r, every, "Space again")

    # The measure select: arrow keys pick a measure.
    for _ in range(len(verdicts)):
        page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_JS)["name"] == "measure"
    page.keyboard.press("ArrowDown")
    m = page.eval_on_selector('select[name="measure"]', "e => e.value")
    assert m, "ArrowDown did not choose a measure"
    assert_showing(page, r, {dom_id(g) for g in r.groups if g.measure == m}, f"keyboard measure {m}")

    # The search box: typing filters, Enter does not reload or leave the page.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_JS)["name"] == "q"
    url = page.url
    page.keyboard.type("zzqxjv")
    page.keyboard.press("Enter")
    assert page.url == url
    assert_showing(page, r, set(), "keyboard search")

    # Reset with Enter brings everything back.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_JS)["type"] == "reset"
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.getElementById('shown').textContent === 'showing {len(every)} of {len(every)} groups'")
    assert_showing(page, r, every, "keyboard reset")
    assert page.eval_on_selector('select[name="measure"]', "e => e.value") == ""
    assert page.eval_on_selector('input[name="q"]', "e => e.value") == ""


def test_print_hides_filters_and_shows_every_group(demo, open_page):
    r = demo.result
    page, _ = open_page(demo.url)
    # filter first: print must show everything whatever the screen showed
    page.uncheck('input[name="verdict"][value="conflict"]')
    page.fill('input[name="q"]', "zzqxjv")
    assert visible_groups(page) == set()
    page.emulate_media(media="print")
    assert not page.locator("#filters-nav").is_visible()
    assert visible_groups(page) == {dom_id(g) for g in r.groups}
    for v in {g.verdict for g in r.groups}:
        assert page.locator(f'section[data-section-verdict="{v}"]').is_visible()
    assert page.locator(".none-match:visible").count() == 0
    # figures stay marked without colour, and related claims are not left folded away
    related = [cid for g in r.groups for cid in (getattr(g, "related", []) or [])]
    for cid in related:
        assert page.locator(by_id("claim-" + slugify(cid)) + " mark.figure").is_visible(), f"related {cid} hidden in print"
    page.emulate_media(media="screen")
    assert page.locator("#filters-nav").is_visible()
    assert visible_groups(page) == set()


def test_story_filter_in_a_mixed_corpus(open_page, tmp_path, mixed_corpus):
    """Two events in one corpus: the story select shows only the chosen story's groups."""
    result = check([mixed_corpus])
    page, watch = open_page(file_url(write_html(result, tmp_path / "r.html")))
    by_story = {}
    for g in result.groups:
        by_story.setdefault(g.story, set()).add(dom_id(g))
    assert len(by_story) == 2
    for story, ids in by_story.items():
        page.select_option('select[name="story"]', story)
        assert visible_groups(page) == ids
    page.select_option('select[name="story"]', "")
    assert visible_groups(page) == set().union(*by_story.values())
    assert not watch.errors


# --- 8. election results table ----------------------------------------------------------

def wide_election() -> "object":
    """Six candidates reported by seven outlets (claims made by hand): the widest table a story
    should show without the page itself scrolling sideways."""
    from crosscheck.models import Article, Claim, Group, Quantity
    from crosscheck.result import Result
    names = ["Ada Quill", "Bram Osei", "Cora Lind", "Dov Marsh", "Esme Royce", "Finn Tarrow"]
    outlets = ["Cape Chronicle", "Delta Evening Standard of the Southern Provinces", "Fjord Post", "Glen Radio",
               "Heath Daily", "Isle Observer", "Juniper Wire"]
    articles = [Article(id=f"a{i}.txt", text="", source=o, published=f"2030-06-0{i + 1}", story="s",
                        title=f"{o} results") for i, o in enumerate(outlets)]
    claims, groups = [], []
    for n, name in enumerate(names):
        ids = []
        for i, a in enumerate(articles):
            value = round([33.0, 25.0, 18.0, 11.0, 6.0, 2.0][n] + 0.1 * i, 1)  # at most 98.6% in all
            q = Quantity(text=f"{value}%", start=0, end=5, lo=value, hi=value, kind="exact", value=value, unit="percent")
            c = Claim(id=f"c{n}{i}", article=a.id, measure="vote_share", subject=name, quantity=q,
                      sentence=f"{name} had {value}%.", sentence_start=0, count_stage=f"{90 + i}% counted")
            claims.append(c)
            ids.append(c.id)
        pairs = [(ids[0], ids[-1])] if n == 0 else []
        groups.append(Group(id=f"g{n}", measure="vote_share", subject=name, verdict="conflict" if pairs else "consistent",
                            severity=0.5 if pairs else 0.0, claims=ids, story="s", subject_class=name.split()[-1].lower(),
                            conflicting_pairs=pairs))
    return Result(articles=articles, claims=claims, groups=groups)


def test_results_table_renders_and_stays_readable(tmp_path, open_page):
    """The table of an invented election: candidates in rows, outlets in columns, marks in words, the
    page itself never scrolling sideways; a row's link lands on its group's card."""
    from election_corpus import write_election_corpus
    result = check([write_election_corpus(tmp_path / "lorwen")])
    page, watch = open_page(file_url(write_html(result, tmp_path / "lorwen.html")))
    table = page.locator("table.rt")
    assert table.is_visible()
    assert page.locator("table.rt tbody th .rt-name").all_inner_texts() == ["Maren Holt", "Tobias Crane"]
    assert page.locator("table.rt thead .rt-src").all_inner_texts() == [
        "Valley Ledger", "Harbour Times", "Northern Wire", "Quarry Gazette"]
    marked = page.locator("td.rt-disagrees .rt-mark").first
    assert marked.is_visible() and "conflict" in marked.inner_text()
    assert "more than 100%" in page.locator("thead th.rt-over").inner_text()
    link = page.locator("table.rt tbody th a.rt-group").first
    target = link.get_attribute("href")
    link.click()
    assert page.locator(by_id(target[1:])).is_visible()
    screenshot(page, "results-table")

    page, watch2 = open_page(file_url(write_html(wide_election(), tmp_path / "wide.html")))
    sizes = page.evaluate("""() => { const s = document.querySelector('.rt-scroll');
        return {page: document.documentElement.scrollWidth, view: innerWidth,
                box: s.getBoundingClientRect().right, rows: document.querySelectorAll('table.rt tbody tr').length,
                cols: document.querySelectorAll('table.rt thead th').length}; }""")
    assert (sizes["rows"], sizes["cols"]) == (6, 8)
    assert sizes["page"] <= sizes["view"] and sizes["box"] <= sizes["view"], sizes  # the table scrolls in its box
    assert page.locator("thead th.rt-over").count() == 0  # no column adds up to more than 100%
    page.locator(".rt-scroll").evaluate("s => { s.scrollLeft = s.scrollWidth; }")
    first = page.locator("table.rt tbody th").first.bounding_box()
    box = page.locator(".rt-scroll").bounding_box()
    assert first["x"] >= box["x"] - 1, "the candidates' column scrolled out of sight"
    screenshot(page, "results-table-wide")
    assert not watch.console_errors and not watch2.console_errors and not watch.errors


def test_results_table_follows_the_story_filter(tmp_path, open_page):
    from election_corpus import write_election_corpus
    corpus = write_election_corpus(tmp_path / "mixed")
    for name in ("ledger.txt", "times.txt", "wire.txt", "gazette.txt"):  # the election as a story of its own
        path = corpus / name
        path.write_text(path.read_text().replace("---\nsource:", "---\nstory: lorwen-vote\nsource:", 1))
    (corpus / "flood.txt").write_text("---\nstory: brackwater-flood\nsource: Marsh Herald\n---\nFour people died "
                                      "when the river Tamsel flooded Brackwater on Tuesday, police said.\n")
    (corpus / "flood2.txt").write_text("---\nstory: brackwater-flood\nsource: Fen Courier\n---\nFive people "
                                       "died in the Brackwater flood, the mayor said on Wednesday.\n")
    result = check([corpus])
    page, watch = open_page(file_url(write_html(result, tmp_path / "mixed.html")))
    table = page.locator("section.results")
    assert table.count() == 1 and table.is_visible()
    page.select_option('select[name="story"]', "brackwater-flood")
    assert not table.is_visible()
    page.select_option('select[name="story"]', "lorwen-vote")
    assert table.is_visible()
    assert not watch.errors and not watch.console_errors


# --- 8. the frame: parties side by side, a figure over time ------------------------------

def test_a_dispute_reads_as_columns_side_by_side_that_stack_on_a_phone(tmp_path, open_page):
    from frame_corpus import write_frame_corpus
    folder = write_frame_corpus(tmp_path / "march", "march")
    result = check([folder])
    page, watch = open_page(file_url(write_html(result, tmp_path / "march.html")))
    columns = page.locator(".v-disputed .positions .position")
    assert columns.count() == 2
    assert sorted(columns.locator("h5").all_inner_texts()) == ["Organisers (organisers' side)",
                                                                "Police (official side)"]
    left, right = (columns.nth(i).bounding_box() for i in range(2))
    assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"], (left, right)
    screenshot(page, "dispute-columns")
    # an outlet in a column opens its sentence in the article
    link = columns.nth(0).locator("a").first
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.locator(by_id(target)).is_visible()
    ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
    page.set_viewport_size({"width": 420, "height": 800})
    left, right = (columns.nth(i).bounding_box() for i in range(2))
    assert right["y"] >= left["y"] + left["height"] - 1, "on a narrow screen the columns stack"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not watch.errors and not watch.console_errors, (watch.errors, watch.console)


def test_a_rising_toll_reads_top_to_bottom_in_time_order(tmp_path, open_page):
    from frame_corpus import write_frame_corpus
    folder = write_frame_corpus(tmp_path / "fire", "fire")
    result = check([folder])
    page, watch = open_page(file_url(write_html(result, tmp_path / "fire.html")))
    points = page.locator(".v-update .timeline li")
    assert points.count() == 3
    tops = [points.nth(i).bounding_box()["y"] for i in range(3)]
    assert tops == sorted(tops)
    texts = points.all_inner_texts()
    assert [t.split("— ")[-1].strip() for t in texts] == ["Harrow Gazette", "Northern Wire", "City Radio"]
    assert "rose to 12" in texts[1] and "rose to 14" in texts[2]  # said in words, not by colour alone
    screenshot(page, "update-timeline")
    assert not watch.errors and not watch.console_errors, (watch.errors, watch.console)
