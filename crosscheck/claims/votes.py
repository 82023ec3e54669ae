"""Election results: whose share or count a figure is, how far the count had got, and who produced it.

A vote share or a vote count means nothing without its candidate, party, list or referendum option,
and results are written in many shapes: "Sorin won 55.1% of the vote", "Petrov was second with 22.5%",
"the Greens on 27 percent", "44 per cent for Ivo Petrov", "Petrov's 1.4 million", "the Yes vote stood
at 51.2%", "48.8% against", a results table "Green Front, Ana SORIN: 1 204 511 (55.1%)", a list "A
52.1%, B 47.9%". A pronoun ("he gained 80.1%") takes the candidate named before it.

Two functions hook into the claims stage:

- `result_claims` reads the figures of a sentence of an election article that no trigger counted:
  seats won (seats.py), shares and counts tied to a name by those shapes, the next items of a list whose first figure is a
  vote share, votes or turnout, ballots of a kind ("92,553 were invalid") and margins ("ahead by 12,000");
- `whose_votes`, a sentence pass, gives every vote share and count its subject; turns a count of all
  ballots into turnout ("out of about 3 million votes cast"); drops what is not a result: the share of
  ballots counted ("with 97% of the votes counted": the count's progress, kept on the other claims as
  `count_stage`), thresholds, margins in points and changes; and names who produced the figure (an exit
  poll by name, a parallel count, a poll before the vote, which is background).

The names themselves (found, not known) and the keys under which one candidate's figures meet are
vote_names.py's. For alignment, this module says which of two results was counted further
(`counted_further`, `is_a_later_count`: "with 99.7% counted" then "100%", "preliminary" then a later
"preliminary", no stage then "final") and how a result was rounded (`as_written`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from ..dates import years_named
from ..models import Claim, Quantity
from ..numerals import parse_digit_run
from .election_words import ElectionWords
from .frame import make_claim
from .reading import Found, Reading
from .seats import SEAT_MEASURE, seat_claims
from .vote_scope import REGION_JOIN, in_region, region_carried, region_named_again, region_of, split_region, sum_of
# (subject_keys is asked for by alignment, through this module: the election stage's one entry point)
from .vote_names import (NAME_TOKEN, NOT_PEOPLE, clean_name, head_of, names_in, outside_apposition,  # noqa: F401
                         names_a_candidate, opposition_described, subject_key, subject_keys, with_acronym)

# a candidate's or party's own results, compared only with the same subject's (seats included: a
# party's seats are never compared with another party's)
VOTE_MEASURES = ("vote_share", "votes", SEAT_MEASURE)
RESULT_MEASURES = ("vote_share", "votes", "turnout", SEAT_MEASURE)

_ELECTION = re.compile(r"\b(?:vot(?:e|es|ed|ing|ers?)|elect(?:ion|ions|oral|ed)|ballots?|referend(?:um|a)|polls?|"
                       r"polling|candidates?|run-?off|turnout)\b", re.IGNORECASE)

_PRONOUN_BEFORE = re.compile(r"\b(?P<p>he|she|they|it|his|her|their|its|him|them)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)

# the figure of a share written right after a count: "1,204,511 votes (55.1%)", "6.2 million votes,
# equivalent to 10.32 percent", "1,524,255 or 9.51% of the vote"
_SHARE_OF_COUNT = re.compile(r"^\s*(?:votes|ballots)?\s*(?:\(|,\s*(?:or|equivalent to|translating to|which is)\s+|or\s+|–\s*|-\s*)\s*$"
                             # "1.2 million people in Sunday's vote, equivalent to 31.5 percent"
                             r"|^\s*(?:votes|ballots|voters|people)\b[^.;%\d]{0,40}?(?:\d[^.;%\d]{0,20})?,\s*(?:equivalent\s+to|"
                             r"translating\s+to|representing|accounting\s+for)\s+$", re.IGNORECASE)

# what follows a count that makes it a table row or a result: "1 204 511 (55.1%)", "Votes: 4,561,086"
_ROW_AFTER = re.compile(r"^\s*(?:votes\s*)?(?:\(\s*|,?\s+or\s+|,\s*(?:equivalent|translating)\s+to\s+)[\d.,]+\s*(?:%|per\s?cent|percent)"
                        r"|^\s+of\s+(?:the\s+)?(?:total\s+)?(?:of\s+)?[\d.,]+(?:\s+million)?\s+(?:votes|ballots)\b"
                        # "16.5 million people in Sunday's vote, equivalent to 27.45 percent"
                        r"|^\s*(?:votes|ballots|voters|people)\b[^.;%]{0,40}?,\s*(?:equivalent\s+to|translating\s+to|representing|"
                        r"accounting\s+for)\s+[\d.,]+\s*(?:%|per\s?cent|percent)", re.IGNORECASE)
# "the audited totals had Sorin at 2,475,141", "an exit poll put the Greens at 27%": a name and its figure
_NAME_AT_BEFORE = re.compile(r"\b(?:had|has|have|put|puts|putting|showed|shows|show|gave|gives|give|placed|places)\s+(?:the\s+)?"
                             r"(?P<name>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r")*)\s+(?:at|on)\s*$")
# "Sorin amassed 2.3 million against Petrov's 1.9 million votes": the count before a rival's votes
_AGAINST_AFTER = re.compile(r"^\s*(?:votes\s+)?(?:against|to|versus|vs\.?|compared\s+(?:to|with))\s+", re.IGNORECASE)
_VOTES_LABEL_BEFORE = re.compile(r"\b(?:votes|ballots)\W{0,4}:\W*$", re.IGNORECASE)
_SHARE_LABEL_BEFORE = re.compile(r"\b(?:support|share|percentage|result)\W{0,4}:\W*$", re.IGNORECASE)

# a vote-count margin: "Sorin's lead was 12,670", "Sorin (is) ahead by 4,000", "12,284 votes ahead of"
_LEAD_BEFORE = re.compile(r"(?P<name>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r")*)['’]s\s+(?:\w+\s+)?lead(?:\s+over\s+[\w\s'’]{1,40}?)?"
                          r"\s+(?:was|is|of|to|from|stood\s+at|narrowed\s+to|grew\s+to|from\s+(?:about\s+)?[\d,.]+\s+(?:votes\s+)?to)\s*$"
                          r"|(?P<name2>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r")*)\s+(?:\w+\s+)?(?:ahead|leads?|leading|won|wins|beat|beats)\s+(?:[\w'’]+\s+){0,4}?by\s*$")
_GAP_BEFORE = re.compile(r"\b(?:difference|gap|margin)\s+(?:between\s+[\w\s'’]{1,40}?\s+)?(?:was|is|stood\s+at|of)\s*$"
                         r"|\b(?:came|comes|coming)\s+down\s+to\s+(?:just\s+|only\s+|a\s+mere\s+)?$", re.IGNORECASE)
_BEAT_BY = re.compile(r"\b(?:surpass\w*|beat(?:ing|s)?|defeat\w*|outpac\w+|outvot\w+|ahead\s+of)\s+(?:[\w'’,]+\s+){0,6}?by\s*$",
                      re.IGNORECASE)
_AHEAD_AFTER = re.compile(r"^\s*(?:votes\s+)?ahead\b", re.IGNORECASE)

# a turnout said of a clause with no verb of its own: "66.14% in the first phase and 66.71% in the second"
_TURNOUT_WORDS = re.compile(r"\b(?:turnout|polling(?!\s+(?:stations?|places?|booths?|units?|cent(?:re|er)s?|districts?|firms?))|voting\s*%|participation|franchise|cast\s+(?:their\s+)?ballots)\b", re.IGNORECASE)

# "40% of the country's 9 million eligible voters took part": a share of the electorate that voted
_VOTERS_TOOK_PART = re.compile(r"^\s+of\s+(?:[\w'’.]+\s+){0,5}?(?:registered\s+|eligible\s+)?voters\s+(?:took\s+part|turned\s+out|"
                               r"participated|voted|cast)\b", re.IGNORECASE)

# after a count: "(500) votes more than", "(5 million) more votes than": a difference, not a total
_MORE_THAN_AFTER = re.compile(r"^\s*(?:(?:more|fewer|less|extra|additional)\s+(?:votes|ballots)|(?:votes|ballots)\s+(?:more|fewer|less)"
                              r"|more|fewer|less)\s+than\b", re.IGNORECASE)

# "4.2% (of ballots were cast) against all candidates": the option of rejecting every one of them
_AGAINST_ALL_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:votes|ballots|voters)\s+)?(?:(?:were|was)\s+cast\s+|voted\s+)?against\s+all\b",
                                re.IGNORECASE)
# "(80%) of voters voted for Sorin", "(1.2 million) people voted for Sorin": a result, not the turnout
_VOTED_FOR_AFTER = re.compile(r"^\s*(?:million\s+|thousand\s+)?(?:of\s+(?:the\s+)?(?:\w+\s+)?(?:voters|votes|ballots|electorate)\s+|"
                              r"(?:people|voters|citizens)\s+)(?:\w+\s+)?(?:voted|opted)\s+for\s+(?!the\s+first\b)", re.IGNORECASE)

# "(61.2%) of the electorate", "(58%) of registered voters": a turnout, unless they voted for someone
_ELECTORATE_AFTER = re.compile(r"^\s*of\s+(?:the\s+)?(?:country['’]s\s+)?(?:electorate|(?:registered|eligible)\s+voters)\b(?![^.;]{0,30}\bvoted\s+for\b)",
                               re.IGNORECASE)

_CLAUSE_BREAK = re.compile(r"[;]|\.\s|\bwhile\b|\bwhereas\b|\bbut\b")


def is_election_article(r: Reading) -> bool:
    return _speaks_of_voting(r.text)


@functools.lru_cache(maxsize=256)
def _speaks_of_voting(text: str) -> bool:
    """Whether an article speaks of voting (twice at least): asked for each of its sentences, read once."""
    return len(_ELECTION.findall(text[:20000])) >= 2


def option_of(ew: ElectionWords, sentence: str, qs_: int, qe_: int) -> Optional[str]:
    """'51.2% in favour', '48.8% who voted No', 'the Yes vote stood at 51.2%': a referendum option."""
    after = sentence[qe_:qe_ + 60]
    for option, after_re, _ in ew.options:
        if after_re.match(after):
            return option
    clause = _CLAUSE_BREAK.split(sentence[max(0, qs_ - 80):qs_])[-1]
    clause = re.split(r"[\d]", clause)[-1]  # the words since the figure before
    hits = [(m.end(), option) for option, _, before_re in ew.options for m in before_re.finditer(clause)]
    return max(hits)[1] if hits else None


def quoted_option(ew: ElectionWords, sentence: str, qs_: int) -> Optional[str]:
    """'the "Stay" side was ahead at 50.4%': an option named in quotes, whatever its word (asked last,
    when the figure's clause names no one: a quoted word may be a campaign's name)."""
    clause = re.split(r"[\d]", _CLAUSE_BREAK.split(sentence[max(0, qs_ - 80):qs_])[-1])[-1]
    quoted = list(_QUOTED_OPTION.finditer(clause))
    return ew.canonical(quoted[-1].group("option").lower()) if quoted else None


_QUOTED_OPTION = re.compile(r"[\"“‘](?P<option>[^\W\d_][\w-]{1,15})[\"”’]\s+(?:vote|camp|side|option|campaign)\b", re.IGNORECASE)


def subject_of_result(r: Reading, sentence: str, s0: int, q: Quantity, bounds: list[tuple[int, int]],
                      earlier: list[Claim]) -> Optional[str]:
    """Whose votes the figure counts (None when the sentence does not say)."""
    ew = r.v.elections
    qs_, qe_ = q.start - s0, q.end - s0
    option = option_of(ew, sentence, qs_, qe_)
    if option:
        return option
    after = sentence[qe_:qe_ + 90]
    if _AGAINST_ALL_AFTER.match(after):
        return "against all"
    # "44 per cent for the main challenger, Nelson Chamisa", "the 36.8 percent obtained by Law and Justice",
    # "51.9% voted for Leave", "48.1% backed Remain", "80% of voters voted for Sorin"
    m = re.match(r"^\s*(?:of\s+(?:the\s+)?(?:\w+\s+)?(?:votes?|ballots|voters|electorate)\s+)?\)?\s*(?:(?:who\s+)?(?:voted|opted|"
                 r"were\s+cast|was\s+cast)\s+for|(?:people|voters|citizens)\s+(?:\w+\s+)?(?:voted|opted)\s+for|for|obtained\s+by|won\s+by|secured\s+by|supporting|backing|backed|supported|"
                 r"chose)\s+(?P<rest>.{0,70})", after, re.IGNORECASE)
    if m:
        rest = m.group("rest")
        names = [n for n in names_in(ew, rest) if not re.search(r"[.;]", rest[:n[0]])]
        if names and not re.search(r"\d", rest[:names[0][0]]):
            return names[0][2]
    # the words since the figure before (or the clause start): the nearest name in them
    prev_end = max((e - s0 for s, e in bounds if e <= q.start), default=0)
    if prev_end and _SHARE_OF_COUNT.match(sentence[prev_end:qs_]):
        # "1,204,511 votes (55.1%)": the share of the count before it, whose subject it shares
        return None
    start = max(prev_end, max((m.end() for m in _CLAUSE_BREAK.finditer(sentence[:qs_])), default=0))
    names = outside_apposition(names_in(ew, sentence[start:qs_], start), sentence, qs_)
    pron = _PRONOUN_BEFORE.search(sentence[start:qs_])
    if names and not (pron and start + pron.start() > names[-1][1]):
        return head_of(names, sentence)
    if not names and _OTHERS.search(sentence[start:qs_]):
        return "other candidates"  # "the other candidates trailed with between 0.1% and 1.2%"
    opposition = None if names or pron else opposition_described(r, sentence[start:qs_])
    if opposition:
        return opposition  # "the liberal opposition stood at 28%"
    # "the incumbent polled 52%", "The party's leader swept to victory with ...": as a pronoun
    pron = pron or (None if names else _DESCRIPTION.search(sentence[start:qs_]))
    # "he gained 80.1%": the candidate named before the pronoun, or the one the sentence before is
    # about (its first name), or the one the results before were about
    if pron:
        before = names_in(ew, sentence[:start + pron.start()], antecedents=True)
        if before:
            return head_of(before, sentence)
        told = previous_subject(r, s0)
        if told:
            return told
        prior = [split_region(c.subject)[0] for c in earlier if c.measure in VOTE_MEASURES and names_a_candidate(c.subject)]
        if prior:
            return prior[-1]
    if pron or _is_field_line(sentence) or not re.search(r"[A-Za-z]", sentence[:qs_]):
        # a row of a results table split from its name ("Ana SORIN :  1 204 511 (55.1%)")
        names = names_in(ew, r.text[max(0, s0 - 300):s0])
        if names:
            return names[-1][2]
    return None if names else quoted_option(ew, sentence, qs_)


# "the other candidates", "the remaining parties": the rest of the field, together
_OTHERS = re.compile(r"\b(?:the\s+)?(?:other|remaining)\s+(?:\w+\s+)?(?:candidates|contenders|parties|lists)\b", re.IGNORECASE)
# a candidate described, not named, where a pronoun would stand: "the incumbent", "The party's President"
_DESCRIPTION = re.compile(r"^\W*(?:[\w'’-]+\s+){0,3}?the\s+(?:(?!of\b|for\b|to\b)[\w'’-]+\s+){0,4}?(?:incumbent|president|"
                          r"president-elect|winner|victor|front-?runner|challenger)\b(?!\s+(?:of|for)\b)", re.IGNORECASE)


def previous_subject(r: Reading, s0: int) -> Optional[str]:
    """The first name of the sentence before (in the same paragraph): whom a pronoun opening the next
    one is about ("Sorin, a member of the Green Front, went on to win in 2018. He got 51.4%")."""
    prev = next(((a, b) for a, b in reversed(r.sentences) if b <= s0), None)
    if prev is None or r.text[prev[1]:s0].count("\n") > 1:
        return None
    text = r.text[prev[0]:prev[1]]
    names = names_in(r.v.elections, text)
    names = outside_apposition(names, text, names[-1][1] + text[names[-1][1]:].find(" ") + 1 if names else None)
    return names[0][2] if names else None


def _is_field_line(sentence: str) -> bool:
    """'– Support: 41.52%' under a party's heading: a row of a results block."""
    return bool(re.match(r"^[\s*•–—-]*(?:\d+\.\s*)?\**\s*(?:support|votes|share|percentage|result|ballots)\b", sentence, re.IGNORECASE))


def _in_its_region(r: Reading, c: Claim, said: list[Claim], earlier: list[Claim]) -> Claim:
    """The claim as one region's result when its sentence says so (vote_scope.region_of), or when it goes
    on from a region's result of the same sentence ("..., whereas the Harbour Party trailed on 19%") or names
    again the region the article's last results were of ("Their old Talvia rival managed 16%"). Beside
    the same party's share of the whole count in the article, it is a part of that result (shown with it,
    compared with neither)."""
    ew = r.v.elections
    sentence, s0 = c.sentence, c.sentence_start
    qs_ = c.quantity.start - s0
    region = region_of(ew, sentence, qs_, c.quantity.end - s0, _lead(r))
    regional = [p for p in earlier + said if p.measure in ("vote_share", "votes") and p.place_level == "named"
                and p.subject and p.subject.endswith(REGION_JOIN + (p.place or ""))]
    last = next((p for p in reversed(said) if p in regional), None)
    if region is None and last and region_carried(sentence, last.quantity.end - s0, qs_):
        region = last.place
    told = next((p for p in reversed(earlier) if p.measure in ("vote_share", "votes")), None)
    if region is None and not said and told in regional and told.sentence_start < s0 \
            and region_named_again(sentence, told.place, qs_):
        region = told.place
    if not region:
        return c
    key = subject_key(ew, c.subject)
    whole = next((p for p in reversed(earlier + said) if p.measure == c.measure and p.subject and p.compared_as_total
                  and p.article == c.article and subject_key(ew, p.subject) == key), None)
    return replace(c, subject=in_region(c.subject, region), place=c.place or region, place_level=c.place_level or "named",
                   part_of=c.part_of or (f"@{whole.quantity.start}" if whole else None))


def _lead(r: Reading) -> str:
    """The article's headline and first sentence: where the election it reports was held."""
    first = next((end for start, end in r.sentences if start >= r.head_end), r.head_end)
    return r.text[:max(r.head_end, first)]


def _sum_subject(r: Reading, sentence: str, qs_: int, told: list[str]) -> Optional[str]:
    """A sum of the clause's own names ("Sorin and Dask together had 80%") or of the subjects ``told``
    last (vote_scope.sum_of)."""
    start, _ = clause_of(sentence, qs_, qs_)
    return sum_of(sentence, qs_, told, [n[2] for n in names_in(r.v.elections, sentence[start:qs_])])


def _told(earlier: list[Claim], said: list[Claim], measure: str) -> list[str]:
    """The subjects of the article's last results of ``measure`` (this sentence's and the few before),
    oldest first: what 'the two allies between them' adds up."""
    return [c.subject for c in (earlier[-8:] + said) if c.measure == measure and names_a_candidate(c.subject)]


# ---- new claims ------------------------------------------------------------------------------
def result_claims(r: Reading, sentence: str, s0: int, qs: list[Quantity], new: list[Claim],
                  earlier: list[Claim]) -> list[Claim]:
    """Vote shares, counts and turnouts that no trigger found: figures in the shapes results are
    written, in an article about an election."""
    if not qs or r.v.elections is None or not is_election_article(r):
        return []
    ew = r.v.elections
    out: list[Claim] = seat_claims(r, sentence, s0, qs, {c.quantity.start for c in new})
    claimed = {c.quantity.start for c in new + out}
    for i, q in enumerate(qs):
        if q.start in claimed or q.kind == "ordinal" or q.lo is None and q.hi is None:
            continue
        qs_, qe_ = q.start - s0, q.end - s0
        before, after = sentence[max(0, qs_ - 80):qs_], sentence[qe_:qe_ + 80]
        prev = [c for c in sorted(new + out, key=lambda c: c.quantity.start) if c.quantity.end <= q.start
                and c.measure in RESULT_MEASURES]
        measure = None
        subject = None
        percent = (q.unit or "").lower() in ("percent",)
        if percent:
            if progress(ew, sentence, qs_, qe_) or not_a_share(ew, sentence, qs_, qe_):
                continue
            last_pct = next((c for c in reversed(prev) if (c.quantity.unit or "") == "percent"), None)
            if _SHARE_LABEL_BEFORE.search(before) or (prev and _SHARE_OF_COUNT.match(sentence[prev[-1].quantity.end - s0:qs_])
                                                      and prev[-1].measure == "votes"):
                measure = "vote_share"
            elif last_pct is not None:
                measure = last_pct.measure  # "the DA at 23.4% and the MKP at 10.8%": the list's measure
            elif _VOTED_FOR_AFTER.match(after):
                subject = subject_of_result(r, sentence, s0, q, [(c.quantity.start, c.quantity.end) for c in prev], earlier)
                measure = "vote_share" if subject else None
            elif _TURNOUT_WORDS.search(sentence[max(0, qs_ - 120):qs_] + " " + sentence[qe_:qe_ + 15]) or _VOTERS_TOOK_PART.match(after) \
                    or _ELECTORATE_AFTER.match(after):
                measure = "turnout"
            else:
                subject = subject_of_result(r, sentence, s0, q, [(c.quantity.start, c.quantity.end) for c in prev], earlier) \
                    or _sum_subject(r, sentence, qs_, _told(earlier, new + out, "vote_share"))  # "the two polled 41% between them"
                measure = "vote_share" if subject else None
        elif not q.unit and (q.lo or 0) >= 100 and not (q.kind == "exact" and 1900 <= (q.lo or 0) <= 2100):
            if re.match(r"^\s+(?:(?:registered|eligible)\s+voters|(?:\w+\s+)?(?:districts|precincts|stations|constituencies))\b", after):
                continue  # the electorate, or how many districts had reported: not a count of votes
            if (ew.totals_before.search(before) or ew.totals_after.match(after)) and q.kind != "vague":
                measure = "turnout"
            elif _ROW_AFTER.match(after) or _VOTED_FOR_AFTER.match(after) or _VOTES_LABEL_BEFORE.search(before) or (
                    _NAME_AT_BEFORE.search(before) and re.search(r"\b(?:vote|votes|ballots)\b", sentence, re.IGNORECASE)):
                measure = "votes"
            elif _AGAINST_AFTER.match(after) and any(
                    c.measure == "votes" and c.quantity.start > q.start and names_in(ew, sentence[qe_:c.quantity.start - s0])
                    for c in new):
                measure = "votes"
            elif lead := lead_of(ew, before, after, sentence[:qs_]):
                measure, subject = "votes", lead
            elif kind := ballot_kind(ew, sentence, qs_, qe_):
                measure, subject = "votes", kind
            elif any(c.measure == "votes" for c in prev) and re.search(r"\b(?:votes?|ballots)\b", sentence, re.IGNORECASE):
                # "Sorin polled 1.9 million votes against Petrov's 1.4 million": the list's measure,
                # when a name is the figure's own
                own = sentence[prev[-1].quantity.end - s0:qs_]
                if names_in(ew, own):
                    measure = "votes"
        if measure is None:
            continue
        found = Found(r.v.measure(measure), q.text, (qs_, qe_), "unit")
        out.append(make_claim(r, sentence, s0, q, found, subject))
    return out


def of_an_earlier_election(r: Reading, sentence: str, qs_: int, qe_: int) -> bool:
    """'In 2018, Sorin got 50.6%', 'the ANC obtained 57.5% in the 2019 election': a result of an earlier
    year than the article's own date is background, not a rival of this year's count."""
    if _EARLIER_ROUND.search(sentence) or _FIRST_ROUND.search(sentence) and not _RUNOFF.search(sentence) \
            and _runoff_was_held(r.text):
        return True
    published = r.article.published or _latest_year(r.text)
    if not re.match(r"\d{4}", published):
        return False
    clause_after = re.split(r"[,;]|\.\s|\b(?:while|whereas|but|and)\b", sentence[qe_:])[0]
    year = r"((?:19|20)\d\d)\b(?!\s*(?:%|per\s?cent))"
    years = re.findall(r"^\W*(?:back\s+)?(?:in|during)\s+" + year, sentence[:qs_], re.IGNORECASE) \
        + re.findall(r"\b(?:in|during)\s+" + year + r"\s*[:,–-]?\s*$", sentence[max(0, qs_ - 20):qs_], re.IGNORECASE) \
        + re.findall(r"\b(?:in|the)\s+" + year + r"(?:\s+(?:presidential|parliamentary|general|national|local))?\s+"
                     r"(?:elections?|votes?|polls?|race|ballot|referendum)\b", sentence[max(0, qs_ - 80):qs_], re.IGNORECASE) \
        + re.findall(r"\b(?:in|since)\s+" + year, clause_after, re.IGNORECASE)
    return bool(years) and int(years[-1]) < int(published[:4])


_FIRST_ROUND = re.compile(r"\bfirst\s+(?:round|phase)\b", re.IGNORECASE)
_RUNOFF = re.compile(r"\b(?:run-?offs?|second\s+round)\b", re.IGNORECASE)
# "forcing her into a run-off", "faces a second round", "a runoff is expected": a run-off still to come
_RUNOFF_AHEAD = re.compile(r"\b(?:will|would|could|may|might|face[sd]?|facing|forc\w+|head\w*|expected|likely|possible|"
                           r"set\s+for|scheduled|due|need\w*|avoid\w*|looming|upcoming)\b[^.;]{0,40}$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _runoff_was_held(text: str) -> bool:
    """Whether the article reports a run-off (not one to come): then a first round's result is background."""
    said = [m for m in _RUNOFF.finditer(text)]
    return bool(said) and not any(_RUNOFF_AHEAD.search(text[max(0, m.start() - 60):m.start()]) for m in said)


@functools.lru_cache(maxsize=256)
def _latest_year(text: str) -> str:
    """An undated article's year, as far as it tells: the latest year it names ('' when none)."""
    years = years_named(text)
    return str(max(years)) if years else ""


# "In last week's first round, Pezeshkian won 42%": a result of a round before the one reported
_EARLIER_ROUND = re.compile(r"\b(?:last\s+week['’]s|the\s+previous|the\s+earlier|an\s+earlier|last\s+month['’]s)\s+(?:first\s+|initial\s+)?round\b"
                            r"|\bfirst\s+round\s+(?:last\s+week|last\s+month|\w+\s+(?:days|weeks)\s+(?:ago|earlier))\b", re.IGNORECASE)


def lead_of(ew: ElectionWords, before: str, after: str, said_before: str = "") -> Optional[str]:
    """'Sorin's lead was 12,670', 'Sorin ahead by 4,000', '11,779 votes ahead of': a margin in votes,
    whose subject is the leader's lead; a margin with no leader named, in a sentence ``said_before`` it
    that says which side of a referendum won ("voters approved the amendment in a referendum decided by
    a margin of 3,000 votes"), is that side's lead."""
    if _GAP_BEFORE.search(before):
        return _winner_lead(said_before)  # "the difference between it and the MKP was 82,798 votes"
    m = _LEAD_BEFORE.search(before)
    if not m and _BEAT_BY.search(before):
        return "lead"  # "surpassing her main rival, Ana Sorin, by more than 19 million votes"
    if not m and not _AHEAD_AFTER.match(after):
        return None
    name = (m.group("name") or m.group("name2")) if m else None
    leader = clean_name(ew, name) if name else None
    return f"{leader} lead" if leader else _winner_lead(said_before)


# the side a referendum's sentence says won: "voted in favour of the new flag", "approved the amendment"
_OPTION_WON = (("yes", re.compile(r"\b(?:voted|votes?)\s+(?:narrowly\s+)?(?:in\s+favou?r|for\s+[\"“'‘]?yes)\b|"
                                  r"\b(?:approved|backed|endorsed|accepted|passed)\s+(?:the\s+)?(?:\w+\s+)?"
                                  r"(?:proposal|amendment|change|referendum|question|measure)", re.IGNORECASE)),
               ("no", re.compile(r"\b(?:voted|votes?)\s+(?:narrowly\s+)?(?:against|for\s+[\"“'‘]?no)\b|"
                                 r"\b(?:rejected|defeated|voted\s+down)\s+(?:the\s+)?(?:\w+\s+)?"
                                 r"(?:proposal|amendment|change|referendum|question|measure)", re.IGNORECASE)))
_REFERENDUM = re.compile(r"\breferend(?:um|a)\b", re.IGNORECASE)


def _winner_lead(said_before: str) -> str:
    won = [option for option, rx in _OPTION_WON if rx.search(said_before)] if _REFERENDUM.search(said_before) else []
    return f"{won[0]} lead" if len(won) == 1 else "lead"


def ballot_kind(ew: ElectionWords, sentence: str, qs_: int, qe_: int) -> Optional[str]:
    """'92,553 were invalid', 'the number of spoiled ballots was over 600,000', 'Valid votes cast
    were 4,468,668': ballots of one kind, in the figure's clause."""
    clause_before = re.split(r"[,;]|\band\b", sentence[max(0, qs_ - 70):qs_])[-1]
    clause_after = re.split(r"[,;.]|\band\b", sentence[qe_:qe_ + 40])[0]
    counted = re.match(r"^\s*(?:votes|ballots)\b", clause_after, re.IGNORECASE)
    for kind, words in ew.kinds:
        said = (words.search(clause_before) if re.search(r"\b(?:votes|ballots)\b", clause_before, re.IGNORECASE) else None) \
            or (re.search(r"(?P<w>" + words.pattern + r")\s+(?:\w+\s+)?$", clause_before, re.IGNORECASE) if counted else None) \
            or re.match(r"^\s*(?:votes\s+|ballots\s+)?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<w>" + words.pattern + ")", clause_after, re.IGNORECASE)
        if said:
            word = (said.group("w") if "w" in said.re.groupindex else said.group()).lower()
            # as the article says it, with the kind when the word is another: "spoiled ballots (invalid)",
            # "purchased ballots (bought)", keyed by the kind (vote_names.subject_key)
            return f"{word} ballots" if word == kind else f"{word} ballots ({kind})"
    return None


# ---- what is not a result ------------------------------------------------------------------------
def progress(ew: ElectionWords, sentence: str, qs_: int, qe_: int) -> bool:
    """'with 97% of the ballots counted', 'counted and audited 51.9% of the votes', 'only 10% of polling
    place tallies have been counted': how far the count had got, not anyone's share."""
    after = sentence[qe_:qe_ + 90]
    before = sentence[max(0, qs_ - 40):qs_]
    if re.search(r"\b(?:counted|counting|tallied|processed|audited|conducted|verified)(?:\s+and\s+(?:audited|verified|counted))?\s+(?:\w+\s+)?$",
                 before, re.IGNORECASE) and re.match(r"^\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:votes?|ballots|voting|minutes|"
                                                      r"tally\s+sheets|protocols|precincts|districts|polling\s+stations)\b",
                                                      after, re.IGNORECASE):
        return True
    if re.search(r"\b(?:vote|ballot)?\s*count\s+(?:was|is|stood\s+at|reached)\s+$", before, re.IGNORECASE):
        return True  # "the vote count was 97%"
    if re.search(r"\b(?:count|counting|tally|tabulation)\s+of\s+(?:about\s+|some\s+|over\s+|more\s+than\s+)?$", before, re.IGNORECASE) \
            and re.match(r"^\s*of\s+(?:the\s+|all\s+)?(?:votes|ballots|precincts|polling\s+stations|districts|returns)\b", after, re.IGNORECASE):
        return True  # "based on a count of 99.8% of ballots"
    m = ew.progress_after.match(after)
    if not m or _LEADS_WITH_BEFORE.search(before):
        return False  # "Sorin leads with 54% of the ballots counted so far": Sorin's share of them
    # "of the votes counted" alone may be a share of the counted votes ("41.9% of the vote, with 97.7%
    # counted"): progress when "with"/"after" leads the figure or the words say what was counted
    said = after[:m.end() + 12]
    return bool(ew.progress_before.search(before) or re.search(
        r"\b(?:precincts|polling|stations|districts|constituencies|tallies|returns|protocols|minutes|sheets|"
        r"so far|have been|had been|were counted|was counted|reporting)\b", said, re.IGNORECASE)) \
        and not re.match(r"^\s*of\s+(?:the\s+)?(?:counted|valid|total)\s+(?:votes|ballots)", after, re.IGNORECASE)


_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b|p\.c\b)", re.IGNORECASE)
# a result verb then "with": the figure is the share won, whatever follows it
_LEADS_WITH_BEFORE = re.compile(r"\b(?:leads?|leading|led|won|wins|winning|took|takes|finished|came\s+(?:first|second|third)|"
                                r"trails?|trailing|trailed|was\s+(?:first|second|third|ahead|behind))\s+(?:\w+\s+){0,2}?with\s+"
                                r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)


def stage_before(r: Reading, s0: int, earlier: list[Claim]) -> Optional[str]:
    """'With 61% of the ballots counted, Velkova had 51.2%. Dask was second with 44.9%': the stage said
    last before the sentence at ``s0`` holds for its results (an article reports one count): a stage of
    an earlier result, or a share of the ballots counted said in a sentence with no result of its own."""
    ew = r.v.elections
    said = next(((c.sentence_start, c.count_stage) for c in reversed(earlier)
                 if c.measure in RESULT_MEASURES and c.count_stage), (-1, None))
    for start, end in reversed(r.sentences):
        if start >= s0:
            continue
        if start <= said[0]:
            break
        counted = progress_in(ew, r.text[start:end])
        if counted:
            return f"{counted} counted"
        if not _PERCENT.search(r.text[start:end]) and count_stage_of(ew, r.text[start:end], None) == "final":
            return "final"  # "The commission revealed the final figures." before the figures it revealed
    return said[1]


def progress_in(ew: ElectionWords, sentence: str) -> Optional[str]:
    """The share of the count said in the sentence, whether or not a trigger read it as a claim: a
    percentage ("with 97% of the ballots counted") or a word ("with half the votes counted")."""
    said = next((m.group() for m in _PERCENT.finditer(sentence) if progress(ew, sentence, m.start(), m.end())), None)
    if said:
        return said
    m = _WORD_PROGRESS.search(sentence)
    return f"{m.group('more') or ''}{m.group('share').lower()}" if m else None


# "with half the votes counted", "results from half of the total polling stations reporting"
_FRACTIONS = {"all": 100.0, "half": 50.0, "a third": 100 / 3, "a quarter": 25.0, "two thirds": 200 / 3, "two-thirds": 200 / 3,
              "three quarters": 75.0, "three-quarters": 75.0}
_WORD_PROGRESS = re.compile(r"\b(?P<more>(?:over|more than|just over|nearly|almost|about) )?(?P<share>" + "|".join(_FRACTIONS)
                            + r")\s+(?:of\s+)?(?:the\s+|all\s+)?(?:total\s+|\w+\s+)?(?:[\d,]+\s+)?(?:votes|ballots|(?:polling|voting)\s+stations|"
                            r"precincts|districts|returns|tally\s+sheets)\s+(?:\w+\s+){0,3}?(?:counted|reporting|reported|tallied|in)\b",
                            re.IGNORECASE)


def stage_after(r: Reading, s0: int, sentence: str) -> Optional[str]:
    """'The MK had 10.98% of the counted votes. With more than 55% of the vote counted so far, the MK
    had chipped into the ANC's tallies': the share of the count said in the next sentence, when that
    sentence gives no result of its own, is the stage of the results just before it."""
    ew = r.v.elections
    end = s0 + len(sentence)
    nxt = next(((a, b) for a, b in r.sentences if a >= end), None)
    if nxt is None or r.text[end:nxt[0]].count("\n") > 1:
        return None  # the article's last sentence, or a new paragraph
    text = r.text[nxt[0]:nxt[1]]
    counted = progress_in(ew, text)
    if not counted or any(not progress(ew, text, m.start(), m.end()) for m in _PERCENT.finditer(text)):
        return None
    return f"{counted} counted"


def not_a_share(ew: ElectionWords, sentence: str, qs_: int, qe_: int) -> bool:
    """A margin ('won by 2.1 points'), a threshold ('the 5% threshold'), a change ('up 3 points'), an
    abstention or a survey of intentions: a percentage that is no one's vote share."""
    # a verb of passing the figure itself opens with counts as before it: "(crossed the) 5-percent threshold"
    lead = re.match(r"\D*", sentence[qs_:qe_]).group()
    before = sentence[max(0, qs_ - 40):qs_] + (lead if re.match(r"(?:cross|clear|exceed|surpass|pass)", lead, re.IGNORECASE) else "")
    if _SCORE_AFTER.match(sentence[qe_:qe_ + 20]):
        return False  # "won by 51.9% to 48.1%", "backed the change by 63% to 37%": the result, not a margin
    return bool(ew.not_share_after.match(sentence[qe_:qe_ + 50]) or ew.not_share_before.search(before))


_SCORE_AFTER = re.compile(r"^\s*to\s+\d+(?:[.,]\d+)?\s?(?:%|per\s?cent|percent)", re.IGNORECASE)


def count_stage_of(ew: ElectionWords, sentence: str, progress_text: Optional[str]) -> Optional[str]:
    """The stage the sentence gives its figures at; not one it sets them against ("an increase of 6%
    when compared with the initial data")."""
    if progress_text:
        return f"{progress_text} counted"
    return next((name for name, rx in ew.stages for m in rx.finditer(sentence)
                 if not _COMPARED_BEFORE.search(sentence[max(0, m.start() - 30):m.start()])), None)


_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|than|from|over|unlike)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)


def clause_of(sentence: str, qs_: int, qe_: int) -> tuple[int, int]:
    """Where the clause a figure stands in starts and stops: the breaks before and after it."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence[:qs_])), default=0)
    stop = next((qe_ + m.start() for m in _CLAUSE_BREAK.finditer(sentence[qe_:])), len(sentence))
    return start, stop


def producer_of(ew: ElectionWords, sentence: str, last_figure: Optional[int] = None) -> Optional[str]:
    """Who produced the figures of a sentence, when it says so: an exit poll (by its pollster's name),
    a parallel count, a poll before the vote, the election commission. A poll before the vote named
    only after the sentence's last figure ("50.3% against, a result few recent polls foresaw") is
    what the result is set against, not its source."""
    for name, rx in ew.producers:
        m = rx.search(sentence)
        if m and not (name == "pre election poll" and last_figure is not None and m.start() >= last_figure):
            if name == "exit poll":
                who = ew.pollsters.search(sentence)
                return f"{who.group()} exit poll" if who else "exit poll"
            return name
    who = ew.pollsters.search(sentence)
    return f"{who.group()} poll" if who else None


# ---- count stages, for alignment ------------------------------------------------------------------
_STAGE_PROGRESS = {"final": 100.0, "preliminary": 50.0, "partial": 50.0}


def count_progress(stage: Optional[str]) -> Optional[float]:
    """How far a count had got (0-100) by a claim's ``count_stage``; None when not said ("official"
    says whose count, not how far it had got)."""
    if not stage:
        return None
    m = re.search(r"(\d+(?:[.,]\d+)?)", stage)
    if m:
        return min(100.0, float(m.group(1).replace(",", ".")))
    word = next((w for w in _FRACTIONS if re.search(r"\b" + w + r"\b", stage, re.IGNORECASE)), None)
    return _FRACTIONS[word] if word else _STAGE_PROGRESS.get(stage)


def as_written(c: Claim) -> Optional[tuple[float, float]]:
    """A result is written rounded, or cut short: "52%" for 52.6%, "2.3 million" for 2,350,711, "12,000"
    for 12,670. An exact result is compared as every figure that reads so: from half a unit of its last
    written digit below to a whole unit above. A count's round bound ("more than 5 million ballots",
    "nearly 5 million") is a rounding too: its open end reaches 1% past the round figure, so "more than
    5 million" and "nearly 5 million" both hold for about 5 million. None for other claims."""
    q = c.quantity
    if c.measure not in RESULT_MEASURES or c.measure == SEAT_MEASURE:
        return None  # (seats are counted one by one, never rounded: 194 is not 195)
    if q.kind != "exact" and (q.unit or "") != "percent":
        return _round_bound(q)
    if q.kind != "exact" or q.lo is None or q.lo != q.hi:
        return None
    m = re.search(r"\d[\d, \u00a0.]*", q.text)
    if not m:
        return None
    digits = m.group().strip().rstrip(".,")
    if (q.unit or "") == "percent" or re.search(r"[.,]\d{1,2}$", digits) and not re.search(r",\d{3}$", digits):
        decimals = len(re.split(r"[.,]", digits)[-1]) if re.search(r"[.,]\d{1,2}$", digits) else 0
        unit = 10.0 ** -decimals
    else:
        whole = re.sub(r"\D", "", digits.split(".")[0])
        unit = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if len(whole) >= 4 else 1.0
        if "." in digits:
            unit = 10.0 ** -len(digits.split(".")[-1])
    written = parse_digit_run(digits, point_groups_thousands=q.lo >= 1000)  # the numbers stage's reading
    if not written:
        return None  # a form we cannot read back: compared exactly
    scale = q.lo / written  # "1.4 million": the written digits times a scale word
    unit *= scale if scale >= 1000 else 1.0
    return q.lo - unit / 2, q.lo + unit


def _round_bound(q: Quantity) -> Optional[tuple[float, float]]:
    """'more than 5 million' as [4.95 million, inf), 'nearly 5 million' as [4.5, 5.05 million]: the open
    end of a count's bound at a round figure (a thousand or more, ending in three zeros), loosened by 1%."""
    lo = float("-inf") if q.lo is None else q.lo
    hi = float("inf") if q.hi is None else q.hi
    if q.lo_open and q.lo is not None and q.lo >= 1000 and q.lo % 1000 == 0:
        return lo * 0.99, hi
    if q.hi_open and q.hi is not None and q.hi >= 1000 and q.hi % 1000 == 0:
        return lo, hi * 1.01
    return None


def counted_further(a: Claim, b: Claim) -> Optional[tuple[Claim, Claim]]:
    """Of two results of one count, the one given when more had been counted, and the other: (later,
    earlier); None when the articles do not say how far the count had got."""
    pa, pb = count_progress(a.count_stage), count_progress(b.count_stage)
    if a.measure not in RESULT_MEASURES or pa is None or pb is None or pa == pb:
        return None
    return (a, b) if pa > pb else (b, a)


def is_a_later_count(later: Claim, earlier: Claim) -> bool:
    """A result after a partial count ("with 60% counted", "preliminary") changes as counting goes on:
    a different later figure is an update, not a contradiction."""
    pe, pl = count_progress(earlier.count_stage), count_progress(later.count_stage)
    if later.measure not in RESULT_MEASURES:
        return False
    if pe is None:
        # a result of no stated stage, then the final count (in a later article): the count went on,
        # unless the first is a poll's or a parallel count's, which the final count disputes
        return pl == 100 and earlier.side in (None, "official") and later.side in (None, "official")
    # "preliminary" then "preliminary" again in a later article: the count went on between them; the
    # same stated share counted ("97% counted") twice is one count, where two figures conflict
    vague = not re.search(r"\d", earlier.count_stage or "")
    return pe < 100 and (pl is None or pl > pe or (pl == pe and vague))


# ---- the sentence pass -------------------------------------------------------------------------
def whose_votes(r: Reading, new: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """Every vote share and count of the sentence gets its subject, its count stage and who produced
    it; the progress of the count, thresholds, margins in points and changes are dropped; a count of
    all ballots is the turnout."""
    ew = r.v.elections
    if ew is None or not any(c.measure in RESULT_MEASURES for c in new):
        return new
    new = sorted(new, key=lambda c: c.quantity.start)
    sentence, s0 = next((c.sentence, c.sentence_start) for c in new)
    kept, progress_text = [], None
    for c in new:
        qs_, qe_ = c.quantity.start - s0, c.quantity.end - s0
        if c.measure in RESULT_MEASURES and (c.quantity.unit or "") == "percent" and progress(ew, sentence, qs_, qe_):
            progress_text = c.quantity.text
            continue
        if c.measure == "vote_share" and not_a_share(ew, sentence, qs_, qe_):
            continue
        if c.measure in ("vote_share", "turnout") and (c.quantity.unit or "") == "percent" and (c.quantity.lo or 0) > 100:
            continue  # "a 120% rise": no share of the vote is over a hundred
        if c.measure == "participants" and re.match(r"\s+(?:eligible|registered)\s+voters\b", sentence[qe_:qe_ + 25], re.IGNORECASE):
            continue  # "Iran's 61 million eligible voters took part": the electorate, not a crowd
        if c.measure == "turnout" and c.trigger_span and c.trigger_span[0] > c.quantity.end \
                and "," in r.text[c.quantity.end:c.trigger_span[0]]:
            # "Dask has gained 8.7%, in keeping with the predictions of polling firms": a result whose
            # turnout word is in another clause
            subject = subject_of_result(r, sentence, s0, c.quantity, [], earlier)
            c = replace(c, measure="vote_share", subject=subject, trigger=None, trigger_span=None) if subject else c
        if c.measure == "turnout" and _VOTED_FOR_AFTER.match(sentence[qe_:qe_ + 60]):
            # "more than 80% of voters voted for Sorin in closed polling stations": Sorin's result
            c = replace(c, measure="vote_share" if (c.quantity.unit or "") == "percent" else "votes", trigger=None, trigger_span=None)
        if c.measure == "votes" and _MORE_THAN_AFTER.match(sentence[qe_:qe_ + 30]) or _MORE_THAN_AFTER.match(
                c.quantity.text.split()[-1] + sentence[qe_:qe_ + 30]):
            # "500 votes more than he had in the first count": a change, compared with no total
            c = replace(c, quantity=replace(c.quantity, increment=True))
        if c.measure == "votes" and (not c.subject or c.subject in r.v.general_subjects) and (
                ew.totals_before.search(sentence[max(0, qs_ - 80):qs_]) or ew.totals_after.match(sentence[qe_:qe_ + 80])):
            c = replace(c, measure="turnout")
        kept.append(c)
    stage = count_stage_of(ew, sentence, progress_text or progress_in(ew, sentence))
    producer = producer_of(ew, sentence, max((c.quantity.end - s0 for c in kept), default=None))
    if stage in (None, "partial", "preliminary") and producer in (None, "commission"):
        # (an exit poll or a parallel count is not at the official count's stage)
        before = None if stage_after(r, s0, sentence) else stage_before(r, s0, earlier)
        # a stage said in words ("partial", "as of 9 pm") gives way to a share counted said around it
        stage = stage_after(r, s0, sentence) or (before if stage is None or before and re.search(r"\d", before) else stage)
    out: list[Claim] = []
    for c in kept:
        if c.measure in RESULT_MEASURES:
            if c.measure == "turnout" and (c.quantity.unit or "") != "percent" and (
                    not c.subject or c.subject in r.v.general_subjects):
                # a count of ballots cast and a share of the electorate are two figures, compared apart:
                # "4.1 million people voted" never contradicts "turnout was 61%"
                c = replace(c, subject="ballots cast")
            if c.measure in VOTE_MEASURES and not c.subject:
                bounds = [(p.quantity.start, p.quantity.end) for p in kept if p.measure in VOTE_MEASURES and p is not c]
                qs_, qe_ = c.quantity.start - s0, c.quantity.end - s0
                subject = (ballot_kind(ew, sentence, qs_, qe_) or lead_of(ew, sentence[max(0, qs_ - 80):qs_], sentence[qe_:qe_ + 80], sentence[:qs_])
                           ) if c.measure == "votes" else None
                prev = next((p for p in reversed(out) if p.measure in VOTE_MEASURES and p.subject), None)
                if not subject and prev and c.quantity.increment and _MORE_THAN_AFTER.match(sentence[qe_:qe_ + 30]):
                    subject = prev.subject  # "won by 11,779 votes, about 900 fewer than the hand count": the lead's change
                # "between them the two allies polled 41%": the shares told last, added up
                subject = subject or _sum_subject(r, sentence, qs_, _told(earlier, out, c.measure))
                subject = subject or subject_of_result(r, sentence, s0, c.quantity, bounds, earlier)
                if subject is None:
                    # "1,204,511 votes (55.1%)", "won 52.6% of the vote, a total of 2,350,711 votes":
                    # the share or count of the figure just before it, when no name stands between
                    prev = next((p for p in reversed(out) if p.measure in VOTE_MEASURES and p.subject), None)
                    between = sentence[prev.quantity.end - s0:c.quantity.start - s0] if prev else ""
                    if prev and not names_in(ew, between) and (prev.measure != c.measure or c.measure == SEAT_MEASURE):
                        # (seats after seats are the same party's: "157 seats, up from 130", "194 seats in the
                        # Sejm and 34 in the Senate"; a share after a share is another candidate's)
                        subject = prev.subject
                    elif prev and prev.subject in ("yes", "no") and re.fullmatch(r"\s*to\s*", between):
                        subject = "no" if prev.subject == "yes" else "yes"  # "backed it by 63% to 37%"
                    elif prev and not names_in(ew, between) and region_of(ew, sentence, qs_, qe_, _lead(r)) not in (None, prev.place):
                        subject = split_region(prev.subject)[0]  # "won 38% nationally and 61% in the north": its own region's
                c = replace(c, subject=subject)
            if c.measure in VOTE_MEASURES:
                c = replace(c, subject=with_acronym(r, c.subject))
            if c.measure in ("vote_share", "votes") and c.subject:
                c = _in_its_region(r, c, out, earlier)  # "leads with 45% in Talvia": never compared with the nation's
            # "a parallel count gave Dask 51%, while the commission said Velkova won 58%": each figure's
            # own clause names its producer, before the sentence does
            start, stop = clause_of(sentence, c.quantity.start - s0, c.quantity.end - s0)
            last = max(p.quantity.end - s0 for p in kept if start <= p.quantity.start - s0 < stop)
            own = producer_of(ew, sentence[start:stop], last - start)
            made_by = own or producer_of(ew, sentence[:c.quantity.start - s0])  # (not one named after it)
            background = c.background or made_by == "pre election poll" or of_an_earlier_election(
                r, sentence, c.quantity.start - s0, c.quantity.end - s0)
            # the producer the sentence names ("Ipsos exit poll") says more than a bare name ("Ipsos")
            named = made_by if made_by and made_by != "pre election poll" else None
            named = "election commission" if named == "commission" else named
            said_by = c.attribution
            if said_by and not own and sentence.find(said_by) >= stop:
                said_by = None  # "Velkova had 58%, but an exit poll by Ipsos gave Dask 49%": Ipsos is Dask's
            if named and said_by and named.lower() in said_by.lower():
                attribution = said_by  # "according to an Ipsos exit poll": as the article says it
            elif named and (own or not said_by or said_by.lower() in named.lower()):
                attribution = named
            else:
                attribution = said_by
            party, side = r.v.party_of(attribution)
            at_stage = None if background or own not in (None, "commission") else stage
            c = replace(c, count_stage=c.count_stage or at_stage, background=background,
                        attribution=attribution, party=party, side=side)
        out.append(c)
    return out
