"""Shapes of English the claims stage reads since session 8 (issue 18): each a class, in sentences of our own."""
import pytest

from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article

X = ClaimExtractor()


def claims(text):
    return X.extract(Article("t.txt", text))


def read(text):
    return [(c.measure, c.quantity.text) for c in claims(text)]


@pytest.mark.parametrize("text,expected", [
    ("After the slide, 14 hikers are still listed as missing.", [("missing", "14")]),
    ("About 2,500 villagers have been counted as evacuees.", [("displaced", "About 2,500")]),
    ("Some 700 families were registered as displaced by Friday.", [("displaced", "Some 700")]),
])
def test_as_after_a_verb_of_listing_names_the_category(text, expected):
    assert read(text) == expected


def test_as_still_ends_a_clause_elsewhere():
    # "as" the conjunction: the figure's trigger is before it, and nothing after it is read
    assert read("Two marchers were hurt as riot police moved in and evacuated the square.") == [("injuries", "Two")]


def test_the_category_people_were_in_before_is_not_theirs_now():
    read_as = {m for m, _ in read("Three climbers previously listed as missing were found dead on the ridge.")}
    assert "missing" not in read_as
