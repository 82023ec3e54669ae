"""Where a figure was counted (crosscheck/claims/place.py) and what alignment does with it (align.py):
figures of different places, both stated, are not compared as one total; a figure with no place, or the
same place, still is. Sentences of our own."""
import re

import pytest

from crosscheck.api import Settings, check_articles
from crosscheck.claims import extract_claims
from crosscheck.claims.place import default_place_grammar, place_of
from crosscheck.models import Article
from crosscheck.report_frame import claim_frame


def place(sentence: str, figure: str):
    """(name, level) of the place read for ``figure`` (its first occurrence) in ``sentence``."""
    m = re.search(re.escape(figure), sentence)
    p = place_of(default_place_grammar(), sentence, m.start(), m.end())
    return (p.name, p.level) if p else None


# --- reading the place ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, expected", [
    ("Rescuers said nine people died at the ferry terminal on Friday.", "nine", ("airport", "site")),
    ("Another 14 passengers were hurt on the crowded subway train.", "14", ("metro", "site")),
    ("Some 80,000 people are sheltering in the camps outside the town.", "80,000", ("camp", "site")),
    ("Officials counted 35,000 people in one camp alone.", "35,000", ("camp", "site")),
    ("At least 17 people were killed in Marlow on Sunday.", "17", ("Marlow", "named")),
    ("More than 60,000 marched in Port Elbe alone, organisers said.", "60,000", ("Port Elbe", "named")),
    ("The storm has killed 41 people nationwide.", "41", ("nationwide", "national")),
    ("Some 2,300 people were arrested across the country.", "2,300", ("nationwide", "national")),
    ("In total, 212 people have died since the rains began.", "212", ("in total", "whole")),
    ("Rescuers pulled 48 people from the rubble overall.", "48", ("in total", "whole")),
    ("In Vessa, eight people drowned when the river rose.", "eight", ("Vessa", "named")),
    ("The death toll in Corrin province rose to 58 on Monday.", "58", ("Corrin province", "named")),
    ("The largest rally was in Delmar, where about 90,000 gathered.", "90,000", ("Delmar", "named")),
    ("About 400,000 people marched in cities across Spain.", "400,000", ("nationwide", "national")),
])
def test_the_place_its_own_clause_names(sentence, figure, expected):
    assert place(sentence, figure) == expected


@pytest.mark.parametrize("sentence, figure", [
    ("Twelve people died when the bridge gave way.", "Twelve"),
    ("At least 31 were killed in Corrin attacks on Tuesday.", "31"),           # the event's name, not a part
    ("Eleven people died in Spain as floods swept the east.", "Eleven"),      # where the event was
    ("Police said 300 people were detained in March.", "300"),               # a month is no place
    ("At least 40 people were hurt, officials in Marlow said.", "40"),        # where the officials are
    ("19 Dead In Marlow Clashes As Toll Climbs", "19"),                       # a Title Case headline
    ("Over 2,000 people died in Saturday's quake.", "2,000"),
])
def test_no_place_when_the_clause_names_none(sentence, figure):
    assert place(sentence, figure) is None


def test_only_the_figures_own_clause_counts():
    s = "The clashes killed 12 in Marlow, while 39 have died nationwide since March."
    assert place(s, "12") == ("Marlow", "named")
    assert place(s, "39") == ("nationwide", "national")
    s = "Nine people died at the ferry terminal and 15 on the subway train."
    assert place(s, "Nine") == ("airport", "site")
    assert place(s, "15") == ("metro", "site")
    # a sentence that opens on a place gives it to a figure whose own clause names none
    s = "In Vessa, eight people drowned, while 30 died across the country."
    assert place(s, "eight") == ("Vessa", "named")
    assert place(s, "30") == ("nationwide", "national")


def test_claims_carry_their_place_and_the_frame_shows_it():
    art = Article(id="a", text="Floods killed 14 people in Vessa on Sunday, while 52 have died nationwide.")
    claims = {c.quantity.text: c for c in extract_claims(art)}
    assert (claims["14"].place, claims["14"].place_level) == ("Vessa", "named")
    assert (claims["52"].place, claims["52"].place_level) == ("nationwide", "national")
    frame = claim_frame(claims["14"], art)
    assert (frame["where"], frame["where_level"]) == ("Vessa", "a named place")
    assert claim_frame(claims["52"], art)["where"] == "nationwide"


# --- what alignment compares ---------------------------------------------------------------------

def groups(*articles):
    return {(g.measure, g.subject_class): g for g in check_articles(list(articles), Settings(stories="one")).groups}


def two_groups(first: str, second: str):
    """The groups of two reports of the same day, by (measure, subject class)."""
    return groups(Article(id="a", source="Wire One", published="2031-05-02", text=first),
                  Article(id="b", source="Wire Two", published="2031-05-02", text=second))


def two_reports(first: str, second: str, measure: str = "deaths"):
    return two_groups(first, second)[(measure, "people")]


def test_a_towns_figure_is_not_set_against_the_nations():
    g = two_reports("The clashes killed 12 people in Marlow.", "Across the country, 39 people have died in the unrest.")
    assert g.verdict == "consistent" and not (g.conflicting_pairs or g.update_pairs)


def test_two_different_sites_are_not_compared_as_one_total():
    g = two_reports("Nine people died at the ferry terminal.", "Fifteen people died on the subway train.")
    assert g.verdict == "consistent" and not (g.conflicting_pairs or g.update_pairs)


def test_one_camps_count_is_not_set_against_the_countrys():
    g = two_reports("About 400,000 people are displaced in one camp near the border.",
                    "Some 12 million people are displaced across the country.", measure="displaced")
    assert g.verdict == "consistent" and not (g.conflicting_pairs or g.update_pairs)


def test_the_same_place_still_conflicts():
    g = two_reports("Nine people died at the ferry terminal.", "Fourteen people died at the ferry terminal.")
    assert g.verdict == "conflict"
    g = two_reports("The clashes killed 12 people in Marlow.", "The clashes killed 19 people in Marlow.")
    assert g.verdict == "conflict"


def test_a_figure_with_no_place_still_conflicts_with_a_placed_one():
    g = two_reports("The clashes killed 12 people in Marlow.", "The clashes killed 19 people.")
    assert g.verdict == "conflict"
    g = two_reports("Across the country, 41 people have died in the storm.", "The storm has killed 55 people.")
    assert g.verdict == "conflict"


def test_the_whole_event_is_not_set_against_one_site_of_it():
    g = two_reports("In total, 34 people died in the blasts.", "Nine people died at the ferry terminal.")
    assert g.verdict == "consistent" and not (g.conflicting_pairs or g.update_pairs)


def test_the_whole_event_is_still_compared_with_the_town_it_was_in():
    # "in total" may be said of the town the event was in: a real disagreement stays a conflict
    g = two_reports("In total, 34 people died in the blasts.", "The blasts killed 41 people in Marlow.")
    assert g.verdict == "conflict"


def test_two_names_of_one_place_are_still_compared():
    # a town and its province are often the same event's place under two names: no split
    g = two_reports("The clashes killed 12 people in Marlow.", "The clashes killed 19 people in Corrin province.")
    assert g.verdict == "conflict"


# --- one place's figures among themselves ----------------------------------------------------------

def test_a_towns_figures_that_disagree_are_found_among_the_nations():
    # the whole group reads as consistent (450,000 across the country fits "hundreds of thousands"); the
    # town's own figures, 300,000 and 500,000, cannot both hold: a group of their own says so
    gs = two_groups("Some 450,000 people marched across the country on Saturday. In Delmar, about 300,000 people "
                    "took to the streets.",
                    "Hundreds of thousands of people marched on Saturday. An estimated 500,000 marched in Delmar alone.")
    assert gs[("participants", "people")].verdict == "consistent"
    town = gs[("participants", "people in Delmar")]
    assert town.verdict == "conflict" and len(town.conflicting_pairs) == 1


def test_a_place_group_that_only_repeats_its_subjects_verdict_is_left_out():
    gs = two_groups("Nine people died at the ferry terminal.", "Fourteen people died at the ferry terminal.")
    assert gs[("deaths", "people")].verdict == "conflict"
    assert ("deaths", "people in airport") not in gs
