"""Who gave a figure decides what a difference is: parties on different sides dispute, the same
authority revises, outlets conflict (crosscheck/align.py, data/parties.toml). Articles of our own."""
import pytest

from crosscheck.api import Settings, check_articles
from crosscheck.models import Article


def groups(*articles):
    return {g.measure: g for g in check_articles(list(articles), Settings(stories="one")).groups}


def test_police_and_organisers_dispute_the_crowd_even_in_one_article():
    g = groups(Article(id="a", source="Tarsk Daily", published="2025-04-05",
                       text="Police said 18,000 people marched through Tarsk on Saturday, while organisers "
                            "said 75,000 took part."))["participants"]
    assert g.verdict == "disputed"
    assert "police" in g.reason and "organisers" in g.reason
    assert g.disputed_pairs and set(g.disputed_pairs) <= set(g.conflicting_pairs)


def test_a_ministry_and_a_doctors_committee_dispute_the_toll_across_outlets():
    g = groups(
        Article(id="a", source="Wire One", published="2025-06-04",
                text="The health ministry said 31 people died when troops cleared the square."),
        Article(id="b", source="Wire Two", published="2025-06-04",
                text="A committee of doctors close to the protesters said 87 people were killed when troops cleared the square."),
    )["deaths"]
    assert g.verdict == "disputed"


def test_the_same_authority_lowering_its_own_toll_is_a_revision():
    g = groups(
        Article(id="a", source="Wire One", published="2025-02-10",
                text="The interior ministry said 212 people were killed in the bombings."),
        Article(id="b", source="Wire Two", published="2025-02-12",
                text="The interior ministry lowered the toll to 170, saying some victims had been counted twice."),
    )["deaths"]
    assert g.verdict == "revised"
    assert g.revised_pairs and "interior ministry" in g.reason


def test_outlets_of_the_same_day_with_no_party_still_conflict():
    g = groups(
        Article(id="a", source="Wire One", published="2025-02-10", text="Nine people were killed in the blast."),
        Article(id="b", source="Wire Two", published="2025-02-10", text="Fourteen people were killed in the blast."),
    )["deaths"]
    assert g.verdict == "conflict"


def test_a_later_larger_toll_from_another_party_is_an_update_not_a_dispute():
    g = groups(
        Article(id="a", source="Wire One", published="2025-03-01", text="Hospital sources said two people died."),
        Article(id="b", source="Wire Two", published="2025-03-02",
                text="The death toll rose to three, the health ministry said."),
    )["deaths"]
    assert g.verdict == "update"


def test_two_tolls_both_said_to_have_risen_on_one_day_read_the_larger_as_later():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-09", text="The death toll in the clashes rose to 14."),
        Article(id="b", source="Wire Two", published="2025-01-09", text="The death toll in the clashes has climbed to 17."),
    )["deaths"]
    assert g.verdict == "update"


def test_a_later_smaller_count_of_the_missing_is_an_update():
    """The missing are found: their count may fall as the story goes on (align.toml changing_measures)."""
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-01", text="Officials said 40 people were still missing."),
        Article(id="b", source="Wire Two", published="2025-07-03", text="Officials said 12 people were still missing."),
    )["missing"]
    assert g.verdict == "update"


def test_a_user_names_a_party_of_their_own(tmp_path):
    """Parties are data: a user's measures file adds one, with its side."""
    from crosscheck.claims import ClaimExtractor, load_measures
    extra = tmp_path / "parties.toml"
    extra.write_text('[parties."harbour watch"]\nside = "independent"\nwords = ["harbour watch"]\n')
    ex = ClaimExtractor(load_measures(extra))
    claim = ex.extract(Article(id="a", text="Nine people drowned, Harbour Watch said."))[0]
    assert (claim.party, claim.side) == ("harbour watch", "independent")


def test_reports_months_apart_do_not_conflict():
    """A figure said months later (a trial, an anniversary) counts the case as it then stands."""
    g = groups(
        Article(id="a", source="Wire One", published="2024-03-01", text="Three men were killed in the bar fight."),
        Article(id="b", source="Wire Two", published="2025-01-20",
                text="The jury heard how the defendant shot and killed two men outside the bar."),
    )["deaths"]
    assert g.verdict != "conflict"


def test_party_words_are_whole_words():
    from crosscheck.claims import default_measures
    v = default_measures()
    assert v.party_of("the city's local mediator") == (None, None)   # not "local media"
    assert v.party_of("the policy unit") == (None, None)            # not "police"
    assert v.party_of("local media reports") == ("news agency count", "press")


def test_an_ombudsman_counts_for_the_state_and_a_rising_count_from_it_is_an_update():
    from crosscheck.claims import default_measures
    assert default_measures().party_of("the human rights ombudsman")[1] == "official"
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-10",
                text="The ombudsman's office said nine people died in the clashes near the airport."),
        Article(id="b", source="Wire Two", published="2025-01-10",
                text="Regional authorities said the number of deaths rose to 14 after the clashes near the airport."),
    )["deaths"]
    assert g.verdict == "update"


def test_a_news_agency_that_was_told_a_figure_is_not_its_party():
    from crosscheck.claims import extract_claims
    told = extract_claims(Article(id="a", source="Wire", published="2025-10-08",
                                  text="A spokesman for the disaster management agency told Reuters that 1,950 people had died."))
    assert [(c.party, c.side) for c in told] == [("disaster agency", "official")]
    g = groups(
        Article(id="a", source="Wire One", published="2025-10-08",
                text="A spokesman for the disaster management agency told Reuters that 1,950 people had died."),
        Article(id="b", source="Wire Two", published="2025-10-08",
                text="The Red Crescent said 480 people had died in the earthquake."),
    )["deaths"]
    assert g.verdict == "disputed"


def test_an_agency_count_of_its_own_stays_a_party():
    from crosscheck.claims import extract_claims
    own = extract_claims(Article(id="a", source="Wire", published="2025-10-08",
                                 text="At least 1,399 people died in the crush, according to an AP count."))
    assert [c.party for c in own] == ["news agency count"]


def test_an_agency_that_only_reported_a_figure_lends_it_no_party_from_elsewhere_in_the_sentence():
    from crosscheck.claims import extract_claims
    said = extract_claims(Article(id="a", source="Wire", published="2025-06-10",
                                  text="Twelve people died in clashes between police and protesters, Reuters reported."))
    assert [c.party for c in said] == [None]
    both = extract_claims(Article(id="a", source="Wire", published="2025-06-10",
                                  text="The health ministry put the death toll at 46, while a doctors' committee "
                                       "told Reuters that 108 people had died."))
    assert [c.party for c in both] == ["health ministry", "medics"]


def test_policemen_are_police():
    from crosscheck.claims import default_measures
    assert default_measures().party_of("two policemen at the scene") == ("police", "official")


def test_a_news_agency_tally_disputes_the_official_toll_in_the_same_article():
    # each article gives both: the kingdom's figure and a wire service's own count of the dead
    g = groups(
        Article(id="a", source="Wire One", text="An Associated Press count showed on Friday that at least 1,200 pilgrims died "
                                                "in the crush. Saudi officials have said their figure of 650 dead stands."),
        Article(id="b", source="Wire Two", text="The Associated Press tally Thursday shows at least 1,150 people died in the "
                                                "crush. Saudi officials have said their figure of 650 dead stands."),
    )["deaths"]
    assert g.verdict == "disputed"
    assert "news agency count" in g.reason and "government" in g.reason


def test_a_day_is_no_one_who_gave_a_figure():
    from crosscheck.claims import ClaimExtractor
    (claim,) = ClaimExtractor().extract(Article(id="a", text="Eleven people died in the crush, a tally showed Thursday."))
    assert claim.attribution == "a tally"


def test_a_caption_credited_to_an_agency_counts_only_the_people_pictured():
    from crosscheck.claims import ClaimExtractor
    (claim,) = ClaimExtractor().extract(Article(
        id="a", text="A handout image from the Tarsk Press Office shows the funeral of four men killed in the raid."))
    assert claim.some_only


def test_a_part_is_given_by_whoever_gave_its_whole():
    from crosscheck.claims import ClaimExtractor
    claims = ClaimExtractor().extract(Article(
        id="a", text="The health ministry said 40 people were killed on Monday. Among the dead were 12 children."))
    children = next(c for c in claims if c.part_of)
    assert children.party == "health ministry"


def test_footage_of_a_scene_is_no_caption_and_a_video_gives_no_figure():
    from crosscheck.claims import ClaimExtractor
    (a,) = ClaimExtractor().extract(Article(id="a", text="Footage from the scene of the blast showed that 14 people were killed."))
    assert not a.some_only
    (b,) = ClaimExtractor().extract(Article(id="b", text="Video from the town of Marlow shows flooded streets; the floods killed 14 people there."))
    assert b.attribution is None


def test_two_states_give_their_own_figures():
    # the military of one state and the health ministry of another: a dispute, not outlets contradicting
    g = groups(
        Article(id="a", source="Wire One", published="2025-03-19",
                text="The Israeli military said 40 people were killed in the strikes."),
        Article(id="b", source="Wire Two", published="2025-03-19",
                text="The Hamas-run health ministry said 70 people were killed in the strikes."),
    )["deaths"]
    assert g.verdict == "disputed"
    assert "military of Israel" in g.reason and "health ministry of Palestine" in g.reason


def test_a_state_party_carries_its_state():
    from crosscheck.claims import ClaimExtractor
    for text, party in (("Japan's prime minister said three tourists died.", "government of Japan"),
                        ("Iranian officials said 464 pilgrims died.", "government of Iran"),
                        ("The U.S. government said 13 service members were killed.", "government of the United States"),
                        ("The health ministry said 12 people died.", "health ministry")):
        (claim,) = ClaimExtractor().extract(Article(id="a", text=text))
        assert claim.party == party, text


def test_one_states_ministries_are_one_side():
    g = groups(
        Article(id="a", source="Wire One", published="2025-03-19", text="Israel's health ministry said 40 people were injured."),
        Article(id="b", source="Wire Two", published="2025-03-19", text="The Israeli military said 90 people were injured."),
    )["injuries"]
    assert g.verdict == "conflict"


def test_one_state_named_two_ways_is_one_state():
    from crosscheck.claims.place import nation_of
    assert nation_of("American officials") == nation_of("the U.S. government") == "United States"
    assert nation_of("British officials") == nation_of("Britain's foreign office") == "United Kingdom"
    assert nation_of("Republican lawmakers") is None and nation_of("the health ministry") is None


def test_who_gave_a_figure_reads_past_a_bracketed_acronym_and_a_leaders_description():
    from crosscheck.claims import ClaimExtractor
    for text, party in (("The medical charity Doctors Without Borders (MSF) said 355 people had died.", "medics"),
                        ("A leading opposition figure said on Wednesday 1,300 people had been killed.", "opposition")):
        (claim,) = [c for c in ClaimExtractor().extract(Article(id="a", text=text)) if c.measure == "deaths"]
        assert claim.party == party, text


def test_a_report_named_before_gives_its_makers_figure():
    from crosscheck.claims import ClaimExtractor
    claims = ClaimExtractor().extract(Article(id="a", text=(
        "Far fewer died than the islanders' leaders claimed, a report commissioned by the Norwegian government has found. "
        "The report estimates that between 40,000 and 60,000 people died, far below the Chilean government's official "
        "figure of 220,000.")))
    by_figure = {c.quantity.text: c.party for c in claims if c.measure == "deaths"}
    assert by_figure == {"between 40,000 and 60,000": "government of Norway", "220,000": "government of Chile"}


def test_a_states_unnamed_officials_belong_to_the_state_the_story_is_about():
    # officials who name no state, in a story about Tarsk, against a foreign government's report
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-12",
                text="In Chile, the prime minister said over 220,000 people were killed in the quake. Chile is rebuilding."),
        Article(id="b", source="Wire Two", published="2025-06-01",
                text="A report commissioned by the Norwegian government has been leaked. The report estimates that "
                     "50,000 people were killed in the Chile quake; Chilean officials dispute it."),
    )["deaths"]
    assert g.verdict == "disputed"


def test_a_story_with_no_foreign_state_keeps_its_parties_as_named():
    g = groups(
        Article(id="a", source="Wire One", published="2025-04-05", text="In Tarsk, police said 18,000 people marched."),
        Article(id="b", source="Wire Two", published="2025-04-05", text="In Tarsk, organisers said 75,000 people marched."),
    )["participants"]
    assert "police:" in g.reason and "police of" not in g.reason


def test_who_gave_a_figure_reads_a_nations_adjective_and_an_adverb_before_the_verb():
    from crosscheck.claims import ClaimExtractor
    (claim,) = ClaimExtractor().extract(Article(id="a", text="The Chilean prime minister earlier said nine tourists died."))
    assert claim.party == "government of Chile"


def test_two_states_dispute_within_one_article():
    g = groups(Article(id="a", source="Wire One", published="2025-03-01", text=(
        "The Israeli military said at least 40 people died in the strike. The Hamas-run health ministry said 70 people "
        "died in the strike.")))["deaths"]
    assert g.verdict == "disputed"


def test_a_nations_adjective_before_the_counted_noun_names_the_people():
    from crosscheck.claims import ClaimExtractor
    (claim,) = ClaimExtractor().extract(Article(id="a", text="The president confirmed the two Colombian deaths on Monday."))
    assert claim.subject == "Colombians"


@pytest.mark.parametrize("first, second", [
    ("Two men were shot dead on Friday night, Panama City police said.",
     "Three men were shot dead on Friday night, according to the county sheriff. The U.S. Attorney joined the search."),
    ("Police Chief Mike Jordan said four people were killed in the shooting.",
     "Six people were killed in the shooting, Indianapolis police said. U.S. officials offered help."),
])
def test_a_countrys_name_inside_another_name_is_no_state(first, second):
    g = groups(Article(id="a", source="Wire One", published="2025-03-04", text=first),
               Article(id="b", source="Wire Two", published="2025-03-04", text=second))["deaths"]
    assert g.verdict == "conflict"
