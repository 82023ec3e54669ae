"""Seats won (crosscheck/claims/seats.py, through votes.py): each with its party, and what is no party's
seats (the chamber's size, a threshold, a margin), a change, a previous parliament's seats, a projection;
then how seats are compared across articles. Sentences of our own, about an invented parliament."""
import pytest

from crosscheck.align import Aligner
from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article

LEAD = "Voters in Talvia went to the polls on Sunday to elect a new parliament. "


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def seats(extractor, text, published="2031-05-12"):
    claims = extractor.extract(Article(id="t", text=LEAD + text, published=published))
    return [c for c in claims if c.measure == "seats"]


def read(extractor, text):
    """(value, subject, how read): how read is "" for a total, "change" or "earlier"."""
    return [(c.quantity.value, c.subject, "change" if c.quantity.increment else "earlier" if c.background else "")
            for c in seats(extractor, text)]


@pytest.mark.parametrize("text, expected", [
    ("The Harbour Party won 194 seats.", [(194, "Harbour", "")]),
    ("The final count gives 194 seats to the Harbour Party.", [(194, "Harbour", "")]),
    ("That leaves 194 seats for the Harbour Party and 88 for the Greens.", [(194, "Harbour", ""), (88, "Greens", "")]),
    ("The Civic Union (157 seats) will lead the opposition.", [(157, "Civic Union", "")]),
    # "of the 400 seats" is the chamber's size, never a claim of its own
    ("The ruling party took 159 of the 400 seats in the assembly.", [(159, "ruling party", "")]),
    ("In the end the Civic Union won 157 out of 400 seats.", [(157, "Civic Union", "")]),
    # a list: "A 194, B 157, C 65 seats", or items after the first "seats"
    ("The seat count: Harbour Party 194, Civic Union 157, Greens 65 seats.",
     [(194, "Harbour", ""), (157, "Civic Union", ""), (65, "Greens", "")]),
    ("The Harbour Party won 194 seats, the Civic Union 157 and the Greens 65.",
     [(194, "Harbour", ""), (157, "Civic Union", ""), (65, "Greens", "")]),
    # a share and the seats it bought, in one clause
    ("The Harbour Party won 35.4% of the vote and 194 seats.", [(194, "Harbour", "")]),
])
def test_seats_with_their_party(extractor, text, expected):
    assert read(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "A majority of 231 seats is needed to govern alone.",          # a threshold, not a result
    "The Harbour Party needs 231 seats to form a majority.",
    "The bloc is 231 seats short of a majority, analysts said.",
    "The Harbour Party won a 15-seat majority in the 460-seat chamber.",  # a margin and the chamber's size
    "All 460 seats were up for election.",
    "Some 6,000 candidates were vying for the 460 seats.",
    "Besides the presidency, the vote will also decide 96 Senate seats.",   # seats the election fills
    "In the first phase, 88 seats went to the polls, and 71 seats in phase 2 saw a turnout of 64%.",
])
def test_no_party_s_seats(extractor, text):
    assert seats(extractor, text) == []


def test_a_change_is_an_increment_and_a_previous_parliament_is_background(extractor):
    assert read(extractor, "The Greens lost 41 seats, while the Civic Union gained 12 seats.") == [
        (41, "Greens", "change"), (12, "Civic Union", "change")]
    assert read(extractor, "The Civic Union won 157 seats, up from 130 seats in 2027.") == [
        (157, "Civic Union", ""), (130, "Civic Union", "earlier")]
    assert read(extractor, "The Harbour Party, which held 235 seats in the outgoing parliament, kept 194.") == [
        (235, "Harbour", "earlier")]
    # a year is earlier only when it is before the article's ("votes.of_an_earlier_election")
    assert read(extractor, "The Greens won 65 seats in 2031, and 58 seats in 2027.") == [(65, "Greens", ""), (58, "Greens", "earlier")]
    changes = seats(extractor, "The Greens lost 41 seats.")
    assert [c.compared_as_total for c in changes] == [False]


def test_a_projection_is_an_exit_poll_s(extractor):
    [c] = seats(extractor, "The Harbour Party is projected to win 200 seats.")
    assert (c.subject, c.side) == ("Harbour", "pollsters")
    [c, d] = seats(extractor, "An Ipsos exit poll gave the Harbour Party 203 seats and the Civic Union 160.")
    assert [(x.quantity.value, x.subject, x.side) for x in (c, d)] == [(203, "Harbour", "pollsters"), (160, "Civic Union", "pollsters")]


def test_a_projection_said_in_other_words(extractor):
    """'looked set to have', 'would have N lawmakers', 'according to the poll' in an article about an exit poll."""
    text = ("An exit poll was published at nine. According to the poll, the Harbour Party took 201 seats. The Greens "
            "looked set to have 63 seats. If those figures hold, the Civic Union would have 150 lawmakers in the "
            "460-seat parliament.")
    got = seats(extractor, text)
    assert [(c.quantity.value, c.subject, c.side) for c in got] == [
        (201, "Harbour", "pollsters"), (63, "Greens", "pollsters"), (150, "Civic Union", "pollsters")]


def test_a_list_item_with_an_acronym(extractor):
    text = "The Harbour Party (HP) won 194 seats and the Civic Union (CU) won 157, the election commission said."
    assert [(c.quantity.value, c.subject, c.side) for c in seats(extractor, text)] == [
        (194, "Harbour (HP)", "official"), (157, "Civic Union (CU)", "official")]


def test_seats_take_the_count_stage(extractor):
    [c] = seats(extractor, "With 99% of the ballots counted, the Harbour Party had 190 seats.")
    assert c.count_stage == "99% counted"
    [c] = seats(extractor, "Preliminary results gave the Harbour Party 190 seats.")
    assert c.count_stage == "preliminary"


def test_no_seats_outside_an_election(extractor):
    article = Article(id="t", text="The new stadium has 40,000 seats. The airline added 180 seats on the route.")
    assert [c for c in extractor.extract(article) if c.measure == "seats"] == []


def _groups(extractor, *texts):
    articles = [Article(id=f"a{i}", text=LEAD + t, story="s", published=d) for i, (t, d) in enumerate(texts)]
    claims = [c for a in articles for c in extractor.extract(a)]
    return {g.subject_class: g for g in Aligner().align(claims, articles) if g.measure == "seats"}


def test_seats_are_compared_within_their_party(extractor):
    groups = _groups(extractor, ("The Harbour Party won 194 seats and the Greens 65.", "2031-05-13"),
                     ("Final results gave the Harbour Party 194 seats, the Greens 66.", "2031-05-13"))
    assert set(groups) == {"harbour", "greens"}
    assert groups["harbour"].verdict == "consistent"
    assert groups["greens"].verdict == "conflict"  # seats are never rounded: 65 is not 66


def test_a_later_count_of_seats_is_an_update_and_a_projection_is_disputed(extractor):
    groups = _groups(extractor, ("With 70% of the ballots counted, the Harbour Party had 181 seats.", "2031-05-12"),
                     ("Final results gave the Harbour Party 194 seats, the election commission said.", "2031-05-14"))
    assert groups["harbour"].verdict == "update", groups["harbour"].reason
    groups = _groups(extractor, ("The exit poll projected the Harbour Party to win 203 seats.", "2031-05-12"),
                     ("The Harbour Party won 194 seats, the election commission said.", "2031-05-14"))
    assert groups["harbour"].verdict == "disputed", groups["harbour"].reason


def test_a_change_is_never_compared_with_a_total(extractor):
    groups = _groups(extractor, ("The Greens lost 41 seats.", "2031-05-13"), ("The Greens won 65 seats.", "2031-05-13"))
    assert groups["greens"].verdict not in ("conflict", "disputed")
