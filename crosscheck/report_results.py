"""The election results tables (crosscheck.results_table) as the views `_results.html.j2` renders,
in the report page and in the review app: figures formatted, marks worded, notes as sentences."""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Callable, Optional

from .results_table import DISAGREEING, Column, Figure, ResultsTable

# The words a marked figure carries, visible beside it (the colour only repeats them): the mark, and
# how the columns of the other figures follow it ("conflict with The Courier").
MARK_BADGES = {"conflict": ("conflict", "with"), "disputed": ("disputed", "by"),
               "revised_later": ("lowered later", "in"), "revision": ("lowers its figure", "in"),
               "updated_later": ("updated later", "in"), "update": ("later count than", "")}
KIND_LABELS = {"margin": "a margin, not a candidate", "ballots": "ballots, not a candidate",
               "region": "one region's result, not the whole count", "sum": "several candidates added up"}
# after a count: "2,350,711 votes", "4,561,221 voted", "194 seats"
COUNT_UNITS = {"votes": " votes", "turnout": " voted", "seats": " seats"}
OTHERS_SHOWN = 2  # columns a mark names before "+N more" (all are in its tooltip)


def whole(x: Optional[float]) -> str:
    """A vote count exactly as counted: 2350711 -> '2,350,711' (never '2.35M': one vote matters)."""
    from .report import fmt_number  # the report's number formatting (it imports this module)
    if x is None or not math.isfinite(x):
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else fmt_number(x)


def figure_value(f: Figure) -> str:
    """'52,6%' -> '52.6%', '34.0 percent' -> '34.0%' (the decimals the article wrote), '2 350 711' ->
    '2,350,711 votes', 'more than 16 million' -> '> 16,000,000 votes'."""
    from .report import fmt_interval, fmt_number
    if f.kind == "vague":
        return f.text  # "a few thousand": its reading (a range) is in the tooltip
    if f.percent:
        written = re.search(r"\d+[.,](\d{1,2})(?!\d)", f.text)
        places = len(written.group(1)) if written else None
        number, unit = ((lambda x: f"{x:.{places}f}") if places else fmt_number), "%"
    else:
        number, unit = whole, COUNT_UNITS.get(f.measure, "")
    if f.kind == "approximate" and f.value is not None:
        return f"≈ {number(f.value)}{unit}"  # "around 42%": the figure said, not the span it is compared as
    return fmt_interval(f.lo, f.hi, f.lo_open, f.hi_open, unit, number=number)


def short_names(table: ResultsTable) -> dict[str, str]:
    """Column id -> the outlet's name, cut short, with "exit poll" (or the like) when the outlet has
    another column: how a mark names the other figures' columns in a narrow cell."""
    from .report_chart import truncate
    outlets = Counter(c.source for c in table.columns)
    # "France 24 / AP (via Yahoo News NZ)" is "France 24 / AP" here; the tooltip names it in full
    short = {c.id: truncate(re.sub(r"\s*\([^()]*\)$", "", c.source) or c.source, 22) for c in table.columns}
    return {c.id: short[c.id] + (f" {c.producer}" if c.producer and outlets[c.source] > 1 else "") for c in table.columns}


def _reading(f: Figure) -> str:
    from .report import fmt_interval
    return fmt_interval(f.lo, f.hi, f.lo_open, f.hi_open, "%" if f.percent else "", number=whole)


def _figure_view(f: Figure, column: Column, names: dict[str, str]) -> dict:
    marks = []
    for m in f.marks:
        said = ["the same source" if c == column.id else names.get(c, c) for c in m.columns]
        shown = ", ".join(said[:OTHERS_SHOWN]) + (f" +{len(said) - OTHERS_SHOWN} more" if len(said) > OTHERS_SHOWN else "")
        badge, joint = MARK_BADGES.get(m.kind, (m.kind, ""))
        marks.append({"kind": m.kind, "badge": badge, "text": m.text, "others": f"{joint} {shown}".strip(),
                      "disagrees": m.kind in DISAGREEING})
    return {"value": figure_value(f), "text": f.text, "measure": f.measure, "reading": _reading(f),
            "stage": f.stage if f.stage != column.stage else None,
            "marks": marks, "notes": list(f.notes), "claims": list(f.claims)}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _by_verdict(groups, group_href) -> list[dict]:
    """A row's groups as links, one line per verdict: "vote share, votes: Single source"."""
    from .report import VERDICT_LABELS, measure_label
    out: dict[str, dict] = {}
    for measure, gid, verdict in groups:
        line = out.setdefault(verdict, {"verdict": verdict, "links": [],
                                        "label": VERDICT_LABELS.get(verdict, verdict.replace("_", " "))})
        line["links"].append({"measure_label": measure_label(measure), "href": group_href(gid)})
    return list(out.values())


def results_view(table: ResultsTable, group_href: Callable[[str], str], dom_id: str,
                 current_group: Optional[str] = None) -> dict:
    """One table's view; ``group_href(group id)`` links a row to its group (the report's card, the
    review app's page); the row of ``current_group`` is marked as the one being looked at."""
    def totals(c):
        # a lone candidate's share "added up" is only its share again: shown only when over 100%
        shown = [t for t in c.totals if t.candidates > 1 or t.over]
        return [{"stage": t.stage if len(shown) > 1 else None, "total": f"{t.total:g}%", "over": t.over} for t in shown]

    columns = [{"id": c.id, "source": c.source, "published": c.published, "producer": c.producer,
                "stage": c.stage, "by": ", ".join(c.by), "notes": list(c.notes),
                "totals": totals(c)}
               for c in table.columns]
    names = short_names(table)
    rows = []
    for r in table.rows:
        cells = []
        for col, cell in zip(table.columns, r.cells):
            figures = [_figure_view(f, col, names) for f in cell.figures]
            cells.append({"figures": figures, "disagrees": cell.disagrees, "updated": cell.updated,
                          "column": col.source})
        rows.append({
            "label": r.label, "kind": r.kind, "kind_label": KIND_LABELS.get(r.kind),
            "also": [s for s in r.spellings if s != r.label], "disagrees": r.disagrees,
            "current": current_group in {gid for _, gid, _ in r.groups},
            "verdicts": _by_verdict(r.groups, group_href),
            "cells": cells})
    left = []
    if table.unnamed_shares:
        left.append(_plural(table.unnamed_shares, "share names", "shares name") + " no candidate")
    if table.unnamed_votes:
        left.append(_plural(table.unnamed_votes, "vote count names", "vote counts name") + " no candidate")
    if table.unnamed_seats:
        left.append(_plural(table.unnamed_seats, "seat count names", "seat counts name") + " no party")
    if table.left_out:
        left.append(_plural(table.left_out, "figure is", "figures are") + " not shown: not a total "
                    "(another election's, a poll before the vote, an increment or a part)")
    return {"dom_id": dom_id, "title": table.title, "story": table.story, "columns": columns, "rows": rows,
            "has_totals": any(c["totals"] for c in columns), "left": left,
            "n_disagree": sum(1 for r in rows if r["disagrees"])}
