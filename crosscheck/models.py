"""Records that cross stage boundaries.

Each stage of the pipeline (ingest -> numbers -> claims -> align -> report) takes
and returns these dataclasses; the tables users see (claims, groups) are built from
them with :func:`dataclasses.asdict`. Keeping them here, and only here, is what lets
a stage be replaced without touching its neighbours.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# The kinds a Quantity may have. "ordinal" is reported separately from counts:
# "the sixth time" is never a fraction, and only the claims stage decides whether an
# ordinal such as "a third person died" implies a cumulative count. "age" ("a 65-year-old") is
# reported only when asked for (``crosscheck numbers``); it counts nobody and is never a claim.
QUANTITY_KINDS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague", "ordinal", "age")

MEASURES = ("deaths", "injuries", "detentions", "missing", "displaced", "participants",
            "vote_share", "turnout", "votes", "seats", "money", "other")

VERDICTS = ("conflict", "disputed", "revised", "update", "consistent", "single_source")


@dataclass(frozen=True)
class Article:
    """One news article as read from the input, with its metadata."""
    id: str
    text: str
    source: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date: YYYY-MM-DD, or YYYY-MM when the page gives only the month
    path: Optional[str] = None
    url: Optional[str] = None
    story: Optional[str] = None
    inferred: tuple[str, ...] = ()  # names of fields guessed from the text, not given
    # which source gave ``published`` ("given", "page metadata", "URL", "dateline", "published line",
    # "text"; crosscheck/dates.py), and what is odd about it ("the URL says 2025-04", "in the future")
    date_source: Optional[str] = None
    date_issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A figure found in text, as an interval.

    ``lo``/``hi`` are the bounds (None = unbounded); they are equal for an exact figure.
    ``lo_open``/``hi_open`` say whether a bound is excluded ("more than 20" -> lo=20, open).
    ``value`` is the point the text names (the number itself), kept for display.
    """
    text: str
    start: int
    end: int
    lo: Optional[float]
    hi: Optional[float]
    kind: str
    value: Optional[float] = None
    qualifier: Optional[str] = None
    unit: Optional[str] = None
    lo_open: bool = False
    hi_open: bool = False
    increment: bool = False  # "hundreds more", "another five", "a further 20"


@dataclass(frozen=True)
class Claim:
    """A figure the text says counts something: a measure of a subject."""
    id: str
    article: str
    measure: str
    subject: Optional[str]
    quantity: Quantity
    sentence: str
    sentence_start: int
    trigger: Optional[str] = None             # the words that made it a claim
    trigger_span: Optional[tuple[int, int]] = None
    attribution: Optional[str] = None
    scope: Optional[str] = None               # time scope: "in the first days", "on Thursday"
    part_of: Optional[str] = None             # id of the claim this one is a subset of
    hedged: bool = False
    implicit: bool = False                    # "a man was shot and killed" -> 1
    cumulative: bool = False                  # "rose to", "a third person died": a running total
    background: bool = False                  # about a whole period ("this year", "in 2009"), not the story
    roundup: bool = False                     # adds up several incidents ("in separate shootings across the city")
    some_only: bool = False                   # counts only some ("died at the scene"): compared as a lower bound
    contested: bool = False                   # includes the gunman or an unborn child: compared as [N-1, N]
    superseded: bool = False                  # the article says it was an earlier figure ("initially said five")
    lowered: bool = False                     # the text says the total went down to it ("revised down to 171")
    provisional: bool = False                 # the article says it may still change ("so far", "no third death at this time")
    party: Optional[str] = None               # who gave the figure, as a party ("health ministry", "organisers")
    side: Optional[str] = None                # the party's side ("official", "organisers", "independent"...)
    # of an election result: how far the count had got when the figure was given ("97% counted",
    # "preliminary", "final", "official"), so a later count is read as an update
    count_stage: Optional[str] = None
    # when the figure stood, when its sentence says so ("as at 29 August", "till 7 pm", "said on
    # Tuesday"): an ISO date or date and time; compared before the article's own date (as_of.py)
    as_of: Optional[str] = None
    # where the figure was counted, when its own clause says (claims/place.py): a site's kind ("airport",
    # "camp"), a named place ("Juliaca") or "nationwide"; and its level: "site", "named" or "national"
    place: Optional[str] = None
    place_level: Optional[str] = None

    @property
    def lo(self): return self.quantity.lo

    @property
    def hi(self): return self.quantity.hi

    @property
    def increment(self) -> bool: return self.quantity.increment

    @property
    def compared_as_total(self) -> bool:
        """Whether this figure may stand for its article's total: not an increment ("another
        five"), a part ("two of them"), background ("this year") or an earlier figure the article
        corrects. Roundups are totals too, of several incidents: callers that want one incident
        leave them out."""
        return not (self.quantity.increment or self.part_of or self.background or self.superseded)


@dataclass
class Group:
    """Claims from different articles about the same thing, with a verdict."""
    id: str
    measure: str
    subject: Optional[str]
    verdict: str
    severity: float
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    best_value: Optional[str] = None          # the most-supported figure, as text
    best_sources: list[str] = field(default_factory=list)
    range_lo: Optional[float] = None          # min-max across sources (conservative convention)
    range_hi: Optional[float] = None
    reason: str = ""
    story: Optional[str] = None
    subject_class: Optional[str] = None
    # claims shown with the group but never compared as totals: increments ("hundreds more"),
    # parts of a whole ("among them 120 officers") and an article's other mentions
    related: list[str] = field(default_factory=list)
    # pairs of claim ids that cannot both hold, and pairs explained by a later update
    conflicting_pairs: list[tuple[str, str]] = field(default_factory=list)
    update_pairs: list[tuple[str, str]] = field(default_factory=list)
    # pairs of representative figures that differ, where one article also gives a figure fitting the
    # other's (a stale headline over an updated body): not a contradiction between the sources
    explained_pairs: list[tuple[str, str]] = field(default_factory=list)
    # of the conflicting pairs: those between parties on different sides ("police" vs "organisers"),
    # and those where one party lowered its own earlier figure
    disputed_pairs: list[tuple[str, str]] = field(default_factory=list)
    revised_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def plain_conflict_pairs(self) -> list[tuple[str, str]]:
        """The conflicting pairs that are neither a dispute nor a revision: outlets that disagree."""
        special = {frozenset(p) for p in list(self.disputed_pairs) + list(self.revised_pairs)}
        return [p for p in self.conflicting_pairs if frozenset(p) not in special]
