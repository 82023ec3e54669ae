"""Measures in the words of disaster, conflict, protest and election news (data/measures.toml),
in sentences of our own."""
import pytest

from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def found(extractor, text):
    return {(c.measure, c.lo, c.hi) for c in extractor.extract(Article(id="t", text=text))}


@pytest.mark.parametrize("text, expected", [
    # "still" and "remain" + a state keep the trigger
    ("Officials in Tarsk said 61 villagers are still missing.", ("missing", 61, 61)),
    ("Around 12,000 people remain homeless a month after the floods.", ("displaced", 10800, 13200)),
    # missing without the word: taken, unaccounted for, buried
    ("Gunmen abducted 43 pupils from a boarding school near Kesh.", ("missing", 43, 43)),
    ("The council published a list of 28 people whose whereabouts are still unknown.", ("missing", 28, 28)),
    ("Rescuers said 19 people who have not been found were last seen near the dam.", ("missing", 19, 19)),
    ("About 70 people are feared trapped under the rubble of the market.", ("missing", 63, 77)),
    # displaced: shelters, camps, evacuees
    ("Some 4,300 residents were staying in evacuation centres on Tuesday.", ("displaced", 3870, 4730)),
    ("Nearly 900 families fled their homes as the river rose.", ("displaced", 810, 900)),
    # crowds doing what crowds do
    ("Thousands of students clashed with riot police outside the parliament.", ("participants", 2000, 9999)),
    ("Tens of thousands were marching toward the central square by noon.", ("participants", 20000, 99999)),
    # turnout worded as polling
    ("Officials reported 58.2% polling in the first phase.", ("turnout", 58.2, 58.2)),
    # detentions in custody
    ("Eleven people were taken into police custody after the clashes.", ("detentions", 11, 11)),
])
def test_the_measure_is_read_from_the_words_news_uses(extractor, text, expected):
    measure, lo, hi = expected
    assert any(m == measure and abs(a - lo) < 1 and abs(b - hi) < 1 for m, a, b in found(extractor, text) if a and b), \
        found(extractor, text)


@pytest.mark.parametrize("text, measure", [
    ("Two suspects remain at large, police said.", "detentions"),
    ("Three men are still sought by police.", "missing"),
    ("Four victims later showed up at the hospital.", "participants"),
    ("The rescue team pulled 12 survivors from the rubble.", "missing"),
])
def test_not_a_count_of_that_measure(extractor, text, measure):
    assert not [f for f in found(extractor, text) if f[0] == measure]


@pytest.mark.parametrize("text, expected", [
    ("The floods killed at least 40 people and left many others missing.", ("deaths", 40, None)),
    ("The attack, injuring six and killing another, happened on Saturday.", ("injuries", 6, 6)),
    ("A blast that injured one person and left another dead shook the market.", ("injuries", 1, 1)),
])
def test_a_verb_right_before_the_figure_is_its_own(extractor, text, expected):
    """The verb before a figure counts it; a trigger after it in a clause of its own does not."""
    assert expected in found(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("A crowd estimated at 60,000 showed up in the square.", ("participants", 60000, 60000)),
    ("Thousands of Tarskans demonstrate for cheaper bread", ("participants", 2000, 9999)),
    ("The attack prompted thousands of residents to gather in the main square.", ("participants", 2000, 9999)),
    ("Hundreds of students have been seen on the streets of Olen.", ("participants", 200, 999)),
])
def test_crowds_in_more_of_their_words(extractor, text, expected):
    assert expected in found(extractor, text)


def test_a_bare_scale_word_in_a_name_counts_nothing(extractor):
    """'the March of the Million' names a protest; 'a million people marched' counts one."""
    assert not any(f[1] == 1e6 for f in found(extractor, "Some 45,000 Tarskans marched in the March of the Million."))
    assert ("participants", 1e6, 1e6) in found(extractor, "A million people marched in Olen.")


@pytest.mark.parametrize("text, expected", [
    ("Gunmen took 61 pupils; in all 61 pupils were taken last week by bandits from the school.", ("missing", 61, 61)),
    ("Parents say the number of abducted pupils totals 88.", ("missing", 88, 88)),
    ("Hundreds of villagers were buried by debris when the hillside gave way.", ("missing", 200, 999)),
])
def test_people_taken_or_buried_are_missing(extractor, text, expected):
    assert expected in found(extractor, text)


def test_the_buried_dead_are_not_missing(extractor):
    assert not [f for f in found(extractor, "Two victims were buried on Sunday in Olen.") if f[0] == "missing"]


@pytest.mark.parametrize("text, expected", [
    ("Tarsk Police Arrest 12 After Stadium Riot", ("detentions", 12, 12)),
    ("The government has moved 450 villagers to temporary shelters near Olen.", ("displaced", 450, 450)),
])
def test_headline_arrests_and_moves_to_shelters(extractor, text, expected):
    assert expected in found(extractor, text)


def test_an_intent_to_arrest_is_no_arrest(extractor):
    assert not [f for f in found(extractor, "Investigators vowed to arrest the two suspects.") if f[0] == "detentions"]


def test_crowds_that_approach_a_building_but_not_people_at_a_house(extractor):
    assert ("participants", 9000, None) in found(extractor, "More than 9,000 persons approached the airport of Varn.")
    assert not [f for f in found(extractor, "Four suspects approached the house.") if f[0] == "participants"]
