"""Running counts named by a noun (crosscheck/claims/tolls.py), in sentences of our own."""
import pytest

from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def figures(extractor, text, measure=None):
    claims = extractor.extract(Article(id="t", text=text))
    return [(c.measure, c.lo, c.hi) for c in claims if measure is None or c.measure == measure]


@pytest.mark.parametrize("text, measure, lo, hi", [
    # however long the noun phrase between the toll and its verb
    ("The death toll from the landslide that buried three hamlets above Varnel on Sunday has climbed to 61.", "deaths", 61, 61),
    ("Storm toll reaches 14 as crews search the coast", "deaths", 14, 14),
    ("The number of people still unaccounted for stands at 37, the mayor said.", "missing", 37, 37),
    ("The number of evacuees in the valley has risen to 12,500.", "displaced", 12500, 12500),
    ("The number of protesters detained overnight was 212, according to the interior ministry.", "detentions", 212, 212),
    ("The number of confirmed dead is now 19.", "deaths", 19, 19),
    ("The official turnout was 71.4% when polls closed.", "turnout", 71.4, 71.4),
    # a verb of setting takes the toll as its object
    ("Officials lowered the death toll to 140 after some bodies were counted twice.", "deaths", 140, 140),
    ("Police put the crowd at 45,000; organisers said three times as many came.", "participants", 45000, 45000),
    # a generic noun counts what the sentence counted last
    ("Four more bodies were recovered on Monday, bringing the total to 27.", "deaths", 27, 27),
])
def test_a_toll_noun_counts_the_figure_after_its_verb(extractor, text, measure, lo, hi):
    assert (measure, lo, hi) in figures(extractor, text, measure)


@pytest.mark.parametrize("text", [
    "The number of cases rose to 50 in the district.",          # a number of something else
    "The city's murder total stands at 212 for the year.",       # a statistic of many incidents
    "I saw a crowd of boys, they ran off, and then there were two cars burning.",  # another clause's verb
    "The crowd was 30 metres from the barrier.",                 # a distance, not people
])
def test_no_toll_without_a_noun_of_this_event_s_count(extractor, text):
    assert [f for f in figures(extractor, text) if f[0] in ("deaths", "participants", "missing")] == []


def test_a_toll_s_subject_is_its_own_noun_phrase(extractor):
    claims = extractor.extract(Article(id="t", text="The number of children killed has risen to 9, officials said."))
    toll = next(c for c in claims if c.lo == 9)
    assert (toll.measure, toll.subject) == ("deaths", "children")


@pytest.mark.parametrize("text, lo", [
    ("Deaths from the blast at the Varn refinery climb to 40", 40),
    ("Ferry Sinking Killed at Least 212, Coast Guard Count Shows", 212),
])
def test_headline_tolls(extractor, text, lo):
    assert ("deaths", lo) in [(m, a) for m, a, _ in figures(extractor, text)]
