"""When a figure stood, read from its own sentence (crosscheck/as_of.py), and how alignment orders
figures by it. Sentences of our own."""
import pytest

from crosscheck.api import Settings, check_articles
from crosscheck.as_of import as_of
from crosscheck.models import Article


@pytest.mark.parametrize("sentence, published, expected", [
    ("As of 3 March, the storm had killed 212 people.", "2025-03-05", "2025-03-03"),
    ("As at March 3 the toll stood at 212.", "2025-03-05", "2025-03-03"),
    ("Turnout reached 41 percent till 5 pm, officials said.", "2025-06-01", "2025-06-01T17:00"),
    ("By 9:30 p.m. on Sunday, 57 percent had voted.", "2025-06-03", "2025-06-01T21:30"),
    ("The ministry said on Monday that 40 people had died.", "2025-03-06", "2025-03-03"),
    ("Figures released late on Tuesday put the toll at 90.", "2025-03-06", "2025-03-04T22:00"),
    ("Police announced yesterday that 300 had been arrested.", "2025-03-06", "2025-03-05"),
    ("Officials said Thursday at 18:45 that 12 were hurt.", "2025-03-06", "2025-03-06T18:45"),
    ("The list of the dead, as of 30 December, held 40 names.", "2026-01-02", "2025-12-30"),
    ("As of 9:00 pm, on March 16, the agency reported 40 dead.", "2025-03-17", "2025-03-16T21:00"),
    # a date written with its year needs no article date
    ("As of 9:00 pm on March 16, 2025, the agency reported 40 dead.", None, "2025-03-16T21:00"),
    ("The toll as of Jan. 9, 2023 stood at 17.", None, "2023-01-09"),
])
def test_the_moment_a_sentence_gives_its_figure(sentence, published, expected):
    assert as_of(sentence, published) == expected


@pytest.mark.parametrize("sentence, published", [
    ("Gunmen killed five people on Tuesday.", "2025-03-06"),                  # the event's day, not the count's
    ("The death toll from the March 3 floods rose to 28.", "2025-03-09"),      # the event's date
    ("The ministry said on Tuesday that 40 people had died.", None),          # no date to resolve against
    ("As of March 16, the agency reported 40 dead.", None),                   # nor a year
    ("The ministry said on Tuesday that 40 people had died.", "2025-03"),     # nor a month alone
    ("As of 30 March, 212 people had died.", "2025-03-05"),                  # after the article: not read
    ("The ministry said that 40 people had died.", "2025-03-06"),
])
def test_no_moment_when_the_sentence_does_not_say_when_the_figure_stood(sentence, published):
    assert as_of(sentence, published) is None


def verdict(*articles, measure="deaths"):
    return next(g for g in check_articles(list(articles), Settings(stories="one")).groups if g.measure == measure)


def test_an_older_briefing_carried_the_same_day_is_the_earlier_count():
    g = verdict(
        # 3 September 2025 is a Wednesday: "late on Tuesday" is the 2nd, after the briefing's 1st
        Article(id="a", source="Relief Digest", published="2025-09-03",
                text="As at 1 September, the floods had killed 1,020 people across the province."),
        Article(id="b", source="Daily Post", published="2025-09-03",
                text="The flood toll reached 1,130, according to figures released late on Tuesday."),
    )
    assert g.verdict == "update"


def test_turnout_through_polling_day_rises_by_the_hour():
    g = verdict(
        Article(id="a", source="Poll Watch", published="2025-04-19",
                text="A turnout of 58.2 per cent was recorded till 7 pm, the election commission said."),
        Article(id="b", source="Evening Wire", published="2025-04-19",
                text="The election commission said that by 11 pm turnout had reached 61.5 percent."),
        measure="turnout",
    )
    assert g.verdict == "update"


def test_two_figures_given_at_the_same_hour_still_conflict():
    g = verdict(
        Article(id="a", source="Wire One", published="2025-03-06",
                text="Officials said on Tuesday that 40 people had died in the blast."),
        Article(id="b", source="Wire Two", published="2025-03-06",
                text="The ministry said on Tuesday that 55 people had died in the blast."),
    )
    assert g.verdict == "conflict"


def test_the_moment_is_shown_on_the_claim_in_the_json_report():
    result = check_articles([Article(id="a", source="Wire", published="2025-03-06",
                                     text="The ministry said on Tuesday that 40 people had died.")])
    assert [c.as_of for c in result.claims] == ["2025-03-04"]


def test_an_undated_report_is_placed_by_the_dated_moment_its_text_gives():
    g = verdict(
        Article(id="a", source="Wire One", published="2025-03-14",
                text="Rescuers said 21 people had died in the collapse."),
        Article(id="b", source="Undated Blog",
                text="As of March 17, 2025, the emergency service said 44 people had died in the collapse."),
    )
    assert g.verdict == "update"


def test_each_figure_takes_the_moment_named_nearest_before_it():
    s = "Officials said on Monday that 12 people had died, and by Wednesday the death toll had risen to 20."
    assert as_of(s, "2025-06-12", s.index("12 ")) == "2025-06-09"
    assert as_of(s, "2025-06-12", s.index("20")) == "2025-06-11"


@pytest.mark.parametrize("sentence", [
    "Officials said 3 may still be trapped and 25 people were killed.",   # "may" is no month
    "Twelve people were killed by Tuesday's storm.",                       # the day names the storm
    "Forty homes were damaged by March 3 floods.",
])
def test_a_day_that_names_an_event_or_a_word_that_is_no_month_is_no_moment(sentence):
    assert as_of(sentence, "2025-06-12", 0) is None


@pytest.mark.parametrize("published", ["2025-02-30", "0001-01-01"])
def test_an_impossible_article_date_gives_no_moment_and_no_crash(published):
    assert as_of("Police said yesterday that four people died.", published) is None
    result = check_articles([Article(id="a", source="Wire", published=published,
                                     text="Police said on Tuesday that four people died.")])
    assert [c.as_of for c in result.claims] == [None]


def test_minutes_past_59_are_no_hour():
    assert as_of("As of 12:75, 40 people were hurt.", "2025-06-12", 10) == "2025-06-12"


def test_a_figure_takes_the_moment_its_article_gives_the_same_count():
    # the lead's "some 5,800" is the count the authorities gave "yesterday" (almost 6,000): older than
    # the next day's 8,000, not a rival of it
    lead = Article(id="a", source="Wire One", published="2025-01-10",
                   text="Some 5,800 people have been detained after the riots. The authorities announced yesterday "
                        "that they had arrested almost 6,000 people.")
    later = Article(id="b", source="Wire Two", published="2025-01-10", text="Almost 8,000 people have been detained after the riots.")
    assert verdict(lead, later, measure="detentions").verdict == "update"


def test_two_moments_for_one_count_give_a_third_figure_none():
    from crosscheck.claims import ClaimExtractor
    claims = ClaimExtractor().extract(Article(id="a", published="2025-01-10", text=(
        "About 60 people were detained. Police said on Tuesday 58 had been detained; by Thursday the count stood at 61.")))
    assert [c.as_of for c in claims if c.quantity.text == "About 60"] == [None]


def test_a_toll_takes_no_moment_from_an_earlier_floor_in_its_article():
    lead = Article(id="a", source="Wire One", published="2025-03-06",
                   text="Forty people have died in the floods. Officials said on Monday that at least 12 people had died.")
    before = Article(id="b", source="Wire Two", published="2025-03-05", text="Thirty people have died in the floods, officials said on Tuesday.")
    assert verdict(lead, before).verdict == "update"
