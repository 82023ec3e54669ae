"""crosscheck.results_table: candidates x sources, built from claims and groups made by hand here
(an invented election in the republic of Vessary), so the table is tested apart from extraction."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.models import Article, Claim, Group, Quantity
from crosscheck.report import render_html, to_json_dict
from crosscheck.result import Result
from crosscheck.results_table import alternative_count, lowest_reading, results_tables, row_kind

STORY = "vessary-vote"


def share(cid, article, subject, text, value, stage=None, hi=None, lo_open=False, **kw):
    """A vote share (or, with measure=, another result figure) as the claims stage would give it."""
    measure = kw.pop("measure", "vote_share")
    unit = kw.pop("unit", "percent" if measure != "votes" else None)
    q = Quantity(text=text, start=kw.pop("start", 0), end=len(text), lo=value, hi=value if hi is None else hi,
                 kind=kw.pop("kind", "exact" if hi is None else "range"), value=value, unit=unit, lo_open=lo_open)
    if lo_open:
        q = Quantity(**{**q.__dict__, "hi": None, "kind": "lower_bound"})
    return Claim(id=cid, article=article, measure=measure, subject=subject, quantity=q,
                 sentence=f"Invented sentence giving {text}.", sentence_start=0, count_stage=stage, **kw)


def group(gid, subject_class, claims, measure="vote_share", verdict="consistent", subject=None, **pairs):
    return Group(id=gid, measure=measure, subject=subject or subject_class, verdict=verdict, severity=0.0,
                 claims=[c.id for c in claims], story=STORY, subject_class=subject_class, **pairs)


def articles(*specs):
    return [Article(id=aid, text="", source=source, published=date, story=STORY, title=f"{source} on the vote")
            for aid, source, date in specs]


ARTICLES = articles(("late.txt", "Coastal Daily", "2030-04-03"), ("early.txt", "Inland Post", "2030-04-02"),
                    ("third.txt", "Ridge Radio", "2030-04-03"))


@pytest.fixture
def table():
    """Ilse Varga and Oren Talbot at two stages of the count; Ridge Radio disagrees about Talbot."""
    early_varga = share("e1", "early.txt", "Ilse Varga", "48.1%", 48.1, stage="60% counted")
    early_talbot = share("e2", "early.txt", "Talbot", "45.0%", 45.0, stage="60% counted")
    late_varga = share("l1", "late.txt", "Varga", "50.2%", 50.2, stage="98% counted")
    late_talbot = share("l2", "late.txt", "Oren Talbot", "46.3%", 46.3, stage="98% counted")
    ridge_talbot = share("r2", "third.txt", "Oren Talbot", "39%", 39.0)
    ridge_varga = share("r1", "third.txt", "Varga", "50.2 percent", 50.2)
    unnamed = share("u1", "third.txt", None, "3.1%", 3.1)
    earlier_vote = share("b1", "late.txt", "Varga", "44%", 44.0, background=True)
    claims = [early_varga, early_talbot, late_varga, late_talbot, ridge_talbot, ridge_varga, unnamed, earlier_vote]
    groups = [
        group("gv", "varga", [early_varga, late_varga, ridge_varga], verdict="update", related=["b1"],
              update_pairs=[("e1", "l1"), ("e1", "r1")]),
        group("gt", "talbot", [early_talbot, late_talbot, ridge_talbot], verdict="conflict",
              conflicting_pairs=[("l2", "r2"), ("e2", "r2")], update_pairs=[("e2", "l2")]),
        group("gu", "unspecified third.txt", [unnamed], subject=None, verdict="single_source"),
    ]
    (only,) = results_tables(claims, groups, ARTICLES)
    return only


def cell(table, row_label, source):
    row = next(r for r in table.rows if r.label == row_label)
    i = next(i for i, c in enumerate(table.columns) if c.source == source)
    return row.cells[i]


def test_rows_are_candidates_under_their_most_common_spelling_highest_share_first(table):
    assert [r.label for r in table.rows] == ["Varga", "Oren Talbot"]
    assert table.rows[0].spellings == ("Varga", "Ilse Varga")
    assert [r.key for r in table.rows] == ["varga", "talbot"]
    assert all(r.kind == "candidate" for r in table.rows)


def test_columns_are_sources_oldest_first_with_their_count_stage(table):
    assert [(c.source, c.stage) for c in table.columns] == [
        ("Inland Post", "60% counted"), ("Coastal Daily", "98% counted"), ("Ridge Radio", None)]
    assert table.columns[0].label == "Inland Post (60% counted)"
    assert all(len(r.cells) == len(table.columns) for r in table.rows)


def test_each_cell_holds_that_sources_figure(table):
    assert [f.text for f in cell(table, "Varga", "Coastal Daily").figures] == ["50.2%"]
    assert [f.lo for f in cell(table, "Oren Talbot", "Ridge Radio").figures] == [39.0]


def test_conflicting_figures_are_marked_in_words_naming_the_other_source(table):
    ridge = cell(table, "Oren Talbot", "Ridge Radio")
    assert ridge.disagrees
    (mark,) = [m for m in ridge.figures[0].marks if m.kind == "conflict"]
    assert mark.text == "conflicts with Coastal Daily (98% counted), Inland Post (60% counted)"
    assert table.rows[1].disagrees and not table.rows[0].disagrees


def test_a_later_count_is_marked_as_an_update_not_a_conflict(table):
    early = cell(table, "Varga", "Inland Post")
    assert early.updated and not early.disagrees
    assert [m.kind for m in early.figures[0].marks] == ["updated_later"]
    assert [m.kind for m in cell(table, "Varga", "Coastal Daily").figures[0].marks] == ["update"]


def test_shares_naming_no_candidate_are_counted_not_rows(table):
    assert table.unnamed_shares == 1
    assert all(r.key != "unspecified third.txt" for r in table.rows)


def test_another_elections_figure_is_left_out(table):
    assert table.left_out == 1
    assert all(f.text != "44%" for r in table.rows for c in r.cells for f in c.figures)


def test_shares_that_add_up_to_less_than_100_carry_no_note(table):
    assert [c.notes for c in table.columns] == [(), (), ()]
    assert [(t.total, t.at_least) for t in table.columns[1].totals] == [(96.5, pytest.approx(96.4))]


def two_candidates(first, second, **kw):
    a = share("x1", "one.txt", "Nadia Peld", first[0], first[1], **kw)
    b = share("x2", "one.txt", "Ruben Ask", second[0], second[1], **kw)
    groups = [group("g1", "peld", [a]), group("g2", "ask", [b])]
    return results_tables([a, b], groups, articles(("one.txt", "Plains Bulletin", "2030-04-02")))[0]


def test_a_column_whose_shares_add_up_to_more_than_100_gets_a_note():
    t = two_candidates(("61.5%", 61.5), ("44.2%", 44.2), stage="final")
    (col,) = t.columns
    assert col.totals[0].over
    assert len(col.notes) == 1 and "add up to 105.7%, more than 100%" in col.notes[0]
    assert col.totals[0].at_least == pytest.approx(105.6)  # 61.45 + 44.15


def test_rounded_shares_that_round_up_past_100_are_not_flagged():
    # "51%" may be 50.5% and "50%" may be 49.5%: together they fit in 100%
    t = two_candidates(("51%", 51.0), ("50%", 50.0))
    assert t.columns[0].notes == () and not t.columns[0].totals[0].over
    assert lowest_reading(share("y", "one.txt", "X", "51%", 51.0)) == pytest.approx(50.5)


def test_a_share_over_100_is_kept_as_written_with_a_note():
    t = two_candidates(("130%", 130.0), ("12%", 12.0))
    figure = t.rows[0].cells[0].figures[0]
    assert figure.text == "130%" and figure.lo == 130.0
    assert figure.notes and "over 100%" in figure.notes[0]
    assert t.columns[0].notes  # and the column adds up to too much


def test_a_candidate_without_a_figure_from_a_source_has_an_empty_cell():
    a = share("p1", "one.txt", "Nadia Peld", "52%", 52.0)
    b = share("p2", "two.txt", "Nadia Peld", "52%", 52.0)
    c = share("p3", "two.txt", "Ruben Ask", "40%", 40.0)
    groups = [group("g1", "peld", [a, b]), group("g2", "ask", [c])]
    t = results_tables([a, b, c], groups, articles(("one.txt", "Plains Bulletin", "2030-04-02"),
                                                    ("two.txt", "Delta Voice", "2030-04-03")))[0]
    ask = next(r for r in t.rows if r.label == "Ruben Ask")
    assert [len(c.figures) for c in ask.cells] == [0, 1]


def test_an_exit_poll_gets_its_own_column_beside_the_count_of_the_same_article():
    poll = share("q1", "one.txt", "Nadia Peld", "55%", 55.0, attribution="the Orbis exit poll",
                 party="exit poll", side="pollsters")
    count = share("q2", "one.txt", "Nadia Peld", "53.4%", 53.4, stage="90% counted", start=40)
    t = results_tables([poll, count], [group("g1", "peld", [poll, count])],
                       articles(("one.txt", "Plains Bulletin", "2030-04-02")))[0]
    assert [(c.producer, c.stage) for c in t.columns] == [("exit poll", None), (None, "90% counted")]
    assert alternative_count(count) is None and alternative_count(poll) == "exit poll"


def test_votes_and_margins_and_turnout_each_find_their_row():
    votes = share("v1", "one.txt", "Nadia Peld", "1,204,331", 1204331.0, measure="votes")
    lead = share("v2", "one.txt", "Peld lead", "80,112", 80112.0, measure="votes")
    turnout = share("v3", "one.txt", None, "63%", 63.0, measure="turnout")
    groups = [group("g1", "peld", [votes], measure="votes"), group("g2", "peld lead", [lead], measure="votes"),
              group("g3", "people", [turnout], measure="turnout", subject=None)]
    t = results_tables([votes, lead, turnout], groups, articles(("one.txt", "Plains Bulletin", "2030-04-02")))[0]
    assert [(r.label, r.kind) for r in t.rows] == [("Nadia Peld", "candidate"), ("Peld lead", "margin"),
                                                    ("Turnout", "turnout")]
    assert t.columns[0].totals == ()  # no shares: nothing to add up
    assert row_kind("spoiled ballots") == "ballots"


def test_a_story_without_vote_figures_has_no_table():
    deaths = share("d1", "one.txt", "people", "12", 12.0, measure="deaths", unit=None)
    g = group("g1", "people", [deaths], measure="deaths")
    assert results_tables([deaths], [g], articles(("one.txt", "Plains Bulletin", "2030-04-02"))) == []


def test_the_json_report_and_the_page_carry_the_table():
    claims = [share("k1", "early.txt", "Ilse Varga", "48.1%", 48.1), share("k2", "late.txt", "Varga", "52.4%", 52.4)]
    g = group("gk", "varga", claims, verdict="conflict", conflicting_pairs=[("k1", "k2")])
    result = Result(articles=ARTICLES, claims=claims, groups=[g])
    data = json.loads(json.dumps(to_json_dict(result)))
    (t,) = data["results_tables"]
    assert [r["label"] for r in t["rows"]] == ["Ilse Varga"]  # as often as "Varga": the fuller name
    assert t["rows"][0]["cells"][0]["figures"][0]["marks"][0]["kind"] == "conflict"
    html = render_html(result)
    assert 'class="rt"' in html and "<b>conflict</b>" in html
    assert html.index('id="results"') < html.index('id="conflicts"')  # before the group cards


def test_names_and_sources_from_articles_stay_text_in_the_page():
    hostile = share("h1", "one.txt", "<img src=x onerror=alert(1)>", "40%<script>", 40.0)
    g = group("gh", "hostile", [hostile])
    arts = [Article(id="one.txt", text="", source='Bulletin <b onclick="x()">', published="2030-04-02", story=STORY)]
    html = render_html(Result(articles=arts, claims=[hostile], groups=[g]))
    table = html[html.index('<table class="rt">'):html.index("</table>", html.index('<table class="rt">'))]
    assert "&lt;img src=x onerror=alert(1)&gt;" in table and "<img" not in table
    assert "Bulletin &lt;b onclick" in table and "<script>" not in table


def test_cells_show_figures_as_a_reader_compares_them():
    from crosscheck.report_results import figure_value
    (row,) = two_candidates(("34.0 percent", 34.0), ("12%", 12.0)).rows[:1]
    assert figure_value(row.cells[0].figures[0]) == "34.0%"  # the decimals the article wrote
    votes = share("w1", "one.txt", "Nadia Peld", "2 350 711", 2350711.0, measure="votes")
    about = share("w2", "one.txt", "Nadia Peld", "around 6,400,000", 6400000.0, measure="votes", hi=6700000.0,
                  kind="approximate")
    few = share("w3", "one.txt", "Nadia Peld", "a few thousand", 2000.0, measure="votes", hi=9000.0, kind="vague")
    g = group("gw", "peld", [votes, about, few], measure="votes")
    t = results_tables([votes, about, few], [g], articles(("one.txt", "Plains Bulletin", "2030-04-02")))[0]
    assert [figure_value(f) for f in t.rows[0].cells[0].figures] == [
        "2,350,711 votes", "≈ 6,400,000 votes", "a few thousand"]


def test_a_difference_between_parties_is_said_once_as_a_dispute():
    # the outlet gives its figure twice, under two spellings; align pairs one copy as a conflict and
    # the other as a dispute with the exit poll's figure
    poll = share("z1", "one.txt", "Nadia Peld", "57%", 57.0, attribution="exit poll", party="exit poll", side="pollsters")
    official = share("z2", "two.txt", "Peld", "53.1%", 53.1, party="election commission", side="official")
    again = share("z3", "two.txt", "Nadia Peld (NP)", "53.1%", 53.1, start=30)
    g = group("gz", "peld", [poll, official, again], verdict="disputed",
              conflicting_pairs=[("z1", "z3"), ("z1", "z2")], disputed_pairs=[("z1", "z2")])
    t = results_tables([poll, official, again], [g], articles(("one.txt", "Plains Bulletin", "2030-04-02"),
                                                                ("two.txt", "Delta Voice", "2030-04-03")))[0]
    (poll_figure,) = t.rows[0].cells[0].figures
    assert [m.kind for m in poll_figure.marks] == ["disputed"]
    (official_figure,) = t.rows[0].cells[1].figures  # the two copies are one figure
    assert official_figure.claims == ("z2", "z3") and [m.kind for m in official_figure.marks] == ["disputed"]


FIGURES = st.one_of(st.none(), st.floats(min_value=-5, max_value=1e7, allow_nan=False),
                    st.sampled_from([float("nan"), float("inf"), 100.0, 250.0]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["one.txt", "two.txt", "gone.txt"]),
                          st.sampled_from([None, "Nadia Peld", "Peld", "Ruben Ask", "lead", "spoiled ballots"]),
                          st.sampled_from(["vote_share", "votes", "turnout"]), FIGURES, FIGURES,
                          st.sampled_from([None, "final", "50% counted"]), st.booleans()), max_size=12),
       st.randoms(use_true_random=False))
def test_any_mix_of_figures_and_pairs_gives_a_table_and_a_page_never_a_crash(rows, rng):
    claims = [share(f"f{i}", art, subject, "n%", lo, measure=measure, hi=hi, stage=stage, background=background)
              for i, (art, subject, measure, lo, hi, stage, background) in enumerate(rows)]
    groups = []
    for i, c in enumerate(claims):
        ids = [x.id for x in claims if (x.subject, x.measure) == (c.subject, c.measure)]
        if ids[0] != c.id:
            continue
        pairs = [tuple(rng.sample(ids, 2)) for _ in range(2)] if len(ids) > 1 else []
        groups.append(Group(id=f"g{i}", measure=c.measure, subject=c.subject, verdict="conflict", severity=0.5,
                            claims=ids + ["missing-claim"], story=STORY, subject_class=None if i % 3 else c.subject,
                            conflicting_pairs=pairs, update_pairs=pairs[:1], disputed_pairs=pairs[1:]))
    arts = articles(("one.txt", "Plains Bulletin", "2030-04-02"), ("two.txt", None, None))
    tables = results_tables(claims, groups, arts)
    for t in tables:
        assert all(len(r.cells) == len(t.columns) for r in t.rows)
    result = Result(articles=arts, claims=claims, groups=groups)
    json.dumps(to_json_dict(result), allow_nan=False)
    assert render_html(result)


def seat(cid, article, subject, value, **kw):
    """A party's seats, as the claims stage gives them."""
    return share(cid, article, subject, f"{value:g} seats", value, measure="seats", unit=None, **kw)


@pytest.fixture
def parliament():
    """Two sources on the Talvian parliament: the same shares, but one gives the Greens a seat more;
    an exit poll's seat projection in the first, disputed by the count."""
    claims = [share("s1", "early.txt", "Harbour Party", "35.4%", 35.4), seat("t1", "early.txt", "Harbour Party", 194),
              seat("t2", "early.txt", "Greens", 65), seat("p1", "early.txt", "Harbour Party", 203, attribution="exit poll",
                                                             side="pollsters"),
              share("s2", "late.txt", "Harbour", "35.4%", 35.4), seat("t3", "late.txt", "Harbour", 194),
              seat("t4", "late.txt", "Greens", 66), seat("u1", "late.txt", None, 12),
              seat("c1", "late.txt", "Greens", 3, background=True)]
    groups = [group("gs", "harbour", [claims[0], claims[4]]),
              group("gh", "harbour", [claims[1], claims[3], claims[5]], measure="seats", verdict="disputed",
                    disputed_pairs=[("p1", "t1"), ("p1", "t3")]),
              group("gg", "greens", [claims[2], claims[6]], measure="seats", verdict="conflict",
                    conflicting_pairs=[("t2", "t4")], related=["c1"]),
              group("gu", "unspecified late.txt", [claims[7]], measure="seats", subject=None, verdict="single_source")]
    (only,) = results_tables(claims, groups, ARTICLES)
    return only


def test_a_party_s_seats_stand_in_its_row_beside_its_share(parliament):
    assert [r.label for r in parliament.rows] == ["Harbour Party", "Greens"]  # the highest share first
    harbour = cell(parliament, "Harbour Party", "Inland Post")
    assert [(f.measure, f.text, f.percent) for f in harbour.figures] == [("vote_share", "35.4%", True), ("seats", "194 seats", False)]
    assert [g[0] for g in parliament.rows[0].groups] == ["vote_share", "seats"]


def test_seats_disagreeing_and_a_projection_disputed(parliament):
    greens = cell(parliament, "Greens", "Coastal Daily")
    assert greens.disagrees and [m.kind for m in greens.figures[0].marks] == ["conflict"]
    poll = [c for c in parliament.columns if c.producer == "exit poll"]
    assert [c.source for c in poll] == ["Inland Post"]
    projected = cell(parliament, "Harbour Party", "Inland Post")
    assert [f.lo for f in projected.figures] == [35.4, 194]  # the count's cell: the projection has its own column
    (p,) = next(r for r in parliament.rows if r.label == "Harbour Party").cells[[c.id for c in parliament.columns].index(poll[0].id)].figures
    assert p.lo == 203 and [m.kind for m in p.marks] == ["disputed"]


def test_seats_naming_no_party_are_counted_and_seats_are_never_added_up_as_shares(parliament):
    assert parliament.unnamed_seats == 1 and parliament.left_out == 1  # the earlier parliament's 3 seats
    assert all(t.total < 100 for c in parliament.columns for t in c.totals)
    page = render_html(Result(articles=ARTICLES, claims=[seat("t9", "early.txt", "Greens", 65)],
                              groups=[group("g9", "greens", [seat("t9", "early.txt", "Greens", 65)], measure="seats")]))
    table = page[page.index('<table class="rt">'):page.index("</table>", page.index('<table class="rt">'))]
    assert "65 seats" in table
