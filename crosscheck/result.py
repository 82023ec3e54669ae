"""The outcome of a check: what was read, what was claimed, how claims line up."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Optional

from .models import Article, Claim, Group


# verdicts a fact-checker must review: sources that cannot all be right, parties that disagree,
# an authority that lowered its own figure
FLAGGED = ("conflict", "disputed", "revised")


@dataclass(frozen=True)
class Skipped:
    """An input that was not read as an article, and why (nothing is skipped silently)."""
    path: str
    reason: str
    row: Optional[int] = None


@dataclass
class Result:
    articles: list[Article]
    claims: list[Claim]
    groups: list[Group]
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # review decisions by group id (crosscheck.review.Decision), when a review database is given
    decisions: dict = field(default_factory=dict)
    # what became of each reviewer's correction of a claim (crosscheck.corrections.ReviewedClaim):
    # applied to ``claims`` (and so to the groups), or orphaned
    corrections: list = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        return self._articles_by_id()[article_id]

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id()[claim_id]

    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @property
    def conflicts(self) -> list[Group]:
        return [g for g in self.groups if g.verdict in FLAGGED]

    @cached_property
    def stories(self) -> list:
        """Why each story's articles were put together, and which sit alone
        (crosscheck.stories.StoryNote, largest story first); none when no article has a story
        (``--stories one``). Computed on first use."""
        from .stories import describe_stories
        return describe_stories(self.articles)

    @property
    def claims_df(self):
        """One row per claim: the quantity's fields flattened beside the claim's."""
        import pandas as pd
        return pd.DataFrame([claim_row(c) for c in self.claims], columns=CLAIM_COLUMNS)

    @property
    def groups_df(self):
        import pandas as pd
        rows = [asdict(g) | decision_row(self.decisions.get(g.id)) for g in self.groups]
        return pd.DataFrame(rows, columns=GROUP_COLUMNS + DECISION_COLUMNS)

    @property
    def articles_df(self):
        import pandas as pd
        rows = [{k: v for k, v in asdict(a).items() if k != "text"} for a in self.articles]
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


CLAIM_COLUMNS = ["id", "article", "measure", "subject", "lo", "hi", "lo_open", "hi_open", "kind",
                 "value", "qualifier", "unit", "increment", "text", "start", "end", "sentence",
                 "sentence_start", "trigger", "trigger_start", "trigger_end", "attribution", "scope",
                 "part_of", "hedged", "implicit", "cumulative", "background", "roundup",
                 "some_only", "contested", "superseded", "provisional", "party", "side", "count_stage", "as_of", "lowered",
                 "place", "place_level"]
GROUP_COLUMNS = ["id", "measure", "subject", "verdict", "severity", "claims", "articles", "best_value",
                 "best_sources", "range_lo", "range_hi", "reason", "story", "subject_class", "related",
                 "conflicting_pairs", "update_pairs", "explained_pairs", "disputed_pairs", "revised_pairs"]
DECISION_COLUMNS = ["decision", "decision_reason", "decision_note", "reviewer", "decided_at", "decision_claim"]
ARTICLE_COLUMNS = ["id", "source", "title", "published", "path", "url", "story", "inferred", "date_source", "date_issues"]


def claim_row(c: Claim) -> dict:
    q = c.quantity
    ts = c.trigger_span or (None, None)
    return {
        "id": c.id, "article": c.article, "measure": c.measure, "subject": c.subject,
        "lo": q.lo, "hi": q.hi, "lo_open": q.lo_open, "hi_open": q.hi_open, "kind": q.kind,
        "value": q.value, "qualifier": q.qualifier, "unit": q.unit, "increment": q.increment,
        "text": q.text, "start": q.start, "end": q.end, "sentence": c.sentence,
        "sentence_start": c.sentence_start, "trigger": c.trigger, "trigger_start": ts[0],
        "trigger_end": ts[1], "attribution": c.attribution, "scope": c.scope, "part_of": c.part_of,
        "hedged": c.hedged, "implicit": c.implicit, "cumulative": c.cumulative, "background": c.background,
        "roundup": c.roundup, "some_only": c.some_only, "contested": c.contested, "superseded": c.superseded,
        "provisional": c.provisional, "party": c.party, "side": c.side, "count_stage": c.count_stage,
        "as_of": c.as_of, "lowered": c.lowered, "place": c.place, "place_level": c.place_level,
    }


def decision_row(d) -> dict:
    """A review decision flattened for a table row (empty when the group is not reviewed)."""
    if d is None:
        return dict.fromkeys(DECISION_COLUMNS)
    return {"decision": d.decision, "decision_reason": d.reason, "decision_note": d.note,
            "reviewer": d.reviewer, "decided_at": d.decided_at, "decision_claim": d.right_claim}
