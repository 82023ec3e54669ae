"""Names in election results: the candidates, parties, lists and options a sentence names, which of
them a figure belongs to (the head of a noun phrase, the name before an apposition), and the keys
under which one candidate's figures from several articles meet ("Emmerson Mnangagwa" and
"MNANGAGWA", "Democratic Alliance" and "DA"). Used by votes.py (whose result a figure is) and by
alignment (subject_keys).

Names are found, not known: capitalised words (and "Law and Justice", "uMkhonto we Sizwe (MK)"), less
the words of data/elections.toml that are no candidate, and spelled as its alias table says.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .election_words import ElectionWords, fold
from .reading import Reading
from .vote_scope import REGION_JOIN, SUM_JOIN, split_region, split_sum

# a name: capitalised words ("Nelson Chamisa", "ANC", "PiS", "uMkhonto"), joined by a few small words
# when a capitalised word follows ("Law and Justice", "Citizens Coalition for Change"), then maybe an
# acronym in brackets ("(KO)"); a possessive at the end ("Chamisa's") is noted
NAME_TOKEN = r"(?:[A-Z\u00C0-\u00DE][\w'’.\-]*|[a-z]{1,2}[A-Z][\w\-]*)"  # ("uMkhonto weSizwe")
_NAME = re.compile(r"(?<![\w'’])(?P<name>" + NAME_TOKEN + r"(?:\s+(?:(?:and|of|for|the|de|del|la|le|we|von|van|al|y)\s+)*"
                   + NAME_TOKEN + r")*)(?:\s*\((?P<acronym>[A-Z][\w.\-]{0,9})\))?")

# before a name: it is the object of a comparison or a defeat, not the one whose votes follow
_OBJECT_BEFORE = re.compile(r"\b(?:behind|ahead\s+of|against|over|beat|beating|beats|defeated|defeating|than|versus|vs\.?|"
                            r"deposed|succeeded|replaced|from|trailing|trailed|surpass\w*|outpac\w+|between\s+it\s+and)\s+(?:(?:the|a|an)\s+)?"
                            r"(?:[a-z][\w-]*,?\s+){0,4}$", re.IGNORECASE)

def clean_name(ew: ElectionWords, raw: str, acronym: Optional[str] = None) -> Optional[str]:
    """A candidate, party or option as the article names it, or None for what is no name: sentence
    openers, titles, times, field labels ("Support"), and counting or reporting bodies."""
    words = raw.replace("’", "'").split()
    if words and re.search(r"'s$", words[-1]):
        words[-1] = words[-1][:-2]
    words = [w.strip(".,:") for w in words]
    while words and (fold(words[0]) in ew.not_names or not words[0]) and not (
            fold(words[0]) in _ORDINALS and len(words) > 1):  # "Third Way" is a party, "Third" a place
        words.pop(0)
    while words and len(words) == 1 and words[0].lower().endswith("ly") and words[0].lower() not in ew.aliases:
        words.pop(0)
    while words and (fold(words[-1]) in ew.not_names or words[-1].lower() in ("and", "of", "for", "the", "de", "y")
                     or not words[-1]):
        words.pop()
    if not words:
        return None
    if any(fold(w) in ew.bodies for w in words) or (acronym and fold(acronym) in ew.bodies):
        return None
    if len(words) == 1 and len(words[0]) < 2:
        return None
    # "Emmerson MNANGAGWA" in a results table: a shouted surname, written as in the prose
    titled = any(w[:1].isupper() and not w.isupper() for w in words)  # "Marta VELKOVA", not "ZANU PF"
    words = [w.capitalize() if w.isupper() and w.isalpha() and (len(w) > 4 or titled and len(w) > 2) else w for w in words]
    # "Velkova of the Harbour Party", "Nelson Chamisa of the Citizens Coalition for Change (CCC)": the
    # person, not the party named after them ("Alliance of Liberals", "Law and Justice" stay whole)
    of = next((i for i, w in enumerate(words) if w == "of"), None)
    if of and of <= 3 and of + 1 < len(words) and not any(fold(w) in _ORG_WORDS for w in words[:of]) \
            and all(w[:1].isupper() for w in words[:of]):
        words, acronym = words[:of], None
    name = " ".join(words)
    if acronym:
        name += f" ({acronym})"
    return ew.in_english(ew.canonical(name))


# words of an organisation's name, not a person's: "Democratic Alliance" is keyed whole, "Ana Sorin" by "sorin"
_ORG_WORDS = frozenset(("party", "front", "alliance", "coalition", "union", "congress", "movement", "left", "right",
                        "way", "bloc", "league", "freedom", "fighters", "democratic", "national", "people's", "list",
                        "republic", "democrats", "republicans", "socialists", "greens", "council", "forum"))


def names_in(ew: ElectionWords, text: str, offset: int = 0, antecedents: bool = False) -> list[tuple[int, int, str, bool]]:
    """The names in ``text``: (start, end, name, possessive), offsets shifted by ``offset``. Names said
    to report ("X said", "according to X") are left out: they give the figure, they did not win it;
    so are places a count was held in ("as counting went on in Talvia, the party had 11%") and a name
    owning another noun, unless the names are a pronoun's ``antecedents`` ("the MK's gains came from the
    east, where it leads", "Dask said his own count gave him 49%")."""
    blanked = text.replace("*", " ")
    out = []
    for m in _NAME.finditer(blanked):
        name = clean_name(ew, m.group("name"), m.group("acronym"))
        if not name:
            continue
        lead = blanked[max(0, m.start() - 40):m.start()]
        if not antecedents and (
                re.search(r"\b(?:according\s+to|(?:reported|published|compiled|announced)\s+by)\s+(?:the\s+)?$", lead, re.IGNORECASE)
                or re.match(r"\s+(?:said|says|reported|reports|announced|told|showed)\b(?!\s*$)", blanked[m.end():])):
            continue
        possessive = bool(re.search(r"['’]s$", m.group("name"))) and not m.group("acronym")
        owns_figure = possessive and re.match(r"^\s*(?:(?:tally|share|total|result|count)\s+(?:\w+\s+){0,5})?$", blanked[m.end():])
        if possessive and not owns_figure and not antecedents:
            continue  # "Iran's presidential election": a place that owns the noun after it
        if re.search(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", lead) and not possessive \
                and not re.match(r"^\s*[(:–—-]\s*$", blanked[m.end():]):
            continue  # "counting continued in Talvia", "in the Capital Region": where, not who
        # "beat Dask (41.2%)", "against Dask: 41.2%", "ahead of the Greens on 22.9%": the rival's own
        # figure follows the rival's name
        tagged = re.match(r"^\s*(?:[(:–—-]|on|at)\s*$", blanked[m.end():])
        obj = _OBJECT_BEFORE.search(lead)
        if obj and not owns_figure and not tagged and not re.search(r",\s+where\b", obj.group()) \
                and not re.match(r",?\s+who\b", blanked[m.end():m.end() + 8]):
            continue  # "ahead of Chamisa", "against ultraconservative Saeed Jalili": the rival, not the one counted
        out.append((offset + m.start(), offset + m.end(), name, possessive))
    return out


def outside_apposition(names: list[tuple[int, int, str, bool]], sentence: str, limit: Optional[int] = None
                       ) -> list[tuple[int, int, str, bool]]:
    """'Ana Sorin, the candidate of the coalition formed by the Greens, Labour and the Left, won 52%':
    the names inside an apposition after a name describe it; the name before them is the one counted."""
    for i, (_, end, _, _) in enumerate(names[:-1]):
        if not re.match(r",\s+(?:(?:a|an|the)\s+)?[a-z]", sentence[end:end + 40]):
            continue
        last_comma = sentence.rfind(",", end + 1, len(sentence) if limit is None else limit)
        rest = [n for n in names[i + 1:] if n[0] > last_comma]
        if last_comma > names[i + 1][1] and not rest:
            return names[:i + 1]
    return names


def with_acronym(r: Reading, subject: Optional[str]) -> Optional[str]:
    """'KO' as the article spells it out elsewhere: 'Civic Coalition (KO)'; 'Economic Freedom Fighters'
    as 'Economic Freedom Fighters (EFF)' when the article writes 'EFF' (so figures under either meet)."""
    if subject and " " in subject and "(" not in subject and subject.lower() not in NOT_PEOPLE \
            and " " in subject_key(r.v.elections, subject):  # a party's name, not a person's (keyed by surname)
        initials = _initials(_bare(subject)).upper()
        for acronym in (initials, initials + "P"):
            if len(acronym) >= 2 and re.search(r"\b" + acronym + r"\b", r.text):
                return f"{subject} ({acronym})"
        return subject
    if not subject or not re.fullmatch(r"[A-Z][A-Za-z]{1,5}", subject) or subject.lower() in ("yes", "no"):
        return subject
    m = re.search(r"(?<![\w'’])(" + NAME_TOKEN + r"(?:\s+(?:(?:and|of|for|the|we)\s+)*" + NAME_TOKEN + r")*)\s*\(" + re.escape(subject) + r"\)", r.text)
    # ("The Harbour Front (HF)" opening a sentence is the "Harbour Front (HF)")
    return f"{_ARTICLE_FIRST.sub('', m.group(1))} ({subject})" if m else subject


_ARTICLE_FIRST = re.compile(r"^(?:The|A|An)\s+")


_ORDINALS = ("first", "second", "third", "fourth", "fifth")

NOT_PEOPLE = ("yes", "no", "invalid ballots", "valid ballots")
# ballots of a kind named by another word: "spoiled ballots (invalid)" (votes.ballot_kind)
_BALLOTS_OF_KIND = re.compile(r"^(?P<word>.+) ballots \((?P<kind>[\w ]+)\)$")


def names_a_candidate(subject: Optional[str]) -> bool:
    """Whether a vote subject is a candidate or party (in a region or not): not a margin ("lead"), a kind
    of ballots, several parties added up, or a referendum's option, written in lower case as every
    subject that is no name is ("yes", "no", "against all", an option in quotes: "the 'sure' vote")."""
    return bool(subject) and subject not in NOT_PEOPLE and subject != "lead" and subject != subject.lower() \
        and not subject.endswith((" lead", " ballots")) and SUM_JOIN not in subject and not _BALLOTS_OF_KIND.match(subject)

# between two names of one noun phrase: "Nelson Chamisa, 45, who heads the Citizens Coalition for Change",
# "Mnangagwa of the ZANU-PF", "Jorge Alvarez, the Citizen Movement candidate,": the first is the one counted
_SAME_PHRASE = re.compile(r"^(?:[\s,–-]|\b(?:of|the|a|an|who|heads|leads|led|by|formed|candidate|leader|chief|head|"
                          r"coalition|party|alliance|group|backed|for|and|\d{1,3}|year-old)\b)*$", re.IGNORECASE)


def head_of(names: list[tuple[int, int, str, bool]], text: str) -> str:
    """The name a figure belongs to, of the names before it: the nearest, or the head of the noun
    phrase it ends ("Mnangagwa of the ZANU-PF got 52.6%"); a title before a person leaves the person
    ("CCC leader Nelson Chamisa")."""
    i = len(names) - 1
    while i > 0:
        gap = text[names[i - 1][1]:names[i][0]]
        dash = gap.strip() in ("–", "-", "—")  # "Zimbabwe African National Union – Patriotic Front"
        modifier = re.match(r"^\s*,\s*(?:the\s+)?$", gap) and re.match(r"\s+(?:candidate|nominee)\b", text[names[i][1]:names[i][1] + 12])
        if not (dash or modifier) and (not _SAME_PHRASE.match(gap) or not re.search(
                r"\bof\b|\bwho\b|,\s*\d{1,3}\s*,|,\s*(?:the\s+)?candidate\b", gap)
                or re.search(r"\band\b", gap) and not re.search(r"\bformed\b", gap)):
            break
        i -= 1
    return names[i][2]


def subject_key(ew: ElectionWords, subject: str) -> str:
    """The key under which figures of one candidate, party or option are compared: the acronym of a
    party given one ("Civic Coalition (KO)" and "KO"), else a person's surname ("Emmerson Mnangagwa"
    and "Mnangagwa"), folded; aliases first."""
    kind = _BALLOTS_OF_KIND.match(subject)
    if kind:
        return f"{fold(kind.group('kind'))} ballots"  # "spoiled ballots (invalid)" meets "invalid ballots"
    for what in (" lead", " ballots"):  # "Joe Biden lead" and "Biden lead": one leader's margin
        if subject.endswith(what) and subject != what.strip():
            return subject_key(ew, subject[:-len(what)]) + what
    who, region = split_region(subject)
    if region:
        return subject_key(ew, who) + REGION_JOIN + fold(region)  # "Greens in Talvia": never the nation's "greens"
    canon = compared_as(ew, subject)
    if canon != ew.canonical(subject):
        return subject_key(ew, canon)  # "Terza Via (Third Way)" is compared as "Third Way"
    m = re.search(r"\(([^)]+)\)\s*$", canon)
    if m:
        acronym = m.group(1).split(",")[-1].strip().replace(".", "")  # "(Civic Coalition, KO)": the acronym
        if acronym.endswith("P") and re.search(r"\b" + re.escape(acronym[:-1]) + r"\s+Party\b", canon):
            acronym = acronym[:-1]  # "the MK Party (MKP)" is the MK
        return fold(acronym)
    if re.fullmatch(r"(?:[A-Z]\.){1,5}[A-Z]?\.?", canon):
        return fold(canon.replace(".", ""))  # "M.K." is the MK
    words = fold(canon).split()
    if 2 <= len(words) <= 3 and not any(w in ("and", "of", "for") or w in _ORG_WORDS for w in words):
        return words[-1]
    return " ".join(words)


def compared_as(ew: ElectionWords, subject: str) -> str:
    """The name a subject is compared under: as the alias table spells it, and a name translated
    without an acronym by its English name ("Konfederacja (Confederation)" as "Confederation"; one with
    an acronym, "Koalicja Obywatelska (Civic Coalition, KO)", is compared by its acronym)."""
    canon = ew.canonical(subject)
    english = ew.english_name(canon)
    return english if english and not re.search(r",[^(),]+\)\s*$", canon) else canon


_SMALL_WORDS = ("of", "and", "for", "the", "de", "la", "we", "y")


def _bare(name: str) -> str:
    """A party's name folded, without its acronym, a leading "the" or a trailing "party"."""
    words = fold(re.sub(r"\s*\([^)]*\)\s*$", "", name)).split()
    while words and words[0] == "the":
        words.pop(0)
    while words and words[-1] == "party":
        words.pop()
    return " ".join(words)


def _initials(bare: str) -> str:
    """'economic freedom fighters' -> 'eff' (small words left out)."""
    return "".join(w[0] for w in bare.split() if w not in _SMALL_WORDS)


def subject_keys(ew: ElectionWords, subjects) -> dict[str, str]:
    """Each subject's key (`subject_key`), where a name holding another subject's one-word key takes
    it: "Claudia Sheinbaum Pardo" meets "Sheinbaum", "Jorge Alvarez Maynez" meets "Alvarez"."""
    subjects = list(subjects)
    # a region's result is keyed by its candidate's key and the region ("Greens in Talvia": "greens in talvia"), a
    # sum by its parties' keys ("Harbour Alliance + Open List" and "HA + Open List": "ha + open list")
    scoped = {s: (split_sum(split_region(s)[0]), split_region(s)[1]) for s in subjects}
    if any(len(who) > 1 or region for who, region in scoped.values()):
        keys = subject_keys(ew, [w for s in subjects for w in scoped[s][0]])  # (as often as written)
        return {s: SUM_JOIN.join(sorted(keys[w] for w in who)) + (REGION_JOIN + fold(region) if region else "")
                for s, (who, region) in scoped.items()}
    named = {s: compared_as(ew, s) for s in set(subjects)}
    base = {s: subject_key(ew, s) for s in named}
    # a name spelled out without its acronym meets the acronym: "Democratic Alliance" is the "DA" when
    # another article writes "Democratic Alliance (DA)", or when its initials are an acronym in use
    acronyms = {k for s, k in base.items() if re.search(r"\([^)]+\)\s*$", named[s]) or named[s].isupper()}
    # (a name given two acronyms, "Civic Coalition (KO)" in most figures and "(PO)" in one, takes the one
    # written most often, not whichever came last)
    written = Counter(subjects)
    spelled_as: dict[str, Counter] = {}
    for s, k in base.items():
        if re.search(r"\([^)]+\)\s*$", named[s]):
            spelled_as.setdefault(_bare(named[s]), Counter())[k] += written[s]
    spelled = {bare: max(ks, key=lambda k: (ks[k], k)) for bare, ks in spelled_as.items()}
    for s, k in base.items():
        bare = _bare(named[s])
        if k in acronyms or len(bare.split()) < 2:
            continue
        if bare in spelled:
            base[s] = spelled[bare]
        elif _initials(bare) in acronyms:
            base[s] = _initials(bare)
    # the one-word names as written ("Sheinbaum"), not keys taken from longer names
    singles = Counter(fold(named[s]) for s in subjects if re.fullmatch(r"[^\W\d_][\w'’-]*", named[s]))
    out = {}
    for s, k in base.items():
        words = re.findall(r"[a-z0-9'-]+", fold(named[s]))
        hits = [w for w in words if w in singles and w != k]
        out[s] = max(hits, key=lambda w: (singles[w], w)) if hits and not k.endswith((" lead", " ballots")) else k
    return out


# the opposition described, not named, as the one whose share follows: "the liberal opposition stood at 28%",
# "the main opposition bloc took 30%" (not its leader or candidate, who is a person a pronoun stands for)
_OPPOSITION = re.compile(r"\bthe\s+(?P<who>(?:[a-z-]+\s+){0,2}opposition(?:\s+(?:party|bloc|coalition|alliance|parties))?)\b"
                         r"(?!['’]s|\s+(?:leader|candidate|figure|chief|head)\b)(?:\s+(?:\w+\s+){0,3})?$", re.IGNORECASE)
# the opposition named: "the main opposition party, the Harbour Party (HP)", "the liberal opposition Harbour
# Party", "the Harbour Party, the main opposition"
_OPPOSITION_NAMED = re.compile(r"\bopposition\s+(?:(?:party|bloc|coalition|alliance),?\s+)?(?:the\s+)?(?P<a>" + NAME_TOKEN + r"[^,.;:]{0,60})"
                               r"|(?P<b>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r"){0,4}(?:\s*\([^)]{1,10}\))?),\s+the\s+(?:[a-z-]+\s+){0,2}opposition\b")


def opposition_described(r: Reading, before: str) -> Optional[str]:
    """'the liberal opposition stood at 28%': the party the article calls the opposition by name, else the
    description as written (in lower case: no name); None when ``before`` (the figure's clause up to
    it) describes no opposition."""
    m = _OPPOSITION.search(before)
    if not m:
        return None
    return _opposition_named(r) or " ".join(m.group("who").lower().split())


def _opposition_named(r: Reading) -> Optional[str]:
    """The one party an article calls the opposition by name, if it names exactly one."""
    ew = r.v.elections
    found = set()
    for m in _OPPOSITION_NAMED.finditer(r.text):
        names = names_in(ew, m.group("a") or m.group("b"))
        if names and names[0][0] == 0:
            found.add(names[0][2])
    return found.pop() if len(found) == 1 else None
