"""Figures written with more than one number: ranges ("between 200 and 300", "$10bn to $15bn",
"from at least 30 dead to more than 60"), two bounds of one interval ("more than 15 and less than
60"), vague ranges ("tens to hundreds"), digits with falling scale words ("5 million 150
thousand 92"), a figure with its uncertainty ("12.4 +/- 0.3") and a bound restated in another
unit ("more than £145,000 ($184,000)").

A part of :class:`crosscheck.numbers.NumberFinder` (its base class), kept apart for size: the
methods read the finder's cores and call its ``_suffixes`` and ``_unit_after``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .models import Quantity
from .numerals import CURRENCY, currency_name
from .phrases import phrase_alternation, word_alternation


class RangeGrammar:
    """The range methods of NumberFinder; ``_compile_ranges`` runs in its constructor."""

    def _compile_ranges(self, v) -> None:
        """Compile the expressions of ranges from the vocabulary ``v`` (a NumberVocabulary)."""
        # the second end may name its currency again: "$10bn to $15bn", "€2m-€3m"
        self.range_sep_re = re.compile(r"\s*(?:[-–—~]|-?\s*to|or|through)\s*(?P<cur>" + CURRENCY + r"\s?)?",
                                       re.IGNORECASE)
        # each end may have its own qualifier and currency, and the first its noun: "between $3m and
        # $5m", "from at least 30 dead to more than 60", "from 120 wounded to 140"
        range_quals = word_alternation(v.lower_closed + v.lower_open + v.upper_closed + v.upper_open
                                       + v.approx_around + v.approx_below)
        self.between_re = re.compile(r"\b(?P<w>between|from)\s+(?:(?:" + range_quals + r")\s+)?(?P<cur>"
                                     + CURRENCY + r"\s?)?$", re.IGNORECASE)
        self.between_and_re = re.compile(r"^(?:\s+(?P<noun>[a-z]+))?\s+(?P<sep>and|to|-|–)\s+(?:(?:" + range_quals
                                         + r")\s+)?(?P<cur>" + CURRENCY + r"\s?)?", re.IGNORECASE)
        # after the second end of "from 30 dead to 60": nothing that counts something else ("from 30
        # dead to 60 injured" are two figures)
        self.range_end_re = re.compile(r"(?:\s*(?:[^\w\s]|$)|\s+(?:on|in|at|by|according|as|after|since|with|while|"
                                       r"and|or|but|the|a|an|from|during|this|last|that|which|who|were|was|are|is|"
                                       r"have|had|has|people|persons)\b)", re.IGNORECASE)
        self.plus_minus_re = re.compile(r"\s*(?:±|\+/-|\+/−|\+-|plus\s+or\s+minus)\s*", re.IGNORECASE)
        self.vague_range_sep_re = re.compile(r"\s*(?:to|or|-|–|,?\s*(?:if\s+not|or\s+even|or\s+perhaps|perhaps\s+even|"
                                             r"maybe\s+even|possibly))\s*,?\s*", re.IGNORECASE)
        changes = phrase_alternation(v.change_verbs) or r"(?!x)x"
        self.change_before_re = re.compile(r"\b(?:" + changes + r")\b[^.;:!?\n]{0,60}$", re.IGNORECASE)
        self.counted_nouns = frozenset(w for w in v.counted_after if " " not in w)
        # two bounds of one interval: "more than 15 and less than 60", "at most 90 and at least 30"
        self.bounds_join_re = re.compile(r"\s*,?\s*(?:and|but)\s+|\s*,\s*", re.IGNORECASE)

    def _plus_minus(self, cores, i, text, end) -> Optional[tuple[float, int, Optional[str]]]:
        """The uncertainty after a figure: '± 0.01', '+/- 1e-5 km/s' -> (0.01, end, unit)."""
        m = self.plus_minus_re.match(text[end:end + 24])
        nxt = next((n for n in cores[i + 1:i + 3] if n.start >= end), None)
        # the uncertainty starts where the sign ends, or takes the "minus" of "plus or minus" as its sign
        if not m or nxt is None or not end < nxt.start + 1 <= end + m.end() + 1 <= nxt.end \
                or nxt.kind != "exact" or not nxt.value:
            return None
        u, end2, unit, _ = self._suffixes(abs(nxt.value), nxt.end, text, nxt)
        return u, end2, unit

    def _falling_scales(self, cores, i, text, value, end, scaled):
        """'5 million 150 thousand 92': figures in digits with falling scale words are one number,
        (value, end, unit). A plain number ends it only after two scaled parts ('$2 million 300
        workers' stays two figures)."""
        parts, smallest, unit = 1, scaled, None
        while (nxt := next((n for n in cores[i + 1:i + 4] if n.start >= end), None)) is not None:
            i = cores.index(nxt)
            if not nxt.digits or nxt.kind != "exact" or nxt.value is None \
                    or not re.fullmatch(r"\s+(?:and\s+)?", text[end:nxt.start]):
                break
            v2, end2, unit2, scaled2 = self._suffixes(nxt.value, nxt.end, text, nxt)
            if v2 is None or v2 >= smallest or (unit2 and scaled2 == 0):
                break
            if not scaled2 and (parts < 2 or nxt.value != int(nxt.value) or nxt.value < 1):
                break
            value, end, unit, parts = value + v2, end2, unit2, parts + 1
            if not scaled2:
                break
            smallest = scaled2
        return value, end, unit

    def _vague_range(self, cores, i, text, end) -> Optional[tuple[float, int]]:
        """'tens to hundreds', 'hundreds, if not thousands', 'dozens or even hundreds': one vague
        interval from the first word's low end to the second's high end, (hi, end)."""
        c = cores[i]
        nxt = next((n for n in cores[i + 1:i + 3] if n.start >= end), None)
        if nxt is None or nxt.kind != "vague" or nxt.hi is None or c.hi is None or nxt.hi <= c.hi \
                or not self.vague_range_sep_re.fullmatch(text[end:nxt.start]):
            return None
        return nxt.hi, nxt.end

    def _vague_unit(self, text: str, end: int, c) -> tuple[Optional[str], int]:
        """The unit of a vague figure: 'billions of dollars', 'a few million euros', 'hundreds of
        miles' (people are no unit: 'thousands of protesters' keeps none)."""
        after = text[end:end + 50]
        of = re.match(r"\s+of(?=\s)", after, re.IGNORECASE)
        skip = of.end() if of else 0
        u = self._unit_after(after[skip:], replace(c, kind="exact"))
        return (u[0], end + skip + u[1]) if u else (None, end)

    def _range(self, cores, i, text, value, end, unit, scaled):
        """'between 200 and 300', '200-300', '200 to 300', 'two or three', '3- to 5-meter':
        (lo, hi, end, unit, start) or None. A range never mixes units ('from 12 ml to 15 mg')."""
        c = cores[i]
        # the next figure after this one's own words ("$1 million" is two cores)
        nxt = next((n for n in cores[i + 1:i + 4] if n.start >= end), None)
        if nxt is None or nxt.kind != "exact":
            return None
        gap = text[end:nxt.start]
        before = text[max(0, c.start - 40):c.start]
        between = self.between_re.search(before)
        at = c.start - len(between.group()) if between else c.start
        if between and between.group("w").lower() == "from" and self.change_before_re.search(text[max(0, at - 70):at]):
            return None  # "the toll rose from 30 to 60": a change, two figures
        sep = self.between_and_re.fullmatch(gap + " ")
        if sep and sep.group("noun") and not (between or sep.group("noun").lower() in self.counted_nouns
                                              and sep.group("sep").lower() == "to"):
            sep = None  # "sentenced 3 men to 10 years" has no "from"; "120 wounded to 140" counts people
        if sep and not between and not sep.group("noun"):
            sep = None  # plain "200 to 300" is read below
        sep = sep or self.range_sep_re.fullmatch(gap)
        if not sep or not (c.digits == nxt.digits or between):
            return None
        v2, end2, unit2, scaled2 = self._suffixes(nxt.value, nxt.end, text, nxt)
        noun = sep.groupdict().get("noun")
        if noun and (unit2 or not (self.range_end_re.match(text[end2:end2 + 20])
                                   or re.match(r"\s+" + re.escape(noun) + r"\b", text[end2:end2 + 30], re.IGNORECASE))):
            return None  # "3 men to 10 years": the second figure counts something else
        currency = currency_name(sep.group("cur")) or (currency_name(between.group("cur")) if between else None)
        if unit and currency and unit != currency:
            return None
        unit2 = unit2 or currency
        if unit and unit2 and unit != unit2:
            return None
        if scaled and scaled2 and scaled != scaled2 and gap.strip().lower() == "or":
            return None  # "4 bln or 4 tln" are two figures; "two or three million" is a range
        if scaled2 and not scaled and value is not None and c.value is not None and nxt.value:
            # "between 2 and 3 million": the scale of the second applies to the first
            value = c.value * (v2 / nxt.value)
        elif nxt.scale > 1 and c.scale == 1 and not scaled and value is not None and v2 is not None \
                and value * nxt.scale < v2:
            value *= nxt.scale  # "two to three thousand", "one or two million" (not "five hundred to a thousand")
        if value is None or v2 is None or value >= v2 or (gap.strip() in ("-", "–", "—") and c.spelled):
            return None
        return value, v2, end2, unit or unit2, at

    def _restated_bounds(self, qs: list[Quantity], text: str) -> list[Quantity]:
        """'More than £145,000 ($184,000)', 'about 300 miles (480 km)': a figure restated in another
        unit in brackets right after a bound or an approximate figure is bounded the same way."""
        out = list(qs)
        for k in range(1, len(out)):
            p, q = out[k - 1], out[k]
            if p.kind in ("lower_bound", "upper_bound", "approximate") and q.kind == "exact" and p.unit and q.unit \
                    and p.unit != q.unit and q.value and p.value and not q.increment \
                    and re.fullmatch(r"\s*\(\s*", text[p.end:q.start]) and re.match(r"\s*[),;]", text[q.end:q.end + 3]):
                r = q.value / p.value
                out[k] = replace(q, kind=p.kind, qualifier=p.qualifier, lo_open=p.lo_open, hi_open=p.hi_open,
                                 lo=None if p.lo is None else round(p.lo * r, 9) if p.kind == "approximate" else q.lo,
                                 hi=None if p.hi is None else round(p.hi * r, 9) if p.kind == "approximate" else q.hi)
        return out

    def _join_bounds(self, qs: list[Quantity], text: str) -> list[Quantity]:
        """'more than 15 and less than 60', 'at most 90 and at least 30': one interval. Only two
        bounds of opposite sides, joined by 'and'/'but'/a comma alone, with lo below hi and one unit."""
        out: list[Quantity] = []
        for q in qs:
            p = out[-1] if out else None
            if p and {p.kind, q.kind} == {"lower_bound", "upper_bound"} and p.unit == q.unit \
                    and not (p.increment or q.increment) and self.bounds_join_re.fullmatch(text[p.end:q.start]):
                low, high = (p, q) if p.kind == "lower_bound" else (q, p)
                if low.lo is not None and high.hi is not None and low.lo < high.hi:
                    out[-1] = Quantity(text[p.start:q.end], p.start, q.end, low.lo, high.hi, "range",
                                       value=p.value, unit=p.unit, lo_open=low.lo_open, hi_open=high.hi_open)
                    continue
            out.append(q)
        return out
