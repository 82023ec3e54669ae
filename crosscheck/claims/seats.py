"""Seats won: a party's or candidate's seats in a parliament, in the shapes they are written.

"The Harbour Party won 194 seats", "194 seats for the Harbour Party", "the Civic Union (157 seats)", "took
159 of the 400 seats", a list "Harbour 194, Civic Union 157, Greens 65 seats" and an exit poll's
projection ("projected to win 200 seats"). A seat figure is a result like a vote share: it belongs to
its party (the subject), has a count stage and a producer, and votes.py's sentence pass (`whose_votes`)
gives it those as it does shares. What this module decides is which figures are seats won, and what the
others are:

- the chamber's size ("of the 400 seats", "the 460-seat parliament", "will decide 128 Senate seats") or
  seats as constituencies ("83 seats went to the polls"): no claim;
- a threshold ("a majority of 231 seats", "the 231 seats needed to govern") or a margin ("a 15-seat
  majority", "ahead by 12 seats"): no claim;
- a change ("lost 41 seats", "gained 12 seats", "12 more seats"): a claim marked as an increment, never
  compared with a total;
- a previous parliament's seats ("up from 130 seats", "the 235 seats it held"): background.

Read only in an election article (votes.py calls `seat_claims` from `result_claims`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from .frame import make_claim
from .reading import Found, Reading
from .vote_names import names_in

SEAT_MEASURE = "seats"

# "194 seats", "194 parliamentary seats", "194 of its seats"; not "194-seat" (an adjective: see below)
_SEATS_AFTER = re.compile(r"^\s+(?:(?:more|fewer|additional|extra|new|parliamentary|legislative|assembly|national|"
                          r"lower[- ]house|upper[- ]house|senate|sejm|constituency|list|proportional|directly[- ]elected)\s+){0,2}"
                          r"seats?\b", re.IGNORECASE)
# "159 of the 400 seats", "159 out of 460 seats", "159 of parliament's 460 seats": the first figure is seats
_OF_SEATS_AFTER = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:[\w'’]+['’]s\s+)?(?:\w+\s+){0,2}?[\d,]+(?:\s+|-)"
                             r"(?:(?:\w+\s+){0,2}seats?\b|seat\s+\w+)", re.IGNORECASE)
# "the 460-seat Sejm", "a 15-seat majority", "a 12-seat gain": a size, a margin or a change; never a total
_SEAT_ADJECTIVE = re.compile(r"^-seats?\b", re.IGNORECASE)

# the chamber's size: "(159) of the 400 seats", "all 400 seats", "vying for the 400 seats"
_CHAMBER_BEFORE = re.compile(r"(?:\b(?:out\s+of|of|all|total\s+of|vying\s+for|contest\w*\s+for|compet\w+\s+for|elections?\s+(?:for|to)|"
                             r"race\s+for|battle\s+for|fight\s+for|to\s+fill)\s+(?:the\s+|its\s+|all\s+)?(?:[\w'’]+['’]s\s+)?(?:\w+\s+)?)$",
                             re.IGNORECASE)
_CHAMBER_AFTER = re.compile(r"^\s+(?:\w+\s+)?seats?\s+(?:(?:were\s+|are\s+)?up\s+for\s+(?:grabs|election)|at\s+stake|(?:being\s+|were\s+|are\s+)?contested|"
                            r"available|on\s+offer"
                            # seats as the constituencies that vote: "83 seats went to the polls", "83 seats in phase 2 saw 69% turnout"
                            r"|(?:went|go|going|will\s+go)\s+to\s+(?:the\s+)?polls?|(?:(?!\band\b)[^.;,]){0,30}?\b(?:saw|recorded|registered|reported)\b)",
                            re.IGNORECASE)
# seats an election fills: "the election will also decide 128 Senate seats"
_FILLED_BEFORE = re.compile(r"\b(?:decide|decides|deciding|elect|elects|electing|fill|fills|filling|choose|chooses|choosing|renew|renews|"
                            r"renewing|contest|contests|contesting)\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
# a threshold: "a majority of 231 seats", "needs 231 seats", "the 231 seats needed for a majority"
_THRESHOLD_BEFORE = re.compile(r"\b(?:majority\s+(?:of|is|requires?|needs?|would\s+(?:require|need|take)|threshold\s+of|stands\s+at|at)|"
                               r"needs?|needed|needing|requires?|required|requiring|reach|reaching|short\s+of|crossing|cross|"
                               r"magic\s+number\s+of|(?:threshold|mark)\s+of|at\s+least)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"^\s+(?:\w+\s+)?seats?\s+(?:\w+\s+){0,3}?(?:needed|required|necessary|short\b|threshold|mark\b|"
                              r"(?:that\s+)?(?:it|they|he|she)\s+(?:needs?|needed|would\s+need))"
                              r"|^\s+(?:\w+\s+)?seats?\s+to\s+(?:govern|rule|form\s+a\s+government|command|have|secure|win|reach|hold)\s+"
                              r"(?:(?:a|an|the)\s+)?(?:\w+\s+)?majority", re.IGNORECASE)
# a margin: "won by 12 seats", "a lead of 12 seats", "12 seats ahead of"
_MARGIN_BEFORE = re.compile(r"\b(?:(?:won|wins|lead|leads|ahead|beat|beating|margin)\s+by|(?:lead|margin|gap|majority)\s+of)\s+"
                            r"(?:a\s+|just\s+|only\s+)?$", re.IGNORECASE)
_MARGIN_AFTER = re.compile(r"^\s+(?:\w+\s+)?seats?\s+(?:ahead|behind|clear)\b", re.IGNORECASE)
# a change: "lost 41 seats", "gained 12 seats", "12 more seats", "up 12 seats", "a gain of 12 seats"
_CHANGE_BEFORE = re.compile(r"\b(?:lost|losing|loses|lose|gained|gaining|gains|gain|picked\s+up|picking\s+up|picks\s+up|added|adding|"
                            r"adds|shed|sheds|shedding|dropped|dropping|drops|(?:gain|loss|drop|fall|rise|increase|decrease)\s+of|"
                            r"(?:up|down)(?:\s+by)?)\s+(?:a\s+further\s+|another\s+|some\s+|about\s+|nearly\s+|almost\s+|just\s+)?$",
                            re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s+(?:(?:more|fewer|additional|extra)\s+seats?|seats?\s+(?:more|fewer|less)\b)", re.IGNORECASE)
# a previous parliament's seats: "up from 130 seats", "the 235 seats it held", "130 seats in the
# outgoing Sejm" (a year before the article's is votes.of_an_earlier_election's)
_EARLIER_BEFORE = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|climbing|dropping)\s+from|from|compared\s+(?:with|to)|"
                             r"held|holds|holding|had\s+held|previously\s+(?:had|held|won)|currently\s+(?:has|holds))\s+"
                             r"(?:the\s+|its\s+|their\s+|about\s+|some\s+)?$", re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"^\s+(?:\w+\s+)?seats?\s+(?:(?:it|they|he|she)\s+(?:had\s+)?(?:won|held|had|holds)\b|"
                            r"(?:in|at)\s+(?:the\s+)?(?:last|previous|outgoing|current)\b|(?:last\s+time|previously)\b)",
                            re.IGNORECASE)
# "projected to win 200 seats", "a seat projection gave": a forecast of seats, made from an exit poll
_PROJECTION = re.compile(r"\b(?:projected|projections?|projecting|forecast\s+to|on\s+course\s+(?:for|to)|set\s+to\s+(?:win|have|get|take)|"
                         r"(?:was|were|is|are)\s+seen\s+(?:\w+ing)|(?:was|were|is|are)\s+expected\s+to\s+(?:win|have|get|take)|"
                         r"would\s+(?:have|win|get|take|hold))\b",
                         re.IGNORECASE)
# a poll named as the source of seats in an article that speaks of an exit poll ("according to the poll")
_POLL_SAID = re.compile(r"\b(?:poll|survey)\b", re.IGNORECASE)
_EXIT_POLL = re.compile(r"\bexit[- ]polls?\b", re.IGNORECASE)
# seats counted as the members who will fill them: "(PiS would) have 200 lawmakers in the 460-seat parliament"
_MEMBERS_AFTER = re.compile(r"^\s+(?:lawmakers|legislators|deputies|MPs|members\s+of\s+parliament|parliamentarians)\s+in\s+"
                            r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:parliament|assembly|chamber|house|sejm|senate|legislature)\b", re.IGNORECASE)
_HAVE_BEFORE = re.compile(r"\b(?:have|has|had|win|wins|won|get|gets|got|hold|holds|secure[sd]?|take|takes|took)\s+$", re.IGNORECASE)
# "194 seats for the Harbour Party", "65 seats went to the Greens": the party after the figure
_SEATS_FOR = re.compile(r"^\s+(?:\w+\s+){0,2}?seats?\s+(?:(?:were\s+|was\s+)?(?:for|to|went\s+to|go\s+to|going\s+to)|"
                        r"(?:were\s+|was\s+)?(?:won|taken|secured)\s+by)\s+(?P<rest>.{0,70})", re.IGNORECASE)
# a list item's figure: a name and nothing else between it and the next seat figure ("Harbour 194, Union 157 ...")
# (an acronym in brackets may stand in it: "the Civic Coalition (KO) won 157")
_LIST_GAP = re.compile(r"^[^\d%.;:]{1,60}$")


def _seat_figure(q: Quantity) -> bool:
    """A whole number that can be a count of seats (not a share, a sum or a year)."""
    return (q.kind in ("exact", "approximate") and not q.unit and q.lo is not None and q.lo == q.hi
            and float(q.lo).is_integer() and 0 < q.lo < 1000)


def what_seat_figure(sentence: str, qs_: int, qe_: int) -> Optional[str]:
    """What a figure followed by "seats" is: "result", "change", "earlier" (a previous parliament's),
    or None when it is no party's seats (the chamber's size, a threshold, a margin)."""
    before, after = sentence[max(0, qs_ - 60):qs_], sentence[qe_:qe_ + 90]
    if _SEAT_ADJECTIVE.match(after) or _CHAMBER_BEFORE.search(before) or _CHAMBER_AFTER.match(after) \
            or _FILLED_BEFORE.search(before):
        return None
    if _THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after) or _MARGIN_BEFORE.search(before) \
            or _MARGIN_AFTER.match(after):
        return None
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return "change"
    if _EARLIER_BEFORE.search(before) or _EARLIER_AFTER.match(after):
        return "earlier"
    return "result"


def seat_claims(r: Reading, sentence: str, s0: int, qs: list[Quantity], claimed: set[int]) -> list[Claim]:
    """The seats of a sentence: figures said to be seats, and the items of a list with them."""
    if not re.search(r"\bseats?\b", sentence, re.IGNORECASE):
        return []
    ew = r.v.elections
    found: dict[int, tuple[Quantity, str]] = {}
    for q in qs:
        if q.start in claimed or not _seat_figure(q):
            continue
        qs_, qe_ = q.start - s0, q.end - s0
        after = sentence[qe_:qe_ + 90]
        if _SEATS_AFTER.match(after) or _OF_SEATS_AFTER.match(after) or (
                _MEMBERS_AFTER.match(after) and _HAVE_BEFORE.search(sentence[max(0, qs_ - 30):qs_])):
            what = what_seat_figure(sentence, qs_, qe_)
            if what:
                found[q.start] = (q, what)
            else:
                claimed = claimed | {q.start}  # a chamber's size, a threshold: no list item either
    # a list's other items: "Harbour 194, Civic Union 157, Greens 65 seats", "won 194 seats, the Union 157"
    results = [q for q, what in found.values() if what == "result"]
    grown = True
    while grown:  # item by item, outwards from the figures said to be seats
        grown = False
        for q in qs:
            if q.start in claimed or q.start in found or not _seat_figure(q) or not results:
                continue
            nearest = min(results, key=lambda o: abs(o.start - q.start))
            gap = sentence[q.end - s0:nearest.start - s0] if q.start < nearest.start else sentence[nearest.end - s0:q.start - s0]
            gap = re.sub(r"^\s*(?:\w+\s+)?seats?\b", "", gap) if q.start > nearest.start else gap
            if _LIST_GAP.match(gap) and names_in(ew, gap) and what_seat_figure(sentence, q.start - s0, q.end - s0) == "result":
                found[q.start] = (q, "result")
                results.append(q)
                grown = True
    out = []
    projected = bool(_PROJECTION.search(sentence))
    exit_polled = bool(_EXIT_POLL.search(r.text))
    for q, what in sorted(found.values(), key=lambda f: f[0].start):
        qs_, qe_ = q.start - s0, q.end - s0
        party = _party_after(r, sentence, qe_) or _party_described(r, sentence, qs_, [f[0] for f in found.values()], s0)
        c = make_claim(r, sentence, s0, q, Found(r.v.measure(SEAT_MEASURE), q.text, (qs_, qe_), "unit"), party)
        if what == "change":
            c = replace(c, quantity=replace(c.quantity, increment=True))
        elif what == "earlier":
            c = replace(c, background=True)
        elif (projected or c.attribution and _POLL_SAID.search(c.attribution)) and not (
                c.attribution and _EXIT_POLL.search(c.attribution)) and (exit_polled or projected and not c.attribution):
            # a seat projection is made from an exit poll ("projected to win 200 seats", "according to the
            # poll" in an article about one)
            c = replace(c, attribution="exit poll projection")
        out.append(c)
    return out


def _party_after(r: Reading, sentence: str, qe_: int) -> Optional[str]:
    """'194 seats for the Harbour Party', '65 seats went to the Greens': the party named after the figure
    (None when the party is before it: votes.whose_votes finds it there as it does a share's)."""
    m = _SEATS_FOR.match(sentence[qe_:qe_ + 110])
    if not m:
        return None
    rest = m.group("rest")
    names = [n for n in names_in(r.v.elections, rest) if not re.search(r"[\d.;]", rest[:n[0]])]
    return names[0][2] if names else None


# a party described, not named: "the ruling party took 159", "the main opposition bloc won 120"
_DESCRIBED_PARTY = re.compile(r"\bthe\s+(?:\w+\s+)?(?P<what>ruling|governing|main\s+opposition|opposition)\s+"
                              r"(?P<body>party|coalition|alliance|bloc|camp)\b", re.IGNORECASE)


def _party_described(r: Reading, sentence: str, qs_: int, figures: list[Quantity], s0: int) -> Optional[str]:
    """'the ruling party took 159 of the 400 seats': the party as described ("ruling party"), when the
    words since the figure before name no party; compared with the same description only."""
    start = max([f.end - s0 for f in figures if f.end - s0 <= qs_] + [m.end() for m in re.finditer(r"[;]|\.\s", sentence[:qs_])]
                + [0])
    words = sentence[start:qs_]
    m = list(_DESCRIBED_PARTY.finditer(words))
    if not m or names_in(r.v.elections, words[m[-1].end():]):
        return None
    return f"{' '.join(m[-1].group('what').lower().split())} {m[-1].group('body').lower()}"
