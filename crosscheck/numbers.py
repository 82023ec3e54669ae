"""Numbers stage: every figure in news prose, as an interval.

quantulum3 is good at units and currencies and poor at news prose: it misses "one person
died", reads "a dozen" as 1, misses "Thousands have been...", turns "between 200 and 300"
into 250, loses the bound in "at least 12", reads "the sixth time" as 1/6 and "August 9" as
9. This module finds figures with its own grammar (digits, spelled numbers, signs, scales,
vague words, fractions and mixed numbers, ordinals, qualifiers and comparisons, ranges, two
bounds of one interval), rejects what is not a figure of anything (dates, years, times, ages,
phone numbers, addresses, labels, web addresses), and asks quantulum3's unit lexicon what the
word after a figure is (metres, euros, acres...).

``benchmarks/numbers.py`` measures it against the Recognizers-Text and quantulum3 number specs,
with the rules for what news prose writes (in scope) and what it does not (math-speak, foreign
digit formats, scientific notation).

It scans the whole text with a handful of compiled expressions; quantulum3's slow parser is
never run per sentence, which is why this stage is faster than quantulum3 alone.

Vocabulary (vague bounds, qualifiers, label words...) lives in ``data/numbers.toml``; a user
file with the same tables overrides it.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .models import Quantity
from .number_context import ContextRules
from .number_ranges import RangeGrammar
from .numerals import (CURRENCY, CURRENCY_SYMBOLS, DIGIT_RUN, GROUP_BLANKS, SCIENTIFIC, currency_name,  # noqa: F401
                       looks_like_ip_address, parse_digit_run, parse_digits, parse_scientific)
from .numerals import tidy_float as _fmt
from .phrases import phrase_alternation as _alt
from .phrases import phrase_trie as _trie
from .phrases import word_alternation as _alt_words
from .units import unit_lexicon

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
                "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100, "thousandth": 1000,
                "thousandths": 1000}
# the fractions a mixed number may end with: "two and a half", "six and three quarters"
MIXED_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                    "seven": 7, "eight": 8, "nine": 9}
VULGAR_FRACTIONS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
                    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
                    "⅞": 7 / 8}
SUFFIX_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
                 "millions": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "billions": 1e9,
                 "t": 1e12, "tn": 1e12, "tln": 1e12, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
                 "hundred": 1e2, "dozen": 12, "dozens": 12}
# Scale abbreviations unambiguous enough to stand apart from the figure ("$10 bn"); a spaced
# single letter is a unit symbol instead ("3 m" is three metres).
SPACED_SCALES = frozenset("mn mln bn bln tln".split())
_NUMWORD = _trie(list(UNITS) + list(TENS) + list(SCALES))
_ORDWORD = _trie(ORDINAL_WORDS)
_DENOM = _trie(DENOMINATORS)
_SMALL = _trie([w for w in UNITS if w != "zero"] + list(TENS))


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
    increment_after_zero: tuple[str, ...]
    label_before: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    months: tuple[str, ...]
    year_before: tuple[str, ...]
    zero_phrases: tuple[str, ...]
    zero_no_nouns: tuple[str, ...]
    age_nouns: tuple[str, ...]
    emergency_numbers: tuple[str, ...] = ()
    change_verbs: tuple[str, ...] = ()
    counted_after: tuple[str, ...] = ()


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
        increment_after_zero=low(raw["increments"].get("after_zero", [])),
        label_before=low(raw["labels"]["before"]), street_suffixes=low(raw["labels"]["street_suffixes"]),
        months=low(raw["dates"]["months"]),
        year_before=low(raw["dates"]["year_before"]),
        zero_phrases=low(raw["zero"]["phrases"]), zero_no_nouns=low(raw["zero"]["no_nouns"]),
        age_nouns=low(raw.get("ages", {}).get("apposition_nouns", [])),
        emergency_numbers=low(raw["labels"].get("emergency_numbers", [])),
        change_verbs=low(raw.get("ranges", {}).get("change_verbs", [])),
        counted_after=low(raw.get("separators", {}).get("counted_after", [])),
    )


# ---------------------------------------------------------------------------------------
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
    scale: float = 1.0      # the scale word a spelled figure ends with: "one million" -> 1e6
    scientific: bool = False  # "3.2e5", "1.3x10^6": looks like an identifier ("4x4") but is not


_SCALE_WORDS = "dozen|hundred|thousand|million|billion"
_SCALE_PARTS = {**SCALES, "tens": 10, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                "billions": 1_000_000_000}
# a small number followed by "and" at the end of a spelled run, when a fraction word comes next:
# the number is the fraction's numerator ("thirty and two | fifths", "five million and one | half")
_NUMERATOR_TAIL = re.compile(r"[\s-]+and[\s-]+(?:" + "|".join(MIXED_NUMERATORS) + r")$", re.IGNORECASE)


class NumberFinder(ContextRules, RangeGrammar):
    """Finds quantities in text. Build once (it compiles its expressions), call many times.
    What a figure is not (dates, ages...) is in ``number_context.py``, figures of more than one
    number (ranges...) in ``number_ranges.py``."""

    def __init__(self, vocabulary: Optional[NumberVocabulary] = None, report_ages: bool = False):
        """``report_ages``: return ages ("a 65-year-old", "Lukashenko, 65,") as quantities of kind
        ``age`` (``crosscheck numbers`` does); by default they are left out, as the claims stage
        wants: an age counts nobody."""
        self.v = v = vocabulary or load_vocabulary()
        self.report_ages = report_ages
        vague_keys = list(v.vague)
        mult_keys = list(v.vague_multipliers)
        self.core_re = re.compile(
            # every figure starts a word: the look-behind lets the scan skip the inside of words
            r"(?<![A-Za-z])(?:"
            r"(?P<zero>\b(?:" + _trie(v.zero_phrases) + r")\b|\bno(?=\s+(?:" + _trie(v.zero_no_nouns) + r")\b))"
            r"|(?P<fracscale>\b(?:(?:" + _SMALL + r"|an?)[\s-]+)?(?:half|halves|quarters?|thirds?)"
            r"(?:\s+of)?(?:\s+an?)?[\s-]+(?:" + _SCALE_WORDS + r")\b)"
            r"|(?P<vaguemult>\b(?:" + _trie(mult_keys) + r")\s+(?:hundred\s+(?:thousand|million|billion)\b|"
            r"(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b|(?:hundreds|thousands|millions|billions)\b|"
            + _SCALE_WORDS + r")\b(?!\s+(?:and|-)))"
            r"|(?P<vague>\b(?:" + _trie(vague_keys) + r")\b)"
            r"|(?P<frac>\b(?:(?:" + _SMALL + r"|an?)[\s-]+)?(?:" + _DENOM + r")\b)"
            r"|(?P<ord>\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:" + _ORDWORD + r")\b)"
            r"|(?P<spelled>\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?(?:" + _NUMWORD + r")"
            r"(?:(?:\s+and\s+|\s*-\s*|\s+)(?:" + _NUMWORD + r"))*\b)"
            r"|(?P<vulgar>(?<![\w.])(?:\d+\s?)?[" + "".join(VULGAR_FRACTIONS) + r"])"
            r"|(?P<dfrac>(?<![\w/.])\d+\s*/\s*\d+(?![\w/]))"
            r"|(?P<sci>(?<![\w.,])" + SCIENTIFIC + r")"
            r"|(?P<digits>(?<![\w.,])" + DIGIT_RUN + r"(?:st|nd|rd|th)?))",
            re.IGNORECASE)
        self._compile_context(v)
        self._compile_ranges(v)
        self.fracscale_re = re.compile(
            r"(?:(?P<num>\w+)[\s-]+)?(?P<den>half|halves|quarters?|thirds?)(?:\s+of)?(?:\s+an?)?[\s-]+(?P<scale>\w+)",
            re.IGNORECASE)
        self.counted_after_re = re.compile(r"^\s+(?:" + (_alt(v.counted_after) or r"(?!x)x") + r")\b", re.IGNORECASE)
        self.toll_up_to_re = re.compile(r"\b(?:toll|tally)\s+(?:(?:is|was|has|had|now|rose|risen|climbed|gone|went|"
                                        r"jumped|moved)\s+){0,2}up\s+to\s*$", re.IGNORECASE)
        self.after_scale_re = re.compile(
            # "$2-million bond": a hyphen joins only a scale word
            r"^(?P<sp>\s*|-(?=(?:million|billion|trillion|thousand)\b))(?P<scale>thousand|millions?|billions?|trillion|"
            r"hundred|dozens?|mln|mn|bn|bln|tn|tln|k|m|b|t|lakh|crore|mil)\b", re.IGNORECASE)
        # "5%", "5 percent", "5 p.c." and the compound adjective "a 5-percent threshold"
        self.percent_re = re.compile(r"^(?:\s*|-)(?:%|percent\b|per\s+cent\b|pct\b\.?|p\.c\b\.?|percentage\s+points?\b)",
                                     re.IGNORECASE)
        self.currency_before_re = re.compile(CURRENCY + r"\s?$")
        self.lower_before_re = self._before(v.lower_closed + v.lower_open, comparisons=True)
        self.upper_before_re = self._before(v.upper_closed + v.upper_open, comparisons=True)
        self.approx_before_re = self._before(v.approx_around + v.approx_below)
        # the words a qualifier can end with: most figures have none before them, and this set
        # answers that without running the three expressions above
        self.qualifier_ends = frozenset(
            p.split()[-1] for p in v.lower_closed + v.lower_open + v.upper_closed + v.upper_open
            + v.approx_around + v.approx_below) | {"to", "than", "equal"}
        self.last_word_re = re.compile(r"([^\W\d_]+\.?|[<>=≤≥])\s*$")
        self.increment_before_re = self._before(v.increment_before)
        # a sign written against the digits ("-1", "−40.5", "$-12.50", "<-4"), or said ("minus
        # five"); a hyphen after a word, a digit or a sign joins ("COVID-19", "200-300", "55%-41%")
        sign = r"(?<![^\s(\[<>=≤≥$€£¥₹\"'“‘])[-−]"
        self.sign_before_re = re.compile(r"(?:\b(?:minus|negative)\s+|" + sign + ")$", re.IGNORECASE)
        self.dash_before_re = re.compile(sign + "$")
        self.plus_before_re = re.compile(r"(?<![^\s(\[\"'“‘])\+$")  # "+5", "(+3.5%)": the plus is the figure's
        self.after_qual_re = re.compile(
            r"^(?P<q>\s*-?\s*(?:" + _alt(v.after_lower + v.after_upper + v.after_approx) + r"))(?![\w])", re.IGNORECASE)
        # "less than 800 or equal": the bound includes the figure
        self.or_equal_after_re = re.compile(r"^\s+or\s+equal(?:\s+to)?\b", re.IGNORECASE)
        # a figure right after a word: the word qualifies that figure, not the one before
        # ("40 or less than 55", "150 or greater than 120")
        self.figure_next_re = re.compile(
            r"^\s*(?:than\s+|to\s+)?(?:[-−]?\d|(?:an?\s+)?(?:" + _NUMWORD + r")\b)", re.IGNORECASE)
        self.increment_after_re = re.compile(r"^\s+(?:" + _alt(v.increment_after) + r")\b(?!\s+than\b)", re.IGNORECASE)
        self.increment_after_zero_re = re.compile(r"^\s+(?:" + _alt(v.increment_after_zero) + r")\b", re.IGNORECASE)
        self.mixed_re = re.compile(
            r"^\s+and\s+(?P<num>" + "|".join(MIXED_NUMERATORS) + r")[\s-]+(?P<den>" + _DENOM + r")\b", re.IGNORECASE)
        # "a third" alone is an ordinal in news ("arrested two and questioned a third", "a third man");
        # it is a fraction of something ("a third of", "a third percent"), or ends a mixed number
        # ("thirty one and a third.")
        fraction_of = r"\s+(?:of|" + _SCALE_WORDS + r"|percent|per\s+cent)\b"
        self.fraction_of_re = re.compile(r"^" + fraction_of, re.IGNORECASE)
        self.fraction_ends_re = re.compile(r"^(?:\s*(?:[^\w\s-]|$)|" + fraction_of + ")", re.IGNORECASE)
        self.pronoun_one_before_re = re.compile(
            r"\b(?:no|any|every|some|the|this|that|each|which|no-|such)\s*$|\bone\s+$", re.IGNORECASE)
        self.pronoun_one_after_re = re.compile(r"^\s+another\b|^-(?:on|off|way|sided)\b", re.IGNORECASE)
        # "scores" the verb: "he scores", "scores a goal", "scores between 5 and 9"
        self.scores_verb_re = (re.compile(r"\b(?:he|she|it|who|which|that|team|side)\s+$", re.IGNORECASE),
                               re.compile(r"^\s+(?:a|an|the|his|her|their|its|between|again|well|high|low|"
                                          r"points?|goals?|runs?|[-−]?\d)\b", re.IGNORECASE))

    @staticmethod
    def _before(phrases: Iterable[str], comparisons: bool = False) -> re.Pattern:
        """A qualifier ending right before a figure. With ``comparisons``, also the forms that include
        the figure itself: "less than or equal to", "less or equal than", "equal to or less than",
        "at least or equal to" (the bound is then closed)."""
        alt = _alt_words(phrases)
        if comparisons:
            stems = [p[:-len(" than")] for p in phrases if p.endswith(" than")]
            alt = (r"(?:(?<!\w)equal(?:s|ing)?\s+to\s+or\s+)?(?:(?:" + _alt_words(stems) +
                   r")\s+or\s+equal\s+(?:to|than)|(?:" + alt + r")(?:\s+or\s+equal(?:\s+to)?)?)")
        return re.compile(r"(?:" + alt + r")\s*$", re.IGNORECASE)

    # ---- public -----------------------------------------------------------------------
    def find(self, text: str) -> list[Quantity]:
        blocked = [(m.start(), m.end()) for m in self.blocked_re.finditer(text)]
        cores = []
        for c in self._cores(text):
            why = self._rejected(c, text, blocked)
            if why == "age" and self.report_ages:
                cores.append(replace(c, kind="age"))
            elif not why:
                cores.append(self._signed(c, text))
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
        return self._restated_bounds(self._join_bounds(out, text), text)

    # ---- cores --------------------------------------------------------------------------
    def _cores(self, text: str) -> Iterable[_Core]:
        pos = 0
        while m := self.core_re.search(text, pos):
            c = self._core(m, text)
            if c is not None:
                yield c
            # a run of number words that is not one number ("ten and fifteen") is read again
            # from where its first number ends
            # (and so is "June 5 100 people" after its day)
            pos = c.end if c is not None and m.lastgroup in ("spelled", "digits") and m.start() < c.end < m.end() \
                else m.end()

    def _core(self, m: re.Match, text: str) -> Optional[_Core]:
        g = m.lastgroup
        s, e = m.span()
        word = m.group().lower()
        if g == "zero":
            return _Core(s, e, 0.0, "exact", spelled=True)
        if g == "fracscale":
            return self._fraction_of_scale(s, e, word)
        if g == "vaguemult":
            words = word.split()
            scale, n = 1, len(words)
            # "a few hundred thousand", "several millions", "a few tens of thousands": every scale word
            while words[n - 1] in _SCALE_PARTS or words[n - 1] == "of" and words[n - 2] in ("tens", "hundreds"):
                scale, n = scale * _SCALE_PARTS.get(words[n - 1], 1), n - 1
            lo, hi = self.v.vague_multipliers[" ".join(words[:n])]
            return _Core(s, e, None, "vague", lo * scale, hi * scale, spelled=True)
        if g == "vague":
            key = " ".join(word.split())
            lo, hi = self.v.vague[key]
            if key in ("a couple",) and not re.match(r"^\s+of\b", text[e:]):
                return None  # "a couple" alone means two people in a relationship
            if key == "a number" and not re.match(r"^\s+of\b", text[e:]):
                return None
            if key == "tens" and not re.match(r"^\s+(?:of|to|or)\b", text[e:e + 6], re.IGNORECASE):
                return None  # "tens of people", "tens to hundreds"; not a column of tens
            if key == "scores" and (self.scores_verb_re[0].search(text[max(0, s - 12):s])
                                    or self.scores_verb_re[1].match(text[e:e + 20])):
                return None
            kind = "exact" if lo == hi else "vague"
            return _Core(s, e, lo if lo == hi else None, kind, lo, hi, spelled=True)
        if g == "frac":
            return self._fraction(m, text)
        if g == "ord":
            parts = word.split("-")
            n = ORDINAL_WORDS[parts[-1]] + (TENS[parts[0]] if len(parts) > 1 else 0)
            return _Core(s, e, float(n), "ordinal", spelled=True)
        if g == "spelled":
            return self._spelled(m, text)
        if g == "vulgar":
            whole = word[:-1].strip()
            return _Core(s, e, (int(whole) if whole else 0) + VULGAR_FRACTIONS[word[-1]], "exact", digits=True)
        if g == "dfrac":
            a, b = [int(x) for x in re.split(r"\s*/\s*", m.group())]
            if b == 0:
                return None
            # "1 1/2": a whole number just before joins the fraction
            whole = re.search(r"(?<![\d.,])(\d+)\s+$", text[max(0, s - 8):s])
            if whole:
                return _Core(s - len(whole.group()), e, int(whole.group(1)) + a / b, "exact", digits=True)
            return _Core(s, e, a / b, "exact", digits=True)
        if g == "sci":
            value = parse_scientific(m.group())
            return _Core(s, e, value, "exact", digits=True, scientific=True) if value is not None else None
        if g == "digits":
            raw = m.group()
            suffix = re.search(r"(st|nd|rd|th)$", raw, re.IGNORECASE)
            if suffix:
                n = parse_digits(raw[: suffix.start()])
                return _Core(s, e, n, "ordinal", digits=True) if n is not None else None
            if re.match(r"^\s+\d+\s*/\s*\d+", text[e:e + 12]):
                return None  # the whole of "2 1/2": the fraction core takes it
            if looks_like_ip_address(raw):
                return None
            if any(b in raw for b in GROUP_BLANKS) and not self._blank_groups_hold(s, e, raw, text):
                first = re.match(r"\d+", raw).group()  # "on June 5 100 people": a day, then a count
                return _Core(s, s + len(first), float(first), "exact", digits=True)
            value = parse_digit_run(raw, self._point_groups_thousands(s, e, raw, text))
            return _Core(s, e, value, "exact", digits=True) if value is not None else None
        return None

    def _blank_groups_hold(self, s: int, e: int, raw: str, text: str) -> bool:
        """Whether '2 350 111' is one number: not when its first group is a day ('June 5 100
        people'), a label ('Route 9 100 ...') or the rest is an emergency number ('50 911 calls')."""
        before = text[max(0, s - 40):s]
        if self.month_before_re.search(before) or self.label_before_re.search(before):
            return False
        last = re.split("[" + GROUP_BLANKS + "]", raw)[-1]
        return not (self.emergency_number_re.fullmatch(last) and self.emergency_after_re.match(text[e:e + 40]))

    def _point_groups_thousands(self, s: int, e: int, raw: str, text: str) -> bool:
        """Whether the point in '9.000' groups thousands: when the figure counts people or things
        ('9.000 persons', '2.000 of them'), or it is '.000' with no unit of measure after it."""
        if "." not in raw or not re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", raw):
            return False
        after = text[e:e + 40]
        if self.counted_after_re.match(after):
            return True
        return raw.endswith(".000") and not self.percent_re.match(after) and (
            self.currency_before_re.search(text[max(0, s - 6):s]) is not None
            or self._unit_after(after, _Core(s, e, 1.0, "exact", digits=True)) is None)

    def _fraction_of_scale(self, s: int, e: int, word: str) -> Optional[_Core]:
        """'half a million', 'a quarter million', 'two thirds of a million', 'half a dozen'."""
        m = self.fracscale_re.fullmatch(word)
        num_word, den_word = m.group("num"), m.group("den")
        num = 1 if num_word in (None, "a", "an") else UNITS.get(num_word, TENS.get(num_word))
        if num is None or (num == 1) == den_word.endswith("s") and den_word != "half":
            return None  # "two third million", "a thirds million" are not English
        return _Core(s, e, num / DENOMINATORS[den_word] * SCALES[m.group("scale")], "exact", spelled=True)

    def _fraction(self, m: re.Match, text: str) -> Optional[_Core]:
        """'two-thirds', 'a third of', 'half the': fractions; 'a third person', 'the sixth time': ordinals."""
        s, e = m.span()
        parts = re.split(r"[\s-]+", m.group().lower())
        denom_word = parts[-1]
        num_word = parts[0] if len(parts) > 1 else None
        after = text[e:e + 12]
        if num_word in (None, "a", "an") and not denom_word.endswith("s"):
            if denom_word == "half":
                # "a half", "half of", "half the", and after a comparison ("more than half"), but
                # not "about half an hour" (half of a unit)
                if num_word or re.match(r"^\s+(?:of|the)\b", after) or \
                        self._qualifier_before(text[max(0, s - 40):s]) and not re.match(r"^\s+an?\b", after):
                    return _Core(s, e, 0.5, "fraction", spelled=True)
                return None
            if num_word and self.fraction_of_re.match(text[e:e + 20]):
                # "a third of the voters" — but "a third person", "wounded a third." are ordinals
                return _Core(s, e, 1 / DENOMINATORS[denom_word], "fraction", spelled=True)
            if denom_word == "quarter":
                return None  # "the third quarter", "a quarter" (of a year, of a city)
            n = ORDINAL_WORDS.get(denom_word)
            start = s + (len(m.group()) - len(denom_word))
            return _Core(start, e, float(n), "ordinal", spelled=True) if n else None
        num = UNITS.get(num_word, TENS.get(num_word, 1)) if num_word else 1
        if num_word and num_word not in ("a", "an") and not denom_word.endswith("s") and num != 1:
            return None  # "two third" is not English for a fraction
        return _Core(s, e, num / DENOMINATORS[denom_word], "fraction", spelled=True)

    def _spelled(self, m: re.Match, text: str) -> Optional[_Core]:
        """A run of number words: 'twenty-one', 'one hundred and five', 'two million'."""
        s, e = m.span()
        word = m.group().lower()
        tail = _NUMERATOR_TAIL.search(word)
        if tail and re.match(r"^[\s-]+(?:" + _DENOM + r")\b", text[e:e + 16], re.IGNORECASE):
            # "thirty and two fifths": the last number is the numerator of a fraction
            e = s + tail.start()
            word = word[:tail.start()]
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
                    words = words[:k]
                    break
            else:
                return None
        if word in ("one",) and (self.pronoun_one_before_re.search(text[max(0, s - 12):s])
                                 or self.pronoun_one_after_re.match(text[e:e + 12])):
            return None
        scale = SCALES[words[-1]] if words[-1] in SCALES and SCALES[words[-1]] >= 1000 else 1.0
        return _Core(s, e, value, "exact", spelled=True, scale=scale)

    def _signed(self, c: _Core, text: str) -> _Core:
        """'-1', '−40.5', 'minus five', 'negative one': the sign belongs to the figure."""
        if c.kind != "exact" or c.value is None:
            return c
        if c.digits and text[c.start - 1:c.start] == "+" and self.plus_before_re.search(text[max(0, c.start - 2):c.start]):
            return replace(c, start=c.start - 1)
        m = self.sign_before_re.search(text[max(0, c.start - 10):c.start])
        if not m or (not c.digits and m.group() in "-−"):
            return c  # a hyphen before a word is a compound ("no-one"), not a sign
        return _Core(c.start - len(m.group()), c.end, -c.value, c.kind, spelled=c.spelled, digits=c.digits,
                     scale=c.scale)

    # ---- composition --------------------------------------------------------------------
    def _compose(self, cores: list[_Core], i: int, text: str) -> tuple[Optional[Quantity], int]:
        c = cores[i]
        if c.kind == "age":
            return self._age(cores, i, text), 1
        start, end = c.start, c.end
        value = c.value
        if c.kind == "exact":  # "two and a half", "two million and a half"
            value, end = self._mixed(value, end, text, c.scale)
        value, end, unit, scaled = self._suffixes(value, end, text, c)
        if scaled and c.kind == "exact":  # "4 million and a half"
            value, end = self._mixed(value, end, text, scaled)
            if c.digits and not unit:  # "5 million 150 thousand 92"
                value, end, unit = self._falling_scales(cores, i, text, value, end, scaled)
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
            if (wider := self._vague_range(cores, i, text, end)) is not None:
                hi, end = wider  # "tens to hundreds", "hundreds, if not thousands"
            unit, end = self._vague_unit(text, end, c)
        used = 1
        qualifier = None
        if c.kind == "exact" and (rng := self._range(cores, i, text, value, end, unit, scaled)):
            lo, hi, end, unit, start = rng
            kind, used = "range", 2
        elif c.kind == "exact" and value is not None and (pm := self._plus_minus(cores, i, text, end)):
            u, end, unit2 = pm  # "9.83 +/- 0.01 km": the figure and its uncertainty
            lo, hi, kind, unit, qualifier = value - u, value + u, "approximate", unit or unit2, "±"
        before = text[max(0, start - 40):start]
        lo_open = hi_open = False
        increment = False
        # currency before: "$2.5bn", "€2.5 million", "-$5"
        if (cm := self.currency_before_re.search(before)) and (not unit or unit == currency_name(cm.group())):
            unit = currency_name(cm.group())
            start -= len(cm.group())
            before = text[max(0, start - 40):start]
            if kind == "exact" and value is not None and (m := self.dash_before_re.search(before)):
                lo = hi = value = -value
                start -= len(m.group())
                before = text[max(0, start - 40):start]
        if kind in ("exact", "vague"):
            m = self.increment_before_re.search(before)
            if m:
                increment = True
                start -= len(m.group())
                before = text[max(0, start - 40):start]
        base = (kind, lo, hi)
        if kind in ("exact", "vague") and (value is not None or kind == "vague"):
            found = self._qualifier_before(before)
            if found:
                name, m = found
                q = " ".join(m.group().split()).lower()
                if q == "some" and kind == "vague" or \
                        q in ("over", "under", "above", "below") and self._is_prep_object(before, c) or \
                        q == "up to" and self.toll_up_to_re.search(before):
                    pass  # "some dozens", "fought over 3 seats", "death toll up to 195" (it rose to 195)
                else:
                    qualifier = q
                    start -= len(m.group().lstrip())
                    kind, lo, hi, lo_open, hi_open = self._bound(name, q, kind, lo, hi)
                    if (lo_open or hi_open) and (eq := self.or_equal_after_re.match(text[end:end + 20])) \
                            and not self.figure_next_re.match(text[end + eq.end():end + eq.end() + 20]):
                        lo_open = hi_open = False  # "less than 800 or equal"
                        end += eq.end()
        if qualifier is None or kind == "approximate":
            # "20 or more", "50-plus"; a bound after the figure outweighs "about" before it
            m = self.after_qual_re.match(text[end:end + 30])
            if m and base[0] in ("exact", "vague") and \
                    not self.figure_next_re.match(text[end + m.end():end + m.end() + 20]):
                q = " ".join(m.group("q").replace("-", " ").split()).lower()
                name = ("lower_bound" if q in self.v.after_lower else
                        "upper_bound" if q in self.v.after_upper else "approximate")
                if qualifier is None or name != "approximate":
                    qualifier = q
                    end += m.end()
                    kind, lo, hi, lo_open, hi_open = self._bound(name, q, *base)
        if kind in ("exact", "vague", "approximate", "lower_bound") and not increment:
            m = self.increment_after_re.match(text[end:end + 20])
            if m:
                increment = True
                end += m.end()
            elif lo == hi == 0 and self.increment_after_zero_re.match(text[end:end + 20]):
                increment = True  # "no one else", "no other": the words stay outside the figure
        if c.kind == "fraction" and not unit:
            unit = "fraction"
        return Quantity(text[start:end], start, end, _fmt(lo), _fmt(hi), kind, value=_fmt(value),
                        qualifier=qualifier, unit=unit, lo_open=lo_open, hi_open=hi_open,
                        increment=increment), used

    def _mixed(self, value: Optional[float], end: int, text: str, scale: float) -> tuple[Optional[float], int]:
        """A whole number and a fraction: 'two and a half', 'thirty one and a third', 'six and three
        quarters'; after a scale the fraction is of the scale ('two million and a half')."""
        m = self.mixed_re.match(text[end:end + 30])
        if value is None or not m:
            return value, end
        num = MIXED_NUMERATORS[m.group("num").lower()]
        den_word = m.group("den").lower()
        if (num == 1) == den_word.endswith("s") and den_word != "half":
            return value, end  # "two and three fifth", "and a thirds"
        rest = text[end + m.end():end + m.end() + 20]
        if num == 1 and den_word not in ("half", "quarter") and not self.fraction_ends_re.match(rest):
            return value, end  # "arrested two and a third man": an ordinal
        return value + num / DENOMINATORS[den_word] * scale, end + m.end()

    def _qualifier_before(self, before: str) -> Optional[tuple[str, re.Match]]:
        """The longest qualifier ending right before a figure, as (bound name, match):
        "no more than" is an upper bound even though "more than" is a lower one."""
        last = self.last_word_re.search(before)
        if not last or last.group(1).lower() not in self.qualifier_ends and last.group(1) not in "<>=≤≥":
            return None
        best = None
        for rx, name in ((self.lower_before_re, "lower_bound"), (self.upper_before_re, "upper_bound"),
                         (self.approx_before_re, "approximate")):
            m = rx.search(before)
            if m and (best is None or len(m.group()) > len(best[1].group())):
                best = (name, m)
        return best

    @staticmethod
    def _is_prep_object(before: str, c: _Core) -> bool:
        """'over' in 'fought over 3 seats' is a bound; in 'all over 3 states' it is not."""
        return bool(re.search(r"\b(?:all|look|looked|took|take|taken|handed|hand|fight|fought|argue|argued|row|rows|dispute|clash|clashed)\s+(?:over|under)\s*$",
                              before, re.IGNORECASE))

    def _bound(self, name, q, kind, lo, hi):
        """Apply a qualifier to an interval; returns (kind, lo, hi, lo_open, hi_open).
        A comparison that includes the figure ("or equal to") is a closed bound."""
        v = self.v
        closed = "equal" in q
        if name == "lower_bound":
            return "lower_bound", lo, None, q in v.lower_open and not closed, False
        if name == "upper_bound":
            return "upper_bound", None, hi, False, q in v.upper_open and not closed
        t = v.tolerance
        if kind == "vague":
            return "vague", lo, hi, False, False
        if q in v.approx_below:
            return "approximate", lo * (1 - t) if lo is not None else None, hi, False, True
        return ("approximate", lo * (1 - t) if lo is not None else None,
                hi * (1 + t) if hi is not None else None, False, False)

    def _suffixes(self, value, end, text, c: _Core):
        """Scale words, percent signs, currencies and units after a figure:
        (value, end, unit, the scale word's factor or 0)."""
        after = text[end:end + 40]
        unit = None
        scaled = 0.0  # the factor of a scale word, if any
        m = self.after_scale_re.match(after)
        if m and value is not None and c.kind in ("exact", "vague") and self._scales(m, c, value, after, text):
            scaled = SUFFIX_SCALES[m.group("scale").lower()]
            value = value * scaled
            end += m.end()
            after = text[end:end + 40]
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

    def _scales(self, m: re.Match, c: _Core, value: float, after: str, text: str) -> bool:
        """Whether the scale word after a figure multiplies it: '6.7 thousand', '3k', '$2.5bn',
        'two million', 'four dozens'; not '3 m' (metres), '4000b' (bits) or 'five thousand' twice."""
        sc = m.group("scale").lower()
        spaced = bool(m.group("sp"))
        if c.spelled:
            return c.kind != "vague" and c.scale == 1.0 and sc.startswith(("million", "billion", "dozens"))
        if not c.digits:
            return False
        letter = sc in ("k", "m", "b", "t", "mn", "bn", "bln", "tn", "tln", "mil", "mln")
        if letter and spaced and sc not in SPACED_SCALES:
            return False  # "3 m" is three metres
        if len(sc) == 1 and value >= 1000:
            return False  # nobody writes "4000b" for 4 trillion: a unit ("a 4000b file")
        if sc == "t" and not self.currency_before_re.search(text[max(0, c.start - 6):c.start]):
            return False  # "$1.3T" is money; "5t" is five tonnes
        if sc == "m" and re.match(r"^m\s*(?:tall|high|long|deep|wide|away|from|below|above|of|"
                                  r"race|sprint|dash|hurdles|relay|freestyle|champion|title|final)\b",
                                  after[len(m.group("sp")):], re.IGNORECASE):
            return False  # metres: "40m high", "the 200m champion"
        return True

    def _unit_after(self, after: str, c: _Core) -> Optional[tuple[str, int]]:
        """The unit named right after a figure, from quantulum3's lexicon ("kilometres", "euros"),
        also as the second half of a compound adjective ("a 12-kilometer trail")."""
        if c.kind not in ("exact",):
            return None
        m = re.match(r"^(\s?|-)([A-Za-z°µ$€£][A-Za-z°²³/.]*)(?:\s+([a-z]+))?", after)
        if not m:
            return None
        spaced, w1, w2 = m.group(1), m.group(2).rstrip("."), m.group(3)
        lex = unit_lexicon()
        if w2 and (name := lex.surfaces.get(f"{w1.lower()} {w2}")):
            return name, len(spaced) + len(w1) + 1 + len(w2)
        if (name := lex.surfaces.get(w1.lower())):
            return name, len(spaced) + len(w1)
        if spaced != "-" and w1 in lex.symbols and (not spaced or len(w1) >= 2) and w1.lower() not in _NOT_SYMBOLS:
            return lex.symbols[w1], len(spaced) + len(w1)
        return None


# Short English words that quantulum3 also lists as unit symbols ("in" = inch, "a" = year...).
_NOT_SYMBOLS = frozenset("in at a an as is it s m h t g l b d am pm per or on of to by no mi min "
                         "sec yd ft oz lb cm mm km kg ha".split()) - frozenset("mi min sec yd ft oz lb cm mm km kg ha".split())


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
