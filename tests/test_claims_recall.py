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


def measured(text):
    return [(c.measure, c.quantity.text, c.subject) for c in claims(text)]


@pytest.mark.parametrize("text,expected", [
    # the verb after the list counts each figure, each with its own people
    ("At least 40 villagers and nine soldiers were killed in the raid.",
     [("deaths", "At least 40", "residents"), ("deaths", "nine", "soldiers")]),
    ("Officials said 12 armed smugglers and three members of the coast guard died.",
     [("deaths", "12", None), ("deaths", "three", None)]),
    # the verb before the list
    ("The blaze killed at least 30 tenants and four firefighters.",
     [("deaths", "at least 30", None), ("deaths", "four", None)]),
])
def test_figures_coordinated_with_one_verb_each_count_their_own_people(text, expected):
    assert measured(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb, an adverb or a preposition between the figures: two clauses, not one list
    ("About eight barns were flattened and dozens of families were left homeless.", [("displaced", "dozens")]),
    ("Crews said 30 people were rescued and at least 70 were wounded.", [("injuries", "at least 70")]),
    ("Buses took 20 residents to the capital and 30 soldiers were injured.", [("injuries", "30")]),
    # a noun of the trigger's own ("3 bodies"), and an adjective rather than people ("one pregnant")
    ("Divers recovered 12 survivors and 3 bodies from the lake.", [("deaths", "3")]),
    ("The attack injured two women, one pregnant, and killed a man.", [("injuries", "two"), ("deaths", "a")]),
])
def test_what_is_not_a_list_sharing_a_verb(text, expected):
    assert read(text) == expected


def test_a_list_sharing_also_is_not_its_own_increment():
    # "also" adds to people counted before the sentence, not to the list's first figure
    cs = claims("Two guides and 14 hikers were also injured.")
    assert [(c.quantity.text, c.quantity.increment) for c in cs] == [("Two", False), ("14", False)]


@pytest.mark.parametrize("text,expected", [
    # presumed dead: not found, so missing rather than dead
    ("Six sailors were confirmed dead, while two were presumed dead.", [("deaths", "Six"), ("missing", "two")]),
    ("At least nine lives were lost and two others ‘presumed’ dead after the landslide.",
     [("deaths", "At least nine"), ("missing", "two")]),
    # a headline's "taken from" a named place
    ("'Scores' taken from Ruvan boarding school", [("missing", "Scores")]),
    # a generic total whose own noun phrase names the measure
    ("Police had put the total number of pupils kidnapped at Hollin at 140.", [("missing", "140")]),
    # the people the authorities cannot reach
    ("The number of residents whom the town has not been able to contact fell to 61.", [("missing", "61")]),
    # "thousands of victims": how many victims, not some of them
    ("Crews searched for thousands of victims feared buried in the mud.", [("missing", "thousands")]),
])
def test_missing_people(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("About 4,000 villagers were ordered to evacuate on Sunday.", [("displaced", "About 4,000")]),
    ("Aid groups say 90,000 remain in tent camps outside the city.", [("displaced", "90,000")]),
    ("Some 12,000 are still living under tarpaulins.", [("displaced", "Some 12,000")]),
    # an ordinal of days or nights is a time: it does not cut the figure off from its trigger
    ("Hundreds were spending a third night in the open.", [("displaced", "Hundreds")]),
])
def test_displaced_people(text, expected):
    assert read(text) == expected


def parts(text):
    cs = claims(text)
    ids = {c.id: c.quantity.text for c in cs}
    return [(c.measure, c.quantity.text, c.subject, ids.get(c.part_of)) for c in cs]


@pytest.mark.parametrize("text,expected", [
    # an aside naming some of the people, between commas or in brackets: the figure before it is
    # counted by the verb after it, and the aside's figure is a part of it
    ("Officials said 64 people, including 11 children, were injured.",
     [("injuries", "64", "people", None), ("injuries", "11", "children", "64")]),
    ("By noon 30 people (including 4 children) had died.",
     [("deaths", "30", "people", None), ("deaths", "4", "children", "30")]),
])
def test_a_subset_aside_between_a_figure_and_its_verb(text, expected):
    assert parts(text) == expected


def test_a_subset_aside_after_an_object_does_not_reach_the_next_verb():
    # "shot 4": the 4 is the verb's object; the "is killed" after the aside is the shooter's
    assert read("Gunman who shot 4, including 2 guards, is killed by police") == []


def test_a_part_belongs_to_the_nearest_whole_before_it():
    text = "Two men were found dead on Monday. Five people, including three children, were killed on Friday."
    assert parts(text)[-1] == ("deaths", "three", "children", "Five")


@pytest.mark.parametrize("text,expected", [
    ("Rallies Draw 70,000 Across the Region", [("participants", "70,000")]),
    ("Organisers hoped to repeat the 60,000-strong march of May.", [("participants", "60,000")]),
])
def test_crowds(text, expected):
    assert read(text) == expected


def test_a_list_goes_on_with_a_verb_of_losing_and_into_the_next_sentence():
    text = ("Officials said 500 pilgrims died in the crush. Norland says it had 200 pilgrims killed, while Estmark "
            "lost 90 and Westmark 70. Others include Southland with 31 and Isle with eight.")
    items = {c.quantity.text: (c.measure, c.subject, c.part_of is not None) for c in claims(text)}
    assert items["90"] == ("deaths", "Estmark", True)
    assert items["70"] == ("deaths", "Westmark", True)
    assert items["31"] == ("deaths", "Southland", True)
    assert items["eight"] == ("deaths", "Isle", True)


def test_a_sentence_that_does_not_go_on_with_a_list():
    # "Others include" after a sentence that counts no one by a verb: nothing to go on with
    assert read("The town has many visitors. Others include Southland with 31.") == []


def flagged(text):
    return [(c.measure, c.quantity.text, c.superseded) for c in claims(text)]


@pytest.mark.parametrize("text,expected", [
    ("The number hurt rose to 610 from 540 counted on Monday.",
     [("injuries", "610", False), ("injuries", "540", True)]),
    ("Officials lowered the death toll to 75 from 81.", [("deaths", "75", False), ("deaths", "81", True)]),
    ("The number of dead was 64 by noon on Sunday, up from 51 the day before.",
     [("deaths", "64", False), ("deaths", "51", True)]),
    # "from" naming where people came from is no earlier figure
    ("Police detained 14 people from 3 villages.", [("detentions", "14", False)]),
])
def test_the_figure_a_running_count_replaced_is_an_earlier_figure(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a figure set aside with "not" between the figure and its verb
    ("Ministry: 20, not 70, killed in the raid", [("deaths", "20"), ("deaths", "70")]),
    # "identified as having died": a verb of listing before "as"
    ("Police say six people have been formally identified as having died.", [("deaths", "six")]),
    ("The total number dead since the flood is now at 52.", [("deaths", "52")]),
])
def test_more_shapes_of_deaths(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a partitive of a measure's people: a part of the total, its people named after the verb
    ("At least 70 people died. Eleven of the dead were children.",
     [("deaths", "At least 70", "people", None), ("deaths", "Eleven", "children", "At least 70")]),
    ("The death toll rose to 150. But 90 of the deaths were in the capital.",
     [("deaths", "150", None, None), ("deaths", "90", None, "150")]),
    # people among a measure's people
    ("The death toll rose to 40. Four nurses from one clinic were among the victims.",
     [("deaths", "40", None, None), ("deaths", "Four", None, "40")]),
    ("There were 12 children and 9 women among the 61 fatalities.",
     [("deaths", "12", "children", "61"), ("deaths", "9", None, "61"), ("deaths", "61", None, None)]),
])
def test_some_of_a_measures_people(text, expected):
    assert parts(text) == expected


def test_among_those_shot_is_not_among_the_hurt():
    # "shot" may mean killed: no injuries figure from it, and "one of his sons" is one of a set
    assert read("There were reports that he and one of his sons were among those shot.") == []


@pytest.mark.parametrize("text,expected", [
    ("The number killed in the two blasts has risen to 41, officials said.", [("deaths", "41")]),
    ("The number hurt rose to 530 on Friday.", [("injuries", "530")]),
])
def test_the_number_killed_without_of(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a figure of things between the people and their verb
    ("A total of 210 people from 12 countries were injured.", [("injuries", "210")]),
    # how badly some were hurt, set off by dashes
    ("Police said 90 people were injured – six seriously – in the clashes.",
     [("injuries", "90", None), ("injuries", "six", "90")]),
    # a report of the state of some of them
    ("At least 60 people were injured. 14 of those are said to be in intensive care.",
     [("injuries", "At least 60", None), ("injuries", "14", "At least 60")]),
])
def test_injured_people(text, expected):
    got = parts(text)
    assert [(m, t) for m, t, _, _ in got] == [(m, t) for m, t, *_ in expected]
    assert [p for *_, p in got] == [e[2] if len(e) > 2 else None for e in expected]


@pytest.mark.parametrize("text,expected", [
    # a figure of protesters that nothing else counts is a crowd
    ("About 70 marchers carried banners past the embassy.", [("participants", "About 70")]),
    ("Scores of demonstrators chanted outside the court.", [("participants", "Scores")]),
    # a trigger of another measure still wins
    ("Police detained 45 protesters overnight.", [("detentions", "45")]),
])
def test_a_crowd_by_its_noun_alone(text, expected):
    assert read(text) == expected


def test_an_aside_between_dashes_naming_some_of_them():
    text = "Officials said up to 410 people – including 180 men and 190 women – are still missing."
    assert parts(text) == [("missing", "up to 410", "people", None), ("missing", "180", None, "up to 410"),
                           ("missing", "190", None, "up to 410")]


def test_an_aside_naming_who_the_others_are_is_still_not_read():
    assert read("Two guards and three others -- two men and a woman -- were wounded.") == [
        ("injuries", "Two guards and three")]


def test_who_the_victims_were():
    text = "The death toll rose to 35. The 13 victims of the tram blast included 9 Ostlanders and four visitors."
    assert parts(text) == [("deaths", "35", None, None), ("deaths", "13", None, "35"), ("deaths", "9", None, "13"),
                           ("deaths", "four", None, "13")]


@pytest.mark.parametrize("text", [
    "Two people were shot dead. The victims in stable condition include three teenagers.",
    "Five people were wounded. The victims range in age from 20 to 59 and included four men.",
])
def test_victims_described_by_their_state_or_age(text):
    # which victims is not said by the noun alone: no parts read from "include"
    assert len(claims(text)) == 1


def test_who_said_so_between_the_figure_and_its_verb():
    assert read("Seven people, according to the flood agency (FA), were killed in the valley.") == [("deaths", "Seven")]


@pytest.mark.parametrize("text,expected", [
    ("The study puts the death toll at 9,000, far below the official figure of 31,600.",
     [("deaths", "9,000"), ("deaths", "31,600")]),
    # "a total of" and "a figure of" with nothing counted before say nothing of what is counted
    ("Two people were killed, and a total of 30 were injured.", [("deaths", "Two"), ("injuries", "30")]),
    ("He gave a figure of 40 for the budget.", []),
])
def test_a_figure_of_what_the_sentence_counts(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the figure a count rose from is an earlier one; the one it rose to is the count
    ("The death toll rose from 12 to 20 overnight.", [("deaths", "12", True), ("deaths", "20", False)]),
    ("The number of injured rose from 1,200 to 1,500.", [("injuries", "1,200", True), ("injuries", "1,500", False)]),
    # a count told in steps: all but the last step are earlier figures
    ("The toll, which climbed from 1,100 on May 3 to 1,500 on May 4, to 2,100 on Saturday, to 2,300 on Tuesday, is disputed.",
     [("deaths", "1,100", True), ("deaths", "1,500", True), ("deaths", "2,100", True), ("deaths", "2,300", False)]),
    # "to" after people taken somewhere is no step of a count
    ("Police arrested 12 people and took 3 to the station.", [("detentions", "12", False)]),
])
def test_a_count_told_in_steps(text, expected):
    assert flagged(text) == expected


def test_a_crowd_by_its_noun_is_some_of_the_crowd():
    # a group of protesters doing something is at least that many: a lower bound, no rival to a march's size
    c = claims("About a dozen protesters tried to block the road.")[0]
    assert (c.measure, c.some_only) == ("participants", True)


def test_expected_to_draw_is_no_crowd():
    assert read("The fair is expected to draw thousands.") == []


def test_a_list_of_officers_and_other_civilians_is_people_in_general():
    from crosscheck.claims import extract_claims
    from crosscheck.models import Article
    (c,) = [c for c in extract_claims(Article(id="a", source="Wire", published="2025-09-17",
            text="The gunman wounded two police officers and three other bystanders before he was shot.")) if c.measure == "injuries"]
    assert (c.lo, c.subject) == (5.0, "people")


def test_animals_that_died_are_not_people():
    from crosscheck.claims import extract_claims
    from crosscheck.models import Article
    assert extract_claims(Article(id="a", source="Wire", published="2025-09-01",
                                  text="Over 700,000 livestock had perished and 12,000 cattle were killed.")) == []


def test_the_year_of_a_written_date_is_no_figure_whatever_follows_it():
    from crosscheck.numbers import find_quantities
    assert find_quantities("This photo from August 23, 2013 shows the funeral of the victims.") == []


def test_a_figure_after_a_full_date_is_no_day_of_it():
    from crosscheck.numbers import find_quantities
    assert [q.text for q in find_quantities("As at 29 August, 30 people had died.")] == ["30"]
    assert [q.text for q in find_quantities("The attack on August 30 killed 4.")] == ["4"]


def test_an_exponent_too_large_to_hold_is_no_figure_and_no_crash():
    from crosscheck.numbers import find_quantities
    assert [q.text for q in find_quantities("The blast killed 1e400 people; 3.2e5 were displaced.")][-1:] == ["3.2e5"]


def test_an_article_dated_on_the_last_possible_day_does_not_crash_the_stories():
    from crosscheck.api import check_articles
    from crosscheck.models import Article
    result = check_articles([Article(id="a", source="Wire", published="9999-12-31",
                                     text="On March 5 a storm killed 12 people.")])
    assert len(result.claims) == 1


def test_may_written_small_before_a_verb_is_no_month():
    from crosscheck.numbers import find_quantities
    assert [q.text for q in find_quantities("Officials said 25 may have died.")] == ["25"]
    assert [q.text for q in find_quantities("The protest on 25 May drew 300 people.")] == ["300"]
