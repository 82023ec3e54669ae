"""Claims stage: which figures count something, what, of whom, according to whom, and when.

A figure from the numbers stage becomes a :class:`Claim` when a trigger of a measure stands
near it in the same sentence: after it ("three protesters died", "Thousands have been
arrested") or before it ("killing three", "police detained 140", "the death toll rose to 27").
The vocabulary — triggers, subjects, person nouns, signal words — is ``data/measures.toml``;
a user file of the same shape adds measures or words without touching code.

Rules, in the order they are applied to each figure:
1. An *after* trigger within a few words wins; the search stops at the next figure, and a
   trigger immediately followed by a figure belongs to that figure ("killing three and
   injuring five").
2. Otherwise a *before* trigger within a few words, with no other figure between.
3. A subject is the counted noun between the figure and its trigger, or after the figure.
4. Signals in the sentence set attribution, time scope, subset ("among them"), running total
   ("rose to"), increment (from the numbers stage: "hundreds more") and hedging ("feared").
5. A person noun after "a"/"an" followed by a trigger is an implicit count of one.
"""
from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .models import Article, Claim, Quantity
from .numbers import UNITS, NumberFinder, default_finder
from .text import normalise, split_sentences

AFTER_WINDOW = 9    # words between a figure and a trigger that follows it
BEFORE_WINDOW = 6   # words between a trigger and the figure that follows it

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?|[;:()\"“”]|—|–")
# Clause breaks a trigger search does not cross.
_BREAKS = {";", ":", "(", ")", "—", "–", "but", "while", "whereas", "although", "though", "after", "before",
           "when", "since", "because", "which", "as"}
# Words after a figure that show it counts people doing or undergoing something.
_VERBS = frozenset("were was are is have has had be been being remain remained remains died dead killed "
                   "injured wounded hurt shot arrested detained who that later also still reportedly".split())
_PART_OF_RE = re.compile(r"^\s+of\s+(?:the|them|those|these|whom|his|her|their|its|victims|dead)\b", re.IGNORECASE)
# Verbs that, between a figure and a trigger, show the figure is their subject, not the casualties.
_OTHER_VERB_RE = re.compile(r"\b(?:remain(?:s|ed)?(?! missing| unaccounted)|still|indicted|sentenced|convicted|accused|identified|named|sought|wanted|suspected|"
                            r"arraigned|acquitted|released|freed|honou?red|remembered|mourned|buried|questioned|"
                            r"testified|pleaded|pled|appeared|fired|opened|responded|witnessed|saw|heard|called|describe|described|"
                            r"describes|recalled|recall|say|said|says|told|tell|watched|remember|"
                            # "nobody likes to hear of a kid getting killed": a feeling, not a count
                            r"likes?\s+to|loves?\s+to|hates?\s+to|wants?\s+to|deserves?)\b", re.IGNORECASE)
_MEASURE_NOUN_AFTER_ZERO = re.compile(r"^\s*(?:of the\s+)?(?:injuries|wounds|deaths|arrests|shots|bullets|"
                                      r"charges|details|injured|wounded|dead|victims|killed|deceased)\b", re.IGNORECASE)
# between two coordinated figures: a person noun, then a comma or "and" ("3 men, 1 woman", "two men and two women")
_COORD_GAP = re.compile(r"\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)
# the ages of a list's people between its figures: "Two men, 18 and 20, and one woman, 19, were..."
_AGES_IN_GAP = re.compile(r",\s*\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*\s*(?=,)")
# an inclusion set off by commas does not count against the distance to a trigger:
# "four people, including an 11-year-old boy and a 13-year-old boy, were wounded"
# a person set apart by a state of their own is not one of a list counted together
_STATE_WORDS = re.compile(r"\b(?:deceased|dead|injured|wounded|killed|hurt|slain|missing)\b", re.IGNORECASE)
# an appositive after a figure names the people counted, it does not add to them:
# "One victim, a 27-year-old woman, was pronounced dead", "Two people, a man and a woman, died"
_APPOSITIVE = re.compile(r"^[^,]*,\s*(?:an?|one|two|both|the)\b[^,]*,", re.IGNORECASE)
# "five people were shot, one fatally" / "4 shot, 1 fatally"
_SHOT_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:were\s+|have\s+been\s+|had\s+been\s+)?(?P<verb>shot|wounded|injured|hurt)\b"
                       r"[^.;]{0,40}?(?:,|\s*--|\s*[—–])\s*", re.IGNORECASE)
# the dead among people counted as hurt: "one of them later died", "two of whom were killed"
_DIED = (r"(?:later\s+|has\s+since\s+|have\s+since\s+|since\s+)?(?:has\s+|had\s+|have\s+)?(?P<died>died|was\s+killed|were\s+killed|"
         r"succumbed|did\s+not\s+survive|was\s+pronounced\s+dead|were\s+pronounced\s+dead|is\s+dead|are\s+dead)\b")
_FATALLY_TAIL = re.compile(r"\s+(?:(?:of\s+them\s+)?(?:fatally|mortally)\b|of\s+(?:them|whom)\s+" + _DIED + ")", re.IGNORECASE)
# "Four people were injured. One of the men later died": the next sentence says who of them died
_DIED_OF_THE_WOUNDED = re.compile(
    r"(?P<n>one|two|three|four|five|\d{1,2})\s+of\s+(?:them|those\s+(?:shot|wounded|injured|hurt)|the\s+(?:victims|wounded|injured|"
    r"men|women|people|teens|teenagers|boys|girls|males|females))\b(?:,[^,.;]{1,60},)?\s+" + _DIED, re.IGNORECASE)
# a person by name as the subject of a passive verb, and a name right after an active one
_NAMED_SUBJECT = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+)+,?\s+(?:\d{1,3},\s+)?"
                            r"(?:was|is|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?")
_NAME_AT = re.compile(r"\s+(?!(?:In|At|On|Near|After|During|Outside|Inside)\b)(?:[A-Z][a-z'’-]+\s+)?[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b")
# another, earlier event: "In December, a woman drove her car onto the sidewalk, injuring 36" (in an
# article of January); "arrested on charges stemming from a 2013 search" (in an article of 2016)
# in English, the articles' language (calendar.month_name would follow the machine's locale)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTH_LEAD = re.compile(r"^\W*(?:(?:back|earlier|later)\s+)?(?:in|last|during|this\s+past)\s+(?P<month>" + "|".join(_MONTH_NAMES)
                         + r")(?:\s+(?P<year>(?:19|20)\d\d))?\s*,", re.IGNORECASE)
_YEAR_EVENT = re.compile(r"\b(?:a|an|the|his|her|their|its)\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?(?:search|incident|shooting|"
                         r"case|killing|murder|homicide|arrest|attack|crash|conviction|robbery|raid|investigation|charges?)\b",
                         re.IGNORECASE)


def _before_the_article(sentence: str, clause_after: str, published: Optional[str]) -> bool:
    """Whether the figure is set in an earlier month or year than the article's own date: a sentence
    opening on another month ("In December, ..."), or an event of an earlier year named in the figure's
    clause after it ("charged in the 2013 incident"). Undated articles tell nothing."""
    if not published or not re.match(r"\d{4}-\d\d", published):
        return False
    year, month = int(published[:4]), int(published[5:7])
    m = _MONTH_LEAD.match(sentence)
    if m and (_MONTH_NAMES.index(m.group("month").lower()) + 1 != month
              or (m.group("year") and int(m.group("year")) < year)):
        return True
    m = _YEAR_EVENT.search(clause_after)
    return bool(m and int(m.group("year")) < year)


# "no third death", "no further arrests", "no other injuries": none more of a measure (yet)
_NONE_MORE = re.compile(r"\bno\s+(?:second|third|fourth|fifth|further|additional|other|more|new)\s+(?P<what>[\w-]+)", re.IGNORECASE)
_THAT_EVENT = re.compile(r"\b(?:that|this|the\s+earlier|the\s+previous|the\s+prior)\s+(?:killing|murder|homicide|shooting|"
                         r"death|case|crime|attack|slaying)\b", re.IGNORECASE)


def _that_earlier_event(clause_after: str, text_before: str, published: Optional[str]) -> bool:
    """'... they believe he murdered Shelton's best friend in 2013. Nobody has been charged in that
    killing': a figure said of 'that killing' when the sentence before sets an event in an earlier year."""
    if not published or not re.match(r"\d{4}", published) or not _THAT_EVENT.search(clause_after):
        return False
    previous = re.split(r"(?<=[.!?])\s+", text_before.strip())[-1]
    return any(int(y) < int(published[:4]) for y in re.findall(r"\bin\s+((?:19|20)\d\d)\b", previous))


_ONE_OF_BEFORE = re.compile(r"\b(?:one|two|three|four|five|\d+|both|all|each|none|some|several|many|most|first|second|"
                            r"third|fourth|fifth|last|latest|another)\s+of\s+(?:the\s+)?$|"
                            # "the identities of three victims": some of them, named
                            r"\b(?:identit(?:y|ies)|names?)\s+of\s+(?:the\s+)?$|"
                            # "his other two murder victims": the rest of a set counted elsewhere
                            r"\b(?:his|her|their|its)\s+other\s+$|"
                            # "a father of three": his children, not a count of the story
                            r"\b(?:father|mother|parent|dad|mom|mum|grandfather|grandmother|grandparent)\s+of\s+$",
                            re.IGNORECASE)
# how badly people were hurt: adverbs said of the verb ("seriously injured"), and words said of the injuries
_SEVERITY_ADVERBS = r"seriously|critically|severely|gravely|badly|mortally|slightly|superficially"
_SEVERITY = r"(?:" + _SEVERITY_ADVERBS + r"|minor|non-life[- ]threatening|life[- ]threatening|non[- ]life[- ]threatening)"
_SEVERITY_ANY = re.compile(r"\b(?:" + _SEVERITY[3:-1] + r"|critical|serious|stable|grave|minor|fair)\b", re.IGNORECASE)
# "two were seriously injured": how badly, said of the verb (not "suffered non-life threatening injuries",
# the usual way of giving the count of the injured)
_SEVERITY_BEFORE = re.compile(r"\b(?:" + _SEVERITY_ADVERBS + r")\s+$", re.IGNORECASE)
_SEVERE_ADVERB_BEFORE = re.compile(r"\b(?:critically|seriously|severely|gravely|badly)\s+$", re.IGNORECASE)
# a figure followed by how badly: part of the total before it ("four wounded, one critically",
# "left four injured, one in critical condition", "seven hospitalized, one with critical injuries")
_BREAKDOWN_AFTER = re.compile(r"^\s*(?:of them\s+|of those\s+)?(?:" + _SEVERITY + r"\b|(?:is\s+|was\s+|remains?\s+)?in\s+"
                              r"(?:critical|serious|grave|stable|fair|good|satisfactory)(?:\s+but\s+stable)?\s+condition\b|"
                              r"with\s+(?:" + _SEVERITY + r"|critical|serious|grave|minor)\s+(?:injur|wound|gunshot))",
                              re.IGNORECASE)
# what stands before a breakdown figure: "four injured, one ...", "including one critically", "leaving one"
_BREAKDOWN_LEAD = re.compile(r"(?:,|\bincluding|\bleaving|\bwith)\s*$", re.IGNORECASE)
# "one was grazed, the other suffered an injury", "one teen was shot in the foot and the other in the
# leg": a figure set against 'the other(s)' is one of a set, not the count of it
_OTHER_OF_SET = re.compile(r"\bthe\s+(?:other|others|rest|remaining|(?:\w+\s+)?others)\b", re.IGNORECASE)
# a figure of two measures at once: "eight have been hurt or killed", "killed or injured 8 people"
_COMBINED_BEFORE = re.compile(r"\b(?:killed|injured|wounded|hurt|dead)\s+(?:or|and/or)\s+$", re.IGNORECASE)
_COMBINED_AFTER = re.compile(r"^\s+(?:or|and/or)\s+(?:killed|dead|died|injured|wounded|hurt)\b", re.IGNORECASE)
_HURT_AND_KILLED = re.compile(r"^(?:injured|wounded|hurt)\s+and\s+killed\b", re.IGNORECASE)
# "22 others", "three other people": a group beside one counted before it in the sentence
_OTHERS_AFTER = re.compile(r"^\s+(?:others\b|other\s+[a-z]+)", re.IGNORECASE)
# "20 were hurt, with 16 suffering gunshot wounds and four others...": a breakdown, not a sum
# "fired one shot", "heard a single shot": a shot, not a person shot
_FIRED_BEFORE = re.compile(r"\b(?:fired|fire|fires|firing|heard|hear|hears|let off|squeezed off|got off|was|there was)"
                           r"\s+(?:a\s+total\s+of\s+|only\s+|just\s+|at\s+least\s+)?$", re.IGNORECASE)
_MODAL_RE = re.compile(r"\b(?:going to|will|would|wants? to|wanted to|trying to|tried to|threatened to|plans? to|planned to|"
                       r"planning to|plotted to|intended to|intends? to|meant to|vowed to)\b", re.IGNORECASE)
_NEGATION_RE = re.compile(r"\b(?:not|never|n't|no longer)\b", re.IGNORECASE)

# Capitalised words that open a sentence or name an institution, not a person.
_NOT_NAMES = frozenset("The A An He She They It This That Police Officers Officials Authorities Deputies "
                       "Investigators Sheriff Witnesses One Two Three Four Five Nobody No Someone Everyone "
                       "Both Each Neither Family Friends Relatives Doctors Hospital Medics Troopers Agents "
                       # "a man who was shot on Sunday died": a day is not a person
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tonight Yesterday "
                       "January February March April May June July August September October November December".split())
_CURRENCY_UNITS = ("dollar", "euro", "pound", "yen", "rupee", "ruble", "rouble", "franc", "real", "yuan",
                   "peso", "lira", "won", "krona", "krone", "rand", "shekel", "dinar", "dirham", "hryvnia", "zloty")


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    after: re.Pattern
    before: re.Pattern
    before_needs_after: frozenset[str]
    before_context: Optional[re.Pattern]
    units: tuple[str, ...]
    unit_kinds: tuple[str, ...]
    implicit: bool
    counts_people: bool
    weak: frozenset[str]
    weak_unless: Optional[re.Pattern]
    weak_patterns: Optional[re.Pattern]
    weak_also_counts: Optional[str]        # the measure a weak trigger's figure also counts ("shot": the dead)
    implicit_after: Optional[re.Pattern]   # triggers that follow a single person only
    not_a_count: Optional[re.Pattern]      # a trigger inside these names a crime or an office
    purposes: Optional[re.Pattern]         # for money: what the sum is (bail, reward, damage...)
    # the people it counts can be hurt more or less badly: "two suffered life-threatening injuries"
    # after "nine wounded" is how many of them, and "one victim" is one of several
    graded: bool = False
    # for crowds: gatherings counted apart, by name ("vigil": vigils?, memorials?...); a vigil's crowd
    # is not the march's, nor those who attended a graduation the people at the scene
    occasions: tuple[tuple[str, re.Pattern], ...] = ()

    def is_weak(self, trigger: str, article_text: str) -> bool:
        """A weak trigger ("shot", "taken to hospital") counts the dead too: it is not this
        measure's figure when the article speaks of deaths (weak_unless)."""
        return self.is_weak_trigger(trigger) and bool(self.weak_unless and self.weak_unless.search(article_text))

    def is_weak_trigger(self, trigger: Optional[str]) -> bool:
        t = (trigger or "").lower()
        return t in self.weak or bool(self.weak_patterns and self.weak_patterns.match(t))

    def names_no_count(self, sentence: str, span: tuple[int, int]) -> bool:
        """'attempted murder', 'murder charges', 'the homicide unit': the trigger is part of a name."""
        if self.not_a_count is None:
            return False
        lo = max(0, span[0] - 15)
        return any(lo + m.start() < span[1] and span[0] < lo + m.end()
                   for m in self.not_a_count.finditer(sentence[lo:span[1] + 25]))


@dataclass(frozen=True)
class MeasureVocabulary:
    measures: tuple[Measure, ...]
    subjects: dict[str, str]           # surface words -> canonical subject
    general_subjects: frozenset[str]
    person_nouns: frozenset[str]
    cumulative: re.Pattern
    subset: re.Pattern
    subset_clause: re.Pattern          # ", including an 11-year-old boy," (blanked when looking for a trigger)
    subset_lead: re.Pattern            # "including two", "with two": a figure that is part of one before it
    hedge: re.Pattern
    some_only: re.Pattern              # "died at the scene": a lower bound of the toll
    phase: re.Pattern                  # "Soon after, ...": a sentence about one scene of an event
    contested: re.Pattern              # "including the gunman", "unborn": may be one more than others count
    superseded: re.Pattern             # "initially said", "in initial reports": an earlier figure
    provisional: re.Pattern            # "so far", "at this time": the figure may still change
    in_addition: re.Pattern            # "also", "too": more people beside those already counted
    attribution_verbs: tuple[str, ...]
    scopes: re.Pattern
    background: re.Pattern
    background_in: re.Pattern          # the same patterns, searched in a clause
    roundup: re.Pattern                # a figure that adds up several incidents
    other_incident: re.Pattern         # "in another shooting last month": a figure of another incident
    people_words: frozenset[str]       # nouns that name people, singular and plural
    counted_things: frozenset[str]     # plural nouns that make a figure a count of things
    implicit_phrases: tuple[tuple[str, re.Pattern, float, bool], ...]  # (measure, pattern, count, at least?)

    def measure(self, name: str) -> Measure:
        return next(m for m in self.measures if m.name == name)


def _words_re(patterns: Iterable[str], anchor: str) -> re.Pattern:
    pats = sorted(patterns, key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in pats) or r"(?!x)x"
    return re.compile(anchor.format(body), re.IGNORECASE)


def load_measures(extra: Optional[str | Path] = None) -> MeasureVocabulary:
    """The shipped measures vocabulary, extended by the tables of ``extra`` (TOML)."""
    raw = tomllib.loads(resources.files("crosscheck").joinpath("data/measures.toml").read_text("utf-8"))
    if extra:
        user = tomllib.loads(Path(extra).read_text("utf-8"))
        for name, spec in user.get("measures", {}).items():
            base = raw["measures"].get(name, {})
            merged = dict(base)
            for k, v in spec.items():
                merged[k] = (list(base.get(k, [])) + list(v)) if isinstance(v, list) else \
                    {**base.get(k, {}), **v} if isinstance(v, dict) else v
            raw["measures"][name] = merged
        for canon, words in user.get("subjects", {}).get("names", {}).items():
            raw["subjects"]["names"][canon] = list(raw["subjects"]["names"].get(canon, [])) + list(words)
        for key in ("signals", "scopes", "implicit"):
            for k, v in user.get(key, {}).items():
                raw[key][k] = list(raw[key].get(k, [])) + list(v)
    measures = []
    for name, spec in raw["measures"].items():
        measures.append(Measure(
            name=name, label=spec.get("label", name.replace("_", " ")),
            # an after trigger starts at a word boundary; a before trigger must end right before the figure's words
            after=_words_re(spec.get("after", []), r"(?:{})\b"),
            before=_words_re(spec.get("before", []), r"\b(?:{})$"),
            before_needs_after=frozenset(spec.get("before_needs_after", [])),
            before_context=re.compile(spec["before_context"], re.IGNORECASE) if spec.get("before_context") else None,
            units=tuple(spec.get("units", [])), unit_kinds=tuple(spec.get("unit_kinds", [])),
            implicit=bool(spec.get("implicit", False)), counts_people=bool(spec.get("counts_people", False)),
            weak=frozenset(spec.get("weak", [])),
            weak_patterns=_words_re(spec["weak_patterns"], r"^(?:{})$") if spec.get("weak_patterns") else None,
            weak_also_counts=spec.get("weak_also_counts"),
            implicit_after=_words_re(spec["implicit_after"], r"(?:{})\b") if spec.get("implicit_after") else None,
            purposes=_words_re(spec["purposes"], r"\b({})\b") if spec.get("purposes") else None,
            not_a_count=_words_re(spec["not_a_count"], r"\b(?:{})\b") if spec.get("not_a_count") else None,
            weak_unless=re.compile(spec["weak_unless"], re.IGNORECASE) if spec.get("weak_unless") else None,
            graded=bool(spec.get("graded", False)),
            occasions=tuple((occ, _words_re(words, r"\b(?:{})\b")) for occ, words in spec.get("occasions", {}).items())))
    subjects = {}
    for canon, words in raw["subjects"]["names"].items():
        for w in words:
            subjects[w.lower()] = canon
    sig = raw["signals"]
    people = {w for w in subjects if " " not in w} | set(raw["implicit"]["person_nouns"])
    people |= {_plural(w) for w in people} | {"people", "others", "victims", "more", "adults", "each", "all", "both"}
    return MeasureVocabulary(
        measures=tuple(measures), subjects=subjects,
        general_subjects=frozenset(raw["subjects"]["general"]),
        person_nouns=frozenset(raw["implicit"]["person_nouns"]),
        cumulative=_words_re(sig["cumulative"], r"\b(?:{})\b"),
        subset=_words_re(sig["subset"], r"\b(?:{})\b"),
        subset_clause=_words_re(list(sig["subset"]) + ["such as"], r",\s*(?:{})\b[^,;:()]{{0,80}},"),
        subset_lead=_words_re(list(sig["subset"]) + ["with"], r"\b(?:{})\s+$"),
        hedge=_words_re(sig["hedge"], r"\b(?:{})\b"),
        some_only=_words_re(sig.get("some_only", []), r"^\s*(?:{})\b"),
        phase=_words_re(sig.get("phase", []), r"^[\s\"“'‘]*(?:{})\b"),
        contested=_words_re(sig.get("contested", []), r"\b(?:{})\b"),
        superseded=_words_re(sig.get("superseded", []), r"\b(?:{})\b"),
        provisional=_words_re(sig.get("provisional", []), r"\b(?:{})\b"),
        in_addition=_words_re(sig.get("in_addition", []), r"\b(?:{})\b"),
        attribution_verbs=tuple(sig["attribution_verbs"]),
        scopes=_words_re(raw["scopes"]["patterns"], r"\b(?:{})\b"),
        background=_words_re(raw["scopes"].get("background", []), r"^(?:{})$"),
        background_in=_words_re(raw["scopes"].get("background", []), r"\b(?:{})\b"),
        roundup=_words_re(raw["scopes"].get("roundup", []), r"\b(?:{})\b"),
        other_incident=_words_re(raw["scopes"].get("other_incident", []), r"\b(?:{})\b"),
        people_words=frozenset(people),
        counted_things=frozenset(raw.get("counted_things", {}).get("nouns", [])),
        # a count written "2+" is a lower bound: a murder-suicide is at least two deaths
        implicit_phrases=tuple((m, re.compile(r"\b" + p + r"\b", re.IGNORECASE), float(str(n).rstrip("+")),
                                str(n).endswith("+"))
                               for m, pats in raw["implicit"].get("phrases", {}).items() for p, n in pats))


_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people", "wife": "wives",
              "policeman": "policemen", "gunman": "gunmen", "fireman": "firemen", "policewoman": "policewomen"}


def _plural(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


@functools.lru_cache(maxsize=1)
def default_measures() -> MeasureVocabulary:
    return load_measures()


# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Found:
    measure: Measure
    trigger: str
    span: tuple[int, int]       # in sentence coordinates
    direction: str              # "after" | "before"


class ClaimExtractor:
    """Turns an article's quantities into claims. Build once, call per article."""

    def __init__(self, vocabulary: Optional[MeasureVocabulary] = None, finder: Optional[NumberFinder] = None):
        self.v = vocabulary or default_measures()
        self.finder = finder or default_finder()
        self._article_text = ""  # the article being read (weak triggers look at all of it)
        self._article_claims: list[Claim] = []  # its claims so far (a part needs its whole)
        self._subject_re = re.compile(
            # "three injured students", "two dead bandmates": the state before the noun is not the noun
            r"^(?:(?:of|the|more|other|additional|unarmed|young|innocent|peaceful|local|injured|wounded|dead|slain|"
            r"hurt|missing|detained|arrested|[a-z]+-[a-z]+)\s+)*"
            r"(" + "|".join(re.escape(w) for w in sorted(self.v.subjects, key=len, reverse=True)) + r")\b",
            re.IGNORECASE)
        nouns = "|".join(re.escape(n) for n in sorted(self.v.person_nouns, key=len, reverse=True))
        # "a man", "a 17-year-old boy", "an unidentified woman", "a Chicago police officer"
        self._implicit_re = re.compile(
            r"\b(?P<det>an?|one|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>" + nouns + r")\b(?!['’]s)", re.IGNORECASE)
        # "her unborn baby", "his two sons": a person named by whose they are
        self._possessed_re = re.compile(r"\b(?:her|his|their)\s+(?:[\w'’-]+\s+){0,2}?(?:" + nouns + r")\b", re.IGNORECASE)
        self._bare_re = re.compile(
            r"(?:^[\s\"“'‘]*|(?<=[,;]\s))(?!(?:each|every|no|any|all|some|many|most|few|several|other)\b)"
            r"(?:(?-i:[A-Z][\w'’.-]+)\s+){0,2}(?P<det>(?P<noun>" + nouns + r"))\b(?!['’]s)"
            r"(?=(?:\s*,\s*\d{1,3}\s*,)?\s+[a-z])",
            re.IGNORECASE)
        self._bare_list_before = re.compile(
            r"(?:^[\s\"“'‘]*|[:;]\s*)(?P<items>(?:(?:(?-i:[A-Z][\w'’.-]+)\s+|\d{1,3}-year-old\s+)?(?:" + nouns + r")\s*,\s*)+)$",
            re.IGNORECASE)
        # a named person: "14-year-old Destin Wallace died", "Smith, 27, who was pronounced dead"
        self._named_re = re.compile(
            r"(?<![\w.])(?P<det>(?:[A-Z][a-z'’]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’]+|[A-Z]\.|Jr\.|Sr\.)){0,3})"
            r"(?=(?:,\s*\d{1,3},)?\s*(?:,\s*who\s+|\s+who\s+)?(?:was|has|had|is)?\s*(?:later\s+|also\s+|then\s+)?"
            r"(?:died|dies|was killed|killed|was shot and killed|was pronounced dead|pronounced dead|was fatally|"
            r"was shot dead|was found dead|was slain|succumbed))")
        # a single person joined to counted figures: "and a woman", "a man and his", "Lee and her"
        # an age stands for a person: "a 16-year-old and two children", "a woman and her 2-year old",
        # "a 13-month-old boy and 20-year-old man" (no determiner before an age)
        age = r"\d{1,3}[- ](?:years?|months?|weeks?)[- ]old\b"
        # ("ages 17-year-old and 25-year-old" are the ages of people already counted)
        one = (r"(?:(?:an?|one|another|his|her|their|the)\s+|(?<!old and )(?=" + age + r"))(?:(?:[\w'’-]+\s+){0,2}?(?:" + nouns
               + r")\b|" + age + r"(?:\s+(?:[\w'’-]+\s+)?(?:" + nouns + r")\b)?)(?!['’]s)")
        # ... and after 'and' a bare noun: "a man and child were injured"
        self._and_single = re.compile(r"\s*(?:,\s*)?\band\s+(?:" + one + r"|(?:" + nouns + r")\b(?!['’]s))", re.IGNORECASE)
        # "a boy accidentally shot himself and a friend": the shooter is one of two people shot
        self._self_and_single = re.compile(r"\s+(?:himself|herself)\s+and\s+(?:(?:his|her|a|an|the)\s+)?(?:[\w'’-]+\s+)?(?:"
                                           + nouns + r")\b", re.IGNORECASE)
        # "a 39-year-old woman, 21-year-old man and a 15-year-old girl": a list that ends with 'and'
        self._one_single = re.compile(r"(?:^|,|\band\b)\s*(?:and\s+)?" + one, re.IGNORECASE)
        self._list_singles = re.compile(r"(?:\s*,\s*" + one + r")+\s*,?\s*\band\s+" + one, re.IGNORECASE)
        self._follow_single = re.compile(r"^\s+(?:[\w'’-]+\s+)?(?P<noun>[a-z]+)\s*,?\s+and\s+" + one, re.IGNORECASE)
        self._lead_single = re.compile(
            r"(?:(?:^|[,:;—–]\s*|\b(?i:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}?)(?P<who>(?i:" + nouns + r"|" + age + r"))|"
            r"(?P<name>\b[A-Z][a-z]+))(?P<comma>\s*,)?\s+(?(comma)|and\s+)(?(name)(?:his|her|their)\s+|(?:(?:his|her|their|the)\s+)?)$")
        verbs = "|".join(re.escape(v) for v in self.v.attribution_verbs if v != "according to")
        self._attr_according = re.compile(
            r"\b(?:according to|as reported by|reported by|citing|cited by)\s+(?P<who>(?:the\s+)?[^,.;:“”\"]{2,80}?)"
            r"(?=\s*(?:,|\.|;|$|\bsaid\b|\bwho\b| of the republic))", re.IGNORECASE)
        self._attr_said_after = re.compile(
            r"(?P<who>(?:\b[Tt]he\s+)?(?:[A-Z][\w'’.-]*|police|officials|authorities|witnesses|organi[sz]ers|doctors|"
            r"hospital|sources|spokes(?:wo)?man|spokesperson|ministry|department|officers|medics|activists|residents)"
            r"(?:\s+(?:of|in|for|at|the|[A-Z][\w'’.-]*|police|officials|authorities|ministry|department|spokes(?:wo)?man|"
            r"spokesperson|sources|hospital|office|service|services)){0,6})\s+(?:also\s+|had\s+|have\s+|has\s+)?"
            r"(?:" + verbs + r")\b")
        self._attr_said_before = re.compile(
            r"\b(?:" + verbs + r")\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.-]*|police|officials|authorities|witnesses|organi[sz]ers)"
            r"(?:\s+(?:of|the|[A-Z][\w'’.-]*)){0,6})")

    # ---- public ----------------------------------------------------------------------------
    def extract(self, article: Article, quantities: Optional[list[Quantity]] = None) -> list[Claim]:
        text = self._article_text = article.text
        quantities = self.finder.find(text) if quantities is None else quantities
        sentences = split_sentences(text)
        claims: list[Claim] = []
        # the headline summarises the story: "1 dead, 3 hurt" above "two others were also injured"
        # is not the people the body's "also" adds to
        head_end = text.find("\n\n") if article.title and text.startswith(article.title.strip()[:40]) else 0
        qi = 0
        for s_start, s_end in sentences:
            in_sentence = []
            while qi < len(quantities) and quantities[qi].start < s_end:
                if quantities[qi].start >= s_start:
                    in_sentence.append(quantities[qi])
                qi += 1
            sentence = text[s_start:s_end]
            self._article_claims = claims
            # "two officers and three others -- two men and a woman -- were wounded": the aside names
            # the others; read without it, and its figures are not claims of their own
            read, in_sentence = _without_asides(sentence, s_start, in_sentence)
            new = self._sentence_claims(article, read, s_start, in_sentence)
            new += self._implicit_claims(article, read, s_start, in_sentence, new)
            new = self._besides_someone_hurt(article, read, s_start, in_sentence, new)
            if read is not sentence:
                new = [replace(c, sentence=sentence) for c in new]
            new.sort(key=lambda c: c.quantity.start)
            new = self._in_addition(new, claims, text, head_end)
            new = self._more_than_another_measure(new, claims)
            new = _severity_parts(new, claims, self.v)
            new = self._died_of_the_wounded(article, read, s_start, new, claims)
            claims.extend(self._link_subsets(new, claims))
        claims = _zeros_of_some(claims)
        claims = _by_hospital(claims, text)
        claims = _headline_read_as_the_body(claims, head_end, text)
        claims = self._provisional_measures(claims, text, sentences)
        # "A 16-year-old girl died" describes one victim; when the article states a figure for the
        # measure, that figure is its claim, and the singular is not a rival count of one
        # (an increment is no such figure: "a suspect surrendered ... two other people were taken into
        # custody earlier" says at least one, and two more)
        explicit = {c.measure for c in claims if not c.implicit and not c.background and not c.increment
                    and not (c.part_of and c.lo == 0)}
        claims = [c for c in claims if not (c.implicit and c.measure in explicit)]
        return _with_ids(_drop_repeats(claims))

    # ---- explicit figures ------------------------------------------------------------------
    def _sentence_claims(self, article: Article, sentence: str, s0: int, qs: list[Quantity]) -> list[Claim]:
        out = []
        parts_seen: set[str] = set()  # measures this sentence breaks down ("two of the victims...")
        figures = [(q.start - s0, q.end - s0) for q in qs]
        for q in qs:
            qs_, qe_ = q.start - s0, q.end - s0
            if q.kind == "ordinal":
                claim = self._ordinal_claim(article, sentence, s0, q, figures)
                if claim:
                    out.append(claim)
                continue
            if q.lo == 0 and q.hi == 0 and _MEASURE_NOUN_AFTER_ZERO.match(sentence[qe_:qe_ + 30]):
                continue  # "none of the injuries was life-threatening": about the injuries, not a count
            if _ONE_OF_BEFORE.search(sentence[max(0, qs_ - 20):qs_]):
                continue  # "one of five victims dies": the five is the whole, the verb is the one's
            if re.search(r"\battempted\s+(?:murders?|homicides?|killings?)\s+of\s+$", sentence[max(0, qs_ - 40):qs_], re.IGNORECASE):
                continue  # "the attempted murder of one victim": not a death, and not said to be hurt
            if q.lo == 1 and q.text.lower() == "one" and re.match(
                    r"\s+(?:used|found|seen|carried|fired|recovered|owned|bought|stolen|described)\b", sentence[qe_:qe_ + 15]):
                continue  # "a gun like one used in the killings": a thing, not a person
            if q.lo == 1 and re.match(r"\s+[a-z]+\s+to\s+the\s+next\b", sentence[qe_:qe_ + 30], re.IGNORECASE):
                continue  # "running from one homicide to the next": an idiom, not a count
            if q.lo == 1 and re.match(r"\s+\d{1,3}\s*,?\s+and\s+the\s+other\b", sentence[qe_:qe_ + 30], re.IGNORECASE):
                continue  # "two teenagers, one 16 and the other 17": one of the pair, by age
            if re.match(r"\s+(?:for|per)\s+(?:each|every)\b", sentence[qe_:qe_ + 15], re.IGNORECASE):
                continue  # "17 counts of attempted murder, one for each person wounded"
            if re.match(r"\s+(?:remaining|most\s+recent|latest|earliest|first|last)\b", sentence[qe_:qe_ + 20], re.IGNORECASE) \
                    or re.search(r"\bthe\s+(?:last|previous|first|latest)\s+$", sentence[max(0, qs_ - 20):qs_], re.IGNORECASE):
                continue  # "the four remaining victims", "the two most recent killings", "the last two officers slain"
            found = self._measure_for(q, sentence, qs_, qe_, figures)
            part = bool(found and found.measure.counts_people and not q.unit
                        and _some_of_them(q, found.measure, sentence, qs_, qe_))
            # "two of the victims were in critical condition and two suffered minor injuries": the
            # second two is the rest of the same breakdown
            of_people = re.match(r"\s+of\s+(?:the\s+|those\s+|these\s+)?([a-z]+)", sentence[qe_:qe_ + 25], re.IGNORECASE)
            if part or (of_people and of_people.group(1).lower() in self.v.people_words | {"them", "whom"}):
                # "two of the victims were in critical condition and ...": a breakdown of people
                parts_seen.add(found.measure.name if found else "*")
            part = part or bool(found and (found.measure.name in parts_seen or "*" in parts_seen)
                                and _SEVERITY_ANY.search(sentence[qe_:max(qe_, found.span[1]) + 25]))
            if found is not None and part:
                # "one of the dead men", "two of the victims were hurt": a part of a whole stated elsewhere
                whole = next((p for p in reversed(out + list(self._article_claims)) if p.measure == found.measure.name
                              and p.part_of is None and not p.implicit), None)
                if whole is None:
                    continue
                c = self._claim(article, sentence, s0, q, found, self._subject(sentence, qs_, qe_, found))
                out.append(replace(c, part_of=f"@{whole.quantity.start}"))
                continue
            if found is None and out and self.v.subset.search(sentence[max(0, qs_ - 25):qs_]):
                # "hundreds were injured, among them over 120 officers": counted as the whole is
                found = _Found(self.v.measure(out[-1].measure), out[-1].trigger, (
                    out[-1].trigger_span[0] - s0, out[-1].trigger_span[1] - s0), "whole") if out[-1].trigger_span else None
            if found is None:
                continue
            if _BREAKDOWN_AFTER.match(sentence[qe_:qe_ + 40]) and (
                    found.direction == "before" or _BREAKDOWN_LEAD.search(sentence[:qs_])):
                whole = next((p for p in reversed(out) if p.measure == found.measure.name and p.part_of is None
                              and (p.quantity.lo or 0) > (q.lo or 0)), None)
                if whole is not None:
                    # "4 people wounded, 1 critically": the one is among the four
                    c = self._claim(article, sentence, s0, q, found, self._subject(sentence, qs_, qe_, found))
                    out.append(replace(c, part_of=f"@{whole.quantity.start}"))
                    continue
                if _BREAKDOWN_LEAD.search(sentence[:qs_]) and (
                        found.direction == "before" or self._uncounted_whole_before(q, qs, out)):
                    # "seven remained hospitalized, one with critical injuries", "others were wounded,
                    # two critically": a part of a whole the sentence gives no figure of
                    continue
            if self.v.subset.search(sentence[max(0, qs_ - 25):qs_]) and self._uncounted_whole_before(q, qs, out) \
                    and not any(p.measure == found.measure.name for p in out):
                continue  # "three people reported being targeted, including one who suffered a minor injury"
            if re.search(r"\bthe\s+(?:other|remaining)\s+$", sentence[max(0, qs_ - 20):qs_], re.IGNORECASE) and (
                    self._same_measure_before(found.measure, sentence[:qs_])
                    or (not sentence[:qs_].strip(" \"“'‘").lower().removesuffix("the other").removesuffix("the remaining").strip()
                        and any(c.measure == found.measure.name for c in self._article_claims))):
                continue  # "one has life-threatening injuries, while the other two have minor injuries"
            if re.search(r"\bthe\s+$", sentence[max(0, qs_ - 5):qs_], re.IGNORECASE) and re.match(
                    r"\s+other\b", sentence[qe_:qe_ + 8], re.IGNORECASE) and any(
                    c.measure == found.measure.name for c in self._article_claims):
                continue  # "the two other injured victims", after the article has counted the injured
            if self._one_of_a_set(found, sentence, qe_):
                continue
            subject = self._subject(sentence, qs_, qe_, found) if not found.measure.purposes \
                else self._purpose(found.measure, sentence, qs_, qe_)
            subject = _occasion(found.measure, sentence, qs_) or subject
            if found.measure.purposes and subject and re.search(r"\beach\b", sentence[qe_:qe_ + 40], re.IGNORECASE):
                subject += " each"  # "$10 million bond each": per person, not the sum another source gives
            out.append(self._claim(article, sentence, s0, q, found, subject))
        out = self._split_totals(article, sentence, s0, qs, out)
        out = [_with_the_killer(c, sentence, s0) for c in out]
        out.sort(key=lambda c: c.quantity.start)
        return [_with_them(c, sentence, s0) for c in
                _merge_others(self._merge_coordinated(out, sentence, s0, qs), sentence, s0, qs, self.v.subset_lead)]

    def _in_addition(self, new: list[Claim], earlier: list[Claim], text: str, head_end: int) -> list[Claim]:
        """'Three officers were wounded. Two civilians were also injured': a figure said to come in
        addition to people the body has already counted for the same measure is an increment.

        Two signals: 'also' (or 'too', 'as well') tied to the figure, and 'others' after it. The
        headline (before ``head_end``) summarises the story and is not what the body adds to; the
        same figure again ("three others injured ... three other men were also wounded") is the same
        people, not more of them."""
        out: list[Claim] = []
        for c in new:
            q = c.quantity
            if c.trigger_span and not (q.increment or c.part_of or c.background) \
                    and self.v.measure(c.measure).counts_people:
                before = [p for p in earlier + out if head_end <= p.quantity.start < q.start]
                also = _found_in_addition(self.v.in_addition, text, q, c.trigger_span)
                if also and q.start < head_end:
                    # "Two El Centro officers also wounded in sniper ambush": a headline that says
                    # "also" adds to people it does not count itself
                    out.append(replace(c, quantity=replace(q, increment=True)))
                    continue
                if any(p.quantity.increment and p.measure == c.measure and p.subject == c.subject
                       and (p.quantity.lo, p.quantity.hi) == (q.lo, q.hi) for p in earlier + out):
                    # "Two El Centro officers also wounded" above "Two college district officers were
                    # injured": the same figure of the same people again is the same addition
                    out.append(replace(c, quantity=replace(q, increment=True)))
                    continue
                others = not also and bool(_OTHERS_AFTER.match(text[q.end:q.end + 25]))
                counted = [p for p in before if p.measure == c.measure and not (p.background or p.roundup or p.superseded)]
                if (also or (others and self._others_follow_the_same_measure(c, before))) and counted \
                        and not any(p.quantity.lo == q.lo and p.quantity.hi == q.hi for p in counted):
                    c = replace(c, quantity=replace(q, increment=True))
                elif others and self._named_just_before(c, text, head_end):
                    c = replace(c, quantity=replace(q, increment=True))
            out.append(c)
        return out

    def _provisional_measures(self, claims: list[Claim], text: str, sentences: list[tuple[int, int]]) -> list[Claim]:
        """'Two were pronounced dead at the scene ... Police say there is no third death to report at
        this time': an article that says none more of a measure yet gives all its figures of it as
        provisional."""
        said: set[str] = set()
        for s, e in sentences:
            sentence = text[s:e]
            if not self.v.provisional.search(sentence):
                continue
            for m in _NONE_MORE.finditer(sentence):
                said |= {x.name for x in self.v.measures if x.counts_people and x.after.match(m.group("what").lower())}
        if not said:
            return claims
        return [replace(c, provisional=True) if c.measure in said and not c.background else c for c in claims]

    def _besides_someone_hurt(self, article, sentence: str, s0: int, qs: list[Quantity], new: list[Claim]) -> list[Claim]:
        """'A pregnant woman was shot five times ... in a shooting that injured four other people':
        the others are besides a person the sentence has already said was hurt the same way, so the
        figure is not all of them: a lower bound. After "a man was killed", others hurt are all the
        hurt. The person counts even if "shot" may mean she died: a lower bound is safe either way."""
        others = [c for c in new if not c.implicit and not c.some_only and self.v.measure(c.measure).counts_people
                  and _OTHERS_AFTER.match(self._article_text[c.quantity.end:c.quantity.end + 25])]
        if not others:
            return new
        singles = [s for s in self._implicit_claims(article, sentence, s0, qs, [], weak_ok=True) if not s.increment]
        besides = {id(c) for c in others for s in singles if s.measure == c.measure and s.quantity.end <= c.quantity.start}
        return [replace(c, some_only=True) if id(c) in besides else c for c in new]

    def _beyond_the_dead(self, q: Quantity, measure: Measure, sentence: str, qs_: int, qe_: int) -> bool:
        """'Five people are dead, six more shot', 'two killed and four others shot': people said to be
        more than, or other than, the dead just counted; a weak trigger counts them alone."""
        if not measure.weak_also_counts:
            return False
        more = q.increment or bool(_OTHERS_AFTER.match(sentence[qe_:qe_ + 25]))
        return more and self._same_measure_before(self.v.measure(measure.weak_also_counts), sentence[:qs_])

    def _died_of_the_wounded(self, article: Article, sentence: str, s0: int, new: list[Claim],
                             earlier: list[Claim]) -> list[Claim]:
        """'Police said 10 people were wounded. One of the victims was killed.': the dead were among
        those counted as hurt, so the injured are the rest (9), and someone died (at least one).

        The wounded figure is the last injuries total of the last sentence that gives a figure, in the
        same paragraph ("Four people were injured. Two men and two women were taken to hospitals. One
        of the men later died."); ``earlier`` is updated in place, and the death is returned with ``new``."""
        m = _DIED_OF_THE_WOUNDED.match(sentence)
        if not m or not earlier:
            return new
        read = [c for c in new if c.measure == "deaths"]  # "One of the men" read already, as a part of a toll
        if any(c.quantity.start != s0 + m.start("n") for c in read):
            return new
        prev = [i for i, c in enumerate(earlier) if c.sentence_start == earlier[-1].sentence_start
                and c.measure == "injuries" and c.compared_as_total and not (c.roundup or c.implicit)
                and c.quantity.kind == "exact"]
        gap = self._article_text[earlier[prev[-1]].sentence_start + len(earlier[prev[-1]].sentence):s0] if prev else ""
        if not prev or len(gap) > 200 or "\n\n" in gap:
            return new  # only soon after the sentence that counts the wounded, in its paragraph
        word = m.group("n").lower()
        k = float(word) if word.isdigit() else float(UNITS[word])
        i = prev[-1]
        q = earlier[i].quantity
        if q.lo is None or q.lo <= k:
            return new
        earlier[i] = replace(earlier[i], quantity=replace(q, lo=q.lo - k, hi=q.lo - k, value=q.lo - k))
        if read:
            return new
        dq = Quantity(text=m.group("n"), start=s0 + m.start("n"), end=s0 + m.end("n"), lo=k, hi=k, kind="exact", value=k)
        found = _Found(self.v.measure("deaths"), m.group("died"), m.span("died"), "after")
        # those of the wounded who died, not necessarily all the dead ("a man was killed and four
        # hurt; one of the injured later died"): a singular beside the other deaths, a lower bound
        death = replace(self._claim(article, sentence, s0, dq, found, None, implicit=k == 1), some_only=True)
        return sorted(new + [death], key=lambda c: c.quantity.start)

    def _more_than_another_measure(self, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
        """'Two people were killed and three more were wounded': 'more' than the dead, not more of the
        wounded; with no one counted the same way before, the figure is the measure's total."""
        out: list[Claim] = []
        for c in new:
            q = c.quantity
            if q.increment and self.v.measure(c.measure).counts_people and not c.background and not any(
                    p.measure == c.measure and not (p.background or p.roundup) for p in earlier + out) \
                    and any(p.measure != c.measure and self.v.measure(p.measure).counts_people
                            and p.sentence_start == c.sentence_start for p in out):
                c = replace(c, quantity=replace(q, increment=False))
            out.append(c)
        return out

    def _named_just_before(self, c: Claim, text: str, head_end: int) -> bool:
        """'Lamont Powell, 24, was badly wounded in the ambush. Two others were wounded': the sentence
        before, in the body, says the same of a person by name, so the others are besides that person."""
        lo = max(head_end, c.sentence_start - 300)
        lead = text[lo:c.sentence_start].rstrip()
        if not lead or lead[-1] not in ".!?\"”":
            return False  # the headline, or a line with no full stop: not a sentence about someone
        prev = re.split(r"(?<=[.!?])\s+|\n", lead.rstrip("\"”")[:-1])[-1]
        trigger = self.v.measure(c.measure).after
        low = prev.lower()

        def said_of_them(pos: int) -> Optional[str]:  # the measure whose trigger is read there, longest first
            hits = [(len(h.group()), m.name) for m in self.v.measures if m.counts_people
                    for h in [m.after.match(low, pos)] if h]
            return max(hits)[1] if hits else None

        for m in _NAMED_SUBJECT.finditer(prev):  # "Lamont Powell, 24, was badly wounded" (not "shot and killed")
            if said_of_them(m.end()) == c.measure:
                return True
        for m in trigger.finditer(low):  # "police arrested Cleveland Smelley"
            if _NAME_AT.match(prev, m.end()):
                return True
        return False

    def _others_follow_the_same_measure(self, c: Claim, before: list[Claim]) -> bool:
        """'Others' are beside the people named just before them: after "a man was killed" they are
        the wounded, a total; only right after people counted the same way, in an earlier sentence
        and with no other measure named before them in their own, are they more of those."""
        last = next((p for p in reversed(before) if not p.background), None)
        lead = c.sentence[:c.quantity.start - c.sentence_start]
        return bool(last is not None and last.sentence_start != c.sentence_start and last.measure == c.measure
                    and not any(m.counts_people and m.name != c.measure and self._same_measure_before(m, lead)
                                for m in self.v.measures))

    @staticmethod
    def _uncounted_whole_before(q: Quantity, qs: list[Quantity], claims: list[Claim]) -> bool:
        """Whether a larger figure before ``q`` in the sentence has no claim: the whole of a breakdown."""
        claimed = {c.quantity.start for c in claims}
        return any(p.kind == "exact" and p.end <= q.start and (p.lo or 0) > (q.lo or 0) and p.start not in claimed
                   for p in qs)

    @staticmethod
    def _same_measure_before(measure: Measure, text: str) -> bool:
        """Whether ``text`` already speaks of this measure (a trigger, or a condition for injuries)."""
        low = text.lower()
        return bool(measure.after.search(low) or (measure.implicit_after and measure.implicit_after.search(low)))

    def _one_of_a_set(self, found: _Found, sentence: str, qe_: int) -> bool:
        """'One was grazed, the other suffered an injury': the figure is one of a set whose
        other members the sentence goes on to count the same way (or, elliptically, 'and the
        other in the leg'). 'One was killed and the other injured' keeps its one death."""
        end = max(qe_, found.span[1])
        m = _OTHER_OF_SET.search(sentence, end)
        if m is None or m.start() - end > 30:
            return False  # "the other" must answer the figure in its own clause
        rest = sentence[m.end():]
        # "one person was critically wounded, and the three others are in stable condition"
        return bool(found.measure.after.search(rest.lower()) or re.match(r"^\s+(?:in|to|on)\s+(?:the|his|her)\b", rest)
                    or (found.measure.implicit_after and found.measure.implicit_after.search(rest.lower())))

    def _split_totals(self, article, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
        """'Five people were shot, one fatally', 'six people wounded -- two mortally': of those shot or
        wounded some died, so the rest were injured. Returns the claims with those figures split."""
        out = list(claims)
        for a, b in zip(qs, qs[1:]):
            gap = sentence[a.end - s0:b.start - s0]
            tail = sentence[b.end - s0:b.end - s0 + 30]
            if a.kind != "exact" or b.kind != "exact" or a.lo is None or b.lo is None or b.lo >= a.lo:
                continue
            shot = _SHOT_GAP.fullmatch(gap)
            if not (shot and _FATALLY_TAIL.match(tail)):
                continue
            # the wounded figure already has its claim of all the wounded: it gives way to the rest
            out = [c for c in out if not (c.measure == "injuries" and c.quantity.start == a.start)]
            span = (a.end - s0 + shot.start("verb"), b.end - s0 + _FATALLY_TAIL.match(tail).end())
            q = replace(a, lo=a.lo - b.lo, hi=a.lo - b.lo, value=a.lo - b.lo)
            found = _Found(self.v.measure("injuries"), sentence[span[0]:span[1]], span, "after")
            out.append(self._claim(article, sentence, s0, q, found, self._subject(sentence, a.start - s0, a.end - s0, found)))
            if not any(c.measure == "deaths" and c.quantity.start == b.start for c in out):
                # "two of them fatally", "two of whom died": read as a part of the shot, with no whole of
                # its own; those of the shot who died (there may be other dead), a lower bound
                died = _FATALLY_TAIL.match(tail)
                found = _Found(self.v.measure("deaths"), died.group(0).strip(), (b.end - s0, b.end - s0 + died.end()), "after")
                c = self._claim(article, sentence, s0, b, found, None, implicit=b.lo == 1)
                out.append(replace(c, some_only=True))
        return out

    def _merge_coordinated(self, claims: list[Claim], sentence: str, s0: int, qs: list[Quantity]) -> list[Claim]:
        """'3 men, 1 woman wounded', 'a man and his two kids were found dead', 'killing two men and
        a woman': one claim of their sum.

        Figures joined by commas or 'and', each followed only by a person noun, share one trigger;
        so does a single person joined to them ('a man and', 'and a woman', 'Lee and her'). Their
        sum is what the sentence counts. An appositive ('One victim, a 27-year-old woman, was')
        names the people counted and adds nothing.
        """
        claimed = {c.quantity.start for c in claims}
        out = []
        for c in claims:
            q = c.quantity
            if c.implicit or q.kind != "exact" or q.increment or c.trigger_span is None:
                out.append(c)
                continue
            trigger_after = c.trigger_span[0] >= q.end
            parts = [q]
            if trigger_after:
                for prev in reversed([p for p in qs if p.end <= parts[0].start]):
                    if not self._coordinated(prev, sentence[prev.end - s0:parts[0].start - s0], claimed,
                                             sentence[parts[0].end - s0:parts[0].end - s0 + 40]):
                        break
                    parts.insert(0, prev)
                lead = self._lead_single.search(sentence[:parts[0].start - s0])
                listed = self._bare_lead(sentence[:parts[0].start - s0])  # "whose sister, nephew and two other relatives"
                tail = self.v.subset_clause.sub(lambda m: " " * len(m.group()), sentence[q.end - s0:c.trigger_span[0] - s0])
                joined = [] if _APPOSITIVE.match(tail) else list(self._and_single.finditer(tail))
                singles = len(joined)
                if lead and _STATE_WORDS.search(lead.group()):
                    lead = None  # "one deceased male and one female victim who sustained injuries"
                bare_start = bool(lead and lead.start() == 0 and lead.group("who"))  # a headline's "Baby, 4 people injured"
                if lead and lead.group("comma") and not bare_start and (
                        lead.group("name") or (not singles and len(parts) == 1)):
                    lead = None  # "A man, two women and a child" is a list; "Smith, two others" is not
            else:
                # "killed 2 adults, 2 teens", "killing two men and a woman"
                lead, listed = None, None
                for nxt in [p for p in qs if p.start >= parts[-1].end]:
                    if not self._coordinated(parts[-1], sentence[parts[-1].end - s0:nxt.start - s0], claimed,
                                             sentence[nxt.end - s0:nxt.end - s0 + 40]):
                        break
                    parts.append(nxt)
                follow = self._follow_single.match(sentence[parts[-1].end - s0:])
                if follow and follow.group("noun").lower() not in self.v.people_words:
                    follow = None
                singles = 1 if follow else 0
            if trigger_after and not singles and not lead:
                # a headline's bare list: "4 women, man, unborn child slain"
                singles = self._bare_singles(sentence[q.end - s0:c.trigger_span[0] - s0])
            at_least = False
            if not singles:
                # "shot two mothers and their daughters": at least one more, how many is not said
                region = sentence[q.end - s0:c.trigger_span[0] - s0] if trigger_after else sentence[parts[-1].end - s0:]
                possessive = re.match(r"^\s+(?:[\w'’-]+\s+)?[\w'’-]+\s+and\s+(?:their|his|her)\s+(?P<w1>[a-z-]+)(?:\s+(?P<w2>[a-z-]+))?",
                                      region, re.IGNORECASE)
                at_least = bool(possessive) and any(
                    w and w.lower() in self.v.people_words and w.lower() not in self.v.person_nouns
                    for w in (possessive.group("w1"), possessive.group("w2")))
            if listed:
                lead = None
            if len(parts) == 1 and not singles and not lead and not at_least and not listed:
                out.append(c)
                continue
            total = sum(p.lo for p in parts) + singles + (1 if lead else 0) + (1 if at_least else 0) + (listed[0] if listed else 0)
            start = parts[0].start if not listed else s0 + listed[1]
            if lead:
                start = s0 + lead.start() + len(lead.group()) - len(lead.group().lstrip(",:;—– "))
            if trigger_after:
                end = parts[-1].end
                if joined:
                    end = q.end + joined[-1].end()  # the tail starts where q ends
            else:
                end = parts[-1].end + (follow.end() if follow else 0)
            if at_least:
                end = max(end, (q.end if trigger_after else parts[-1].end) + possessive.end())
            text = sentence[start - s0:end - s0].rstrip()
            if at_least:
                merged = replace(q, text=text, start=start, end=start + len(text), lo=total, hi=None, value=total,
                                 kind="lower_bound", qualifier="at least")
            else:
                # "five more officers and four other civilians": a list with an increment adds to a total
                merged = replace(q, text=text, start=start, end=start + len(text), lo=total, hi=total, value=total,
                                 increment=any(p.increment for p in parts))
            subject = c.subject
            if lead or singles or at_least or len(parts) > 1:
                # "Father and two children", "2 Officers & 3 Others": a list of different people is people
                region = sentence[start - s0:max(end, c.trigger_span[0] if trigger_after else end) - s0].lower()
                region += " " + " ".join(re.findall(r"[a-z]+", sentence[end - s0:end - s0 + 25].lower())[:1])  # the last noun
                kinds = {self.v.subjects.get(w, w) for w in re.findall(r"[a-z]+", region) if w in self.v.people_words}
                if len(kinds) > 1:
                    subject = "people"
            out.append(replace(c, quantity=merged, subject=subject))
        return out

    def _bare_lead(self, prefix: str) -> Optional[tuple[int, int]]:
        """A list of bare singular nouns before a figure, joined to it by 'and': 'whose sister,
        nephew and two other relatives' -> (2, where 'sister' starts)."""
        item = r"(?:(?:an?|one|his|her|their|the)\s+)?(?:(?!(?:whose|who|which|that|and|or)\b)[\w'’-]+\s+)?[a-z-]+"
        m = re.search(r"(?<![\w'’-])(?P<list>(?:" + item + r"\s*,\s*)+" + item + r")\s*,?\s+and\s+$", prefix, re.IGNORECASE)
        if not m:
            return None
        start = m.start("list")
        items = m.group("list").split(",")
        while len(items) >= 2:  # the list's first words may be the sentence's: "Officials said a man, a woman and"
            if all(w.split()[-1].lower() in self.v.person_nouns for w in items):
                lead_space = len(items[0]) - len(items[0].lstrip())
                return len(items), start + lead_space
            start += len(items[0]) + 1
            items = items[1:]
        return None

    def _bare_singles(self, tail: str) -> int:
        """People named by a bare singular noun in a headline's list after a counted noun:
        'women, man, unborn child' -> 2 (the man and the child)."""
        m = re.fullmatch(r"\s+[\w'’-]+((?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’-]+\s+)?[\w'’-]+)+\s*", tail)
        if not m:
            return 0
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", tail.strip())[1:]
        if not items or not all(i.split()[-1].lower() in self.v.person_nouns for i in items):
            return 0
        return len(items)

    def _coordinated(self, a: Quantity, gap: str, claimed: set[int], next_words: str) -> bool:
        """Whether ``gap`` joins figure ``a`` to the next one as one list of people ("3 men, 1 woman"):
        each figure is followed by a person noun, and none is set apart by a state of its own
        ("one deceased male and one female victim", "two women, one pregnant")."""
        gap = _AGES_IN_GAP.sub("", gap)
        if a.kind != "exact" or not _COORD_GAP.fullmatch(gap):
            return False
        noun = gap.strip(" ,&").removesuffix(" and").strip(" ,&").lower()
        if _STATE_WORDS.search(noun):
            return False
        following = re.findall(r"[\w'’-]+", next_words)[:2]  # the next figure's noun: "1 woman", "two adult females"
        return noun.split()[-1] in self.v.people_words and any(w.lower() in self.v.people_words for w in following)

    def _measure_for(self, q: Quantity, sentence: str, qs_: int, qe_: int, figures) -> Optional[_Found]:
        unit = (q.unit or "").lower()
        is_money = any(c in unit for c in _CURRENCY_UNITS)
        for m in self.v.measures:
            if "currency" in m.unit_kinds and is_money:
                return _Found(m, q.text, (qs_, qe_), "unit")
        if q.unit and unit not in ("percent", "percentage point") and not is_money:
            return None  # a length, a weight, a duration: not a count of people
        after = self._after(sentence, qe_, figures)
        before = self._before(sentence, qs_, figures)
        for found in (self._match_after(q, after), self._match_before(q, before, sentence, qe_, figures)):
            if found:
                m = found.measure
                if m.counts_people and self._counts_a_thing(sentence, qe_):
                    return None
                if m.counts_people and q.kind == "exact" and q.lo is not None and q.lo != int(q.lo):
                    return None  # people come in whole numbers: "1 / 44" under a photo is not a count
                if m.counts_people and re.match(r"^\s+shot\b", sentence[qe_:qe_ + 8], re.IGNORECASE) \
                        and _FIRED_BEFORE.search(sentence[max(0, qs_ - 30):qs_]):
                    return None  # "fired one shot at the man"
                if m.counts_people and self._combined(sentence, found.span):
                    return None  # "eight have been hurt or killed": neither measure alone
                if found.direction == "before" and self._owned_by_figure_before(sentence, found.span, figures, qs_):
                    continue  # "of the four wounded, three worked at the salon": 'wounded' is the four's
                if m.names_no_count(sentence, found.span):
                    continue  # "one count of attempted murder"
                if found.direction == "after" and _is_agent(sentence, found.span):
                    continue  # "two people and injured a woman": not the injured; "killed" before may still count them
                if m.is_weak(found.trigger, self._article_text) and not self._beyond_the_dead(q, m, sentence, qs_, qe_):
                    return None  # the article speaks of deaths: "four people were shot" counts them too
                if found.direction == "after" and _SEVERITY_BEFORE.search(sentence[max(0, found.span[0] - 25):found.span[0]]) \
                        and self._article_claims_of(m.name, sentence[:qs_]):
                    return None  # "four were shot and two were seriously injured": a breakdown, not a total
                return found
        return None

    def _later_died(self, sentence: str, pos: int) -> bool:
        """Whether the person just said to be hurt dies later in the sentence (no one else named between)."""
        rest = sentence[pos:]
        death = self.v.measure("deaths").after.search(rest.lower())
        if death is None:
            return False
        between = rest[:death.start()]
        if re.search(r"\b(?:charged|accused|convicted|suspected|arrested|indicted)\s+(?:\w+\s+){0,2}$", between, re.IGNORECASE):
            return False  # "woman hurt in drive-by shooting now charged with murder"
        if re.search(r"\bwhere\s+(?:he|she)\s+(?:was\s+|later\s+|had\s+|has\s+)*$", between, re.IGNORECASE) \
                and not self._implicit_re.search(between):
            return True  # "rushed the boy to a hospital, where he was pronounced dead"
        # "a pregnant woman was shot five times and her unborn baby was killed": someone else died
        return not (self._implicit_re.search(between) or self._possessed_re.search(between) or re.search(
            r"\b(?:another|other|others|\d+|two|three|four|that|which|who|whom|where|when|after|before|but)\b|[;:]",
            between, re.IGNORECASE))

    @staticmethod
    def _combined(sentence: str, span: tuple[int, int]) -> bool:
        """'hurt or killed', 'killed or injured', 'injured and killed': one figure of two measures."""
        return bool(_COMBINED_BEFORE.search(sentence[max(0, span[0] - 25):span[0]])
                    or _COMBINED_AFTER.match(sentence[span[1]:span[1] + 25])
                    or _HURT_AND_KILLED.match(sentence[span[0]:span[1] + 20]))

    def _owned_by_figure_before(self, sentence: str, span: tuple[int, int], figures, qs_: int) -> bool:
        """A trigger right after another figure and set off by a comma ('of the four wounded, three
        worked at the salon') is that figure's, not the next one's ('one shooter hurt 15' is not)."""
        if "," not in sentence[span[1]:qs_]:
            return False
        for fs, fe in figures:
            if fe <= span[0]:
                gap = sentence[fe:span[0]]
                m = re.fullmatch(r"\s+(?:([a-z]+)\s+)?", gap)
                if m and (m.group(1) is None or m.group(1).lower() in self.v.people_words):
                    return True
        return False

    def _article_claims_of(self, measure: str, sentence_before: str) -> bool:
        """Whether the article already gave a total for this measure (or people shot) before here."""
        return any(c.measure == measure for c in self._article_claims) or bool(
            re.search(r"\b(?:shot|wounded|injured|hurt)\b", sentence_before, re.IGNORECASE))

    def _counts_a_thing(self, sentence: str, qe_: int) -> bool:
        """'shot eight times', 'nine counts of murder', 'two parked cars': a count of things, not people.

        Reads up to three words after the figure: a person noun, a verb or a trigger means people
        are counted; a noun from the counted-things list (data/measures.toml) means something else is.
        """
        low = sentence.lower()
        if _SHOTS_FIRED.match(low[qe_:qe_ + 30]):
            return True  # "at least one shot fired"
        # "a handful of blood", "dozens of rounds"; not "dozens of young men", "three of them" or
        # "thousands of Muscovites" (a name of people the vocabulary cannot list)
        of = re.match(r"\s+of\s+(?:(?:the|his|her|their|its|our|my|your)\s+)?((?:[\w'’-]+\s*){1,3})", sentence[qe_:qe_ + 50])
        if of and not any(w.lower() in self.v.people_words or w.lower() in _OF_PEOPLE or (w[0].isupper() and w.isalpha())
                          for w in re.findall(r"[\w'’-]+", of.group(1))):
            return True  # ... nor "one of our K-9 dogs"
        for i, w in enumerate(re.finditer(r"[a-z][a-z'’-]*", low[qe_:qe_ + 50])):
            word = w.group()
            if i >= 3 or word in self.v.people_words or word in _VERBS:
                return False
            if word in self.v.counted_things:
                return True
        return False

    def _units_ok(self, m: Measure, q: Quantity) -> bool:
        unit = (q.unit or "").lower()
        if m.units:
            return unit in m.units
        return unit not in ("percent", "percentage point", "fraction")

    def _after(self, sentence: str, qe_: int, figures) -> tuple[str, int]:
        """The words after a figure up to the next figure or clause break, and where they start.

        The last word or two before the next figure are left out: a verb there governs that
        figure ("killed three and injured five"), not this one.
        """
        nxt, nxt_end = min(((s, e) for s, e in figures if s >= qe_), default=(None, None))
        chunk = sentence[qe_:nxt] if nxt is not None else sentence[qe_:]
        chunk = self.v.subset_clause.sub(lambda m: " " * len(m.group()), chunk)
        # ... unless the next figure counts things or time: "two people were killed two days ago"
        if nxt is not None and not self._counts_a_thing(sentence, nxt_end) \
                and sentence[nxt:nxt_end].split()[-1].lower() not in self.v.counted_things:
            tail = re.search(r"\b[\w'’-]+(?:\s+(?:at least|more than|another|a further|nearly|about|some|up to|over))?\s*$", chunk)
            if tail:
                chunk = chunk[:tail.start()]
        words = list(_WORD.finditer(chunk))
        stop = len(chunk)
        for i, w in enumerate(words):
            if i >= AFTER_WINDOW or w.group().lower() in _BREAKS:
                stop = w.start()
                break
        return chunk[:stop], qe_

    def _before(self, sentence: str, qs_: int, figures) -> tuple[str, int]:
        prev = max((e for _, e in figures if e <= qs_), default=0)
        chunk = sentence[prev:qs_]
        words = list(_WORD.finditer(chunk))
        start = 0
        for i, w in enumerate(reversed(words)):
            if i >= BEFORE_WINDOW + 6 or w.group().lower() in (_BREAKS - {"as"}) or w.group() in ".":
                start = w.end()
                break
        return chunk[start:], prev + start

    def _match_after(self, q: Quantity, after: tuple[str, int]) -> Optional[_Found]:
        chunk, base = after
        # "two men indicted in the shooting death": the figure counts who was indicted
        governed = _OTHER_VERB_RE.search(chunk)
        if governed:
            chunk = chunk[:governed.start()]
        low = chunk.lower()
        best: Optional[tuple[int, _Found]] = None
        for w in _WORD.finditer(chunk):
            pos = w.start()
            for m in self.v.measures:
                if not self._units_ok(m, q):
                    continue
                hit = m.after.match(low, pos)
                if hit and (best is None or pos < best[0]):
                    best = (pos, _Found(m, chunk[hit.start():hit.end()], (base + hit.start(), base + hit.end()), "after"))
            if best:
                break
        if best and re.search(r"\b(?:the|a|one|that|this|fatal|single|warning)\s+$", chunk[:best[0]], re.IGNORECASE) \
                and best[1].trigger.lower().startswith("shot"):
            return None  # "the officer who fired the shot": a noun, not a verb
        if best and re.fullmatch(r"\s*,\s*", chunk[:best[0]]) and re.match(r"[a-z]+ing\b", best[1].trigger, re.IGNORECASE) \
                and not re.match(r"\s+(?:her|him|them|both|all|each)\b", chunk[best[0] + len(best[1].trigger):], re.IGNORECASE):
            # "a shooting that wounded 5, killing an unborn baby": the -ing clause has its own object
            # ("shooting a pregnant teenager, killing her" speaks of the same person)
            return None
        if best and _NEGATION_RE.search(chunk[:best[0]]):
            return None  # "two children were not injured"
        if best and _MODAL_RE.search(chunk[:best[0]]):
            return None  # "no one is going to hurt you": not a report of what happened
        return best[1] if best else None

    def _match_implicit_after(self, after: tuple[str, int]) -> Optional[_Found]:
        chunk, base = after
        for m in self.v.measures:
            hit = m.implicit_after.search(chunk) if m.implicit_after else None
            if hit and not _NEGATION_RE.search(chunk[:hit.start()]):
                return _Found(m, hit.group(), (base + hit.start(), base + hit.end()), "after")
        return None

    def _match_before(self, q: Quantity, before: tuple[str, int], sentence: str, qe_: int, figures) -> Optional[_Found]:
        chunk, base = before
        # strip words between the trigger and the figure that don't change what is counted:
        # "killing at least", "detained", "the death toll rose to"
        low = chunk.lower().rstrip()
        measures = [m for m in self.v.measures if self._units_ok(m, q)]
        for cut in _tail_cuts(low):
            head = low[:cut].rstrip()
            # the most specific trigger wins ("fatally shot two" over "shot two"), unless it reaches
            # across a coordination: "left a man dead and injured five" counts the injured
            hits = sorted(((m, hit) for m in measures for hit in [m.before.search(head)] if hit),
                          key=lambda mh: (bool(re.search(r"\b(?:and|or)\b|,", mh[1].group())), mh[1].start()))
            for m, hit in hits:
                trig = hit.group()
                if re.match(r"\s+at\b(?!\s+least\b)", low[hit.end():]):
                    continue  # "fired one shot at the other man", "shot at pedestrians": aimed at, not hit
                if re.match(r"\s+by\b", low[hit.end():]):
                    continue  # "after being shot by two men": the figure counts who shot
                if trig in ("shooting", "stabbing") and re.match(r"\s+(?:had|has|have)\b", low[hit.end():]):
                    continue  # "news of the shooting had one local mother keeping her boys inside"
                if _MODAL_RE.search(low[max(0, hit.start() - 20):hit.start()]):
                    continue  # "planned to kill hundreds": not a report of what happened
                if trig.split()[0] in m.before_needs_after:
                    after = self._after(sentence, qe_, figures)
                    if not m.after.search(after[0].lower()):
                        continue
                if m.before_context and not m.before_context.search(sentence):
                    continue
                return _Found(m, chunk[hit.start():hit.end()], (base + hit.start(), base + hit.end()), "before")
        return None

    @staticmethod
    def _purpose(m: Measure, sentence: str, qs_: int, qe_: int) -> Optional[str]:
        """What a sum of money is for: the purpose word nearest the figure ('bond', 'reward')."""
        best = None
        for hit in m.purposes.finditer(sentence):
            d = min(abs(hit.start() - qe_), abs(qs_ - hit.end()))
            if d <= 60 and (best is None or d < best[0]):
                best = (d, hit.group(1).lower().rstrip("s") if hit.group(1).lower() not in ("damages", "losses", "costs", "taxes", "assets", "fees", "salaries") else hit.group(1).lower())
        return best[1] if best else None

    def _subject(self, sentence: str, qs_: int, qe_: int, found: _Found) -> Optional[str]:
        # the noun after the figure: "three protesters died", "detained hundreds more protesters"
        tail = sentence[qe_:qe_ + 60].lstrip(" ,")
        m = self._subject_re.match(tail)
        if m:
            return self.v.subjects[m.group(1).lower()]
        if found.direction == "after":
            between = sentence[qe_:found.span[0]]
            for w in reversed(between.lower().split()):
                if w.strip(",") in self.v.subjects:
                    return self.v.subjects[w.strip(",")]
        return None

    def _claim(self, article, sentence, s0, q, found: _Found, subject, *, implicit=False, cumulative=None) -> Claim:
        local = sentence.lower()
        near = local[max(0, q.start - s0 - 60):min(len(local), q.end - s0 + 80)]
        cumulative = bool(self.v.cumulative.search(local[max(0, q.start - s0 - 40):q.start - s0 + 1])) \
            if cumulative is None else cumulative
        hedged = bool(self.v.hedge.search(near)) and not (q.qualifier and q.qualifier == "as many as" and
                                                           not self.v.hedge.search(near.replace("as many as", "")))
        ts = (found.span[0] + s0, found.span[1] + s0) if found.direction != "unit" else None
        scope = self._scope(sentence, q.start - s0)
        # "67 officers have been killed in the line of duty this year through July 20": a period
        # named in the figure's own clause after it is its scope, even if a day is nearer before it
        trigger_end = ts[1] - s0 if ts else q.end - s0
        clause_after = re.split(r"[,;:—–()]|\.\s", local[max(trigger_end, q.end - s0):])[0]
        background = found.measure.counts_people and bool(
            (scope and self.v.background.match(scope.lower())) or self.v.background_in.search(clause_after)
            or self.v.other_incident.search(local[:q.start - s0])
            or _before_the_article(sentence, clause_after, article.published if article else None)
            or _that_earlier_event(clause_after, self._article_text[max(0, s0 - 400):s0],
                                   article.published if article else None)
            # "three wounded (on Sunday) in another shooting"; not "the shooting that killed two was in
            # retaliation for ...", where the clause goes on to speak of the figure's own shooting
            or self.v.other_incident.match(re.sub(r"^\s*(?:(?!(?:was|were|is|are|has|had)\b)[\w-]+\s+){0,3}?(?=in\b)", "",
                                                  clause_after)))
        # "the four men killed were among seven people gunned down in three separate shootings": the
        # seven is the roundup, the four are this incident's
        among = re.search(r"^[^,;]{0,60}?\b(?:were|was|are|is)\s+among\b", sentence[q.end - s0:], re.IGNORECASE)
        roundup = found.measure.counts_people and not background and not among and bool(self.v.roundup.search(sentence))
        some_only = found.measure.name == "deaths" and bool(self.v.some_only.match(sentence[max(trigger_end, q.end - s0):]))
        # "two people were critically wounded": those hurt that badly, of the injured; others may
        # have lesser wounds, so the figure is compared as a lower bound
        some_only = some_only or bool(found.measure.graded and ts and not implicit and _SEVERE_ADVERB_BEFORE.search(
            sentence[max(0, ts[0] - s0 - 25):ts[0] - s0]))
        # "Soon after, two people were fatally shot at the barbershop": one scene of the event
        some_only = some_only or bool(found.measure.counts_people and self.v.phase.match(sentence))
        clause = local[max(0, q.start - s0 - 10):max(trigger_end, q.end - s0) + 60]
        contested = found.measure.name == "deaths" and bool(self.v.contested.search(clause))
        # "in initial reports, police announced two killed and five wounded, but two more have since died"
        # ... only within the figure's own clause: "initial reports said two; police now say 5"
        lead_clause = re.split(r"[;:]|\b(?:but|now|later|since|then)\b", local[max(0, q.start - s0 - 80):q.start - s0])[-1]
        superseded = bool(self.v.superseded.search(lead_clause))
        provisional = not background and bool(self.v.provisional.search(sentence))
        return Claim(id="", article=article.id, measure=found.measure.name, subject=subject, quantity=q,
                     sentence=sentence, sentence_start=s0, trigger=found.trigger if ts else None, trigger_span=ts,
                     attribution=self._attribution(sentence), scope=scope, hedged=hedged, implicit=implicit,
                     cumulative=cumulative, background=background, roundup=roundup, some_only=some_only,
                     contested=contested, superseded=superseded, provisional=provisional)

    # ---- ordinals and implicit singulars --------------------------------------------------
    def _ordinal_claim(self, article, sentence, s0, q: Quantity, figures) -> Optional[Claim]:
        """'a third person died' — the toll reached 3; 'the sixth time' is nothing."""
        qs_, qe_ = q.start - s0, q.end - s0
        if not re.search(r"\b(?:an?)\s+$", sentence[max(0, qs_ - 4):qs_], re.IGNORECASE):
            return None
        noun = re.match(r"^\s+(?:[\w-]+\s+)?(" + "|".join(self.v.person_nouns) + r"|people|persons?)\b", sentence[qe_:qe_ + 40],
                        re.IGNORECASE)
        if not noun:
            return None
        after = self._after(sentence, qe_, figures)
        found = self._match_after(replace(q, kind="exact"), after)
        if not found or found.measure.name not in ("deaths", "injuries", "detentions", "missing"):
            return None
        exact = replace(q, kind="exact", text=sentence[qs_ - 2:qe_] if sentence[qs_ - 2:qs_].lower() == "a " else q.text,
                        start=q.start - 2 if sentence[qs_ - 2:qs_].lower() == "a " else q.start)
        subject = self.v.subjects.get(noun.group(1).lower() + "s") or self.v.subjects.get(noun.group(1).lower())
        if found.measure.name != "deaths":
            # "three were found shot to death and a fourth person was injured": the ordinal numbers
            # the victims of every kind, so it says one more injured person, not four injured
            one_more = replace(exact, lo=1.0, hi=1.0, value=1.0, increment=True)
            return self._claim(article, sentence, s0, one_more, found, subject, implicit=True, cumulative=False)
        return self._claim(article, sentence, s0, exact, found, subject, implicit=True, cumulative=True)

    def _implicit_claims(self, article, sentence, s0, qs: list[Quantity], explicit_claims: list[Claim],
                         weak_ok: bool = False) -> list[Claim]:
        out = []
        implicit_measures = [m for m in self.v.measures if m.implicit]
        if not implicit_measures:
            return out
        # a sentence that gives a figure for a measure already says how many: "the toll rose to
        # three after a woman died" is not a second claim of one death
        explicit = {c.measure for c in explicit_claims}
        figures = [(q.start - s0, q.end - s0) for q in qs]
        for measure, rx, n, at_least in self.v.implicit_phrases:
            pm = rx.search(sentence)
            if pm and measure not in explicit and not any(s <= pm.start() < e for s, e in figures):
                lead = len(pm.group()) - len(pm.group().lstrip(",; "))  # the figure starts at its first word
                q = Quantity(text=pm.group()[lead:], start=s0 + pm.start() + lead, end=s0 + pm.end(), lo=n,
                             hi=None if at_least else n, kind="lower_bound" if at_least else "exact", value=n)
                found = _Found(self.v.measure(measure), pm.group(), pm.span(), "phrase")
                out.append(self._claim(article, sentence, s0, q, found, "people", implicit=True))
                explicit = explicit | {measure}
        matches = list(self._implicit_re.finditer(sentence))
        # a headline's bare noun: "Teen injured in accidental shooting", "Belgrade boy dies"
        matches += [m for m in self._bare_re.finditer(sentence)
                    if not any(m.start() < x.end() and x.start() < m.end() for x in matches)]
        matches += [m for m in self._named_re.finditer(sentence)
                    if m.group("det").split()[0] not in _NOT_NAMES and not any(m.start() < x.end() and x.start() < m.end() for x in matches)]
        covered = -1  # the end of the last person phrase counted ("a man and a woman were killed")
        for m in sorted(matches, key=lambda m: m.start()):
            det_s, det_e = m.span("det")
            if det_s < covered:
                continue  # "a woman" in "a man and a woman were killed": counted with the man
            if any(m.start() <= s < m.end() or s <= det_s < e for s, e in figures):
                continue  # "one person", "a third person" are figures already
            noun_e = m.end("noun") if "noun" in m.re.groupindex else m.end("det")
            if re.match(r"^\s+of\b", sentence[noun_e:noun_e + 5]):
                continue
            if _WHO_DID.match(sentence, noun_e):
                continue  # "Man who shot and killed son, himself": the one who did it
            if re.search(r"\bas\s+$", sentence[max(0, det_s - 4):det_s], re.IGNORECASE) and m.group("det").lower() in ("a", "an") \
                    and not re.search(r"\b(?:a|an|the)\s", sentence[det_e:noun_e], re.IGNORECASE):
                continue  # "charged as an adult", "worked as a security guard": a role, not a person
            # "One of the victims, a man, is in critical condition": one of several (but "one of the
            # victims, Jeffery Webb, later died" is most often the one death among the wounded)
            one_of_several = bool(re.search(r"\bone\s+of\s+(?:the|them|those)\b[^,.;]{0,30},\s*$", sentence[:det_s],
                                            re.IGNORECASE))
            q = Quantity(text=m.group("det"), start=s0 + det_s, end=s0 + det_e, lo=1.0, hi=1.0, kind="exact", value=1.0,
                         # "an additional passenger sustained minor injuries": one more
                         increment=bool(re.match(r"\s+(?:additional|further|extra)\b", sentence[det_e:det_e + 15], re.IGNORECASE)))
            if m.re is self._bare_re and (listed_before := self._bare_list_before.search(sentence[:det_s])):
                # a headline's list of bare nouns: "Toddler, Man Killed", "Mother, toddler killed"
                n = 1 + len(re.findall(r",", listed_before.group("items")))
                q = replace(q, text=sentence[listed_before.start("items"):det_e], start=s0 + listed_before.start("items"),
                            lo=float(n), hi=float(n), value=float(n))
            # "a 39-year-old woman, a 21-year-old man and a girl were wounded": the list's trigger
            listed = self._list_singles.match(sentence, noun_e)
            chain_end = noun_e  # "the suspect and the minor child were transported": the pair's trigger
            while (link := self._and_single.match(sentence, chain_end)) is not None:
                chain_end = link.end()
            if re.match(r"^\s+of\b", sentence[chain_end:chain_end + 5]):
                continue  # "the mother and brother of a girl who died"
            after = self._after(sentence, listed.end() if listed else chain_end, figures)
            found = None
            for f in (self._match_after(q, after), self._match_implicit_after(after),
                      # "police arrested a man", "killing a woman"
                      self._match_before(q, self._before(sentence, det_s, figures), sentence, noun_e, figures)):
                if f is None or not f.measure.implicit or f.measure.names_no_count(sentence, f.span):
                    continue
                if f.direction == "before" and f.trigger.split()[0] in f.measure.before_needs_after:
                    continue
                if f.direction == "after" and _is_agent(sentence, f.span):
                    continue  # "a man shot and killed his wife": the man is the one who killed
                if self._combined(sentence, f.span):
                    continue  # "the gunman killed or injured 8 people"
                found = f
                break
            if found is None or found.measure.name in explicit or (one_of_several and found.measure.graded):
                continue
            if found.direction == "after" and _DID_IT_BETWEEN.search(sentence[noun_e:found.span[0]]):
                continue  # "Boy accidentally shoots his sister, leaves her in critical condition": the sister
            if re.search(r"\b(?:until|unless|if|once)\s+(?:[\w'’-]+\s+){0,2}$", sentence[max(0, found.span[0] - 30):found.span[0]],
                         re.IGNORECASE):
                continue  # "they will not release his name until he is arrested": it has not happened
            # "a man was shot and killed", "the victim was taken to hospital in critical condition and
            # pronounced dead": the person is one of the dead, not of the injured
            if found.measure.name == "injuries" and found.direction != "before" and self._later_died(sentence, found.span[1]):
                found = _Found(self.v.measure("deaths"), found.trigger, found.span, found.direction)
            if not weak_ok and found.measure.is_weak(found.trigger, self._article_text):
                continue  # "a woman was shot" in an article where she died: not an injury
            noun = (m.group("noun") if "noun" in m.re.groupindex else "person").lower()
            subject = self.v.subjects.get(noun + "s") or self.v.subjects.get(noun) or "people"
            q, covered = self._people_named(sentence, s0, q, det_s, noun_e, found, listed, covered)
            out.append(self._claim(article, sentence, s0, q, found, subject, implicit=True))
        return out

    def _people_named(self, sentence: str, s0: int, q: Quantity, det_s: int, noun_e: int, found: _Found,
                      listed: Optional[re.Match], covered: int) -> tuple[Quantity, int]:
        """How many people the phrase that starts with a single person names, and where it ends.

        People joined by "and" or listed share the trigger and are counted together ("a 2-year-old
        boy and a man were killed", "killing a man and his son", "a woman, a man and a girl were
        wounded"); a shooter is one of those shot with "himself and a friend"."""
        if found.direction == "after":
            joined = list(self._and_single.finditer(sentence[noun_e:found.span[0]]))
            end = noun_e + joined[-1].end() if joined else None
            if listed and listed.end() <= found.span[0]:
                joined = list(self._one_single.finditer(listed.group()))
                end = listed.end()
        else:
            joined = [j for j in [self._and_single.match(sentence, noun_e)] if j]
            end = joined[0].end() if joined else None
        if joined and not _STATE_WORDS.search(sentence[det_s:end]):
            n = 1 + len(joined)
            return replace(q, text=sentence[det_s:end], end=s0 + end, lo=float(n), hi=float(n), value=float(n)), end
        if found.direction == "after" and re.fullmatch(r"\s*shot", found.trigger, re.IGNORECASE) and (
                self._self_and_single.match(sentence, found.span[1])):
            return replace(q, lo=2.0, hi=2.0, value=2.0), covered
        if reflexive := re.search(r"\b(?:both\s+)?(?:himself|herself)\s+and\s+$", sentence[:det_s], re.IGNORECASE):
            # "a shooting that sent both himself and an 11-year-old girl to the hospital"
            return replace(q, text=sentence[reflexive.start():q.end - s0], start=s0 + reflexive.start(),
                           lo=q.lo + 1, hi=q.hi + 1, value=q.lo + 1), covered
        return q, covered

    # ---- context ---------------------------------------------------------------------------
    def _attribution(self, sentence: str) -> Optional[str]:
        m = self._attr_according.search(sentence)
        if m:
            return _clean_who(m.group("who"))
        for m in self._attr_said_after.finditer(sentence):
            who = _clean_who(m.group("who"))
            if who and who.lower() not in ("he", "she", "they", "it", "i", "we"):
                return who
        m = self._attr_said_before.search(sentence)
        if m:
            return _clean_who(m.group("who"))
        return None

    def _scope(self, sentence: str, pos: int) -> Optional[str]:
        best = None
        for m in self.v.scopes.finditer(sentence):
            d = min(abs(m.start() - pos), abs(m.end() - pos))
            if best is None or d < best[0]:
                best = (d, m.group())
        return best[1] if best else None

    def _link_subsets(self, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
        """'hundreds were injured, among them over 120 officers': the 120 is part of the hundreds."""
        out = []
        for c in new:
            q0 = c.quantity.start - c.sentence_start
            lead = c.sentence[max(0, q0 - 50):q0]
            if self.v.subset.search(lead):
                whole = next((p for p in reversed(out + earlier) if p.measure == c.measure and p.article == c.article
                              and p.quantity.start < c.quantity.start and p.part_of is None), None)
                if whole is not None:
                    c = replace(c, part_of=f"@{whole.quantity.start}")
            out.append(c)
        return out


_AND_SELF = re.compile(r"^\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]*\s*(?:,|\band|\bthen|\band then|"
                       r"\bbefore\s+(?:shooting|killing|turning\s+the\s+gun\s+on))\s+(?:him|her|them)?self\b",
                       re.IGNORECASE)


def _occasion(m: Measure, sentence: str, qs_: int) -> Optional[str]:
    """The gathering a crowd figure counts, named in its sentence, nearest the figure: 'Five attended
    graduation ceremonies' counts a ceremony, not the crowd the gunman fired into."""
    hits = [(abs(h.start() - qs_), occ) for occ, rx in m.occasions for h in rx.finditer(sentence)]
    return min(hits)[1] if hits else None


def _with_the_killer(c: Claim, sentence: str, s0: int) -> Claim:
    """'Gunman kills 3 bandmates, self', 'killed two people and himself': the toll with the killer
    is one more, a figure sources often leave out; it is compared as [N, N+1] (contested)."""
    q = c.quantity
    if c.measure != "deaths" or q.kind != "exact" or q.lo is None or c.implicit:
        return c
    m = _AND_SELF.match(sentence[q.end - s0:])
    if not m:
        return c
    n = q.lo + 1
    text = sentence[q.start - s0:q.end - s0 + m.end()]
    return replace(c, quantity=replace(q, lo=n, hi=n, value=n, text=text, end=q.start + len(text)), contested=True)


_THEM_AND = re.compile(r"\b(?P<who>them|both)\s+and\s+$", re.IGNORECASE)


def _with_them(c: Claim, sentence: str, s0: int) -> Claim:
    """'the rampage that left them and three others dead': 'them' are people the sentence counted
    before (at least two; 'both' exactly two), so the figure is at least three more than the
    others it names."""
    q = c.quantity
    window = max(0, q.start - s0 - 12)
    lead = _THEM_AND.search(sentence[window:q.start - s0])
    if lead is None or q.kind != "exact" or q.lo is None or not _OTHERS_AFTER.match(sentence[q.end - s0:q.end - s0 + 20]):
        return c
    total = q.lo + 2
    text_start = s0 + window + lead.start("who")
    if lead.group("who").lower() == "both":
        merged = replace(q, text=sentence[text_start - s0:q.end - s0], start=text_start, lo=total, hi=total, value=total)
    else:
        merged = replace(q, text=sentence[text_start - s0:q.end - s0], start=text_start, lo=total, hi=None, value=total,
                         kind="lower_bound", qualifier="at least")
    return replace(c, quantity=merged)


def _merge_others(claims: list[Claim], sentence: str, s0: int, qs: list[Quantity], subset_lead: re.Pattern) -> list[Claim]:
    """'two critically injured and 22 others injured', 'two victims were taken to hospital by
    ambulance and three others by private car': 'others' are beside the people counted before
    them, so the sentence's figure of that measure is the sum (24, 5)."""
    out: list[Claim] = []
    for c in claims:
        q = c.quantity
        prev = next((p for p in reversed(out) if p.measure == c.measure), None)
        own_triggers = (prev is not None and c.trigger_span is not None and prev.trigger_span is not None
                        and prev.quantity.end <= prev.trigger_span[0] < q.start <= q.end <= c.trigger_span[0])
        if (own_triggers and _OTHERS_AFTER.match(sentence[q.end - s0:q.end - s0 + 20])
                and not any(prev.quantity.end <= f.start and f.end <= q.start for f in qs)
                and not subset_lead.search(sentence[max(0, prev.quantity.start - s0 - 12):prev.quantity.start - s0])
                and not (c.part_of or prev.part_of or q.increment or prev.quantity.increment or prev.implicit)
                and q.kind in ("exact", "lower_bound") and prev.quantity.kind in ("exact", "lower_bound")
                and q.lo is not None and prev.quantity.lo is not None and not q.lo_open and not prev.quantity.lo_open):
            p = prev.quantity
            bound = "lower_bound" in (q.kind, p.kind)
            total = p.lo + q.lo
            text = sentence[p.start - s0:q.end - s0]
            merged = replace(p, text=text, end=q.end, lo=total, hi=None if bound else total, value=total,
                             kind="lower_bound" if bound else "exact",
                             qualifier=p.qualifier or q.qualifier if bound else None)
            out[out.index(prev)] = replace(prev, quantity=merged, trigger=c.trigger, trigger_span=c.trigger_span)
            continue
        out.append(c)
    return out


def _some_of_them(q: Quantity, measure: Measure, sentence: str, qs_: int, qe_: int) -> bool:
    """Whether the figure counts some of the people the story counts, by its own words.

    "two of the victims"; "one victim suffered minor injuries" (one of several victims, where the
    measure grades its people: "one victim died" is most often the one death among the wounded,
    and stays a toll); "One, who was shot in the foot, ..." opening the story of one of them; and
    zeros of some: "no one inside the community center", "none of the others"."""
    if _PART_OF_RE.match(sentence[qe_:qe_ + 20]):
        return True
    if q.lo == 1 and q.kind == "exact":
        if measure.graded and re.match(r"\s+victim\b(?!s)", sentence[qe_:qe_ + 12], re.IGNORECASE):
            return True
        if not sentence[:qs_].strip(" \"“'‘") and re.match(r"\s*,\s*who\b", sentence[qe_:qe_ + 10], re.IGNORECASE):
            return True
    if q.lo == 0 and q.hi == 0:
        return bool(_RESTRICTED_ZERO.match(sentence[qe_:qe_ + 20]) or (
            q.text.lower().endswith("of the") and re.match(r"\s+others\b", sentence[qe_:qe_ + 10])))
    return False


# "no one inside the community center was injured": a zero of the people in one place
_RESTRICTED_ZERO = re.compile(r"^\s+(?:inside|in|at|on|aboard|from|near|outside|within)\s+(?:the|a|an|that|this|his|her|their)\b",
                              re.IGNORECASE)
# an active verb with its object between a person and the trigger: the trigger is the object's
_DID_IT_BETWEEN = re.compile(r"^(?:(?!\b(?:was|were|is|are|been|being)\b).)*?\b(?:shoots|kills|stabs|wounds|injures|hits|shot|killed|stabbed)\s+"
                             r"(?:his|her|their|a|an|the|two|three|four|\d+)\b", re.IGNORECASE)
# "a man who shot and killed his son": the person did it (a passive "who was shot" is not this)
_WHO_DID = re.compile(r"\s*,?\s+who\s+(?:allegedly\s+|reportedly\s+|then\s+|police\s+say\s+)?(?:shot|killed|murdered|stabbed|"
                      r"fatally\s+shot|opened\s+fire|gunned\s+down|wounded|injured)\b"
                      r"(?!(?:\s+and\s+killed)?\s+(?:himself|herself|themselves))", re.IGNORECASE)  # "the boy who shot himself"
_SHOTS_FIRED = re.compile(r"^\s+shots?\s+(?:were\s+|was\s+|being\s+|had\s+been\s+)?(?:fired|rang|went|heard)\b")
# words after "of" that still count people: "three of them", "dozens of the injured"
_OF_PEOPLE = frozenset("them us those these whom injured wounded dead killed victims hurt missing detained "
                       "arrested".split())

# Trigger verbs that take an object: after a figure or a person they may name what the person did.
_TRANSITIVE = re.compile(r"^(?:fatally\s+)?(?:killed|shot|murdered|wounded|injured|stabbed|arrested|detained|hurt|"
                         r"shot and killed|shot and wounded|slain)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be|got|get|gets|getting)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# ("six injured the night before": a time is not what the people did something to)
_OBJECT_START = re.compile(r"^\s+(?!(?:the|that|this|last)\s+(?:night|morning|evening|afternoon|day|weekend|week)\b)"
                           r"(?:a|an|the|his|her|their|its|him|them|himself|herself|themselves|my|our|your|"
                           r"one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
                           # a capitalised name; in a headline's title case a preposition is not one
                           r"(?!(?:In|At|On|Near|After|Outside|Inside|During|Following|Overnight|Early|Late|Since|"
                           r"From|With|For|As|Over|By|Along|Across|Into|Amid|Before|Behind|Friday|Saturday|Sunday|"
                           r"Monday|Tuesday|Wednesday|Thursday|Today|Tonight|Last|This)\b)[A-Z][a-z]+)\b")


def _is_agent(sentence: str, span: tuple[int, int]) -> bool:
    """'two men shot a clerk', 'the man murdered his wife': the counted people did it, not suffered it.

    An active transitive trigger (no 'was/were/been' before it) followed by an object.
    """
    trig = sentence[span[0]:span[1]]
    if not _TRANSITIVE.match(trig):
        return False
    if _PASSIVE_AUX.search(sentence[max(0, span[0] - 30):span[0]]):
        return False
    if re.match(r"^\s+(?:himself|herself|themselves|itself)\b", sentence[span[1]:span[1] + 15], re.IGNORECASE):
        return False  # "the boy accidentally shot himself": agent and victim are one
    if re.match(r"^\s+(?:(?:into|toward|towards|through)\s+(?:a|an|the|his|her|their)|"
                r"at\s+(?:them|him|her|us|police|officers|deputies|troopers))\b",
                sentence[span[1]:span[1] + 20]) and re.fullmatch(r"shot|fired", trig, re.IGNORECASE):
        return True  # "a man shot into a crowd", "two people shot at them": the shooters
    return bool(_OBJECT_START.match(sentence[span[1]:span[1] + 20]))


def _tail_cuts(low: str) -> list[int]:
    """Where a before-trigger may end: right before the figure, or before a few filler words."""
    cuts = [len(low)]
    filler = re.compile(r"\s*\b(?:at least|more than|as many as|some|about|an estimated|another|a further|a total of|"
                        r"the|a|an|of|to|at|with|by|nearly|almost|around|over|least|up|rose|has|have|had|risen|"
                        r"now|stands|stood|reached|climbed|increased|jumped|was|is|were|been|they|police|authorities|"
                        r"officers|had|also|reportedly|on|thursday|friday|saturday|sunday|monday|tuesday|wednesday|"
                        r"least|further|additional|left|leaving|among them|among those|including|of whom|"
                        r"of them|among whom|,)\s*$")
    cur = low
    for _ in range(6):
        m = filler.search(cur)
        if not m or m.start() == len(cur):
            break
        cur = cur[:m.start()]
        cuts.append(len(cur))
    return cuts


def _clean_who(who: str) -> Optional[str]:
    who = " ".join(who.split()).strip(" ,.\"“”'")
    who = re.sub(r"\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", "", who)
    return who or None


# an aside between paired dashes right after people counted: "three others -- two men and a woman --"
_DASH_ASIDE = re.compile(r"(?<=[a-z])(?P<aside>\s+(?:--|—|–)\s+[^-—–;:.]{3,60}?\s+(?:--|—|–)\s+)")


def _without_asides(sentence: str, s0: int, qs: list[Quantity]) -> tuple[str, list[Quantity]]:
    """The sentence with each aside that follows a count of people blanked out (offsets kept), and
    the figures outside the asides."""
    spans = [m.span("aside") for m in _DASH_ASIDE.finditer(sentence)
             if re.search(r"\b(?:others|people|persons|victims|men|women|children)$", sentence[:m.start()], re.IGNORECASE)]
    if not spans:
        return sentence, qs
    read = sentence
    for a, b in spans:
        read = read[:a] + " " * (b - a) + read[b:]
    return read, [q for q in qs if not any(a <= q.start - s0 < b for a, b in spans)]


def _severity_parts(new: list[Claim], earlier: list[Claim], vocabulary: MeasureVocabulary) -> list[Claim]:
    """'Nine people were wounded ... Two suffered life-threatening injuries': a smaller figure said
    with how badly the people were hurt, after a larger count of the same measure, tells how many of
    those were hurt that badly; it is a part of the count, not a rival total."""
    out = []
    for c in new:
        q = c.quantity
        if c.compared_as_total and not c.implicit and q.kind == "exact" and q.lo and c.trigger_span and c.trigger \
                and vocabulary.measure(c.measure).graded:
            lo, hi = min(q.start, c.trigger_span[0]), max(q.end, c.trigger_span[1])
            measure = vocabulary.measure(c.measure)
            # ... or where they were taken: "four people were shot, and three were taken to the hospital"
            said_how_badly = _SEVERITY_ANY.search(c.sentence, max(0, lo - c.sentence_start),
                                                  min(len(c.sentence), hi - c.sentence_start + 25)) or (
                measure.weak_patterns is not None and measure.weak_patterns.match(c.trigger.lower()))
            whole = next((p for p in reversed(earlier + out) if p.measure == c.measure and p.compared_as_total
                          and not p.roundup and not p.implicit and (p.quantity.lo or 0) > q.lo), None)
            if said_how_badly and whole is not None:
                c = replace(c, part_of=f"@{whole.quantity.start}")
        out.append(c)
    return out


# "were transported to Brookdale Hospital": where some of the hurt were taken, by name
_HOSPITAL_NAME = r"((?:[A-Z][\w.'’-]*\s+){1,5}(?:Hospital|Medical\s+Center|Medical\s+Centre|Trauma\s+Center|Health\s+Center))\b"
_NAMED_HOSPITAL = re.compile(r"\b" + _HOSPITAL_NAME)
_TAKEN_TO = re.compile(r"\b(?:taken|transported|rushed|airlifted|flown|brought)\s+to\s+(?:the\s+)?" + _HOSPITAL_NAME)


def _by_hospital(claims: list[Claim], text: str) -> list[Claim]:
    """'Two men and a woman were transported to Brookdale Hospital. Two women and two men were rushed
    to Kings County Hospital.': when an article sends the hurt to two or more named hospitals, a
    figure of those taken to one of them counts some of the hurt only: a lower bound."""
    if len({" ".join(m.group(1).split()).lower() for m in _TAKEN_TO.finditer(text)}) < 2:
        return claims
    return [replace(c, some_only=True) if c.measure == "injuries" and c.trigger and not c.implicit
            and _NAMED_HOSPITAL.search(c.trigger) else c for c in claims]


def _headline_read_as_the_body(claims: list[Claim], head_end: int, text: str) -> list[Claim]:
    """A headline figure the body gives only one way is read that way: over "two men shot to death
    in separate incidents", 'Orleans coroner identifies two homicide victims' is a sum of several
    incidents; over "a pregnant woman was shot ... four other people were injured", '4 Others
    Injured' is besides her (some of the hurt only; but '1 dead' over "one died at the scene" is
    all the dead)."""
    def key(c: Claim) -> tuple:
        return c.measure, c.quantity.lo, c.quantity.hi

    body = [c for c in claims if c.quantity.start >= head_end and c.compared_as_total]
    out = claims
    for flag in ("roundup", "some_only"):
        only = {key(c) for c in body if getattr(c, flag)} - {key(c) for c in body if not getattr(c, flag)}
        out = [replace(c, **{flag: True}) if c.quantity.start < head_end and not getattr(c, flag) and key(c) in only
               and (flag != "some_only" or _OTHERS_AFTER.match(text[c.quantity.end:c.quantity.end + 25])) else c
               for c in out]
    return out


def _zeros_of_some(claims: list[Claim]) -> list[Claim]:
    """'No officers were injured', 'none of the children were hurt', 'no one inside the vehicle was
    injured': in an article that itself counts someone injured, a zero speaks of some of the people
    only, and is a part of that count, not the story's toll."""
    out = []
    for c in claims:
        if c.lo == 0 and c.hi == 0 and c.compared_as_total and not c.roundup:
            # an explicit figure first: a singular beside one is dropped, and the link with it
            wholes = sorted((p for p in claims if p.measure == c.measure and (p.lo or 0) > 0 and p.compared_as_total
                             and not p.roundup), key=lambda p: p.implicit)
            whole = wholes[0] if wholes else None
            if whole is not None:
                c = replace(c, part_of=f"@{whole.quantity.start}")
        out.append(c)
    return out


def _found_in_addition(signal: re.Pattern, text: str, q: Quantity, trigger_span: tuple[int, int]) -> bool:
    """Whether 'also' (or 'too', 'as well') ties the figure to its trigger: between them ("two others
    were also injured"), just before the first ("also injured three", "which also left two people
    hurt"), or just after the last ("two were wounded, too")."""
    lo, hi = min(q.start, trigger_span[0]), max(q.end, trigger_span[1])
    if signal.search(text, max(0, lo - 12), hi):
        return True
    # "as well" but not "as well as": "three officers are injured, as well as multiple others"
    tail = re.match(r"[,\s]*(?:\w+\s+){0,3}?(too|as well)\b(?!\s+as\b)", text[hi:hi + 30])
    return bool(tail)


def _drop_repeats(claims: list[Claim]) -> list[Claim]:
    """A page that repeats a caption or a paragraph ("Image 1 of 8 A child was shot at...", then
    "Image 2 of 8 A child was shot at...") states one claim, not eight: keep the first."""
    kept: dict[tuple, int] = {}
    moved: dict[str, str] = {}  # "@start" of a dropped repeat -> "@start" of the claim kept
    out = []
    for c in claims:
        q = c.quantity
        key = (c.measure, q.lo, q.hi, q.kind, q.increment, c.subject, c.part_of is None, c.superseded, c.background,
               c.hedged, c.roundup, c.cumulative, normalise(c.sentence[q.start - c.sentence_start:]))
        if key in kept:
            moved[f"@{q.start}"] = f"@{kept[key]}"
            continue
        kept[key] = q.start
        out.append(c)
    return [replace(c, part_of=moved.get(c.part_of, c.part_of)) if c.part_of else c for c in out]


def claim_id(article_id: str, sentence: str, figure_text: str, occurrence: int) -> str:
    """A claim's id: stable while its article, sentence and figure are unchanged (not its offset)."""
    key = f"{article_id}\x1f{normalise(sentence)}\x1f{normalise(figure_text)}\x1f{occurrence}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _with_ids(claims: list[Claim]) -> list[Claim]:
    seen: dict[tuple, int] = {}
    by_start: dict[int, str] = {}
    out = []
    for c in claims:
        key = (c.article, normalise(c.sentence), normalise(c.quantity.text))
        k = seen.get(key, 0)
        seen[key] = k + 1
        cid = claim_id(c.article, c.sentence, c.quantity.text, k)
        by_start[c.quantity.start] = cid
        out.append(replace(c, id=cid))
    # subset links were made before ids existed: resolve "@<start>" to the whole's id
    return [replace(c, part_of=by_start.get(int(c.part_of[1:]))) if c.part_of and c.part_of.startswith("@") else c
            for c in out]


def extract_claims(article: Article, extractor: Optional[ClaimExtractor] = None) -> list[Claim]:
    return (extractor or ClaimExtractor()).extract(article)
