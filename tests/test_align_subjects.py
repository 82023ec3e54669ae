"""What a verdict compares: a floor passed by a later count, and the narrower subjects a total names
("including six children") compared among themselves (crosscheck/align.py). Articles of our own."""
from crosscheck.api import Settings, check_articles
from crosscheck.models import Article


def groups(*articles):
    return {(g.measure, g.subject_class): g for g in check_articles(list(articles), Settings(stories="one")).groups}


def test_a_floor_passed_by_a_later_count_is_an_update():
    g = groups(
        Article(id="a", source="Wire One", published="2025-10-01",
                text="At least 300 people were injured as police broke up the vote in Arnel."),
        Article(id="b", source="Wire Two", published="2025-10-02",
                text="Regional health officials said 812 people were injured during the vote in Arnel."),
    )[("injuries", "people")]
    assert g.verdict == "update"
    assert len(g.update_pairs) == 1


def test_a_later_floor_below_an_earlier_count_stays_consistent():
    g = groups(
        Article(id="a", source="Wire One", published="2025-10-01", text="Officials said 812 people were injured in Arnel."),
        Article(id="b", source="Wire Two", published="2025-10-02", text="At least 800 people were injured in Arnel."),
    )[("injuries", "people")]
    assert g.verdict == "consistent"


def test_floors_of_the_same_day_are_not_ordered():
    g = groups(
        Article(id="a", source="Wire One", published="2025-10-01", text="At least 300 people were injured in Arnel."),
        Article(id="b", source="Wire Two", published="2025-10-01", text="At least 450 people were injured in Arnel."),
    )[("injuries", "people")]
    assert g.verdict == "consistent"


def test_a_floor_is_the_count_of_its_day_and_a_far_larger_one_that_day_disagrees():
    # "at least 18 dead" is what one wire had; another's 40 the same day is no figure it allows
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-18", text="At least 18 students were killed in clashes in Davra."),
        Article(id="b", source="Wire Two", published="2025-07-18", text="Hospital staff said 40 students were killed in Davra."),
    )[("deaths", "students")]
    assert g.verdict == "conflict"


def test_a_floor_below_an_earlier_larger_count_disagrees_with_it():
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-18", text="Forty students were killed in Davra, medics said."),
        Article(id="b", source="Wire Two", published="2025-07-19", text="At least 18 students have been killed in Davra."),
    )[("deaths", "students")]
    assert g.verdict == "conflict"


def test_a_floor_against_an_undated_larger_count_may_have_been_passed():
    # the undated report may be the later one: nothing to flag
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-18", text="At least 18 students were killed in clashes in Davra."),
        Article(id="b", source="Blog", text="Hospital staff said 40 students were killed in Davra."),
    )[("deaths", "students")]
    assert g.verdict == "consistent"


def test_a_small_floor_stays_a_bound():
    # "at least two" early in a story is a bound, not a count two sources dispute
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-18", text="At least two people were wounded in the shooting in Davra."),
        Article(id="b", source="Wire Two", published="2025-07-18", text="Police said six people were wounded in the shooting in Davra."),
    )[("injuries", "people")]
    assert g.verdict == "consistent"


def test_a_floor_passed_later_is_not_an_update_for_crowds():
    # a crowd does not grow from one report to the next: "at least 10,000" and "40,000" both hold
    g = groups(
        Article(id="a", source="Wire One", published="2025-10-01", text="At least 10,000 protesters marched in Arnel."),
        Article(id="b", source="Wire Two", published="2025-10-02", text="Some 40,000 protesters marched in Arnel."),
    )[("participants", "people")]
    assert g.verdict != "update"


def test_children_named_within_two_tolls_are_compared_with_each_other():
    found = groups(
        Article(id="a", source="Wire One", published="2025-05-03",
                text="The strike killed 30 people, including four children, officials said."),
        Article(id="b", source="Wire Two", published="2025-05-03",
                text="The strike killed 31 people, among them nine children, the mayor said."),
    )
    children = found[("deaths", "children")]
    assert children.verdict == "conflict"
    # the children still travel with the whole toll they are part of
    whole = found[("deaths", "people")]
    assert set(children.claims) <= set(whole.related)


def test_a_breakdown_that_differs_as_its_totals_do_is_not_a_second_conflict():
    # 4 more dead, 4 more of them children: the totals' conflict is the one to review
    found = groups(
        Article(id="a", source="Wire One", text="The blast killed 20 people, among them 12 children, the governor said."),
        Article(id="b", source="Wire Two", text="The blast killed 24 people, among them 16 children, the governor said."),
    )
    assert found[("deaths", "people")].verdict == "conflict"
    assert found[("deaths", "children")].verdict == "consistent"


def test_a_breakdown_that_differs_more_than_its_totals_is_its_own_conflict():
    found = groups(
        Article(id="a", source="Wire One", text="The blast killed 20 people, among them 6 children, the governor said."),
        Article(id="b", source="Wire Two", text="The blast killed 21 people, among them 16 children, the governor said."),
    )
    assert found[("deaths", "children")].verdict == "conflict"


def test_children_among_an_increment_are_not_all_the_children():
    found = groups(
        Article(id="a", source="Wire One", published="2025-05-03",
                text="The strike killed 30 people, including four children, officials said."),
        Article(id="b", source="Wire Two", published="2025-05-04",
                text="Eleven more people died overnight, including two children, bringing the toll to 41."),
    )
    children = found.get(("deaths", "children"))
    assert children is None or children.verdict == "single_source"


def test_children_among_those_still_in_hospital_are_not_all_the_injured_children():
    found = groups(
        Article(id="a", source="Wire One", published="2025-05-03",
                text="Sixty people were injured, including 14 children."),
        Article(id="b", source="Wire Two", published="2025-05-05",
                text="Twenty people remain in hospital, including three children."),
    )
    children = found.get(("injuries", "children"))
    assert children is None or children.verdict == "single_source"


def test_a_toll_the_text_says_was_revised_down_is_the_later_figure():
    # neither article is dated; the second says its figure replaced a larger one
    g = groups(
        Article(id="a", source="Wire One", text="The death toll from the bombings stood at 212."),
        Article(id="b", source="Wire Two",
                text="The death toll from the bombings was revised down to 170 after some victims were counted twice."),
    )[("deaths", "people")]
    assert g.verdict == "update"
    assert len(g.update_pairs) == 1


def test_the_same_authority_revising_its_own_toll_down_is_still_a_revision():
    g = groups(
        Article(id="a", source="Wire One", published="2025-02-10",
                text="The interior ministry said 212 people were killed in the bombings."),
        Article(id="b", source="Wire Two", published="2025-02-12",
                text="The interior ministry revised the toll down to 170, saying some victims were counted twice."),
    )[("deaths", "people")]
    assert g.verdict == "revised"


def test_a_loss_and_the_damage_are_one_purpose_of_money_but_bail_and_a_reward_are_not():
    from crosscheck.claims import extract_claims
    said = [c.subject for c in extract_claims(Article(
        id="a", source="Wire", published="2025-09-01",
        text="The floods caused a loss of over $30 billion. Officials put the damage at $12 billion. "
             "A reward of $5,000 was offered. He was held on $50,000 bail."))]
    assert said == ["damage", "damage", "reward", "bail"]


def test_a_result_counted_further_is_an_update_even_beside_a_rounder_headline():
    found = check_articles([
        Article(id="a", source="Wire One", published="2031-06-06",
                text="Maren Holt won more than 20 million votes.\n\nWith 99.7% of tally sheets counted, Maren Holt had "
                     "20,833,293 votes, the election commission said."),
        Article(id="b", source="Wire Two", published="2031-06-07",
                text="With 100% of tally sheets counted, Maren Holt had 20,951,004 votes, the election commission said."),
    ], Settings(stories="one")).groups
    g = next(g for g in found if g.measure == "votes" and "holt" in (g.subject_class or "").lower())
    assert g.verdict == "update"


def test_evacuees_going_home_is_an_update_not_a_conflict():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-03",
                text="About 31,000 people were staying in evacuation shelters after the quake."),
        Article(id="b", source="Wire Two", published="2025-01-12",
                text="About 19,000 people were still staying in evacuation shelters."),
    )[("displaced", "people")]
    assert g.verdict == "update"


def test_foreign_visitors_are_a_subject_of_their_own():
    from crosscheck.claims import extract_claims
    said = [(c.quantity.text, c.subject) for c in extract_claims(Article(
        id="a", source="Wire", published="2025-03-19",
        text="Nine foreign tourists were among the dead. Two Danish tourists were wounded. Police said 14 foreigners "
             "were injured."))]
    assert said == [("Nine", "foreigners"), ("Two", "foreigners"), ("14", "foreigners")]
    found = groups(
        Article(id="a", source="Wire One", published="2025-03-19", text="Nine foreign tourists were killed in the attack."),
        Article(id="b", source="Wire Two", published="2025-03-19", text="Twelve foreigners were killed in the attack."),
    )
    assert found[("deaths", "foreigners")].verdict == "conflict"


def test_children_among_a_roundup_are_not_compared_with_one_incident():
    found = groups(
        Article(id="a", source="Wire One", published="2025-06-09",
                text="Three people were killed at the mall, including two children."),
        Article(id="b", source="Wire Two", published="2025-06-09",
                text="Five people were killed in separate shootings across the city over the weekend, "
                     "including four children."),
    )
    children = found.get(("deaths", "children"))
    assert children is None or children.verdict == "single_source"


def test_a_lower_figure_from_the_other_side_is_a_dispute_even_if_said_to_be_revised_down():
    g = groups(
        Article(id="a", source="Wire One", published="2025-06-10",
                text="The health ministry said 120 people were killed."),
        Article(id="b", source="Wire Two", published="2025-06-11",
                text="A doctors' committee said the death toll was revised down to 80."),
    )[("deaths", "people")]
    assert g.verdict == "disputed"


def test_a_single_person_named_is_no_floor_a_later_toll_rises_past():
    g = groups(
        Article(id="a", source="Wire One", published="2025-06-10", text="A man was killed, police said."),
        Article(id="b", source="Wire Two", published="2025-06-11", text="Police said three people were killed."),
    )[("deaths", "people")]
    assert g.verdict == "consistent"


def test_people_in_general_beside_a_narrower_group_sharing_one_verb_are_some_of_the_toll():
    from crosscheck.claims import extract_claims
    said = {c.quantity.text: c.some_only for c in extract_claims(Article(
        id="a", source="Wire", published="2025-09-21",
        text="Four members of the security forces and 39 civilians were killed in the siege."))}
    assert said == {"Four": False, "39": True}
    g = groups(
        Article(id="a", source="Wire One", published="2025-09-21",
                text="Four members of the security forces and 39 civilians were killed in the siege."),
        Article(id="b", source="Wire Two", published="2025-09-21", text="The siege killed 43 people, officials said."),
    )[("deaths", "people")]
    assert g.verdict == "consistent"


def test_a_whole_then_its_parts_is_not_a_coordination():
    from crosscheck.claims import extract_claims
    said = {c.quantity.text: c.some_only for c in extract_claims(Article(
        id="a", source="Wire", published="2025-09-21",
        text="Thirty people were wounded, including six Italians and two Danes."))}
    assert said["Thirty"] is False


def test_a_photo_caption_counts_the_people_pictured_not_the_toll():
    from crosscheck.claims import extract_claims
    (c,) = [c for c in extract_claims(Article(
        id="a", source="Wire", published="2025-09-21",
        text="A handout image shows the funeral of three civilians killed in the shelling.")) if c.measure == "deaths"]
    assert c.some_only


def test_the_injured_still_in_hospital_are_a_count_of_their_own_that_falls_as_they_go_home():
    found = groups(
        Article(id="a", source="Wire One", published="2025-06-15",
                text="Seventy people were injured in the fire. Thirty-seven remain in hospital."),
        Article(id="b", source="Wire Two", published="2025-06-16",
                text="Twenty-four people remain in hospital after the fire, officials said."),
    )
    care = found[("injuries", "people in hospital")]
    assert care.verdict == "update"
    # and they stay a lower bound of the injured: 24 still in hospital does not contradict 70 hurt
    assert found[("injuries", "people")].verdict in ("consistent", "single_source")


def test_two_counts_of_those_in_hospital_on_one_day_can_conflict():
    care = groups(
        Article(id="a", source="Wire One", published="2025-06-15", text="Thirty-seven people remain in hospital."),
        Article(id="b", source="Wire Two", published="2025-06-15", text="Fifty-two people remain in hospital."),
    )[("injuries", "people in hospital")]
    assert care.verdict == "conflict"


def test_a_toll_that_climbs_is_a_running_total():
    from crosscheck.claims import extract_claims
    said = extract_claims(Article(id="a", source="Wire", published="2025-09-01",
                                  text="Floods: death toll climbs to 1,136 as rains continue"))
    assert [(c.quantity.text, c.cumulative) for c in said] == [("1,136", True)]


def test_a_later_step_of_the_count_is_shown_even_beside_a_rounder_figure_that_fits():
    # the third report's "more than 200" fits 211, but its 219 is still the count's next step
    result = check_articles([
        Article(id="a", source="Wire One", published="2025-10-31", text="At least 95 people have died in the floods in Orsa."),
        Article(id="b", source="Wire Two", published="2025-11-02", text="The floods in Orsa have killed 211 people, officials said."),
        Article(id="c", source="Blog", text="The death toll from the floods in Orsa has risen to more than 200. "
                                            "The death toll has since climbed to 219, officials said."),
    ], Settings(stories="one"))
    value = {c.id: c.quantity.lo for c in result.claims}
    g = next(g for g in result.groups if g.measure == "deaths")
    assert g.verdict == "update"
    assert (211, 219) in {(value[a], value[b]) for a, b in g.update_pairs}


def test_approximations_that_meet_only_by_their_margins_are_a_count_that_moved():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-04", text="Some 34,000 people are staying in evacuation shelters in Orsa."),
        Article(id="b", source="Wire Two", published="2025-01-09", text="About 28,000 people are staying in evacuation shelters in Orsa."),
    )[("displaced", "people")]
    assert g.verdict == "update"


def test_close_approximations_are_the_same_count():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-04", text="Some 34,000 people are staying in evacuation shelters in Orsa."),
        Article(id="b", source="Wire Two", published="2025-01-05", text="About 33,400 people are staying in evacuation shelters in Orsa."),
    )[("displaced", "people")]
    assert g.verdict == "consistent"


def test_an_undated_toll_past_every_dated_one_is_read_as_the_latest():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-15", text="The strike on the tower block killed 21 people."),
        Article(id="b", source="Wire Two", published="2025-01-16", text="The strike on the tower block killed 30 people."),
        Article(id="c", source="Blog", text="The strike on the tower block killed 44 people."),
    )[("deaths", "people")]
    assert g.verdict == "update"
    assert "undated" in g.reason


def test_an_undated_toll_below_a_later_dated_one_but_no_earlier_one_still_conflicts():
    # 12 is smaller than the first dated report: nothing places it before, so it disagrees
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-15", text="The strike on the tower block killed 21 people."),
        Article(id="b", source="Wire Two", published="2025-01-16", text="The strike on the tower block killed 30 people."),
        Article(id="c", source="Blog", text="The strike on the tower block killed 12 people."),
    )[("deaths", "people")]
    assert g.verdict == "conflict"


def test_an_undated_figure_between_two_dated_ones_is_a_step_between_them():
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-15", text="The strike on the tower block killed 21 people."),
        Article(id="b", source="Blog", text="The strike on the tower block killed 25 people."),
        Article(id="c", source="Wire Two", published="2025-01-17", text="The strike on the tower block killed 30 people."),
    )[("deaths", "people")]
    assert g.verdict == "update"


def test_parties_undated_figures_are_not_placed_by_size():
    g = groups(
        Article(id="a", source="Wire One", published="2025-06-04", text="The health ministry said 31 people died in the raid."),
        Article(id="b", source="Blog", text="A committee of doctors close to the protesters said 87 people died in the raid."),
    )[("deaths", "people")]
    assert g.verdict == "disputed"


def test_a_weekend_roundup_is_no_narrower_part_of_one_shootings_toll():
    found = groups(
        Article(id="a", source="Wire One", text="Two people were killed in a shooting at a bar on Friday. Five people were "
                                                "killed in separate shootings across the city over the weekend."),
        Article(id="b", source="Wire Two", text="Four people were killed in a shooting at a bar on Friday. Seven people were "
                                                "killed in separate shootings across the city over the weekend."),
    )
    roundup = next(g for (m, cls), g in found.items() if m == "deaths" and "several incidents" in cls)
    assert roundup.verdict == "conflict"


def test_a_breakdown_that_differs_as_its_totals_do_says_so():
    found = groups(
        Article(id="a", source="Wire One", text="The blast killed 20 people, among them 12 children, the governor said."),
        Article(id="b", source="Wire Two", text="The blast killed 24 people, among them 16 children, the governor said."),
    )
    assert "totals" in found[("deaths", "children")].reason


def test_a_crowds_floor_stays_a_bound():
    g = groups(
        Article(id="a", source="Wire One", published="2025-03-10", text="At least 10,000 people marched through the capital on Saturday."),
        Article(id="b", source="Wire Two", published="2025-03-10", text="Some 20,000 people marched through the capital on Saturday."),
    )[("participants", "people")]
    assert g.verdict == "consistent"


def test_a_count_said_to_have_risen_past_an_approximation_is_the_later_one():
    # "about 90" fits 93 only by its margin; the text says the count rose to 93
    g = groups(
        Article(id="a", source="Wire One", published="2025-11-05", text="About 90 people are still missing after the floods in Orsa."),
        Article(id="b", source="Blog", text="The number of people missing after the floods in Orsa has risen to 93."),
    )[("missing", "people")]
    assert g.verdict == "update"


def test_a_vague_first_report_places_an_undated_figure_a_later_report_bounds():
    g = groups(
        Article(id="a", source="Wire One", published="2025-07-14", text="Several children were among those killed in the attack."),
        Article(id="b", source="Blog", text="At least 10 children were killed in the attack."),
        Article(id="c", source="Wire Two", published="2025-07-16", text="Officials said 12 children were killed in the attack."),
    )[("deaths", "children")]
    assert g.verdict == "update"


def test_a_vague_report_places_no_figure_past_every_dated_one():
    # "hundreds injured" that day and an undated 1,500: maybe another count of the same day
    g = groups(
        Article(id="a", source="Wire One", published="2025-09-30", text="Hundreds of people were injured in the quake."),
        Article(id="b", source="Blog", text="About 1,500 people were injured in the quake."),
    )[("injuries", "people")]
    assert g.verdict == "conflict"


def test_two_undated_reports_that_differ_beside_a_moving_count_are_read_with_it():
    g = groups(
        Article(id="a", source="Wire One", published="2025-03-22", text="At least 26 people were killed in the bombings."),
        Article(id="b", source="Wire Two", published="2025-03-28", text="Officials said 35 people were killed in the bombings."),
        Article(id="c", source="Blog One", text="The bombings killed 28 people, officials said."),
        Article(id="d", source="Blog Two", text="The bombings killed 32 people, officials said."),
    )[("deaths", "people")]
    assert g.verdict == "update"
    assert "no known order" in g.reason


def test_two_undated_reports_that_differ_alone_conflict():
    g = groups(
        Article(id="c", source="Blog One", text="The bombings killed 28 people, officials said."),
        Article(id="d", source="Blog Two", text="The bombings killed 32 people, officials said."),
    )[("deaths", "people")]
    assert g.verdict == "conflict"


def test_an_undated_count_of_the_missing_beside_a_falling_count_is_read_with_it():
    # the missing are found: an undated 17 has no size that places it, and the count is seen moving
    g = groups(
        Article(id="a", source="Wire One", published="2025-01-15", text="Some 35 people are still missing under the rubble."),
        Article(id="b", source="Wire Two", published="2025-01-16", text="Officials said 25 people are still missing under the rubble."),
        Article(id="c", source="Blog", text="Seventeen people are still missing under the rubble."),
    )[("missing", "people")]
    assert g.verdict == "update"
    assert "no known order" in g.reason
