"""Alignment: which claims are the same claim, and when sources truly disagree."""
from crosscheck.api import Settings, check_articles
from crosscheck.models import Article

ONE_STORY = Settings(stories="one")  # these tests are about comparing claims, not clustering


def groups(*texts, dates=None):
    arts = [Article(f"a{i}", t, source=f"Outlet {i}", published=(dates or [None] * len(texts))[i])
            for i, t in enumerate(texts)]
    r = check_articles(arts, ONE_STORY)
    return r, {(g.measure, g.subject_class): g for g in r.groups}


def test_exact_conflict_and_vague_conflict_of_lower_severity():
    r, g = groups("Three people died and hundreds were injured.", "Two people died and dozens were injured.")
    deaths, inj = g[("deaths", "people")], g[("injuries", "people")]
    assert deaths.verdict == inj.verdict == "conflict"
    assert deaths.severity > inj.severity > 0
    assert r.groups[0].id == deaths.id  # listed by severity


def test_bound_inside_vague_is_consistent():
    _, g = groups("Over 6.7 thousand people were detained.", "Thousands have been arrested.")
    assert g[("detentions", "people")].verdict == "consistent"


def test_approximate_within_tolerance_is_consistent():
    _, g = groups("About 300 people were arrested.", "Police arrested 312 people.")
    assert g[("detentions", "people")].verdict == "consistent"
    _, g = groups("About 300 people were arrested.", "Police arrested 400 people.")
    assert g[("detentions", "people")].verdict == "conflict"


def test_later_larger_toll_is_an_update_but_undated_is_a_conflict():
    t1, t2 = "Two people were killed in the attack.", "Three people were killed in the attack."
    _, g = groups(t1, t2, dates=["2025-03-15", "2025-03-16"])
    assert g[("deaths", "people")].verdict == "update"
    _, g = groups(t1, t2)
    assert g[("deaths", "people")].verdict == "conflict"
    _, g = groups(t1, t2, dates=["2025-03-16", "2025-03-15"])  # the later one is smaller
    assert g[("deaths", "people")].verdict == "conflict"


def test_rose_to_marks_an_update():
    _, g = groups("Four people died.", "The death toll rose to six.", dates=["2025-01-01", "2025-01-02"])
    assert g[("deaths", "people")].verdict == "update"


def test_increment_never_compared_as_total():
    r, g = groups("Police detained 500 people.", "Police said they had detained dozens more protesters.")
    det = g[("detentions", "people")]
    assert det.verdict == "single_source" and len(det.related) == 1


def test_police_are_not_the_general_public():
    _, g = groups("Twelve police officers were injured.", "62 people were injured.")
    assert g[("injuries", "police officers")].verdict == "single_source"
    assert g[("injuries", "people")].verdict == "single_source"


def test_protesters_compared_with_people():
    _, g = groups("Three protesters died.", "Two people have died.")
    assert g[("deaths", "people")].verdict == "conflict"


def test_summary_figures():
    _, g = groups("Two people died.", "Two people died, police said.", "Three people died.")
    d = g[("deaths", "people")]
    assert d.best_value == "2" and len(d.best_sources) == 2
    assert (d.range_lo, d.range_hi) == (2, 3)


def test_group_id_stable_when_articles_added():
    _, g1 = groups("Two people died.", "Three people died.")
    _, g2 = groups("Two people died.", "Three people died.", "Four people died.")
    assert g1[("deaths", "people")].id == g2[("deaths", "people")].id


def test_a_roundup_is_compared_only_with_roundups():
    r, g = groups("One man was killed in the shooting on Elm Street.",
                  "Five people were killed in separate shootings across the city this weekend.",
                  "Four people were killed in shootings across the city this weekend.")
    incident, roundup = g[("deaths", "people")], g[("deaths", "people across several incidents (weekend)")]
    assert incident.verdict == "single_source"
    assert roundup.verdict == "conflict" and "across several incidents" in roundup.subject


def test_roundups_of_different_periods_are_not_compared():
    _, g = groups("3 dead, 26 wounded in weekend Detroit shootings",
                  "Violent Night In The City Of Detroit Leaves 2 Dead, 8 Injured")
    assert {k: v.verdict for k, v in g.items() if k[0] == "injuries"} == {
        ("injuries", "people across several incidents (weekend)"): "single_source",
        ("injuries", "people across several incidents (night)"): "single_source"}


def test_people_shot_in_an_article_silent_on_deaths_may_include_the_dead():
    _, g = groups("Five people shot in Hot Springs, no shooter identified.",
                  "The shooting killed one person and injured four others in Hot Springs.")
    assert g[("injuries", "people")].verdict == "consistent"
    _, g = groups("Five people shot in Hot Springs, no shooter identified.",
                  "The shooting killed one person and injured two others in Hot Springs.")
    assert g[("injuries", "people")].verdict == "conflict"


def test_a_figure_the_article_calls_superseded_is_not_compared():
    _, g = groups("In initial reports, police said five were wounded, but two have since died.",
                  "Police said three people were wounded.")
    assert g[("injuries", "people")].verdict == "single_source"


def test_a_toll_including_the_gunman_fits_one_without_him():
    _, g = groups("Police: 5 dead, including the gunman, in the shooting.", "The man killed 4 people, police say.")
    assert g[("deaths", "people")].verdict == "consistent"
    _, g = groups("Police: 5 dead, including the gunman, in the shooting.", "The man killed 2 people, police say.")
    assert g[("deaths", "people")].verdict == "conflict"


def test_died_at_the_scene_counts_only_some():
    _, g = groups("One person died at the scene.", "Two people were killed in the shooting.")
    assert g[("deaths", "people")].verdict == "consistent"


def test_no_one_else_is_no_total_of_zero():
    _, g = groups("No one else was injured.", "A child was shot and wounded in the shooting.")
    assert g[("injuries", "people")].verdict == "single_source"


def test_a_roundup_period_is_not_read_from_an_age_and_holiday_weekends_are_weekends():
    _, g = groups("A 17-year-old boy was among 20 wounded in weekend shootings across the city.",
                  "25 wounded in Memorial Day weekend shootings across the city.")
    assert g[("injuries", "people across several incidents (weekend)")].verdict == "conflict"


def test_an_article_that_gives_both_figures_does_not_contradict_one_that_gives_either():
    # a stale headline over an updated body: the body's figure fits the other article
    headline = "Two killed in factory shooting\n\nPolice confirmed that four people were killed in the shooting."
    r, g = groups(headline, "Four people were killed in the factory shooting.")
    deaths = g[("deaths", "people")]
    assert deaths.verdict == "consistent"
    assert "Outlet 0 gives 2 but also 4" in deaths.reason
    assert len(deaths.explained_pairs) == 1
    # "a man was killed" states no total: it does not excuse the headline's two against four
    r, g = groups("Two killed in factory shooting\n\nA man was killed in the shooting, police said.",
                  "Four people were killed in the factory shooting.")
    assert g[("deaths", "people")].verdict == "conflict"


def test_a_figure_said_to_have_risen_is_the_later_one_on_the_same_day():
    same_day = ["2025-03-15", "2025-03-15"]
    _, g = groups("Tipsters could receive a reward of up to $2,500.",
                  "The Crimestoppers reward has been increased to $5,000.", dates=same_day)
    assert g[("money", "reward")].verdict == "update"
    # said to have risen, but to less than the other figure: still a contradiction
    _, g = groups("Six people were killed in the attack.", "The death toll rose to four.", dates=same_day)
    assert g[("deaths", "people")].verdict == "conflict"


def test_a_figure_the_article_states_less_often_does_not_excuse_its_main_one():
    # "5 dead" in the headline and the lead is what the article says; the four found inside is a part
    five = ("5 dead in Far South Side shooting\n\nFive people were killed in a shooting Saturday, family said. "
            "Police said two men and two women were found fatally shot.")
    _, g = groups(five, "Four people were killed in the Far South Side shooting, police said.")
    assert g[("deaths", "people")].verdict == "conflict"


def test_a_count_for_a_narrower_subject_is_among_an_articles_figures_for_people():
    # the first article's stray "killing one" is its only figure for people in general, but it
    # says three times over that three officers died: no conflict with "three people died"
    first = ("Three officers were slain in the ambush. The gunman killed three officers. "
             "Three officers died. He shot two officers, Ann Lee and Bo Park, killing one and injuring one.")
    _, g = groups(first, "Authorities say two city police and a deputy died: three people in all.")
    assert g[("deaths", "people")].verdict == "consistent"
    # a narrower count is no figure for people when it does not fit: still a conflict
    _, g = groups("Five officers died. He shot two, killing one.", "Three people died.")
    assert g[("deaths", "people")].verdict == "conflict"


def test_an_encyclopedia_page_is_read_as_the_latest_source():
    arts = [Article("w", "Six people were killed and fourteen others were injured.", source="en.wikipedia.org",
                    published="2014-05-23"),
            Article("r", "A gunman killed six people and wounded seven others.", source="reuters.com",
                    published="2014-05-24")]
    g = {(g.measure, g.subject_class): g for g in check_articles(arts, ONE_STORY).groups}
    assert g[("injuries", "people")].verdict == "update"
    arts[0] = Article("w", arts[0].text, source="example.org", published="2014-05-23")
    g = {(g.measure, g.subject_class): g for g in check_articles(arts, ONE_STORY).groups}
    assert g[("injuries", "people")].verdict == "conflict"


def test_a_larger_figure_than_a_provisional_one_of_the_same_day_is_an_update():
    first = "Two people were killed. Police say there is no third death to report at this time."
    _, g = groups(first, "Three people were killed in the shootout.", dates=["2017-02-10", "2017-02-10"])
    assert g[("deaths", "people")].verdict == "update"
    _, g = groups("Two people were killed.", "Three people were killed in the shootout.",
                  dates=["2017-02-10", "2017-02-10"])
    assert g[("deaths", "people")].verdict == "conflict"
