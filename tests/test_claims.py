"""The claims stage: what each figure counts, of whom, according to whom, and when."""
import pytest

from crosscheck.claims import ClaimExtractor, load_measures
from crosscheck.models import Article

X = ClaimExtractor()


def claims(text):
    return X.extract(Article("t.txt", text))


def one(text, measure=None):
    cs = [c for c in claims(text) if measure is None or c.measure == measure]
    assert len(cs) == 1, [(c.measure, c.quantity.text) for c in claims(text)]
    return cs[0]


@pytest.mark.parametrize("text,measure,lo", [
    ("Three protesters died in the clashes.", "deaths", 3),
    ("The attack ended by killing three.", "deaths", 3),
    ("The death toll rose to 27 on Monday.", "deaths", 27),
    ("Officials counted 27 dead.", "deaths", 27),
    ("Dozens have been wounded.", "injuries", 24),
    ("He gained 80.1% of the vote.", "vote_share", 80.1),
    ("Thousands marched through the capital.", "participants", 2000),
    ("Police detained 140 protesters overnight.", "detentions", 140),
    ("Turnout was 84.2 percent.", "turnout", 84.2),
    ("The council put the damage at €2.5 million.", "money", 2.5e6),
    ("At least 300 families were evacuated from the valley.", "displaced", 300),
    ("Four climbers remain missing.", "missing", 4),
])
def test_measure_from_words_around_the_figure(text, measure, lo):
    c = one(text)
    assert (c.measure, c.quantity.lo) == (measure, lo)
    assert c.trigger is None or text[c.trigger_span[0]:c.trigger_span[1]] == c.trigger


def test_two_claims_in_one_clause():
    cs = claims("The blast left two people dead and four wounded.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("deaths", 2), ("injuries", 4)]
    cs = claims("The gunman killed three and injured five.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("deaths", 3), ("injuries", 5)]


def test_subjects_normalised():
    assert one("Three protesters died.").subject == "protesters"
    assert one("Twelve law enforcement officers were injured.").subject == "police officers"
    assert one("Two journalists were detained.").subject == "journalists"


def test_subset_is_part_of_the_whole():
    cs = claims("Hundreds of people were injured, among them over 120 law enforcement officers.")
    whole, part = cs
    assert part.part_of == whole.id and part.measure == "injuries" and whole.part_of is None


@pytest.mark.parametrize("text,who", [
    ("According to official data, over 6,700 people were detained.", "official data"),
    ("Two people were killed, police said.", "police"),
    ("The ministry said 40 people were hurt.", "The ministry"),
])
def test_attribution(text, who):
    assert one(text).attribution == who


def test_time_scope_and_increments():
    c = one("In the first days, over 6,700 people were detained.")
    assert c.scope == "In the first days"
    assert one("Police said they had detained hundreds more protesters.").quantity.increment
    assert one("Another five people were arrested on Thursday.").quantity.increment


def test_cumulative_totals():
    assert one("The death toll rose to 27.").cumulative
    c = one("A third person died in hospital on Sunday.")
    assert (c.measure, c.quantity.lo, c.cumulative) == ("deaths", 3, True)


def test_negation_and_hedging():
    c = one("No one was killed in the fire.")
    assert (c.measure, c.quantity.lo, c.quantity.hi) == ("deaths", 0, 0)
    assert one("Two climbers are feared dead.").hedged
    assert not one("Two climbers died.").hedged


def test_implicit_singulars():
    c = one("A man was shot and killed outside the bar on Friday.")
    assert (c.measure, c.quantity.lo, c.implicit) == ("deaths", 1, True)
    c = one("Police arrested a woman in connection with the fire.")
    assert (c.measure, c.implicit) == ("detentions", True)


def test_no_claim_without_a_trigger():
    assert claims("The committee has 12 members and met on August 9.") == []
    assert claims("He was re-elected for the sixth time.") == []


def test_user_measure_from_a_data_file(tmp_path):
    f = tmp_path / "homes.toml"
    f.write_text("[measures.homes_destroyed]\nlabel = 'homes destroyed'\n"
                 "after = ['homes? (?:were |was )?(?:destroyed|razed)']\nbefore = ['destroyed']\n")
    x = ClaimExtractor(load_measures(f))
    cs = x.extract(Article("a", "At least 40 homes were destroyed by the fire."))
    assert [(c.measure, c.quantity.lo) for c in cs] == [("homes_destroyed", 40)]


def test_claim_ids_are_stable_across_offsets():
    a = X.extract(Article("a", "Two people died."))[0]
    b = X.extract(Article("a", "Intro line here.\n\nTwo people died."))[0]
    assert a.id == b.id and a.quantity.start != b.quantity.start


@pytest.mark.parametrize("text", [
    "He was shot eight times and later died.", "He faces nine counts of attempted murder.",
    "The gunman crashed into two parked cars and was killed.",
])
def test_a_figure_counting_things_is_not_a_casualty_count(text):
    assert not [c for c in claims(text) if c.quantity.lo and c.quantity.lo > 1 and c.measure in ("deaths", "injuries")]


def test_agents_are_not_victims():
    assert not [c for c in claims("Two men shot a store clerk on Friday.") if c.quantity.lo == 2]
    assert one("Two men were shot on Friday.").measure == "injuries"


def test_background_statistics_are_marked():
    c = one("There have been 168 homicides in the city this year.")
    assert c.background and c.measure == "deaths"


def test_named_victims_and_implied_counts():
    c = one("Destin Wallace, 14, died at the hospital on Monday.")
    assert (c.measure, c.quantity.lo, c.implicit) == ("deaths", 1, True)
    assert one("He was convicted over a 2013 double murder.").quantity.lo == 2
    c = one("Police called it a murder-suicide.")
    assert (c.quantity.lo, c.quantity.hi, c.quantity.kind) == (2, None, "lower_bound")  # at least two


def test_shot_counts_injuries_only_when_nobody_died():
    assert one("Four people were shot outside the club.").measure == "injuries"
    cs = claims("Four people were shot outside the club. One of them died at the scene.")
    assert not [c for c in cs if c.measure == "injuries"]


def test_singular_victim_does_not_rival_the_articles_toll():
    cs = claims("Three people were killed on Friday. A 16-year-old girl died after being taken to hospital.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("deaths", 3)]


def test_displaced_by_forced_from_homes():
    c = one("Floods forced 300 families from their homes on Monday.")
    assert (c.measure, c.quantity.lo) == ("displaced", 300)


def test_coordinated_counts_are_summed():
    assert one("A gunfight left 3 men, 1 woman wounded.").quantity.lo == 4
    assert one("Two men and two women were killed.").quantity.lo == 4


@pytest.mark.parametrize("text", [
    "None of the injuries appeared to be life-threatening.",
    "She wants the officer who fired the shot to be held accountable.",
    "Stay with Action News 5 for more on this arrest.",
    "Two men were indicted in the shooting death of a teenager.",
])
def test_not_counts_of_casualties(text):
    assert not [c for c in claims(text) if c.measure in ("deaths", "injuries", "detentions") and c.quantity.lo != 1], \
        [(c.measure, c.quantity.text) for c in claims(text)]


def test_a_single_person_joined_to_a_count_is_added():
    assert one("Two women and an infant were killed in the shooting.").quantity.lo == 3


def test_turned_sixteen_is_an_age():
    assert not [c for c in claims("Briggs, who recently turned 16, was shot and killed.") if c.quantity.lo == 16]


def test_split_totals_give_the_injured():
    cs = claims("Five people were shot, one fatally, on Saturday.")
    assert sorted((c.measure, c.quantity.lo) for c in cs) == [("deaths", 1), ("injuries", 4)]


@pytest.mark.parametrize("text,expected", [
    ("One of five victims of the shooting dies in hospital.", []),
    ("Four people were shot and two were seriously injured.", [("injuries", 4)]),
    ("Two people were seriously injured.", [("injuries", 2)]),
])
def test_parts_and_states_are_not_totals(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


def test_those_still_in_hospital_are_some_of_the_hurt():
    """'Two victims remain hospitalized while the others were released': at least two were hurt (a
    lower bound), never the count of the hurt; after a count of the hurt, a part of it."""
    (c,) = claims("Two victims remain hospitalized while the others were released.")
    assert (c.measure, c.quantity.lo, c.some_only) == ("injuries", 2, True)
    cs = claims("Forty people were injured in the crash. Of those, 12 remain in hospital.")
    whole = next(c for c in cs if c.quantity.lo == 40)
    assert next(c for c in cs if c.quantity.lo == 12).part_of == whole.id


@pytest.mark.parametrize("text", [
    "Ketron Nathan, a 24-year-old father of three, was shot and killed outside the bar.",
    "Police arrested the second of two people wanted over the shooting death.",
    "Several witnesses describe the killing as an execution.",
])
def test_no_rival_toll_from_family_ordinals_or_witnesses(text):
    assert not [c for c in claims(text) if c.measure == "deaths" and c.quantity.lo > 1]


@pytest.mark.parametrize("text,measure", [
    ("A two-year-old boy found a loaded gun and shot himself.", "injuries"),
    ("Teen killed, another wounded in park shooting", "injuries"),
    ("An individual was shot in the stomach.", "injuries"),
    ("The victim was transported to a local hospital with minor injuries.", "injuries"),
])
def test_lone_victims(text, measure):
    assert (measure, 1) in [(c.measure, c.quantity.lo) for c in claims(text)]


def test_shooting_someone_else_is_not_being_shot():
    assert claims("A man shot his neighbor.") == []


def test_hospital_counts_injuries_only_when_nobody_died():
    assert one("Four victims were taken to the hospital.").measure == "injuries"
    cs = claims("All four victims were taken to the hospital, where one man was pronounced dead.")
    assert not [c for c in cs if c.measure == "injuries"]
    assert not [c for c in claims("His stepdaughter had two gunshot wounds.") if c.quantity.lo == 2]


@pytest.mark.parametrize("text", [
    "Five people were killed and at least 17 wounded in separate shootings across the city since Friday.",
    "3 dead, 26 wounded in weekend Detroit shootings",
    "A violent night in the city left two dead and six injured.",
    "Five people were shot to death and two hurt within four hours in Stockton.",
])
def test_roundups_of_several_incidents_are_marked(text):
    cs = [c for c in claims(text) if c.measure in ("deaths", "injuries")]
    assert len(cs) == 2 and all(c.roundup for c in cs)


def test_one_incident_is_not_a_roundup():
    assert not any(c.roundup for c in claims("Two people were killed and four wounded in a shooting at a party."))
    assert not any(c.roundup for c in claims("One man died within 24 hours of the shooting and two were hurt."))


@pytest.mark.parametrize("text,lo", [
    ("Three people were shot to death in a car.", 3), ("Police found two men stabbed to death.", 2),
])
def test_killed_by_a_manner_of_death(text, lo):
    assert one(text, "deaths").quantity.lo == lo


def test_a_headline_figure_the_body_gives_only_as_a_sum_of_incidents_is_that_sum():
    from crosscheck.ingest import with_headline
    body = "The coroner identified two men shot to death in separate incidents on Thursday."
    a = with_headline(Article("t.txt", body, title="Coroner identifies two homicide victims"))
    assert [(c.lo, c.roundup) for c in X.extract(a) if c.measure == "deaths"] == [(2, True), (2, True)]
    # said of this incident in the body too: the headline is this incident's toll
    b = with_headline(Article("t.txt", body + " Two men died in the first shooting.", title="Two men killed"))
    assert [(c.lo, c.roundup) for c in X.extract(b) if c.measure == "deaths"] == [(2, False), (2, True), (2, False)]


def test_deaths_in_a_disease_outbreak_are_another_incident():
    assert one("86 Sick, 7 Dead in 'Largest Outbreak of Legionnaires' in NYC'", "deaths").background
    assert not one("Three people died in an outbreak of gun violence.", "deaths").background


def test_as_well_as_is_no_also():
    c = one("At least three officers are injured, as well as multiple others.", "injuries")
    assert (c.lo, c.increment) == (3, False)


@pytest.mark.parametrize("text,measure,lo", [
    ("A man and his two kids were found dead inside their home.", "deaths", 3),
    ("Father and two children found dead inside home", "deaths", 3),
    ("Lee and her three children were shot dead.", "deaths", 4),
    ("Police confirm two civilians and a campus police officer died.", "deaths", 3),
    ("Three females and a male were wounded when gunfire erupted.", "injuries", 4),
    ("A man, two women and a small child were killed Saturday.", "deaths", 4),
    ("The suspect killed 2 adults, 2 teens at the home.", "deaths", 4),
    ("The gunman opened fire, killing two men and a woman.", "deaths", 3),
    # an appositive names the people counted; it adds nobody
    ("One victim, a 27-year-old woman, was pronounced dead at the scene.", "deaths", 1),
    ("Two people, a man and a woman, died at the scene.", "deaths", 2),
])
def test_people_counted_together_are_summed(text, measure, lo):
    assert one(text, measure).quantity.lo == lo


def test_people_set_apart_are_not_summed():
    assert one("They found one deceased male and one female victim who sustained injuries.", "injuries").quantity.lo == 1
    assert one("The shooting injured two women, one pregnant, and killed a man.", "injuries").quantity.lo == 2


def test_a_figure_that_did_something_may_still_have_suffered_something():
    # "injured a woman" has an object: the two did not get injured, but they were killed
    assert one("He killed two people and injured a woman.", "deaths").quantity.lo == 2
    # a headline's title case: "Hurt In" is no object
    assert one("1 Dead, 2 Hurt In Bar Shooting", "injuries").quantity.lo == 2


@pytest.mark.parametrize("text,lo", [
    ("A 2-year-old boy and a man in his 20s were killed in a shooting.", 2),
    ("Police released the names of the 41-year-old man and the 3-year-old boy shot dead on Sunday.", 2),
    ("The gunman killed a man and his son before fleeing.", 2),
    ("Murray police investigate apparent double murder-suicide", 3),
])
def test_implied_people_joined_by_and_are_counted_together(text, lo):
    c = one(text, "deaths")
    assert (c.quantity.lo, c.implicit) == (lo, True)


def test_an_agent_may_still_be_a_victim_of_an_earlier_verb():
    cs = {c.measure: c.quantity.lo for c in claims("The gunman killed a man and wounded a woman.")}
    assert cs == {"deaths": 1, "injuries": 1}


@pytest.mark.parametrize("text", [
    "He is wanted on one count of attempted murder.",
    "Two officers were indicted on murder charges.",
    "Ten federal agents joined the city's homicide unit.",
])
def test_crimes_charges_and_offices_are_not_deaths(text):
    assert not [c for c in claims(text) if c.measure == "deaths"]


def test_how_badly_after_a_total_is_a_part_of_it():
    total, part = [c for c in claims("Four people were wounded, one critically.") if c.measure == "injuries"]
    assert (total.quantity.lo, total.part_of) == (4, None)
    assert part.quantity.lo == 1 and part.part_of == total.id


def test_flags_for_partial_and_contested_tolls():
    assert one("One person died at the scene.").some_only
    assert one("Police: 5 dead, including gunman, in Georgia shooting").contested
    assert one("A shooting killed six people, including an unborn child.").contested
    assert not [c for c in claims("None of the injured were intended targets.") if c.measure == "injuries"]
    assert not [c for c in claims("Pastor Identified as One of Victims Killed by Gunman") if c.measure == "deaths"]


@pytest.mark.parametrize("text", [
    "Police are investigating a shooting that left four injured, one in critical condition.",
    "Three men and a woman were wounded, including one critically.",
])
def test_a_condition_after_a_total_is_a_part_of_it(text):
    cs = [c for c in claims(text) if c.measure == "injuries" and not c.part_of]
    assert [c.quantity.lo for c in cs] == [4]


def test_a_breakdown_of_an_uncounted_whole_is_not_a_total():
    assert claims("Seven men remained hospitalized Tuesday, one with critical injuries, after the attack.") == []
    # a different measure before it is not its whole
    assert {c.measure: c.quantity.lo for c in claims("3 dead, 1 critically wounded in shooting")} == \
        {"deaths": 3, "injuries": 1}


def test_a_trigger_after_a_figure_and_a_comma_belongs_to_that_figure():
    cs = [c for c in claims("Of the four wounded, three worked at the salon.") if not c.part_of]
    assert [(c.measure, c.quantity.lo) for c in cs] == [("injuries", 4)]
    assert {c.measure: c.quantity.lo for c in claims("More than one shooter hurt 15 people and killed one man.")} == \
        {"injuries": 15, "deaths": 1}


@pytest.mark.parametrize("text", [
    "One was grazed, the other suffered an injury that required surgery.",
    "One teenager was shot in the foot and the other in the leg.",
])
def test_one_of_a_set_counted_the_same_way_is_not_a_total(text):
    assert claims(text) == []


def test_one_set_against_the_other_of_another_measure_stays():
    assert {c.measure: c.quantity.lo for c in claims("One man was killed and the other was injured.")} == {"deaths": 1}


@pytest.mark.parametrize("text,lo", [
    ("The party left two dead, two critically injured and 22 others injured.", 24),
    ("Two victims were taken to a hospital by ambulance and three others were later taken to the hospital by car.", 5),
])
def test_others_beside_a_count_of_the_same_measure_are_added(text, lo):
    assert [c.quantity.lo for c in claims(text) if c.measure == "injuries"] == [lo]


def test_others_of_another_measure_or_in_a_breakdown_are_not_added():
    assert {c.measure: c.quantity.lo for c in claims("A man was killed and three others were wounded.")} == \
        {"deaths": 1, "injuries": 3}
    cs = [c.quantity.lo for c in claims("Officials said 20 were hurt, with 16 suffering gunshot wounds and four others "
                                         "sprains.") if c.measure == "injuries" and not c.part_of]
    assert 24 not in cs and 20 in cs


@pytest.mark.parametrize("text", [
    "Eight have been hurt or killed by gunfire this year.",
    "In two months, eight youths have been injured or killed by gunfire.",
    "The gunman killed or injured 8 people.",
])
def test_a_figure_of_two_measures_at_once_is_neither(text):
    assert [c for c in claims(text) if c.measure in ("deaths", "injuries")] == []


def test_shots_fired_are_not_people_shot():
    assert claims("He pulled out a gun and fired one shot at the other man.") == []
    assert [c.quantity.lo for c in claims("He shot at pedestrians and a bus, injuring 3 people.")] == [3]


def test_an_ordinal_victim_who_is_hurt_is_one_more_injured():
    # one more than the dead, and the only injured: the injuries total is one
    c = one("Three people were found shot to death and a fourth person was injured in a car.", "injuries")
    assert (c.quantity.lo, c.increment) == (1, False)
    assert one("Three people were found shot to death and a fourth person was injured in a car.", "deaths").quantity.lo == 3
    d = one("A third person died on Sunday.", "deaths")
    assert (d.quantity.lo, d.cumulative, d.increment) == (3, True, False)


@pytest.mark.parametrize("text", [
    "The victim was taken to a hospital in critical condition and pronounced dead.",
    "A man was shot and later died at the hospital.",
    "The 20-year-old man injured in a shooting last week died from his injuries Sunday.",
])
def test_a_person_hurt_who_dies_in_the_same_sentence_is_a_death(text):
    c = one(text)
    assert (c.measure, c.quantity.lo, c.implicit) == ("deaths", 1, True)


def test_a_death_of_someone_else_does_not_make_the_hurt_person_dead():
    assert one("A man was injured in the shooting that killed his brother.", "injuries").quantity.lo == 1


def test_a_repeated_caption_is_one_claim():
    text = ("Image 1 of 3 A child was shot at a home on Elm Street.\n\nImage 2 of 3 A child was shot at a home on "
            "Elm Street.\n\nImage 3 of 3 A child was shot at a home on Elm Street.")
    assert len([c for c in claims(text) if c.measure == "injuries"]) == 1


def test_people_are_whole_numbers():
    assert [c for c in claims("On average 2.5 people were injured.") if c.measure == "injuries"] == []


def test_an_inclusion_between_a_figure_and_its_trigger_is_skipped():
    text = "Police say four people, including an 11-year-old boy and a 13-year-old boy, were wounded on Friday."
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == [("injuries", 4)]


@pytest.mark.parametrize("text,lo", [
    ("Shooting Rampage That Killed Woman, Injured 2 Officers & 3 Others", 5),
    ("Two men, 18 and 20, and one woman, 19, were taken to Brookdale Hospital.", 3),
])
def test_lists_joined_by_ampersands_or_with_ages_between(text, lo):
    assert [c.quantity.lo for c in claims(text) if c.measure == "injuries"] == [lo]


def test_who_did_the_shooting_is_not_counted():
    cs = claims("A man is in serious condition after being shot by two men who demanded money.")
    assert [c.quantity.lo for c in cs if not c.implicit] == []


@pytest.mark.parametrize("text", [
    "One victim has life-threatening injuries, while the other two have non-life threatening injuries.",
    "Two are listed in critical but stable condition and the other three received minor injuries.",
    "Three people reported being targeted, including one who suffered a minor injury.",
    "Others were wounded, two critically, in the shooting.",
    "A shooting resulted in multiple victims, one suffering fatal injuries.",
])
def test_remainders_and_parts_of_uncounted_wholes_are_not_totals(text):
    assert [c for c in claims(text) if c.measure == "injuries" and not c.part_of] == []


def test_the_other_n_after_another_measure_is_a_total():
    assert {c.measure: c.quantity.lo for c in claims("One man died and the other three were wounded.")} == \
        {"deaths": 1, "injuries": 3}


@pytest.mark.parametrize("text,lo,kind,subject", [
    ("4 women, man, unborn child slain in backyard party ambush", 6, "exact", "people"),
    ("A man who police say shot two mothers and their daughters to death had a history.", 3, "lower_bound", "people"),
    ("Father and two children found dead inside of home", 3, "exact", "people"),
    ("Injured 2 Officers & 3 Others in Philadelphia", 5, "exact", "people"),
])
def test_lists_of_different_people(text, lo, kind, subject):
    c = [c for c in claims(text) if not c.implicit][0]
    assert (c.quantity.lo, c.quantity.kind, c.subject) == (lo, kind, subject)


def test_the_killer_named_after_his_victims_is_one_more_contested():
    c = one("Gunman kills 3 bandmates, self after being kicked out of band", "deaths")
    assert (c.quantity.lo, c.contested) == (4, True)


@pytest.mark.parametrize("text", [
    "His other two murder victims were a father and a plumber.",
    "Mass Shooter Planned To Kill Hundreds With Stockpile Of Guns",
    "The identities of three victims killed by a gunman have been revealed.",
])
def test_not_a_toll_of_the_story(text):
    assert [c for c in claims(text) if c.measure == "deaths"] == []


def test_roundups_background_and_parts_of_a_roundup():
    assert one("They made 15 arrests for those crimes during the weekend.").roundup
    assert one("The town has had seven or eight homicides for the year, police said.").background
    c = one("The four men killed in the restaurant were among seven people gunned down in three separate shootings.")
    assert (c.quantity.lo, c.roundup) == (4, False)


def test_a_bond_each_is_not_a_bond_in_total():
    assert one("They were ordered held on $10 million bond each.", "money").subject == "bond each"
    assert one("He is being held on $2-million bond.", "money").quantity.lo == 2_000_000


def test_one_for_each_is_not_a_count():
    assert claims("He faces 17 counts of attempted murder – one for each person wounded in the gunfire.") == []


def test_the_rest_of_a_breakdown_is_a_part():
    text = "Two of the victims were in critical condition and two suffered minor injuries, officials said."
    assert [c for c in claims(text) if not c.part_of] == []


def test_a_list_with_an_increment_is_an_increment():
    c = one("Five more officers and four other civilians were injured.", "injuries")
    assert (c.quantity.lo, c.increment) == (9, True)


def test_a_headline_bare_noun_before_a_count_is_added():
    assert one("Baby, 4 people injured in drive-by shooting", "injuries").quantity.lo == 5
    assert one("Smith, two others wounded.", "injuries").quantity.lo == 2


def test_the_other_n_opening_a_sentence_after_a_total_is_a_part():
    cs = claims("Eight people were wounded in the shooting. The other five had stress related injuries.")
    assert [c.quantity.lo for c in cs if c.measure == "injuries" and not c.part_of] == [8]


def test_an_earlier_figure_the_article_corrects_is_marked():
    c = one("Police initially said five were wounded.", "injuries")
    assert c.superseded
    assert not one("Police said five were wounded.", "injuries").superseded


@pytest.mark.parametrize("text", [
    '"Nobody likes to hear of a kid getting killed by a gun," she said.',
    "The four remaining victims killed during the rampage were identified.",
    "The two most recent killings occurred just after 11 p.m. Thursday.",
])
def test_feelings_and_some_of_the_victims_are_not_tolls(text):
    assert [c for c in claims(text) if c.measure == "deaths"] == []


@pytest.mark.parametrize("text,lo", [
    ("Miami man killed 2 daughters in car before shooting himself, deputies say", 3),
    ("A student fatally shot three people last month before turning the gun on himself.", 4),
])
def test_victims_before_the_killer_turned_the_gun_on_himself(text, lo):
    c = one(text, "deaths")
    assert (c.quantity.lo, c.contested) == (lo, True)


@pytest.mark.parametrize("text,lo", [
    ("A man whose sister, nephew and two other relatives were killed faces one charge.", 4),
    ("Officials said a man, a woman and two children were killed.", 4),
    ("The mother, father and three children were found dead.", 5),
])
def test_a_list_of_single_people_before_a_count(text, lo):
    assert one(text, "deaths").quantity.lo == lo


def test_a_period_in_the_figures_own_clause_makes_it_background():
    assert one("A report said 67 officers have been killed in the line of duty this year through July 20 — "
               "an increase.", "deaths").background
    assert not one("Five people were killed on Sunday, the city's 40th homicide this year.", "deaths").background
    assert one("Police arrested four men on unrelated charges.", "detentions").background


@pytest.mark.parametrize("text,expected", [
    ("Two of the cars were damaged and three people were seriously injured.", [("injuries", 3)]),
    ("Two people were wounded Sunday, and police are still looking for the other man who shot at the house.",
     [("injuries", 2)]),
    ("Two people are believed to have been killed.", [("deaths", 2)]),
    ("The death toll rose to 112.", [("deaths", 112)]),
    ("Police said '12 people were injured'.", [("injuries", 12)]),
])
def test_review_regressions_stay_counted(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


def test_only_the_figure_the_article_corrects_is_superseded():
    cs = claims("Initial reports said two were hurt; police now say 5 people were injured.")
    assert [(c.quantity.lo, c.superseded) for c in cs] == [(2, True), (5, False)]
    assert not one("Police initially responded to a call and found three people dead.", "deaths").superseded


def test_a_repeat_with_other_flags_is_kept():
    cs = claims("Police initially said two people were killed. Later, police said two people were killed.")
    assert [c.superseded for c in cs] == [True, False]


def test_also_after_people_already_counted_is_an_increment():
    cs = claims("Three officers were wounded by the sniper. Two civilians were also injured in the shooting.")
    assert [(c.quantity.lo, c.increment) for c in cs] == [(3, False), (2, True)]
    # the 'also' of a death, or the same figure restated, is still the toll
    cs = claims("A child is dead after a shooting that also injured three others.")
    assert [(c.measure, c.quantity.lo, c.increment) for c in cs] == [("deaths", 1, False), ("injuries", 3, False)]
    cs = claims("The shooting left one man dead and three others injured. Three other men were also wounded.")
    assert [c.increment for c in cs if c.measure == "injuries"] == [False, False]


def test_a_headline_is_not_what_the_bodys_also_adds_to():
    text = "1 dead, 3 hurt in shooting\n\nA man was killed on Main Street. Two others were also injured."
    cs = [c for c in X.extract(Article("t.txt", text, title="1 dead, 3 hurt in shooting")) if c.measure == "injuries"]
    assert [(c.quantity.lo, c.increment) for c in cs] == [(3, False), (2, False)]


@pytest.mark.parametrize("text", [
    "The targets were in the same gang as those in another nearby shooting last month that left two dead.",
    "Police believe it was retaliation for a Labor Day shooting that left two people dead.",
    "Three people were killed on Sunday in another shooting across town.",
    "In two-and-a-half years there were 45 such shootings, with 29 children killed.",
])
def test_figures_of_another_incident_are_background(text):
    assert one(text, "deaths").background


@pytest.mark.parametrize("text", [
    "Another shooting Saturday left two people dead.",
    "The shooting that killed two people was in retaliation for a shooting last week.",
])
def test_the_storys_own_figure_beside_another_incident_is_not_background(text):
    assert not one(text, "deaths").background


@pytest.mark.parametrize("text", [
    "He was one of three people killed and 27 wounded over an eight-hour stretch that night.",
    "Briggs was one of nine people killed and 46 wounded by gunfire in Chicago during that June weekend.",
])
def test_one_of_a_citys_weekend_toll_is_a_roundup(text):
    assert one(text, "injuries").roundup


@pytest.mark.parametrize("text,measure,lo", [
    ("A 13-month-old boy and 20-year-old man were both shot overnight.", "injuries", 2),
    ("Officials say a 16-year-old and two children were shot late Saturday.", "injuries", 3),
    ("A 39-year-old woman, 21-year-old man and a 15-year-old girl are recovering from their injuries.", "injuries", 3),
    ("A 39-year-old woman, a 21-year-old man, and a 15-year-old girl were wounded.", "injuries", 3),
    ("A mother and her 2-year-old are dead.", "deaths", 2),
    ("Two women ages 17-year-old and 25-year-old were treated and released.", "injuries", 2),
])
def test_people_named_by_their_age_in_a_list_are_counted(text, measure, lo):
    assert one(text, measure).quantity.lo == lo


def test_a_zero_in_an_article_that_counts_someone_is_a_part():
    cs = claims("A man was shot in the leg on Sunday. No officers were injured.")
    assert [(c.quantity.lo, c.implicit, bool(c.part_of)) for c in cs] == [(1, True, False), (0, False, True)]
    cs = claims("Three people were wounded. None of the children were hurt.")
    assert [(c.quantity.lo, bool(c.part_of)) for c in cs] == [(3, False), (0, True)]
    assert not one("No one was injured in the shooting.").part_of


@pytest.mark.parametrize("text,increment", [
    ("Three people were wounded in the shooting. Two others were hurt by flying glass.", True),
    ("Two people were wounded. Police said a woman was killed and two others were injured.", False),
    ("One person died at the scene. Two others were wounded.", False),
    ("A man was killed and two others were wounded.", False),
])
def test_others_after_people_counted_the_same_way_are_more_of_them(text, increment):
    last = [c for c in claims(text) if c.measure == "injuries"][-1]
    assert (last.quantity.lo, last.increment) == (2, increment)


@pytest.mark.parametrize("text", [
    "He came out with a handful of blood, so he realized that he was injured.",
    "Police said only one shot was fired and no bystander was near; the man was injured.",
    "Dozens of rounds were fired before anyone was hurt.",
])
def test_counts_of_things_are_not_counts_of_people(text):
    assert [c.quantity.text for c in claims(text) if not c.implicit] == []


def test_thousands_of_a_named_people_still_count():
    assert one("Thousands of Muscovites marched.", "participants").quantity.lo == 2000


def test_the_citys_last_shooting_and_those_shootings_are_not_the_story():
    assert one("The city's last shooting injured two people in Kanawha City.", "injuries").background
    assert one("More than 3,290 people have been injured in those shootings.", "injuries").roundup


def test_one_victim_is_one_of_several_injured_but_may_be_the_one_death():
    cs = claims("Three people were shot. One victim suffered non-life threatening injuries.")
    assert [(c.quantity.lo, bool(c.part_of)) for c in cs] == [(3, False), (1, True)]
    assert not one("One victim was pronounced dead at the scene.", "deaths").part_of
    assert [c for c in claims("One of our K-9 dogs was injured during the arrest.")] == []


@pytest.mark.parametrize("text,measure,lo", [
    ("Both the suspect and the minor child were transported to a local hospital with minor injuries.", "injuries", 2),
    ("A man and child were injured Friday during an exchange of gunfire.", "injuries", 2),
    ("A woman and toddler died after they were shot.", "deaths", 2),
    ("A boy playing with a gun accidentally shot himself and a friend on Monday night.", "injuries", 2),
])
def test_pairs_of_single_people_share_their_trigger(text, measure, lo):
    assert one(text, measure).quantity.lo == lo


def test_relatives_of_the_victim_are_not_counted():
    assert [c for c in claims("The mother and brother of an 8-year-old girl who died were arrested.")
            if c.measure == "deaths" and c.quantity.lo != 1] == []


@pytest.mark.parametrize("text", [
    "The person who reported the shooting to 9-1-1 said it was accidental, and the boy was injured.",
    "Their mother, who police believe is about 40, was also found in the basement with multiple injuries.",
    "Twenty-three other people were wounded in shootings.",
    "The campaign targets the three most prevalent factors contributing to crash injuries.",
])
def test_no_total_from_a_phone_number_an_age_a_roundup_or_factors(text):
    assert [c.quantity.lo for c in claims(text) if c.measure == "injuries" and c.compared_as_total and not c.roundup
            and not c.implicit] == []


def test_an_additional_person_is_one_more():
    assert one("An additional passenger sustained minor injuries.", "injuries").increment


@pytest.mark.parametrize("text,injured,dead", [
    ("A shootout erupted, leaving six people wounded -- two mortally, authorities said.", 4, 2),
    ("Sixteen people were shot -- one fatally -- inside a nightclub.", 15, 1),
    ("Three men were wounded, one mortally.", 2, 1),
    ("Five people were shot, two of them fatally.", 3, 2),
    ("Five people were shot on Elm Street, two of whom died.", 3, 2),
    ("Three people were wounded, one of whom later died at a hospital.", 2, 1),
    # the next sentence, or one after it in the same paragraph, says who of them died
    ("Police said 10 people were wounded. One of the victims was killed.", 9, 1),
    ("Four people were injured. Two men and two women were taken to hospitals. One of the men later died.", 3, 1),
])
def test_wounded_of_whom_some_died_leaves_the_rest_injured(text, injured, dead):
    assert (one(text, "injuries").quantity.lo, one(text, "deaths").quantity.lo) == (injured, dead)


def test_the_dead_among_the_wounded_add_to_the_other_dead():
    cs = claims("A man was killed and four people were hurt. One of the injured later died.")
    assert [c.lo for c in cs if c.measure == "injuries" and c.compared_as_total] == [3]
    assert sorted(c.lo for c in cs if c.measure == "deaths") == [1, 1]  # two singulars: at least one each
    # the headline gave the toll: "One of the men" is read as a part of it, and the injured are still the rest
    cs = claims("Four shot outside club; 1 dead\n\nFour people were injured in a shooting. One of the men later died.")
    assert [c.lo for c in cs if c.measure == "injuries"] == [3]
    # a new paragraph is another part of the story: its "one of the victims" is not the wounded's
    cs = claims("Four people were injured in the shooting.\n\nOne of the victims was killed in 2012.")
    assert [c.lo for c in cs if c.measure == "injuries"] == [4]


def test_one_and_the_others_in_a_condition_is_a_breakdown():
    assert [c for c in claims("One person was critically wounded, and the three others are in stable condition.")
            if c.measure == "injuries" and c.compared_as_total] == []
    assert one("At least eight others were injured at those six crime scenes.", "injuries").roundup


def test_them_and_n_others_is_more_than_n():
    c = one("The note gave no reason for the rampage that left them and three others dead.", "deaths")
    assert (c.quantity.lo, c.quantity.kind) == (5, "lower_bound")
    assert one("The gunman shot both and two others dead.", "deaths").quantity.lo == 4


@pytest.mark.parametrize("text", [
    "News of the shooting had one local mother keeping her own three boys inside today.",
    "Two of the victims - who range in age from 23 to 31 - were hospitalized in critical condition.",
])
def test_a_mother_kept_inside_and_ages_are_not_injured_counts(text):
    assert [c.quantity.lo for c in claims(text) if c.measure == "injuries" and c.compared_as_total] == []


def test_earlier_had_said_and_nationwide_figures_are_not_the_storys():
    assert one("Vice Adm. Bill French earlier had said that the number of injured was 14.", "injuries").superseded
    assert one("Figures showed that 19 officers had been slain nationwide in July.", "deaths").roundup
    assert not one("He shot and killed three officers, weeks after a shooting that sparked nationwide protests.",
                   "deaths").roundup


@pytest.mark.parametrize("text", [
    "Two teenagers, one 16 and the other 17, were injured Monday afternoon in a shooting.",
    "No one inside the community center was injured during the shooting.",
    "Nobody inside the vehicle was injured.",
])
def test_ages_of_a_pair_and_zeros_of_one_place_are_not_tolls(text):
    assert [c.quantity.lo for c in claims(text) if c.measure == "injuries" and c.compared_as_total] == []


def test_one_who_opens_the_story_of_one_of_them():
    cs = claims("Four people were shot. One, who was shot in the left foot, was treated and released.")
    assert [(c.quantity.lo, bool(c.part_of)) for c in cs if c.measure == "injuries"] == [(4, False), (1, True)]


def test_non_life_threatening_injuries_give_the_count():
    cs = claims("One man died at the scene. Three other people suffered non-life-threatening injuries.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("deaths", 1), ("injuries", 3)]
    cs = claims("Three of the victims are in serious but stable condition and two suffered non-life threatening injuries.")
    assert [c for c in cs if c.measure == "injuries" and c.compared_as_total] == []


def test_one_of_the_victims_named_is_one_of_several_injured():
    assert [c for c in claims("One of the victims, a man, is listed in critical condition.")] == []
    assert one("One of the victims, Jeffery Webb, 47, later died, police said.", "deaths").quantity.lo == 1


@pytest.mark.parametrize("text", [
    "The feud led to a series of back-and-forth shootings that have left three people dead and eight wounded.",
    "Gun crimes jumped from 74 people injured from January to November 2014 to 102 so far in 2015.",
])
def test_feuds_and_year_on_year_figures_are_not_the_story(text):
    assert [c for c in claims(text) if c.compared_as_total and not c.roundup] == []


def test_how_badly_some_were_hurt_after_a_larger_count_is_a_part():
    cs = claims("Nine people were wounded in the shooting. Two suffered life-threatening injuries.")
    assert [(c.quantity.lo, bool(c.part_of)) for c in cs] == [(9, False), (2, True)]
    cs = claims("Three people were hurt. Police said all four victims suffered non-life-threatening injuries.")
    assert [c.part_of for c in cs] == [None, None]
    cs = claims("Two people were shot. One man died, one is in stable condition.")
    assert not one("Two people were shot. One man died, one is in stable condition.", "deaths").part_of


def test_other_overnight_incidents_are_a_roundup():
    assert one("Four other overnight incidents left eight people wounded, police said.", "injuries").roundup


@pytest.mark.parametrize("text", [
    "The last two San Diego police officers slain in the line of duty were Christopher Wilson and Jeremy Henwood.",
    "There is no sign they were targeted, as in recent incidents in Dallas and Baton Rouge that left eight officers dead.",
    "Police were on alert in the wake of fatal ambushes in Baton Rouge and Dallas that left eight officers dead.",
])
def test_earlier_killings_recalled_are_not_the_storys_toll(text):
    assert [c for c in claims(text) if c.measure == "deaths" and c.compared_as_total] == []


def test_an_aside_naming_the_others_is_not_a_count_of_its_own():
    assert one("Two police officers and three others -- two men and a woman -- also were wounded.",
               "injuries").quantity.lo == 5


@pytest.mark.parametrize("text,expected", [
    ("The shooting sent five people to the hospital.", [("injuries", 5)]),
    ("One of the victims in the shooting that sent five people to the hospital has died.", []),
    ("Police sent five officers to the scene.", []),
    ("Police rushed the boy to a local hospital where he was pronounced dead.", [("deaths", 1)]),
])
def test_sent_to_the_hospital_and_died_there(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


def test_found_dead_inside_a_vehicle_counts_only_those_there():
    assert one("Police found the two dead inside the vehicle.", "deaths").some_only


def test_himself_and_another_are_two():
    c = one("The boy is charged after a shooting that sent both himself and an 11-year-old girl to the hospital.",
            "injuries")
    assert c.quantity.lo == 2


@pytest.mark.parametrize("text", [
    "Two separate Jackson County hunting accidents Sunday morning left two injured.",
    "Another person was fatally shot Monday night and nine other people were wounded in attacks in Chicago.",
    "Police say shootings injured four people at a parking lot and two in a robbery in Jackson.",
])
def test_several_incidents_are_a_roundup(text):
    assert all(c.roundup for c in claims(text) if c.measure == "injuries" and not c.implicit)


def test_dogs_and_a_hundred_metre_champion_are_not_injured_people():
    assert [c for c in claims("Two dogs were also wounded.")] == []
    assert [c for c in claims("The 100- and 200-meter champion suffered a hamstring injury.") if c.measure == "injuries"] == []


@pytest.mark.parametrize("text,flag", [
    ("Police don't think the violence was connected to shootings across the avenue that injured seven people.", "background"),
    ("Unlike sniper attacks on police that killed five officers in Dallas, there was no sign of an ambush.", "background"),
    ("3 dead, 5 hurt in South Side shootings", "roundup"),
])
def test_other_shootings_named_in_passing(text, flag):
    cs = [c for c in claims(text) if not c.implicit]
    assert cs and all(getattr(c, flag) for c in cs)


def test_the_storys_own_shootings_stay_the_story():
    assert not one("Police arrested a man connected to the shooting that killed two people.", "deaths").background
    assert not one("Two people were killed in the shootings at two churches.", "deaths").roundup
    assert not one("One day after a shooting spree ended with five deaths, police named the gunman.", "deaths").background


def test_the_trigger_nearest_the_figure_wins():
    assert one("The shooting left a co-owner, O'Neil Bandoo, dead and injured five other men.", "injuries").quantity.lo == 5
    assert one("He fatally shot two people on the first floor.", "deaths").quantity.lo == 2
    assert [c for c in claims("Our detectives were running from one homicide to the next.")] == []


def test_a_figure_of_time_after_the_trigger_does_not_take_it():
    assert one("Two people were killed two days ago.", "deaths").quantity.lo == 2
    assert [(c.measure, c.quantity.lo) for c in claims("Police killed three and injured five.")] == [
        ("deaths", 3), ("injuries", 5)]


def test_years_ago_is_background_but_a_follow_up_months_later_is_the_story():
    assert one("Eight died in a hair salon shooting in Seal Beach three years ago.", "deaths").background
    c = one("A man was held in connection with a shooting that killed three people at a barbecue two months ago.",
            "deaths")
    assert not c.background
    assert [c for c in claims("He was convicted of the attempted murder of one victim.") if c.measure == "deaths"] == []


def test_the_n_other_after_the_measure_was_counted_are_the_rest():
    cs = claims("Five people were wounded. The three other injured victims are expected to recover.")
    assert [c.quantity.lo for c in cs if c.measure == "injuries" and c.compared_as_total] == [5]
    assert one("The two other victims were injured.", "injuries").quantity.lo == 2


def test_after_shootings_is_a_roundup_after_the_shootings_is_not():
    assert one("2 dead, 7 hurt after shootings on Detroit's east side", "deaths").roundup
    assert not one("Two people died after the shootings at two churches.", "deaths").roundup


def test_the_state_before_the_noun_is_not_the_subject():
    assert one("The three injured pupils had run back into the school.", "injuries").subject == "children"


def test_those_taken_to_hospital_after_a_larger_count_are_some_of_them():
    cs = claims("In all, four people were shot, and three were taken to the hospital.")
    assert [(c.quantity.lo, bool(c.part_of)) for c in cs] == [(4, False), (3, True)]
    assert not one("Three people were taken to the hospital.", "injuries").part_of


def test_a_man_who_shot_into_a_crowd_is_the_shooter():
    cs = claims("Witnesses said a man shot into a crowd during a fight, injuring the child.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("injuries", 1)]
    assert cs[0].quantity.text.lower() == "the"


@pytest.mark.parametrize("text,expected", [
    ("A family was walking home when two people shot at them, police said.", []),
    ("A man was shot at by police but not hit.", []),
    ("The four men and three women shot at the party were identified.", [("injuries", 7)]),
])
def test_shot_at_is_aimed_at_not_hit(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


@pytest.mark.parametrize("text", [
    "He had five previous sealed arrests on his rap sheet, police sources said.",
    "Police will not release the male suspect's name until he is arrested.",
])
def test_a_record_and_an_arrest_to_come_are_not_detentions_in_the_story(text):
    assert [c for c in claims(text) if c.measure == "detentions"] == []


@pytest.mark.parametrize("text,expected", [
    ("Teen injured in accidental shooting", [("injuries", 1)]),
    ("Belgrade boy dies from gunshot wound", [("deaths", 1)]),
    ("Man killed, boy injured in apparent drive-by shooting", [("deaths", 1), ("injuries", 1)]),
    ("Toddler, Man Killed in New Jersey Shooting: Prosecutors", [("deaths", 2)]),
    ("Kenosha fatal shooting victim identified as 23-year-old Sean Bialas", [("deaths", 1)]),
    ("A Hopkinsville teen is recovering after an accidental shooting Saturday.", [("injuries", 1)]),
    ("Man who shot and killed son, himself, had domestic violence history", []),
    ("Woman hurt in drive-by shooting now charged with murder", [("injuries", 1)]),
    ("A man who was shot on Sunday died.", [("deaths", 1)]),
])
def test_headline_people_without_an_article(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


def test_the_boy_who_shot_himself_is_a_victim():
    assert one("A 4-year-old boy who shot himself at home has died.", "deaths").quantity.lo == 1


def test_the_one_who_shot_someone_is_not_the_one_in_critical_condition():
    assert [c for c in claims("Boy accidentally shoots his sister, leaves her in critical condition")
            if c.measure == "injuries" and c.quantity.text == "Boy"] == []
    assert one("Woman killed in Joliet shooting; 4-year-old daughter, brother wounded", "injuries").quantity.lo == 2


def test_the_critically_wounded_are_some_of_the_injured():
    assert one("Two people were critically wounded.", "injuries").some_only
    assert one("No police officers were seriously hurt.", "injuries").some_only
    assert not one("Three people were wounded.", "injuries").some_only


def test_a_sentence_about_one_scene_of_an_event_counts_some_of_it():
    cs = claims("Soon after, two people were fatally shot and two others wounded at a barbershop.")
    assert [(c.measure, c.quantity.lo, c.some_only) for c in cs] == [("deaths", 2, True), ("injuries", 2, True)]
    assert not one("Two people were killed.", "deaths").some_only


def test_a_time_after_the_trigger_is_not_its_object():
    cs = claims("The shooting left two dead and six injured the night before.")
    assert [(c.measure, c.quantity.lo) for c in cs] == [("deaths", 2), ("injuries", 6)]


@pytest.mark.parametrize("text,expected", [
    ("Shootout at a tavern leaves 1 dead, injures five", [("deaths", 1), ("injuries", 5)]),
    ("Shooting injures 1 child and 1 adult.", [("injuries", 2)]),
    ("Burnsworth was charged as an adult with criminal homicide.", []),
])
def test_injures_an_adult_and_charged_as_an_adult(text, expected):
    assert [(c.measure, c.quantity.lo) for c in claims(text)] == expected


def test_killings_weeks_apart_are_a_roundup():
    assert one("Two brothers were killed just weeks apart.", "deaths").roundup
    assert not one("He opened fire at a car wash and a barbershop a mile apart, killing four people.", "deaths").roundup


@pytest.mark.parametrize("text,injured", [
    ("Five people are dead, six more shot, and police are searching for the gunman.", 6),
    ("Two people were killed and three more were wounded.", 3),
    ("Two people were killed and four others shot.", 4),
])
def test_more_than_the_dead_is_the_total_of_the_wounded(text, injured):
    hurt = one(text, "injuries")
    assert hurt.lo == injured and hurt.compared_as_total


def test_more_of_the_same_measure_is_still_an_increment():
    cs = claims("Three people were wounded on Monday. Two more were wounded on Tuesday.")
    assert [c.increment for c in cs] == [False, True]


def test_an_earlier_month_or_year_than_the_article_is_another_event():
    def background(text, published="2016-01-26"):
        return [(c.measure, c.background) for c in X.extract(Article("t.txt", text, published=published))]
    assert background("In December, a woman drove her car onto the sidewalk, injuring 36 people.") == [("injuries", True)]
    assert background("In January, a gunman killed three people.") == [("deaths", False)]  # the article's month
    assert background("The four were arrested on charges stemming from a 2013 search of his home.") == [("detentions", True)]
    assert background("Police arrested four men in the 2016 shooting.") == [("detentions", False)]
    # an undated article tells nothing
    assert background("In December, a gunman killed three people.", published=None) == [("deaths", False)]


def test_arrests_on_unrelated_charges_are_background():
    c = one("Police have a suspect: a man arrested on unrelated drug and weapons charges.", "detentions")
    assert c.background
    assert not one("Police arrested two men on murder charges.", "detentions").background


def test_a_headline_that_says_also_adds_to_people_it_does_not_count():
    from crosscheck.ingest import with_headline
    a = with_headline(Article("t.txt", "Two college officers were injured in the chaos.",
                              title="Two El Centro officers also wounded in sniper ambush"))
    # the body's "two college officers" are the same two: an addition too, not the officers' toll
    assert [(c.lo, c.increment) for c in X.extract(a)] == [(2, True), (2, True)]
    b = Article("b.txt", "Three civilians were wounded. Two officers were also hurt. "
                         "Police said two officers were injured in the blast.")
    # in the body, "also" of people no figure before counted is more of the hurt, and all of the officers
    # hurt: their own count (the same figure again agrees with it)
    assert [(c.lo, c.increment, c.subject) for c in X.extract(b)] == [
        (3, False, "civilians"), (2, False, "police officers"), (2, False, "police officers")]


def test_one_standing_for_a_thing_is_not_a_count():
    assert claims("Police found his fingerprint on a gun like one used in the killings.") == []


def test_an_ing_clause_after_a_figure_has_its_own_object():
    cs = claims("Two men were arrested in a shooting that wounded 5, killing an unborn baby.")
    assert [(c.measure, c.lo) for c in cs if c.measure != "detentions"] == [("injuries", 5), ("deaths", 1)]
    assert one("He is accused of shooting a pregnant teenager, killing her.", "deaths").lo == 1


def test_the_hurt_taken_to_one_of_several_named_hospitals_are_some_of_them():
    text = ("Two men and one woman were transported to Brookdale Hospital. "
            "Four other victims were rushed to Kings County Hospital.")
    assert [c.some_only for c in claims(text) if c.measure == "injuries"] == [True, True]
    # one hospital named: those taken there may be all the hurt
    assert not one("Three people were taken to Kings County Hospital.", "injuries").some_only


@pytest.mark.parametrize("text,background", [
    ("The shooting came six weeks after a massacre at a nightclub in Orlando where a gunman killed 49 people.", True),
    ("Students honored two classmates killed in a car crash last spring.", True),
    ("A boy was killed in a hunting accident.", False),  # an accidental shooting is the story
    ("Two people were killed in the shooting.", False),
])
def test_other_events_and_other_causes_of_death_are_background(text, background):
    assert one(text, "deaths").background is background


@pytest.mark.parametrize("text,increment", [
    ("Lamont Powell, 24, was badly wounded in the ambush. Two others were wounded when gunmen opened fire.", True),
    ("Police arrested Cleveland Smelley on Friday. Two other people were taken into custody earlier.", True),
    # besides the dead man named before: the others are all the wounded
    ("Jaquise Lewis, 17, was shot and killed at the skate park. Six others were injured in the shooting.", False),
    ("One man was killed. Two others were wounded.", False),
])
def test_others_after_a_person_named_the_same_way_are_besides_that_person(text, increment):
    c = [c for c in claims(text) if c.measure in ("injuries", "detentions") and not c.implicit][-1]
    assert c.increment is increment


@pytest.mark.parametrize("text,some", [
    ("A man was shot in the leg and three other people were wounded.", True),
    ("A pregnant woman was shot five times and her unborn baby was killed in a shooting that injured four other people.", True),
    ("A man was killed and three others were wounded.", False),
    ("The shooting killed one man and wounded three other people.", False),
    ("A man was shot and killed and two others were wounded.", False),
])
def test_others_besides_someone_hurt_are_some_of_the_hurt(text, some):
    c = one(text, "injuries")
    assert c.some_only is some and not c.increment


def test_a_headlines_others_read_as_the_bodys():
    from crosscheck.ingest import with_headline
    body = "A pregnant woman was shot and her baby was killed in a shooting that injured four other people."
    a = with_headline(Article("t.txt", body, title="Baby killed, 4 others injured in drive-by"))
    assert [c.some_only for c in X.extract(a) if c.measure == "injuries"] == [True, True]
    # "1 dead" over "one died at the scene" is still the whole toll
    b = with_headline(Article("t.txt", "One man died at the scene.", title="1 dead in shooting"))
    assert [c.some_only for c in X.extract(b) if c.measure == "deaths"] == [False, True]


def test_surrendering_to_police_is_a_detention_and_others_in_custody_add_to_it():
    cs = claims("A suspect surrendered to police today at a hotel. Two other people were taken into custody earlier.")
    # at least the one, and two more
    assert [(c.measure, c.lo, c.implicit, c.increment) for c in cs] == [("detentions", 1, True, False),
                                                                         ("detentions", 2, False, True)]
    assert one("The man turned himself in on Friday.", "detentions").lo == 1


def test_a_figure_said_of_that_killing_of_an_earlier_year_is_background():
    text = ("They believe he murdered his best friend in 2013.\n\n"
            "Nobody has been charged in that killing, though police have called him a suspect.")
    assert [c.background for c in X.extract(Article("a", text, published="2016-07-05"))] == [True]
    assert [c.background for c in X.extract(Article("a", text, published="2013-07-05"))] == [False]


def test_a_crowd_at_another_occasion_is_a_subject_of_its_own():
    assert one("Hundreds attended a vigil for the victims on Sunday.", "participants").subject == "vigil"
    assert one("Five attended graduation ceremonies.", "participants").subject == "ceremony"
    assert one("Thousands marched through the capital.", "participants").subject is None


def test_users_add_occasions_of_their_own(tmp_path):
    from crosscheck.claims import load_measures
    extra = tmp_path / "m.toml"
    extra.write_text('[measures.participants.occasions]\nconcert = ["concerts?"]\n', encoding="utf-8")
    x = ClaimExtractor(load_measures(extra))
    assert [c.subject for c in x.extract(Article("a", "About 500 attended the concert."))] == ["concert"]
    assert [c.subject for c in x.extract(Article("a", "About 500 attended the vigil."))] == ["vigil"]


def test_a_figure_the_article_says_may_still_change_is_provisional():
    t = "Two were pronounced dead at the scene. Police say there is no third death to report at this time."
    assert [(c.lo, c.provisional) for c in claims(t)] == [(2, True)]
    assert one("No one has been arrested so far.", "detentions").provisional
    assert not one("Two people were killed on Sunday.", "deaths").provisional


def test_one_extractor_reads_articles_on_many_threads_alike():
    """The extractor keeps nothing of the article it reads: the same extractor on several threads
    gives each article the claims it gives it alone."""
    from concurrent.futures import ThreadPoolExecutor
    from crosscheck.models import Article
    texts = ["Two villagers drowned and five were missing after the river burst its banks on Sunday.",
             "Police detained 40 people at the rally. A man was shot and killed nearby, and three others were injured.",
             "The death toll rose to 12 on Monday, officials said. Two of the dead were children.",
             "Four people were wounded, one critically, in the blast at the market."] * 6
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    ex = ClaimExtractor()
    alone = [ex.extract(a) for a in articles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(ex.extract, articles))
    assert threaded == alone
    assert any(c.measure == "missing" for c in alone[0]) and any(c.measure == "detentions" for c in alone[1])


def test_the_stage_runs_its_passes_in_a_stated_order():
    """The passes are named functions in an ordered list: ids are given after repeats are dropped, and
    only then can a part (linked to its whole by id) take its whole's attribution."""
    from crosscheck.claims import ARTICLE_PASSES, SENTENCE_PASSES
    names = [f.__name__ for f in ARTICLE_PASSES]
    assert names[-3:] == ["drop_repeats", "with_ids", "parts_given_by_their_whole"]
    assert "in_addition" in [f.__name__ for f in SENTENCE_PASSES]
