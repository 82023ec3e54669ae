"""The measures vocabulary: what each measure's triggers are (data/measures.toml), loaded and compiled once."""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .election_words import ElectionWords, load_election_words
from .place import STATE_SIDE, nation_of, state_party


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
    purpose_names: dict = field(default_factory=dict)  # a purpose word -> the purpose it names ("losses" -> damage)
    # the people it counts can be hurt more or less badly: "two suffered life-threatening injuries"
    # after "nine wounded" is how many of them, and "one victim" is one of several
    graded: bool = False
    # for crowds: gatherings counted apart, by name ("vigil": vigils?, memorials?...); a vigil's crowd
    # is not the march's, nor those who attended a graduation the people at the scene
    occasions: tuple[tuple[str, re.Pattern], ...] = ()
    # words after a figure that make it some of what the measure counts, a lower bound: "121 remain
    # in hospital" are some of the injured
    some_after: Optional[re.Pattern] = None
    # nouns of the people a measure counts that count them alone, when nothing else in the sentence
    # counts the figure: "some 60 demonstrators displayed banners" is a crowd
    noun_alone: Optional[re.Pattern] = None
    # the people a weak pattern's figure counts when the article speaks of deaths: "50 people were taken to
    # hospital" beside a toll is no count of the injured, but a count of its own ("people taken to hospital")
    weak_patterns_subject: Optional[str] = None
    # before triggers that count a figure only with a noun right after it: "claimed at least 158 lives"
    # (not "claimed 30 seats"): the verb's pattern -> the noun's pattern
    before_needs_noun: tuple[tuple[re.Pattern, re.Pattern], ...] = ()

    def is_weak(self, trigger: str, article_text: str) -> bool:
        """A weak trigger ("shot", "taken to hospital") counts the dead too: it is not this
        measure's figure when the article speaks of deaths (weak_unless)."""
        return self.is_weak_trigger(trigger) and bool(self.weak_unless and self.weak_unless.search(article_text))

    def is_weak_trigger(self, trigger: Optional[str]) -> bool:
        t = (trigger or "").lower()
        return t in self.weak or bool(self.weak_patterns and self.weak_patterns.match(t))

    def lacks_its_noun(self, trigger: str, tail: str) -> bool:
        """Whether a before trigger that counts only with a noun after the figure ("claimed ... lives") lacks
        it at the start of ``tail``, the words after the figure: "claimed 30 seats"."""
        return any(v.match(trigger) and not n.match(tail) for v, n in self.before_needs_noun)

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
    tolls: "Tolls" = None                # running counts named by a noun: "the death toll ... rose to 48"
    parties: tuple[tuple[str, str, re.Pattern], ...] = ()  # (party, side, words) from data/parties.toml
    conduits: Optional[re.Pattern] = None  # news organisations that pass figures on (data/parties.toml)
    lowered: Optional[re.Pattern] = None
    caption: Optional[re.Pattern] = None  # a photo caption's words: its figures count the people pictured  # "revised down to", right before a figure: the total went down

    def passed_on_by(self, attribution: Optional[str]) -> bool:
        """Whether an attribution names a news organisation that passed the figure on ("told Reuters")."""
        return bool(attribution and self.conduits and self.conduits.match(attribution))

    def party_of(self, attribution: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        """The party and side an attribution names ("the Ministry of Health" -> health ministry,
        official), the first that matches; (None, None) when none does. A state's party carries the
        state the attribution names ("Japan's prime minister" -> government of Japan): two states'
        governments give their own figures (see figure_pairs.disputed)."""
        for name, side, words in self.parties if attribution else ():
            if words.search(attribution):
                nation = nation_of(attribution) if side == STATE_SIDE else None
                return (state_party(name, nation) if nation else name), side
        return None, None
    elections: Optional[ElectionWords] = None  # whose votes, count progress (data/elections.toml)

    def measure(self, name: str) -> Measure:
        return next(m for m in self.measures if m.name == name)


@dataclass(frozen=True)
class Tolls:
    """The words of a running count named by a noun (``[tolls]`` and each measure's ``toll`` list)."""
    nouns: re.Pattern        # one named group per measure (``m0``, ``m1``, ...) and ``generic``
    measure_of_group: dict[str, str]
    reach_at_end: re.Pattern  # "has risen to", "stood at", "is estimated at", right before the figure
    reach: re.Pattern         # the same verbs anywhere (a second verb ends the first noun's clause)
    set_at_end: re.Pattern    # "raised the death toll to", "put the crowd at", right before the figure


def compile_tolls(raw: dict, measures: dict) -> Tolls:
    groups, names = [], {}
    for i, (name, spec) in enumerate(measures.items()):
        if spec.get("toll"):
            groups.append(f"(?P<m{i}>" + "|".join(f"(?:{p})" for p in sorted(spec["toll"], key=len, reverse=True)) + ")")
            names[f"m{i}"] = name
    generic = "|".join(f"(?:{p})" for p in sorted(raw.get("generic", []), key=len, reverse=True)) or r"(?!x)x"
    # a measure's own toll noun wins over a generic one at the same place ("death toll" over "toll")
    nouns = r"\b(?:" + "|".join(groups + [f"(?P<generic>{generic})"]) + r")\b"
    reach = "|".join(f"(?:{p})" for p in sorted(raw.get("reach", []), key=len, reverse=True)) or r"(?!x)x"
    setv = "|".join(raw.get("set", [])) or r"(?!x)x"
    return Tolls(
        nouns=re.compile(nouns, re.IGNORECASE), measure_of_group=names,
        reach_at_end=re.compile(r"\b(?:" + reach + r")\s*$", re.IGNORECASE),
        reach=re.compile(r"\b(?:" + reach + r")\b", re.IGNORECASE),
        set_at_end=re.compile(r"\b(?:" + setv + r")\s+(?P<np>(?:(?:the|its|their|his|her|an?|this|that)\s+)?[^,;:()]{0,80}?)"
                              r"\s+(?:at|to)\s*$", re.IGNORECASE))


def words_re(patterns: Iterable[str], anchor: str) -> re.Pattern:
    pats = sorted(patterns, key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in pats) or r"(?!x)x"
    return re.compile(anchor.format(body), re.IGNORECASE)


def load_measures(extra: Optional[str | Path] = None) -> MeasureVocabulary:
    """The shipped measures vocabulary, extended by the tables of ``extra`` (TOML)."""
    raw = tomllib.loads(resources.files("crosscheck").joinpath("data/measures.toml").read_text("utf-8"))
    party_table = tomllib.loads(resources.files("crosscheck").joinpath("data/parties.toml").read_text("utf-8"))
    parties, conduits = party_table["parties"], party_table.get("conduits", [])
    user = {}
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
        for name, spec in user.get("parties", {}).items():
            base = parties.get(name, {})
            parties[name] = {"side": spec.get("side", base.get("side", name)),
                             "words": list(base.get("words", [])) + list(spec.get("words", []))}
        for key in ("signals", "scopes", "implicit"):
            for k, v in user.get(key, {}).items():
                raw[key][k] = list(raw[key].get(k, [])) + list(v)
    measures = []
    for name, spec in raw["measures"].items():
        measures.append(Measure(
            name=name, label=spec.get("label", name.replace("_", " ")),
            # an after trigger starts at a word boundary; a before trigger must end right before the figure's words
            after=words_re(spec.get("after", []), r"(?:{})\b"),
            before=words_re(spec.get("before", []), r"\b(?:{})$"),
            before_needs_after=frozenset(spec.get("before_needs_after", [])),
            before_context=re.compile(spec["before_context"], re.IGNORECASE) if spec.get("before_context") else None,
            units=tuple(spec.get("units", [])), unit_kinds=tuple(spec.get("unit_kinds", [])),
            implicit=bool(spec.get("implicit", False)), counts_people=bool(spec.get("counts_people", False)),
            weak=frozenset(spec.get("weak", [])),
            weak_patterns=words_re(spec["weak_patterns"], r"^(?:{})$") if spec.get("weak_patterns") else None,
            weak_patterns_subject=spec.get("weak_patterns_subject"),
            before_needs_noun=tuple((re.compile(f"^(?:{v})$", re.IGNORECASE), re.compile(rf"\s+(?:{n})\b", re.IGNORECASE))
                                    for v, n in spec.get("before_needs_noun", [])),
            weak_also_counts=spec.get("weak_also_counts"),
            implicit_after=words_re(spec["implicit_after"], r"(?:{})\b") if spec.get("implicit_after") else None,
            purposes=words_re(spec["purposes"], r"\b({})\b") if spec.get("purposes") else None,
            purpose_names={w: name for name, words in spec.get("purpose_names", {}).items() for w in words},
            not_a_count=words_re(spec["not_a_count"], r"\b(?:{})\b") if spec.get("not_a_count") else None,
            weak_unless=re.compile(spec["weak_unless"], re.IGNORECASE) if spec.get("weak_unless") else None,
            graded=bool(spec.get("graded", False)),
            occasions=tuple((occ, words_re(words, r"\b(?:{})\b")) for occ, words in spec.get("occasions", {}).items()),
            some_after=words_re(spec["some_after"], r"\s*(?:{})\b") if spec.get("some_after") else None,
            noun_alone=words_re(spec["noun_alone"], r"\s+(?:of\s+)?(?:(?:the|more|other)\s+)?(?:{})\b")
            if spec.get("noun_alone") else None))
    subjects = {}
    for canon, words in raw["subjects"]["names"].items():
        for w in words:
            subjects[w.lower()] = canon
    sig = raw["signals"]
    people = {w for w in subjects if " " not in w} | set(raw["implicit"]["person_nouns"])
    people |= {plural(w) for w in people} | {"people", "others", "victims", "more", "adults", "each", "all", "both"}
    return MeasureVocabulary(
        measures=tuple(measures), subjects=subjects,
        general_subjects=frozenset(raw["subjects"]["general"]),
        person_nouns=frozenset(raw["implicit"]["person_nouns"]),
        cumulative=words_re(sig["cumulative"], r"\b(?:{})\b"),
        lowered=words_re(sig.get("lowered", []), r"\b(?:{})\s*$"),
        subset=words_re(sig["subset"], r"\b(?:{})\b"),
        # between commas, brackets or dashes: "79 people, including 16 children, were hurt", "40 (including 3 children)"
        subset_clause=words_re(list(sig["subset"]) + ["such as"], r"(?:,\s*(?:{0})\b[^,;:()]{{0,80}},|\(\s*(?:{0})\b[^;:()]{{0,80}}\)|"
                                                                   r"\s(?:--|—|–)\s*(?:{0})\b[^;:()—–]{{0,80}}?(?:--|—|–))"),
        subset_lead=words_re(list(sig["subset"]) + ["with"], r"\b(?:{})\s+$"),
        hedge=words_re(sig["hedge"], r"\b(?:{})\b"),
        some_only=words_re(sig.get("some_only", []), r"^\s*(?:{})\b"),
        phase=words_re(sig.get("phase", []), r"^[\s\"“'‘]*(?:{})\b"),
        caption=words_re(sig.get("caption", []), r"\b(?:{})") if sig.get("caption") else None,
        contested=words_re(sig.get("contested", []), r"\b(?:{})\b"),
        superseded=words_re(sig.get("superseded", []), r"\b(?:{})\b"),
        provisional=words_re(sig.get("provisional", []), r"\b(?:{})\b"),
        in_addition=words_re(sig.get("in_addition", []), r"\b(?:{})\b"),
        attribution_verbs=tuple(sig["attribution_verbs"]),
        scopes=words_re(raw["scopes"]["patterns"], r"\b(?:{})\b"),
        background=words_re(raw["scopes"].get("background", []), r"^(?:{})$"),
        background_in=words_re(raw["scopes"].get("background", []), r"\b(?:{})\b"),
        roundup=words_re(raw["scopes"].get("roundup", []), r"\b(?:{})\b"),
        other_incident=words_re(raw["scopes"].get("other_incident", []), r"\b(?:{})\b"),
        people_words=frozenset(people),
        counted_things=frozenset(raw.get("counted_things", {}).get("nouns", [])),
        # a count written "2+" is a lower bound: a murder-suicide is at least two deaths
        tolls=compile_tolls(raw.get("tolls", {}), raw["measures"]),
        # whole words: "local media" is no "local mediator", "police" no "policy"
        parties=tuple((name, spec.get("side", name), words_re(spec.get("words", []), r"(?<!\w)(?:{})(?!\w)"))
                      for name, spec in parties.items()),
        conduits=words_re(conduits, r"^(?:the\s+|an?\s+)?(?:{})\s*$") if conduits else None,
        elections=load_election_words(user.get("elections")),
        implicit_phrases=tuple((m, re.compile(r"\b" + p + r"\b", re.IGNORECASE), float(str(n).rstrip("+")),
                                str(n).endswith("+"))
                               for m, pats in raw["implicit"].get("phrases", {}).items() for p, n in pats))

_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people", "wife": "wives",
              "policeman": "policemen", "gunman": "gunmen", "fireman": "firemen", "policewoman": "policewomen"}


def plural(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


@functools.lru_cache(maxsize=1)
def default_measures() -> MeasureVocabulary:
    return load_measures()
