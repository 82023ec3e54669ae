"""Whose result a figure is, beyond a name as written (crosscheck/claims/vote_scope.py, the translation table of
data/elections.toml): a party named in another language, one region's result, several parties added up.
Sentences of our own, about invented places and people."""
import pytest

from crosscheck.align import Aligner
from crosscheck.claims import ClaimExtractor, load_measures
from crosscheck.claims.vote_names import subject_key, subject_keys
from crosscheck.models import Article
from crosscheck.results_table import results_tables

LEAD = "Voters in Talvia went to the polls on Sunday in a parliamentary election. "


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def shares(extractor, text, measure="vote_share"):
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    return [(c.quantity.value, c.subject) for c in claims if c.measure == measure]


# ---- names in another language --------------------------------------------------------------------
def test_a_name_in_another_language_carries_its_english_name(extractor):
    got = shares(extractor, "The Terza Via list surprised many with 12 percent, and Konfederacja slipped to 5 percent.")
    assert got == [(12, "Terza Via (Third Way)"), (5, "Konfederacja (Confederation)")]


def test_an_acronym_in_the_table_is_written_after_the_english_name(extractor):
    assert shares(extractor, "The ruling bloc won 33% of the vote, while KO came second with 29%.")[-1] == (29, "Civic Coalition (KO)")


def test_translated_names_meet_the_english_ones():
    ew = load_measures().elections
    keys = subject_keys(ew, ["Konfederacja (Confederation)", "Confederation", "Trzecia Droga (Third Way)", "Third Way",
                             "Civic Coalition (KO)", "Civic Coalition", "Koalicja Obywatelska (Civic Coalition, KO)"])
    assert keys["Konfederacja (Confederation)"] == keys["Confederation"]
    assert keys["Trzecia Droga (Third Way)"] == keys["Third Way"] != keys["Confederation"]
    assert keys["Civic Coalition"] == keys["Koalicja Obywatelska (Civic Coalition, KO)"] == keys["Civic Coalition (KO)"] == "ko"


def test_translations_are_data_a_user_extends(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[elections.translations]\n"Harbour Party" = ["Partito del Porto", "PdP"]\n', encoding="utf-8")
    ex = ClaimExtractor(load_measures(extra))
    claims = ex.extract(Article(id="t", text=LEAD + "The Partito del Porto took 41.5% of the vote, and the PdP's allies 6%."))
    assert [c.subject for c in claims if c.measure == "vote_share"][0] == "Partito del Porto (Harbour Party)"
    assert subject_key(ex.v.elections, "Partito del Porto (Harbour Party)") == subject_key(ex.v.elections, "Harbour Party")


def test_a_translated_share_is_compared_with_the_english_one(extractor):
    a = Article(id="a", text=LEAD + "Konfederacja won 7.1% of the vote.", story="s", published="2026-03-03")
    b = Article(id="b", text=LEAD + "The Confederation won 9.4% of the vote.", story="s", published="2026-03-03")
    claims = extractor.extract(a) + extractor.extract(b)
    [g] = [g for g in Aligner().align(claims, [a, b]) if g.measure == "vote_share"]
    assert g.verdict == "conflict", g.reason


# ---- one region's result ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The Harbour Party won 38% nationally, and 61.2% in the Northern Marches.",
     [(38, "Harbour"), (61.2, "Harbour in Northern Marches")]),
    ("The Greens topped the poll in Eastmoor, on 44.5 percent, whereas the Harbour Party trailed on 20.1 percent.",
     [(44.5, "Greens in Eastmoor"), (20.1, "Harbour in Eastmoor")]),
    ("Support flowed in from Eastmoor, where the Greens polled 47.3%.", [(47.3, "Greens in Eastmoor")]),
    ("In Eastmoor, the Greens took 52% of the vote.", [(52, "Greens in Eastmoor")]),
    # the country the election is held in, or the one the article's lead names, is the whole count
    ("The Greens won 31% of the vote in Talvia.", [(31, "Greens")]),
    ("The Greens won 31% of the vote in Sunday's election.", [(31, "Greens")]),
    ("The Greens won 31% of the vote in the European elections.", [(31, "Greens")]),
    ("The Greens won 31% of the vote in the Eastmoor governor race.", [(31, "Greens")]),
    ("The Greens won 31% of the vote in Talvia's Eastmoor province.", [(31, "Greens in Eastmoor")]),
    # a speaker's place, or a place a relative clause says of the candidate, is not where the result was counted
    ("Speaking in Eastmoor, Velkova said she had won 52% of the vote.", [(52, "Velkova")]),
    ("The commission in Portvale said Velkova had won 52% of the vote.", [(52, "Velkova")]),
    ("According to results published in Portvale, Velkova won 52% of the vote.", [(52, "Velkova")]),
    ("Velkova, whose support is strongest in Eastmoor, won 52% of the vote.", [(52, "Velkova")]),
    ("Velkova, who was leading in Eastmoor with 61% of the vote, said she was confident.", [(61, "Velkova in Eastmoor")]),
])
def test_a_region_is_part_of_the_subject(extractor, text, expected):
    assert shares(extractor, text) == expected


def test_a_region_is_not_compared_with_the_nation(extractor):
    a = Article(id="a", text=LEAD + "The Greens won 12.4% of the vote.", story="s", published="2026-03-03")
    b = Article(id="b", text=LEAD + "The Greens were leading in Eastmoor with 44.5% of the vote.", story="s",
                published="2026-03-03")
    c = Article(id="c", text=LEAD + "The Greens had about 12% of the vote.", story="s", published="2026-03-03")
    arts = [a, b, c]
    claims = [x for art in arts for x in extractor.extract(art)]
    groups = [g for g in Aligner().align(claims, arts) if g.measure == "vote_share"]
    by_key = {g.subject_class: g for g in groups}
    assert set(by_key) == {"greens", "greens in eastmoor"}
    assert by_key["greens"].verdict == "consistent" and by_key["greens in eastmoor"].verdict == "single_source"
    # in the results table, the region's row is not added to the column's shares
    [table] = results_tables(claims, groups, arts)
    assert {r.label: r.kind for r in table.rows} == {"Greens": "candidate", "Greens in Eastmoor": "region"}


# ---- several parties added up ----------------------------------------------------------------------
def test_a_sum_of_the_shares_told_before(extractor):
    text = ("The Harbour Party took 30.5 percent and its ally, the Open List, 9.5 percent. Between them the two allies "
            "polled 40 percent of the vote.")
    assert shares(extractor, text) == [(30.5, "Harbour"), (9.5, "Open List"), (40, "Harbour + Open List")]


def test_a_sum_is_neither_party_and_not_a_candidate_row(extractor):
    text = "The Harbour Party took 30.5 percent and the Open List 9.5 percent. Taken together, the two parties polled 40 percent."
    a = Article(id="a", text=LEAD + text, story="s", published="2026-03-03")
    claims = extractor.extract(a)
    groups = [g for g in Aligner().align(claims, [a]) if g.measure == "vote_share"]
    assert len({g.subject_class for g in groups}) == 3
    [table] = results_tables(claims, groups, [a])
    kinds = {r.label: r.kind for r in table.rows}
    assert kinds["Harbour + Open List"] == "sum"
    assert not any(t.over for col in table.columns for t in col.totals)


def test_a_region_beside_the_whole_count_is_a_part_of_it(extractor):
    """An article giving a party's share of the nation and of one region: the region's share is a part of the
    national result (shown with it), so it is compared with no other article's figure."""
    a = Article(id="a", text=LEAD + "The Greens won 12.4% of the vote, and 44.5% in Eastmoor.", story="s",
                published="2026-03-03")
    b = Article(id="b", text=LEAD + "The Greens were leading in Eastmoor with 40.6% of the vote.", story="s",
                published="2026-03-04")
    claims = extractor.extract(a) + extractor.extract(b)
    national, region = [c for c in claims if c.article == "a" and c.measure == "vote_share"]
    assert region.subject == "Greens in Eastmoor" and region.part_of == national.id
    groups = [g for g in Aligner().align(claims, [a, b]) if g.measure == "vote_share"]
    assert not [g for g in groups if g.verdict in ("conflict", "update")]


# ---- options, margins and kinds of ballots ---------------------------------------------------------
def test_an_option_named_in_quotes(extractor):
    text = ("With 90% of the ballots counted, the “stay” side was narrowly ahead at 50.4%, while the “no” camp stood at "
            "49.6%. Earlier on Monday, she had 44.1% of the vote.")
    got = shares(extractor, "The incumbent, Ilya Brandt, was re-elected. " + text)
    assert got == [(50.4, "stay"), (49.6, "no"), (44.1, "Ilya Brandt")]  # an option is no pronoun's antecedent
    # a name in the clause comes first: a quoted word may be a campaign's name
    assert shares(extractor, "Sorin, whose “Renewal” campaign drew crowds, won 52% of the vote.") == [(52, "Sorin")]


@pytest.mark.parametrize("text, lead", [
    ("Voters approved the amendment in a referendum decided by a margin of 3,000 votes.", "yes lead"),
    ("Islanders voted in favour of the new flag, a referendum settled by a gap of some 800 votes.", "yes lead"),
    ("Voters rejected the proposal in a referendum decided by a margin of 4,000 votes.", "no lead"),
    # no referendum: a candidate's voters "backed" no option
    ("Voters backed the change of government in an election decided by a margin of 3,000 votes.", "lead"),
])
def test_a_referendum_margin_is_the_winning_sides_lead(extractor, text, lead):
    assert [s for _, s in shares(extractor, text, "votes")] == [lead]


def test_kinds_of_ballots_meet_under_their_kind(extractor):
    assert shares(extractor, "The commission said 61,200 ballots were spoiled.", "votes") == [(61200, "spoiled ballots (invalid)")]
    ew = load_measures().elections
    keys = subject_keys(ew, ["spoiled ballots (invalid)", "invalid ballots", "rejected ballots (invalid)", "valid ballots"])
    assert keys["spoiled ballots (invalid)"] == keys["rejected ballots (invalid)"] == keys["invalid ballots"] == "invalid ballots"
    assert keys["valid ballots"] == "valid ballots"


# ---- descriptions and acronyms ---------------------------------------------------------------------
@pytest.mark.parametrize("text, subject", [
    # the party the article calls the opposition by name
    ("The main opposition party, the Harbour Alliance (HA), campaigned on prices. An early count gives the governing "
     "party 38.4% and the liberal opposition 27.9%.", "Harbour Alliance (HA)"),
    # none named: the description as written, in lower case (no name, no pronoun's antecedent)
    ("An early count gives the governing party 38.4% and the liberal opposition 27.9%.", "liberal opposition"),
])
def test_the_opposition_described(extractor, text, subject):
    assert shares(extractor, text)[-1] == (27.9, subject)


@pytest.mark.parametrize("text", [
    "The Harbour Freedom Front (HFF) held rallies in the north. The HFF won 9.4% of the vote.",
    "The HFF held rallies in the north. The Harbour Freedom Front won 9.4% of the vote.",
])
def test_a_party_carries_the_acronym_the_article_gives_it(extractor, text):
    assert shares(extractor, text) == [(9.4, "Harbour Freedom Front (HFF)")]


def test_a_sum_is_keyed_by_its_parties():
    keys = subject_keys(load_measures().elections, ["Harbour Alliance (HA)", "Harbour Alliance + Open List", "HA + Open List",
                                                    "Open List", "Open List + HA"])
    assert keys["Harbour Alliance + Open List"] == keys["HA + Open List"] == keys["Open List + HA"] == "ha + open list"
    assert keys["Open List"] == "open list"


def test_a_region_or_a_sum_changes_no_other_key():
    """The acronym written most still wins when sums and regions are keyed by their parties."""
    subjects = ["Civic Coalition (KO)", "Civic Coalition (KO)", "Civic Coalition (PO)", "Civic Coalition"]
    for extra in ([], ["Civic Coalition + New Left"], ["Civic Coalition in Eastmoor"]):
        assert subject_keys(load_measures().elections, subjects + extra)["Civic Coalition"] == "ko"


def test_the_next_sentence_naming_the_region_again_is_about_it(extractor):
    text = ("The Greens were leading in Eastmoor with 44.5% of the vote. Its old Eastmoor rival, the Harbour Party, had only "
            "managed 15.2%. Nationally, the Harbour Party had 31% of the vote.")
    assert shares(extractor, text) == [(44.5, "Greens in Eastmoor"), (15.2, "Harbour in Eastmoor"), (31, "Harbour")]
    # a sentence not naming it again is not about it
    text = "The Greens were leading in Eastmoor with 44.5% of the vote. The Harbour Party had 31%."
    assert shares(extractor, text) == [(44.5, "Greens in Eastmoor"), (31, "Harbour")]


@pytest.mark.parametrize("text, expected", [
    ("Velkova had 41.2% and Dask 38.5%. Velkova and Dask together had 79.7% of the vote.",
     [(41.2, "Velkova"), (38.5, "Dask"), (79.7, "Velkova + Dask")]),
    # how many parties "together" adds up is not said: no sum of the last two
    ("The Harbour Party took 30.5 percent and the Open List 9.5 percent. The opposition together won 48 percent.",
     [(30.5, "Harbour"), (9.5, "Open List")]),
])
def test_what_a_sum_adds_up(extractor, text, expected):
    assert shares(extractor, text)[:len(expected)] == expected
    assert not any(s and " + " in s for _, s in shares(extractor, text)[len(expected):])


def test_an_election_named_with_capitals_is_no_region():
    from crosscheck.claims import ClaimExtractor
    from crosscheck.models import Article
    claims = ClaimExtractor().extract(Article(id="a", text="Counting ended on Monday. Dask won 52% of the vote in the General Election."))
    assert [c.subject for c in claims if c.measure == "vote_share"] == ["Dask"]


def test_a_relative_clause_with_together_is_no_sum():
    from crosscheck.claims import ClaimExtractor
    from crosscheck.models import Article
    claims = ClaimExtractor().extract(Article(id="a", text="The Greens, who together with Labour form the government, won 24% of the vote."))
    assert [c.subject for c in claims if c.measure == "vote_share"] == ["Greens"]
