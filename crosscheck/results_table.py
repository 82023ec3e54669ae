"""Election results as a table: for each story with vote shares, vote counts or seats, the candidates,
parties or options in rows and the sources in columns (one per article, and one more for an exit
poll or a parallel count it reports). A party's seats stand in its own row, in each source's cell
beside its share and votes: what a reader compares is one party's figures across sources, and a
source's seats beside the share that won them.

Built only from what the pipeline already decided, so it never disagrees with the group cards:
a row is one of align's vote groups (keyed by ``Group.subject_class``, the candidate's key that
``claims.votes.subject_keys`` gives, so "Emmerson Mnangagwa" and "MNANGAGWA" share a row), a
figure is marked from its group's pairs (``conflicting_pairs``, ``disputed_pairs``,
``revised_pairs``, ``update_pairs``), and each figure carries how far the count had got
(``Claim.count_stage``), which its column names when all its figures share it.

Bad input is reported, never fatal: a column whose shares add up to more than 100% (beyond what
rounding explains) and a share over 100% carry a note; a share that names no candidate is counted
under the table rather than made a row. :func:`results_tables` is pure: claims, groups and
articles in, frozen dataclasses out (the report, the review app and the JSON report all use it).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from .claims.vote_scope import row_scope
from .claims.votes import as_written
from .dates import is_date
from .models import Article, Claim, Group

SHARE, VOTES, SEATS, TURNOUT = "vote_share", "votes", "seats", "turnout"
TABLE_MEASURES = (SHARE, VOTES, SEATS, TURNOUT)  # (a cell's figures in this order)
PARTY_MEASURES = (SHARE, VOTES, SEATS)           # a candidate's or party's own figures: a table has some
# Row kinds, in the order they are shown. A vote group's key ends in " lead" for a margin ("Biden
# lead") and in " ballots" for a kind of ballot ("invalid ballots") -- claims.votes.subject_key's
# convention; neither is a candidate, so neither counts towards a column's total of shares.
# A key made by claims.vote_scope holds " + " for several candidates' shares added up, and
# " in <region>" for one region's result: neither is one candidate's share of the whole count either.
ROW_KINDS = ("candidate", "region", "sum", "margin", "ballots", "turnout")
TURNOUT_ROW = "turnout"
# An alternative count is never at the official count's stage: its figures get a column of their own.
_EXIT_POLL = re.compile(r"\bexit[- ]polls?\b|\bquick count\b", re.I)
_POLL = re.compile(r"\bpoll(?:s|sters?)?\b|\bsurveys?\b", re.I)
_PARALLEL = re.compile(r"\bparallel\b|\bopposition(?:'s|’s)? (?:own )?(?:count|tally|figures)\b"
                       r"|\bindependent (?:count|tally)\b", re.I)
# How a figure stands against another of its row, as the reader is told it (other columns named after).
MARK_WORDS = {
    "conflict": "conflicts with",
    "disputed": "disputed by",
    "revised_later": "lowered later by the same party in",
    "revision": "lowers the same party's figure in",
    "updated_later": "updated by a later count in",
    "update": "later count than",
}
# Marks that say the figures cannot all hold (shown as a disagreement) rather than a later count.
DISAGREEING = ("conflict", "disputed", "revised_later", "revision")


@dataclass(frozen=True)
class Mark:
    """How one figure stands against figures in other cells of its row."""
    kind: str                    # a key of MARK_WORDS
    columns: tuple[str, ...]     # ids of the columns holding the other figures (this one's own: "the same source")
    text: str                    # "conflicts with The Courier (97% counted)"


@dataclass(frozen=True)
class Figure:
    """One figure a source gives for a row, in one cell; the same figure said twice is one entry."""
    measure: str                 # vote_share, votes, seats or turnout
    text: str                    # as the article writes it ("52,6%", "more than 2.3 million")
    lo: Optional[float]
    hi: Optional[float]
    lo_open: bool
    hi_open: bool
    percent: bool                # a share (of the vote, of the electorate), not a count
    kind: str                    # the quantity's kind: exact, approximate ("around 42%"), vague, range...
    value: Optional[float]       # the point the text names ("around 42%" -> 42), for display
    stage: Optional[str]         # how far the count had got ("97% counted", "final"), when said
    claims: tuple[str, ...]      # claim ids
    marks: tuple[Mark, ...] = ()
    notes: tuple[str, ...] = ()  # "over 100%: no share of the vote can be"


@dataclass(frozen=True)
class Cell:
    column: str                  # Column.id
    figures: tuple[Figure, ...] = ()

    @property
    def disagrees(self) -> bool:
        return any(m.kind in DISAGREEING for f in self.figures for m in f.marks)

    @property
    def updated(self) -> bool:
        return any(m.kind in ("update", "updated_later") for f in self.figures for m in f.marks)


@dataclass(frozen=True)
class ShareTotal:
    """A column's candidates' shares at one count stage, added up."""
    stage: Optional[str]
    total: float                 # as written: 52.6% and 44% make 96.6%
    at_least: float              # at their lowest readings ("52%" may be 51.5%): what rounding cannot explain
    candidates: int
    over: bool                   # at_least more than 100% (+ tolerance): they cannot all be right


@dataclass(frozen=True)
class Column:
    """One article's figures, or the figures of one alternative count it reports."""
    id: str                      # "c1", "c2", ... in column order
    article: str
    source: str                  # the outlet (the article id when the outlet is unknown)
    published: Optional[str]
    producer: Optional[str]      # "exit poll", "parallel count"; None for the count itself
    stage: Optional[str]         # the count stage of all its figures ("97% counted"), None when they differ or say none
    by: tuple[str, ...]          # the official parties its figures are attributed to ("election commission")
    label: str                   # "The Courier (97% counted)": how marks name this column
    totals: tuple[ShareTotal, ...] = ()
    notes: tuple[str, ...] = ()  # "shares add up to more than 100% (at least 104.6%)..."


@dataclass(frozen=True)
class Row:
    key: str                     # align's key for the candidate (Group.subject_class), or "turnout"
    label: str                   # the most common spelling of the name in the row's figures
    kind: str                    # one of ROW_KINDS
    groups: tuple[tuple[str, str, str], ...]  # (measure, group id, verdict) of the row's groups
    cells: tuple[Cell, ...]      # one per column, in column order (a cell with no figures is empty)
    spellings: tuple[str, ...] = ()  # every spelling seen, most common first

    @property
    def disagrees(self) -> bool:
        return any(c.disagrees for c in self.cells)


@dataclass(frozen=True)
class ResultsTable:
    story: Optional[str]
    title: str                   # the story's first article's title (or id)
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unnamed_shares: int = 0      # vote shares that name no candidate: counted, not rows
    unnamed_votes: int = 0       # vote counts that name no candidate
    unnamed_seats: int = 0       # seat counts that name no party
    left_out: int = 0            # not totals: another election's figures, a poll before the vote, increments, parts


def alternative_count(claim: Claim) -> Optional[str]:
    """'exit poll', 'parallel count' or 'poll' when the figure comes from one (by its party or
    attribution); None for the count itself. (A poll before the vote is background: never shown.)"""
    said = claim.attribution or ""
    if claim.side == "pollsters" or _EXIT_POLL.search(said):
        return "exit poll"
    if claim.side == "opposition" or _PARALLEL.search(said):
        return "parallel count"
    return "poll" if _POLL.search(said) else None


def column_key(claim: Claim) -> tuple[str, Optional[str]]:
    """The column a figure belongs to: its article, and the alternative count it comes from if any
    (an exit poll beside the official count in one article is two columns; two count stages are one,
    each figure saying its own)."""
    return claim.article, alternative_count(claim)


def row_kind(key: str) -> str:
    if key == TURNOUT_ROW:
        return "turnout"
    if key == "lead" or key.endswith(" lead"):
        return "margin"
    scope = row_scope(key)
    if scope:
        return scope
    return "ballots" if key.endswith(" ballots") else "candidate"


def lowest_reading(claim: Claim) -> Optional[float]:
    """The least a figure can be as written: '52%' may be 51.5% rounded, 'more than 40%' is above 40."""
    written = as_written(claim)
    return written[0] if written else claim.quantity.lo


def _row_key(group: Group) -> Optional[str]:
    if group.measure == TURNOUT:
        return TURNOUT_ROW
    key = group.subject_class or group.subject or ""  # (a group made without align's keys: by its subject)
    return None if not group.subject or key.startswith("unspecified") else key


def _date_key(published: Optional[str]) -> str:
    return published if is_date(published) else "9999"


def results_tables(claims: Iterable[Claim], groups: Iterable[Group], articles: Iterable[Article],
                   tolerance: float = 0.1) -> list[ResultsTable]:
    """One table per story whose totals include vote shares, vote counts or seats, in story order.

    Only totals are shown (``Claim.compared_as_total``): not another election's figures or a poll
    before the vote (background), increments ("9,000 more"), parts or figures the article corrects.
    ``tolerance`` (points) is allowed above 100% on top of what each share's rounding explains
    before a column's shares are said to add up to too much."""
    articles = list(articles)
    order = {a.id: i for i, a in enumerate(articles)}
    by_article = {a.id: a for a in articles}
    by_claim = {c.id: c for c in claims}
    of_story: dict[Optional[str], list[Group]] = {}
    for g in groups:
        if g.measure in TABLE_MEASURES:
            of_story.setdefault(g.story, []).append(g)
    first_of = {}
    for a in articles:
        first_of.setdefault(a.story, a)
    tables = []
    for story, first in first_of.items():
        mine = of_story.get(story, [])
        members = {g.id: [by_claim[cid] for cid in g.claims + list(g.related) if cid in by_claim] for g in mine}
        if not any(c.measure in PARTY_MEASURES and c.compared_as_total for cs in members.values() for c in cs):
            continue
        tables.append(_table(story, first.title or first.id, mine, members, by_article, order, tolerance))
    return tables


def _table(story, title, groups: list[Group], members: dict[str, list[Claim]], by_article: dict[str, Article],
           order: dict[str, int], tolerance: float) -> ResultsTable:
    rows_of: dict[str, list[Group]] = {}
    unnamed: Counter = Counter()
    left_out = 0
    for g in groups:
        key = _row_key(g)
        totals = [c for c in members[g.id] if c.compared_as_total]
        left_out += len(members[g.id]) - len(totals)
        if key is None:
            unnamed.update(c.measure for c in totals)
        else:
            rows_of.setdefault(key, []).append(g)
    placed = [c for gs in rows_of.values() for g in gs for c in members[g.id] if c.compared_as_total]
    columns = _columns(placed, by_article, order)
    by_key = {(col.article, col.producer): col for col in columns}
    column_of = {c.id: by_key[column_key(c)] for c in placed}
    rows = sorted((_row(key, gs, members, columns, column_of) for key, gs in rows_of.items()), key=_row_order)
    by_claim = {c.id: c for c in placed}
    columns = [_checked(col, i, rows, by_claim, tolerance) for i, col in enumerate(columns)]
    return ResultsTable(story=story, title=title, columns=tuple(columns), rows=tuple(rows),
                        unnamed_shares=unnamed[SHARE], unnamed_votes=unnamed[VOTES], unnamed_seats=unnamed[SEATS],
                        left_out=left_out)


def _columns(placed: list[Claim], by_article: dict[str, Article], order: dict[str, int]) -> list[Column]:
    """Oldest article first (undated last, then input order); an article's count before its exit poll
    when the text gives it first."""
    first_at: dict[tuple, tuple] = {}
    of_column: dict[tuple, list[Claim]] = {}
    for c in placed:
        a = by_article.get(c.article)
        at = (_date_key(a.published if a else None), order.get(c.article, len(order)), c.quantity.start)
        key = column_key(c)
        first_at[key] = min(first_at.get(key, at), at)
        of_column.setdefault(key, []).append(c)
    out = []
    for n, key in enumerate(sorted(first_at, key=first_at.get), 1):
        article, producer = key
        a = by_article.get(article)
        source = (a.source if a else None) or article
        stages = {c.count_stage for c in of_column[key]}
        stage = stages.pop() if len(stages) == 1 else None
        by = tuple(sorted({c.party for c in of_column[key] if c.party and c.side == "official"}))
        said = [x for x in (producer, stage or ("official" if by and not producer else None)) if x]
        out.append(Column(id=f"c{n}", article=article, source=source, published=a.published if a else None,
                          producer=producer, stage=stage, by=by,
                          label=f"{source} ({', '.join(said)})" if said else source))
    return out


def _row(key: str, groups: list[Group], members: dict[str, list[Claim]], columns: list[Column],
         column_of: dict[str, Column]) -> Row:
    claims = [c for g in groups for c in members[g.id] if c.compared_as_total]
    marks = _marks(groups, column_of)
    cells = []
    for col in columns:
        mine = sorted((c for c in claims if column_of[c.id] is col),
                      key=lambda c: (TABLE_MEASURES.index(c.measure), c.quantity.start))
        cells.append(Cell(column=col.id, figures=_figures(mine, marks, col)))
    spellings = Counter(c.subject for c in claims if c.subject)
    ranked = sorted(spellings, key=lambda s: (-spellings[s], -len(s), s))
    kind = row_kind(key)
    label = "Turnout" if kind == "turnout" else (ranked[0] if ranked else key)
    return Row(key=key, label=label, kind=kind, groups=tuple((g.measure, g.id, g.verdict) for g in groups),
               cells=tuple(cells), spellings=tuple(ranked))


def _marks(groups: list[Group], column_of: dict[str, Column]) -> dict[str, dict[str, list[Column]]]:
    """claim id -> mark kind -> the columns of the figures on the pair's other side."""
    out: dict[str, dict[str, list[Column]]] = {}

    def add(cid, kind, other):
        if cid in column_of and other in column_of:
            seen = out.setdefault(cid, {}).setdefault(kind, [])
            if column_of[other] not in seen:
                seen.append(column_of[other])

    for g in groups:
        # conflicting_pairs holds the disputed and revised pairs too: each is said once, as what it is
        for a, b in g.disputed_pairs:
            add(a, "disputed", b)
            add(b, "disputed", a)
        for later, earlier in g.revised_pairs:
            add(later, "revision", earlier)
            add(earlier, "revised_later", later)
        for a, b in g.plain_conflict_pairs:
            add(a, "conflict", b)
            add(b, "conflict", a)
        for earlier, later in g.update_pairs:
            add(earlier, "updated_later", later)
            add(later, "update", earlier)
    return out


def _figures(claims: list[Claim], marks: dict[str, dict[str, list[Column]]], own: Column) -> tuple[Figure, ...]:
    merged: dict[tuple, list[Claim]] = {}
    for c in claims:
        q = c.quantity
        merged.setdefault((c.measure, q.lo, q.hi, q.lo_open, q.hi_open, c.count_stage), []).append(c)
    out = []
    for (measure, lo, hi, lo_open, hi_open, stage), cs in merged.items():
        kinds: dict[str, list[Column]] = {}
        for c in cs:
            for kind, others in marks.get(c.id, {}).items():
                have = kinds.setdefault(kind, [])
                have.extend(o for o in others if o not in have)
        # an article saying one figure twice ("PiS" and "Law and Justice (PiS)") may be paired twice with
        # another's: a difference between parties, or a party's own revision, is that, not also a conflict
        explained = [o for k in ("disputed", "revised_later", "revision") for o in kinds.get(k, [])]
        kinds = {k: [o for o in v if k != "conflict" or o not in explained] for k, v in kinds.items()}
        kinds = {k: v for k, v in kinds.items() if v}
        percent = measure == SHARE or (cs[0].quantity.unit or "").lower() in ("percent", "%")
        over = percent and lo is not None and lo > 100
        out.append(Figure(measure=measure, text=cs[0].quantity.text, lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open,
                          percent=percent, kind=cs[0].quantity.kind, value=cs[0].quantity.value,
                          stage=stage, claims=tuple(c.id for c in cs),
                          notes=("over 100%: no share can be",) if over else (),
                          marks=tuple(_mark(k, kinds[k], own) for k in MARK_WORDS if k in kinds)))
    return tuple(out)


def _mark(kind: str, columns: list[Column], own: Column) -> Mark:
    names = ", ".join("the same source" if c is own else c.label for c in columns)
    return Mark(kind=kind, columns=tuple(c.id for c in columns), text=f"{MARK_WORDS[kind]} {names}")


def _row_order(row: Row):
    def top(measure):
        values = [f.lo for c in row.cells for f in c.figures if f.measure == measure and f.lo is not None]
        return max(values, default=-1.0)
    return (ROW_KINDS.index(row.kind), -top(SHARE), -top(VOTES), -top(SEATS), row.label.casefold(), row.key)


def _checked(col: Column, index: int, rows: list[Row], by_claim: dict[str, Claim], tolerance: float) -> Column:
    """The column with its candidates' shares added up for each count stage, and a note for each that
    comes to more than 100%. A candidate counts once per stage, at the lowest reading of its lowest
    share ('52%' as 51.5%): shares that add up to more than 100% even so cannot all be right."""
    lowest: dict[Optional[str], dict[str, tuple[float, float]]] = {}  # stage -> row -> (lowest reading, as written)
    for row in rows:
        if row.kind != "candidate":
            continue
        for f in row.cells[index].figures:
            low = lowest_reading(by_claim[f.claims[0]]) if f.measure == SHARE else None
            if low is not None:
                mine = lowest.setdefault(f.stage, {})
                mine[row.key] = min(mine.get(row.key, (low, f.lo)), (low, f.lo))
    totals = []
    for stage, shares in sorted(lowest.items(), key=lambda kv: kv[0] or ""):
        at_least = sum(low for low, _ in shares.values())
        totals.append(ShareTotal(stage=stage, total=round(sum(lo for _, lo in shares.values()), 4),
                                 at_least=round(at_least, 4), candidates=len(shares), over=at_least > 100 + tolerance))
    several = len(totals) > 1
    notes = tuple("shares" + (f" at {t.stage or 'no stated stage'}" if several else "")
                  + f" add up to {t.total:g}%, more than 100% even allowing for rounding: they cannot all be right"
                  for t in totals if t.over)
    return replace(col, totals=tuple(totals), notes=col.notes + notes)
