"""Tests for crosscheck.report: the JSON/CSV contract and the HTML page."""
from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from crosscheck.models import Article, Claim, Group, Quantity
from crosscheck.report import (highlight_sentence, render_html, sentence_anchor, slugify,
                               to_json_dict, write_csv, write_html, write_json)
from crosscheck.result import CLAIM_COLUMNS, Result, Skipped

TEXT_A = ("Flood waters cut Millbrook in two\n\n"
          "Eleven people were killed when the Ashe river burst its banks on Tuesday night, "
          "the fire service said. About 40 residents were treated for injuries.\n\n"
          "Rescue crews kept searching the lower town until dawn.")
TEXT_B = ("Millbrook counts the cost\n\n"
          "The regional health office said 14 people died in the floods. "
          "Between 35 and 45 people were hurt, most of them by falling debris.\n\n"
          "Schools in the valley will stay closed until Monday.")
TEXT_C = ("Hostile page <script>alert(1)</script> and <img src=x onerror=alert(1)> "
          "then </textarea> and <a href=\"javascript:alert(1)\">x</a>.\n\n"
          "Police detained at least 7 people near the <b>old bridge</b>, a spokesman said.")


def claim(cid, article, text, figure, trigger, measure, lo, hi, kind="exact", **kw):
    """A Claim whose offsets are computed from the text, as the claims stage would."""
    start = text.index(figure)
    s_start = text.rfind("\n", 0, start) + 1
    for stop in (". ", ".\n"):  # sentence starts after the previous full stop, if any
        p = text.rfind(stop, s_start, start)
        if p >= 0:
            s_start = p + len(stop)
    s_end = text.index(".", start) + 1
    t0 = text.index(trigger, s_start)
    q = Quantity(text=figure, start=start, end=start + len(figure), lo=lo, hi=hi, kind=kind,
                 value=lo if lo is not None else hi,
                 increment=kw.pop("increment", False))
    return Claim(id=cid, article=article, measure=measure, subject=kw.pop("subject", "Millbrook flood"),
                 quantity=q, sentence=text[s_start:s_end], sentence_start=s_start,
                 trigger=trigger, trigger_span=(t0, t0 + len(trigger)), **kw)


@pytest.fixture
def result() -> Result:
    articles = [
        Article(id="000_8b29.txt", text=TEXT_A, source="Ashe Valley Herald", title="Flood waters cut Millbrook in two",
                published="2024-03-05", path="in/000_8b29.txt", url="https://example.org/herald/flood"),
        Article(id="001_c3d1.txt", text=TEXT_B, source="Millbrook Courier", title="Millbrook counts the cost",
                published="2024-03-06", path="in/001_c3d1.txt", inferred=("published",)),
        Article(id="002 evil.txt", text=TEXT_C, source='Evil "Gazette" | <i>x</i>',
                title="<script>alert('t')</script>", published=None, path="in/002 evil.txt",
                url="javascript:alert(1)", inferred=("source",)),
    ]
    claims = [
        claim("c1", "000_8b29.txt", TEXT_A, "Eleven", "killed", "deaths", 11.0, 11.0, attribution="the fire service"),
        claim("c2", "001_c3d1.txt", TEXT_B, "14", "died", "deaths", 14.0, 14.0, attribution="The regional health office"),
        claim("c3", "000_8b29.txt", TEXT_A, "About 40", "injuries", "injuries", 40.0, 40.0, kind="approximate"),
        claim("c4", "001_c3d1.txt", TEXT_B, "Between 35 and 45", "hurt", "injuries", 35.0, 45.0, kind="range"),
        claim("c5", "002 evil.txt", TEXT_C, "at least 7", "detained", "detentions", 7.0, None,
              kind="lower_bound", subject="<b>bridge</b>", hedged=True),
    ]
    groups = [
        Group(id="g1", measure="deaths", subject="Millbrook flood", verdict="conflict", severity=0.82,
              claims=["c1", "c2"], articles=["000_8b29.txt", "001_c3d1.txt"], best_value="14",
              best_sources=["Millbrook Courier"], range_lo=11.0, range_hi=14.0,
              reason="11 vs 14 deaths: exact figures that cannot both hold"),
        Group(id="g2", measure="injuries", subject="Millbrook flood", verdict="consistent", severity=0.0,
              claims=["c3", "c4"], articles=["000_8b29.txt", "001_c3d1.txt"], best_value="about 40",
              best_sources=["Ashe Valley Herald", "Millbrook Courier"], range_lo=35.0, range_hi=45.0,
              reason="about 40 lies within 35-45"),
        Group(id="g3", measure="detentions", subject="<b>bridge</b>", verdict="single_source", severity=0.0,
              claims=["c5"], articles=["002 evil.txt"], best_value="at least 7",
              best_sources=['Evil "Gazette" | <i>x</i>'], range_lo=7.0, range_hi=None,
              reason="only one source <onerror=x>"),
    ]
    return Result(articles=articles, claims=claims, groups=groups,
                  skipped=[Skipped(path="in/notes.csv", reason="no text column", row=3)])


class PageParser(HTMLParser):
    """Collects ids, element order and data-* attributes; fails on unbalanced tags."""
    VOID = {"meta", "link", "input", "br", "img", "hr", "line", "circle", "rect", "polygon"}

    def __init__(self):
        super().__init__()
        self.ids, self.stack, self.elements, self.script = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "script":
            self._in_script = True
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>, open: {self.stack[-3:]}"
        self.stack.pop()

    def handle_data(self, data):
        if self._in_script:
            self.script.append(data)


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    assert p.stack == [], p.stack
    return p


# --- JSON -----------------------------------------------------------------------------

def test_json_contract(result):
    d = to_json_dict(result)
    assert list(d) == ["articles", "claims", "groups", "stories", "results_tables", "skipped", "warnings", "summary"]
    assert d["articles"][0] == {"id": "000_8b29.txt", "source": "Ashe Valley Herald",
                                "title": "Flood waters cut Millbrook in two", "published": "2024-03-05",
                                "path": "in/000_8b29.txt", "url": "https://example.org/herald/flood",
                                "story": None, "inferred": [], "date_source": None, "date_issues": []}
    assert d["articles"][1]["inferred"] == ["published"]
    c5 = d["claims"][4]
    assert list(c5) == CLAIM_COLUMNS
    assert (c5["id"], c5["lo"], c5["hi"], c5["text"], c5["kind"]) == ("c5", 7.0, None, "at least 7", "lower_bound")
    assert TEXT_C[c5["start"]:c5["end"]] == "at least 7"
    assert [g["id"] for g in d["groups"]] == ["g1", "g2", "g3"]
    g1 = d["groups"][0]
    assert g1["claims"] == ["c1", "c2"] and g1["verdict"] == "conflict" and g1["severity"] == 0.82
    assert {"id", "measure", "subject", "verdict", "severity", "claims", "articles", "best_value",
            "best_sources", "range_lo", "range_hi", "reason"} <= set(g1)
    assert d["groups"][2]["range_hi"] is None
    assert d["skipped"] == [{"path": "in/notes.csv", "reason": "no text column", "row": 3}]
    assert d["summary"] == {"articles": 3, "claims": 5, "groups": 3,
                            "by_verdict": {"conflict": 1, "disputed": 0, "revised": 0, "update": 0, "consistent": 1, "single_source": 1}}


def test_json_nan_becomes_null_and_file_is_stable(result, tmp_path):
    result.groups[0].severity = float("nan")
    assert to_json_dict(result)["groups"][0]["severity"] is None
    p1, p2 = write_json(result, tmp_path / "a.json"), write_json(result, tmp_path / "b.json")
    assert p1.read_bytes() == p2.read_bytes()
    assert json.loads(p1.read_text(encoding="utf-8"))["claims"][0]["id"] == "c1"


# --- CSV ------------------------------------------------------------------------------

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_share_ids(result, tmp_path):
    paths = write_csv(result, tmp_path / "out")
    assert sorted(p.name for p in paths) == ["articles.csv", "claims.csv", "groups.csv"]
    claims = read_csv(tmp_path / "out" / "claims.csv")
    groups = read_csv(tmp_path / "out" / "groups.csv")
    articles = read_csv(tmp_path / "out" / "articles.csv")
    assert [c["id"] for c in claims] == ["c1", "c2", "c3", "c4", "c5"]
    assert [g["id"] for g in groups] == ["g1", "g2", "g3"]
    assert [a["id"] for a in articles] == ["000_8b29.txt", "001_c3d1.txt", "002 evil.txt"]
    assert groups[0]["claims"] == "c1;c2"
    assert groups[1]["best_sources"] == "Ashe Valley Herald;Millbrook Courier"
    assert articles[1]["inferred"] == "published"
    assert claims[4]["hi"] == "" and claims[0]["start"] == str(TEXT_A.index("Eleven"))
    assert "." not in claims[0]["trigger_start"]  # offsets stay integers
    ids = {c["id"] for c in claims}
    assert all(set(g["claims"].split(";")) <= ids for g in groups)


# --- HTML -----------------------------------------------------------------------------

def test_html_structure_ids_and_sections(result):
    page = render_html(result, title="Millbrook flood check")
    p = parse(page)
    assert len(p.ids) == len(set(p.ids)), [i for i in p.ids if p.ids.count(i) > 1]
    for gid in ("group-g1", "group-g2", "group-g3"):
        assert gid in p.ids
    groups = {a["id"]: a for t, a in p.elements if a.get("id", "").startswith("group-")}
    assert groups["group-g1"]["data-verdict"] == "conflict"
    assert groups["group-g1"]["data-measure"] == "deaths"
    assert groups["group-g1"]["data-sources"].split("|") == ["Ashe Valley Herald", "Millbrook Courier"]
    # a "|" inside a source name must not split it; the value is escaped, then parsed back
    assert groups["group-g3"]["data-sources"] == 'Evil "Gazette" / <i>x</i>'
    # sections in reading order, then the articles appendix
    order = [p.ids.index(s) for s in ("conflicts", "updates", "consistent", "single-source", "articles")]
    assert order == sorted(order)
    assert p.ids.index("conflicts") < p.ids.index("group-g1") < p.ids.index("consistent") < p.ids.index("group-g2")
    assert '<mark class="figure">Eleven</mark>' in page
    assert '<mark class="figure">Between 35 and 45</mark>' in page
    assert '<mark class="trigger">killed</mark>' in page
    # the "read in article" link lands on the wrapped sentence
    anchor = sentence_anchor("000_8b29.txt", result.claim("c1").sentence_start)
    assert anchor == f"art-000_8b29.txt-s{TEXT_A.index('Eleven')}"
    assert anchor in p.ids and f'href="#{anchor}"' in page
    sentence_el = next(a for t, a in p.elements if a.get("id") == anchor)
    assert sentence_el.get("class") == "sent"
    for c in result.claims:
        assert f'href="#{sentence_anchor(c.article, c.sentence_start)}"' in page
        assert sentence_anchor(c.article, c.sentence_start) in p.ids
    assert "Millbrook flood check" in page and "severity 0.82" in page
    assert "in/notes.csv" in page and "no text column" in page  # skipped inputs are shown
    assert "(inferred)" in page


def test_html_is_self_contained_with_csp_hash(result):
    page = render_html(result)
    p = parse(page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page.replace(
        'href="https://example.org/herald/flood"', ""))  # the only URL is a user-clicked link
    assert page.count("<script") == 1
    script = "".join(p.script)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = next(a["content"] for t, a in p.elements if a.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_html_escapes_untrusted_text(result):
    page = render_html(result)
    parse(page)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "</textarea>" not in page
    assert 'href="javascript:' not in page and "<a href=\"javascript" not in page
    assert "<b>old bridge</b>" not in page and "<i>x</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "only one source &lt;onerror=x&gt;" in page
    # the evil article still gets a safe, distinct anchor for its sentence
    assert slugify("002 evil.txt") != slugify("002-evil.txt")
    assert re.fullmatch(r"[A-Za-z0-9._-]+", slugify("002 evil.txt"))


def test_html_chart_shapes_and_log_scale(result):
    page = render_html(result)
    assert page.count('<svg class="chart"') == 2  # single-source groups have no chart
    assert 'data-scale="linear"' in page
    assert 'class="dot"' in page and 'class="dot hollow"' not in page.split('id="group-g2"')[0]
    assert 'class="bar"' in page  # the 35-45 range
    # spread > 50 switches to a log axis; a one-sided bound draws an arrow
    g = result.groups[0]
    big = claim("c9", "001_c3d1.txt", TEXT_B, "Between 35 and 45", "hurt", "deaths", 2000.0, None, kind="lower_bound")
    result.claims.append(big)
    g.claims.append("c9")
    page = render_html(result)
    assert 'data-scale="log"' in page and 'class="arrow"' in page


def test_render_is_deterministic(result, tmp_path):
    assert render_html(result) == render_html(result)
    a, b = write_html(result, tmp_path / "a.html"), write_html(result, tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()


def test_empty_result_renders():
    page = render_html(Result(articles=[], claims=[], groups=[]))
    parse(page)
    assert "None found." in page and "showing 0 of 0 groups" in page


# --- highlighting ---------------------------------------------------------------------

def test_highlight_overlapping_and_outside_trigger():
    text = "Officials said a third person died overnight."
    fig_start = text.index("a third person")
    q = Quantity(text="a third person", start=fig_start, end=fig_start + 14, lo=3.0, hi=3.0, kind="ordinal")
    trig = text.index("third person died")
    c = Claim(id="x", article="a", measure="deaths", subject=None, quantity=q, sentence=text,
              sentence_start=0, trigger="third person died", trigger_span=(trig, trig + 17))
    assert str(highlight_sentence(c)) == ('Officials said <mark class="figure">a third person</mark>'
                                          '<mark class="trigger"> died</mark> overnight.')
    # offsets are article offsets: shift the sentence, put the trigger in another sentence
    c2 = Claim(id="y", article="a", measure="deaths", subject=None,
               quantity=Quantity(text="a third person", start=fig_start + 100, end=fig_start + 114,
                                 lo=3.0, hi=3.0, kind="ordinal"),
               sentence="<b>" + text, sentence_start=100, trigger="died", trigger_span=(5, 9))
    out = str(highlight_sentence(c2))
    assert '<mark class="figure">a third person</mark>' in out  # found by text after the shift
    assert "trigger" not in out and out.startswith("&lt;b&gt;")


def test_highlight_adjacent_spans():
    text = "Police arrested 12 protesters."
    s = text.index("12")
    c = Claim(id="z", article="a", measure="detentions", subject=None,
              quantity=Quantity(text="12", start=s, end=s + 2, lo=12.0, hi=12.0, kind="exact"),
              sentence=text, sentence_start=0, trigger="arrested ", trigger_span=(7, s))
    assert str(highlight_sentence(c)) == ('Police <mark class="trigger">arrested </mark>'
                                          '<mark class="figure">12</mark> protesters.')


def test_article_anchors_survive_odd_sentence_offsets():
    """Sentences that overlap, repeat, or sit at the wrong offset still get one anchor each."""
    text = "Two people died on Friday. A third person died in hospital on Sunday.\n\nNo one else was hurt."
    a = Article(id="a.txt", text=text, source="Wire")

    def mk(cid, figure, sentence, sentence_start, lo):
        s = text.index(figure)
        q = Quantity(text=figure, start=s, end=s + len(figure), lo=lo, hi=lo, kind="exact")
        return Claim(id=cid, article="a.txt", measure="deaths", subject=None, quantity=q,
                     sentence=sentence, sentence_start=sentence_start)
    claims = [
        mk("k1", "Two", "Two people died on Friday.", 0, 2.0),
        mk("k2", "A third person", "Friday. A third person died in hospital on Sunday.", 19, 3.0),  # overlaps k1
        mk("k3", "Two", "Two people died on Friday.", 0, 2.0),                          # same sentence
        mk("k4", "No one", "No one else was hurt.", 5, 0.0),                            # wrong offset
        mk("k5", "No one", "This sentence is not in the text.", 999, 0.0),               # not found
    ]
    g = Group(id="g", measure="deaths", subject=None, verdict="update", severity=0.3,
              claims=[c.id for c in claims], articles=["a.txt"])
    page = render_html(Result(articles=[a], claims=claims, groups=[g]))
    p = parse(page)
    assert len(p.ids) == len(set(p.ids))
    for c in claims:
        assert sentence_anchor("a.txt", c.sentence_start) in p.ids
    # the wrongly placed sentence is found by its text and wrapped whole
    assert '<span class="sent" id="art-a.txt-s5"><mark class="fig">No one</mark> else was hurt.</span>' in page


def test_a_figure_of_people_shot_is_flagged_as_maybe_including_the_dead():
    from crosscheck.api import check_articles
    arts = [Article("a", "Five people were shot at a party in Hot Springs on Saturday.", source="Herald"),
            Article("b", "The shooting killed one person and injured four others in Hot Springs.", source="Gazette")]
    page = render_html(check_articles(arts))
    assert page.count("may include the dead") == 1
