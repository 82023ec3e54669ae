"""Each side of a labelled disagreement read as a total of its own subject (issue 19): shapes of English in
sentences of our own."""
import pytest

from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article

X = ClaimExtractor()


def claims(text, **kw):
    return X.extract(Article("t.txt", text, **kw))


def totals(text):
    return [(c.measure, c.quantity.text, c.subject) for c in claims(text) if c.compared_as_total]


# ---- the dead among those who attacked ----------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Four gunmen were shot dead by the guards.", [("deaths", "Four", "attackers")]),
    ("Police said two terrorists have been killed so far.", [("deaths", "two", "attackers")]),
    ("Seven militants died when the depot exploded.", [("deaths", "Seven", "attackers")]),
    # a partitive of the attackers is all the attackers the verb counts, not some of the toll
    ("Nine of the militants died in the shootout.", [("deaths", "Nine", "attackers")]),
    # "said to have been killed" reports the verb; it is not the figure's own verb of saying
    ("Two raiders were said to have been killed.", [("deaths", "Two", None)]),
])
def test_attackers_killed_are_a_subject_of_their_own(text, expected):
    assert totals(text) == expected


def test_militants_are_not_soldiers():
    [c] = claims("Twelve militants were killed in the raid.")
    assert c.subject == "attackers"
    [c] = claims("Twelve soldiers were killed in the raid.")
    assert c.subject == "soldiers"


def test_the_size_of_the_set_they_were_of_is_not_counted():
    # "out of 8-12": how many there were, not how many the verb counts
    assert totals("Four attackers out of 8-12 in all were reported killed.") == [("deaths", "Four", "attackers")]
    assert totals("Two out of 40 hostages were hurt.") == [("injuries", "Two", None)]


def test_also_of_a_narrower_subject_is_its_whole_count():
    text = "Eight guards and 40 shoppers were killed in the siege. Six of the gunmen were also reported killed."
    assert totals(text)[-1] == ("deaths", "Six", "attackers")
    # of people in general, "also" still adds to the toll
    [first, more] = claims("Eight guards were hurt. Twelve civilians were also injured.")
    assert more.quantity.increment


def test_one_of_a_narrower_set_or_a_set_of_the_dead_stays_a_part():
    cs = claims("Three guards were killed. One of the officers returned fire, wounding a gunman.")
    assert [(c.measure, c.quantity.text) for c in cs if c.measure == "deaths" and c.compared_as_total] == [("deaths", "Three")]
    cs = claims("Five people were killed. Two of the slain officers were identified on Monday.")
    assert not any(c.quantity.text == "Two" and c.compared_as_total for c in cs)


# ---- lists of some of the dead ------------------------------------------------------------
def test_a_list_of_parts_after_including_is_read_item_by_item():
    cs = claims("Medics said 210 people died, including 31 children, 45 women and 12 fighters.")
    assert [(c.quantity.text, c.subject, c.compared_as_total) for c in cs] == [
        ("210", "people", True), ("31", "children", False), ("45", None, False), ("12", "soldiers", False)]


def test_a_figure_repeated_from_the_headline_in_other_words_is_kept():
    # the body's sentence ends like the headline's, but says the figure another way: a claim of its own
    head = "Officials say the blast killed 40 pupils."
    text = head + "\n\nThe blast on Monday killed 300 people, a toll that officials said included 40 pupils."
    cs = claims(text, title=head)
    assert [(c.quantity.text, c.quantity.start > len(head)) for c in cs if c.subject == "children"] == [
        ("40", False), ("40", True)]
    # a caption repeated word for word is still one claim
    caption = "Photo 1 of 3: Two men were hurt in the fire. Photo 2 of 3: Two men were hurt in the fire."
    assert [c.quantity.text for c in claims(caption) if c.measure == "injuries"] == ["Two"]


# ---- another party's figure in the same sentence ------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("The ministry put the death toll at 58 while the Red Cross said 64.",
     [("58", "The ministry"), ("64", "the Red Cross")]),
    ("The Health Ministry said 58 people were killed, while the Red Cross said 64.",
     [("58", "The Health Ministry"), ("64", "the Red Cross")]),
    # in brackets, between the figure and its verb
    ("The government said that 58 people (the Red Cross put it at 64) had died since the quake.",
     [("58", "The government"), ("64", "the Red Cross")]),
])
def test_a_rival_figure_counts_the_same_people_for_another_party(text, expected):
    cs = claims(text)
    assert [(c.quantity.text, c.attribution) for c in cs] == expected
    assert {c.measure for c in cs} == {"deaths"} and all(c.compared_as_total for c in cs)


def test_a_bare_figure_after_said_with_no_count_before_is_no_claim():
    assert claims("The mayor said 12, then left the podium.") == []


# ---- zeros --------------------------------------------------------------------------------
def test_no_remaining_missing_people_is_a_zero():
    [c] = claims("Officials insist there are no remaining missing people in the valley.")
    assert (c.measure, c.lo, c.hi) == ("missing", 0, 0)
    # ... but "no remaining" of things is not a count of the missing
    assert [c.measure for c in claims("The morgue had no remaining bodies from the blast.")] != ["missing"]


def test_a_zero_another_party_gives_is_its_figure_not_a_part():
    text = ("The Red Crescent's report of 52 missing people clashes with the government's claim that there are "
            "no remaining missing people.")
    cs = claims(text)
    assert [(c.lo, c.attribution, c.compared_as_total) for c in cs] == [
        (52, "The Red Crescent", True), (0, "the government", True)]


def test_a_zero_of_the_same_source_or_of_narrower_people_stays_a_part():
    cs = claims("Police said four people were hurt. Police said no officers were injured.")
    assert [c.compared_as_total for c in cs] == [True, False]
    cs = claims("The agency released a report saying that 30 people are missing. It had no missing persons reports "
                "from the port.")
    assert [c.compared_as_total for c in cs] == [True, False]


def test_who_released_a_report_or_told_reporters_gave_the_figure():
    text = ("The Red Crescent released a report saying that 52 people are still missing. The minister, Ana Ruiz, "
            "told reporters that the government had no missing persons reports.")
    assert [(c.lo, c.attribution, c.compared_as_total) for c in claims(text)] == [
        (52, "The Red Crescent", True), (0, "Ana Ruiz", True)]


# ---- children and nationals among the dead or hurt ----------------------------------------
def test_among_the_measures_people_first_names_who_they_were():
    cs = claims("At least 40 people died in the fire. Among the dead were several children, the mayor said.")
    assert [(c.quantity.text, c.subject, c.compared_as_total) for c in cs] == [
        ("At least 40", "people", True), ("several", "children", False)]
    # with no count of the injured before it, the children are all the article counts of them
    cs = claims("At least 40 people died. Among the injured there are 12 children.")
    assert [(c.measure, c.quantity.text, c.subject, c.compared_as_total) for c in cs][-1] == (
        "injuries", "12", "children", True)


def test_a_breakdown_in_quotes_is_not_counted_by_the_words_after_the_quote():
    cs = claims("The governor wrote “17 dead, 1 child,” and added that among the injured there are 9 children.")
    assert [(c.measure, c.quantity.text, c.subject, c.part_of is not None) for c in cs] == [
        ("deaths", "17", None, False), ("deaths", "1", "children", True), ("injuries", "9", "children", False)]


def test_the_nationality_after_a_partitive_is_the_subject():
    cs = claims("Twenty people were killed and 40 hurt. Four of the dead and two of those injured were Italian.")
    assert [(c.quantity.text, c.subject) for c in cs if c.part_of] == [("Four", "Italians"), ("two", "Italians")]


# ---- "more" than another measure's people, and increments that are totals ---------------------
def test_more_after_a_count_of_another_measure_in_an_earlier_sentence_is_a_total():
    text = "Gunmen killed 21 people, officials said. The minister said that 35 more people had been injured."
    assert totals(text) == [("deaths", "21", "people"), ("injuries", "35 more", "people")]
    # ... but not more of the same measure, one of them, or none besides someone
    assert [c.quantity.increment for c in claims("Two people were wounded on Friday. Three more people were wounded "
                                                 "on Saturday.")] == [False, True]
    assert [c.compared_as_total for c in claims("Three men were killed. A fourth man was also shot.")] == [True, False]
    # ... nor more on another day
    assert [c.quantity.increment for c in claims("Three people died in the riots. Police said dozens more were "
                                                 "detained on Saturday.")] == [False, True]


def test_another_n_still_in_a_state_is_how_many_are_in_it_now():
    assert totals("Forty people died in the strike. Another 25 residents of the block are still missing.") == [
        ("deaths", "Forty", "people"), ("missing", "Another 25", "residents")]


def test_a_passive_verb_does_not_govern_the_next_figure():
    cs = claims("Police said 150 people were injured nine seriously during the march.")
    assert [(c.quantity.text, c.compared_as_total) for c in cs] == [("150", True), ("nine", False)]


# ---- those taken to hospital ----------------------------------------------------------------
def test_taken_into_hospital_is_a_trigger():
    assert totals("A total of 30 people were taken into hospital after the crash.") == [("injuries", "30", "people")]


def test_a_user_may_count_those_taken_to_hospital_beside_a_toll(tmp_path):
    from crosscheck.claims import load_measures
    text = "Twelve people died in the fire. Another 50 people have been taken to hospital."
    # by default a figure that may count the dead too says nothing of the injured
    assert [c.measure for c in claims(text)] == ["deaths"]
    f = tmp_path / "hospital.toml"
    f.write_text('[measures.injuries]\nweak_patterns_subject = "people taken to hospital"\n')
    cs = ClaimExtractor(load_measures(f)).extract(Article("t.txt", text))
    assert [(c.measure, c.quantity.text, c.subject) for c in cs] == [
        ("deaths", "Twelve", "people"), ("injuries", "Another 50", "people taken to hospital")]
    # ... not when its own sentence says some of them died
    cs = ClaimExtractor(load_measures(f)).extract(Article("t.txt", "One man died. All four were taken to the hospital, "
                                                                   "where a woman was pronounced dead."))
    assert "people taken to hospital" not in {c.subject for c in cs}


# ---- a figure set against another party's, and the size of a set named by its participle --------
def test_more_than_the_figure_reported_by_another_party_is_theirs():
    text = "The true number of pupils missing is 190, far more than the 70 reported by school officials, parents said."
    assert [(c.measure, c.quantity.text, c.attribution) for c in claims(text)] == [
        ("missing", "190", "parents"), ("missing", "70", "school officials")]


def test_the_set_a_partitive_takes_from_is_counted_by_its_participle():
    assert totals("Officials said nearly all of the 80 villagers abducted on Monday were freed.") == [
        ("missing", "80", "residents")]
    assert totals("Police named one of the four people killed in the blast.") == [("deaths", "four", "people")]
    # ... not by a verb of the one ("one of the three victims was killed"), nor when naming some of them
    assert totals("Police said one of the three victims was killed in the park.") == []
    assert totals("The identities of three victims killed by a gunman have been revealed.") == []


def test_a_quoted_figure_keeps_the_noun_after_the_quote():
    [c] = claims("The town has had “seven or eight” homicides this year, the chief said.")
    assert (c.measure, c.quantity.text, c.background) == ("deaths", "seven or eight", True)


def test_a_double_hyphen_ends_a_clause_as_a_dash_does():
    assert totals("Police said a gunman fired at the crowd, wounding six people -- hitting and killing a guard.") == [
        ("injuries", "six", "people"), ("deaths", "a", "people")]


def test_the_verb_of_a_relative_clause_inside_a_toll_noun_phrase_is_not_the_tolls():
    # "that hit": the quake's verb, not a verb the toll reached its figure with
    [c] = claims("The death toll from the quake and the aftershocks that hit the island on Sunday has risen to 87.")
    assert (c.measure, c.quantity.text, c.cumulative) == ("deaths", "87", True)
    # a verb of the noun's own still ends the toll's reach
    assert [(c.measure, c.quantity.text) for c in claims("The toll rose to 12 and the crowd reached 4,000.")] == [
        ("deaths", "12"), ("participants", "4,000")]


def test_a_verb_of_taking_counts_the_dead_only_with_lives_after_the_figure():
    assert totals("Floods that claimed at least 90 lives swept the valley.") == [("deaths", "at least 90", "people")]
    assert totals("The fever took 40 lives in the port.") == [("deaths", "40", "people")]
    assert claims("Lifeguards saved 30 lives on the beach.") == []
    assert claims("It took 12 officers to subdue him.") == []
    # "lives" is no trigger of its own: "a man who lives nearby" is no one dead
    assert claims("A man who lives nearby heard the shots.") == []


def test_a_figure_over_the_past_couple_of_years_is_background():
    [c] = claims("The feud between the two gangs has claimed four lives over the past couple of years.")
    assert (c.measure, c.background) == ("deaths", True)


def test_an_adverb_and_participle_after_a_comma_have_their_own_object():
    # the two fired; the participle's object is whom they killed
    cs = claims("Two men got out of the car and started firing, fatally shooting one of the 19-year-olds.")
    assert not any(c.quantity.text == "Two" and c.measure == "deaths" for c in cs)
