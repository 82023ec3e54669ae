"""The report's chart: all claims of a group on one numeric axis (linear, or logarithmic when the
figures span orders of magnitude), as geometry the HTML template draws as SVG."""
from __future__ import annotations

import math
from typing import Optional

from .models import Claim



CHART_W, LABEL_W, PLOT_X0, PLOT_X1, VALUE_X = 720, 164, 176, 596, 612
ROW_H, TOP, AXIS_H = 24, 8, 30
LOG_SPREAD = 50      # max/min above this -> log scale (a 3-vs-5000 chart is unreadable on a line)
OPEN_EXTENT = 1.3    # one-sided bounds run to 1.3x the largest finite bound, then an arrow


def _nice_step(span: float, target_ticks: int = 5) -> float:
    raw = span / target_ticks
    if not (raw > 0 and math.isfinite(raw)):  # a span too small or large to write (5e-324, 1e308)
        return max(abs(span), 1.0) if math.isfinite(span) else 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _scale(values: list[float], open_right: bool):
    """Return (kind, domain_lo, domain_hi, ticks as (value, labelled), to_x).

    Linear by default, starting at 0 for non-negative data so bar lengths are honest.
    Log only when every value is positive and max/min > LOG_SPREAD: then small and huge
    figures (3 dead vs 3,000 dead) both stay visible, and ticks sit on powers of ten.
    """
    vmin, vmax = min(values), max(values)
    width = PLOT_X1 - PLOT_X0
    if vmin > 1e-9 and vmax / vmin > LOG_SPREAD:  # (a subnormal minimum is zero on any axis we draw)
        top = vmax * OPEN_EXTENT if open_right else vmax
        e0, e1 = math.floor(math.log10(vmin)), math.ceil(math.log10(top))
        if e1 == e0:
            e1 += 1
        d0, d1 = 10.0 ** e0, 10.0 ** e1
        # Every power of ten gets a gridline; past six decades only every other one a
        # label, or the labels would run into each other.
        every = math.ceil((e1 - e0) / 6)
        ticks = [(10.0 ** e, (e - e0) % every == 0 or e == e1) for e in range(e0, e1 + 1)]

        def to_x(v: float) -> float:
            # an open end or a bound at zero ("up to 1%", lo unknown) sits at the axis's start
            return PLOT_X0 + (math.log10(max(v, d0)) - e0) / (e1 - e0) * width
        return "log", d0, d1, ticks, to_x
    lo = min(0.0, vmin)
    top = vmax + (OPEN_EXTENT - 1) * (vmax - lo) if open_right else vmax
    if top <= lo:
        top = lo + 1
    step = _nice_step(top - lo)
    d0 = math.floor(lo / step) * step
    d1 = math.ceil(top / step - 1e-9) * step
    if d1 <= d0:
        d1 = d0 + step
    n = int(round((d1 - d0) / step))
    ticks = [(d0 + i * step, True) for i in range(n + 1)]

    def to_x(v: float) -> float:
        return PLOT_X0 + (v - d0) / (d1 - d0) * width
    return "linear", d0, d1, ticks, to_x


def truncate(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def chart(claims: list[Claim], labels: list[str], unit: str) -> Optional[dict]:
    """Geometry for the group's SVG chart (the template only draws it).

    One row per claim: a dot for an exact figure, a bar for a range, a bar running off
    to an arrow for a one-sided bound. Bound markers are filled when the bound is
    included (≥) and hollow when it is excluded (>), as on a number line."""
    from .report import fmt_interval, fmt_number  # the report's number formatting (it imports this module)
    values = [v for c in claims for v in (c.lo, c.hi) if v is not None and math.isfinite(v)]
    if not values:
        return None
    open_right = any(c.hi is None and c.lo is not None for c in claims)
    kind, d0, d1, ticks, to_x = _scale(values, open_right)
    rows = []
    for i, (c, label) in enumerate(zip(claims, labels)):
        q = c.quantity
        lo, hi = q.lo, q.hi
        lo_open, hi_open = q.lo_open, q.hi_open
        if lo is not None and hi is not None and lo > hi:  # defensive: a reversed range
            lo, hi, lo_open, hi_open = hi, lo, hi_open, lo_open
        y = TOP + i * ROW_H + ROW_H / 2
        row = {"y": round(y, 1), "label": truncate(label, 22), "full_label": label,
               "value": truncate(fmt_interval(lo, hi, lo_open, hi_open, unit), 16),
               "tooltip": f"{label}: “{q.text}” ({fmt_interval(lo, hi, lo_open, hi_open, unit)}, {q.kind})",
               "caps": []}
        if lo is None and hi is None:
            row["shape"] = "none"
        elif lo is not None and hi is not None and lo == hi:
            # Approximate figures ("about 40") get a ring, exact ones a filled dot.
            row.update(shape="dot", cx=round(to_x(lo), 1), filled=q.kind == "exact")
        elif lo is not None and hi is not None:
            x1, x2 = to_x(lo), to_x(hi)
            row.update(shape="bar", x1=round(x1, 1), w=round(max(x2 - x1, 2), 1), vague=q.kind == "vague")
            row["caps"] = [(round(x1, 1), not lo_open), (round(x2, 1), not hi_open)]
        elif hi is None:  # lower bound: from lo, open to the right
            x1 = min(to_x(lo), PLOT_X1 - 30)
            row.update(shape="open-right", x1=round(x1, 1), w=round(PLOT_X1 - 22 - x1, 1),
                       dash_x1=PLOT_X1 - 22, dash_x2=PLOT_X1 - 7,
                       arrow=f"{PLOT_X1},{y} {PLOT_X1 - 8},{y - 5} {PLOT_X1 - 8},{y + 5}")
            row["caps"] = [(round(x1, 1), not lo_open)]
        else:  # upper bound: open to the left, up to hi
            x2 = max(to_x(hi), PLOT_X0 + 30)
            row.update(shape="open-left", x1=PLOT_X0 + 22, w=round(x2 - PLOT_X0 - 22, 1),
                       dash_x1=PLOT_X0 + 7, dash_x2=PLOT_X0 + 22,
                       arrow=f"{PLOT_X0},{y} {PLOT_X0 + 8},{y - 5} {PLOT_X0 + 8},{y + 5}")
            row["caps"] = [(round(x2, 1), not hi_open)]
        rows.append(row)
    plot_bottom = TOP + len(rows) * ROW_H
    return {
        "scale": kind, "width": CHART_W, "height": plot_bottom + AXIS_H,
        "plot_x0": PLOT_X0, "plot_x1": PLOT_X1, "label_x": LABEL_W, "value_x": VALUE_X,
        "plot_top": TOP, "plot_bottom": plot_bottom,
        "ticks": [{"x": round(to_x(t), 1), "label": fmt_number(t) + unit if labelled else ""}
                  for t, labelled in ticks],
        "rows": rows,
        "description": (f"{len(rows)} reported figures on a {kind} axis from "
                        f"{fmt_number(d0)}{unit} to {fmt_number(d1)}{unit}"),
    }
