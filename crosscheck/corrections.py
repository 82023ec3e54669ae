"""Reviewers' corrections of claims the extractor misread, and how they are applied to a run.

A reviewer who sees a misread figure corrects the claim: its bounds, its measure, its subject, its
scope (when or where the figure holds), its attribution, or says it is not a claim at all. A
correction is stored (crosscheck.review) keyed by the claim id, which is stable while the claim's
sentence is unchanged, with a hash of the article's text: while the text is the same the
correction is applied on every run, after extraction and before alignment, so verdicts are
recomputed from the corrected claims; once the text changes (or the claim is no longer found) the
correction is shown as orphaned and no longer applied. Nothing is dropped.

Everything here is pure: the store, the app and the CLI call :func:`apply_corrections` (through
``crosscheck.api``) and :func:`correction_fields`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from .models import MEASURES, Article, Claim

# What a correction may set, in the order a form shows them. Bounds are numbers or None (unbounded);
# measure is a measure name; subject, scope and attribution are text or None.
CORRECTABLE = ("lo", "hi", "measure", "subject", "scope", "attribution")
NOT_A_CLAIM = "not_a_claim"
FIELD_LABELS = {"lo": "lower bound", "hi": "upper bound", "measure": "measure", "subject": "subject",
                "scope": "when / where", "attribution": "attributed to", NOT_A_CLAIM: "not a claim"}
_MEASURE_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_TEXT = 200


class CorrectionError(ValueError):
    """A correction that cannot be stored as given (a bound that is not a number, lo above hi...)."""


@dataclass(frozen=True)
class Correction:
    """The current correction of one claim, as stored."""
    claim_id: str
    article_id: str
    article_hash: str             # sha1 of the article's text when corrected: a change orphans it
    fields: dict                  # corrected field -> value ({} = the extractor's reading was confirmed)
    before: dict                  # the claim as the extractor read it (shown, and exported as the input)
    reviewer: str
    corrected_at: str
    note: str = ""
    group_id: str = ""            # the group page it was made on
    revision: int = 1

    @property
    def not_a_claim(self) -> bool:
        return bool(self.fields.get(NOT_A_CLAIM))

    def changes(self) -> list[tuple[str, object, object]]:
        """(label, before, after) for each corrected field."""
        if self.not_a_claim:
            return [(FIELD_LABELS[NOT_A_CLAIM], "a claim", "not a claim")]
        return [(FIELD_LABELS[k], self.before.get(k), self.fields[k]) for k in CORRECTABLE if k in self.fields]


@dataclass(frozen=True)
class ReviewedClaim:
    """What became of a correction in this run: applied, or orphaned (and why)."""
    correction: Correction
    applied: bool
    why: str = ""                 # for an orphan: what changed
    claim: Optional[Claim] = field(default=None, compare=False)  # the corrected claim, when applied


def article_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def claim_fields(claim: Claim) -> dict:
    """A claim's correctable fields, and what identifies it for a reader (the 'before' of a correction)."""
    q = claim.quantity
    return {"lo": q.lo, "hi": q.hi, "measure": claim.measure, "subject": claim.subject, "scope": claim.scope,
            "attribution": claim.attribution, "text": q.text, "kind": q.kind, "article": claim.article,
            "sentence": claim.sentence, "figure_start": q.start - claim.sentence_start,
            "figure_end": q.end - claim.sentence_start, "trigger": claim.trigger}


def corrected_claim(claim: Claim, fields: dict) -> Claim:
    """``claim`` with ``fields`` set (bounds replace the figure's interval; its text stays)."""
    q = claim.quantity
    if "lo" in fields or "hi" in fields:
        lo, hi = fields.get("lo", q.lo), fields.get("hi", q.hi)
        kind = ("exact" if lo == hi else "range" if lo is not None and hi is not None
                else "lower_bound" if lo is not None else "upper_bound")
        q = replace(q, lo=lo, hi=hi, kind=kind, value=lo if lo == hi else None, lo_open=False, hi_open=False)
    claim = replace(claim, quantity=q, **{k: fields[k] for k in ("measure", "subject", "scope", "attribution")
                                          if k in fields})
    if "attribution" in fields:
        # who gave the figure decides disputes: a corrected attribution names its party and side anew
        from .claims import default_measures
        party, side = default_measures().party_of(fields["attribution"])
        claim = replace(claim, party=party, side=side)
    return claim


def apply_corrections(claims: list[Claim], articles: Iterable[Article],
                      corrections: Iterable[Correction]) -> tuple[list[Claim], list[ReviewedClaim]]:
    """The claims to align, with every attached correction applied, and what became of each correction.

    A correction is attached while its claim is extracted again from an article whose text hashes as
    when it was made. A claim corrected as "not a claim" is left out of the claims (so out of every
    group); its correction stays listed as applied.
    """
    hashes = {a.id: article_hash(a.text) for a in articles}
    by_claim = {c.claim_id: c for c in corrections}
    present = {c.id: c for c in claims}
    states: dict[str, ReviewedClaim] = {}
    for cid, corr in by_claim.items():
        if corr.article_id not in hashes:
            states[cid] = ReviewedClaim(corr, False, "the article is no longer in the corpus")
        elif hashes[corr.article_id] != corr.article_hash:
            states[cid] = ReviewedClaim(corr, False, "the article's text changed since the correction")
        elif cid not in present:
            states[cid] = ReviewedClaim(corr, False, "the claim is no longer extracted from the article")
        else:
            states[cid] = ReviewedClaim(corr, True, claim=None if corr.not_a_claim
                                        else corrected_claim(present[cid], corr.fields))
    out = []
    for c in claims:
        state = states.get(c.id)
        if state is None or not state.applied:
            out.append(c)
        elif state.claim is not None:
            out.append(state.claim)
    return out, sorted(states.values(), key=lambda s: (not s.applied, s.correction.corrected_at))


# ---- a reviewer's form -> the fields to store ---------------------------------------------
def _bound(raw: Optional[str], name: str) -> Optional[float]:
    raw = (raw or "").strip().replace(",", "").replace("\u2009", "").replace(" ", "")
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise CorrectionError(f"the {FIELD_LABELS[name]} must be a number (or empty for none): {raw[:40]!r}") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise CorrectionError(f"the {FIELD_LABELS[name]} must be a number of zero or more")
    return value


def _text(raw: Optional[str]) -> Optional[str]:
    text = " ".join((raw or "").split())[:MAX_TEXT]
    return text or None


def correction_fields(form: dict, extracted: Claim, measures: Iterable[str] = MEASURES) -> dict:
    """The fields a reviewer's form changes against the claim as the extractor read it.

    The form shows the claim's current values (corrected or not); a field left as the extractor read
    it is not a correction, so submitting the extractor's reading unchanged stores an empty
    correction: the reading is confirmed (and an earlier correction withdrawn)."""
    if form.get(NOT_A_CLAIM):
        return {NOT_A_CLAIM: True}
    read = claim_fields(extracted)
    new = {"lo": _bound(form.get("lo"), "lo"), "hi": _bound(form.get("hi"), "hi"),
           "measure": (form.get("measure") or "").strip(), "subject": _text(form.get("subject")),
           "scope": _text(form.get("scope")), "attribution": _text(form.get("attribution"))}
    if new["lo"] is None and new["hi"] is None:
        raise CorrectionError("a figure needs a lower or an upper bound (or mark it as not a claim)")
    if new["lo"] is not None and new["hi"] is not None and new["lo"] > new["hi"]:
        raise CorrectionError("the lower bound is above the upper bound")
    if not _MEASURE_NAME.fullmatch(new["measure"]) or (new["measure"] not in set(measures)
                                                         and new["measure"] != read["measure"]):
        raise CorrectionError(f"unknown measure {new['measure'][:40]!r}")
    return {k: v for k, v in new.items() if v != read[k]}


# ---- for pages ------------------------------------------------------------------------------
def show_value(value) -> str:
    """A field's value as a reviewer reads it: 12.0 -> '12', None -> 'none'."""
    if value is None:
        return "none"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def form_number(value: Optional[float]) -> str:
    """A bound as a form field's value ('' for none), read back by :func:`correction_fields`."""
    return "" if value is None else show_value(value)


def correction_view(r: ReviewedClaim) -> dict:
    """One correction for the report and the review app: what was read, what it was corrected to."""
    c = r.correction
    return {"claim_id": c.claim_id, "article": c.article_id, "reviewer": c.reviewer, "at": c.corrected_at,
            "note": c.note, "applied": r.applied, "why": r.why, "not_a_claim": c.not_a_claim,
            "confirmed": not c.fields, "group_id": c.group_id, "revision": c.revision,
            "figure": c.before.get("text", ""), "sentence": c.before.get("sentence", ""),
            "changes": [(label, show_value(a), show_value(b)) for label, a, b in c.changes()]}


def export_row(c: Correction, history: Iterable) -> dict:
    """One line of ``crosscheck corrections export``: the input (sentence, figure, the extractor's
    reading) and the label (the reading a reviewer corrected it to), with who and when."""
    read = {k: c.before.get(k) for k in CORRECTABLE}
    label = {} if c.not_a_claim else read | {k: c.fields[k] for k in CORRECTABLE if k in c.fields}
    return {
        "claim_id": c.claim_id, "article": c.article_id, "article_hash": c.article_hash,
        "sentence": c.before.get("sentence"), "figure": c.before.get("text"),
        "figure_start": c.before.get("figure_start"), "figure_end": c.before.get("figure_end"),
        "trigger": c.before.get("trigger"), "extracted": read, "corrected": label,
        "is_claim": not c.not_a_claim, "changed": sorted(c.fields), "reviewer": c.reviewer,
        "corrected_at": c.corrected_at, "note": c.note, "revision": c.revision,
        "history": [{"reviewer": h.reviewer, "at": h.at, "from": h.from_fields, "to": h.to_fields, "note": h.note}
                    for h in history],
    }
