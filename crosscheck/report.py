"""Render a :class:`~crosscheck.result.Result` for people and for other programs.

Three outputs, all built from the same ids so a fact-checker can move between them:

* JSON (:func:`to_json_dict`, :func:`write_json`): a stable contract for tools;
* CSV (:func:`write_csv`): the claims/groups/articles tables, for spreadsheets;
* HTML (:func:`render_html`, :func:`write_html`): one self-contained offline page.

Everything here is deterministic (no timestamps, no random ids, stable ordering) so
a committed report can be compared byte-for-byte with a regenerated one.

Article text is untrusted (it is scraped news, it may contain markup or worse), so
the HTML page is built with autoescaping on, highlighted text is assembled from
escaped pieces with :mod:`markupsafe`, no untrusted text ever reaches the inline
script, and a Content-Security-Policy allows nothing but that script (by hash).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from markupsafe import Markup, escape

from .claims import default_measures
from .corrections import correction_view
from .dates import date_note, is_date
from .models import MEASURES, VERDICTS, Article, Claim, Group
from .report_chart import chart as _chart
from .report_chart import truncate
from .report_frame import claim_frame, party_positions, revisions, timeline, when_order
from .report_results import results_view
from .results_table import results_tables
from .result import GROUP_COLUMNS, Result, claim_row, decision_row

__all__ = [
    "to_json_dict", "write_json", "write_csv", "render_html", "write_html",
    "slugify", "sentence_anchor", "highlight_sentence",
]

# ---------------------------------------------------------------------------
# JSON and CSV
# ---------------------------------------------------------------------------

ARTICLE_JSON_KEYS = ("id", "source", "title", "published", "path", "url", "story", "inferred", "date_source",
                     "date_issues")
# Columns that hold character offsets or row numbers: pandas turns an int column with a
# missing value into float ("12.0"), which is wrong for an offset, so they are written
# as nullable integers.
_INT_COLUMNS = ("start", "end", "sentence_start", "trigger_start", "trigger_end", "row")


def _plain(value):
    """A JSON-safe copy: tuples become lists, NaN/inf become null, numpy scalars
    become Python numbers (a stage may hand us numpy floats from pandas)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _summary(result: Result) -> dict:
    counts = Counter(g.verdict for g in result.groups)
    # Every known verdict is always present (zero included) so consumers need no defaults;
    # an unknown verdict from a newer aligner is still counted, after the known ones.
    by_verdict = {v: counts.get(v, 0) for v in VERDICTS}
    by_verdict.update({v: counts[v] for v in sorted(counts) if v not in VERDICTS})
    return {"articles": len(result.articles), "claims": len(result.claims),
            "groups": len(result.groups), "by_verdict": by_verdict}


def to_json_dict(result: Result) -> dict:
    """The result as plain JSON-ready data: the contract other tools read.

    Groups keep the order of ``result.groups`` (the aligner sorts them by verdict then
    severity); claims and articles keep input order. Claim rows are exactly
    :func:`crosscheck.result.claim_row`, so JSON, CSV and the page agree on fields and ids.
    """
    return _plain({
        "articles": [{k: getattr(a, k) for k in ARTICLE_JSON_KEYS} for a in result.articles],
        "claims": [claim_row(c) for c in result.claims],
        "groups": [{k: v for k, v in asdict(g).items() if k in GROUP_COLUMNS}
                   | ({"decision": decision_row(result.decisions.get(g.id))} if result.decisions else {})
                   for g in result.groups],
        **({"corrections": [correction_view(r) for r in result.corrections]} if result.corrections else {}),
        "stories": [{"id": n.id, "title": n.title, "articles": list(n.articles), "shared": list(n.shared),
                     "alone": n.alone} for n in result.stories],
        # per story with vote shares or counts: candidates x sources (crosscheck.results_table)
        "results_tables": [asdict(t) for t in results_tables(result.claims, result.groups, result.articles)],
        "skipped": [{"path": s.path, "reason": s.reason, "row": s.row} for s in result.skipped],
        "warnings": list(result.warnings),
        "summary": _summary(result),
    })


def write_json(result: Result, path) -> Path:
    """Write :func:`to_json_dict` as UTF-8, indented, with a final newline."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(to_json_dict(result), indent=2, ensure_ascii=False, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _csv_ready(df):
    """Join list-valued cells with ';' and keep offsets as integers (see _INT_COLUMNS)."""
    df = df.copy()
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = df[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        if col in _INT_COLUMNS:
            df[col] = df[col].astype("Int64")
    return df


def write_csv(result: Result, directory) -> list[Path]:
    """Write claims.csv, groups.csv and articles.csv into ``directory``; return the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in (("claims", result.claims_df), ("groups", result.groups_df),
                     ("articles", result.articles_df)):
        path = directory / f"{name}.csv"
        # lineterminator fixed so the files are byte-identical on every platform.
        _csv_ready(df).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------------------
# Ids, anchors and highlighting
# ---------------------------------------------------------------------------

_ID_SAFE = re.compile(r"[A-Za-z0-9._-]+")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def slugify(value: str) -> str:
    """A deterministic, HTML-id- and URL-fragment-safe form of ``value``.

    Ids that are already safe (``000_8b29.txt``) are kept as they are, so anchors stay
    readable. Anything else is reduced to safe characters *and* given a short hash of
    the original, so two ids that reduce to the same text stay distinguishable.
    """
    value = str(value)
    if _ID_SAFE.fullmatch(value):
        return value
    base = _ID_UNSAFE.sub("-", value).strip("-")[:40] or "id"
    return f"{base}-{hashlib.sha1(value.encode('utf-8')).hexdigest()[:8]}"


def sentence_anchor(article_id: str, sentence_start: int) -> str:
    """The id of a claim's sentence in the articles appendix of the HTML page."""
    return f"art-{slugify(article_id)}-s{sentence_start}"


def _group_dom_id(group_id: str) -> str:
    return f"group-{slugify(group_id)}"


def _claim_dom_id(claim_id: str) -> str:
    return f"claim-{slugify(claim_id)}"


def _render_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """Escape ``text`` and wrap each (start, end, css class) span in ``<mark>``.

    Spans must be sorted and must not overlap (callers resolve overlaps first)."""
    out, pos = [], 0
    for start, end, cls in spans:
        out.append(escape(text[pos:start]))
        out.append(Markup('<mark class="{}">{}</mark>').format(cls, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _figure_span(claim: Claim) -> Optional[tuple[int, int]]:
    """Where the figure is in the claim's sentence.

    The offsets are article offsets; if they do not point at the figure's text (an
    upstream offset bug) we fall back to the first occurrence rather than mark the
    wrong words."""
    q, sentence = claim.quantity, claim.sentence
    start, end = q.start - claim.sentence_start, q.end - claim.sentence_start
    if 0 <= start < end <= len(sentence) and (not q.text or sentence[start:end] == q.text):
        return start, end
    found = sentence.find(q.text) if q.text else -1
    return (found, found + len(q.text)) if found >= 0 else None


def highlight_sentence(claim: Claim) -> Markup:
    """The claim's sentence as safe HTML: the figure in ``<mark class="figure">`` and the
    trigger words in ``<mark class="trigger">``.

    The figure always stays one contiguous mark with exactly its characters (it is what
    the reader checks); a trigger overlapping it is clipped around it, a trigger partly
    outside the sentence is clipped to the sentence, one wholly outside is ignored."""
    sentence = claim.sentence
    spans: list[tuple[int, int, str]] = []
    figure = _figure_span(claim)
    if figure:
        spans.append((*figure, "figure"))
    if claim.trigger_span:
        t0 = max(claim.trigger_span[0] - claim.sentence_start, 0)
        t1 = min(claim.trigger_span[1] - claim.sentence_start, len(sentence))
        pieces = [(t0, t1)]
        if figure:  # cut the figure out of the trigger: up to two pieces remain
            pieces = [(t0, min(t1, figure[0])), (max(t0, figure[1]), t1)]
        spans += [(a, b, "trigger") for a, b in pieces if a < b]
    return _render_spans(sentence, sorted(spans))


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------

VERDICT_LABELS = {"conflict": "Conflict", "disputed": "Disputed", "revised": "Revised", "update": "Update",
                  "consistent": "Consistent",
                  "single_source": "Single source"}
SECTIONS = {  # verdict -> (section id, heading, what it means for the reader)
    "conflict": ("conflicts", "Conflicts",
                 "Sources give figures that cannot all be right at the same time. Most severe first."),
    "disputed": ("disputed", "Disputed",
                 "Named parties give different figures (police and organisers, a ministry and doctors): "
                 "each party's figures are shown with the outlets that report them."),
    "revised": ("revised", "Revised",
                "The same authority lowered its own earlier figure: check why before using either."),
    "update": ("updates", "Updates",
               "Figures differ, but later reports plausibly revise earlier ones (for example a rising toll)."),
    "consistent": ("consistent", "Consistent",
                   "Sources agree within the precision they state."),
    "single_source": ("single-source", "Single-source claims",
                      "Only one source reports the figure, so there is nothing to check it against."),
}
BADGE_WORDS = {  # verdict -> (one, several): "1 conflict", "2 conflicts" in the page head
    "conflict": ("conflict", "conflicts"), "update": ("update", "updates"),
    "disputed": ("disputed", "disputed"), "revised": ("revised", "revised"),
    "consistent": ("consistent", "consistent"), "single_source": ("single source", "single source"),
}
PERCENT_UNITS = {"%", "percent", "per cent", "percentage", "pct"}


def measure_label(measure: str) -> str:
    return "other figures" if measure == "other" else measure.replace("_", " ")


def fmt_number(x: Optional[float]) -> str:
    """12.0 -> '12', 1234 -> '1,234', 0.125 -> '0.13', 2.5e6 -> '2.5M'."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "?"
    if abs(x) >= 1e6:
        for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
            if abs(x) >= div:
                return f"{x / div:.2f}".rstrip("0").rstrip(".") + suffix
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_interval(lo, hi, lo_open=False, hi_open=False, unit: str = "", number=fmt_number) -> str:
    """An interval as a reader would say it: '12', '12–20', '≥ 12', '< 20' (each bound by ``number``)."""
    if lo is None and hi is None:
        return "unspecified"
    if hi is None:
        return f"{'>' if lo_open else '≥'} {number(lo)}{unit}"
    if lo is None:
        return f"{'<' if hi_open else '≤'} {number(hi)}{unit}"
    if lo == hi:
        return f"{number(lo)}{unit}"
    return f"{number(lo)}–{number(hi)}{unit}"


def _unit_suffix(claims: list[Claim]) -> str:
    units = {(c.quantity.unit or "").strip().lower() for c in claims}
    return "%" if units and units <= PERCENT_UNITS else ""


def _source_name(article: Optional[Article], fallback: str) -> str:
    return (article.source if article and article.source else None) or fallback


def _source_key(name: str) -> str:
    # data-sources is "|"-separated, so a "|" inside a name must not split it.
    return name.replace("|", "/")


def _safe_href(url: Optional[str]) -> Optional[str]:
    """Only plain web links become clickable; anything else (javascript:, data:) is text."""
    if url and re.match(r"https?://[^\s]+$", url.strip(), re.I):
        return url.strip()
    return None


# ---------------------------------------------------------------------------
# View models for the template
# ---------------------------------------------------------------------------

class _Index:
    """Lookups built once per render (Result's own helpers rebuild a dict per call)."""

    def __init__(self, result: Result):
        self.decisions = result.decisions
        self.reviewed = {r.correction.claim_id: correction_view(r) for r in result.corrections}
        # a story is named by the title of its first article; shown only when there are several
        self.story_titles: dict[str, str] = {}
        for a in result.articles:
            if a.story and a.story not in self.story_titles:
                self.story_titles[a.story] = a.title or a.id
        self.many_stories = len({a.story for a in result.articles}) > 1
        self.articles = {a.id: a for a in result.articles}
        self.claims = {c.id: c for c in result.claims}
        self.groups = {g.id: g for g in result.groups}
        self.claim_group: dict[str, str] = {}  # claim id -> first group listing it
        for g in result.groups:
            for cid in g.claims:
                self.claim_group.setdefault(cid, g.id)
        # the group whose card carries a claim's anchor: a part ("including four children") is shown
        # with its whole and again in its own subject's group; only one of them may hold its id
        self.claim_home = dict(self.claim_group)
        for g in result.groups:
            for cid in getattr(g, "related", []):
                self.claim_home.setdefault(cid, g.id)


# What a claim's flags mean, in the order they are shown: (Claim attribute, label, tooltip).
CLAIM_FLAGS = [
    ("increment", "increment", "adds to an earlier figure (“another five”), not a total"),
    ("cumulative", "running total", "a cumulative figure (“rose to”)"),
    ("provisional", "so far", "the article says the figure may still change (“so far”, “at this time”)"),
    ("hedged", "hedged", "the text hedges the figure (“may have”, “reportedly”)"),
    ("implicit", "implicit", "the figure is implied, not written as a number"),
    ("background", "background", "about a whole period (“this year”), not the story: never compared"),
    ("some_only", "some only", "counts only some of them (“died at the scene”): compared as a lower bound"),
    ("contested", "includes gunman or unborn", "counts someone other sources may leave out: compared as N−1 to N"),
    ("roundup", "several incidents",
     "adds up several incidents (“in separate shootings across the city”): compared only with other such figures"),
    ("superseded", "earlier figure",
     "the article itself says this was an earlier figure (“police initially said five”): never compared"),
]


def _counts_the_dead_too(claim: Claim) -> bool:
    """'Five people shot': a weak trigger whose figure align widens by the story's deaths."""
    try:
        m = default_measures().measure(claim.measure)
    except StopIteration:  # a measure of a user's vocabulary
        return False
    return bool(m.weak_also_counts and m.is_weak_trigger(claim.trigger))


def _claim_view(claim: Claim, ix: _Index) -> dict:
    article = ix.articles.get(claim.article)
    q = claim.quantity
    flags = [(label, title) for attr, label, title in CLAIM_FLAGS if getattr(claim, attr)]
    if _counts_the_dead_too(claim):
        flags.append(("may include the dead", "“shot” counts the wounded and any dead together: compared as N minus "
                                              "the most deaths any article of the story gives, to N"))
    part_of = None
    if claim.part_of:
        known = claim.part_of in ix.claims
        part_of = {"id": claim.part_of, "href": "#" + _claim_dom_id(claim.part_of) if known else None}
    return {
        "id": claim.id, "dom_id": _claim_dom_id(claim.id),
        "source": _source_name(article, claim.article),
        "source_inferred": bool(article and "source" in article.inferred),
        "published": article.published if article else None,
        "published_iso": bool(article and is_date(article.published)),
        "date_note": date_note(article.date_source) if article else None,
        "date_issues": article.date_issues if article else (),
        "attribution": claim.attribution, "party": claim.party, "scope": claim.scope, "trigger": claim.trigger,
        "flags": flags, "part_of": part_of,
        # who is counted, according to whom, as of when (report_frame.py)
        "frame": claim_frame(claim, article),
        "kind": q.kind.replace("_", " "), "qualifier": q.qualifier,
        "value": fmt_interval(q.lo, q.hi, q.lo_open, q.hi_open, _unit_suffix([claim])),
        "figure_text": q.text or "",
        "sentence_html": highlight_sentence(claim),
        "anchor": "#" + sentence_anchor(claim.article, claim.sentence_start),
        "correction": ix.reviewed.get(claim.id),
    }


def _frame_views(group: Group, views: list[dict], related: list[dict], ix: _Index) -> dict:
    """The group's figures arranged by their frame (report_frame.py): the parties' positions when
    parties dispute, a timeline when a running total changed, and who lowered their own figure."""
    view_of = {v["id"]: v for v in views + related}
    pairs = {k: list(getattr(group, k, []) or []) for k in ("disputed_pairs", "revised_pairs", "update_pairs")}
    for cid in dict.fromkeys(c for ps in pairs.values() for p in ps for c in p):
        if cid not in view_of and cid in ix.claims:  # a pair may name an article's other figure
            view_of[cid] = _claim_view(ix.claims[cid], ix)
    changed = group.verdict in ("update", "revised") or (group.verdict == "conflict" and pairs["update_pairs"])
    points = []
    if changed:
        shown = {v["id"] for v in views}
        points = timeline(views + [view_of[c] for p in pairs["update_pairs"] for c in p
                                   if c in view_of and c not in shown])
    return {"positions": party_positions(pairs["disputed_pairs"], views, view_of),
            "timeline": points if len(points) > 1 else [],
            "revisions": revisions(pairs["revised_pairs"], view_of)}


def _group_view(group: Group, ix: _Index) -> dict:
    found = [(i, ix.claims[cid]) for i, cid in enumerate(group.claims) if cid in ix.claims]
    # earliest figure first (when its sentence says it stood, else its article's date), so updates read
    # top to bottom; undated reports go last
    shown = sorted(((_claim_view(c, ix), c, i) for i, c in found), key=lambda vci: when_order(vci[0], vci[2]))
    views, claims = [v for v, _, _ in shown], [c for _, c, _ in shown]
    missing = [cid for cid in group.claims if cid not in ix.claims]
    unit = _unit_suffix(claims)

    # Chart rows are labelled with the source; a source that reports twice gets "#1", "#2"
    # (in the same order as the claim list below), kept short enough to fit the label column.
    counts, seen, labels = Counter(v["source"] for v in views), Counter(), []
    for v in views:
        seen[v["source"]] += 1
        labels.append(f"{truncate(v['source'], 19)} #{seen[v['source']]}" if counts[v["source"]] > 1
                      else v["source"])

    sources = list(dict.fromkeys(v["source"] for v in views))
    related = [_claim_view(ix.claims[cid], ix) for cid in getattr(group, "related", []) if cid in ix.claims]
    for v in views + related:
        if ix.claim_home.get(v["id"], group.id) != group.id:
            v["dom_id"] += "-in-" + _group_dom_id(group.id)  # shown again here: its anchor is elsewhere
    frame = _frame_views(group, views, related, ix)
    severity = group.severity
    sev_ok = isinstance(severity, (int, float)) and math.isfinite(severity)
    return {
        "id": group.id, "dom_id": _group_dom_id(group.id), "verdict": group.verdict,
        "verdict_label": VERDICT_LABELS.get(group.verdict, group.verdict.replace("_", " ").capitalize()),
        "severity": f"{severity:.2f}" if sev_ok else "n/a",
        "severity_value": min(max(float(severity), 0.0), 1.0) if sev_ok else 0.0,
        "measure": group.measure, "measure_label": measure_label(group.measure),
        "subject": group.subject,
        "sources": sources, "data_sources": "|".join(_source_key(s) for s in sources),
        # the outlets, as named everywhere else on the card (best_sources holds article ids)
        "best_value": group.best_value,
        "best_sources": list(dict.fromkeys(_source_name(ix.articles.get(a), a) for a in group.best_sources)),
        "range": (fmt_interval(group.range_lo, group.range_hi, unit=unit)
                  if group.range_lo is not None or group.range_hi is not None else None),
        "reason": group.reason,
        "n_articles": len(set(group.articles) or {c.article for c in claims}),
        "chart": _chart(claims, labels, unit) if len(claims) > 1 else None,
        "claims": views, "missing_claims": missing,
        # increments and parts of a whole: shown with the group, never compared as totals
        "related": related,
        **frame,
        "decision": ix.decisions.get(group.id),
        # figures a reviewer said are not claims: out of the comparison, still shown where they were
        "not_claims": [v for v in ix.reviewed.values() if v["not_a_claim"] and v["applied"] and v["group_id"] == group.id],
        "story": ({"id": group.story, "title": ix.story_titles.get(group.story, group.story)}
                  if ix.many_stories and group.story else None),
    }


GLANCE_ROWS = 8      # compared groups listed in the page head; the rest are a link away
GLANCE_FIGURES = 6   # distinct figures per row before "+N more"
GLANCE_JOIN = {"conflict": "vs", "disputed": "vs", "update": "then", "revised": "then"}  # between figures; anything else: "·"


def _glance(sections: list[dict]) -> dict:
    """The page head's summary: each compared group as one line, what each source says
    and whether the sources agree, so the answer is on the first screen.

    Groups come in reading order (conflicts, updates, consistent; most severe first).
    Figures are shown as the articles wrote them ("hundreds", "Two"), in the group's
    chronological order, one entry per distinct wording with the sources that used it."""
    compared = [g for s in sections if not s["compact"] for g in s["groups"]]
    rows = []
    for g in compared[:GLANCE_ROWS]:
        figures: dict[str, dict] = {}
        for cl in g["claims"]:
            text = cl["figure_text"].strip() or cl["value"]
            key = " ".join(text.lower().split())
            # words ("hundreds", "three") get the number they were read as beside them
            entry = figures.setdefault(key, {"text": truncate(text, 40), "sources": [],
                                             "value": None if re.search(r"\d", text) else cl["value"],
                                             # a dispute is between parties: say whose figure it is
                                             "party": cl["frame"]["party"] if g["positions"] else None})
            if cl["source"] not in entry["sources"]:
                entry["sources"].append(cl["source"])
        shown = list(figures.values())
        for f in shown:
            f["sources_label"] = ", ".join(truncate(n, 32) for n in f["sources"][:3]) + (
                f" +{len(f['sources']) - 3}" if len(f["sources"]) > 3 else "")
        rows.append({"href": "#" + g["dom_id"], "verdict": g["verdict"], "verdict_label": g["verdict_label"],
                     "measure_label": g["measure_label"], "subject": g["subject"],
                     "figures": shown[:GLANCE_FIGURES], "more_figures": max(len(shown) - GLANCE_FIGURES, 0),
                     "join": GLANCE_JOIN.get(g["verdict"], "·")})
    single = [g for s in sections if s["compact"] for g in s["groups"]]
    single_section = next((s["id"] for s in sections if s["compact"]), None)
    single_measures = list(dict.fromkeys(g["measure_label"] for g in single))
    return {"rows": rows, "more": max(len(compared) - GLANCE_ROWS, 0),
            "more_href": "#" + next((s["id"] for s in sections if s["groups"] and not s["compact"]), "main"),
            "single": len(single), "single_href": "#" + single_section if single_section else None,
            "single_measures": ", ".join(single_measures[:5]) + (", …" if len(single_measures) > 5 else "")}


def group_views(result: Result) -> dict[str, dict]:
    """Every group's view (chart geometry, highlighted sentences) by group id, as the
    report's group partial (_group.html.j2) renders it; the review app shows the same."""
    ix = _Index(result)
    return {g.id: _group_view(g, ix) for g in result.groups}


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text split on blank lines, empty ones dropped."""
    ranges, pos = [], 0
    for m in re.finditer(r"\r?\n[ \t\r]*\n\s*", text):
        ranges.append((pos, m.start()))
        pos = m.end()
    ranges.append((pos, len(text)))
    return [(a, b) for a, b in ranges if text[a:b].strip()]


def _sentence_spans(article: Article, claims: list[Claim]):
    """Resolve where each claim sentence sits in the article text.

    Returns (spans, points): spans are non-overlapping (start, end, anchor id) to wrap;
    points are (offset, anchor id) for sentences that cannot be wrapped (not found at
    their offset or anywhere, or overlapping another sentence) and get an empty anchor,
    so every "read in article" link still lands somewhere sensible."""
    text = article.text
    wanted: dict[str, tuple[int, int] | int] = {}
    for c in claims:
        anchor = sentence_anchor(c.article, c.sentence_start)
        if anchor in wanted:
            continue
        s, e = c.sentence_start, c.sentence_start + len(c.sentence)
        if c.sentence and text[s:e] == c.sentence:
            wanted[anchor] = (s, e)
        elif c.sentence and text.find(c.sentence) >= 0:
            s = text.find(c.sentence)
            wanted[anchor] = (s, s + len(c.sentence))
        else:
            wanted[anchor] = min(max(c.sentence_start, 0), len(text))
    spans, points, last_end = [], [], -1
    for anchor, where in sorted(wanted.items(), key=lambda kv: (kv[1] if isinstance(kv[1], int) else kv[1][0], kv[0])):
        if isinstance(where, int):
            points.append((where, anchor))
        elif where[0] >= last_end:
            spans.append((where[0], where[1], anchor))
            last_end = where[1]
        else:
            points.append((where[0], anchor))
    return spans, points


def _article_paragraphs(article: Article, claims: list[Claim]) -> list[Markup]:
    """The article text as escaped paragraphs, each claim sentence wrapped in
    ``<span class="sent" id="art-…-s…">`` and each figure in ``<mark class="fig">``."""
    text = article.text
    spans, points = _sentence_spans(article, claims)
    figures = sorted((c.quantity.start, c.quantity.end) for c in claims
                     if 0 <= c.quantity.start < c.quantity.end <= len(text))
    paragraphs = _paragraph_ranges(text) or [(0, len(text))]
    # A point anchor in the gap between paragraphs is shown at the next paragraph's start.
    point_at: dict[int, list[str]] = {}
    for pos, anchor in points:
        pi = next((i for i, (a, b) in enumerate(paragraphs) if pos < b), len(paragraphs) - 1)
        a, b = paragraphs[pi]
        point_at.setdefault(min(max(pos, a), b), []).append(anchor)

    def sentence_at(pos):
        return next((sp for sp in spans if sp[0] <= pos < sp[1]), None)

    def in_figure(pos):
        return any(a <= pos < b for a, b in figures)

    emitted: set[str] = set()
    out = []
    for ps, pe in paragraphs:
        cuts = {ps, pe} | {p for p in point_at if ps <= p < pe}
        cuts |= {x for s, e, _ in spans for x in (s, e) if ps < x < pe}
        cuts |= {x for s, e in figures for x in (s, e) if ps < x < pe}
        cuts = sorted(cuts)
        # Elementary pieces: within each, the sentence and figure state is constant.
        pieces = [(a, b, sentence_at(a), in_figure(a)) for a, b in zip(cuts, cuts[1:])]
        html: list[Markup] = []
        open_sentence = None
        for a, b, sent, fig in pieces:
            if sent is not open_sentence:
                if open_sentence is not None:
                    html.append(Markup("</span>"))
                if sent is not None:
                    anchor = sent[2]
                    if anchor in emitted:
                        html.append(Markup('<span class="sent">'))
                    else:
                        emitted.add(anchor)
                        html.append(Markup('<span class="sent" id="{}">').format(anchor))
                open_sentence = sent
            for anchor in point_at.get(a, []):
                if anchor not in emitted:
                    emitted.add(anchor)
                    html.append(Markup('<span class="sent-anchor" id="{}"></span>').format(anchor))
            chunk = text[a:b]
            html.append(Markup('<mark class="fig">{}</mark>').format(chunk) if fig else escape(chunk))
        if open_sentence is not None:
            html.append(Markup("</span>"))
        for anchor in point_at.get(pe, []):
            if anchor not in emitted:
                emitted.add(anchor)
                html.append(Markup('<span class="sent-anchor" id="{}"></span>').format(anchor))
        out.append(Markup("").join(html))
    return out


def _article_view(article: Article, claims: list[Claim], ix: _Index) -> dict:
    links = []
    for c in claims:
        gid = ix.claim_group.get(c.id)
        g = ix.groups.get(gid) if gid else None
        links.append({"label": f"{measure_label(c.measure)}: {c.quantity.text}",
                      "href": "#" + _group_dom_id(gid) if g else "#" + _claim_dom_id(c.id),
                      "verdict": g.verdict if g else None})
    return {
        "id": article.id, "dom_id": f"doc-{slugify(article.id)}",
        "title": article.title, "source": article.source, "published": article.published,
        "published_iso": is_date(article.published),
        "date_note": date_note(article.date_source), "date_issues": article.date_issues,
        "path": article.path, "url": article.url, "url_href": _safe_href(article.url),
        "story": article.story, "inferred": set(article.inferred),
        "paragraphs": _article_paragraphs(article, claims), "claim_links": links,
    }


def results_views(result: Result, group_href=lambda gid: "#" + _group_dom_id(gid), current_group=None,
                  tables=None) -> list[dict]:
    """The election results ``tables`` (by default built from ``result``) as `_results.html.j2` renders
    them; rows link to their groups by ``group_href`` (the report's cards by default)."""
    if tables is None:
        tables = results_tables(result.claims, result.groups, result.articles)
    return [results_view(t, group_href, f"results-{slugify(t.story or 'all')}", current_group) for t in tables]


def _page_context(result: Result, title: str) -> dict:
    ix = _Index(result)
    group_views = [_group_view(g, ix) for g in result.groups]

    # Sections in fixed reading order; within each, result.groups order (severity first).
    verdict_order = list(VERDICTS) + sorted({g.verdict for g in result.groups} - set(VERDICTS))
    sections = []
    for v in verdict_order:
        sec_id, heading, help_text = SECTIONS.get(v, (f"verdict-{slugify(v)}", v.replace("_", " ").capitalize(), ""))
        n = sum(1 for gv in group_views if gv["verdict"] == v)
        sections.append({"verdict": v, "id": sec_id, "heading": heading, "help": help_text,
                         "badge": BADGE_WORDS.get(v, (heading.lower(),) * 2)[n != 1],
                         "label": VERDICT_LABELS.get(v, heading), "compact": v == "single_source",
                         "groups": [gv for gv in group_views if gv["verdict"] == v]})

    dates = sorted(a.published for a in result.articles if is_date(a.published))
    sources = sorted({a.source for a in result.articles if a.source}, key=lambda s: (s.casefold(), s))
    group_sources = sorted({s for gv in group_views for s in gv["sources"]}, key=lambda s: (s.casefold(), s))
    measures_present = {g.measure for g in result.groups}
    measures = [m for m in MEASURES if m in measures_present] + sorted(measures_present - set(MEASURES))

    claims_by_article: dict[str, list[Claim]] = {}
    for c in result.claims:
        claims_by_article.setdefault(c.article, []).append(c)

    script = _static("report.js")
    return {
        "title": title,
        "summary": {
            "articles": len(result.articles), "claims": len(result.claims),
            "groups": len(result.groups), "sources": len(sources),
            "date_from": dates[0] if dates else None, "date_to": dates[-1] if dates else None,
            "undated": sum(1 for a in result.articles if not is_date(a.published)),
        },
        "sections": sections,
        "results": results_views(result),
        "glance": _glance(sections),
        "skipped": result.skipped,
        "warnings": result.warnings,
        "corrections": list(ix.reviewed.values()),
        "stories": result.stories,
        "filters": {
            "verdicts": [(s["verdict"], s["label"], len(s["groups"])) for s in sections],
            "measures": [(m, measure_label(m)) for m in measures],
            "sources": [(_source_key(s), s) for s in group_sources],
            # a story filter only when the corpus holds several stories
            "stories": sorted(((k, v) for k, v in ix.story_titles.items()), key=lambda kv: (kv[1].casefold(), kv[0]))
            if ix.many_stories else [],
        },
        "articles": [_article_view(a, claims_by_article.get(a.id, []), ix)
                     for a in result.articles],
        "style": Markup(_static("report.css")),
        "script": Markup(script),
        "csp": Markup(_csp(script)),  # built from constants and a base64 digest only
    }


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _env():
    import jinja2
    # autoescape=True (not select_autoescape) because select_autoescape keys on the last
    # extension, and ".j2" would leave report.html.j2 unescaped.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("crosscheck", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def _static(name: str) -> str:
    """A static asset's source, verbatim (not rendered: the CSP hash covers exact bytes)."""
    env = _env()
    return env.loader.get_source(env, name)[0]


def stylesheet() -> Markup:
    """The report's CSS (the review app's pages use it too)."""
    return Markup(_static("report.css"))


def page_csp() -> str:
    """The report page's Content-Security-Policy (also sent as a header by the review app)."""
    return _csp(_static("report.js"))


def _csp(script: str) -> str:
    # Only our own inline script, identified by its hash, may run; nothing may be fetched.
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; "
            f"script-src 'sha256-{digest}'; "
            "style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def render_html(result: Result, title: str = "crosscheck report") -> str:
    """The discrepancy report as one self-contained, offline, deterministic HTML page."""
    return _env().get_template("report.html.j2").render(**_page_context(result, title))


def write_html(result: Result, path, title: str = "crosscheck report") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n" so the bytes do not depend on the platform; "replace" so a stray
    # surrogate in scraped text cannot abort the whole report.
    with open(path, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
        fh.write(render_html(result, title=title))
    return path
