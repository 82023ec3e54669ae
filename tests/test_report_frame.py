"""A claim's frame in the report and the review app: who is counted, according to whom, as of when;
a dispute as the parties' positions side by side; a changing figure as a timeline; a party that lowered
its own figure named. Unit tests of crosscheck/report_frame.py, then pages written by the CLI.

Every article here is invented for these tests."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.models import Article, Claim, Quantity
from crosscheck.report_frame import claim_frame, party_positions, revisions, timeline
from frame_corpus import write_frame_corpus


# --- views as the report builds them (report._claim_view), made small ----------------------------

def article(aid, published=None, date_source=None, source=None):
    return Article(id=aid, text="", source=source or aid.title(), published=published,
                   date_source=date_source or ("given" if published else None))


def claim(cid, art, lo, hi=None, text=None, party=None, side=None, attribution=None, as_of=None, subject=None):
    hi = lo if hi is None else hi
    q = Quantity(text=text or f"{lo:g}", start=0, end=1, lo=lo, hi=hi, kind="exact" if lo == hi else "range", value=lo)
    return Claim(id=cid, article=art.id, measure="deaths", subject=subject, quantity=q, sentence="", sentence_start=0,
                 party=party, side=side, attribution=attribution, as_of=as_of)


def view(c: Claim, art: Article) -> dict:
    shown = f"{c.quantity.lo:,g}" if c.quantity.lo == c.quantity.hi else f"{c.quantity.lo:,g}–{c.quantity.hi:,g}"
    return {"id": c.id, "source": art.source, "value": shown, "figure_text": c.quantity.text,
            "anchor": f"#art-{art.id}-s0", "frame": claim_frame(c, art)}


# --- each claim's frame ----------------------------------------------------------------------------

def test_the_moment_a_sentence_gives_comes_before_the_article_date():
    paper = article("paper", "2031-04-12")
    f = claim_frame(claim("c1", paper, 7, as_of="2031-04-10T18:00"), paper)
    assert f["when"] == {"text": "2031-04-10 18:00", "datetime": "2031-04-10T18:00",
                         "basis": "as its sentence says", "undated": False, "from_sentence": True}
    assert f["when_key"] == "2031-04-10T18:00"


def test_an_article_date_says_where_it_came_from_and_no_date_says_undated():
    from_url = article("blog", "2031-04-12", date_source="URL")
    f = claim_frame(claim("c1", from_url, 7), from_url)
    assert f["when"]["text"] == "2031-04-12" and f["when"]["basis"] == "article date, from the URL"
    given = article("wire", "2031-04-12")
    assert claim_frame(claim("c2", given, 7), given)["when"]["basis"] == "article date"
    odd = Article(id="odd", text="", published="2031-04-12", date_source="given",
                  date_issues=("the URL says 2031-03",))
    assert claim_frame(claim("c4", odd, 7), odd)["when"]["basis"] == "article date; the URL says 2031-03"
    bare = article("leaflet")
    f = claim_frame(claim("c3", bare, 7), bare)
    assert f["when"]["undated"] and f["when"]["text"] == "undated" and f["when_key"] is None


def test_an_election_figure_says_how_far_the_count_had_got():
    paper = article("paper", "2031-04-12")
    c = claim("c1", paper, 41.5)
    assert claim_frame(replace(c, count_stage="92% counted"), paper)["count_stage"] == "92% counted"
    assert claim_frame(c, paper)["count_stage"] is None


def test_the_party_is_said_only_when_it_adds_to_the_attribution():
    paper = article("paper", "2031-04-12")
    named = claim_frame(claim("c1", paper, 7, attribution="the Guild of Rescue Surgeons", party="medics",
                              side="independent", subject="miners"), paper)
    assert (named["who"], named["party_differs"], named["side_label"]) == ("miners", True, "independent")
    plain = claim_frame(claim("c2", paper, 7, attribution="a police spokesman", party="police", side="official"), paper)
    assert not plain["party_differs"] and plain["side_label"] == "official side"


# --- a dispute: each party's position ---------------------------------------------------------------

def test_each_party_gets_a_column_with_its_figures_and_outlets():
    a, b, c, d = (article(n, "2031-04-12") for n in ("ledger", "star", "wire", "radio"))
    police = claim("p", a, 3000, party="police", side="official")
    org1 = claim("o1", b, 18000, text="some 18,000", party="organisers", side="organisers")
    org2 = claim("o2", c, 18000, text="18,000", party="organisers", side="organisers")
    loose = claim("n", d, 9000)
    views = {x.id: view(x, art) for x, art in ((police, a), (org1, b), (org2, c), (loose, d))}
    pos = party_positions([("p", "o1")], list(views.values()), views)
    assert [(col["party"], col["side"]) for col in pos["columns"]] == [("police", "official side"),
                                                                      ("organisers", "organisers' side")]
    organisers = pos["columns"][1]["figures"]
    assert len(organisers) == 1  # one figure, reported by two outlets
    assert [o["source"] for o in organisers[0]["outlets"]] == ["Star", "Wire"]
    assert organisers[0]["texts"] == ["some 18,000"]  # the plain "18,000" says nothing more than the figure
    assert [f["value"] for f in pos["unattributed"]] == ["9,000"]


def test_a_headline_without_a_party_is_not_listed_again_beside_its_bodys_party():
    a = article("ledger", "2031-04-12")
    b = article("star", "2031-04-13")
    headline = claim("h", a, 40)
    body = claim("m", a, 40, party="health ministry", side="official")
    other = claim("x", b, 95, party="medics", side="independent")
    views = {x.id: view(x, art) for x, art in ((headline, a), (body, a), (other, b))}
    pos = party_positions([("m", "x")], [views["h"], views["x"]], views)
    assert pos["unattributed"] == [] and pos["other_parties"] == []


def test_a_pair_member_with_no_party_is_listed_as_unattributed_not_lost():
    a, b = article("ledger", "2031-04-12"), article("star", "2031-04-12")
    police = claim("p", a, 3000, party="police", side="official")
    corrected = claim("c", b, 18000)  # say a reviewer's correction took its attribution away
    views = {"p": view(police, a), "c": view(corrected, b)}
    pos = party_positions([("p", "c")], list(views.values()), views)
    assert [col["party"] for col in pos["columns"]] == ["police"]
    assert [f["value"] for f in pos["unattributed"]] == ["18,000"]


def test_no_dispute_no_columns():
    assert party_positions([], [], {}) is None


# --- a changing figure: the timeline ----------------------------------------------------------------

def test_the_timeline_runs_by_the_moment_each_figure_stood_and_says_how_it_moved():
    early_paper = article("gazette", "2031-06-12")   # published last, but its figure stood first
    middle = article("wire", "2031-06-11")
    late = article("radio", "2031-06-13")
    bare = article("flyer")
    views = [view(claim("u", bare, 15), bare), view(claim("l", late, 11), late),
             view(claim("e", early_paper, 9, as_of="2031-06-09"), early_paper),
             view(claim("m", middle, 12), middle)]
    points = timeline(views)
    assert [(p["when"]["text"], p["value"], p["change"]) for p in points] == [
        ("2031-06-09", "9", None), ("2031-06-11", "12", "rose"), ("2031-06-13", "11", "fell"),
        ("undated", "15", "unordered")]


def test_two_outlets_with_one_figure_on_one_day_are_one_point():
    a, b = article("ledger", "2031-06-11"), article("star", "2031-06-11")
    points = timeline([view(claim("a", a, 12), a), view(claim("b", b, 12), b)])
    assert len(points) == 1 and [o["source"] for o in points[0]["outlets"]] == ["Ledger", "Star"]


def test_a_revision_names_the_party_and_puts_its_lower_figure_last():
    a, b = article("courier", "2031-08-01"), article("bulletin", "2031-08-03")
    high = claim("h", a, 40, party="health ministry", side="official")
    low = claim("l", b, 31, party="health ministry", side="official")
    views = {"h": view(high, a), "l": view(low, b)}
    for pair in (("l", "h"), ("h", "l")):  # whichever way the aligner lists the pair
        (r,) = revisions([pair], views)
        assert (r["party"], r["earlier"]["value"], r["later"]["value"]) == ("health ministry", "40", "31")
        assert r["later"]["outlets"][0]["source"] == "Bulletin"


# --- pages the CLI writes -------------------------------------------------------------------------

def report(folder: Path, tmp_path: Path):
    out = tmp_path / f"{folder.name}.html"
    r = CliRunner().invoke(main, ["report", str(folder), "-o", str(out), "--stories", "one"])
    assert r.exit_code in (0, 3), r.output
    page = out.read_text(encoding="utf-8")
    ids = Counter(lxml.html.fromstring(page).xpath("//@id"))
    assert not [i for i, n in ids.items() if n > 1], "an id is used twice"
    return lxml.html.fromstring(page)


def text_of(el) -> str:
    return " ".join(el.text_content().split())


@pytest.fixture
def march(tmp_path) -> Path:
    return write_frame_corpus(tmp_path / "march", "march")


def test_a_disputed_group_reads_as_the_parties_positions(march, tmp_path):
    doc = report(march, tmp_path)
    (card,) = doc.xpath('//article[@data-verdict="disputed"]')
    columns = {text_of(c.xpath("./h5")[0]): text_of(c)
               for c in card.xpath('.//section[@class="positions"]//div[@class="position"]')}
    assert set(columns) == {"police (official side)", "organisers (organisers' side)"}
    police, organisers = columns["police (official side)"], columns["organisers (organisers' side)"]
    assert "3,000" in police and "Valley Ledger as of 2021-05-02" in police and "18,000" not in police
    # one figure (about 18,000), two outlets: the dated one, and the undated one marked so
    assert organisers.count("16,200–19,800") == 1 and "Kestrel Morning Star as of 2021-05-02" in organisers
    assert "leaflet undated" in organisers
    # the columns come before the list of claims, so the dispute is read first
    order = [e.get("class") for e in card.iter() if e.get("class") in ("positions", "claims")]
    assert order[0] == "positions"


def test_every_claim_card_states_who_where_according_to_whom_and_as_of_when(march, tmp_path):
    doc = report(march, tmp_path)
    frames = doc.xpath('//article[@data-verdict="disputed"]//ol[@class="claims"]/li//dl[@class="frame"]')
    assert len(frames) == 3
    for f in frames:
        assert [text_of(dt) for dt in f.xpath("./div/dt")][:4] == ["Who", "Where", "According to", "As of"]
    by_source = {text_of(li.xpath('.//strong[@class="src"]')[0]):
                 {text_of(div[0]): text_of(div[1]) for div in li.xpath('.//dl[@class="frame"]/div')}
                 for li in doc.xpath('//article[@data-verdict="disputed"]//ol[@class="claims"]/li')}
    assert by_source["Valley Ledger"]["According to"] == "“Police” — official side"
    assert by_source["Valley Ledger"]["As of"] == "2021-05-02 (article date)"
    assert by_source["Valley Ledger"]["Where"] == "not said"  # ("as marchers crossed the bridge" is another clause)
    assert by_source["Kestrel Morning Star"]["Who"] == "people"
    assert by_source["Kestrel Morning Star"]["According to"] == "“the organisers” — organisers' side"
    assert by_source["leaflet"]["As of"] == "undated"


def test_an_update_group_shows_a_timeline_earliest_first(tmp_path):
    folder = write_frame_corpus(tmp_path / "fire", "fire")
    doc = report(folder, tmp_path)
    (card,) = doc.xpath('//article[@data-verdict="update"]')
    points = [text_of(li) for li in card.xpath('.//section[@class="timeline"]/ol/li')]
    assert [p.split(" — ")[-1] for p in points] == ["Harrow Gazette", "Northern Wire", "City Radio"]
    assert points[0].startswith("2021-06-07 9")  # "said on Monday": the Monday before the article's date
    assert "rose to 12" in points[1] and "rose to 14" in points[2]
    assert card.xpath('.//section[@class="timeline"]//time/@datetime') == ["2021-06-07", "2021-06-09", "2021-06-11"]
    # a card whose sentence gives its own moment also says when the article was published; one dated by
    # its article alone says the date once, in its frame
    cards = {text_of(li.xpath('.//strong[@class="src"]')[0]): li for li in card.xpath('.//ol[@class="claims"]/li')}
    gazette, radio = cards["Harrow Gazette"], cards["City Radio"]
    assert "published 2021-06-08" in text_of(gazette.xpath('.//p[@class="claim-meta"]')[0])
    assert "2021-06-07 (as its sentence says)" in text_of(gazette.xpath('.//dl[@class="frame"]')[0])
    assert "published" not in text_of(radio.xpath('.//p[@class="claim-meta"]')[0])
    assert "2021-06-11 (article date)" in text_of(radio.xpath('.//dl[@class="frame"]')[0])


def test_a_revised_group_names_the_party_that_lowered_its_figure(tmp_path):
    folder = write_frame_corpus(tmp_path / "ferry", "ferry")
    doc = report(folder, tmp_path)
    (card,) = doc.xpath('//article[@data-verdict="revised"]')
    (line,) = [text_of(li) for li in card.xpath('.//ul[@class="revisions"]/li')]
    assert line.startswith("health ministry (official side) lowered its own figure: 40")
    assert line.index("Delta Courier") < line.index("then 31") < line.index("Coast Bulletin")


def test_an_election_card_says_the_count_stage_in_its_frame(tmp_path):
    from election_corpus import write_election_corpus
    doc = report(write_election_corpus(tmp_path / "lorwen"), tmp_path)
    frames = {}
    for li in doc.xpath('//ol[@class="claims"]/li'):
        entries = {text_of(div[0]): text_of(div[1]) for div in li.xpath('.//dl[@class="frame"]/div')}
        frames.setdefault(text_of(li.xpath('.//strong[@class="src"]')[0]), []).append(entries.get("Count"))
    assert set(frames["Valley Ledger"]) == {"40% counted"}
    assert set(frames["Harbour Times"]) == {"99% counted"}
    assert set(frames["Northern Wire"]) == {None}  # no stage said: no line for it


def test_an_outlet_named_like_markup_stays_text_in_the_parties_columns(march, tmp_path):
    ledger = march / "ledger.txt"
    ledger.write_text(ledger.read_text().replace("Valley Ledger", '<img src=x onerror="alert(1)">Ledger'))
    doc = report(march, tmp_path)
    positions = doc.xpath('//section[@class="positions"]')[0]
    assert not positions.xpath(".//img")
    assert '<img src=x onerror="alert(1)">Ledger' in text_of(positions)
