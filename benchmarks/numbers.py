"""The numbers stage against the public number specs, side by side with raw quantulum3.

Prints, in one run, for crosscheck (``crosscheck.numbers.find_quantities``) and raw quantulum3
(``quantulum3.parser.parse``):

  * exact-value accuracy on the number specs of Microsoft Recognizers-Text
    (``data/recognizers-text/number_norm.jsonl``, number and percentage rows) and of quantulum3
    (``data/quantulum3/number_norm.jsonl``, with the unit match rate apart);
  * the correct-interval rate on Recognizers-Text's range specs (``range_bounds.jsonl``), with
    inclusivity (open/closed ends) apart;
  * false positives on the NEGATIVE rows (any quantity reported at all counts);
  * in-scope and out-of-scope rows: every spec row is classified by the rules in ``SCOPE_RULES``
    below, and accuracy is given on in-scope rows as well as on all rows;
  * that no date, year or time in the two seed articles is reported as a quantity;
  * on news-dev (``data/news-dev/groups.jsonl``, real news with every figure of the core measures
    labelled): the share of labelled figures some quantity overlaps, and the share of those whose
    value is right by ``../shared/tools/score_news.py``'s rules (crosscheck only);
  * articles per second over the texts of ``data/gva-dev/groups.jsonl``, load time apart.

Targets (issue "Numbers", issue 23): >= 95% on in-scope number specs, >= 90% correct intervals on
range specs, no date/year/time in the seeds, news-dev values right >= 98% of those found, the numbers
stage faster than quantulum3.

    python benchmarks/numbers.py [--shared ../shared] [--quantulum-sample 300] [--failures 20] [--explain]
                                 [--show-news N]

How a row is scored. A number row is correct when some quantity found in the sentence overlaps the
gold span and its value equals the gold value (crosscheck: ``lo`` for an exact figure, else the
figure named, ``value``; percentages are compared as the number: "5%" -> 5). A quantulum3 gold row
with an uncertainty ("5 to 7 kg" = 6 +- 1) is an interval: the system's interval must be
[value - uncertainty, value + uncertainty] (crosscheck's lo/hi; quantulum3's own value +- its
uncertainty). A range row is correct when an overlapping quantity has lo == lower and hi == upper
(None for an open side); quantulum3's interval is value +- uncertainty.

The spec text is read from ../shared and printed to the terminal only; it is never copied here
(the examples in the rules below are made up in the same shapes).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _stand_in_for_the_stdlib() -> None:
    """This file shares its name with the standard library's `numbers`. A sibling script run from
    benchmarks/ has this folder first on sys.path, so `import numbers` anywhere (decimal, fractions,
    pandas...) lands here: hand that import the standard library's module instead."""
    import importlib.util
    import sysconfig
    spec = importlib.util.spec_from_file_location("numbers", Path(sysconfig.get_path("stdlib")) / "numbers.py")
    real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real)
    sys.modules["numbers"] = real


if __name__ == "numbers":
    _stand_in_for_the_stdlib()
elif __name__ == "__main__":
    # run as a script: take benchmarks/ off the path (same clash), put the repository on it
    if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
        del sys.path[0]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

import argparse
import json
import math
import re
import subprocess
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Optional

RT_NUMBERS = Path("data/recognizers-text/number_norm.jsonl")
RT_RANGES = Path("data/recognizers-text/range_bounds.jsonl")
Q3_NUMBERS = Path("data/quantulum3/number_norm.jsonl")
GVA = Path("data/gva-dev/groups.jsonl")
NEWS_DEV = Path("data/news-dev/groups.jsonl")
SEEDS = Path("seeds")


# ---------------------------------------------------------------------------------------------
# What both systems return, reduced to what is scored.
@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: Optional[float]      # the figure named ("about 300" -> 300)
    lo: Optional[float]         # the interval (None = open side)
    hi: Optional[float]
    lo_open: bool
    hi_open: bool
    unit: Optional[str]
    kind: str


def crosscheck_parser() -> Callable[[str], list[Found]]:
    from crosscheck.numbers import find_quantities

    def parse(text: str) -> list[Found]:
        out = []
        for q in find_quantities(text):
            value = q.lo if q.kind == "exact" else q.value
            out.append(Found(q.start, q.end, value, q.lo, q.hi, q.lo_open, q.hi_open, q.unit, q.kind))
        return out
    return parse


def quantulum_parser() -> tuple[Callable[[str], list[Found]], str]:
    """quantulum3's parser, and a note when its unit classifier cannot be loaded."""
    note = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
        try:
            classifier.classifier("en_US")  # the unit classifier, loaded as parse would on an ambiguous unit
        except Exception as e:  # noqa: BLE001 - a model pickled for another scikit-learn
            classifier.USE_CLF = False
            note = (f"quantulum3's unit classifier failed to load ({type(e).__name__}: {e}); "
                    f"run with its heuristic disambiguation (classifier.USE_CLF = False)")

    def parse(text: str) -> list[Found]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            qs = parser.parse(text)
        out = []
        for q in qs:
            u = q.uncertainty or 0.0
            v = float(q.value)
            out.append(Found(q.span[0], q.span[1], v, v - u, v + u, False, False, q.unit.name,
                             "range" if u else "exact"))
        return out
    return parse, note


# ---------------------------------------------------------------------------------------------
# In scope or out of scope: what English news prose writes, and what it does not.
# Each rule is (name, why, test on a spec row); the first rule that matches decides. The rules
# look only at the gold span and its sentence, never at what either system returns.
_NUM = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
        r"ninety|hundred|thousand|million|billion|trillion|a|an|\d[\d,.]*)")
_SIMPLE_NUMERATOR = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine)"
# the denominators news writes: half to tenths, hundredths, thousandths
_SIMPLE_DENOMINATOR = (r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
                       r"tenths?|hundredths?|thousandths?)")
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
            r"(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|"
            r"hundredth|thousandth|millionth|billionth|trillionth)")


def _span(r: dict) -> str:
    return (r.get("span") or "").strip()


def _before_span(r: dict) -> str:
    return r["sentence"][:r["start"]] if r.get("start") is not None else ""


def _token_around(sentence: str, start: int, end: int) -> str:
    """The whitespace-delimited token holding the span, without closing punctuation."""
    a = sentence.rfind(" ", 0, start) + 1
    b = sentence.find(" ", end)
    return sentence[a:b if b >= 0 else len(sentence)].rstrip(".,;:!?")


def _is_identifier(r: dict) -> bool:
    """Part of an IP address, a date, a phone number, a product code or a numbered list."""
    if r.get("start") is None:
        return False
    s, span = r["sentence"], _span(r)
    tok = _token_around(s, r["start"], r["end"])
    around = s[max(0, r["start"] - 4):r["end"] + 5]
    return bool(
        re.fullmatch(r"\d+(?:[./]\d+){2,}", tok)                     # 10.0.4.7, 3/21/2019
        or re.fullmatch(r"\+\d+(?:-\d+)+(?:/\d+)?|\d+(?:-\d+){2,}", tok)  # +44-555-0100/12
        or re.search(r"(?<!\d)\d{3}[ .-]\d{4}(?!\d)", around)        # 555 0199: a local phone number
        or re.fullmatch(r"[A-Za-z]+\d*-\d+[A-Za-z]*", tok)           # XK-42, B2-310Z
        or re.search(r"\bnrs?\.\s*[\d,]*$", _before_span(r), re.I)  # items nrs. 3,5,8
        # a number right after a capitalised name or a code: "Physics 202", "Apollo 11", "x9 450"
        or re.search(r"(?:\b(?!The\b|A\b|An\b|I\b)[A-Z][a-z]+|\b[a-z]+\d+)\s$", _before_span(r))
        and re.fullmatch(r"\d+", span))


def _is_compound_fraction(r: dict) -> bool:
    """A fraction news does not write: a numerator above nine or made of several words ('thirty
    sevenths', 'two hundred forty one sixths'), a compound or rare denominator ('a thirty-second',
    'a billionth'); or a scale inside a scale ('two billion and a quarter million', 'four hundred
    and three dozens')."""
    span = _span(r).lower()
    if re.search(r"\b(?:billion|million|thousand|trillion)\b.*\b(?:half|quarters?|thirds?)\s+"
                 r"(?:million|thousand|billion)\b|\bhundred\b.*\bdozens?\b", span):
        return True
    if str(r.get("subtype")) != "fraction":
        return False
    words = span.replace("-", " ").split()
    for i, w in enumerate(words):
        if re.fullmatch(_ORDINAL + "s?", w) and not re.fullmatch(_SIMPLE_DENOMINATOR, w):
            return True                                   # 'billionth', 'fortieth'
        if re.fullmatch(_SIMPLE_DENOMINATOR, w) and i > 0:
            prev, before = words[i - 1], (words[i - 2] if i > 1 else None)
            if re.fullmatch(_NUM, prev) and not re.fullmatch(_SIMPLE_NUMERATOR, prev):
                return True                               # 'forty sixths', 'hundred sixths'
            if before and re.fullmatch(_NUM, before) and before not in ("a", "an"):
                return True                               # 'thirty one sixths', 'thirty-second'
            if re.fullmatch(_ORDINAL, prev):
                return True                               # 'thirty-first' split as 'thirty first'
    return False


SCOPE_RULES: list[tuple[str, str, Callable[[dict], bool]]] = [
    ("no figure", "the word 'percent' or '%' with no number (the gold value is empty)",
     lambda r: "value" in r and r["value"] in (None, "null")),
    ("identifier", "part of an IP address, date, phone number, product code or numbered list; "
                   "crosscheck rejects these by design",
     _is_identifier),
    # scientific notation ('3e8', '4.1x10^5') and space-grouped digits ('65 000') are in scope since
    # issue 23: science and economy news write them, and so do results tables from abroad
    ("power", "a number raised to a power ('2.2^15', '2.5^-1', '8x2^10'): math, not news",
     lambda r: bool(re.search(r"\d\s*\^", _span(r))) and not re.search(r"[x×]\s*10\s*\^", _span(r))),
    ("non-English digit format", "decimal comma outside a percentage or a scale ('2.345,67', '7,50'), "
                                 "Indian grouping and lakh/crore ('45,67,890', '8 lakh')",
     lambda r: bool(re.search(r"\d,\d{1,2}(?!\d)(?!\s*(?:%|percent|per cent|million|billion))|\d,\d\d,\d{3}"
                              r"|\blakh|\bcrore", _span(r), re.I))),
    ("decimal without leading zero", "'.07': in news such figures are calibers ('a .38 revolver', '.40-"
                                     "caliber', dozens in gva-dev), so crosscheck reads none as a figure",
     lambda r: bool(re.match(r"[-−]?\.\d", _span(r)))),
    ("spaced sign or scale letter", "a sign or scale letter set apart by spaces ('- 2 3/8', '4.75 k', "
                                    "'2,305.5 M'); in prose a spaced '-' is a dash and a spaced letter a unit",
     lambda r: bool(re.search(r"^-\s|\d\s+[kKmMbBgG]$", _span(r)))),
    ("scale shorthand", "unit-like scale letters news does not use for counts ('20G', '4MM', '6 dzs'): "
                        "they collide with units ('a 9mm handgun', 'a 5G network')",
     lambda r: bool(re.search(r"\d\s*(?:g|mm)$|\b(?:dzs?|dozs?)$", _span(r), re.I))),
    ("spoken decimal", "decimals spoken with 'point', and 'nought'/'naught' for zero ('three hundred point "
                       "zero four'): speech, not written prose, where 'at one point two men...' is common",
     lambda r: bool(re.search(r"\bpoint\b|\bn[ao]ught\b", _span(r), re.I))),
    ("ratio as one number", "'one over seven', '3000 over 4', 'three out of six hundred', '3 in 8' read as "
                            "one fraction: math-speak; crosscheck reports the two counts",
     lambda r: bool(re.search(_NUM + r"\s+(?:over|out\s+of|in)\s+" + _NUM + r"\b", _span(r), re.I))),
    ("percent before its number", "'per cent of 340' for 340%: not English prose",
     lambda r: bool(re.match(r"(?:per\s*cents?|percents?)\b", _span(r), re.I))),
    ("digits and words in one compound", "'5 hundred and 64', '7 thousand 2 hundred': news writes "
                                          "'564' or 'five hundred and sixty-four'",
     lambda r: bool(re.search(r"\d[\d.,]*\s+(?:hundred|thousand|million|billion)\b.*?\b" + _NUM + r"\b",
                              _span(r), re.I))
     and not re.search(r"\b(?:and\s+)?(?:a|an|one)\s+(?:half|quarter|third)$", _span(r), re.I)),
    ("bare 'a fifth'", "'a fifth' alone, not 'a fifth of': in news an elliptical ordinal ('arrested two and "
                       "questioned a third', 'a third, older man'; seen in gva-dev), so crosscheck reads it as one",
     lambda r: bool(re.fullmatch(r"an?\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|"
                                 r"thousandth)", _span(r), re.I))
     and not re.match(r"\s+of\b", r["sentence"][r["end"]:])),
    ("compound fraction", "fractions with a compound numerator or denominator, or a scale inside a "
                          "scale ('thirty-one sixths', 'a thirty-second', 'a billionth', 'two billion "
                          "and a quarter million'): math-speak",
     _is_compound_fraction),
    ("rank", "ranks ('between the eighth and the twelfth'): ordinals are their own kind in crosscheck, "
             "never counts",
     lambda r: bool(re.search(r"\bthe\s+" + _ORDINAL + r"\b|\d(?:st|nd|rd|th)\b", _span(r), re.I))),
    ("year or decade", "a year or decade ('in 1987', 'the 1970s'): crosscheck rejects these by design",
     lambda r: bool(re.fullmatch(r"(?:1[89]|20)\d\d", _span(r)))
     and bool(re.search(r"\b(?:in|since|of|by|the)\s+$", _before_span(r), re.I)
              or r["sentence"][r["end"]:r["end"] + 1] == "s")),
    ("time of day", "a figure before 'am'/'pm' ('3.4 pm' for picometres): read as a time of day, which "
                    "crosscheck rejects by design",
     lambda r: bool(re.search(r"\d\s*[ap]\.?m\.?$", _span(r), re.I))),
    ("age", "an age ('over forty years old'): crosscheck rejects ages by design",
     lambda r: r.get("start") is not None
     and bool(re.match(r"\s*years?\s+old\b", r["sentence"][r["end"]:], re.I))),
    ("unit without a number", "a unit named with an article and no number ('a nickel', 'a litre', "
                              "'a dozen' as 1 dozen): crosscheck reads only figures ('a dozen' = 12)",
     lambda r: bool(re.match(r"(?:a|an)\s", _span(r).lower()))
     and str(r.get("unit")) in ("dozen", "gross", "baker's dozen", "penny", "gallon", "kibibyte")),
    ("accounting negative", "a negative written in parentheses ('($45.10)'): financial tables, not prose",
     lambda r: bool(re.fullmatch(r"\(.*\)", _span(r)))),
]


def scope_of(row: dict) -> Optional[str]:
    """The name of the first out-of-scope rule the row matches, or None (in scope)."""
    for name, _why, test in SCOPE_RULES:
        if test(row):
            return name
    return None


# ---------------------------------------------------------------------------------------------
def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlaps(f: Found, start: int, end: int) -> bool:
    return f.start < end and start < f.end


def _gold_value(raw) -> Optional[float]:
    if raw is None or raw == "null":
        return None
    return float(str(raw).rstrip("%"))


def number_correct(found: list[Found], row: dict) -> bool:
    gold = _gold_value(row["value"])
    unc = row.get("uncertainty")
    for f in found:
        if not _overlaps(f, row["start"], row["end"]):
            continue
        if unc:
            if _close(f.lo, gold - unc) and _close(f.hi, gold + unc):
                return True
        elif _close(f.value, gold):
            return True
    return False


def _norm_unit(u: Optional[str]) -> str:
    return {None: "dimensionless", "fraction": "dimensionless", "percent": "percentage"}.get(u, u)


def unit_correct(found: list[Found], row: dict) -> bool:
    return any(_overlaps(f, row["start"], row["end"]) and _norm_unit(f.unit) == _norm_unit(row.get("unit"))
               for f in found)


def range_correct(found: list[Found], row: dict) -> tuple[bool, bool]:
    """(interval correct, and its open/closed ends agree with the gold inclusivity)."""
    for f in found:
        if _overlaps(f, row["start"], row["end"]) and _close(f.lo, row["lower"]) and _close(f.hi, row["upper"]):
            ends = ((row["lower"] is None or f.lo_open == (not row["lower_inclusive"]))
                    and (row["upper"] is None or f.hi_open == (not row["upper_inclusive"])))
            return True, ends
    return False, False


# ---------------------------------------------------------------------------------------------
def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Cache:
    """Parse each distinct sentence once per system (the specs repeat sentences)."""

    def __init__(self, parse: Callable[[str], list[Found]]):
        self.parse, self.memo = parse, {}

    def __call__(self, text: str) -> list[Found]:
        if text not in self.memo:
            self.memo[text] = self.parse(text)
        return self.memo[text]


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a:>3}/{b:<3})" if b else "    -           "


def row_line(label: str, cells: list[str]) -> str:
    return f"  {label:<44}" + "".join(f"{c:>22}" for c in cells)


def show_failures(title: str, rows: list[dict], found_of: Callable[[str], list[Found]], limit: int) -> None:
    if not rows or not limit:
        return
    print(f"\n  crosscheck misses, {title} ({len(rows)}; first {min(limit, len(rows))}):")
    for r in rows[:limit]:
        got = [(round(f.lo, 4) if f.lo is not None else None, round(f.hi, 4) if f.hi is not None else None,
                f.kind, r["sentence"][f.start:f.end]) for f in found_of(r["sentence"])]
        gold = r.get("interval") or r.get("value")
        print(f"    {r['sentence'][:70]!r}  gold {r.get('span')!r} = {gold}   got {got}")


def bench_number_specs(name: str, rows: list[dict], systems: dict, failures: int, with_units: bool) -> dict:
    positives = [r for r in rows if r.get("type", "number") != "NEGATIVE"]
    scopes = {id(r): scope_of(r) for r in positives}
    inscope = [r for r in positives if scopes[id(r)] is None]
    print(f"\n{name}: {len(positives)} number rows ({len(inscope)} in scope)")
    print(row_line("", list(systems)))
    res = {}
    for label, subset in (("exact value, in-scope rows", inscope), ("exact value, all rows", positives)):
        cells = []
        for sname, parse in systems.items():
            ok = sum(number_correct(parse(r["sentence"]), r) for r in subset)
            res[(sname, label)] = (ok, len(subset))
            cells.append(pct(ok, len(subset)))
        print(row_line(label, cells))
    if with_units:
        print(row_line("unit, all rows", [pct(sum(unit_correct(p(r["sentence"]), r) for r in positives), len(positives))
                                          for p in systems.values()]))
    negatives = [r for r in rows if r.get("type") == "NEGATIVE"]
    if negatives:
        cells = []
        for sname, parse in systems.items():
            fp = sum(bool(parse(r["sentence"])) for r in negatives)
            cells.append(f"{fp} of {len(negatives)} rows")
        print(row_line("false positives on NEGATIVE rows", cells))
        cc = systems["crosscheck"]
        fps = [(r["sentence"].strip(), [r["sentence"][f.start:f.end] + f" ({f.kind})" for f in cc(r["sentence"])])
               for r in negatives if cc(r["sentence"])]
        for s, got in dict(fps).items():
            print(f"    crosscheck reports {got} in {s!r}")
    print_scopes(positives, scopes, lambda r: number_correct(systems["crosscheck"](r["sentence"]), r))
    show_failures("in-scope rows", [r for r in inscope if not number_correct(systems["crosscheck"](r["sentence"]), r)],
                  systems["crosscheck"], failures)
    return res


def print_scopes(rows: list[dict], scopes: dict, crosscheck_right: Callable[[dict], bool]) -> None:
    """Counts per out-of-scope rule, with an example each."""
    out = Counter(scopes[id(r)] for r in rows if scopes[id(r)])
    if not out:
        return
    print(f"  out of scope: {sum(out.values())} rows")
    for rule, why, _ in SCOPE_RULES:
        if out.get(rule):
            ex = next(r for r in rows if scopes[id(r)] == rule)
            ok = sum(crosscheck_right(r) for r in rows if scopes[id(r)] == rule)
            print(f"    {out[rule]:>3}  {rule:<30} e.g. {ex['span']!r:<38} (crosscheck right on {ok})")


def bench_ranges(rows: list[dict], systems: dict, failures: int) -> dict:
    scopes = {id(r): scope_of(r) for r in rows}
    inscope = [r for r in rows if scopes[id(r)] is None]
    print(f"\nRecognizers-Text range specs: {len(rows)} rows ({len(inscope)} in scope)")
    print(row_line("", list(systems)))
    res = {}
    for label, subset in (("correct interval (lo, hi), all rows", rows), ("correct interval, in-scope rows", inscope)):
        cells = []
        for sname, parse in systems.items():
            ok = sum(range_correct(parse(r["sentence"]), r)[0] for r in subset)
            res[(sname, label)] = (ok, len(subset))
            cells.append(pct(ok, len(subset)))
        print(row_line(label, cells))
    cells = []
    for parse in systems.values():
        scored = [range_correct(parse(r["sentence"]), r) for r in rows]
        cells.append(pct(sum(b for _, b in scored), sum(a for a, _ in scored)))
    print(row_line("  of those right, open/closed ends agree", cells))
    print("  (the two versions of the range specs disagree on ends: whether 'between X and Y' includes Y)")
    print_scopes(rows, scopes, lambda r: range_correct(systems["crosscheck"](r["sentence"]), r)[0])
    show_failures("range rows", [r for r in rows if not range_correct(systems["crosscheck"](r["sentence"]), r)[0]],
                  systems["crosscheck"], failures)
    return res


# ---------------------------------------------------------------------------------------------
_DATE_LIKE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b|\b\d{1,2}\s*[ap]\.?m\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def bench_seeds(shared: Path, parse: Callable[[str], list[Found]]) -> bool:
    """No date, year, time or weekday in the seed articles is reported as a quantity."""
    expected = json.loads((shared / SEEDS / "expected.json").read_text("utf-8"))
    print("\nseed articles: dates, years and times must not be quantities")
    ok = True
    for path in sorted((shared / SEEDS).glob("*.txt")):
        text = path.read_text("utf-8")
        found = parse(text)
        spans = [(m.start(), m.end(), m.group()) for m in _DATE_LIKE.finditer(text)]
        for nc in expected["not_claims"]:
            if nc["article"] == path.name:
                spans += [(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(nc["text"]), text)]
        bad = []
        for s, e, t in spans:
            for f in found:
                # an ordinal is its own kind ("the sixth time"); anything else over a date is wrong
                if _overlaps(f, s, e) and f.kind != "ordinal":
                    bad.append(f"{text[f.start:f.end]!r} in {t!r}")
        ok &= not bad
        print(f"  {path.name}: {len(spans)} date/year/time/weekday spans checked, "
              f"{'none reported as a quantity' if not bad else 'REPORTED: ' + ', '.join(bad)}")
    return ok


# ---------------------------------------------------------------------------------------------
# news-dev: real news pages with every figure of the core measures labelled (surface text,
# occurrence, lo/hi, qualifier). The numbers stage runs over each doc; a labelled figure is found
# when a quantity overlaps its span (the one overlapping it most), and its value is right by the
# rules of ../shared/tools/score_news.py (``value_ok`` there; the scorer is a script, so its rules
# are restated here and must be kept the same).
def _nth(text: str, sub: str, k: int) -> Optional[int]:
    """Where the k-th plain-substring occurrence of ``sub`` starts (news-dev's ``occurrence``)."""
    pos = -1
    for _ in range(max(1, k)):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return None
    return pos


def _near(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b)) + 1e-9


def news_value_ok(lo_: Optional[float], hi_: Optional[float], label: dict) -> bool:
    """score_news.py's value_ok: exact equal; at least/more than: lo = n or n + 1 and no upper end;
    at most/fewer than: hi = n or n - 1; about/nearly: n inside [lo, hi]; range: both ends within 5%;
    vague: both ends within 2x."""
    lo, hi, q = label.get("lo"), label.get("hi"), label.get("qual") or "exact"
    if q == "exact":
        return _near(lo_, lo) and _near(hi_, hi)
    if q in ("at_least", "more_than"):
        return hi_ is None and lo_ is not None and lo - 1e-9 <= lo_ <= lo + 1 + 1e-9 * abs(lo)
    if q in ("at_most", "fewer_than"):
        return hi_ is not None and hi - 1 - 1e-9 * abs(hi) <= hi_ <= hi + 1e-9 and (lo_ is None or lo_ <= hi)
    if q in ("about", "nearly"):
        n = lo if lo is not None else hi
        return lo_ is not None and hi_ is not None and lo_ - 1e-9 <= n <= hi_ + 1e-9
    if q == "range":
        return lo_ is not None and hi_ is not None and abs(lo_ - lo) <= 0.05 * abs(lo) and abs(hi_ - hi) <= 0.05 * abs(hi)
    if lo_ is None or lo is None or (hi_ is None) != (hi is None):
        return False
    ok_lo = lo_ <= lo * 2 and lo <= lo_ * 2 if lo and lo_ else _near(lo_, lo)
    return ok_lo and (hi is None or (hi_ <= hi * 2 and hi <= hi_ * 2))


def bench_news_dev(shared: Path, parse: Callable[[str], list[Found]], show: int) -> tuple[int, int, int]:
    """(labelled figures located in their doc, found by the numbers stage, of those with the right value)."""
    labelled = found = right = 0
    wrong, missed = [], []
    for g in read_jsonl(shared / NEWS_DEV):
        texts = {d["doc_id"]: d["text"] for d in g["docs"]}
        quantities = {did: parse(t) for did, t in texts.items()}
        for lab in g["claims"]:
            text = texts.get(lab["doc_id"], "")
            s = _nth(text, lab["text"], lab.get("occurrence", 1))
            if s is None:
                continue
            e = s + len(lab["text"])
            labelled += 1
            over = [f for f in quantities[lab["doc_id"]] if _overlaps(f, s, e)]
            if not over:
                missed.append((g["group_id"], lab, text, s, e))
                continue
            f = max(over, key=lambda f: (min(e, f.end) - max(s, f.start), -f.start))
            found += 1
            if news_value_ok(f.lo, f.hi, lab):
                right += 1
            else:
                wrong.append((g["group_id"], lab, text, f))
    print(f"\nnews-dev labelled figures: {labelled} in {NEWS_DEV} (core measures, surface and value labelled)")
    print(f"  found (a quantity overlaps the figure)              {pct(found, labelled)}")
    print(f"  values right among found (score_news.py's rules)    {pct(right, found)}")
    for title, rows in (("wrong values", wrong), ("missed figures", missed)):
        if not show or not rows:
            continue
        print(f"\n  {title} ({len(rows)}; first {min(show, len(rows))}):")
        for gid, lab, text, *rest in rows[:show]:
            if title == "wrong values":
                f = rest[0]
                at, to = f.start, f.end
                got = f"got {text[f.start:f.end]!r} [{f.lo}, {f.hi}] {f.kind}"
            else:
                at, to = rest
                got = "no quantity"
            ctx = " ".join(text[max(0, at - 60):to + 40].split())
            print(f"    {gid} {lab['doc_id']} {lab['text']!r} {lab.get('qual')} [{lab.get('lo')}, {lab.get('hi')}]"
                  f" {lab['measure']}: {got}\n        ...{ctx}...")
    return labelled, found, right


def gva_texts(shared: Path) -> list[str]:
    return [d["text"] for g in read_jsonl(shared / GVA) for d in g["docs"]]


# Load time is measured in a fresh interpreter each, so that neither benefits from modules the
# other (or this script) imported already; crosscheck's first call loads quantulum3's unit lexicon.
LOAD_CODE = {
    "crosscheck": "from crosscheck.numbers import find_quantities; find_quantities('a 3 km walk, $5m')",
    "quantulum3": "from quantulum3 import parser, classifier\n"
                  "try:\n    classifier.classifier('en_US')\nexcept Exception:\n    classifier.USE_CLF = False\n"
                  "parser.parse('a 3 km walk, $5m')",
}


def load_seconds(code: str) -> float:
    timed = ("import time, warnings\nwarnings.simplefilter('ignore')\nt = time.perf_counter()\n" + code +
             "\nprint(time.perf_counter() - t)")
    r = subprocess.run([sys.executable, "-c", timed], cwd=ROOT, capture_output=True, text=True)
    return float(r.stdout.strip().splitlines()[-1]) if r.returncode == 0 else float("nan")


def bench_speed(texts: list[str], q3_note: str, sample: int, cc_parse, q3_parse) -> tuple[float, float]:
    chars = sum(map(len, texts))
    print(f"\nspeed over gva-dev: {len(texts)} article texts, {chars / 1e6:.2f} M characters, one core")
    t = time.perf_counter()
    n = sum(len(cc_parse(x)) for x in texts)
    cc_rate = len(texts) / (time.perf_counter() - t)
    part = texts[:sample]
    t = time.perf_counter()
    m = sum(len(q3_parse(x)) for x in part)
    q3_rate = len(part) / (time.perf_counter() - t)
    print(row_line("", ["crosscheck", "quantulum3"]))
    print(row_line("load: import + first call, fresh process", [f"{load_seconds(LOAD_CODE[k]):.2f} s" for k in LOAD_CODE]))
    print(row_line("articles timed", [f"{len(texts)} (all)", f"{len(part)} (the first)"]))
    print(row_line("quantities found per article", [f"{n / len(texts):.1f}", f"{m / len(part):.1f}"]))
    print(row_line("articles per second", [f"{cc_rate:.0f}", f"{q3_rate:.1f}"]))
    print(f"  crosscheck's numbers stage is {cc_rate / q3_rate:.0f}x quantulum3 "
          f"(quantulum3 timed on {len(part)} articles only: it is slow; --quantulum-sample N)")
    if q3_note:
        print(f"  note: {q3_note}")
    return cc_rate, q3_rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared data folder (default: ../shared next to the repository)")
    ap.add_argument("--quantulum-sample", type=int, default=300,
                    help="gva-dev articles parsed by raw quantulum3 for its speed (it is slow)")
    ap.add_argument("--failures", type=int, default=0, help="print up to N crosscheck misses per spec")
    ap.add_argument("--explain", action="store_true", help="print why each out-of-scope rule is out of scope")
    ap.add_argument("--show-news", type=int, default=0, metavar="N",
                    help="print up to N news-dev figures with a wrong value (and N missed ones)")
    args = ap.parse_args()
    if args.explain:
        print("out-of-scope rules (the first that matches a spec row decides):")
        for rule, why, _ in SCOPE_RULES:
            print(f"  {rule}: {why}")
    shared = args.shared
    for p in (RT_NUMBERS, RT_RANGES, Q3_NUMBERS, GVA, NEWS_DEV, SEEDS / "expected.json"):
        if not (shared / p).exists():
            sys.exit(f"error: {shared / p} not found.\nThis benchmark needs the shared data folder "
                     f"(../shared next to the repository); pass --shared PATH to point at it.")

    cc = crosscheck_parser()
    cc("warm up: 3 km, $5m, two thirds")
    q3, q3_note = quantulum_parser()
    q3("warm up: 3 km")
    systems = {"crosscheck": Cache(cc), "quantulum3": Cache(q3)}

    rt = bench_number_specs("Recognizers-Text number specs", read_jsonl(shared / RT_NUMBERS), systems,
                            args.failures, with_units=False)
    q3r = bench_number_specs("quantulum3 number specs", read_jsonl(shared / Q3_NUMBERS), systems,
                             args.failures, with_units=True)
    ranges = bench_ranges(read_jsonl(shared / RT_RANGES), systems, args.failures)
    seeds_ok = bench_seeds(shared, cc)
    _, news_found, news_right = bench_news_dev(shared, cc, args.show_news)
    cc_rate, q3_rate = bench_speed(gva_texts(shared), q3_note, args.quantulum_sample, cc, q3)

    print("\ntargets")
    a, b = rt[("crosscheck", "exact value, in-scope rows")]
    c, d = q3r[("crosscheck", "exact value, in-scope rows")]
    g, n = ranges[("crosscheck", "correct interval (lo, hi), all rows")]
    checks = [
        (f"Recognizers-Text in-scope number specs >= 95%: {100 * a / b:.1f}%", a / b >= 0.95),
        (f"quantulum3 in-scope number specs >= 95%: {100 * c / d:.1f}%", c / d >= 0.95),
        (f"correct intervals on range specs (all rows) >= 90%: {100 * g / n:.1f}%", g / n >= 0.90),
        ("no date, year or time reported in the seeds", seeds_ok),
        (f"news-dev values right among found >= 98%: {100 * news_right / max(1, news_found):.1f}%",
         news_right >= 0.98 * news_found),
        (f"numbers stage faster than quantulum3: {cc_rate / q3_rate:.0f}x", cc_rate > q3_rate),
    ]
    for text, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")


if __name__ == "__main__":
    main()
