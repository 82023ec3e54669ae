"""What the parts of the claims stage share while reading one article.

`Grammar` holds the patterns compiled from a vocabulary (person nouns, subjects, attribution verbs):
built once per vocabulary, read by every part. `Reading` is one article being read: the grammar, the
article and where its headline ends. Both are immutable, so one extractor serves any number of
articles, in any order, from any thread. `Found` is a trigger found for a figure.
"""
from __future__ import annotations

import re
from typing import Optional
from dataclasses import dataclass

from ..models import Article
from .vocabulary import Measure, MeasureVocabulary


@dataclass(frozen=True)
class Found:
    """A trigger of a measure found for a figure."""
    measure: Measure
    trigger: str
    span: tuple[int, int]       # in sentence coordinates
    direction: str              # "after" | "before" | "toll" | "unit" | "phrase" | "whole" | "list" | "rival"
    some: bool = False          # the words make the figure some of the measure only (a lower bound)
    subject: Optional[str] = None  # whom the trigger itself says the figure counts ("people taken to hospital")


def trigger_of(r: "Reading", c, s0: int, direction: str) -> Found:
    """The trigger of claim ``c`` (in text coordinates) as a Found in its sentence's coordinates
    (starting at ``s0``): figures that share a verb, a breakdown or an aside take their neighbour's."""
    span = (c.trigger_span[0] - s0, c.trigger_span[1] - s0) if c.trigger_span else (c.quantity.start - s0, c.quantity.end - s0)
    return Found(r.v.measure(c.measure), c.trigger or "", span, direction)


@dataclass(frozen=True)
class Grammar:
    """The vocabulary and the sentence patterns compiled from its word lists."""
    v: MeasureVocabulary
    subject_re: re.Pattern
    implicit_re: re.Pattern
    possessed_re: re.Pattern
    bare_re: re.Pattern
    bare_list_before: re.Pattern
    named_re: re.Pattern
    and_single: re.Pattern
    ordinal_noun: re.Pattern  # the person after an ordinal: "a third person", "a second victim"
    self_and_single: re.Pattern
    one_single: re.Pattern
    list_singles: re.Pattern
    follow_single: re.Pattern
    lead_single: re.Pattern
    attr_according: re.Pattern
    attr_said_after: re.Pattern
    attr_said_before: re.Pattern
    attr_possessive: re.Pattern


_PUTTING = frozenset("put puts counted counts recorded registered estimates estimated gave gives listed lowered "
                     "raised revised updated saying".split())


def compile_grammar(v: MeasureVocabulary) -> Grammar:
    subject_re = re.compile(
        # "three injured students", "two dead bandmates": the state before the noun is not the noun
        r"^(?:(?:of|the|more|other|additional|unarmed|young|innocent|peaceful|local|injured|wounded|dead|slain|members?|"
        r"hurt|missing|detained|arrested|[a-z]+-[a-z]+|"
        # a nationality or region before the noun: "17 European tourists", "two Japanese tourists"
        r"(?-i:[A-Z][a-z]+(?:an|ean|ian|ese|ish|ch|i)))\s+)*"
        r"(" + "|".join(re.escape(w) for w in sorted(v.subjects, key=len, reverse=True)) + r")\b",
        re.IGNORECASE)
    nouns = "|".join(re.escape(n) for n in sorted(v.person_nouns, key=len, reverse=True))
    # "a man", "a 17-year-old boy", "an unidentified woman", "a Chicago police officer"
    implicit_re = re.compile(
        r"\b(?P<det>an?|one|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>" + nouns + r")\b(?!['’]s)", re.IGNORECASE)
    # "her unborn baby", "his two sons": a person named by whose they are
    possessed_re = re.compile(r"\b(?:her|his|their)\s+(?:[\w'’-]+\s+){0,2}?(?:" + nouns + r")\b", re.IGNORECASE)
    bare_re = re.compile(
        r"(?:^[\s\"“'‘]*|(?<=[,;]\s))(?!(?:each|every|no|any|all|some|many|most|few|several|other)\b)"
        r"(?:(?-i:[A-Z][\w'’.-]+)\s+){0,2}(?P<det>(?P<noun>" + nouns + r"))\b(?!['’]s)"
        r"(?=(?:\s*,\s*\d{1,3}\s*,)?\s+[a-z])",
        re.IGNORECASE)
    bare_list_before = re.compile(
        r"(?:^[\s\"“'‘]*|[:;]\s*)(?P<items>(?:(?:(?-i:[A-Z][\w'’.-]+)\s+|\d{1,3}-year-old\s+)?(?:" + nouns + r")\s*,\s*)+)$",
        re.IGNORECASE)
    # a named person: "14-year-old Destin Wallace died", "Smith, 27, who was pronounced dead"
    named_re = re.compile(
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
    ordinal_noun = re.compile(r"^\s+(?:[\w-]+\s+)?(" + "|".join(v.person_nouns) + r"|people|persons?)\b", re.IGNORECASE)
    # ... and after 'and' a bare noun: "a man and child were injured"
    and_single = re.compile(r"\s*(?:,\s*)?\band\s+(?:" + one + r"|(?:" + nouns + r")\b(?!['’]s))", re.IGNORECASE)
    # "a boy accidentally shot himself and a friend": the shooter is one of two people shot
    self_and_single = re.compile(r"\s+(?:himself|herself)\s+and\s+(?:(?:his|her|a|an|the)\s+)?(?:[\w'’-]+\s+)?(?:"
                                       + nouns + r")\b", re.IGNORECASE)
    # "a 39-year-old woman, 21-year-old man and a 15-year-old girl": a list that ends with 'and'
    one_single = re.compile(r"(?:^|,|\band\b)\s*(?:and\s+)?" + one, re.IGNORECASE)
    list_singles = re.compile(r"(?:\s*,\s*" + one + r")+\s*,?\s*\band\s+" + one, re.IGNORECASE)
    follow_single = re.compile(r"^\s+(?:[\w'’-]+\s+)?(?P<noun>[a-z]+)\s*,?\s+and\s+" + one, re.IGNORECASE)
    lead_single = re.compile(
        r"(?:(?:^|[,:;—–]\s*|\b(?i:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}?)(?P<who>(?i:" + nouns + r"|" + age + r"))|"
        r"(?P<name>\b[A-Z][a-z]+))(?P<comma>\s*,)?\s+(?(comma)|and\s+)(?(name)(?:his|her|their)\s+|(?:(?:his|her|their|the)\s+)?)$")
    verbs = "|".join(re.escape(v) for v in v.attribution_verbs if v != "according to")
    # "said the ministry" names who said; "gives the Harbour Party 36%", "put the ruling party on 38%"
    # name the figure's subject: verbs of putting a figure somewhere attribute only after their source
    speech = "|".join(re.escape(w) for w in v.attribution_verbs if w != "according to" and w not in _PUTTING)
    attr_according = re.compile(
        r"\b(?:according to|as reported by|reported by|citing|cited by)\s+(?P<who>(?:the\s+)?[^,.;:“”\"]{2,80}?)"
        r"(?=\s*(?:,|\.|;|$|\bsaid\b|\bwho\b| of the republic))", re.IGNORECASE)
    # the nouns and modifiers of who gives figures, lower case too: "the health ministry put the toll at 46"
    party_nouns = (r"police|officials|authorities|witnesses|organi[sz]ers|doctors|hospitals?|sources|spokes(?:wo)?man|"
                   r"spokesperson|ministry|department|officers|medics|activists|residents|office|service|services|"
                   r"commission|committee|agency|government|army|military|unions?|opposition|pollsters?|polls?|"
                   r"monitors?|observatory|groups?|prosecutors?|coroner|examiner|protesters|demonstrators|rebels|"
                   r"parents|relatives|families|count|tally|minister|president|premier|governor|mayor|chancellor|"
                   r"figure|leader|leaders|charity|charities|report|study|survey|assessment|audit")
    # (a count's and a leader's: "an Associated Press count showed", "Tunisia's prime minister said", "a leading
    # opposition figure said", "medical charity Doctors Without Borders (MSF) said")
    party_words = (r"health|interior|election|electoral|state|local|city|regional|provincial|federal|rights|exit|medical|"
                   r"defen[cs]e|prime|foreign|leading|senior|top|chief|former|deputy|acting")
    # "the Hamas-run health ministry", "Japan's prime minister": whose body a party is, before its name
    owner = (r"[A-Z][\w'’.]*-(?:run|based|led|controlled|backed|appointed)|[A-Z][\w.-]*['’]s|"
             r"(?-i:[A-Z][a-z]+(?:ians?|eans?|ans?|ese|ish|is?|ch))")  # ("the Tunisian prime minister")
    attr_said_after = re.compile(
        r"(?P<who>(?:\b(?:[Tt]he|[Aa]n?)\s+)?(?:(?:" + party_words + r"|" + owner + r"|[a-z]+(?:['’]s|s['’]))\s+)*(?:[A-Z][\w'’.-]*|" + party_nouns + r")"
        # "a committee of doctors close to the protesters said", "a monitor linked to the opposition said"
        r"(?:\s+(?:of|in|for|at|the|[A-Z][\w'’.-]*|" + party_nouns + r"|(?:close|linked|loyal|allied)\s+(?:to|with)|"
        r"(?:backed|run)\s+by)){0,6})(?:\s+\([A-Z][\w.&’'-]{1,12}\))?\s+(?:also\s+|had\s+|have\s+|has\s+|earlier\s+|later\s+|previously\s+|"
        r"initially\s+|first\s+)?"
        r"(?:" + verbs + r")\b")  # (an acronym in brackets before the verb: "Doctors Without Borders (MSF) said")
    attr_said_before = re.compile(
        r"\b(?:" + speech + r")\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.-]*|police|officials|authorities|witnesses|organi[sz]ers)"
        r"(?:\s+(?:of|the|[A-Z][\w'’.-]*)){0,6})")
    # whose report or claim the figure is: "the Red Cross's report of 39 missing", "the government's contention that"
    attr_possessive = re.compile(
        r"(?P<who>(?:\b[Tt]he\s+)?(?:(?:" + party_words + r")\s+)*(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}(?:\s+(?:"
        + party_nouns + r"))?|" + party_nouns + r"))"  # ("the Haitian government's official figure")
        r"(?:['’]s?\s+(?:own\s+|latest\s+|official\s+)?(?:report|reports|contention|statement|figures?|estimates?|count|tally|"
        r"claims?|assertion|data|list|records?)\s+(?:of|that|says?|said|shows?|showed)\b|"
        # "the Kenyan Red Cross released a report saying that 39 ...", "the minister, Joseph Smith, told reporters"
        r"\s+(?:released|published|issued)\s+(?:a|an|its)\s+(?:[\w-]+\s+)?(?:report|statement|list|update|bulletin)\s+"
        r"(?:saying|that|showing)\b|,\s+told\b)")
    return Grammar(v=v, subject_re=subject_re, implicit_re=implicit_re, possessed_re=possessed_re, bare_re=bare_re, bare_list_before=bare_list_before, named_re=named_re, and_single=and_single, ordinal_noun=ordinal_noun, self_and_single=self_and_single, one_single=one_single, list_singles=list_singles, follow_single=follow_single, lead_single=lead_single, attr_according=attr_according, attr_said_after=attr_said_after, attr_said_before=attr_said_before, attr_possessive=attr_possessive)


@dataclass(frozen=True)
class Reading:
    """One article being read."""
    g: Grammar
    article: Article
    head_end: int = 0   # where the headline ends (0: no headline given apart from the text)
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of each sentence in the text

    @property
    def v(self) -> MeasureVocabulary:
        return self.g.v

    @property
    def text(self) -> str:
        return self.article.text
