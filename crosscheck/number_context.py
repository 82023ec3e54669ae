"""What the words around a figure say it is not: a date, a year, a time, a phone number, an
address, a label; or an age, which ``crosscheck numbers`` reports as its own kind and the claims
stage never sees.

A part of :class:`crosscheck.numbers.NumberFinder` (its base class), kept apart for size.
"""
from __future__ import annotations

import re

from .models import Quantity
from .numerals import tidy_float
from .phrases import phrase_alternation

# Nouns without a plural -s that still make "2000 ..." a count rather than a year.
_COLLECTIVE_NOUNS = frozenset("people police men women children staff personnel troops youth cattle "
                              "more new additional".split())


# month names that are also verbs, written small: "25 may have died", "thousands march" ("25 May" is a date)
_VERB_NOT_MONTH = re.compile(r"^\s+(?-i:may|march)\s+(?:have|has|be|not|still|also|never|well|yet|soon|now|face|need|rise|die)\b")


class ContextRules:
    """The rejection rules of NumberFinder; ``_compile_context`` runs in its constructor."""

    def _compile_context(self, v) -> None:
        """Compile the expressions of dates, labels, ages... from the vocabulary ``v``."""
        self.blocked_re = re.compile("|".join([
            r"(?:\bhttps?://|\bwww\.)\S+",                                  # web addresses
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",                                   # ISO dates
            r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",                                 # 08/09/2020
            r"\b\d{1,2}\.\d{1,2}\.\d{4}\b",                                 # 09.08.2020
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?",            # 10:30 p.m.
            r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b)",                 # 9 p.m.
            r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",  # phone numbers
            r"\b\d{3}[\s.-]\d{4}\b(?!\s*(?:people|votes))",                 # 555-0199
            r"\b\d+[A-Za-z]?(?:-\d+)?\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:" + phrase_alternation(
                [s.title() for s in v.street_suffixes] + [s.upper() for s in v.street_suffixes]) + r")(?![\w])",
            r"\b\d+\s+block\s+of\b",                                         # the 1200 block of
            r"(?<=\bat\s)\d{2,6}\s+[NSEW]\.?\s+[A-Z][a-z]+",                   # at 9700 W Ferris Branch
            r"\b(?:\d{2,6}\s+)?[NSEW]\.?\s+\d{2,6}\s+(?:North|South|East|West|N|S|E|W)\b",  # 2106 W. 4750 South
            r"(?<=\b[A-Z]{4}\s)\d{1,2}(?=\s+(?:News|NEWS)\b)",                 # WAVE 3 News
            r"\b\d{2,6}\s+\d+(?:st|nd|rd|th)\s+(?:" + phrase_alternation(                 # 9330 59th Ave.
                [s.title() for s in v.street_suffixes] + [s.upper() for s in v.street_suffixes]) + r")(?![\w])",
            r"(?<![\w/])\d+\s*/\s*\d+\s+(?i:back\s+to\s+gallery|next\b|previous\b)",  # a gallery's "1 / 44"
            r"\[\d{1,3}\]",                                                   # a footnote mark: "[9]"
            r"\b9-1-1\b",                                                    # the emergency number, spelled out
            r"\b(?:1[89]|20)\d{2}\s*[-–—/]\s*(?:\d{2}|(?:1[89]|20)\d{2})\b(?!\s*(?:people|votes|%))",  # 2012-13
            # ids: COVID-19, F-16, J1149.5 (a word of letters, not the scale letter of "2k-8k")
            r"(?<!\w)[A-Za-z]++-?\d+(?:[./-]\d+)*[A-Za-z]*",  # (possessive: a word is not re-read letter by letter)
            r"\b\d++[A-Za-z]++\d+[A-Za-z\d]*",                              # ids: 06F6, 4x4
        ]))
        months = phrase_alternation(v.months)
        self.month_before_re = re.compile(r"(?:\b(?:" + months + r")\.?,?\s+(?:the\s+)?)$", re.IGNORECASE)
        self.month_after_re = re.compile(r"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:" + months + r")\b", re.IGNORECASE)
        # "from August 23, 2013 shows": the year of a written date, whatever word follows it
        self.dated_month_before_re = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + months + r")\.?,\s+$",
                                                re.IGNORECASE)
        self.day_of_month_before_re = re.compile(r"\b(?:" + months + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$", re.IGNORECASE)
        self.label_before_re = re.compile(r"(?:^|[^\w])(?:" + phrase_alternation(v.label_before) + r")\s*$", re.IGNORECASE)
        self.year_before_re = re.compile(r"(?:^|\W)(?:" + phrase_alternation(v.year_before) + r")\s+$|['’]$", re.IGNORECASE)
        self.age_after_re = re.compile(
            r"^\s*-?\s*(?:years?|yrs?|months?|weeks?|days?)[\s-]*(?:-\s*)?old\b|^\s*years?\s+of\s+age\b|^\s*-year\b(?!s)"
            r"|^\s*-?(?:yo|yoa|y/o|y\.o\.)(?![\w/])"  # "4 yo boy", "6yoa"
            r"|^-\s+(?:and|or|to)\s+\w+-(?:years?|months?)-old\b"  # "her 7- and 10-year-old sons"
            r"|^-\s+(?:and|or)\s+[\d.]+-?[a-z]",  # "the 100- and 200-meter champion": a compound, not a count
            re.IGNORECASE)
        # "aged 65", "ages 17", "ages 25 and 26", "who recently turned 16", "a woman and a man, both 19"
        # "aged 20 to 27", "under the age of 8", "a child as young as 14"
        self.age_before_re = re.compile(r"(?:\b(?:age[ds]?(?:\s+between)?|ages?\s+of)(?:\s+\d{1,3}\s*,)*(?:\s+\d{1,3},?\s*(?:and|or|&|to|through|-|–))?|"
                                        r"\bas\s+(?:young|old)\s+as|\bturn(?:ed|s|ing)?|,\s*both|,\s*also)\s+$"
                                        r"|\b(?:age[ds]?|ages?\s+of)\s+\d{1,3}\s*[-–]\s*$"  # "ages of 16-18"
                                        # "who range in age from 23 to 31" (and its typo "t0")
                                        r"|\b(?:rang(?:e|es|ed|ing)\s+in\s+age|in\s+age)\s+from\s+(?:\d{1,3}\s*(?:to|t0|through|and|-|–)\s*)?$"
                                        r"|\bone\s+\d{1,3}\s*,?\s+and\s+the\s+other\s+$"  # "two teens, one 16 and the other 17"
                                        # "a woman, who police believe is about 40,"
                                        r"|\bwho\s+(?:[\w'’-]+\s+){0,3}?(?:is|was)\s+(?:about|around|approximately|roughly|nearly|almost|only|just)?\s*$",
                                        re.IGNORECASE)
        # "Lukashenko, 65,", "the man, 28, later died": the person before the comma has this age
        self.name_comma_re = re.compile(r"(?:[A-Z][\w'’.-]+|(?i:\b(?:" + phrase_alternation(v.age_nouns) + r")\b)),\s*$")
        # "called 911", "a 911 report", "the 999 operator": a phone number, not a count
        self.emergency_number_re = re.compile(r"(?:" + (phrase_alternation(v.emergency_numbers) or r"(?!x)x") + r")")
        self.emergency_before_re = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phoned|ring|rang)\s+$",
                                              re.IGNORECASE)
        self.emergency_after_re = re.compile(r"^[\s-]*(?:calls?|callers?|dispatch\w*|operators?|reports?|centers?|"
                                             r"centres?|systems?|lines?|emergency|hang-?ups?|recordings?|tapes?)\b",
                                             re.IGNORECASE)
        # "two men, 33 and 19, were shot": the second age of a pair after a person
        self.name_comma_pair_re = re.compile(r"(?:[A-Z][\w'’.-]+|(?i:\b(?:" + phrase_alternation(v.age_nouns) + r")\b)),\s*\d{1,3},?\s+(?:and|&)\s+$")
        self.decade_after_re = re.compile(r"^['’]?s\b", re.IGNORECASE)  # in her 20s, IN HER 20'S
        self.age_range_sep_re = re.compile(r"\s*(?:[-–]|to|through)\s*", re.IGNORECASE)

    def _rejected(self, c, text: str, blocked: list[tuple[int, int]]) -> bool | str:
        """Not a figure of anything: a date, year, time, phone number, address or label (True), or
        an age ("age": the count of nothing, reported as its own kind when asked)."""
        before = text[max(0, c.start - 40):c.start]
        after = text[c.end:c.end + 40]
        if c.digits and any((bs <= c.start < be or bs < c.end <= be)
                            and not (c.scientific and c.start <= bs and be <= c.end) for bs, be in blocked):
            # a whole "1 1/2" or a fraction may start before a blocked id; the number itself decides
            return True
        if c.kind == "ordinal" and c.digits and self.month_before_re.search(before):
            return True
        if c.value is not None and c.kind in ("exact", "ordinal") and 1 <= c.value <= 31 and c.value == int(c.value):
            # ("As at 29 August, 30 people had died": a month that already has its day ends the date)
            if (self.month_before_re.search(before) and not self.dated_month_before_re.search(before)) \
                    or (self.month_after_re.match(after) and not _VERB_NOT_MONTH.match(after)):
                return True
        if c.kind == "exact" and c.value is not None:
            if self.age_after_re.match(after) or (self.age_before_re.search(before) and c.value < 130):
                return "age"
            # ages in apposition are written in digits (news style): "Sunday, two of whom died" is a count
            if c.digits and c.value == int(c.value) and 0 < c.value < 120 and self.name_comma_re.search(before) \
                    and re.match(r"^\s*(?:,|\)|$|\.\s|;| and\b| of\b(?!\s+(?:them|those|these|whom|the)\b)| who\b| was\b"
                                 r"| is\b|[-–—]\s)", after) \
                    and not self.currency_before_re.search(before) and not self.percent_re.match(after):
                return "age"  # "Lukashenko, 65," — an age in apposition
            if c.digits and c.value == int(c.value) and 0 < c.value < 120 \
                    and re.search(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\s+$", before) \
                    and re.match(r"^\s*,\s*(?:was|is|who|had|has)\b", after):
                return "age"  # "Robert Atkins 21, was found shot": the same age, its first comma left out
            if c.digits and c.value == int(c.value) and 0 < c.value < 120 and self.name_comma_pair_re.search(before) \
                    and re.match(r"^\s*(?:,|\)|$|\.\s|;| were\b| are\b)", after):
                return "age"  # "two men, 33 and 19, were shot"
            if c.value < 130 and re.search(r"\bone\s+$", before, re.IGNORECASE) and re.match(
                    r"^\s*,?\s+and\s+the\s+other\s+\d{1,3}\b", after, re.IGNORECASE):
                return "age"  # "two teens, one 16 and the other 17": the first age
            if c.digits and self.emergency_number_re.fullmatch(text, c.start, c.end) \
                    and (self.emergency_before_re.search(before) or self.emergency_after_re.match(after)):
                return True  # "called 911", "a 911 call"
            if c.digits and c.end - c.start == 2 and re.search(r"(?:^|\s)’$", before):  # not ' (a quote mark)
                return True  # "NYC ’90 shooting": a year
            if c.digits and c.value is not None and 1 <= c.value <= 12 and re.search(
                    r"\b(?:dead|died|pronounced|arrived|occurred|happened|began|started|ended)\s+at\s+$", before, re.IGNORECASE) \
                    and re.match(r"^\s*(?:[.,;]|$|at\b|on\b|in\b|and\b|after\b|before\b|o'clock\b)", after):
                return True  # "pronounced dead at 5 at the scene": a time
            if c.digits and self.decade_after_re.match(after):
                return True  # the 1990s, in his 60s
            if c.digits and self.label_before_re.search(before):
                return True
            if c.digits and self._is_year(c, before, after):
                return True
        return False

    def _is_year(self, c, before: str, after: str) -> bool:
        raw_len = c.end - c.start
        if not (raw_len == 4 and c.value is not None and 1800 <= c.value <= 2099 and c.value == int(c.value)):
            return False
        if self.currency_before_re.search(before) or self.percent_re.match(after):
            return False
        if self._qualifier_before(before):
            return False
        if self.year_before_re.search(before) or self.day_of_month_before_re.search(before):
            return True
        # "2000 people" counts; "2001 was a year of..." does not
        nxt = re.match(r"^\s+([a-z]+)", after)
        return not (nxt and (nxt.group(1) in _COLLECTIVE_NOUNS or nxt.group(1).endswith("s")
                             and nxt.group(1) not in ("was", "is", "has", "as", "its", "this")))

    def _age(self, cores: list, i: int, text: str) -> Quantity:
        """An age as a quantity of kind ``age``, in years unless it says otherwise: 'a 65-year-old'
        (the span takes '-year-old'), 'aged 20 to 27' (both ends), 'Lukashenko, 65,'."""
        c = cores[i]
        lo = hi = c.value
        end = c.end
        nxt = next((n for n in cores[i + 1:i + 2] if n.kind == "age"), None)
        gap = text[end:nxt.start] if nxt is not None else ""
        if nxt is not None and nxt.value is not None and lo is not None and nxt.value > lo \
                and (self.age_range_sep_re.fullmatch(gap) or re.fullmatch(r"\s+and\s+", gap)
                     and re.search(r"\bbetween\s+$", text[max(0, c.start - 10):c.start], re.IGNORECASE)):
            hi, end = nxt.value, nxt.end  # "aged 20 to 27", "ages 16-18"
        unit = "year"
        if (m := self.age_after_re.match(text[end:end + 40])):
            end += m.end()
            word = re.search(r"year|month|week|day", m.group(), re.IGNORECASE)
            unit = word.group().lower() if word else unit
        return Quantity(text[c.start:end], c.start, end, tidy_float(lo), tidy_float(hi), "age",
                        value=tidy_float(c.value), unit=unit)
