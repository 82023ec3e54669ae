"""Stories: a mixed input is clustered into events, with stable ids and the input's own stories kept."""
import hashlib
from datetime import date
from dataclasses import replace

import pytest

from crosscheck.dates import calendar_dates
from crosscheck.models import Article
from crosscheck.stories import (assign_stories, boilerplate_lines, event_days, is_prose, lede, line_key, story_id,
                                term_weights, time_factor)

BANNER = ("Advertisement\n"
          "Sign up for our morning newsletter and get the day's headlines in your inbox.\n")

# Two invented events in different towns, three reports each, in different words and from different
# outlets; every page carries the same site banner, as real pages do.
BRIDGE = [
    Article("br-1", "A pedestrian bridge over the Calder River in Harwick gave way on Tuesday evening, "
            "sending four people into the water. Fire chief Nadia Okafor said all four were pulled out "
            "alive and two were taken to St. Brenna Hospital.\n" + BANNER,
            source="Harwick Herald", title="Footbridge collapses in Harwick, four rescued from river",
            published="2024-05-14"),
    Article("br-2", "Engineers are inspecting what is left of the Calder River footbridge in Harwick after "
            "Tuesday's collapse. Chief Okafor said the 40-year-old span had been due for repairs. Two of "
            "the four people rescued remain at St. Brenna Hospital.\n" + BANNER,
            source="Valley Courier", title="Harwick footbridge was due for repairs, chief says",
            published="2024-05-15"),
    Article("br-3", "Harwick council closed the riverside path on Wednesday while engineers study the "
            "collapsed Calder footbridge. Okafor praised the bystanders who helped pull the four "
            "people from the river.\n" + BANNER,
            source="Harwick Herald", title="Riverside path shut after Calder bridge collapse",
            published="2024-05-15"),
]
FIRE = [
    Article("fi-1", "Flames tore through a paper warehouse on Quarry Lane in Dunmore overnight. Crews "
            "fought the blaze for six hours, said battalion commander Piet Vermeulen. Nobody was hurt, "
            "but 30 workers were sent home.\n" + BANNER,
            source="Dunmore Daily", title="Overnight blaze guts Dunmore paper warehouse",
            published="2024-05-14"),
    Article("fi-2", "Investigators in Dunmore are searching the burnt-out Quarry Lane warehouse for the "
            "cause of the overnight fire. Vermeulen said the roof fell in around 3 a.m. and the building "
            "is a total loss.\n" + BANNER,
            source="Valley Courier", title="Cause of Quarry Lane warehouse fire sought",
            published="2024-05-15"),
    Article("fi-3", "The owner of the Dunmore paper warehouse destroyed by fire says the 30 workers will "
            "be paid while the Quarry Lane site is cleared. Commander Vermeulen expects the fire "
            "report next week.\n" + BANNER,
            source="Dunmore Daily", title="Dunmore warehouse workers to be paid after fire",
            published="2024-05-16"),
]
CORPUS = BRIDGE + FIRE
UNRELATED = Article("el-1", "Voters in Ashby re-elected mayor Tomas Lindqvist on Sunday with a clear "
                    "majority; turnout was higher than at the last election.\n" + BANNER,
                    source="Ashby Post", title="Lindqvist re-elected mayor of Ashby", published="2024-05-13")


def stories_of(articles):
    return {a.id: a.story for a in assign_stories(articles)}


def test_two_events_are_two_stories():
    s = stories_of(CORPUS)
    assert s["br-1"] == s["br-2"] == s["br-3"]
    assert s["fi-1"] == s["fi-2"] == s["fi-3"]
    assert s["br-1"] != s["fi-1"]


def test_story_id_is_the_earliest_members_hash():
    s = stories_of(CORPUS)
    assert s["br-2"] == "s" + hashlib.sha1(b"br-1").hexdigest()[:10]  # br-1 is the earliest report
    assert story_id(BRIDGE) == s["br-1"]


def test_input_story_wins_and_similar_articles_join_it():
    given = [replace(CORPUS[0], story="my-bridge")] + CORPUS[1:]
    s = stories_of(given)
    assert s["br-1"] == s["br-2"] == s["br-3"] == "my-bridge"
    assert s["fi-1"] != "my-bridge"


def test_input_stories_are_kept_even_when_the_text_disagrees():
    # the user says a bridge report and a fire report are one story, and two bridge reports are not
    given = [replace(BRIDGE[0], story="x"), replace(FIRE[0], story="x"), replace(BRIDGE[1], story="y")]
    s = stories_of(given + [BRIDGE[2], FIRE[1], FIRE[2]])
    assert (s["br-1"], s["fi-1"], s["br-2"]) == ("x", "x", "y")
    assert s["br-3"] in ("x", "y")  # it joins one of them; given stories are never merged


def test_ids_do_not_change_when_an_unrelated_article_is_added():
    before = stories_of(CORPUS)
    after = stories_of(CORPUS + [UNRELATED])
    assert {k: after[k] for k in before} == before
    assert after["el-1"] not in before.values()


def test_order_is_kept_and_does_not_matter():
    out = assign_stories(CORPUS)
    assert [a.id for a in out] == [a.id for a in CORPUS]
    assert [replace(a, story=None) for a in out] == CORPUS  # nothing else changes
    shuffled = assign_stories(list(reversed(CORPUS)))
    assert {a.id: a.story for a in shuffled} == {a.id: a.story for a in out}


def test_one_article_is_its_own_story_and_empty_input_is_empty():
    (only,) = assign_stories([FIRE[0]])
    assert only.story == "s" + hashlib.sha1(b"fi-1").hexdigest()[:10]
    assert assign_stories([]) == []
    (given,) = assign_stories([replace(FIRE[0], story="mine")])
    assert given.story == "mine"


def test_articles_without_text_dates_or_titles():
    bare = [Article("a", ""), Article("b", "", title="Advertisement"), Article("c", "Short.")]
    out = assign_stories(bare)
    assert len({a.story for a in out}) == 3


def test_a_distant_date_needs_more_similarity():
    f = time_factor([(0,), (1,), (30,), ()], window_days=2, time_decay=0.2)
    assert f[0, 1] == 1.0 and f[0, 3] == 1.0  # within the window, or date unknown
    assert f[0, 2] == pytest.approx((2 / 30) ** 0.2)
    assert (time_factor([(0,), (400,)], window_days=None, time_decay=0.2) == 1.0).all()
    # a report years later that names the day of the event is as near it as the first reports
    assert time_factor([(0,), (2000, 1)], window_days=2, time_decay=0.2)[0, 1] == 1.0


def test_site_furniture_is_boilerplate_but_shared_wire_copy_is_not():
    keys = boilerplate_lines(CORPUS, 3)
    assert {line_key("Advertisement"), line_key(BANNER.splitlines()[1])} <= keys
    wire = "Police said the two men were arrested near the station."
    copies = [Article(f"w{i}", wire, title="Two arrested near station") for i in range(4)]
    assert not boilerplate_lines(copies, 3)  # one headline: copies of one story, not furniture


def test_templated_lines_share_a_key():
    # a site's template differs only in the name it carries
    one, other = "Get email notifications on Jane Roe daily!", "Get email notifications on Al Poe daily!"
    assert line_key(one) == line_key(other)


def test_prose_lines():
    assert is_prose("Police said the two men were arrested.")
    assert not is_prose("1:22 Sister shares family's grief")
    assert not is_prose("Related stories")


def test_report_names_the_story_of_each_group_in_a_mixed_corpus(mixed_corpus):
    from crosscheck.api import check
    from crosscheck.report import render_html
    r = check([mixed_corpus])
    assert len({a.story for a in r.articles}) == 2
    assert {g.measure: g.verdict for g in r.groups} == {"deaths": "conflict", "displaced": "single_source"}
    html = render_html(r)
    assert "Story: Hotel fire in Merriton" in html and "Story: Ostrava floods" in html



def test_a_page_whose_body_is_all_furniture_is_judged_by_its_title():
    # A sign-in wall instead of the article: only the headline says which event the page is about.
    # Its headline-only lead is little like the other reports' whole texts, but much like their titles;
    # the bar is raised (and the title counted in full) so that the lead alone falls short and the
    # title comparison is what counts.
    title = "Four rescued as Harwick footbridge collapses into river"
    walled = Article("br-4", title + "\n" + BANNER, source="Metro Wire", title=title, published="2024-05-14")
    s = {a.id: a.story for a in assign_stories(CORPUS + [walled], threshold=0.5, junk_title_weight=1)}
    assert s["br-4"] == s["br-1"] and s["br-4"] != s["fi-1"]
    alone = {a.id: a.story for a in assign_stories(CORPUS + [walled], threshold=0.5, junk_title_weight=0)}
    assert alone["br-4"] != alone["br-1"]


# Three short reports of one invented blast, in different words, from different outlets and days:
# as a folder of their own they are one story, as they are among many other articles.
BLAST = [
    Article("bl-1", "An explosion at the grain terminal in Port Selwyn killed four dock workers on "
            "Monday, the harbour authority said. Windows shattered across the waterfront.",
            source="Coastal Times", title="Blast at Port Selwyn grain terminal kills four", published="2025-03-03"),
    Article("bl-2", "The death toll from Monday's grain terminal blast in Port Selwyn rose to six, "
            "hospital officials said, as investigators examined the silos.",
            source="Harbour News", title="Port Selwyn blast toll rises to six", published="2025-03-04"),
    Article("bl-3", "Investigators said dust may have set off the explosion that wrecked the Selwyn "
            "grain silos on March 3. Six people died and the terminal remains closed.",
            source="Wire Service", title="Dust suspected in silo explosion", published="2025-03-10"),
]


def test_a_small_folder_of_one_event_stays_one_story():
    assert len(set(stories_of(BLAST).values())) == 1
    assert len(set(stories_of(BLAST[1:]).values())) == 1


def test_a_pairs_decision_does_not_depend_on_the_rest_of_the_folder():
    mixed = stories_of(BLAST + CORPUS + [UNRELATED])
    assert len({mixed[a.id] for a in BLAST}) == 1
    assert mixed["bl-1"] not in {mixed[a.id] for a in CORPUS + [UNRELATED]}
    assert stories_of(BLAST)["bl-1"] == mixed["bl-1"]  # same members, same id


def test_named_dates_and_the_days_an_article_is_about():
    text = "It began on 14th of July and ended Jan. 2, 2021; a vigil is set for March 3."
    assert calendar_dates(text) == [(None, 7, 14), (2021, 1, 2), (None, 3, 3)]
    days = event_days(Article("x", text, published="2021-01-05"))
    assert days[0] == date(2021, 1, 5).toordinal()
    # a date without a year is its last occurrence up to the publication day
    assert set(days[1:]) == {date(2020, 7, 14).toordinal(), date(2021, 1, 2).toordinal(),
                             date(2020, 3, 3).toordinal()}
    assert event_days(Article("y", text)) == (date(2021, 1, 2).toordinal(),)  # undated: only full dates


def test_common_english_words_weigh_nothing_and_names_much():
    import numpy as np
    w = term_weights(["the", "said", "explosion", "selwyn"], np.array([3, 3, 3, 3]), n=3)
    assert w[0] < 0.05 and w[1] < w[2] < w[3]
    # in a large input, a name in hundreds of its articles no longer singles out one event
    big = term_weights(["selwyn", "selwyn"], np.array([2, 400]), n=2000)
    assert big[1] < big[0] / 2


def test_each_story_says_what_its_articles_share_and_which_sit_alone():
    from crosscheck.stories import describe_stories
    notes = {n.id: n for n in describe_stories(assign_stories(BLAST + [UNRELATED]))}
    blast = next(n for n in notes.values() if "bl-1" in n.articles)
    assert set(blast.articles) == {"bl-1", "bl-2", "bl-3"} and not blast.alone
    assert {"Selwyn", "grain"} <= set(blast.shared) and "said" not in blast.shared
    (single,) = [n for n in notes.values() if n.alone]
    assert single.articles == ("el-1",) and single.shared == ()


def test_report_json_and_page_explain_the_stories(tmp_path):
    from crosscheck.api import check_articles
    from crosscheck.report import render_html, to_json_dict
    result = check_articles(BLAST + [UNRELATED])
    stories = to_json_dict(result)["stories"]
    assert [len(s["articles"]) for s in stories] == [3, 1] and stories[1]["alone"]
    html = render_html(result)
    assert "shared: " in html and "Alone (no other article close enough" in html
    assert check_articles(BLAST, __import__("crosscheck.api").api.Settings(stories="one")).stories == []


def test_two_short_reports_of_one_fire_are_compared():
    # little text is little evidence either way: two one-line reports of a fire stay one story
    a = Article("t-1", "Four people died in the warehouse fire. Dozens were hurt.", source="A")
    b = Article("t-2", "Three people died in the warehouse fire, officials said. Hundreds were hurt.", source="B")
    assert len(set(stories_of([a, b]).values())) == 1


# One invented dam failure: two first reports, an inquiry's findings six months on and an anniversary
# piece a year on. The later two share few names with the first reports and name the event's day
# only as "the March 2019 dam failure" and "the March 3 dam collapse ... the 2019 flood".
DAM = [
    Article("dam-1", "The dam above Orwen gave way early on Sunday, March 3, and the Tamsin River swept "
            "through the lower town. Mayor Grete Solberg said 800 people had left their homes and three were "
            "missing.", source="Orwen Gazette", title="Dam fails above Orwen, lower town flooded",
            published="2019-03-04"),
    Article("dam-2", "Water was still standing in the streets of lower Orwen on Monday after the dam failure. "
            "Two of the three people missing were found alive in a church loft, Solberg said, and volunteers "
            "were handing out blankets at the sports hall.", source="Tamsin Valley News",
            title="Two found alive as Orwen flood waters linger", published="2019-03-05"),
    Article("dam-3", "An inquiry into the March 2019 dam failure at Orwen has found that cracks in the "
            "spillway were reported to the regional water board two years earlier. Its chair, Hallam Voss, "
            "told parliament that the board had put off repairs to save money and that budgets for "
            "inspections would be doubled.", source="National Post",
            title="Water board ignored spillway cracks, inquiry finds", published="2019-09-20"),
    Article("dam-4", "A year after the March 3 dam collapse, families gathered by the river to remember the "
            "woman who drowned in the 2019 flood. Builders are still at work on 120 houses, and a new "
            "school is due to open in the autumn, the parish priest told the crowd.",
            source="Tamsin Valley News", title="Orwen remembers the flood, one year on", published="2020-03-03"),
]
# Two invented earthquakes in one country seven years apart; a report of the second recalls the first
# by its month, below its opening sentence.
QUAKES = [
    Article("q16-1", "A magnitude 6.1 earthquake struck the hill town of Kelvary in western Marvonia before "
            "dawn on Saturday, flattening the old market and killing at least 14 people, the civil "
            "defence agency said.", source="Marvonia Today", title="Earthquake kills 14 in Kelvary",
            published="2016-04-10"),
    Article("q16-2", "Rescuers in Kelvary pulled two children alive from a collapsed school on Sunday as the "
            "death toll from Saturday's earthquake in Marvonia rose to 21. Civil defence chief Ilse Marrow "
            "said 300 homes were destroyed.", source="Eastern Wire", title="Kelvary quake toll rises to 21",
            published="2016-04-11"),
    Article("q23-1", "A strong earthquake shook the port of Brenholt in eastern Marvonia on Friday, "
            "toppling apartment blocks along the harbour and killing nine people, the interior ministry "
            "said. It was the country's deadliest earthquake since the April 2016 earthquake in Kelvary "
            "that killed 21 people.", source="Eastern Wire", title="Earthquake kills nine in Brenholt",
            published="2023-09-02"),
    Article("q23-2", "Cranes worked through the night in Brenholt to lift concrete slabs from the apartment "
            "blocks that collapsed in Friday's earthquake. Port director Samuel Achterberg said the harbour "
            "would reopen on Monday; the toll stands at nine.", source="Marvonia Today",
            title="Brenholt harbour to reopen after earthquake", published="2023-09-03"),
]


def test_reports_months_or_a_year_later_that_name_the_events_day_join_it():
    # without reading "March 2019" as a span and "March 3" also in 2019, the inquiry and the
    # anniversary piece are too far in time from the first reports for what they share
    s = stories_of(DAM)
    assert len(set(s.values())) == 1
    inquiry, anniversary = event_days(DAM[2]), event_days(DAM[3])
    march_2019 = (date(2019, 3, 1).toordinal(), date(2019, 3, 31).toordinal())
    assert march_2019 in inquiry[1:]
    assert date(2019, 3, 3).toordinal() in anniversary[1:]
    assert time_factor([event_days(DAM[0]), inquiry, anniversary], window_days=2, time_decay=0.2).min() == 1.0


def test_two_earthquakes_in_one_country_years_apart_stay_apart():
    s = stories_of(QUAKES)
    assert s["q16-1"] == s["q16-2"] and s["q23-1"] == s["q23-2"]
    assert s["q16-1"] != s["q23-1"]
    # the old quake's month, recalled below the opening sentence, is not a day the new report is about
    assert event_days(QUAKES[2]) == (date(2023, 9, 2).toordinal(),)


def test_the_lede_is_the_headline_and_dateline_above_the_first_sentence():
    text = "Dam fails above Orwen\n\nORWEN, March 4 -\n\nThe dam gave way on Jan. 3 at dawn. Three are missing.\nMore."
    assert lede(text) == "Dam fails above Orwen\n\nORWEN, March 4 -\n\nThe dam gave way on Jan. 3 at dawn."
    assert lede("No full stop here") == "No full stop here"


def test_a_month_is_a_span_of_days_in_time():
    march = (date(2019, 3, 1).toordinal(), date(2019, 3, 31).toordinal())
    f = time_factor([(date(2019, 9, 20).toordinal(), march), (date(2019, 3, 4).toordinal(),),
                     (date(2019, 5, 10).toordinal(),)], window_days=2, time_decay=0.2)
    assert f[0, 1] == 1.0  # 4 March lies in March
    assert f[0, 2] == pytest.approx((2 / 40) ** 0.2)  # 10 May is 40 days after 31 March
