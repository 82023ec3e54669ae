"""Lists and breakdowns inside one sentence: "3 men, 1 woman wounded" (one sum), "five shot, one fatally"
(four injured, one dead), "the other two", "killed two and himself"."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from .distributive import largest_total_before
from .filters import counts_a_thing
from .frame import make_claim, subject_of
from .patterns import DIED, OTHERS_AFTER, STATE_WORDS
from .reading import Found, Reading, trigger_of

# between two coordinated figures: a person noun, then a comma or "and" ("3 men, 1 woman", "two men and two women")
_COORD_GAP = re.compile(r"\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)

# the ages of a list's people between its figures: "Two men, 18 and 20, and one woman, 19, were..."
_AGES_IN_GAP = re.compile(r",\s*\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*\s*(?=,)")

# an appositive after a figure names the people counted, it does not add to them:
# "One victim, a 27-year-old woman, was pronounced dead", "Two people, a man and a woman, died"
_APPOSITIVE = re.compile(r"^[^,]*,\s*(?:an?|one|two|both|the)\b[^,]*,", re.IGNORECASE)

# "five people were shot, one fatally" / "4 shot, 1 fatally"
_SHOT_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:were\s+|have\s+been\s+|had\s+been\s+)?(?P<verb>shot|wounded|injured|hurt)\b"
                       r"[^.;]{0,40}?(?:,|\s*--|\s*[—–])\s*", re.IGNORECASE)

_FATALLY_TAIL = re.compile(r"\s+(?:(?:of\s+them\s+)?(?:fatally|mortally)\b|of\s+(?:them|whom)\s+" + DIED + ")", re.IGNORECASE)

_AND_SELF = re.compile(r"^\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]*\s*(?:,|\band|\bthen|\band then|"
                       r"\bbefore\s+(?:shooting|killing|turning\s+the\s+gun\s+on))\s+(?:him|her|them)?self\b",
                       re.IGNORECASE)

_THEM_AND = re.compile(r"\b(?P<who>them|both)\s+and\s+$", re.IGNORECASE)


def split_totals(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
    """'Five people were shot, one fatally', 'six people wounded -- two mortally': of those shot or
    wounded some died, so the rest were injured. Returns the claims with those figures split."""
    out = list(claims)
    for a, b in zip(qs, qs[1:]):
        gap = sentence[a.end - s0:b.start - s0]
        tail = sentence[b.end - s0:b.end - s0 + 30]
        if a.kind != "exact" or b.kind != "exact" or a.lo is None or b.lo is None or b.lo >= a.lo:
            continue
        shot, died = _SHOT_GAP.fullmatch(gap), _FATALLY_TAIL.match(tail)
        if not (shot and died):
            continue
        # the wounded figure already has its claim of all the wounded: it gives way to the rest
        out = [c for c in out if not (c.measure == "injuries" and c.quantity.start == a.start)]
        span = (a.end - s0 + shot.start("verb"), b.end - s0 + died.end())
        q = replace(a, lo=a.lo - b.lo, hi=a.lo - b.lo, value=a.lo - b.lo)
        found = Found(r.v.measure("injuries"), sentence[span[0]:span[1]], span, "after")
        out.append(make_claim(r, sentence, s0, q, found, subject_of(r, sentence, a.start - s0, a.end - s0, found)))
        if not any(c.measure == "deaths" and c.quantity.start == b.start for c in out):
            # "two of them fatally", "two of whom died": read as a part of the shot, with no whole of
            # its own; those of the shot who died (there may be other dead), a lower bound
            found = Found(r.v.measure("deaths"), died.group(0).strip(), (b.end - s0, b.end - s0 + died.end()), "after")
            c = make_claim(r, sentence, s0, b, found, None, implicit=b.lo == 1)
            out.append(replace(c, some_only=True))
    return out


def merge_coordinated(r: Reading, claims: list[Claim], sentence: str, s0: int, qs: list[Quantity]) -> list[Claim]:
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
        if c.implicit or q.kind != "exact" or q.increment or c.trigger_span is None or (
                c.trigger_span[1] <= q.start and r.v.subset.search(sentence[c.trigger_span[1] - s0:q.start - s0])):
            # ("300 died, including 50 children, 80 women and 20 fighters": parts, each of its own people)
            out.append(c)
            continue
        trigger_after = c.trigger_span[0] >= q.end
        parts = [q]
        if trigger_after:
            for prev in reversed([p for p in qs if p.end <= parts[0].start]):
                if not coordinated(r, prev, sentence[prev.end - s0:parts[0].start - s0], claimed,
                                         sentence[parts[0].end - s0:parts[0].end - s0 + 40]):
                    break
                parts.insert(0, prev)
            lead = r.g.lead_single.search(sentence[:parts[0].start - s0])
            listed = bare_lead(r, sentence[:parts[0].start - s0])  # "whose sister, nephew and two other relatives"
            tail = r.v.subset_clause.sub(lambda m: " " * len(m.group()), sentence[q.end - s0:c.trigger_span[0] - s0])
            joined = [] if _APPOSITIVE.match(tail) else list(r.g.and_single.finditer(tail))
            singles = len(joined)
            if lead and STATE_WORDS.search(lead.group()):
                lead = None  # "one deceased male and one female victim who sustained injuries"
            bare_start = bool(lead and lead.start() == 0 and lead.group("who"))  # a headline's "Baby, 4 people injured"
            if lead and lead.group("comma") and not bare_start and (
                    lead.group("name") or (not singles and len(parts) == 1)):
                lead = None  # "A man, two women and a child" is a list; "Smith, two others" is not
        else:
            # "killed 2 adults, 2 teens", "killing two men and a woman"
            lead, listed = None, None
            for nxt in [p for p in qs if p.start >= parts[-1].end]:
                if not coordinated(r, parts[-1], sentence[parts[-1].end - s0:nxt.start - s0], claimed,
                                         sentence[nxt.end - s0:nxt.end - s0 + 40]):
                    break
                parts.append(nxt)
            follow = r.g.follow_single.match(sentence[parts[-1].end - s0:])
            if follow and follow.group("noun").lower() not in r.v.people_words:
                follow = None
            singles = 1 if follow else 0
        if trigger_after and not singles and not lead:
            # a headline's bare list: "4 women, man, unborn child slain"
            singles = bare_singles(r, sentence[q.end - s0:c.trigger_span[0] - s0])
        at_least = False
        if not singles:
            # "shot two mothers and their daughters": at least one more, how many is not said
            region = sentence[q.end - s0:c.trigger_span[0] - s0] if trigger_after else sentence[parts[-1].end - s0:]
            possessive = re.match(r"^\s+(?:[\w'’-]+\s+)?[\w'’-]+\s+and\s+(?:their|his|her)\s+(?P<w1>[a-z-]+)(?:\s+(?P<w2>[a-z-]+))?",
                                  region, re.IGNORECASE)
            at_least = bool(possessive) and any(
                w and w.lower() in r.v.people_words and w.lower() not in r.v.person_nouns
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
            # the last noun, past a word such as "other": "two officers and three other civilians"
            region += " " + " ".join(re.findall(r"[a-z]+", sentence[end - s0:end - s0 + 25].lower())[:2])
            kinds = {r.v.subjects.get(w, w) for w in re.findall(r"[a-z]+", region) if w in r.v.people_words}
            if len(kinds) > 1:
                subject = "people"
        out.append(replace(c, quantity=merged, subject=subject))
    return out


def bare_lead(r: Reading, prefix: str) -> Optional[tuple[int, int]]:
    """A list of bare singular nouns before a figure, joined to it by 'and': 'whose sister,
    nephew and two other relatives' -> (2, where 'sister' starts)."""
    item = r"(?:(?:an?|one|his|her|their|the)\s+)?(?:(?!(?:whose|who|which|that|and|or)\b)[\w'’-]+\s+)?[a-z-]+"
    m = re.search(r"(?<![\w'’-])(?P<list>(?:" + item + r"\s*,\s*)+" + item + r")\s*,?\s+and\s+$", prefix, re.IGNORECASE)
    if not m:
        return None
    start = m.start("list")
    items = m.group("list").split(",")
    while len(items) >= 2:  # the list's first words may be the sentence's: "Officials said a man, a woman and"
        if all(w.split()[-1].lower() in r.v.person_nouns for w in items):
            lead_space = len(items[0]) - len(items[0].lstrip())
            return len(items), start + lead_space
        start += len(items[0]) + 1
        items = items[1:]
    return None


def bare_singles(r: Reading, tail: str) -> int:
    """People named by a bare singular noun in a headline's list after a counted noun:
    'women, man, unborn child' -> 2 (the man and the child)."""
    m = re.fullmatch(r"\s+[\w'’-]+((?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’-]+\s+)?[\w'’-]+)+\s*", tail)
    if not m:
        return 0
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", tail.strip())[1:]
    if not items or not all(i.split()[-1].lower() in r.v.person_nouns for i in items):
        return 0
    return len(items)


def coordinated(r: Reading, a: Quantity, gap: str, claimed: set[int], next_words: str) -> bool:
    """Whether ``gap`` joins figure ``a`` to the next one as one list of people ("3 men, 1 woman"):
    each figure is followed by a person noun, and none is set apart by a state of its own
    ("one deceased male and one female victim", "two women, one pregnant")."""
    gap = _AGES_IN_GAP.sub("", gap)
    if a.kind != "exact" or not _COORD_GAP.fullmatch(gap):
        return False
    noun = gap.strip(" ,&").removesuffix(" and").strip(" ,&").lower()
    if STATE_WORDS.search(noun):
        return False
    following = re.findall(r"[\w'’-]+", next_words)[:2]  # the next figure's noun: "1 woman", "two adult females"
    return noun.split()[-1] in r.v.people_words and any(w.lower() in r.v.people_words for w in following)


def with_the_killer(c: Claim, sentence: str, s0: int) -> Claim:
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


def with_them(c: Claim, sentence: str, s0: int) -> Claim:
    """'the rampage that left them and three others dead': 'them' are people the sentence counted
    before (at least two; 'both' exactly two), so the figure is at least three more than the
    others it names."""
    q = c.quantity
    window = max(0, q.start - s0 - 12)
    lead = _THEM_AND.search(sentence[window:q.start - s0])
    if lead is None or q.kind != "exact" or q.lo is None or not OTHERS_AFTER.match(sentence[q.end - s0:q.end - s0 + 20]):
        return c
    total = q.lo + 2
    text_start = s0 + window + lead.start("who")
    if lead.group("who").lower() == "both":
        merged = replace(q, text=sentence[text_start - s0:q.end - s0], start=text_start, lo=total, hi=total, value=total)
    else:
        merged = replace(q, text=sentence[text_start - s0:q.end - s0], start=text_start, lo=total, hi=None, value=total,
                         kind="lower_bound", qualifier="at least")
    return replace(c, quantity=merged)


def merge_others(claims: list[Claim], sentence: str, s0: int, qs: list[Quantity], subset_lead: re.Pattern) -> list[Claim]:
    """'two critically injured and 22 others injured', 'two victims were taken to hospital by
    ambulance and three others by private car': 'others' are beside the people counted before
    them, so the sentence's figure of that measure is the sum (24, 5)."""
    out: list[Claim] = []
    for c in claims:
        q = c.quantity
        prev = next((p for p in reversed(out) if p.measure == c.measure), None)
        own_triggers = (prev is not None and c.trigger_span is not None and prev.trigger_span is not None
                        and prev.quantity.end <= prev.trigger_span[0] < q.start <= q.end <= c.trigger_span[0])
        if (own_triggers and OTHERS_AFTER.match(sentence[q.end - s0:q.end - s0 + 20])
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


# a figure's own noun phrase, then the link to the next figure of the list: "61 civilians and", "26 armed
# gunmen,", "six members of the security forces and" (no verb, no figure, no clause break)
_NOT_A_NOUN = (r"(?!(?:were|was|are|is|have|has|had|been|be|being|will|would|remain|remains|remained|[\w-]+ly|"
               r"to|from|at|in|on|by|with|for|into|after|before|treated|released|identified|and)\b)")
_OWN_NOUN = r"\s+(?:" + _NOT_A_NOUN + r"[\w'’-]+\s+){0,5}?" + _NOT_A_NOUN + r"[\w'’-]+"
_OWN_NOUN_RE = re.compile(_OWN_NOUN, re.IGNORECASE)
_OWN_NOUN_THEN_LINK = re.compile(_OWN_NOUN + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
# ... and the same link before the next figure of a list whose verb comes first: "killed 61 civilians and"
_LINK_THEN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
# the later figure names its people and starts no clause of its own ("and three firefighters", not
# "and three were hurt")
# (a plural noun, a capitalised one or a people word: not "one pregnant")
_NOUN_OF_ITS_OWN = re.compile(r"\s+(?!(?:were|was|are|is|have|has|had|remain|remained|remains|will|would|more|others?)\b)"
                              r"(?P<noun>[A-Za-z][\w'’-]*)(?!\s+(?:[\w'’-]+\s+)?(?:were|was|are|is|have|has|had|remain|remained|remains)\b)")


def shared_verb(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
    """'61 civilians and six soldiers were killed', 'killing 61 civilians and six soldiers': figures
    coordinated with one verb each count its own people by that verb. A figure the trigger search left
    without one (the verb is beyond the next figure) takes its neighbour's measure, with its own subject;
    a part of what its neighbour is a part of. (Lists of plain people, all figures exact, were summed by
    `merge_coordinated` and are not read again.)"""
    covered = [(c.quantity.start, c.quantity.end) for c in claims]
    out = list(claims)
    by_start = {c.quantity.start: c for c in claims}
    order = list(qs)
    for i, q in enumerate(order):
        if any(a <= q.start < b for a, b in covered) or q.unit or q.kind == "ordinal" or q.increment:
            continue
        qs_, qe_ = q.start - s0, q.end - s0
        nxt = order[i + 1] if i + 1 < len(order) else None
        prv = order[i - 1] if i > 0 else None
        mate = None
        if nxt is not None and nxt.start in by_start and _OWN_NOUN_THEN_LINK.fullmatch(sentence[qe_:nxt.start - s0]):
            c = by_start[nxt.start]
            if c.trigger_span and c.trigger_span[0] >= c.quantity.end \
                    and sentence[c.quantity.end - s0:c.trigger_span[0] - s0].strip():
                mate = c  # the verb comes after the list (not a noun of its own: "12 survivors and 3 bodies")
        if mate is None and prv is not None and prv.start in by_start:
            c = by_start[prv.start]
            gap = sentence[prv.end - s0:qs_]
            noun = _OWN_NOUN_RE.match(gap)
            if c.trigger_span and c.trigger_span[1] <= c.quantity.start and noun \
                    and _LINK_THEN.match(gap[noun.end():]) and _people_noun(r, _NOUN_OF_ITS_OWN.match(sentence[qe_:qe_ + 60])):
                mate = c  # the verb comes before the list, and this figure names its people
        if mate is None or not r.v.measure(mate.measure).counts_people or mate.implicit or q.lo == 0 \
                or OTHERS_AFTER.match(sentence[max(qe_, mate.quantity.end - s0):max(qe_, mate.quantity.end - s0) + 25]):
            continue  # (no one; "three victims and four others were killed" is one sum, merged elsewhere)
        between = sentence[min(qe_, mate.quantity.end - s0):max(qs_, mate.quantity.start - s0)].lower()
        if any(m.after.search(between) or m.before.search(between) for m in r.v.measures if m.counts_people):
            continue  # a count's own words inside the list: not one list
        if counts_a_thing(r, sentence, qe_) or q.lo is None or (q.kind == "exact" and q.lo != int(q.lo)):
            continue
        found = trigger_of(r, mate, s0, "list")
        c = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, qs_, qe_, found))
        out.append(replace(c, part_of=mate.part_of, trigger=mate.trigger, trigger_span=mate.trigger_span))
        by_start[q.start] = out[-1]
        covered.append((q.start, q.end))
    return sorted(out, key=lambda c: c.quantity.start)


def _people_noun(r: Reading, m: Optional[re.Match]) -> bool:
    if m is None:
        return False
    nouns = [m.group("noun")] + re.findall(r"[\w'’-]+", m.string[m.end():m.end() + 25])[:1]  # "three foreign nationals"
    return any(w[0].isupper() or w.lower() in r.v.people_words or (w.endswith("s") and not w.endswith("ss")) for w in nouns)


# "three children from one family were among the victims", "536 children ... among the 1,508 fatalities"
_AMONG_THE = re.compile(r"\s+(?:(?!(?:were|was|are|is|had|have|has)\b)[\w'’-]+\s+){0,5}?(?:(?:were|was|are|is)\s+)?"
                        r"(?:also\s+|reportedly\s+)?among\s+(?:the|those)\s+(?:(?P<n>\d[\d,.]*)\s+)?(?P<what>[\w'’-]+)",
                        re.IGNORECASE)
_SOMEONES = ("victims", "casualties", "people", "persons")
# the same, the measure's people first: "among the injured there are 14 children", "among the dead were four children"
_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the|those)\s+(?:(?P<n>\d[\d,.]*)\s+)?(?P<what>[\w'’-]+)\s*,?\s+"
                           r"(?:there\s+)?(?:were|was|are|is)\s+(?:also\s+)?$", re.IGNORECASE)
# a figure inside a phrase of origin or place: "children from one family", "in two villages"
_IN_PHRASE = re.compile(r"\b(?:from|in|at|of|on|near|with)\s+$", re.IGNORECASE)


def among_the(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """'Three children were among the victims', 'There were 536 children and 308 women among the 1,508
    fatalities': people counted as some of a measure's people, a part of its total (the figure after
    'among the', or the largest total read so far), with their own subject. 'the victims' counts what
    the article counted last. A figure inside a phrase of place or origin ('from one family') is none."""
    covered = [(c.quantity.start, c.quantity.end) for c in claims]
    own = [p for p in qs if not _IN_PHRASE.search(sentence[max(0, p.start - s0 - 8):p.start - s0])]
    out = []
    for c in claims:  # read already by the trigger in "among the dead": still a part
        m = _AMONG_THE.match(sentence, c.quantity.end - s0)
        if m and c.part_of is None and c.trigger_span and c.trigger_span[0] - s0 >= m.start("what") - 1:
            whole = _whole_among(r, m, s0, c.quantity, r.v.measure(c.measure), claims, earlier)
            c = replace(c, part_of=f"@{whole.quantity.start}") if whole else c
        out.append(c)
    for q in own:
        if any(a <= q.start < b for a, b in covered) or q.unit or q.kind == "ordinal" or q.lo is None or q.increment:
            continue
        m = _AMONG_THE.match(sentence, q.end - s0)
        n_start = s0 + m.start("n") if m and m.group("n") else None
        if m and any(q.end <= p.start < s0 + m.start("what") and p.start != n_start for p in own):
            continue
        if not m:
            m = _AMONG_BEFORE.search(sentence, max(0, q.start - s0 - 60), q.start - s0)
            if not m or not r.g.subject_re.match(sentence[q.end - s0:].lstrip()):
                continue  # ... only of people named after the figure: "among the injured there are 14 children"
        what = m.group("what").lower()
        named = [x for x in r.v.measures if x.counts_people and x.after.fullmatch(what)]
        last = [c for c in earlier + out if r.v.measure(c.measure).counts_people and c.quantity.start < q.start]
        if re.match(r"\s+of\b", sentence[q.end - s0:q.end - s0 + 5]):
            continue  # "one of his relatives were among those shot": one of a set
        if named and named[0].is_weak(what, r.text):
            continue  # "among those shot" may be among the dead
        if named:
            measure = named[0]
        elif what in _SOMEONES and last:
            measure = r.v.measure(last[-1].measure)
        else:
            continue
        whole = _whole_among(r, m, s0, q, measure, out, earlier)
        span = (m.start("what"), m.end("what"))
        found = Found(measure, sentence[span[0]:span[1]], span, "after")
        c = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, q.start - s0, q.end - s0, found))
        out.append(replace(c, part_of=f"@{whole.quantity.start}") if whole else c)
        covered.append((q.start, q.end))
    return sorted(out, key=lambda c: c.quantity.start)


def _whole_among(r: Reading, m: re.Match, s0: int, q: Quantity, measure, claims: list[Claim],
                 earlier: list[Claim]) -> Optional[Claim]:
    """The total that people 'among the [N] dead' are a part of: the N's claim, or the largest so far."""
    n_start = s0 + m.start("n") if m.group("n") else None
    named = next((c for c in claims if c.measure == measure.name and c.quantity.start == n_start), None)
    return named or largest_total_before(measure.name, earlier + claims, q)


def aside_parts(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
    """'as many as 516 people – including 203 men and 213 women – are still missing': the figures of an
    aside naming some of the people just counted are parts of that count, each with its own people."""
    covered = [(c.quantity.start, c.quantity.end) for c in claims]
    out = list(claims)
    for c in claims:
        if c.implicit or c.part_of or not c.trigger_span or not r.v.measure(c.measure).counts_people:
            continue
        qe_ = c.quantity.end - s0
        aside = r.v.subset_clause.search(sentence, qe_, min(len(sentence), qe_ + 130))
        if not aside or not re.fullmatch(r"\s*(?:[\w'’-]+\s*){0,2}", sentence[qe_:aside.start()]):
            continue
        for q in qs:
            if not (aside.start() <= q.start - s0 < aside.end()) or any(a <= q.start < b for a, b in covered) \
                    or q.unit or q.lo is None or counts_a_thing(r, sentence, q.end - s0):
                continue
            found = trigger_of(r, c, s0, "whole")
            part = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, q.start - s0, q.end - s0, found))
            out.append(replace(part, part_of=f"@{c.quantity.start}"))
            covered.append((q.start, q.end))
    return sorted(out, key=lambda c: c.quantity.start)


# "the 13 victims of the metro blast included 10 Belgians", "all victims ... were identified, and included
# 17 Belgians": who some of a measure's people were, named by a noun of them before "included"
_VICTIMS_INCLUDED = re.compile(r"\b(?:the\s+|all\s+(?:the\s+)?)(?:(?P<n>\d[\d,]*)\s+)?(?P<who>victims|casualties)\b"
                               r"[^.;:]{0,80}?\binclud(?:e|es|ed)\s+$", re.IGNORECASE)


_STATE_OR_AGE = re.compile(r"\b(?:condition|hospital\w*|critical|stable|serious|injur\w*|wound\w*|hurt|age|aged|old)\b",
                           re.IGNORECASE)


def victims_included(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim],
                     earlier: list[Claim]) -> list[Claim]:
    """'The victims included 10 Belgians and three foreign nationals': parts of the measure the article
    counted last (the victims of a story are its dead, or its hurt), of the figure of the victims when
    the sentence gives one, else of the largest total read so far. Later items of the list are read by
    `shared_verb`."""
    covered = {c.quantity.start for c in claims}
    out = list(claims)
    for q in qs:
        m = _VICTIMS_INCLUDED.search(sentence, 0, q.start - s0)
        if not m or q.start in covered or q.unit or q.lo is None or counts_a_thing(r, sentence, q.end - s0):
            continue
        if _STATE_OR_AGE.search(sentence, m.end("who"), q.start - s0) or any(
                m.end("who") <= p.start - s0 < q.start - s0 for p in qs):
            continue  # "the victims in stable condition include", "the victims range in age from 20 to 59 and included"
        last = [c for c in earlier + out if r.v.measure(c.measure).counts_people and not c.background
                and c.quantity.start < q.start]
        if not last:
            continue
        measure = r.v.measure(last[-1].measure)
        span = (m.start("who"), m.end("who"))
        found = Found(measure, sentence[span[0]:span[1]], span, "before")
        n_start = s0 + m.start("n") if m.group("n") else None
        largest = largest_total_before(measure.name, earlier + out, q)
        n = next((p for p in qs if p.start == n_start), None)
        if n is not None and n.start not in covered:
            # "the 13 victims of the metro blast": some of the story's victims, the whole of this list
            whole = make_claim(r, sentence, s0, n, Found(measure, found.trigger, span, "after"), None)
            whole = replace(whole, part_of=f"@{largest.quantity.start}") if largest and largest.quantity.lo > n.lo else whole
            out.append(whole)
            covered.add(n.start)
        whole = next((c for c in out if c.quantity.start == n_start), None) or largest
        c = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, q.start - s0, q.end - s0, found))
        out.append(replace(c, part_of=f"@{whole.quantity.start}") if whole else c)
        covered.add(q.start)
        break  # the list's other items share its verb
    return sorted(out, key=lambda c: c.quantity.start)
