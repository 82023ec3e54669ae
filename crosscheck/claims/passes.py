"""Article passes: decisions that need the sentences read before (increments, parts, zeros, repeats, headlines,
provisional figures), each a named function over the claims so far, applied in order by the extractor."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from ..text import normalise
from .filters import same_measure_before
from .patterns import OTHERS_AFTER, SEVERITY_ANY
from . import votes
from .reading import Reading

# a person by name as the subject of a passive verb, and a name right after an active one
_NAMED_SUBJECT = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+)+,?\s+(?:\d{1,3},\s+)?"
                            r"(?:was|is|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?")

_NAME_AT = re.compile(r"\s+(?!(?:In|At|On|Near|After|During|Outside|Inside)\b)(?:[A-Z][a-z'’-]+\s+)?[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b")

# "no third death", "no further arrests", "no other injuries": none more of a measure (yet)
_NONE_MORE = re.compile(r"\bno\s+(?:second|third|fourth|fifth|further|additional|other|more|new)\s+(?P<what>[\w-]+)", re.IGNORECASE)

# "were transported to Brookdale Hospital": where some of the hurt were taken, by name
_HOSPITAL_NAME = r"((?:[A-Z][\w.'’-]*\s+){1,5}(?:Hospital|Medical\s+Center|Medical\s+Centre|Trauma\s+Center|Health\s+Center))\b"

_NAMED_HOSPITAL = re.compile(r"\b" + _HOSPITAL_NAME)

_TAKEN_TO = re.compile(r"\b(?:taken|transported|rushed|airlifted|flown|brought)\s+to\s+(?:the\s+)?" + _HOSPITAL_NAME)


def in_addition(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'Three officers were wounded. Two civilians were also injured': a figure said to come in
    addition to people the body has already counted for the same measure is an increment.

    Two signals: 'also' (or 'too', 'as well') tied to the figure, and 'others' after it. The
    headline (before ``head_end``) summarises the story and is not what the body adds to; the
    same figure again ("three others injured ... three other men were also wounded") is the same
    people, not more of them."""
    text, head_end = r.text, r.head_end
    out: list[Claim] = []
    for c in new:
        q = c.quantity
        if c.trigger_span and not (q.increment or c.part_of or c.background) \
                and r.v.measure(c.measure).counts_people:
            # (people counted by the same verb are the same clause's list, not what "also" adds to:
            # "two farmers and 22 tourists were also injured")
            before = [p for p in earlier + out if head_end <= p.quantity.start < q.start and p.trigger_span != c.trigger_span]
            also = found_in_addition(r.v.in_addition, text, q, c.trigger_span)
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
            others = not also and bool(OTHERS_AFTER.match(text[q.end:q.end + 25]))
            counted = [p for p in before if p.measure == c.measure and not (p.background or p.roundup or p.superseded)]
            if also and not others and all_of_a_narrower_subject(r, c, counted):
                # "61 civilians were killed. Five of the attackers were also killed": more dead, but all
                # the attackers the article counts, compared with other articles' dead attackers
                out.append(c)
                continue
            if (also or (others and others_follow_the_same_measure(r, c, before))) and counted \
                    and not any(p.quantity.lo == q.lo and p.quantity.hi == q.hi for p in counted):
                c = replace(c, quantity=replace(q, increment=True))
            elif others and named_just_before(r, c):
                c = replace(c, quantity=replace(q, increment=True))
        out.append(c)
    return out


def all_of_a_narrower_subject(r: Reading, c: Claim, counted: list[Claim]) -> bool:
    """Whether a figure said to come in addition ("also") names people of a subject narrower than
    people in general that none of the figures counted before it names: in addition to the others,
    but the whole count of its own people ("33 officers were also hurt" after "hundreds injured")."""
    if c.subject is None or c.subject in r.v.general_subjects:
        return False
    return not any(p.subject == c.subject for p in counted)


def provisional_measures(r: Reading, claims: list[Claim]) -> list[Claim]:
    """'Two were pronounced dead at the scene ... Police say there is no third death to report at
    this time': an article that says none more of a measure yet gives all its figures of it as
    provisional."""
    said: set[str] = set()
    for s, e in r.sentences:
        sentence = r.text[s:e]
        if not r.v.provisional.search(sentence):
            continue
        for m in _NONE_MORE.finditer(sentence):
            said |= {x.name for x in r.v.measures if x.counts_people and x.after.match(m.group("what").lower())}
    if not said:
        return claims
    return [replace(c, provisional=True) if c.measure in said and not c.background else c for c in claims]


def more_than_another_measure(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'Two people were killed and three more were wounded': 'more' than the dead, not more of the
    wounded; with no one counted the same way before, the figure is the measure's total. So too in a
    later sentence of the body: "Gunmen killed 19 people. ... The minister said 22 more had been injured"
    (not "a fourth person was also shot", "no one else was hurt", "three additional officers were hurt": one
    of them, none besides someone, or more besides people counted in words no figure has)."""
    out: list[Claim] = []
    for c in new:
        q = c.quantity
        if q.increment and r.v.measure(c.measure).counts_people and not c.background and not any(
                p.measure == c.measure and not (p.background or p.roundup) for p in earlier + out) \
                and any(p.measure != c.measure and r.v.measure(p.measure).counts_people and not p.background
                        and (p.sentence_start == c.sentence_start or (
                            r.head_end <= p.quantity.start and (q.lo or 0) >= 2 and c.scope is None and (
                            # (not "dozens more were detained on Saturday": more on another day)
                            re.search(r"\b(?:more|further)\b", q.text, re.IGNORECASE)
                            # "another 25 residents are still missing": how many are in that state now
                            or re.search(r"\b(?:still|remain\w*)\b", c.trigger or "", re.IGNORECASE))))
                        for p in earlier + out if p.quantity.start < q.start):
            c = replace(c, quantity=replace(q, increment=False))
        out.append(c)
    return out


def named_just_before(r: Reading, c: Claim) -> bool:
    """'Lamont Powell, 24, was badly wounded in the ambush. Two others were wounded': the sentence
    before, in the body, says the same of a person by name, so the others are besides that person."""
    text, head_end = r.text, r.head_end
    lo = max(head_end, c.sentence_start - 300)
    lead = text[lo:c.sentence_start].rstrip()
    if not lead or lead[-1] not in ".!?\"”":
        return False  # the headline, or a line with no full stop: not a sentence about someone
    prev = re.split(r"(?<=[.!?])\s+|\n", lead.rstrip("\"”")[:-1])[-1]
    trigger = r.v.measure(c.measure).after
    low = prev.lower()

    def said_of_them(pos: int) -> Optional[str]:  # the measure whose trigger is read there, longest first
        hits = [(len(h.group()), m.name) for m in r.v.measures if m.counts_people
                for h in [m.after.match(low, pos)] if h]
        return max(hits)[1] if hits else None

    for m in _NAMED_SUBJECT.finditer(prev):  # "Lamont Powell, 24, was badly wounded" (not "shot and killed")
        if said_of_them(m.end()) == c.measure:
            return True
    for m in trigger.finditer(low):  # "police arrested Cleveland Smelley"
        if _NAME_AT.match(prev, m.end()):
            return True
    return False


def others_follow_the_same_measure(r: Reading, c: Claim, before: list[Claim]) -> bool:
    """'Others' are beside the people named just before them: after "a man was killed" they are
    the wounded, a total; only right after people counted the same way, in an earlier sentence
    and with no other measure named before them in their own, are they more of those."""
    last = next((p for p in reversed(before) if not p.background), None)
    lead = c.sentence[:c.quantity.start - c.sentence_start]
    return bool(last is not None and last.sentence_start != c.sentence_start and last.measure == c.measure
                and not any(m.counts_people and m.name != c.measure and same_measure_before(m, lead)
                            for m in r.v.measures))


def link_subsets(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'hundreds were injured, among them over 120 officers': the 120 is part of the hundreds."""
    out = []
    for c in new:
        q0 = c.quantity.start - c.sentence_start
        lead = c.sentence[max(0, q0 - 50):q0]
        if r.v.subset.search(lead):
            # the nearest whole before: this sentence's own first, then the article's
            whole = next((p for p in reversed(earlier + out) if p.measure == c.measure and p.article == c.article
                          and p.quantity.start < c.quantity.start and p.part_of is None), None)
            if whole is not None:
                c = replace(c, part_of=f"@{whole.quantity.start}")
        out.append(c)
    return out


def severity_parts(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'Nine people were wounded ... Two suffered life-threatening injuries': a smaller figure said
    with how badly the people were hurt, after a larger count of the same measure, tells how many of
    those were hurt that badly; it is a part of the count, not a rival total."""
    vocabulary = r.v
    out = []
    for c in new:
        q = c.quantity
        if c.compared_as_total and not c.implicit and q.kind == "exact" and q.lo and c.trigger_span and c.trigger \
                and vocabulary.measure(c.measure).graded:
            lo, hi = min(q.start, c.trigger_span[0]), max(q.end, c.trigger_span[1])
            measure = vocabulary.measure(c.measure)
            # ... or where they were taken: "four people were shot, and three were taken to the hospital"
            said_how_badly = SEVERITY_ANY.search(c.sentence, max(0, lo - c.sentence_start),
                                                  min(len(c.sentence), hi - c.sentence_start + 25)) or (
                measure.weak_patterns is not None and measure.weak_patterns.match(c.trigger.lower()))
            whole = next((p for p in reversed(earlier + out) if p.measure == c.measure and p.compared_as_total
                          and not p.roundup and not p.implicit and (p.quantity.lo or 0) > q.lo), None)
            if said_how_badly and whole is not None:
                c = replace(c, part_of=f"@{whole.quantity.start}")
        out.append(c)
    return out


def by_hospital(r: Reading, claims: list[Claim]) -> list[Claim]:
    """'Two men and a woman were transported to Brookdale Hospital. Two women and two men were rushed
    to Kings County Hospital.': when an article sends the hurt to two or more named hospitals, a
    figure of those taken to one of them counts some of the hurt only: a lower bound."""
    if len({" ".join(m.group(1).split()).lower() for m in _TAKEN_TO.finditer(r.text)}) < 2:
        return claims
    return [replace(c, some_only=True) if c.measure == "injuries" and c.trigger and not c.implicit
            and _NAMED_HOSPITAL.search(c.trigger) else c for c in claims]


def headline_read_as_the_body(r: Reading, claims: list[Claim]) -> list[Claim]:
    """A headline figure the body gives only one way is read that way: over "two men shot to death
    in separate incidents", 'Orleans coroner identifies two homicide victims' is a sum of several
    incidents; over "a pregnant woman was shot ... four other people were injured", '4 Others
    Injured' is besides her (some of the hurt only; but '1 dead' over "one died at the scene" is
    all the dead)."""
    def key(c: Claim) -> tuple:
        return c.measure, c.quantity.lo, c.quantity.hi

    text, head_end = r.text, r.head_end
    body = [c for c in claims if c.quantity.start >= head_end and c.compared_as_total]
    out = claims
    for flag in ("roundup", "some_only"):
        only = {key(c) for c in body if getattr(c, flag)} - {key(c) for c in body if not getattr(c, flag)}
        out = [replace(c, **{flag: True}) if c.quantity.start < head_end and not getattr(c, flag) and key(c) in only
               and (flag != "some_only" or OTHERS_AFTER.match(text[c.quantity.end:c.quantity.end + 25])) else c
               for c in out]
    return out


def zeros_of_some(r: Reading, claims: list[Claim]) -> list[Claim]:
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
            if whole is not None and not disputed_zero(r, c, whole):
                c = replace(c, part_of=f"@{whole.quantity.start}")
        out.append(c)
    return out


def disputed_zero(r: Reading, zero: Claim, whole: Claim) -> bool:
    """'The Red Cross lists 39 people as missing ... the government says there are no missing people':
    a zero of people in general that someone other than the giver of the count says is that party's
    figure of the same people, not a part of the count (as 'no officers were hurt' is)."""
    general = {None} | set(r.v.general_subjects)
    if zero.subject not in general or whole.subject not in general or not zero.attribution or not whole.attribution:
        return False
    if zero.party and whole.party:
        return zero.party != whole.party
    a, b = zero.attribution.lower(), whole.attribution.lower()
    return a not in b and b not in a  # ("Malueg" and "Malueg said Saturday" are one source)


def found_in_addition(signal: re.Pattern, text: str, q: Quantity, trigger_span: tuple[int, int]) -> bool:
    """Whether 'also' (or 'too', 'as well') ties the figure to its trigger: between them ("two others
    were also injured"), just before the first ("also injured three", "which also left two people
    hurt"), or just after the last ("two were wounded, too")."""
    lo, hi = min(q.start, trigger_span[0]), max(q.end, trigger_span[1])
    if signal.search(text, max(0, lo - 12), hi):
        return True
    # "as well" but not "as well as": "three officers are injured, as well as multiple others"
    tail = re.match(r"[,\s]*(?:\w+\s+){0,3}?(too|as well)\b(?!\s+as\b)", text[hi:hi + 30])
    return bool(tail)


def singulars_beside_figures(r: Reading, claims: list[Claim]) -> list[Claim]:
    """'A 16-year-old girl died' describes one victim; when the article states a figure for the
    measure, that figure is its claim, and the singular is not a rival count of one (an increment is
    no such figure: "a suspect surrendered ... two other people were taken into custody earlier" says
    at least one, and two more)."""
    explicit = {c.measure for c in claims if not c.implicit and not c.background and not c.increment
                and not (c.part_of and c.lo == 0)}
    return [c for c in claims if not (c.implicit and c.measure in explicit)]


def drop_repeats(r: Reading, claims: list[Claim]) -> list[Claim]:
    """A page that repeats a caption or a paragraph ("Image 1 of 8 A child was shot at...", then
    "Image 2 of 8 A child was shot at...") states one claim, not eight: keep the first. A repeat
    says the same from its figure or its trigger, whichever comes first, to the sentence's end:
    "a toll that included 426 children" is not the headline's "killed 426 children" again."""
    kept: dict[tuple, int] = {}
    moved: dict[str, str] = {}  # "@start" of a dropped repeat -> "@start" of the claim kept
    out = []
    for c in claims:
        q = c.quantity
        said_from = min(q.start, c.trigger_span[0]) if c.trigger_span else q.start
        key = (c.measure, q.lo, q.hi, q.kind, q.increment, c.subject, c.part_of is None, c.superseded, c.background,
               c.hedged, c.roundup, c.cumulative, normalise(c.sentence[max(0, said_from - c.sentence_start):]))
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


def with_ids(r: Reading, claims: list[Claim]) -> list[Claim]:
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


def coordinated_parts(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'Six soldiers and 61 civilians were killed': figures that share one verb and count different
    people are parts of an unstated whole. A narrower one (the soldiers) is all of its own kind; one of
    people in general (the civilians) is only some of the dead, so it is compared as a lower bound,
    never as the toll."""
    by_verb: dict[tuple, list[Claim]] = {}
    for c in new:
        if c.trigger_span and not c.part_of and c.measure not in votes.RESULT_MEASURES:
            by_verb.setdefault((c.measure, c.trigger_span), []).append(c)
    general = {None} | set(r.v.general_subjects)
    some = set()
    for cs in by_verb.values():
        span = r.text[min(c.quantity.start for c in cs):max(c.quantity.end for c in cs)]
        if len({c.subject for c in cs}) > 1 and any(c.subject not in general for c in cs) \
                and not r.v.subset.search(span):  # "44 were wounded, including six Tunisians": a whole, then parts
            some |= {id(c) for c in cs if c.subject in general}
    return [replace(c, some_only=True) if id(c) in some else c for c in new]


def parts_given_by_their_whole(r: Reading, claims: list[Claim]) -> list[Claim]:
    """'The observatory counted 322 dead, including 54 children': the children's figure is the
    observatory's too. A part no one is said to have given takes its whole's attribution and party
    (after ``with_ids``, which links parts to their wholes)."""
    by_id = {c.id: c for c in claims}
    out = []
    for c in claims:
        whole = by_id.get(c.part_of)
        if whole and not c.attribution and whole.attribution:
            c = replace(c, attribution=whole.attribution, party=whole.party, side=whole.side)
        out.append(c)
    return out
