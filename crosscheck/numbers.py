"""Numbers stage: every figure in news prose, as an interval.

quantulum3 is good at units and currencies and poor at news prose: it misses "one person
died", reads "a dozen" as 1, misses "Thousands have been...", turns "between 200 and 300"
into 250, loses the bound in "at least 12", reads "the sixth time" as 1/6 and "August 9" as
9. This module finds figures with its own grammar (digits, spelled numbers, vague words,
fractions, ordinals, qualifiers, ranges), rejects what is not a figure of anything (dates,
years, times, ages, phone numbers, addresses, labels), and asks quantulum3's unit lexicon
what the word after a figure is (metres, euros, acres...).

It scans the whole text with a handful of compiled expressions; quantulum3's slow parser is
never run per sentence, which is why this stage is faster than quantulum3 alone.

Vocabulary (vague bounds, qualifiers, label words...) lives in ``data/numbers.toml``; a user
file with the same tables overrides it.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .models import Quantity

# --- the English number words: grammar, not vocabulary, so it lives in code ---------------
UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1_000_000}
# denominators: "a third", "two-thirds", "three quarters"
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10}
SUFFIX_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
                 "millions": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
                 "tn": 1e12, "trillion": 1e12, "lakh": 1e5, "crore": 1e7, "hundred": 1e2}
CURRENCY_SYMBOLS = {"$": "dollar", "us$": "United States dollar", "usd": "United States dollar",
                    "£": "pound sterling", "gbp": "pound sterling", "€": "euro", "eur": "euro",
                    "¥": "yen", "₹": "Indian rupee", "rs": "Indian rupee", "rs.": "Indian rupee",
                    "a$": "Australian dollar", "c$": "Canadian dollar", "r$": "Brazilian real",
                    "chf": "Swiss franc", "₽": "Russian ruble", "rub": "Russian ruble"}

_NUMWORD = "|".join(sorted(list(UNITS) + list(TENS) + list(SCALES), key=len, reverse=True))
_ORDWORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_DENOM = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_SMALL = "|".join(sorted([w for w in UNITS if w != "zero"] + list(TENS), key=len, reverse=True))


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NumberVocabulary:
    tolerance: float
    vague: dict[str, tuple[float, float]]
    vague_multipliers: dict[str, tuple[float, float]]
    lower_closed: tuple[str, ...]
    lower_open: tuple[str, ...]
    upper_closed: tuple[str, ...]
    upper_open: tuple[str, ...]
    approx_around: tuple[str, ...]
    approx_below: tuple[str, ...]
    after_lower: tuple[str, ...]
    after_upper: tuple[str, ...]
    after_approx: tuple[str, ...]
    increment_before: tuple[str, ...]
    increment_after: tuple[str, ...]
    label_before: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    year_before: tuple[str, ...]
    zero_phrases: tuple[str, ...]
    zero_no_nouns: tuple[str, ...]


def _merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for k, v in override.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_vocabulary(path: Optional[str | Path] = None) -> NumberVocabulary:
    """The shipped vocabulary, with the tables of ``path`` (a TOML file) laid over it."""
    raw = tomllib.loads(resources.files("crosscheck").joinpath("data/numbers.toml").read_text("utf-8"))
    if path:
        raw = _merge(raw, tomllib.loads(Path(path).read_text("utf-8")))
    q = raw["qualifiers"]
    low = lambda xs: tuple(x.lower() for x in xs)  # noqa: E731
    return NumberVocabulary(
        tolerance=float(raw["approximate_tolerance"]),
        vague={k.lower(): (float(a), float(b)) for k, (a, b) in raw["vague"].items()},
        vague_multipliers={k.lower(): (float(a), float(b)) for k, (a, b) in raw["vague_multipliers"].items()},
        lower_closed=low(q["lower_bound"]["closed"]), lower_open=low(q["lower_bound"]["open"]),
        upper_closed=low(q["upper_bound"]["closed"]), upper_open=low(q["upper_bound"]["open"]),
        approx_around=low(q["approximate"]["around"]), approx_below=low(q["approximate"]["below"]),
        after_lower=low(q["after"]["lower_bound"]), after_upper=low(q["after"]["upper_bound"]),
        after_approx=low(q["after"]["approximate"]),
        increment_before=low(raw["increments"]["before"]), increment_after=low(raw["increments"]["after"]),
        label_before=low(raw["labels"]["before"]), street_suffixes=low(raw["labels"]["street_suffixes"]),
        months=low(raw["dates"]["months"]), weekdays=low(raw["dates"]["weekdays"]),
        year_before=low(raw["dates"]["year_before"]),
        zero_phrases=low(raw["zero"]["phrases"]), zero_no_nouns=low(raw["zero"]["no_nouns"]),
    )


# ---------------------------------------------------------------------------------------
def parse_digits(s: str) -> Optional[float]:
    """'6,700' -> 6700.0, '80.1' -> 80.1; None for European or malformed grouping."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return None


def parse_spelled(words: list[str]) -> Optional[float]:
    """Value of a run of English number words: ['one','hundred','and','five'] -> 105.

    Returns None when the words do not compose into one number ("one two").
    """
    total, current, last = 0.0, 0.0, None
    for w in words:
        if w == "and":
            continue
        if w in UNITS:
            if last in ("unit", "teen"):
                return None
            if last == "ten" and (UNITS[w] == 0 or UNITS[w] >= 10):
                return None
            current += UNITS[w]
            last = "teen" if UNITS[w] >= 10 else "unit"
        elif w in TENS:
            if last in ("unit", "teen", "ten"):
                return None
            current += TENS[w]
            last = "ten"
        elif w == "hundred":
            if last == "hundred" or current >= 100:
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "dozen"
        elif w in SCALES:
            scale = SCALES[w]
            if total and total < scale * 1000 and total % (scale * 1000) and last == "scale" and current == 0:
                return None
            total += (current or 1) * scale
            current = 0
            last = "scale"
        else:
            return None
    return total + current


def _fmt(v: Optional[float]) -> Optional[float]:
    """Round away float noise so 6.7*1000 is 6700.0, not 6700.000000000001."""
    return None if v is None else float(round(v, 9))


@dataclass
class _Core:
    start: int
    end: int
    value: Optional[float]
    kind: str               # exact | vague | ordinal | fraction
    lo: Optional[float] = None
    hi: Optional[float] = None
    spelled: bool = False
    digits: bool = False
    unit: Optional[str] = None


class NumberFinder:
    """Finds quantities in text. Build once (it compiles its expressions), call many times."""

    def __init__(self, vocabulary: Optional[NumberVocabulary] = None):
        self.v = v = vocabulary or load_vocabulary()
        vague_keys = list(v.vague)
        mult_keys = list(v.vague_multipliers)
        self.core_re = re.compile(
            r"(?P<zero>\b(?:" + _alt(v.zero_phrases) + r")\b|\bno(?=\s+(?:" + _alt(v.zero_no_nouns) + r")\b))"
            r"|(?P<halfa>\bhalf\s+an?\s+(?:dozen|hundred|thousand|million|billion)\b)"
            r"|(?P<vaguemult>\b(?:" + _alt(mult_keys) + r")\s+(?:dozen|hundred|thousand|million|billion)\b(?!\s+(?:and|-)))"
            r"|(?P<vague>\b(?:" + _alt(vague_keys) + r")\b)"
            r"|(?P<frac>\b(?:(?:" + _SMALL + r"|an?)[\s-]+)?(?:" + _DENOM + r")\b)"
            r"|(?P<ord>\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:" + _ORDWORD + r")\b)"
            r"|(?P<spelled>\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?(?:" + _NUMWORD + r")"
            r"(?:(?:\s+and\s+|\s*-\s*|\s+)(?:" + _NUMWORD + r"))*\b)"
            r"|(?P<dfrac>(?<![\w/.])\d+\s*/\s*\d+(?![\w/]))"
            r"|(?P<digits>(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th)?)",
            re.IGNORECASE)
        self.blocked_re = re.compile("|".join([
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",                                   # ISO dates
            r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",                                 # 08/09/2020
            r"\b\d{1,2}\.\d{1,2}\.\d{4}\b",                                 # 09.08.2020
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?",            # 10:30 p.m.
            r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b)",                 # 9 p.m.
            r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",  # phone numbers
            r"\b\d{3}[\s.-]\d{4}\b(?!\s*(?:people|votes))",                 # 555-0199
            r"\b\d+[A-Za-z]?(?:-\d+)?\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:" + _alt(
                [s.title() for s in v.street_suffixes] + [s.upper() for s in v.street_suffixes]) + r")(?![\w])",
            r"\b\d+\s+block\s+of\b",                                         # the 1200 block of
            r"\b(?:1[89]|20)\d{2}\s*[-–—/]\s*(?:\d{2}|(?:1[89]|20)\d{2})\b(?!\s*(?:people|votes|%))",  # 2012-13
            r"[A-Za-z]+-?\d+(?:[./-]\d+)*[A-Za-z]*",                        # ids: COVID-19, F-16, J1149.5
            r"\b\d+[A-Za-z]+\d+[A-Za-z\d]*",                                # ids: 06F6, 4x4
        ]))
        months = _alt(v.months)
        self.month_before_re = re.compile(r"(?:\b(?:" + months + r")\.?,?\s+(?:the\s+)?)$", re.IGNORECASE)
        self.month_after_re = re.compile(r"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:" + months + r")\b", re.IGNORECASE)
        self.label_before_re = re.compile(r"(?:^|[^\w])(?:" + _alt(v.label_before) + r")\s*$", re.IGNORECASE)
        self.year_before_re = re.compile(r"(?:^|\W)(?:" + _alt(v.year_before) + r")\s+$|['’]$", re.IGNORECASE)
        self.age_after_re = re.compile(
            r"^\s*-?\s*(?:years?|yrs?|months?|weeks?|days?)[\s-]*(?:-\s*)?old\b|^\s*years?\s+of\s+age\b|^\s*-year\b(?!s)",
            re.IGNORECASE)
        self.age_before_re = re.compile(r"(?:\baged?|\bages)\s+$", re.IGNORECASE)
        self.name_comma_re = re.compile(r"[A-Z][\w'’.-]+,\s*$")
        self.decade_after_re = re.compile(r"^['’]?s\b")
        self.after_scale_re = re.compile(
            r"^(?P<sp>\s*)(?P<scale>thousand|millions?|billions?|trillion|mln|mn|bn|tn|k|m|b|lakh|crore|mil)\b",
            re.IGNORECASE)
        self.percent_re = re.compile(r"^\s*(?:%|percent\b|per\s+cent\b|pct\b\.?|percentage\s+points?\b)", re.IGNORECASE)
        self.currency_before_re = re.compile(r"(?:US\$|A\$|C\$|R\$|\$|£|€|¥|₹|₽|\b(?:USD|EUR|GBP|CHF|RUB|Rs\.?))\s?$")
        self.lower_before_re = self._before(v.lower_closed + v.lower_open)
        self.upper_before_re = self._before(v.upper_closed + v.upper_open)
        self.approx_before_re = self._before(v.approx_around + v.approx_below)
        self.increment_before_re = self._before(v.increment_before)
        self.negative_before_re = re.compile(r"(?:\b(?:minus|negative)\s+|(?<![\w\d])[-−](?=\d))$", re.IGNORECASE)
        self.after_qual_re = re.compile(
            r"^(?P<q>\s*-?\s*(?:" + _alt(v.after_lower + v.after_upper + v.after_approx) + r"))(?![\w])", re.IGNORECASE)
        self.increment_after_re = re.compile(r"^\s+(?:" + _alt(v.increment_after) + r")\b(?!\s+than\b)", re.IGNORECASE)
        self.and_half_re = re.compile(r"^\s+and\s+a\s+half\b", re.IGNORECASE)
        self.range_sep_re = re.compile(r"^\s*(?:[-–—]|to|or|through)\s*", re.IGNORECASE)
        self.between_re = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
        self.between_and_re = re.compile(r"^\s+(?:and|to|-|–)\s+", re.IGNORECASE)
        self.pronoun_one_before_re = re.compile(
            r"\b(?:no|any|every|some|the|this|that|each|which|no-|such)\s*$|\bone\s+$", re.IGNORECASE)
        self.pronoun_one_after_re = re.compile(r"^\s+another\b|^-(?:on|off|way|sided)\b", re.IGNORECASE)

    @staticmethod
    def _before(phrases: Iterable[str]) -> re.Pattern:
        return re.compile(r"(?:^|(?<=[^\w]))(?:" + _alt(phrases) + r")\s*$", re.IGNORECASE)

    # ---- public -----------------------------------------------------------------------
    def find(self, text: str) -> list[Quantity]:
        blocked = [(m.start(), m.end()) for m in self.blocked_re.finditer(text)]
        cores = [c for c in (self._core(m, text) for m in self.core_re.finditer(text)) if c is not None]
        cores = [c for c in cores if not self._rejected(c, text, blocked)]
        out: list[Quantity] = []
        i = 0
        while i < len(cores):
            if out and cores[i].start < out[-1].end:
                i += 1  # already part of the figure before ("6.7 thousand", "two and a half")
                continue
            q, used = self._compose(cores, i, text)
            if q is not None:
                out.append(q)
            i += used
        return out

    # ---- cores --------------------------------------------------------------------------
    def _core(self, m: re.Match, text: str) -> Optional[_Core]:
        g = m.lastgroup
        s, e = m.span()
        word = m.group().lower()
        if g == "zero":
            return _Core(s, e, 0.0, "exact", spelled=True)
        if g == "halfa":
            scale = SCALES[word.split()[-1]]
            return _Core(s, e, scale / 2, "exact", spelled=True)
        if g == "vaguemult":
            *mult, scale = word.split()
            lo, hi = self.v.vague_multipliers[" ".join(mult)]
            return _Core(s, e, None, "vague", lo * SCALES[scale], hi * SCALES[scale], spelled=True)
        if g == "vague":
            key = " ".join(word.split())
            lo, hi = self.v.vague[key]
            if key in ("a couple",) and not re.match(r"^\s+of\b", text[e:]):
                return None  # "a couple" alone means two people in a relationship
            if key == "a number" and not re.match(r"^\s+of\b", text[e:]):
                return None
            kind = "exact" if lo == hi else "vague"
            return _Core(s, e, lo if lo == hi else None, kind, lo, hi, spelled=True)
        if g == "frac":
            parts = re.split(r"[\s-]+", word)
            denom_word = parts[-1]
            num_word = parts[0] if len(parts) > 1 else None
            after = text[e:e + 12]
            if num_word in (None, "a", "an") and not denom_word.endswith("s"):
                # "third" alone or "a third person" is an ordinal; "a third of" is a fraction
                if num_word and re.match(r"^\s+of\b", after) or denom_word in ("half",) and num_word:
                    return _Core(s, e, 1 / DENOMINATORS[denom_word], "fraction", spelled=True)
                if denom_word == "half":
                    if re.match(r"^\s+(?:of|the)\b", after):
                        return _Core(s, e, 0.5, "fraction", spelled=True)
                    return None
                if denom_word == "quarter":
                    return None  # "the third quarter", "a quarter" (of a year, of a city)
                n = ORDINAL_WORDS.get(denom_word)
                start = s + (len(m.group()) - len(denom_word))
                return _Core(start, e, float(n), "ordinal", spelled=True) if n else None
            num = UNITS.get(num_word, TENS.get(num_word, 1)) if num_word else 1
            if num_word and num_word not in ("a", "an") and not denom_word.endswith("s") and num != 1:
                return None  # "two third" is not English for a fraction
            return _Core(s, e, num / DENOMINATORS[denom_word], "fraction", spelled=True)
        if g == "ord":
            parts = word.split("-")
            n = ORDINAL_WORDS[parts[-1]] + (TENS[parts[0]] if len(parts) > 1 else 0)
            return _Core(s, e, float(n), "ordinal", spelled=True)
        if g == "spelled":
            words = [w for w in re.split(r"[\s-]+", word) if w]
            if words[0] in ("a", "an"):
                words = ["one"] + words[1:]
            value = parse_spelled(words)
            if value is None:
                # not one number ("one two"): keep the longest prefix that is one
                for k in range(len(words) - 1, 0, -1):
                    if words[k - 1] != "and" and (value := parse_spelled(words[:k])) is not None:
                        cut = re.match(r"\s*(?:\S+[\s-]+){%d}" % (k - 1) + r"\S+?(?=[\s-]|$)", m.group())
                        e = s + (cut.end() if cut else len(m.group()))
                        break
                else:
                    return None
            if word in ("one",) and (self.pronoun_one_before_re.search(text[max(0, s - 12):s])
                                     or self.pronoun_one_after_re.match(text[e:e + 12])):
                return None
            return _Core(s, e, value, "exact", spelled=True)
        if g == "dfrac":
            a, b = [int(x) for x in re.split(r"\s*/\s*", m.group())]
            if b == 0:
                return None
            # "1 1/2": a whole number just before joins the fraction
            whole = re.search(r"(?<![\d.,])(\d+)\s+$", text[max(0, s - 8):s])
            if whole:
                return _Core(s - len(whole.group()), e, int(whole.group(1)) + a / b, "exact", digits=True)
            return _Core(s, e, a / b, "exact", digits=True)
        if g == "digits":
            raw = m.group()
            suffix = re.search(r"(st|nd|rd|th)$", raw, re.IGNORECASE)
            if suffix:
                n = parse_digits(raw[: suffix.start()])
                return _Core(s, e, n, "ordinal", digits=True) if n is not None else None
            if re.match(r"^\s+\d+\s*/\s*\d+", text[e:e + 12]):
                return None  # the whole of "2 1/2": the fraction core takes it
            value = parse_digits(raw)
            return _Core(s, e, value, "exact", digits=True) if value is not None else None
        return None

    def _rejected(self, c: _Core, text: str, blocked: list[tuple[int, int]]) -> bool:
        """Not a figure of anything: a date, year, time, age, phone number, address or label."""
        before = text[max(0, c.start - 40):c.start]
        after = text[c.end:c.end + 40]
        if c.digits and any(bs <= c.start < be or bs < c.end <= be for bs, be in blocked):
            # a whole "1 1/2" or a fraction may start before a blocked id; the number itself decides
            return True
        if c.kind == "ordinal" and c.digits and self.month_before_re.search(before):
            return True
        if c.value is not None and c.kind in ("exact", "ordinal") and 1 <= c.value <= 31 and c.value == int(c.value):
            if self.month_before_re.search(before) or self.month_after_re.match(after):
                return True
        if c.kind == "exact" and c.value is not None:
            if self.age_after_re.match(after) or (self.age_before_re.search(before) and c.value < 130):
                return True
            if c.value == int(c.value) and 0 < c.value < 120 and self.name_comma_re.search(before) \
                    and re.match(r"^\s*(?:,|\)|$|\.\s|;| and\b| of\b| who\b| was\b| is\b)", after) \
                    and not self.currency_before_re.search(before) and not self.percent_re.match(after):
                return True  # "Lukashenko, 65," — an age in apposition
            if c.digits and self.decade_after_re.match(after):
                return True  # the 1990s, in his 60s
            if c.digits and self.label_before_re.search(before):
                return True
            if c.digits and self._is_year(c, before, after):
                return True
        return False

    def _is_year(self, c: _Core, before: str, after: str) -> bool:
        raw_len = c.end - c.start
        if not (raw_len == 4 and c.value is not None and 1800 <= c.value <= 2099 and c.value == int(c.value)):
            return False
        if self.currency_before_re.search(before) or self.percent_re.match(after):
            return False
        if self.lower_before_re.search(before) or self.upper_before_re.search(before) \
                or self.approx_before_re.search(before):
            return False
        if self.year_before_re.search(before):
            return True
        # "2000 people" counts; "2001 was a year of..." does not
        nxt = re.match(r"^\s+([a-z]+)", after)
        return not (nxt and (nxt.group(1) in _COLLECTIVE_NOUNS or nxt.group(1).endswith("s")
                             and nxt.group(1) not in ("was", "is", "has", "as", "its", "this")))

    # ---- composition --------------------------------------------------------------------
    def _compose(self, cores: list[_Core], i: int, text: str) -> tuple[Optional[Quantity], int]:
        c = cores[i]
        start, end = c.start, c.end
        value = c.value
        unit = None
        # "two and a half million"
        if c.kind == "exact" and (h := self.and_half_re.match(text[end:end + 16])):
            value = (value or 0) + 0.5
            end += h.end()
        value, end, unit, scaled = self._suffixes(value, end, text, c)
        if c.kind == "ordinal":
            if unit:  # "1st" cannot take a unit; a spelled ordinal takes none either
                return None, 1
            return Quantity(text[start:end], start, end, value, value, "ordinal", value=value), 1
        lo = hi = value
        kind = "exact" if c.kind != "vague" else "vague"
        if c.kind == "vague":
            lo, hi = c.lo, c.hi
            if scaled:  # "dozens of millions" is not a thing we parse; keep the vague word alone
                return None, 1
        used = 1
        # ranges: "between 200 and 300", "200-300", "200 to 300", "two or three"
        if c.kind == "exact" and i + 1 < len(cores) and cores[i + 1].kind == "exact":
            nxt = cores[i + 1]
            gap = text[end:nxt.start]
            between = self.between_re.search(text[max(0, start - 10):start])
            sep = self.between_and_re.fullmatch(gap + " ") if between else None
            sep = sep or re.fullmatch(r"\s*(?:[-–—]|to|or|through)\s*", gap, re.IGNORECASE)
            if sep and (c.digits == nxt.digits or between):
                v2, end2, unit2, scaled2 = self._suffixes(nxt.value, nxt.end, text, nxt)
                if scaled2 and not scaled and value is not None and c.value is not None and nxt.value:
                    # "between 2 and 3 million": the scale of the second applies to the first
                    value = c.value * (v2 / nxt.value)
                if value is not None and v2 is not None and value < v2 and (gap.strip() not in ("-", "–", "—") or not c.spelled):
                    lo, hi, kind = value, v2, "range"
                    end, unit = end2, unit or unit2
                    if between:
                        start -= len(between.group())
                    used = 2
        before = text[max(0, start - 40):start]
        qualifier = None
        lo_open = hi_open = False
        increment = False
        # currency before: "$2.5bn", "€2.5 million"
        if (cm := self.currency_before_re.search(before)) and not unit:
            unit = CURRENCY_SYMBOLS.get(cm.group().strip().lower(), CURRENCY_SYMBOLS.get(cm.group().strip()))
            start -= len(cm.group())
            before = text[max(0, start - 40):start]
        if kind in ("exact", "vague") and (m := self.negative_before_re.search(before)) and c.digits or \
                kind == "exact" and (m := self.negative_before_re.search(before)) and m.group().strip().lower() in ("minus", "negative"):
            lo = hi = -value if value is not None else None
            value = lo
            start -= len(m.group())
            before = text[max(0, start - 40):start]
        if kind in ("exact", "vague"):
            m = self.increment_before_re.search(before)
            if m:
                increment = True
                start -= len(m.group())
                before = text[max(0, start - 40):start]
        if kind in ("exact", "range", "vague") and value is not None or kind == "vague":
            for rx, name in ((self.lower_before_re, "lower_bound"), (self.upper_before_re, "upper_bound"),
                             (self.approx_before_re, "approximate")):
                m = rx.search(before)
                if m and (kind != "range"):
                    qualifier = " ".join(m.group().split()).lower()
                    if qualifier == "some" and kind == "vague":
                        qualifier = None
                        continue
                    if qualifier in ("over", "under", "above", "below") and self._is_prep_object(before, c):
                        qualifier = None
                        continue
                    start -= len(m.group().lstrip())
                    kind, lo, hi, lo_open, hi_open = self._bound(name, qualifier, kind, lo, hi)
                    break
        after = text[end:end + 30]
        if qualifier is None and kind in ("exact", "vague"):
            m = self.after_qual_re.match(after)
            if m:
                q = " ".join(m.group("q").replace("-", " ").split()).lower()
                name = ("lower_bound" if q in self.v.after_lower else
                        "upper_bound" if q in self.v.after_upper else "approximate")
                qualifier = q
                end += m.end()
                kind, lo, hi, lo_open, hi_open = self._bound(name, q, kind, lo, hi)
        if kind in ("exact", "vague", "approximate", "lower_bound") and not increment:
            m = self.increment_after_re.match(text[end:end + 20])
            if m:
                increment = True
                end += m.end()
        if c.kind == "fraction" and not unit:
            unit = "fraction"
        return Quantity(text[start:end], start, end, _fmt(lo), _fmt(hi), kind, value=_fmt(value),
                        qualifier=qualifier, unit=unit, lo_open=lo_open, hi_open=hi_open,
                        increment=increment), used

    @staticmethod
    def _is_prep_object(before: str, c: _Core) -> bool:
        """'over' in 'fought over 3 seats' is a bound; in 'all over 3 states' it is not."""
        return bool(re.search(r"\b(?:all|look|looked|took|take|taken|handed|hand|fight|fought|argue|argued|row|rows|dispute|clash|clashed)\s+(?:over|under)\s*$",
                              before, re.IGNORECASE))

    def _bound(self, name, q, kind, lo, hi):
        """Apply a qualifier to an interval; returns (kind, lo, hi, lo_open, hi_open)."""
        v = self.v
        if name == "lower_bound":
            return "lower_bound", lo, None, q in v.lower_open, False
        if name == "upper_bound":
            return "upper_bound", None, hi, False, q in v.upper_open
        t = v.tolerance
        if kind == "vague":
            return "vague", lo, hi, False, False
        if q in v.approx_below:
            return "approximate", lo * (1 - t) if lo is not None else None, hi, False, True
        return ("approximate", lo * (1 - t) if lo is not None else None,
                hi * (1 + t) if hi is not None else None, False, False)

    def _suffixes(self, value, end, text, c: _Core):
        """Scale words, percent signs, currencies and units after a figure."""
        after = text[end:end + 40]
        unit = None
        scaled = False
        m = self.after_scale_re.match(after)
        if m and value is not None and c.kind in ("exact", "vague"):
            sc = m.group("scale").lower()
            spaced = bool(m.group("sp"))
            letter_suffix = sc in ("k", "m", "b", "mn", "bn", "tn", "mil", "mln")
            ok = c.digits and (not spaced or not letter_suffix) or (c.spelled and sc.startswith(("million", "billion")) and c.kind != "vague")
            if sc == "m" and re.match(r"^m\s*(?:tall|high|long|deep|wide|away|from|below|above|of)\b", after[len(m.group("sp")):], re.IGNORECASE):
                ok = False
            if ok and not (c.spelled and sc in ("thousand", "hundred")):
                value = value * SUFFIX_SCALES[sc]
                end += m.end()
                after = text[end:end + 40]
                scaled = True
        p = self.percent_re.match(after)
        if p and c.kind in ("exact", "vague", "fraction"):
            unit = "percentage point" if "point" in p.group().lower() else "percent"
            end += p.end()
            return value, end, unit, scaled
        u = self._unit_after(after, c)
        if u:
            unit, n = u
            end += n
        return value, end, unit, scaled

    def _unit_after(self, after: str, c: _Core) -> Optional[tuple[str, int]]:
        """The unit named right after a figure, from quantulum3's lexicon ("kilometres", "euros")."""
        if c.kind not in ("exact",):
            return None
        m = re.match(r"^(\s?)([A-Za-z°µ$€£][A-Za-z°²³/.]*)(?:\s+([a-z]+))?", after)
        if not m:
            return None
        spaced, w1, w2 = m.group(1), m.group(2).rstrip("."), m.group(3)
        lex = _unit_lexicon()
        if w2 and (name := lex.surfaces.get(f"{w1.lower()} {w2}")):
            return name, len(spaced) + len(w1) + 1 + len(w2)
        if (name := lex.surfaces.get(w1.lower())):
            return name, len(spaced) + len(w1)
        if w1 in lex.symbols and (not spaced or len(w1) >= 2) and w1.lower() not in _NOT_SYMBOLS:
            return lex.symbols[w1], len(spaced) + len(w1)
        return None


# Nouns without a plural -s that still make "2000 ..." a count rather than a year.
_COLLECTIVE_NOUNS = frozenset("people police men women children staff personnel troops youth cattle "
                              "more new additional".split())

# Short English words that quantulum3 also lists as unit symbols ("in" = inch, "a" = year...).
_NOT_SYMBOLS = frozenset("in at a an as is it s m h t g l b d am pm per or on of to by no mi min "
                         "sec yd ft oz lb cm mm km kg ha".split()) - frozenset("mi min sec yd ft oz lb cm mm km kg ha".split())


@dataclass(frozen=True)
class _Lexicon:
    surfaces: dict[str, str]
    symbols: dict[str, str]


@functools.lru_cache(maxsize=1)
def _unit_lexicon() -> _Lexicon:
    """quantulum3's unit names and symbols, flattened to one name each (loaded on first use)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load
        units = load.units("en_US")

    def first(d):
        out = {}
        for k, v in d.items():
            v = [u for u in v if u.entity.name not in ("dimensionless", "unknown")]
            if v:
                # prefer currencies, then whatever quantulum3 lists first
                v.sort(key=lambda u: u.entity.name != "currency")
                out[k] = v[0].name
        return out
    surf = first(units.surfaces_lower)
    for noisy in ("people", "man", "men", "persons", "pound", "a", "time", "times", "second", "point",
                  "points", "mark", "marks", "rand", "tick", "ticks", "degree", "degrees", "won", "cent"):
        surf.pop(noisy, None)
    return _Lexicon(surf, first(units.symbols))


@functools.lru_cache(maxsize=1)
def default_finder() -> NumberFinder:
    return NumberFinder()


def find_quantities(text: str, finder: Optional[NumberFinder] = None) -> list[Quantity]:
    """Every figure in ``text``, as :class:`Quantity` intervals, in text order."""
    return (finder or default_finder()).find(text)


def quantity_json(q: Quantity) -> dict:
    """The shape ``crosscheck numbers`` prints: {text, start, end, lo, hi, kind, unit, ...}."""
    return {"text": q.text, "start": q.start, "end": q.end, "lo": q.lo, "hi": q.hi, "kind": q.kind,
            "unit": q.unit, "value": q.value, "qualifier": q.qualifier, "lo_open": q.lo_open,
            "hi_open": q.hi_open, "increment": q.increment}
