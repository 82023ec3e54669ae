"""Rival figures: a bare figure in the same sentence that is another party's count of the people a figure before it
counts ("the government put the toll at 62 while the Red Cross said 69", "62 people (the Red Cross put it at 69)
were killed", "234, far more than the 85 reported by officials"). Each is a claim of its own, attributed to its
party, for align to compare (within one article too)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim
from .reading import Found, Reading, trigger_of

# another party's figure of the people a figure before it counts, in the same sentence: "the government put
# the toll at 62 while the Red Cross said 69", "62 people (the Red Cross put it at 69) were killed"
_RIVAL_LEAD = re.compile(r"(?:\(|[;,]|\b(?:while|whereas|but)\b)\s*(?:(?:while|whereas|but|and)\s+)?"
                         r"(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?(?P<verb>(?:put|puts|putting)\s+it\s+at|said|says|say|gave|gives|"
                         r"counted|counts|reported|reports|estimated|estimates|claimed|claims)\s+$", re.IGNORECASE)

_RIVAL_END = re.compile(r"\s*(?:(?:people|persons|dead|deaths)\b\s*)?(?:[).,;:]|$|(?:while|whereas|but|according)\b)",
                        re.IGNORECASE)


# ... or set against it: "the real number is 234, far more than the 85 reported by officials"
_RIVAL_THAN = re.compile(r"\b(?:more|less|fewer|higher|lower|greater|up|down)\s+(?:than|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RIVAL_THAN_END = re.compile(r"\s+(?:(?:people|persons|dead|deaths)\s+)?(?:previously\s+|earlier\s+|initially\s+|first\s+)?"
                             r"(?:reported|given|announced|cited|counted|claimed|stated|put\s+forward)\s+(?:by|earlier|before)\b",
                             re.IGNORECASE)


def rival_lead(sentence: str, qs_: int) -> Optional[re.Match]:
    """The words that make the figure at ``qs_`` another party's: "while the Red Cross said", "more than the"."""
    return _RIVAL_LEAD.search(sentence, max(0, qs_ - 90), qs_) or _RIVAL_THAN.search(sentence, max(0, qs_ - 40), qs_)


def rival_figure(r: Reading, sentence: str, s0: int, qs_: int, qe_: int, before: list[Claim]) -> Optional[Claim]:
    """The claim of this sentence a bare figure is another party's figure of: 'while the Red Cross said
    69' after a toll of 62, '(the Red Cross put it at 69)' after '62 people': the figure counts the same
    people, said by someone else (a figure of its own for align to compare, within one article too)."""
    lead = rival_lead(sentence, qs_)
    if not lead or not (_RIVAL_THAN_END if lead.re is _RIVAL_THAN else _RIVAL_END).match(sentence, qe_):
        return None
    counted = [c for c in before if c.quantity.end - s0 <= qs_ and c.trigger_span and not c.quantity.increment
               and c.part_of is None and r.v.measure(c.measure).counts_people]
    return counted[-1] if counted else None


def rival_trigger(r: Reading, rival: Claim, sentence: str, s0: int, qs_: int) -> Found:
    """The rival claim's measure, with the figure's own verb of saying (or comparing) as its trigger."""
    lead = rival_lead(sentence, qs_)
    span = lead.span("verb") if lead.re is _RIVAL_LEAD else lead.span()
    return replace(trigger_of(r, rival, s0, "rival"), trigger=sentence[span[0]:span[1]].strip(), span=span)
