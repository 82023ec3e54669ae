"""The numbers stage on the ways news prose writes a figure (issue: Numbers)."""
import json

import pytest

from crosscheck.numbers import NumberFinder, find_quantities, load_vocabulary, parse_spelled

INF = None


def only(text):
    qs = [q for q in find_quantities(text) if q.kind != "ordinal"]
    assert len(qs) == 1, (text, qs)
    return qs[0]


@pytest.mark.parametrize("text,figure,lo,hi,kind", [
    ("about 6,700 people", "about 6,700", 6030, 7370, "approximate"),
    ("he gained 80.1% of the vote", "80.1%", 80.1, 80.1, "exact"),
    ("over 6.7 thousand people were detained", "over 6.7 thousand", 6700, INF, "lower_bound"),
    ("aid of 1.5 million was pledged", "1.5 million", 1.5e6, 1.5e6, "exact"),
    ("a $2.5bn package", "$2.5bn", 2.5e9, 2.5e9, "exact"),
    ("3k runners", "3k", 3000, 3000, "exact"),
    ("a 40m loan", "40m", 4e7, 4e7, "exact"),
    ("one person died", "one", 1, 1, "exact"),
    ("twenty-one people", "twenty-one", 21, 21, "exact"),
    ("one hundred and five people", "one hundred and five", 105, 105, "exact"),
    ("a dozen people", "a dozen", 12, 12, "exact"),
    ("half a dozen cars", "half a dozen", 6, 6, "exact"),
    ("a couple of people", "a couple", 2, 2, "exact"),
    ("two and a half million people", "two and a half million", 2.5e6, 2.5e6, "exact"),
])
def test_digits_scales_spelled(text, figure, lo, hi, kind):
    q = only(text)
    assert (q.text, q.lo, q.hi, q.kind) == (figure, pytest.approx(lo) if lo is not None else None,
                                            pytest.approx(hi) if hi is not None else None, kind)


@pytest.mark.parametrize("word,lo,hi", [
    ("dozens", 24, 99), ("scores", 40, 199), ("hundreds", 200, 999), ("thousands", 2000, 9999),
    ("tens of thousands", 20000, 99999), ("hundreds of thousands", 200000, 999999),
    ("millions", 2e6, 9999999), ("billions", 2e9, 9999999999), ("tens of millions", 2e7, 99999999),
    ("several", 3, 9), ("a few", 2, 5), ("a handful", 2, 6),
])
def test_vague_quantities_are_bounded_intervals(word, lo, hi):
    q = only(f"{word} of people were there")
    assert (q.kind, q.lo, q.hi) == ("vague", lo, hi)


@pytest.mark.parametrize("text", ["Many people were there", "Some people left", "some of the residents"])
def test_many_and_some_alone_are_not_figures(text):
    assert find_quantities(text) == []


def test_vague_bounds_come_from_a_data_file_users_can_override(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[vague]\n"dozens" = [20, 90]\n')
    q = NumberFinder(load_vocabulary(f)).find("Dozens were hurt")[0]
    assert (q.lo, q.hi) == (20, 90)
    assert NumberFinder().find("Dozens were hurt")[0].lo == 24  # the default is untouched


@pytest.mark.parametrize("qualifier", ["over", "more than", "at least", "no fewer than", "in excess of"])
def test_lower_bounds(qualifier):
    q = only(f"{qualifier} 12 people")
    assert (q.kind, q.lo, q.hi, q.qualifier) == ("lower_bound", 12, None, qualifier)
    assert q.text.startswith(qualifier)


@pytest.mark.parametrize("qualifier", ["up to", "as many as", "fewer than", "less than", "under", "at most"])
def test_upper_bounds(qualifier):
    q = only(f"{qualifier} 700 workers")
    assert (q.kind, q.lo, q.hi) == ("upper_bound", None, 700)


def test_open_and_closed_bounds():
    assert only("more than 20 people").lo_open and not only("at least 20 people").lo_open
    assert only("fewer than 20 people").hi_open and not only("up to 20 people").hi_open


@pytest.mark.parametrize("qualifier", ["about", "around", "roughly", "some", "approximately"])
def test_approximate_within_documented_tolerance(qualifier):
    q = only(f"{qualifier} 300 people")
    assert q.kind == "approximate" and q.lo == pytest.approx(270) and q.hi == pytest.approx(330)


@pytest.mark.parametrize("qualifier", ["nearly", "almost"])
def test_nearly_is_just_below(qualifier):
    q = only(f"{qualifier} 100 people")
    assert q.kind == "approximate" and q.lo == pytest.approx(90) and q.hi == 100 and q.hi_open


@pytest.mark.parametrize("text,lo,hi", [
    ("between 200 and 300 people", 200, 300), ("200-300 people", 200, 300), ("200 to 300 people", 200, 300),
    ("two or three people", 2, 3), ("between 2 and 3 million", 2e6, 3e6),
])
def test_ranges_are_intervals_never_midpoints(text, lo, hi):
    q = only(text)
    assert (q.kind, q.lo, q.hi) == ("range", lo, hi)


@pytest.mark.parametrize("text,value,unit", [
    ("80.1%", 80.1, "percent"), ("84.2 percent", 84.2, "percent"), ("84.2 per cent", 84.2, "percent"),
    ("two-thirds of voters", 2 / 3, "fraction"), ("half of the voters", 0.5, "fraction"),
])
def test_percentages_and_fractions(text, value, unit):
    q = only(text)
    assert q.lo == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize("text", ["no one was hurt", "nobody died", "none of the passengers", "no injuries were reported"])
def test_zero(text):
    q = only(text)
    assert (q.lo, q.hi) == (0, 0)


@pytest.mark.parametrize("text", [
    "on August 9", "on 9 August", "on 2020-08-09", "on 08/09/2020", "in 2001", "the 2012–13 season",
    "at 10:30 p.m.", "at 9 p.m.", "a 65-year-old man", "Lukashenko, 65, said", "call 555-123-4567",
    "at 937 Euharlee Rd SW", "at 12 Harbour Street", "Section 3", "row 5", "page 12", "Route 9", "No. 5",
    "COVID-19", "an F-16", "in the 1990s", "in his 60s", "since 2019", "Robert Atkins 21, was found",
])
def test_not_figures_of_anything(text):
    assert [q for q in find_quantities(text) if q.kind != "ordinal"] == [], text


def test_ordinals_are_their_own_kind_never_fractions():
    qs = find_quantities("which was won for the sixth time by the incumbent")
    assert [(q.text, q.kind, q.lo) for q in qs] == [("sixth", "ordinal", 6)]
    qs = find_quantities("a third person died")
    assert [(q.kind, q.lo) for q in qs] == [("ordinal", 3)]
    assert only("a third of the voters").lo == pytest.approx(1 / 3)


def test_increments_are_marked():
    assert only("hundreds more protesters").increment
    assert only("another five people").increment
    assert only("a further 20 arrests").increment
    assert not only("more than 20 arrests").increment


def test_units_from_quantulum3_lexicon():
    assert only("two meters of cotton").unit == "metre"
    assert only("1,500,000 kilometres").unit == "kilometre"
    assert only("£2,000").unit == "pound sterling"


def test_spelled_grammar():
    assert parse_spelled("one hundred and five".split()) == 105
    assert parse_spelled("two hundred thousand".split()) == 200_000
    assert parse_spelled("one two".split()) is None


def test_numbers_command_json_and_jsonl(tmp_path):
    from click.testing import CliRunner
    from crosscheck.cli import main
    r = CliRunner().invoke(main, ["numbers", "-"], input="At least 12 people died on August 9.")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out == [{"text": "At least 12", "start": 0, "end": 11, "lo": 12.0, "hi": None, "kind": "lower_bound",
                    "unit": None, "value": 12.0, "qualifier": "at least", "lo_open": False, "hi_open": False,
                    "increment": False}]
    lines = '{"id": "a", "text": "two or three people"}\n{"id": "b", "text": "in 2001"}\n'
    r = CliRunner().invoke(main, ["numbers", "--jsonl", "-"], input=lines)
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [r_["id"] for r_ in rows] == ["a", "b"]
    assert rows[0]["quantities"][0]["kind"] == "range" and rows[1]["quantities"] == []



# --- signs, comparisons, joined bounds (issue: Numbers, benchmarks/numbers.py) -----------------
@pytest.mark.parametrize("text,figure,value", [
    ("it fell to -1 overnight", "-1", -1), ("it cooled to −40.5°C", "−40.5°C", -40.5),
    ("minus 5 at noon", "minus 5", -5), ("a reading of negative one", "negative one", -1),
    ("a loss of -$5", "-$5", -5), ("a balance of $-12.50", "$-12.50", -12.5),
])
def test_signed_figures(text, figure, value):
    q = only(text)
    assert (q.text, q.lo) == (figure, pytest.approx(value))


@pytest.mark.parametrize("text,values", [
    ("the 200-300 range", [(200, 300)]), ("a 3-2 vote", [(3, 3), (2, 2)]), ("won 55%-41%", [(55, 55), (41, 41)]),
])
def test_a_hyphen_after_a_figure_is_no_sign(text, values):
    assert [(q.lo, q.hi) for q in find_quantities(text)] == values


@pytest.mark.parametrize("text,kind,lo,hi,lo_open,hi_open", [
    ("no more than 12 people", "upper_bound", None, 12, False, False),   # not "more than 12"
    ("not more than 12 people", "upper_bound", None, 12, False, False),
    ("less than or equal to 45", "upper_bound", None, 45, False, False),
    ("smaller or equal than 75", "upper_bound", None, 75, False, False),
    ("equal to or more than 18", "lower_bound", 18, None, False, False),
    ("at least or equal to 12", "lower_bound", 12, None, False, False),
    ("less than 800 or equal", "upper_bound", None, 800, False, False),
    ("n>7", "lower_bound", 7, None, True, False), ("t <= -4", "upper_bound", None, -4, False, False),
    ("the toll exceeded 100", "lower_bound", 100, None, True, False),
    ("the city surpassed 300 burglaries", "lower_bound", 300, None, True, False),
    ("about six hundred or more", "lower_bound", 600, None, False, False),  # the bound outweighs "about"
    ("150 or greater", "lower_bound", 150, None, False, False),
])
def test_comparisons(text, kind, lo, hi, lo_open, hi_open):
    q = only(text)
    assert (q.kind, q.lo, q.hi, q.lo_open, q.hi_open) == (kind, lo, hi, lo_open, hi_open)


def test_a_comparison_before_the_next_figure_is_that_figures():
    qs = find_quantities("the fee is equal to 40 or less than 55")
    assert [(q.kind, q.lo, q.hi) for q in qs] == [("exact", 40, 40), ("upper_bound", None, 55)]


@pytest.mark.parametrize("text,lo,hi,lo_open,hi_open", [
    ("more than 15 and less than 60", 15, 60, True, True),
    ("at most 90 and at least 30 boxes", 30, 90, False, False),
    ("weighing more than 10 kilograms, but less than 25 kilograms", 10, 25, True, True),
])
def test_two_bounds_of_one_interval_are_joined(text, lo, hi, lo_open, hi_open):
    q = only(text)
    assert (q.kind, q.lo, q.hi, q.lo_open, q.hi_open) == ("range", lo, hi, lo_open, hi_open)


@pytest.mark.parametrize("text", [
    "More than 50 and less than 5 were counted",              # lo above hi
    "more than 20 killed and fewer than 40 injured",          # words between: two claims
    "a>3 and b<9", "more than 12, above 90 each",             # another variable; the same side
])
def test_bounds_that_are_not_one_interval_stay_apart(text):
    assert len(find_quantities(text)) == 2 and all(q.kind != "range" for q in find_quantities(text))


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("between ten and fifteen people", 10, 15, None), ("between negative five and twelve", -5, 12, None),
    ("roughly 30~80", 30, 80, None), ("a 3- to 5-meter fence", 3, 5, "metre"), ("2k-8k", 2000, 8000, None),
])
def test_more_ranges(text, lo, hi, unit):
    q = only(text)
    assert (q.kind, q.lo, q.hi, q.unit) == ("range", lo, hi, unit)


@pytest.mark.parametrize("text", ["from 12 ml to 15 mg", "either 4 bln or 4 tln"])
def test_no_range_across_units_or_scales(text):
    assert [q.kind for q in find_quantities(text)] == ["exact", "exact"]


# --- fractions and scales ----------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("six and a quarter", 6.25), ("thirty one and a third", 31 + 1 / 3), ("thirty and two fifths", 30.4),
    ("two hundred and three quarters", 200.75), ("four and one fourth", 4.25),
    ("two million and a half", 2.5e6), ("4 million and a quarter", 4.25e6), ("five million and one half", 5.5e6),
    ("half a million", 5e5), ("a quarter-million people", 2.5e5), ("three quarters of a million", 7.5e5),
    ("2½ miles", 2.5), ("a ¾ mile", 0.75), ("a hundredth of a second", 0.01),
    ("45 hundred", 4500), ("3 dozen eggs", 36), ("four dozens", 48),
    ("$10 bn", 1e10), ("7 bln", 7e9), ("a $1.3T budget", 1.3e12),
])
def test_mixed_numbers_fractions_and_scales(text, value):
    assert only(text).lo == pytest.approx(value)


def test_more_than_half_is_a_fraction_but_half_an_hour_is_not():
    q = only("more than half the voters")
    assert (q.kind, q.lo, q.lo_open) == ("lower_bound", 0.5, True)
    assert find_quantities("about half an hour after") == []


@pytest.mark.parametrize("text", ["police arrested two men and questioned a third.",
                                  "A third, unnamed passenger was hurt", "as was a fourth, older man"])
def test_a_third_alone_is_an_ordinal_in_news(text):
    assert [q.kind for q in find_quantities(text) if q.text.lower().endswith(("third", "fourth"))] == ["ordinal"]


@pytest.mark.parametrize("text,value", [("a 4000b file", 4000), ("a 3 m wall", 3), ("the 200m champion", 200),
                                        ("an 80 percent share", 80), ("told us 100 people", 100)])
def test_letters_that_are_units_or_words_do_not_scale_or_label(text, value):
    assert only(text).lo == value


# --- things that are not figures, and units ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "More at http://example.com/3Xyz9Q",
    "see https://www.example.org/2019/05/02/3-hurt/10293847/",
    "a .38-caliber revolver", "Our team scores often", "she scores a goal",
])
def test_web_addresses_calibers_and_the_verb_scores_are_not_figures(text):
    assert [q for q in find_quantities(text) if q.kind != "ordinal"] == []


def test_scores_the_noun_is_still_vague():
    assert only("Scores were injured").kind == "vague"


@pytest.mark.parametrize("text,unit", [
    ("a 12-kilometer trail", "kilometre"), ("a 10-foot wall", "foot"),
    ("20 minutes later", "minute"), ("5 seconds", "second"),   # the same sense on every run
    ("it was 67F", "degree fahrenheit"),
])
def test_units_after_a_hyphen_and_ambiguous_surfaces(text, unit):
    assert only(text).unit == unit


def test_suspended_ages_are_not_figures():
    assert find_quantities("her 7- and 10-year-old sons") == []


def test_turned_n_is_an_age():
    assert [q for q in find_quantities("She turned 16 last week.") if q.kind != "ordinal"] == []


def test_age_before_a_dash_after_a_name():
    assert [q for q in find_quantities("Richard Che Risher, 18 - The Homicide Report") if q.kind != "ordinal"] == []


@pytest.mark.parametrize("text", [
    "The man, 28, later died.", "A boy, 6, dies after a shooting", "Two men, ages 25 and 26, died.",
    "a woman and a man, both 19, were found", "were found dead inside.[6][7] Each",
])
def test_ages_after_a_person_and_footnote_marks_are_not_figures(text):
    assert [q.text for q in find_quantities(text) if q.kind != "ordinal" and q.text.lower() != "two"] == []


def test_a_count_in_commas_after_plural_subject_stays():
    assert [q.text for q in find_quantities("Of the victims, 12 were children.")] == ["12"]


def test_also_n_after_a_person_is_an_age():
    assert [q.text for q in find_quantities("another woman, also 22, was shot")] == []


@pytest.mark.parametrize("text", [
    "Four men, aged 20 to 27, were shot.", "Two men, 33 and 19, were shot.", "a 4 yo boy was shot",
    "A WOMAN IN HER 20'S DIED", "the fourth child under the age of 8", "Family of 6yoa",
    "Four males, between the ages of 16-18, were hurt.", "Two men between the ages of 16 and 18 were hurt.",
    "who police believe is about 40", "who range in age from 23 to 31",
])
def test_more_ways_of_writing_an_age(text):
    assert [q.text for q in find_quantities(text) if q.kind != "ordinal" and q.text.lower() not in ("two", "four")] == []


@pytest.mark.parametrize("text", [
    "Neighbors called 911 and waited.", "Police responded to a 911 report of shots.", "Shooting at 9700 W Ferris Branch",
    "He was shot at 9330 59th Ave. SE, the records state.", "four wounded 1 / 3 Back to Gallery",
])
def test_emergency_numbers_addresses_and_gallery_counters_are_not_figures(text):
    assert [q.text for q in find_quantities(text) if q.text.lower() != "four"] == []


def test_911_as_a_count_stays():
    assert [q.lo for q in find_quantities("The attacks killed 911 people.")] == [911]


@pytest.mark.parametrize("text", [
    "He went to their house, 2106 W. 4750 South, that evening.", "told WAVE 3 News the man died",
    "NYC ’90 shooting of slain man", "Wainwright was pronounced dead at 5 at the scene.",
    "a child as young as 14 to be charged",
])
def test_grid_addresses_station_names_short_years_clock_times_and_ages(text):
    assert find_quantities(text) == []


def test_a_toll_standing_at_a_small_number_stays():
    assert [q.lo for q in find_quantities("The toll stood at 5 on Monday.")] == [5]


def test_a_hyphen_joins_a_scale_word():
    assert [q.lo for q in find_quantities("He is held on $2-million bond.")] == [2_000_000]


# --- issue 23: locale separators, ranges of money, mixed numerals, vague scales, ages -------------
@pytest.mark.parametrize("text,value", [
    ("The winner took 1 482 306 ballots.", 1482306), ("a march of 7\u00a0500", 7500),
    ("a crowd of 12\u202f000", 12000),                       # space, no-break and narrow no-break space
    ("Medics said 4.000 injured were treated.", 4000), ("then 3.500 of them stayed", 3500),
    ("the census found 2.345.678 residents", 2345678),       # two point groups: never a decimal
    ("a fine of €2.000", 2000),                              # ".000" and no unit of measure after it
    ("the trail is 2.400 km long", 2.4),                     # a unit of measure: a decimal point
    ("the gauge read 0.375 percent", 0.375),
    ("she won 61,4% of the vote", 61.4), ("a 2,5 million budget", 2.5e6),   # decimal comma
    ("the tally reached 4,518203 votes", 4518203),            # a dropped comma: whole groups of three
])
def test_locale_separators(text, value):
    q = only(text)
    assert q.lo == pytest.approx(value) and q.hi == pytest.approx(value)


@pytest.mark.parametrize("text,values", [
    ("On May 4 200 people gathered", [200]),                 # a day, then a count: not 4,200
    ("it led to 30 911 calls overnight", [30]),              # the emergency number is no group
    ("the server at 10.120.200.250 went down", []),          # an address, not 10,120,200,250
])
def test_blank_and_point_groups_that_are_not_one_number(text, values):
    assert [q.lo for q in find_quantities(text)] == values


def test_a_broken_group_is_not_read_as_its_first_part():
    assert [q.lo for q in find_quantities("Ms Lee, born March 3,1990, said")] == []


@pytest.mark.parametrize("text,value,figure", [
    ("a sample of 4.5e6 cells", 4.5e6, "4.5e6"), ("a galaxy of 2.1x10^9 stars", 2.1e9, "2.1x10^9"),
    ("a ratio of 3.3×10−4", 3.3e-4, "3.3×10−4"), ("a drift of -2e-3 units", -2e-3, "-2e-3"),
    ("the index rose +4.2%", 4.2, "+4.2%"),
])
def test_scientific_and_signed_values(text, value, figure):
    q = only(text)
    assert (q.text, q.lo) == (figure, pytest.approx(value))


def test_a_figure_with_its_uncertainty_is_an_interval():
    q = only("a drop of 12.4 +/- 0.3 metres")
    assert (q.kind, q.lo, q.hi, q.unit, q.qualifier) == ("approximate", pytest.approx(12.1), pytest.approx(12.7), "metre", "±")


@pytest.mark.parametrize("text,lo,hi,unit,figure", [
    ("repairs could cost $40bn to $55bn", 4e10, 5.5e10, "dollar", "$40bn to $55bn"),
    ("grants of $5,000 to $8,000 each", 5000, 8000, "dollar", "$5,000 to $8,000"),
    ("a bill of between £2m and £4m", 2e6, 4e6, "pound sterling", "between £2m and £4m"),
    ("from $3 million to $3.5 million a year", 3e6, 3.5e6, "dollar", "from $3 million to $3.5 million"),
    ("a $6-$9 million deal", 6e6, 9e6, "dollar", "$6-$9 million"),
    ("€4m-€7m in damage", 4e6, 7e6, "euro", "€4m-€7m"),
])
def test_ranges_of_money_are_one_interval(text, lo, hi, unit, figure):
    q = only(text)
    assert (q.kind, q.lo, q.hi, q.unit, q.text) == ("range", lo, hi, unit, figure)


@pytest.mark.parametrize("text,lo,hi", [
    ("estimates ran from at least 40 dead to more than 75.", 40, 75),
    ("medics counted 210 wounded to 260 on Sunday", 210, 260),
    ("between 15 injured and 25 in all", 15, 25),
])
def test_ranges_of_counts_with_a_noun_or_qualifiers_on_their_ends(text, lo, hi):
    q = only(text)
    assert (q.kind, q.lo, q.hi) == ("range", lo, hi)


@pytest.mark.parametrize("text,values", [
    ("the toll climbed from 12 to 19 overnight", [12, 19]),    # a change: the later figure is a total
    ("from 8 dead to 14 injured", [8, 14]),                    # the ends count different people
    ("a judge sentenced 2 men to 15 years", [2, 15]),           # no "from": the second figure is years
])
def test_two_figures_that_are_not_a_range(text, values):
    assert [q.lo for q in find_quantities(text)] == values and all(q.kind != "range" for q in find_quantities(text))


@pytest.mark.parametrize("text,value", [
    ("a turnout of 3 million 412 thousand 57 voters", 3412057), ("7 million 250 thousand people", 7250000),
])
def test_mixed_numerals_in_digits_and_scale_words(text, value):
    assert only(text).lo == value


def test_a_plain_figure_after_one_scaled_figure_stays_apart():
    assert [q.lo for q in find_quantities("$4 million 200 staff")] == [4e6, 200]


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("the final few thousand ballots", 2000, 5000, None),
    ("a few hundred thousand marchers", 200000, 500000, None),
    ("tens to hundreds of families", 20, 999, None),
    ("hundreds, if not thousands, waited", 200, 9999, None),
    ("dozens or even hundreds", 24, 999, None),
    ("billions of euros in loans", 2e9, 9999999999, "euro"),
    ("tens of millions of dollars", 2e7, 99999999, "dollar"),
    ("a few million pounds", 2e6, 5e6, "pound sterling"),
    ("margins in single digits", 1, 9, None),
    ("tens of volunteers", 20, 99, None),
])
def test_vague_scales_are_intervals_with_their_unit(text, lo, hi, unit):
    q = only(text)
    assert (q.kind, q.lo, q.hi, q.unit) == ("vague", lo, hi, unit)


def test_tens_alone_is_no_figure():
    assert find_quantities("round it to the tens place") == []


@pytest.mark.parametrize("text,kind,lo,hi", [
    ("the toll crossed the 1,300 mark", "lower_bound", 1300, None),
    ("deaths have crossed 250", "lower_bound", 250, None),
    ("the count climbed past 900", "lower_bound", 900, None),
    ("the number did not exceed 35", "upper_bound", None, 35),
    ("just under 3,000 were counted", "approximate", 2700, 3000),
    ("death toll up to 88 as rescuers dig", "exact", 88, 88),   # the toll rose to 88
])
def test_more_bounds(text, kind, lo, hi):
    q = only(text)
    assert (q.kind, q.lo, q.hi) == (kind, pytest.approx(lo) if lo else lo, pytest.approx(hi) if hi else hi)


def test_the_past_n_hours_is_no_bound():
    q = only("in the past 48 hours")
    assert (q.kind, q.lo) == ("exact", 48)


def test_a_count_after_a_name_and_a_comma_is_no_age_when_of_them_follows():
    assert [q.lo for q in find_quantities("According to Reuters, 17 of them were freed.")] == [17]


@pytest.mark.parametrize("text,ages", [
    ("a 34-year-old driver", [("34-year-old", 34, 34, "year")]),
    ("Mr Okafor, 71, said", [("71", 71, 71, "year")]),
    ("the twins, aged 9 to 11, were safe", [("9 to 11", 9, 11, "year")]),
    ("girls aged between 13 and 15", [("13 and 15", 13, 15, "year")]),
    ("a six-week-old puppy", [("six-week-old", 6, 6, "week")]),
])
def test_ages_are_their_own_kind_when_asked_for(text, ages):
    qs = NumberFinder(report_ages=True).find(text)
    assert [(q.text, q.lo, q.hi, q.unit) for q in qs if q.kind == "age"] == ages
    assert [q for q in find_quantities(text) if q.kind == "age"] == []   # the claims stage never sees them


def test_the_numbers_command_prints_ages():
    from click.testing import CliRunner
    from crosscheck.cli import main
    r = CliRunner().invoke(main, ["numbers", "-"], input="A 52-year-old and 3 others were hurt.")
    assert [(q["text"], q["kind"]) for q in json.loads(r.output)] == [("52-year-old", "age"), ("3", "exact")]


def test_claims_are_never_made_from_ages():
    from crosscheck.claims import ClaimExtractor
    from crosscheck.models import Article
    text = "Police said a 45-year-old man was killed. The victim, 45, died at the scene. Two people aged 19 and 23 were hurt."
    claims = ClaimExtractor().extract(Article(id="a", text=text))
    assert all(c.quantity.kind != "age" and c.lo not in (45, 19, 23) for c in claims), claims


@pytest.mark.parametrize("text,lo,hi", [
    ("a few millions of viewers", 2e6, 5e6), ("several tens of thousands of fans", 30000, 90000),
    ("a few hundreds of miners", 200, 500), ("a handful of thousands", 2000, 6000),
])
def test_a_vague_multiplier_before_a_plural_scale(text, lo, hi):
    q = only(text)
    assert (q.kind, q.lo, q.hi) == ("vague", lo, hi)


@pytest.mark.parametrize("text,lo,hi", [
    ("two to three thousand tents", 2000, 3000), ("one or two million pilgrims", 1e6, 2e6),
    ("five hundred to one thousand", 500, 1000),             # the first end has its own scale
])
def test_a_spelled_scale_on_the_second_end_applies_to_the_first(text, lo, hi):
    q = only(text)
    assert (q.kind, q.lo, q.hi) == ("range", lo, hi)


@pytest.mark.parametrize("text,kind,lo,hi", [
    ("Donors gave more than £80,000 ($101,000) so far", "lower_bound", 101000, None),
    ("a road of about 200 miles (320 km) was shut", "approximate", 288, 352),
])
def test_a_figure_restated_in_another_unit_keeps_the_bound(text, kind, lo, hi):
    q = find_quantities(text)[1]
    assert (q.kind, q.lo, q.hi) == (kind, pytest.approx(lo), pytest.approx(hi) if hi else None)


def test_a_count_in_brackets_after_a_bound_is_its_own_figure():
    assert [q.kind for q in find_quantities("over 30 people (20 children) waited")] == ["lower_bound", "exact"]


def test_a_percent_compound_adjective_is_a_percentage():
    q = only("the party crossed the 5-percent threshold")
    assert (q.kind, q.lo, q.unit) == ("lower_bound", 5, "percent")
