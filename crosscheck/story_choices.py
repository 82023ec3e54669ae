"""Reviewers' story choices: "these stories are one event" (merge) and "these articles are another
event" (split), stored in the review database and applied on every later run.

A choice names articles, not story ids: article ids are the input's own (file paths, row ids) and do
not move, while a story's id comes from its earliest member and changes when members do. A merge
stores every member of the stories joined; a split stores the articles taken out and the ones left.
On a later run each stored set becomes a story given in the input (:func:`apply_story_choices`), so
clustering keeps it whole and apart from the other sets of the same choice, and new articles may
still join it. Later choices win over earlier ones for the articles they name; a ``story`` given in
the input wins over every choice.

The choices live in their own append-only table of the review database (created when first used),
beside the review decisions: one file holds what reviewers decided.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from .models import Article

KINDS = ("merge", "split")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_choices (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    sets      TEXT NOT NULL,
    reviewer  TEXT NOT NULL,
    at        TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class StoryChoice:
    """``sets``: groups of article ids, each to be one story, apart from the others (a merge has one
    set, a split two: the articles taken out and the rest)."""
    kind: str
    sets: tuple[tuple[str, ...], ...]
    reviewer: str = ""
    at: str = ""


class StoryChoiceStore:
    """The story choices of a review database (SQLite), in the order they were made."""

    def __init__(self, path: str | Path):
        self.path = str(path)

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30)
        con.execute(_SCHEMA)
        return con

    def add(self, choice: StoryChoice) -> StoryChoice:
        """Store ``choice`` (stamped now); raises ValueError for an unknown kind, an empty set or a
        missing reviewer."""
        if choice.kind not in KINDS:
            raise ValueError(f"unknown story choice {choice.kind!r} (one of {', '.join(KINDS)})")
        if not choice.reviewer.strip():
            raise ValueError("a story choice needs a reviewer name")
        if not choice.sets or not all(choice.sets):
            raise ValueError("a story choice needs articles in every set")
        stamped = replace(choice, at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        con = self._connect()
        try:
            with con:
                con.execute("INSERT INTO story_choices (kind, sets, reviewer, at) VALUES (?, ?, ?, ?)",
                            (stamped.kind, json.dumps([list(s) for s in stamped.sets]), stamped.reviewer, stamped.at))
        finally:
            con.close()
        return stamped

    def choices(self) -> list[StoryChoice]:
        if not Path(self.path).exists():
            return []
        con = self._connect()
        try:
            rows = con.execute("SELECT kind, sets, reviewer, at FROM story_choices ORDER BY id").fetchall()
        finally:
            con.close()
        return [StoryChoice(kind, tuple(tuple(s) for s in json.loads(sets)), reviewer, at)
                for kind, sets, reviewer, at in rows]


def merge_choice(articles: Sequence[Article], named: Sequence[str], reviewer: str) -> StoryChoice:
    """Join the stories of the ``named`` articles (``articles`` carry the current stories)."""
    stories = {a.story for a in articles if a.id in set(named)}
    _check_named(articles, named)
    return StoryChoice("merge", (tuple(a.id for a in articles if a.story in stories),), reviewer)


def split_choice(articles: Sequence[Article], named: Sequence[str], reviewer: str) -> StoryChoice:
    """Take the ``named`` articles out of their stories into one story of their own."""
    _check_named(articles, named)
    moved = set(named)
    stories = {a.story for a in articles if a.id in moved}
    rest = tuple(a.id for a in articles if a.story in stories and a.id not in moved)
    if not rest:
        raise ValueError("nothing would be left: the named articles are their whole story")
    return StoryChoice("split", (tuple(a.id for a in articles if a.id in moved), rest), reviewer)


def _check_named(articles: Sequence[Article], named: Sequence[str]) -> None:
    missing = set(named) - {a.id for a in articles}
    if missing:
        raise ValueError(f"no such article: {', '.join(sorted(missing))}")


def apply_story_choices(articles: Sequence[Article], choices: Sequence[StoryChoice]) -> list[Article]:
    """The articles with the stored choices as given stories (see the module docstring).

    Each set of present articles gets one story id, the id clustering would give those members
    (:func:`crosscheck.stories.story_id`), so a merged or split story reads like any other.
    """
    from .stories import story_id
    label: dict[str, tuple[int, int]] = {}
    for n, choice in enumerate(choices):
        for k, ids in enumerate(choice.sets):
            label.update({i: (n, k) for i in ids})
    members: dict[tuple[int, int], list[Article]] = {}
    for a in articles:
        if a.story is None and a.id in label:
            members.setdefault(label[a.id], []).append(a)
    story = {a.id: story_id(group) for group in members.values() for a in group}
    return [replace(a, story=story[a.id]) if a.id in story else a for a in articles]
