"""Election results (crosscheck/claims/votes.py): whose share or count a figure is, how far the count had
got, who produced it, and what is no vote share. Sentences of our own, about invented places and people."""
import pytest

from crosscheck.align import Aligner
from crosscheck.claims import ClaimExtractor, load_measures
from crosscheck.models import Article

# an article about an election: the stage reads results only where the article speaks of voting
LEAD = "Voters in Talvia went to the polls on Sunday in a presidential election. "


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def results(extractor, text, measures=("vote_share", "votes", "turnout")):
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    return [(c.measure, c.quantity.value, c.subject) for c in claims if c.measure in measures]


def subject_words(subject):
    return set((subject or "").lower().replace("(", " ").replace(")", " ").split())


def assert_results(got, expected):
    """The measures and values in order, each subject holding the expected word."""
    assert [(m, lo) for m, lo, _ in got] == [(m, lo) for m, lo, _ in expected], got
    for (_, _, subject), (_, _, word) in zip(got, expected):
        assert word in subject_words(subject), (subject, word)


@pytest.mark.parametrize("text, expected", [
    # "X received/won/got/secured N% (of the vote)"
    ("Marta Velkova received 54.3% of the vote.", [("vote_share", 54.3, "velkova")]),
    ("The Harbour Party secured 31 percent.", [("vote_share", 31, "harbour")]),
    # a list and its ellipsis: "A 52.1%, B 47.9%", "X on N%", "X was second with N%"
    ("Velkova won 52.1% of the vote, Oren Dask 47.9%.", [("vote_share", 52.1, "velkova"), ("vote_share", 47.9, "dask")]),
    ("The Harbour Party won 40.5% of the vote. The Millers' League was second with 21.7%, and the Open List came third on 9.2%.",
     [("vote_share", 40.5, "harbour"), ("vote_share", 21.7, "millers'"), ("vote_share", 9.2, "open")]),
    ("An exit poll put the Harbour Party on 38 percent, with the Greens on 26 percent and the Union at 8 percent.",
     [("vote_share", 38, "harbour"), ("vote_share", 26, "greens"), ("vote_share", 8, "union")]),
    # "N% for X", a possessive, a rival after "ahead of"
    ("Velkova took 58 per cent of the ballots against 39 per cent for her challenger, Oren Dask.",
     [("vote_share", 58, "velkova"), ("vote_share", 39, "dask")]),
    ("Velkova polled 55% of the vote, well ahead of Dask's 41%.", [("vote_share", 55, "velkova"), ("vote_share", 41, "dask")]),
    ("Velkova gathered 2.1 million votes against Dask's 1.5 million.", [("votes", 2100000, "velkova"), ("votes", 1500000, "dask")]),
    # a share in brackets after a count is the count's candidate's
    ("Velkova won 1,304,218 votes (56.2%), and Dask 912,007 (39.3%).",
     [("votes", 1304218, "velkova"), ("vote_share", 56.2, "velkova"), ("votes", 912007, "dask"), ("vote_share", 39.3, "dask")]),
    # the head of a noun phrase, not the party named inside it
    ("Oren Dask, 52, who leads the Harbour Party, got 39 percent.", [("vote_share", 39, "dask")]),
    # a pronoun takes the candidate named before it, not the commission that gave the figure
    ("The vote was won by the incumbent Ilya Brandt – according to the commission, he gained 71.6% of the vote.",
     [("vote_share", 71.6, "brandt")]),
])
def test_whose_share(extractor, text, expected):
    assert_results(results(extractor, text), expected)


def test_a_results_table_row(extractor):
    text = ("The final figures:\n\nHarbour Party, Marta VELKOVA :  1 304 218 (56.2%)\n\n"
            "Open List, Oren DASK : 912 007 (39.3%)")
    got = results(extractor, text)
    assert [(m, lo) for m, lo, _ in got] == [("votes", 1304218), ("vote_share", 56.2), ("votes", 912007), ("vote_share", 39.3)]
    assert [s for _, _, s in got] == ["Marta Velkova", "Marta Velkova", "Oren Dask", "Oren Dask"]


def test_a_results_block_under_its_heading(extractor):
    text = "Leading parties:\n\n1. **Harbour Party (HP)**:\n\n– **Support**: 40.11%\n\n– **Votes**: 3,250,400"
    got = results(extractor, text)
    assert [(m, lo) for m, lo, _ in got] == [("vote_share", 40.11), ("votes", 3250400)]
    assert all("Harbour" in s for _, _, s in got)


@pytest.mark.parametrize("text, expected", [
    ("With 50.8% in favour and 49.2% against, the count was almost over.", [("vote_share", 50.8, "yes"), ("vote_share", 49.2, "no")]),
    ("The 'Yes' vote stood at 52.4%, to 47.6% who voted 'No'.", [("vote_share", 52.4, "yes"), ("vote_share", 47.6, "no")]),
    ("51.5 percent of Talvians backed the amendment, with 48.5 percent opposing it.",
     [("vote_share", 51.5, "yes"), ("vote_share", 48.5, "no")]),
])
def test_referendum_options(extractor, text, expected):
    assert results(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "With 97% of the ballots counted, Velkova led the race.",
    "The commission had counted and audited 61.3% of the votes by Friday morning.",
    "Only 12% of polling station tallies have been counted so far.",
    "After counting 100 percent of the tally sheets, the commission declared the result.",
    # margins, thresholds and changes are no one's share
    "The Greens cleared the 5% threshold needed to enter parliament.",
    "Velkova won by 2.1 points, her smallest margin yet.",
    "Support for the Union fell by 3 percent since the last vote.",
])
def test_not_a_vote_share(extractor, text):
    assert [c for c in results(extractor, text) if c[0] == "vote_share"] == []


def test_count_progress_is_kept_on_the_shares(extractor):
    claims = extractor.extract(Article(id="t", text=LEAD + "With 97.5% of the ballots counted, Velkova had 54.1% of the vote."))
    shares = [c for c in claims if c.measure == "vote_share"]
    assert [(c.lo, c.count_stage) for c in shares] == [(54.1, "97.5% counted")]
    claims = extractor.extract(Article(id="t", text=LEAD + "Preliminary results gave Velkova 54.1% of the vote."))
    assert [c.count_stage for c in claims if c.measure == "vote_share"] == ["preliminary"]


def test_who_produced_the_figure(extractor):
    claims = extractor.extract(Article(id="t", text=LEAD + "The Harbour Party won 36.6 percent of the vote, according to an Ipsos exit poll."))
    assert [c.attribution for c in claims if c.measure == "vote_share"] == ["an Ipsos exit poll"]
    claims = extractor.extract(Article(id="t", text=LEAD + "An exit poll by Ipsos gives the Harbour Party 36.6 percent of the vote."))
    assert [c.attribution for c in claims if c.measure == "vote_share"] == ["Ipsos exit poll"]
    # a poll before the vote is background: never compared with the result
    claims = extractor.extract(Article(id="t", text=LEAD + "Recent surveys gave the Harbour Party 44 percent of the vote."))
    assert [c.background for c in claims if c.measure == "vote_share"] == [True]


@pytest.mark.parametrize("text, expected", [
    ("Velkova received 1.6 million votes and Dask 1.3 million out of about 3 million votes cast.",
     [("votes", 1600000, "Velkova"), ("votes", 1300000, "Dask"), ("turnout", 3000000, "ballots cast")]),
    ("A total of 2,468,668 voters cast their ballots out of 4,623,511 registered voters.", [("turnout", 2468668, "ballots cast")]),
    ("The total number of votes cast was 4 561 221.", [("turnout", 4561221, "ballots cast")]),
    ("Valid votes cast were 4,468,668, and 92,553 votes were rejected.",
     [("votes", 4468668, "valid ballots"), ("votes", 92553, "rejected ballots (invalid)")]),
    ("Velkova's lead over Dask was 12,670.", [("votes", 12670, "Velkova lead")]),
])
def test_counts_of_votes_and_of_ballots(extractor, text, expected):
    assert results(extractor, text) == expected


def test_number_formats(extractor):
    assert results(extractor, "Velkova got 52,6% of votes cast.") == [("vote_share", 52.6, "Velkova")]
    assert results(extractor, "Velkova was getting 41.91 p.c of the vote in her re-election bid.") == [("vote_share", 41.91, "Velkova")]


def test_no_results_outside_an_election(extractor):
    claims = extractor.extract(Article(id="t", text="The Harbour Party's shares rose 3.2% on Friday. Velkova on 38 percent margins."))
    assert [c for c in claims if c.measure in ("vote_share", "votes", "turnout")] == []


def test_aliases_are_data_a_user_extends(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[elections.aliases]\n"Velkova" = ["Welkowa", "Velkowa"]\n', encoding="utf-8")
    ex = ClaimExtractor(load_measures(extra))
    claims = ex.extract(Article(id="t", text=LEAD + "Marta Welkowa received 54.3% of the vote."))
    assert [c.subject for c in claims if c.measure == "vote_share"] == ["Velkova"]


def test_shares_are_compared_within_their_candidate(extractor):
    """'Velkova 54%' in one article and 'Dask 41%' in another are two candidates, not a conflict;
    'Marta VELKOVA' and 'Velkova' are one."""
    a = Article(id="a", text=LEAD + "Marta Velkova received 54.3% of the vote, Oren Dask 41.2%.", story="s")
    b = Article(id="b", text=LEAD + "Final figures:\n\nHarbour Party, Marta VELKOVA :  1 304 218 (54.3%)", story="s")
    claims = extractor.extract(a) + extractor.extract(b)
    groups = [g for g in Aligner().align(claims, [a, b]) if g.measure == "vote_share"]
    by_key = {g.subject_class: g for g in groups}
    assert set(by_key) == {"velkova", "dask"}
    assert by_key["velkova"].verdict == "consistent" and by_key["dask"].verdict == "single_source"


def test_a_later_count_is_an_update(extractor):
    """A share given with 60% of the ballots counted, and a final one: the count went on."""
    a = Article(id="a", text=LEAD + "With 60% of the ballots counted, Velkova had 51.2% of the vote.", story="s",
                published="2026-03-02")
    b = Article(id="b", text=LEAD + "Final results gave Velkova 53.9% of the vote.", story="s", published="2026-03-03")
    claims = extractor.extract(a) + extractor.extract(b)
    [g] = [g for g in Aligner().align(claims, [a, b]) if g.measure == "vote_share"]
    assert g.verdict == "update", g.reason
    # the same count, two different figures: that is a conflict
    c = Article(id="c", text=LEAD + "Final results gave Velkova 49.9% of the vote.", story="s", published="2026-03-03")
    claims = extractor.extract(b) + extractor.extract(c)
    [g] = [g for g in Aligner().align(claims, [b, c]) if g.measure == "vote_share"]
    assert g.verdict == "conflict"


def test_the_stage_holds_for_the_next_results_of_the_article(extractor):
    """... but not for the result of an earlier election it recalls."""
    text = ("With 61% of the ballots counted, Velkova had 51.2% of the vote. Dask was second with 44.9%.\n\n"
            "Velkova won 53.9% of the vote in 2021.")
    claims = extractor.extract(Article(id="t", text=LEAD + text, published="2026-03-03"))
    assert [(c.lo, c.count_stage) for c in claims if c.measure == "vote_share"] == [
        (51.2, "61% counted"), (44.9, "61% counted"), (53.9, None)]


def test_a_result_of_an_earlier_election_is_background(extractor):
    text = "Velkova won 53.9% of the vote. In 2019, Velkova got 48.2%, while Dask polled 45.1%."
    claims = extractor.extract(Article(id="t", text=LEAD + text, published="2026-03-03"))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [
        (53.9, False), (48.2, True), (45.1, True)]


def test_a_year_in_a_relative_clause_is_not_an_earlier_result(extractor):
    text = "Velkova, who first won office in 2019, got 53.9% of the vote."
    claims = extractor.extract(Article(id="t", text=LEAD + text, published="2026-03-03"))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(53.9, False)]


def test_no_share_over_a_hundred(extractor):
    assert results(extractor, "Velkova won 120% of the vote, the satirical site wrote.") == []


@pytest.mark.parametrize("first, second, verdict", [
    ("Velkova won 52% of the vote.", "Velkova won 52.6% of the vote.", "consistent"),      # rounded, or cut short
    ("Velkova won 2.3 million votes.", "Velkova won 2,350,711 votes.", "consistent"),
    ("Velkova won 52% of the vote.", "Velkova won 53.6% of the vote.", "conflict"),
    # a count's round bounds either side of one round figure: both are about it
    ("More than 5 million ballots were cast.", "Nearly 5 million ballots were cast.", "consistent"),
    ("More than 5 million ballots were cast.", "4.6 million ballots were cast.", "conflict"),
    # ... but not a share's: "more than 50%" is a majority, which 49.6% is not
    ("Velkova won more than 50% of the vote.", "Velkova won 49.6% of the vote.", "conflict"),
])
def test_results_are_compared_as_written(extractor, first, second, verdict):
    a = Article(id="a", text=LEAD + first, story="s", published="2026-03-03")
    b = Article(id="b", text=LEAD + second, story="s", published="2026-03-03")
    claims = extractor.extract(a) + extractor.extract(b)
    [g] = [g for g in Aligner().align(claims, [a, b]) if g.measure in ("vote_share", "votes", "turnout")]
    assert g.verdict == verdict, g.reason


def test_a_share_of_no_one_named_is_compared_with_nothing(extractor):
    a = Article(id="a", text=LEAD + "Other candidates trailed far behind, with between 0.4% and 1.1% of the vote each.", story="s")
    b = Article(id="b", text=LEAD + "Velkova won 53.9% of the vote.", story="s")
    claims = extractor.extract(a) + extractor.extract(b)
    assert not [g for g in Aligner().align(claims, [a, b]) if g.verdict == "conflict"]


def test_a_margin_and_an_earlier_round(extractor):
    assert results(extractor, "Velkova won the state by less than 12,000 votes.") == [("votes", 12000, "Velkova lead")]
    claims = extractor.extract(Article(id="t", text=LEAD + "In last week's first round, Dask won 41.8% of the vote."))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(41.8, True)]


def test_keys_of_one_candidate_meet():
    from crosscheck.claims.vote_names import subject_keys
    keys = subject_keys(load_measures().elections, ["Marta Velkova Ruiz", "Velkova", "Velkova lead", "Harbour Party (HP)", "HP"])
    assert keys == {"Marta Velkova Ruiz": "velkova", "Velkova": "velkova", "Velkova lead": "velkova lead",
                    "Harbour Party (HP)": "hp", "HP": "hp"}


def test_an_undated_article_is_as_late_as_the_latest_year_it_names(extractor):
    text = "Velkova won 53.9% of the vote in the 2026 election. In 2019, Velkova got 48.2%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(53.9, False), (48.2, True)]


def test_a_longer_name_meets_only_a_name_written_alone():
    from crosscheck.claims.vote_names import subject_keys
    keys = subject_keys(load_measures().elections, ["Economic Freedom Fighters (EFF)", "Harbour Freedom", "Dask"])
    assert keys["Economic Freedom Fighters (EFF)"] == "eff"


def test_the_stage_of_a_sentence_with_no_result(extractor):
    text = "A narrow win was certain with 99.2 percent of the ballots counted. Velkova had 50.4% of the vote."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.count_stage) for c in claims if c.measure == "vote_share"] == [(50.4, "99.2 percent counted")]
    assert results(extractor, "The difference between the two was 82,798 votes.") == [("votes", 82798, "lead")]
    assert [s for _, _, s in results(extractor, "It was a referendum that came down to just a few thousand votes.")] == ["lead"]


def test_a_parallel_count_is_not_at_the_official_stage(extractor):
    text = ("Final results gave Velkova 53.9% of the vote. An opposition parallel count gave Dask 49.5%, ahead of "
            "Velkova's 46.1%.")
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.subject, c.count_stage, c.attribution) for c in claims if c.measure == "vote_share"] == [
        (53.9, "Velkova", "final", None), (49.5, "Dask", None, "parallel count"), (46.1, "Velkova", None, "parallel count")]


def test_a_name_spelled_out_meets_its_acronym():
    from crosscheck.claims.vote_names import subject_keys
    keys = subject_keys(load_measures().elections, ["Harbour Alliance (HA)", "Harbour Alliance", "HA", "Millers League",
                                                    "ML", "R.P.", "Tovin's RP Party (RPP)", "Open List"])
    assert keys["Harbour Alliance"] == keys["HA"] == "ha"     # spelled out elsewhere with its acronym
    assert keys["Millers League"] == "ml"                       # its initials are an acronym in use
    assert keys["R.P."] == keys["Tovin's RP Party (RPP)"] == "rp"
    assert keys["Open List"] not in ("ha", "ml", "rp")


def test_a_name_given_two_acronyms_takes_the_one_written_most():
    """One article writes the alliance's acronym wrong once: the bare name follows the others."""
    from crosscheck.claims.vote_names import subject_keys
    subjects = ["Harbour Alliance (HA)", "Harbour Alliance (HA)", "Harbour Alliance (HX)", "Harbour Alliance"]
    for order in (subjects, subjects[::-1]):
        assert subject_keys(load_measures().elections, order)["Harbour Alliance"] == "ha"


def test_a_share_counted_said_in_words(extractor):
    text = "With half of the polling stations reporting, the Harbour Party had 44.2% of the vote."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    [c] = [c for c in claims if c.measure == "vote_share"]
    assert c.count_stage == "half counted"
    from crosscheck.claims.votes import count_progress
    assert count_progress(c.count_stage) == 50 and count_progress("over half counted") == 50


def test_the_stage_said_just_after_the_results(extractor):
    text = ("Figures from the commission gave Velkova 48.3 percent of the vote and Dask 40.1 percent. With more than 64 "
            "percent of the ballots counted so far, Velkova had widened her lead.")
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.count_stage) for c in claims if c.measure == "vote_share"] == [
        (48.3, "64 percent counted"), (40.1, "64 percent counted")]


def test_a_provisional_turnout_then_a_later_one_is_an_update(extractor):
    """'tentative' in one article, 'expected to rise' in the next: the count went on between them; the
    final turnout, later, updates a turnout given with no stage."""
    a = Article(id="a", text=LEAD + "Turnout was 58.2% at 7 pm, a tentative figure, the commission said.", story="s",
                published="2026-03-01")
    b = Article(id="b", text=LEAD + "Turnout stood at 61.4% by 9 pm and is expected to rise further.", story="s",
                published="2026-03-02")
    c = Article(id="c", text=LEAD + "The commission published the final figures. Turnout was 63.9%.", story="s",
                published="2026-03-09")
    claims = [x for art in (a, b, c) for x in extractor.extract(art)]
    [g] = [g for g in Aligner().align(claims, [a, b, c]) if g.measure == "turnout"]
    assert g.verdict == "update", g.reason


def test_a_first_round_recalled_after_the_run_off_is_background(extractor):
    text = ("Velkova won the run-off with 54.1% of the vote. In the first round, Velkova got 41.2% and Dask 38.7%.")
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(54.1, False), (41.2, True), (38.7, True)]
    # a run-off still to come leaves the first round the article's own result
    text = "In the first round, Velkova got 41.2%, which will force her into a run-off."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(41.2, False)]


def test_a_year_just_before_the_figure_is_an_earlier_result(extractor):
    text = "Turnout was 71.2%, the highest since the record set in 1994: 73.5%."
    claims = extractor.extract(Article(id="t", text=LEAD + text, published="2026-03-03"))
    assert [(c.lo, c.background) for c in claims if c.measure == "turnout"] == [(71.2, False), (73.5, True)]


def test_polls_named_after_the_result_are_not_its_source(extractor):
    text = "With 51.2% in favour and 48.8% against, the result surprised recent polls."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.background) for c in claims if c.measure == "vote_share"] == [(51.2, False), (48.8, False)]


def test_votes_more_than_another_count_are_a_change(extractor):
    claims = extractor.extract(Article(id="t", text=LEAD + "The recount gave Dask 700 votes more than he had before."))
    assert [(c.lo, c.compared_as_total) for c in claims if c.measure == "votes"] == [(700, False)]


@pytest.mark.parametrize("text, expected", [
    # the name before an apposition, not the names inside it
    ("Ana Sorin, the candidate of the alliance formed by the Greens, Labour and the Left, won 2,104,377 votes.",
     [("votes", 2104377, "sorin")]),
    ("Meanwhile the Open List, a bloc formed by the Tovin Union and smaller groups, was given 8.4 percent.",
     [("vote_share", 8.4, "open")]),
    # a candidate described where a pronoun would stand takes the one the sentence before is about
    ("Velkova was declared the winner on Sunday. The incumbent swept to victory with 1,912,004 votes.",
     [("votes", 1912004, "velkova")]),
    # a pronoun opening a sentence is about the first name of the sentence before, not the last result's
    ("Dask took 38.2% of the vote. Velkova, a member of the Harbour Party, went on to win in 2019. She got 51.4%.",
     [("vote_share", 38.2, "dask"), ("vote_share", 51.4, "velkova")]),
    # the rest of the field together
    ("The other candidates trailed far behind, with between 0.3% and 1.4% of the vote.",
     [("vote_share", 0.3, "other")]),
    # a margin over a rival named in between
    ("Her win meant surpassing her main rival, Oren Dask, by more than 900,000 votes.", [("votes", 900000, "lead")]),
    # a count then its share, with words between
    ("Dask counted 1.2 million people in Sunday's vote, equivalent to 31.5 percent.",
     [("votes", 1200000, "dask"), ("vote_share", 31.5, "dask")]),
])
def test_whose_result_in_longer_sentences(extractor, text, expected):
    assert_results(results(extractor, text), expected)


def test_a_party_spelled_out_takes_the_acronym_the_article_uses(extractor):
    text = "The Harbour Freedom Front was third with 9.2%. The HFF has never done better."
    assert results(extractor, text) == [("vote_share", 9.2, "Harbour Freedom Front (HFF)")]


def test_a_final_result_still_expected_is_no_stage(extractor):
    text = "With 80% of the ballots counted, Velkova had 51.2%. The final result is expected on Tuesday. Turnout was 66.1%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.count_stage) for c in claims if c.measure in ("vote_share", "turnout")] == [
        (51.2, "80% counted"), (66.1, "80% counted")]


@pytest.mark.parametrize("text, expected", [
    ("Dask's lead narrowed after nearly 4,000 additional votes were discovered in two districts.",
     [("votes", 4000, "discovered ballots (found)")]),
    ("The audit also uncovered several thousand votes that had never been reported.",
     [("votes", 3000, "uncovered ballots (found)")]),
    ("The commission said 200,000 votes had been bought.", [("votes", 200000, "bought ballots")]),
])
def test_ballots_found_or_bought(extractor, text, expected):
    got = results(extractor, text)
    assert [(m, s) for m, _, s in got] == [(m, s) for m, _, s in expected], got


def test_a_change_of_a_margin_is_the_margin_s(extractor):
    text = "A machine recount shows Velkova won by less than 9,000 votes, about 700 fewer than a hand count of the ballots."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.quantity.value, c.subject, c.compared_as_total) for c in claims if c.measure == "votes"] == [
        (9000, "Velkova lead", True), (700, "Velkova lead", False)]


@pytest.mark.parametrize("text, expected", [
    # "N% voted for X", "N% backed X", "N of voters voted for X": a result, not the turnout
    ("Some 51.9% voted for Leave, while 48.1% backed Remain.", [("vote_share", 51.9, "leave"), ("vote_share", 48.1, "remain")]),
    ("More than 80% of voters voted for Velkova in closed polling stations.", [("vote_share", 80, "velkova")]),
    ("1.2 million people voted for Dask.", [("votes", 1200000, "dask")]),
    # the option of rejecting every candidate
    ("About 4.2% of ballots were cast against all candidates.", [("vote_share", 4.2, "against")]),
    # "X (N%) beat Y (M%)": the rival's own figure follows the rival's name
    ("Velkova (54.3%) beat Dask (41.2%).", [("vote_share", 54.3, "velkova"), ("vote_share", 41.2, "dask")]),
])
def test_results_voted_for_or_tagged(extractor, text, expected):
    assert_results(results(extractor, text), expected)


def test_people_casting_ballots_are_the_turnout(extractor):
    assert [m for m, _, _ in results(extractor, "Turnout was 61.2%, with 4.1 million people casting ballots.")] == [
        "turnout", "turnout"]


def test_each_figure_takes_the_producer_of_its_own_clause(extractor):
    text = "An opposition parallel count gave Dask 51%, while the commission said Velkova won 58%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.side) for c in claims if c.measure == "vote_share"] == [(51, "opposition"), (58, "official")]
    text = "With 90% of ballots counted, Velkova had 58%, but an exit poll by Ipsos gave Dask 49%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.side, c.count_stage) for c in claims if c.measure == "vote_share"] == [
        (58, None, "90% counted"), (49, "pollsters", None)]


@pytest.mark.parametrize("text, expected", [
    # the place a count went on in is not whose votes they are
    ("The new Harbour Party climbed to third as counting continued in Talvia, amassing about 11 percent.",
     [("vote_share", 11, "harbour")]),
    # a pronoun's antecedent may own a noun: "the party's gains ... where it leads"
    ("The Harbour Party's gains come from the east, where it leads with 45.3%.", [("vote_share", 45.3, "harbour")]),
])
def test_places_and_owners(extractor, text, expected):
    assert_results(results(extractor, text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Velkova of the Harbour Party won 54.3% of the vote.", [("vote_share", 54.3, "Velkova")]),
    ("The Alliance of Liberals won 12.1% of the vote.", [("vote_share", 12.1, "Alliance of Liberals")]),
    ("The Yes vote stood at 51.2%, against 48.8% for No.", [("vote_share", 51.2, "yes"), ("vote_share", 48.8, "no")]),
    # a reporter may be a pronoun's antecedent, and "his own count" is a parallel count
    ("Velkova claimed victory with 54.3%, but Dask said his own count gave him 49%.",
     [("vote_share", 54.3, "Velkova"), ("vote_share", 49, "Dask")]),
])
def test_persons_of_a_party_options_and_reporters(extractor, text, expected):
    assert results(extractor, text) == expected


def test_an_exit_poll_and_the_official_count_in_one_sentence(extractor):
    text = "Exit polls showed Velkova winning 52%, while the official count gave her 54.3%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.subject, c.side) for c in claims if c.measure == "vote_share"] == [
        (52, "Velkova", "pollsters"), (54.3, "Velkova", "official")]


def test_a_count_of_ballots_and_a_share_of_voters_are_compared_apart(extractor):
    a = Article(id="a", text=LEAD + "Turnout was 61.2%, the commission said.", story="s", published="2026-03-02")
    b = Article(id="b", text=LEAD + "The total number of votes cast was 4,104,377.", story="s", published="2026-03-03")
    claims = [x for art in (a, b) for x in extractor.extract(art)]
    groups = {g.subject_class: g.verdict for g in Aligner().align(claims, [a, b]) if g.measure == "turnout"}
    assert groups == {"people": "single_source", "ballots cast": "single_source"}, groups


@pytest.mark.parametrize("text, expected", [
    ("Velkova's share of the vote rose to 54%.", [("vote_share", 54, "Velkova")]),
    # a result verb then "with": the share won, not the count's progress
    ("Velkova leads with 54.3 percent of the ballots counted so far.", [("vote_share", 54.3, "Velkova")]),
    ("Nearly 7 million voters, or 61.2% of the electorate, cast ballots.", [("turnout", 61.2, None)]),
    ("Some 58% of registered voters voted for Velkova.", [("vote_share", 58, "Velkova")]),
    ("The Harbour Party finished first, ahead of the Greens on 22.9%.", [("vote_share", 22.9, "Greens")]),
])
def test_owners_leaders_and_the_electorate(extractor, text, expected):
    assert results(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a referendum's score: "by 63% to 37%" is the result, not a margin
    ("Voters backed the constitutional change by 63% to 37%.", [("vote_share", 63, "yes"), ("vote_share", 37, "no")]),
    ("Voters rejected the plan by 58% to 42%.", [("vote_share", 58, "no"), ("vote_share", 42, "yes")]),
    ("The proposal was approved by 63% of voters.", [("vote_share", 63, "yes")]),
    # ... but a party "supported by" its voters is the party
    ("Third place went to the Open List, supported by 14.4 percent.", [("vote_share", 14.4, "Open List")]),
])
def test_a_referendum_s_score(extractor, text, expected):
    assert results(extractor, text) == expected


def test_all_stations_reporting_and_a_count_of_the_ballots_are_stages(extractor):
    text = "With all 1,204 polling stations reporting, Velkova had 54.3%."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.measure, c.lo, c.count_stage) for c in claims if c.measure in ("vote_share", "turnout")] == [
        ("vote_share", 54.3, "all counted")]
    text = "Velkova won 52.4% of the vote, the commission said, based on a count of 99.8% of ballots."
    claims = extractor.extract(Article(id="t", text=LEAD + text))
    assert [(c.lo, c.count_stage) for c in claims if c.measure == "vote_share"] == [(52.4, "99.8% counted")]


def test_a_threshold_crossed_is_no_share(extractor):
    text = "The Greens, with 6.2 percent, also crossed the 5-percent voter support threshold that parties need."
    assert results(extractor, text) == [("vote_share", 6.2, "Greens")]
    assert results(extractor, "Velkova won over 50% of the vote.") == [("vote_share", 50, "Velkova")]


def test_an_article_giving_one_candidate_two_exact_vote_counts_contradicts_itself():
    from crosscheck.api import Settings, check_articles
    text = ("Dask won the presidency with 2 140 513 votes, the commission said. The commission's table gives Dask "
            "2 140 913 votes and Sorin 1 702 344.")
    result = check_articles([Article(id="a", source="Daily One", published="2025-08-27", text=text)], Settings(stories="one"))
    g = next(g for g in result.groups if g.measure == "votes" and "dask" in g.subject_class)
    assert g.verdict == "conflict"


def test_a_rounded_count_beside_an_exact_one_is_no_contradiction():
    from crosscheck.api import Settings, check_articles
    text = "Dask won about 2.1 million votes. The commission's table gives Dask 2 140 913 votes."
    result = check_articles([Article(id="a", source="Daily One", published="2025-08-27", text=text)], Settings(stories="one"))
    assert all(g.verdict != "conflict" for g in result.groups if g.measure == "votes")


def test_a_regions_count_and_an_early_count_are_no_typo():
    from crosscheck.api import Settings, check_articles
    for text in ("Smith won 25,679 votes nationwide. Smith won 8,123 votes in Texas.",
                 "Smith had 12,345 votes early in the evening. By midnight Smith had 25,679 votes."):
        result = check_articles([Article(id="a", source="Daily One", published="2025-08-27", text=text)], Settings(stories="one"))
        assert all(g.verdict != "conflict" for g in result.groups if g.measure == "votes"), text
