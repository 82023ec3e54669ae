"""Reviewers' story merges and splits: stored in the review database, applied on later runs."""
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from crosscheck.api import Settings, check_articles, split_stories
from crosscheck.cli import main
from crosscheck.models import Article
from crosscheck.story_choices import (StoryChoice, StoryChoiceStore, apply_story_choices, merge_choice,
                                      split_choice)
from test_stories import BLAST, BRIDGE, FIRE


def stories(articles, choices=()):
    return {a.id: a.story for a in split_stories(list(articles), "auto", tuple(choices))}


def test_a_merge_joins_two_stories_and_a_split_parts_one():
    before = stories(BRIDGE + FIRE)
    assert before["br-1"] != before["fi-1"]
    merged = stories(BRIDGE + FIRE, [merge_choice(split_stories(BRIDGE + FIRE), ["br-1", "fi-2"], "ana")])
    assert len(set(merged.values())) == 1
    split = stories(BLAST, [split_choice(split_stories(list(BLAST)), ["bl-3"], "ana")])
    assert split["bl-1"] == split["bl-2"] != split["bl-3"]


def test_later_choices_win_and_the_inputs_story_wins_over_all():
    together = StoryChoice("merge", (("br-1", "fi-1"),))
    apart = StoryChoice("split", (("fi-1",), ("br-1",)))
    s = stories(BRIDGE + FIRE, [together, apart])
    assert s["br-1"] != s["fi-1"]
    given = [replace(BRIDGE[0], story="mine")] + BRIDGE[1:] + FIRE
    assert stories(given, [together])["br-1"] == "mine"


def test_a_chosen_story_keeps_its_members_id_and_new_articles_may_join_it():
    out = apply_story_choices(BLAST, [StoryChoice("split", (("bl-3",), ("bl-1", "bl-2")))])
    ids = {a.id: a.story for a in out}
    assert ids["bl-1"] == ids["bl-2"] != ids["bl-3"]
    assert ids["bl-1"] == stories(BLAST)["bl-1"]  # the story that kept its earliest member keeps its id
    later = Article("bl-4", "Port Selwyn's grain terminal reopened a month after the explosion that killed six.",
                    source="Coastal Times", title="Port Selwyn grain terminal reopens", published="2025-04-03")
    s = stories(BLAST + [later], [StoryChoice("split", (("bl-3",), ("bl-1", "bl-2")))])
    assert s["bl-4"] in {s["bl-1"], s["bl-3"]}


def test_choices_are_stored_in_order_and_bad_ones_refused(tmp_path):
    store = StoryChoiceStore(tmp_path / "review.sqlite")
    assert store.choices() == []
    store.add(StoryChoice("merge", (("a", "b"),), "ana"))
    store.add(StoryChoice("split", (("a",), ("b",)), "bo"))
    got = store.choices()
    assert [(c.kind, c.sets, c.reviewer) for c in got] == [("merge", (("a", "b"),), "ana"),
                                                           ("split", (("a",), ("b",)), "bo")]
    assert all(c.at for c in got)
    for bad in (StoryChoice("join", (("a",),), "ana"), StoryChoice("merge", (("a",),), " "),
                StoryChoice("split", (("a",), ()), "ana")):
        with pytest.raises(ValueError):
            store.add(bad)
    with pytest.raises(ValueError, match="no such article"):
        merge_choice(BLAST, ["nope"], "ana")
    with pytest.raises(ValueError, match="nothing would be left"):
        split_choice(split_stories(list(BLAST)), ["bl-1", "bl-2", "bl-3"], "ana")


def _write(folder, articles):
    folder.mkdir()
    for a in articles:
        (folder / f"{a.id}.txt").write_text(f"---\nsource: {a.source}\ntitle: {a.title}\npublished: {a.published}\n"
                                            f"---\n{a.text}\n", encoding="utf-8")


def test_the_cli_stores_a_choice_and_later_reports_apply_it(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "review.sqlite"
    _write(corpus, BRIDGE + FIRE)
    run = CliRunner().invoke
    listed = run(main, ["stories", str(corpus), "--db", str(db)])
    assert listed.exit_code == 0 and "shared: " in listed.output and listed.output.count("3 articles") == 2
    merged = run(main, ["stories", str(corpus), "--db", str(db), "--merge", "br-1.txt", "--merge", "fi-1.txt",
                        "--reviewer", "ana"])
    assert merged.exit_code == 0 and "stored: merge by ana" in merged.output and "6 articles" in merged.output
    out = tmp_path / "r.json"
    assert run(main, ["report", str(corpus), "--db", str(db), "-o", str(tmp_path / "r.html"),
                      "--json", str(out)]).exit_code == 0
    assert len({a["story"] for a in json.loads(out.read_text())["articles"]}) == 1
    refused = run(main, ["stories", str(corpus), "--db", str(db), "--split", "nope.txt", "--reviewer", "ana"])
    assert refused.exit_code == 1 and "no such article" in refused.output


def test_choices_ride_in_the_settings_and_are_ignored_when_all_is_one_story():
    merge = StoryChoice("merge", (("br-1", "fi-1"),))
    result = check_articles(BRIDGE + FIRE, Settings(story_choices=(merge,)))
    assert len({a.story for a in result.articles}) == 1
    assert {a.story for a in check_articles(BRIDGE, Settings(stories="one", story_choices=(merge,))).articles} == {None}
