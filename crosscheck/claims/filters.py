"""Filters: figures and triggers that are not a count of what a measure counts, each a named class of English
(a count of things, an agent, "hurt or killed", one of a set, a part of a whole stated elsewhere)."""
from __future__ import annotations

import re

from ..models import Claim, Quantity
from .patterns import OTHERS_AFTER
from .reading import Found, Reading
from .vocabulary import Measure

# Words after a figure that show it counts people doing or undergoing something.
_VERBS = frozenset("were was are is have has had be been being remain remained remains died dead killed "
                   "injured wounded hurt shot arrested detained who that later also still reportedly".split())

_PART_OF_RE = re.compile(r"^\s+of\s+(the|them|those|these|whom|his|her|their|its|victims|dead)\b", re.IGNORECASE)

# "one was grazed, the other suffered an injury", "one teen was shot in the foot and the other in the
# leg": a figure set against 'the other(s)' is one of a set, not the count of it
_OTHER_OF_SET = re.compile(r"\bthe\s+(?:other|others|rest|remaining|(?:\w+\s+)?others)\b", re.IGNORECASE)

# a figure of two measures at once: "eight have been hurt or killed", "killed or injured 8 people"
_COMBINED_BEFORE = re.compile(r"\b(?:killed|injured|wounded|hurt|dead)\s+(?:or|and/or)\s+$", re.IGNORECASE)

_COMBINED_AFTER = re.compile(r"^\s+(?:or|and/or)\s+(?:killed|dead|died|injured|wounded|hurt)\b", re.IGNORECASE)

_HURT_AND_KILLED = re.compile(r"^(?:injured|wounded|hurt)\s+and\s+killed\b", re.IGNORECASE)

# "no one inside the community center was injured": a zero of the people in one place
_RESTRICTED_ZERO = re.compile(r"^\s+(?:inside|in|at|on|aboard|from|near|outside|within)\s+(?:the|a|an|that|this|his|her|their)\b",
                              re.IGNORECASE)

_SHOTS_FIRED = re.compile(r"^\s+shots?\s+(?:were\s+|was\s+|being\s+|had\s+been\s+)?(?:fired|rang|went|heard)\b")

# words after "of" that still count people: "three of them", "dozens of the injured"
_OF_PEOPLE = frozenset("them us those these whom injured wounded dead killed victims hurt missing detained "
                       "arrested deaths fatalities casualties detainees evacuees".split())

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


def beyond_the_dead(r: Reading, q: Quantity, measure: Measure, sentence: str, qs_: int, qe_: int) -> bool:
    """'Five people are dead, six more shot', 'two killed and four others shot': people said to be
    more than, or other than, the dead just counted; a weak trigger counts them alone."""
    if not measure.weak_also_counts:
        return False
    more = q.increment or bool(OTHERS_AFTER.match(sentence[qe_:qe_ + 25]))
    return more and same_measure_before(r.v.measure(measure.weak_also_counts), sentence[:qs_])


def uncounted_whole_before(q: Quantity, qs: list[Quantity], claims: list[Claim]) -> bool:
    """Whether a larger figure before ``q`` in the sentence has no claim: the whole of a breakdown."""
    claimed = {c.quantity.start for c in claims}
    return any(p.kind == "exact" and p.end <= q.start and (p.lo or 0) > (q.lo or 0) and p.start not in claimed
               for p in qs)


def same_measure_before(measure: Measure, text: str) -> bool:
    """Whether ``text`` already speaks of this measure (a trigger, or a condition for injuries)."""
    low = text.lower()
    return bool(measure.after.search(low) or (measure.implicit_after and measure.implicit_after.search(low)))


def one_of_a_set(r: Reading, found: Found, sentence: str, qe_: int) -> bool:
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


def hurt_or_killed(sentence: str, span: tuple[int, int]) -> bool:
    """'hurt or killed', 'killed or injured', 'injured and killed': one figure of two measures."""
    return bool(_COMBINED_BEFORE.search(sentence[max(0, span[0] - 25):span[0]])
                or _COMBINED_AFTER.match(sentence[span[1]:span[1] + 25])
                or _HURT_AND_KILLED.match(sentence[span[0]:span[1] + 20]))


def owned_by_figure_before(r: Reading, sentence: str, span: tuple[int, int], figures, qs_: int) -> bool:
    """A trigger right after another figure and set off by a comma ('of the four wounded, three
    worked at the salon') is that figure's, not the next one's ('one shooter hurt 15' is not)."""
    if "," not in sentence[span[1]:qs_]:
        return False
    for fs, fe in figures:
        if fe <= span[0]:
            gap = sentence[fe:span[0]]
            m = re.fullmatch(r"\s+(?:([a-z]+)\s+)?", gap)
            if m and (m.group(1) is None or m.group(1).lower() in r.v.people_words):
                return True
    return False


def article_counted(measure: str, sentence_before: str, earlier: list[Claim]) -> bool:
    """Whether the article already gave a total for this measure (or people shot) before here."""
    return any(c.measure == measure for c in earlier) or bool(
        re.search(r"\b(?:shot|wounded|injured|hurt)\b", sentence_before, re.IGNORECASE))


def counts_a_thing(r: Reading, sentence: str, qe_: int) -> bool:
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
    if of and not any(w.lower() in r.v.people_words or w.lower() in _OF_PEOPLE or (w[0].isupper() and w.isalpha())
                      for w in re.findall(r"[\w'’-]+", of.group(1))):
        return True  # ... nor "one of our K-9 dogs"
    # the figure's own words end at a comma or a colon: "killed at least 1,399, AP count shows"
    window = re.split(r"[,;:()—–]", low[qe_:qe_ + 50], maxsplit=1)[0]
    for i, w in enumerate(re.finditer(r"[a-z][a-z'’-]*", window)):
        word = w.group()
        if i >= 3 or word in r.v.people_words or word in _VERBS:
            return False
        if word in r.v.counted_things:
            return True
    return False


def units_ok(r: Reading, m: Measure, q: Quantity) -> bool:
    unit = (q.unit or "").lower()
    if m.units:
        return unit in m.units
    return unit not in ("percent", "percentage point", "fraction")


def some_of_them(q: Quantity, measure: Measure, sentence: str, qs_: int, qe_: int) -> bool:
    """Whether the figure counts some of the people the story counts, by its own words.

    "two of the victims"; "one victim suffered minor injuries" (one of several victims, where the
    measure grades its people: "one victim died" is most often the one death among the wounded,
    and stays a toll); "One, who was shot in the foot, ..." opening the story of one of them; and
    zeros of some: "no one inside the community center", "none of the others"."""
    part_of = _PART_OF_RE.match(sentence[qe_:qe_ + 20])
    if part_of and not (q.kind == "vague" and part_of.group(1).lower() in ("victims", "dead")):
        return True  # ("thousands of victims": how many victims, not some of them)
    if q.lo == 1 and q.kind == "exact":
        if measure.graded and re.match(r"\s+victim\b(?!s)", sentence[qe_:qe_ + 12], re.IGNORECASE):
            return True
        if not sentence[:qs_].strip(" \"“'‘") and re.match(r"\s*,\s*who\b", sentence[qe_:qe_ + 10], re.IGNORECASE):
            return True
    if q.lo == 0 and q.hi == 0:
        return bool(_RESTRICTED_ZERO.match(sentence[qe_:qe_ + 20]) or (
            q.text.lower().endswith("of the") and re.match(r"\s+others\b", sentence[qe_:qe_ + 10])))
    return False


def is_agent(sentence: str, span: tuple[int, int]) -> bool:
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


_OF_THE = re.compile(r"\s+of\s+(?:the|those|these)\s+", re.IGNORECASE)


# what follows the set's noun when the figure is the subject of its own verb: "five of the attackers were killed"
_OWN_VERB_AFTER_SET = re.compile(r"\s+(?:were|was|have|had|are|also|reportedly|later|died|been)\b", re.IGNORECASE)


def of_a_narrower_set(r: Reading, q: Quantity, sentence: str, qe_: int) -> bool:
    """'Five of the attackers were killed', 'two of the officers were hurt': the set the figure is
    taken from is people of a narrower subject than the toll's, so the figure is all of them the
    verb counts, not some of the story's dead or hurt. Not "two of the victims" (people in general),
    "one of the slain officers" or "three of the officers killed" (a set of the dead: some of them),
    nor one of them ("one of the officers returned fire"), whose verb is most often another's."""
    m = _OF_THE.match(sentence, qe_)
    noun = r.g.subject_re.match(sentence[m.end():]) if m and (q.lo or 0) >= 2 else None
    if not noun or r.v.subjects[noun.group(1).lower()] in r.v.general_subjects:
        return False
    if re.search(r"\b(?:injured|wounded|dead|slain|hurt|missing|detained|arrested|killed)\b", noun.group(0), re.IGNORECASE):
        return False
    return bool(_OWN_VERB_AFTER_SET.match(sentence, m.end() + noun.end()))
