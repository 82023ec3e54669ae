"""Distributive lists: a count broken down by place or by who, where the later items share the first
one's verb by ellipsis — "32 deaths were confirmed in Wajima, followed by 22 in Suzu and five in
Nanao", "Iran reported 136 dead, Morocco 87", "India with 101, Nigeria with 99", "the dead included
two Olenese, four Tarskans", "Iran had 465 killed, while Egypt lost 148"; a list may go on in the next
sentence ("Others include Mali with 70, Chad with 11"). Each later item counts what the first counts, for its own place or
people: a part of the largest total of that measure read so far (the head's own, or an earlier one).
Without a larger total to belong to, an item is left alone: an elliptical figure on its own is too
weak to stand as a total.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from .filters import counts_a_thing
from .frame import make_claim
from .reading import Found, Reading

# what joins one item to the next
_LINK = re.compile(r"(?:,|;|\band|\bwhile|\bwhereas|,?\s*followed\s+by|\s[–—])\s*$", re.IGNORECASE)
# an item's own words before its figure: "Nigeria with", "and Indonesia", "Pakistan's"
# ("Egypt lost 148": a verb of losing or counting between the name and the figure)
_LEAD = re.compile(r"(?:\b(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:\s+with|['’]s|"
                   r"\s+(?:lost|had|has|reported|counted|recorded|suffered|saw|buried|mourned))?|\bwith)\s+$")
# a sentence that goes on with the list of the one before: "Others include India with 101, Nigeria with 99"
_LIST_GOES_ON = re.compile(r"^\s*(?:the\s+)?(?:others|they|these|those|rest|remainder|remaining\s+\w+)\s+"
                           r"(?:include|included|includes|are|were|came\s+from)\b\s*", re.IGNORECASE)
MAX_SENTENCE_GAP = 3  # characters between the sentence that heads a list and the one that goes on with it
# an item's own words after its figure: "in Suzu", "were in Wajima", "from southern Sindh", "Italians"
_PLACE_AFTER = re.compile(r"^\s+(?:(?:were|was|are|is)\s+(?:(?:reported|recorded|confirmed|registered)\s+)?)?"
                          r"(?:in|from|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[A-Z]")
_PEOPLE_AFTER = re.compile(r"^\s+(?:(?:more|other)\s+)?(?P<noun>[A-Za-z][\w'’-]+)")
MAX_GAP = 60   # characters between one item's figure and the next one's


def list_members(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim],
                 earlier: list[Claim]) -> list[Claim]:
    """``claims`` with the items that continue a list headed by one of them."""
    out = list(claims)
    claimed = {c.quantity.start for c in claims}
    goes_on = _LIST_GOES_ON.match(sentence)
    before = [c for c in earlier if r.v.measure(c.measure).counts_people and not c.implicit and c.trigger_span
              and 0 <= s0 - (c.sentence_start + len(c.sentence)) <= MAX_SENTENCE_GAP]
    if goes_on and before and not claims:
        # the list of the sentence before goes on: its last item's verb counts these items too
        head = before[-1]
        m = r.v.measure(head.measure)
        prev_end, first = s0 + goes_on.end(), True
        for q in qs:
            item = _item(r, sentence, s0, q, prev_end, head.measure, first=first)
            whole = largest_total_before(head.measure, out + earlier, q) if item else None
            if whole is None:
                break
            found = Found(m, head.trigger or "", (q.start - s0, q.end - s0), "list")
            c = make_claim(r, sentence, s0, q, found, item)
            out.append(replace(c, part_of=f"@{whole.quantity.start}", trigger=head.trigger,
                               trigger_span=head.trigger_span))
            prev_end, first = q.end, False
        return sorted(out, key=lambda c: c.quantity.start)
    for head in sorted(claims, key=lambda c: c.quantity.start):
        m = r.v.measure(head.measure)
        if not m.counts_people or head.implicit or head.quantity.unit:
            continue
        prev_end = max(head.quantity.end, head.trigger_span[1] if head.trigger_span else 0)
        for q in (q for q in qs if q.start > head.quantity.end):
            if q.start in claimed:
                break  # the list ends where another figure has its own reading
            item = _item(r, sentence, s0, q, prev_end, head.measure)
            if item is None:
                break
            whole = largest_total_before(head.measure, out + earlier, q)
            if whole is None:
                break
            found = Found(m, head.trigger or "", (head.trigger_span[0] - s0, head.trigger_span[1] - s0)
                          if head.trigger_span else (q.start - s0, q.end - s0), "list")
            c = make_claim(r, sentence, s0, q, found, item)
            out.append(replace(c, part_of=f"@{whole.quantity.start}", trigger=head.trigger,
                               trigger_span=head.trigger_span))
            claimed.add(q.start)
            prev_end = q.end
    return sorted(out, key=lambda c: c.quantity.start)


def _item(r: Reading, sentence: str, s0: int, q: Quantity, prev_end: int, measure: str, first: bool = False) -> Optional[str]:
    """The place or people an item names ('Suzu', 'Italians'), or None when ``q`` is no list item."""
    qs_, qe_ = q.start - s0, q.end - s0
    if q.kind != "exact" or q.unit or q.increment or q.lo is None or q.lo != int(q.lo):
        return None
    gap = sentence[prev_end - s0:qs_]
    if len(gap) > MAX_GAP or any(m.after.search(gap.lower()) for m in r.v.measures if m.counts_people and m.name != measure):
        return None  # too far, or another count's words between: not the same list
    lead = _LEAD.search(gap)
    link_text = gap[:lead.start()] if lead else gap
    if not (_LINK.search(link_text) or (first and not link_text.strip())):
        return None
    if counts_a_thing(r, sentence, qe_):
        return None  # "14 rifles and three pistols"
    tail = sentence[qe_:qe_ + 60]
    place = _PLACE_AFTER.match(tail)
    if place:
        return re.match(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", tail[place.end() - 1:]).group().rstrip(".")
    if lead and lead.group("name"):
        return lead.group("name")
    people = _PEOPLE_AFTER.match(tail)
    if people and (people.group("noun")[0].isupper() or people.group("noun").lower() in r.v.people_words):
        # a subject's word is that subject ("1 child" counts children), any other noun names its own people
        noun = people.group("noun")
        return next((r.v.subjects[w] for w in (noun.lower(), noun.lower() + "s", noun.lower() + "ren") if w in r.v.subjects), noun)
    return None


def largest_total_before(measure: str, claims: list[Claim], q: Quantity) -> Optional[Claim]:
    """The largest figure of this measure read so far that could hold ``q`` as a part."""
    wholes = [c for c in claims if c.measure == measure and c.compared_as_total and not c.implicit
              and c.quantity.lo is not None and c.quantity.lo > (q.lo or 0) and c.quantity.start < q.start]
    return max(wholes, key=lambda c: c.quantity.lo, default=None)
