"""Alignment stage: which claims speak of the same thing, and whether their sources disagree.

Same thing = same story, same measure, compatible subject ("protesters" and "people" are
both the general public; "police officers" are compared only with police officers). From
each article one figure per group is compared — its *representative*: a running total ("rose
to") before an explicit figure before an implicit singular, the earliest in the text on a tie.
Increments ("hundreds more"), parts of a whole ("among them 120 officers") and background
statistics ("436 people were killed this year") are never compared as totals; they travel
with the group as ``related`` claims.

Two figures conflict when their intervals cannot both hold. A conflict between articles with
different publication dates is an ``update`` when the measure only grows (deaths, arrests...)
and the later figure is larger, or the later article says the figure rose. Undated articles
are compared as simultaneous, except that a larger figure the text itself says has risen
("increased to", "rose to") is read as the later one. See docs/verdicts.md for the severity score.
"""
from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Optional

from .claims import MeasureVocabulary, default_measures
from .dates import date_order, days_apart, is_date
from .claims.place import NATION_JOIN, STATE_SIDE, nations_named, places_differ, state_party, with_article
from .claims.votes import RESULT_MEASURES, VOTE_MEASURES, counted_further, is_a_later_count, subject_keys
from .figure_pairs import (RETROSPECTIVE, Fits, closed, disputed, fitting_pair, known_day, later_of, meet, ordered,
                           party_disputes, relative_gap, revised, when_stood)
from .models import Article, Claim, Group

APPROX_MOVED = 0.05  # two approximations this far apart, a day or more apart, are a count that moved (_rose_past)
MAX_PAIRS_KEPT = 50  # conflicting/update pairs stored per group (all are counted in the verdict)
VERDICT_ORDER = {"conflict": 0, "disputed": 1, "revised": 2, "update": 3, "consistent": 4, "single_source": 5}
GENERAL = "people"  # the subject class of the general public and of claims with no subject
# appended to the subject class of roundup figures ("five killed in separate shootings across the
# city"): they are compared with each other, never with the figures of one incident
ROUNDUP = "across several incidents"
IN_CARE = "people in hospital"  # the subject class of the injured still in care (align.toml `in_care`)
CHANGING = "a count that moves either way"  # the rule key of a group whose count may fall (see _is_update)


@dataclass(frozen=True)
class AlignConfig:
    cumulative_measures: frozenset[str]
    certainty: dict[str, float]
    implicit_factor: float
    hedged_factor: float
    retrospective_sources: tuple[str, ...] = ()
    changing_measures: frozenset[str] = frozenset()
    same_time_days: int = 30
    # the injured still in care ("121 remain in hospital"): a count of its own, which falls as people go home
    in_care: Optional[re.Pattern] = None
    # a floor of a count ("at least 16 dead", from ``floor_counted_from`` up) is the count its source has
    # then: it fits figures up to ``floor_reach`` times itself, not any larger one
    floor_reach: float = float("inf")
    floor_counted_from: float = float("inf")

    def may_fall(self, measure: str) -> bool:
        """A count that may move either way (the missing, the displaced, those still in care)."""
        return measure == CHANGING or measure in self.changing_measures

    def running_count(self, measure: str) -> bool:
        """A count of people kept as a story goes on (a toll, the missing), not a crowd nor a result."""
        return measure not in RESULT_MEASURES and (measure in self.cumulative_measures or self.may_fall(measure))


def load_align_config(path: Optional[str | Path] = None) -> AlignConfig:
    raw = tomllib.loads(resources.files("crosscheck").joinpath("data/align.toml").read_text("utf-8"))
    if path:
        user = tomllib.loads(Path(path).read_text("utf-8"))
        raw.update({k: v for k, v in user.items() if k != "certainty"})
        raw["certainty"].update(user.get("certainty", {}))
    cert = dict(raw["certainty"])
    care = raw.get("in_care", [])
    return AlignConfig(frozenset(raw["cumulative_measures"]), cert, float(cert.pop("implicit_factor")),
                       float(cert.pop("hedged_factor")), tuple(raw.get("retrospective_sources", ())),
                       frozenset(raw.get("changing_measures", ())), int(raw.get("same_time_days", 30)),
                       re.compile("|".join(f"(?:{w})" for w in care), re.IGNORECASE) if care else None,
                       float(raw.get("floor_reach", float("inf"))), float(raw.get("floor_counted_from", float("inf"))))


@functools.lru_cache(maxsize=1)
def default_align_config() -> AlignConfig:
    return load_align_config()


def _main_figures(comparable: list[Claim], reps: list[Claim]) -> dict[str, list[Claim]]:
    """Each article's figures that may stand for it beside its representative.

    Implicit singulars and some-only figures ("a man died", "one died at the scene") state no total;
    nor does a figure the article states less often than its representative ("5 dead" in the headline
    and again in the lead is what it says, not the "two men and two women found shot" inside)."""
    rep_ids = {r.id for r in reps}
    stated: dict[str, list[Claim]] = defaultdict(list)
    for c in comparable:
        if c.id in rep_ids or not (c.implicit or c.some_only):
            stated[c.article].append(c)
    out = {}
    for r in reps:
        times = Counter(c.quantity.lo for c in stated[r.article])
        out[r.article] = [c for c in stated[r.article] if times[c.quantity.lo] >= times[r.quantity.lo]]
    return out


def _narrower_figures(buckets: dict[tuple, list[Claim]]) -> dict[tuple, list[Claim]]:
    """For each group of people in general, the totals the same story gives for a narrower subject
    of the same measure ("three police officers died" is also a count of people who died)."""
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for (story, measure, subject, unit), cs in buckets.items():
        if subject == GENERAL or ROUNDUP in subject or subject.startswith("unspecified") or measure in VOTE_MEASURES:
            continue  # (a candidate's share is no part of anyone else's)
        out[(story, measure, GENERAL, unit)].extend(c for c in cs if c.compared_as_total)
    return out


class Aligner:
    def __init__(self, config: Optional[AlignConfig] = None, vocabulary: Optional[MeasureVocabulary] = None):
        self.config = config or default_align_config()
        self.v = vocabulary or default_measures()
        # measures whose figures are comparable only when we know what they are (money: bail vs reward)
        self._needs_subject = {m.name for m in self.v.measures if m.purposes is not None}

    def _retrospective(self, source: Optional[str]) -> bool:
        """An encyclopedia page ("en.wikipedia.org") carries the date of the event, yet is revised
        long after the news: its figures are read as the latest."""
        host = (source or "").lower()
        return any(host == s or host.endswith("." + s) for s in self.config.retrospective_sources)

    def subject_class(self, subject: Optional[str]) -> str:
        return GENERAL if subject is None or subject in self.v.general_subjects else subject

    def align(self, claims: list[Claim], articles: list[Article]) -> list[Group]:
        claims = _home_states(claims, articles)
        dates = {a.id: RETROSPECTIVE if self._retrospective(a.source) else a.published for a in articles}
        names = {a.id: a.source or a.id for a in articles}
        stories = {a.id: a.story for a in articles}
        order = {a.id: i for i, a in enumerate(articles)}
        buckets: dict[tuple, list[Claim]] = defaultdict(list)
        place_buckets: dict[tuple, list[Claim]] = defaultdict(list)  # figures of one place, among themselves
        own_totals: dict[str, str] = {}  # claim id -> the narrower subject class it counts in full
        by_id = {c.id: c for c in claims}
        vote_keys = subject_keys(self.v.elections, [c.subject for c in claims if c.measure in VOTE_MEASURES and c.subject]) \
            if self.v.elections else {}
        for c in claims:
            # a part travels with its whole: "among them 120 officers" is shown beside "hundreds injured"
            anchor = by_id.get(c.part_of, c)
            subject = self.subject_class(anchor.subject)
            if anchor.measure in VOTE_MEASURES and self.v.elections:
                # one candidate's share is never compared with another's: keyed by the name's key
                # ("Emmerson Mnangagwa" and "MNANGAGWA", "Civic Coalition (KO)" and "KO" meet); a
                # share of no one the text names is compared with nothing
                subject = vote_keys[anchor.subject] if anchor.subject else f"unspecified {anchor.article}"
            if anchor.measure in self._needs_subject and anchor.subject is None:
                subject = f"unspecified {anchor.article}"  # a sum whose purpose is unknown: not compared
            if anchor.roundup:
                subject = f"{subject} {ROUNDUP}" + _roundup_period(anchor)
            buckets[(stories.get(c.article), anchor.measure, subject, _unit_key(anchor))].append(c)
            if c is anchor and _compared_by_place(c):
                place_buckets[(stories.get(c.article), c.measure, subject, _unit_key(c), c.place)].append(c)
            own = self._own_subject_total(c, anchor) or self._in_care(c)
            if own:
                # "including 17 children" also counts the children: compared with other articles' children
                own_totals[c.id] = own
                buckets[(stories.get(c.article), c.measure, own, _unit_key(c))].append(c)
        less = self._weak_allowances(claims, stories)
        narrower = _narrower_figures(buckets)
        # each article's total for people in general: what a narrower subject's difference may follow
        totals = {key: _representatives([c for c in cs if c.compared_as_total], order)
                  for key, cs in buckets.items() if key[2] == GENERAL}
        groups = {key: self._group(key, cs, dates, order, names, less, narrower.get(key, []), own_totals,
                                   totals.get((key[0], key[1], GENERAL, key[3])) if self._narrower_people(key) else None)
                  for key, cs in buckets.items()}
        # one place's figures among themselves, when that tells what their subject's group does not
        for (story, measure, subject, unit, place), cs in place_buckets.items():
            g = self._group((story, measure, f"{subject} in {place}", unit), cs, dates, order, names, less)
            if _tells_more(g, groups[(story, measure, subject, unit)]):
                groups[(story, measure, g.subject_class, unit)] = g
        return sort_groups(list(groups.values()))

    def _in_care(self, c: Claim) -> Optional[str]:
        """IN_CARE for a count of the injured still in care ("121 remain in hospital", "37 people
        receiving treatment"): the whole count of those people, compared with other articles' counts
        of them, though only some of the injured."""
        care = self.config.in_care
        if c.measure != "injuries" or not care or not c.trigger or c.quantity.increment or c.background or c.implicit:
            return None
        return IN_CARE if care.search(c.trigger) else None

    def _own_subject_total(self, c: Claim, whole: Claim) -> Optional[str]:
        """The subject class a part counts in full, when narrower than its whole's ("including six
        children" is all the children the article counts among the dead): None for other claims."""
        if c is whole or c.measure in VOTE_MEASURES or c.quantity.increment or c.background or c.superseded \
                or c.some_only or whole.some_only or not whole.compared_as_total or whole.roundup:
            return None  # six children among "22 more" dead, or among those "still in hospital", are not all
        own = self.subject_class(c.subject)
        return None if own == GENERAL or own == self.subject_class(whole.subject) else own

    def _weak_allowances(self, claims: list[Claim], stories: dict) -> dict[str, float]:
        """For each figure read from a weak trigger ("five people shot"), how many of its people may
        be counted by another measure: the most deaths any article of the story gives."""
        also = {m.name: m.weak_also_counts for m in self.v.measures if m.weak_also_counts}
        if not also:
            return {}
        most: dict[tuple, float] = defaultdict(float)
        for c in claims:
            if not c.compared_as_total or c.roundup or c.quantity.lo is None:
                continue
            top = c.quantity.hi if c.quantity.hi is not None else c.quantity.lo
            key = (stories.get(c.article), c.measure)
            most[key] = max(most[key], top)
        out = {}
        for c in claims:
            if c.measure in also and self.v.measure(c.measure).is_weak_trigger(c.trigger):
                n = most.get((stories.get(c.article), also[c.measure]), 0.0)
                if n:
                    out[c.id] = n
        return out

    def _group(self, key, claims: list[Claim], dates, order, names: dict[str, str],
               less: Optional[dict[str, float]] = None, narrower: list[Claim] = (),
               own_totals: Optional[dict[str, str]] = None, totals: Optional[dict[str, Claim]] = None) -> Group:
        story, measure, subject_class, unit = key
        whole_here = {cid for cid, cls in (own_totals or {}).items() if cls == subject_class}
        comparable = [c for c in claims if c.compared_as_total or c.id in whole_here]
        # the rule a count follows: the injured still in care go home, so their count may fall
        rule = CHANGING if subject_class == IN_CARE else measure
        reps = _representatives(comparable, order)
        rep_list = sorted(reps.values(), key=lambda c: (order.get(c.article, 0), c.quantity.start))
        related = [c.id for c in claims if c.id not in {r.id for r in rep_list}]
        gid = group_id(story, measure, subject_class, unit)
        subject = _common_subject(rep_list or claims)
        if ROUNDUP in subject_class:  # "people across several incidents (weekend)"
            subject = f"{subject or GENERAL} {subject_class[subject_class.index(ROUNDUP):]}"
        g = Group(id=gid, measure=measure, subject=subject, verdict="single_source", severity=0.0,
                  claims=[c.id for c in rep_list], articles=sorted({c.article for c in claims}, key=lambda a: order.get(a, 0)),
                  story=story, subject_class=subject_class, related=related)
        if not rep_list:
            g.reason = "only increments or parts of a total were reported; nothing to compare"
            return g
        self._summarise(g, rep_list)
        # (with one article, the group may still hold a dispute: "police counted 20,000, organisers 90,000")
        conflicts, updates, disputes, revisions = [], [], [], []
        less = less or {}
        # An article that gives two figures for the same count (a stale headline or photo caption
        # over an updated body, "four" in the headline and "at least four" below) does not contradict
        # an article that gives one of them; among its figures for people in general are those it
        # gives for a narrower subject ("3 officers slain" beside a stray "killing one").
        own = {c.article for c in rep_list}
        narrower = [c for c in narrower if c.article in own]
        # once: groups can be large. A figure counted in full here ("37 remain in hospital" in the group of
        # those in care) is what it says, not the lower bound it is of the injured
        iv = {c.id: closed(c, less.get(c.id, 0.0), whole=c.id in whole_here, reach=self._floor_reach(c))
              for c in comparable + narrower}
        loose = {c.id: closed(c, less.get(c.id, 0.0), whole=c.id in whole_here)
                 for c in comparable + narrower if self._floor_reach(c)}
        fits = Fits(iv, loose, dates)
        figures = _main_figures(comparable + narrower, rep_list)
        explained = []
        follows = []  # pairs of parts that differ only as their wholes do (_follows_totals)
        unordered = []  # pairs of a running count, both at no known day
        undated_placed = 0  # updates whose undated figure was placed by its size (_placed_by_value)
        also_said: dict[str, Claim] = {}  # article -> its other figure that fits another article's
        for a, b in combinations(rep_list, 2):
            if places_differ(a, b):
                continue  # "12 in Juliaca" and "39 nationwide" are different totals
            if fits(a, b):
                rose = self._rose_past(a, b, dates, rule, iv)
                if rose:
                    updates.append((rose[1].id, rose[0].id))
                continue
            staged = counted_further(a, b)
            # a result counted further is an update even if its article also gave a rounder figure
            # that fits the other's ("More Than 35 Million" over "35,833,293 with 99.7% counted")
            fit = None if staged and self._is_update(*staged, rule, iv) else \
                fitting_pair(figures[a.article], figures[b.article], fits)
            if fit:
                explained.append((a, b))
                for rep, x in ((a, fit[0]), (b, fit[1])):
                    if x.id != rep.id:
                        also_said.setdefault(rep.article, x)
                continue
            by_date = later_of(a, b, dates)
            later = ordered(a, b, dates, iv)
            placed = None if later else self._placed_by_value(a, b, comparable, dates, rule, iv)
            later = later or placed
            if later and self._is_update(*later, rule, iv):
                updates.append((later[1].id, later[0].id))
                undated_placed += bool(placed)
            elif disputed(a, b):
                disputes.append((a, b))
            elif later and revised(*later, iv):
                revisions.append(later)
            elif by_date and self._apart(a, b, dates):
                continue  # weeks apart: a trial's or an anniversary's figure is not the day's report
            elif self._follows_totals(a, b, totals or {}):
                follows.append((a, b))
            elif self._in_no_known_order(a, b, dates, rule):
                unordered.append((a, b))
            else:
                conflicts.append((a, b))
        # an article that gives one candidate two different exact vote counts of one stage of the count
        # ("2,350,111" in its lead, "2,350,711" in its table) contradicts itself: no stale headline, a typo
        conflicts += self._own_count_contradictions(comparable, iv) if measure == "votes" else []
        # two undated reports of a running count that differ may be days apart: where other reports show the
        # count moving, the difference is read with them (an update, its reason naming the unordered pair);
        # otherwise it is a conflict
        if unordered and not updates:
            conflicts, unordered = conflicts + unordered, []
        # parties' positions: a figure the police give and one the organisers give, in any articles
        known = {frozenset((a.id, b.id)) for a, b in disputes}
        disputes += [p for p in party_disputes(comparable, fits) if frozenset((p[0].id, p[1].id)) not in known
                     and not self._read_as_update(*p, dates, rule, iv)]
        # the verdict is the representatives'; an article's other totals that disagree the same way
        # are shown with it ("12 by noon" in one report against "14" in another, beside "17" against "19")
        extra_conflicts, extra_updates = [], []
        if conflicts or (updates and not (disputes or revisions)):  # only the verdict's own kind is shown
            extra_conflicts, extra_updates = self._other_pairs(comparable, rep_list, figures, iv, fits, dates, rule)
        if not conflicts:
            extra_conflicts = []
        if conflicts or disputes or revisions or not updates:
            extra_updates = []
        if len(rep_list) < 2 and not (conflicts or disputes):
            g.reason = "only one article gives this figure"
            return g
        # the most telling pairs are kept for display; the verdict and severity use them all
        ranked = sorted(conflicts, key=lambda p: -relative_gap(*p, iv))
        disputes = sorted(disputes, key=lambda p: -relative_gap(*p, iv))
        # the representatives' pairs first (they decide the verdict and its severity), then the rest
        extra = sorted(extra_conflicts, key=lambda p: -relative_gap(*p, iv))
        g.conflicting_pairs = [(a.id, b.id) for a, b in (ranked + disputes + revisions + extra)[:MAX_PAIRS_KEPT]]
        g.disputed_pairs = [(a.id, b.id) for a, b in disputes[:MAX_PAIRS_KEPT]]
        g.revised_pairs = [(a.id, b.id) for a, b in revisions[:MAX_PAIRS_KEPT]]
        g.update_pairs = (updates + extra_updates)[:MAX_PAIRS_KEPT]
        g.explained_pairs = [(a.id, b.id) for a, b in (explained + follows)[:MAX_PAIRS_KEPT]]
        if disputes and not conflicts:
            return self._disputed_group(g, disputes, rep_list, iv, names)
        if revisions and not conflicts:
            g.verdict = "revised"
            g.severity = self._severity(revisions, rep_list, iv)
            later, earlier = revisions[0]
            g.reason = f"{later.party} lowered its own figure: {_show(earlier, names)}, then {_show(later, names)}"
            return g
        if conflicts:
            g.verdict = "conflict"
            g.severity = self._severity(ranked, rep_list, iv)
            a, b = ranked[0]
            g.reason = (f"{_show(a, names)} and {_show(b, names)} cannot both hold"
                        + ("; both are vague" if a.quantity.kind == b.quantity.kind == "vague" else "")
                        + (f"; {len(updates)} later change(s) read as updates" if updates else ""))
        elif updates:
            g.verdict = "update"
            by_id = {c.id: c for c in comparable}
            firsts = sorted({_show(by_id[e], names) for e, _ in updates})
            lasts = sorted({_show(by_id[l_], names) for _, l_ in updates})
            g.reason = (f"a later article reports a changed figure: {', '.join(firsts)}, then {', '.join(lasts)}"
                        + ("; an undated figure is placed by its size among the dated ones" if undated_placed else "")
                        + ("; undated reports also differ, in no known order: " + "; ".join(
                            f"{_show(a, names)} and {_show(b, names)}" for a, b in unordered[:3]) if unordered else ""))
        else:
            g.verdict = "consistent"
            g.reason = "every figure fits with every other"
            if follows and not explained:
                g.reason = ("the figures differ only as the articles' totals do: " + "; ".join(
                    f"{_show(a, names)} of {format_interval(totals[a.article])}, {_show(b, names)} of "
                    f"{format_interval(totals[b.article])}" for a, b in follows[:3]) + " (see the totals' group)")
            elif explained:
                said = sorted(f"{names.get(art, art)} gives {format_interval(reps[art])} but also {format_interval(x)}"
                              for art, x in also_said.items() if art in reps)
                g.reason = ("every article gives a figure that fits the others': " + "; ".join(said)
                            + " (an early headline or caption?)")
        return g

    def _disputed_group(self, g: Group, disputes: list[tuple[Claim, Claim]], reps: list[Claim], iv: dict,
                        names: dict[str, str]) -> Group:
        """A group whose figures differ only because parties on different sides give different ones."""
        g.verdict = "disputed"
        g.disputed_pairs = g.conflicting_pairs = [(a.id, b.id) for a, b in disputes[:MAX_PAIRS_KEPT]]
        g.severity = self._severity(disputes, list({c.id: c for c in reps + [c for p in disputes for c in p]}.values()), iv)
        g.reason = "the parties give different figures: " + "; ".join(
            f"{party}: {', '.join(figs)}" for party, figs in _positions(disputes, names).items())
        return g

    def _other_pairs(self, comparable: list[Claim], reps: list[Claim], figures: dict[str, list[Claim]], iv: dict,
                     fits: Fits, dates, measure: str) -> tuple[list[tuple[Claim, Claim]], list[tuple[str, str]]]:
        """Pairs of totals from two articles, not both representatives, that cannot both hold and that
        neither article explains by also giving a figure that fits the other's: (conflicts, updates)."""
        rep_ids = {r.id for r in reps}
        conflicts, updates = [], []
        for a, b in combinations(comparable, 2):
            if a.article == b.article or (a.id in rep_ids and b.id in rep_ids) or places_differ(a, b):
                continue
            if fits(a, b):
                rose = self._rose_past(a, b, dates, measure, iv)
                if rose:
                    updates.append((rose[1].id, rose[0].id))
                continue
            if a.implicit or b.implicit or a.some_only or b.some_only or disputed(a, b):
                continue
            later = ordered(a, b, dates, iv)
            if later and self._is_update(*later, measure, iv):
                updates.append((later[1].id, later[0].id))  # (a step of the count, whatever else each says)
            elif any(fits(x, b) for x in figures.get(a.article, ())) or any(fits(x, a) for x in figures.get(b.article, ())):
                continue  # one article also gives a figure that fits the other's
            elif not (later and revised(*later, iv)):
                conflicts.append((a, b))
        return conflicts, updates

    def _placed_by_value(self, a: Claim, b: Claim, comparable: list[Claim], dates, measure: str,
                         iv: dict) -> Optional[tuple[Claim, Claim]]:
        """(later, earlier) for a figure that stands at no known day and one that does, when the dated
        figures of a count that only grows place it: larger than the dated one and no larger than a figure
        dated later (or than every dated figure), it came after; smaller and no smaller than a figure
        dated earlier, it came before. A vague dated figure ("several children") places only a figure a
        later dated one bounds: past every dated figure, "about 1,500 injured" may as well be another
        source's count of that day's "hundreds"."""
        if measure not in self.config.cumulative_measures or measure in RESULT_MEASURES:
            return None
        if known_day(a, dates) == known_day(b, dates) or disputed(a, b):
            return None  # (parties' figures are their positions, not steps of one count)
        undated, dated = (a, b) if known_day(b, dates) else (b, a)
        if undated.quantity.kind == "vague":
            return None
        when = when_stood(dated, dates)
        others = [c for c in comparable if known_day(c, dates) and not (c.implicit or c.some_only)]
        ulo, uhi = iv[undated.id]
        dlo, dhi = iv[dated.id]
        bounded_later = any(iv[c.id][1] >= ulo and date_order(when_stood(c, dates), when) > 0 for c in others)
        if ulo > dhi and all(iv[c.id][1] < ulo or date_order(when_stood(c, dates), when) > 0 for c in others) \
                and (bounded_later or dated.quantity.kind != "vague"):
            return undated, dated
        if dated.quantity.kind == "vague":
            return None
        if uhi < dlo and any(iv[c.id][0] <= uhi and date_order(when_stood(c, dates), when) < 0 for c in others):
            return dated, undated
        return None

    def _own_count_contradictions(self, comparable: list[Claim], iv: dict) -> list[tuple[Claim, Claim]]:
        """Pairs of vote counts given to the unit (1,000 or more, not a round number: "2,350,111", not "2.46
        million") that one article gives for one candidate at one stage and moment of the count and place,
        that differ as a typo does: in no more than 1% ("2,350,111" and "2,350,711", not an early count's
        12,345 beside a final 25,679)."""
        exact = [c for c in comparable if c.quantity.kind == "exact" and (c.quantity.lo or 0) >= 1000
                 and c.quantity.lo % 1000 and not c.background]
        return [(a, b) for a, b in combinations(exact, 2) if a.article == b.article and not meet(iv[a.id], iv[b.id])
                and abs(a.quantity.lo - b.quantity.lo) <= 0.01 * max(a.quantity.lo, b.quantity.lo)
                and a.as_of == b.as_of and not places_differ(a, b) and a.place == b.place
                and (a.count_stage == b.count_stage or not (a.count_stage and b.count_stage))]

    def _in_no_known_order(self, a: Claim, b: Claim, dates, measure: str) -> bool:
        """Whether two differing figures of a running count cannot be ordered, so that a moving count
        may explain them: both at no known day; or one, when the count may fall (the missing: no size
        places it) or its figure is vague ("dozens")."""
        if not self.config.running_count(measure):
            return False
        known = [known_day(c, dates) for c in (a, b)]
        if not any(known):
            return True
        undated = b if known[0] else a
        return not all(known) and (self.config.may_fall(measure) or undated.quantity.kind == "vague")

    def _narrower_people(self, key: tuple) -> bool:
        """Whether a group counts a narrower kind of the people a running count counts (children,
        Belgians, police officers among the dead): not people in general, not a roundup of incidents,
        not those still in hospital, not a crowd or a result."""
        _, measure, subject_class, _ = key
        return subject_class != GENERAL and ROUNDUP not in subject_class and subject_class != IN_CARE \
            and not subject_class.startswith("unspecified") and self.config.running_count(measure)

    def _follows_totals(self, a: Claim, b: Claim, totals: dict[str, Claim]) -> bool:
        """Whether two articles' figures for a narrower kind of people differ as the articles' totals
        do ("13 Belgians among 28 dead", then "17 Belgians among 32"): the same way and by no more, so the
        difference is the totals', shown in their own group, not a second one. Not when parties on
        different sides give the totals: the narrower figures are then part of their dispute ("54
        children" among a monitor's toll, "426" among a government's); nor when the narrower figure is
        its article's total."""
        ta, tb = totals.get(a.article), totals.get(b.article)
        if not (ta and tb) or disputed(ta, tb):
            return False
        (alo, ahi), (blo, bhi) = closed(a, whole=True), closed(b, whole=True)
        (talo, tahi), (tblo, tbhi) = (closed(t, reach=self._floor_reach(t)) for t in (ta, tb))
        if (alo, ahi) == (talo, tahi) or (blo, bhi) == (tblo, tbhi):
            return False
        # the same way, and by no more than the totals: 4 more children among 1 more dead is a difference
        return (ahi < blo and tahi < tblo and blo - ahi <= tblo - tahi) or \
            (bhi < alo and tbhi < talo and alo - bhi <= talo - tbhi)

    def _apart(self, a: Claim, b: Claim, dates) -> bool:
        """Whether two dated articles are further apart than reports of the same moment can be
        (``same_time_days`` in align.toml): a figure said months later, in a trial or an anniversary
        piece, counts the case as it then stands, and is no contradiction of the first reports."""
        da, db = dates.get(a.article), dates.get(b.article)
        if not (is_date(da) and is_date(db)) or RETROSPECTIVE in (da, db):
            return False  # undated, unreadable, or a retrospective source's stand-in date
        try:
            return days_apart(da, db) > self.config.same_time_days
        except ValueError:  # a date of the right shape that is no day ("2025-02-30")
            return False

    def _read_as_update(self, a: Claim, b: Claim, dates, measure: str, iv: dict) -> bool:
        """Whether two parties' differing figures read as a count that moved on: a later article's
        larger running total (each party saying its own count rose does not order them)."""
        later = later_of(a, b, dates)
        return bool(later and self._is_update(*later, measure, iv))

    def _rose_past(self, a: Claim, b: Claim, dates, measure: str, iv: dict) -> Optional[tuple[Claim, Claim]]:
        """(later, earlier) when an earlier running total given as a floor ("at least 323 injured") is
        passed by a later report's figure ("1,014 injured"): both can hold, but the count has moved on,
        and a reader comparing the two should see the rise. Only for counts that grow.

        So, too, when two figures meet only by the margins of an approximation ("some 34,000 evacuees",
        then "about 28,000" five days on): the figures stated moved by more than ``APPROX_MOVED``, up for
        a count that grows, either way for one that may fall (the displaced, the missing). And when a
        figure its text says has risen ("the number of missing has risen to 93") is larger than the one
        it meets only by an approximation's margin ("about 90"), of no known order: the rise is the news."""
        changing = self.config.may_fall(measure)
        if measure not in self.config.cumulative_measures and not changing:
            return None
        later = later_of(a, b, dates)
        if not later:  # (an election's count is ordered by its stage, not by a word of rising)
            return None if measure in RESULT_MEASURES else _said_to_have_moved_on(a, b)
        new, old = later
        if old.some_only or new.some_only or old.implicit or new.implicit or new.quantity.kind == "vague" \
                or old.quantity.kind == "vague":
            return None
        nv, ov = new.quantity.value, old.quantity.value
        if "approximate" in (new.quantity.kind, old.quantity.kind) and nv and ov and \
                abs(nv - ov) > APPROX_MOVED * max(nv, ov) and (changing or nv > ov):
            return later
        if old.quantity.hi is not None or changing:  # ("a man was killed" states no total to pass)
            return None
        return later if iv[new.id][0] > iv[old.id][0] else None

    def _floor_reach(self, c: Claim) -> Optional[float]:
        """How far above itself a floor of a count reaches (``floor_reach``), or None for other figures.

        News gives a running toll as a floor: "at least 16 people have died" is the count known then, not
        a bound any larger toll fits. Another report of the same moment with 32 dead disagrees with it;
        a later one has moved on (an update, as any larger later total). Only for running counts
        (``cumulative_measures`` and ``changing_measures``): a crowd's floor is an estimate. Small floors
        ("at least one person was shot", below ``floor_counted_from``) are still only bounds, as are
        vague ones, shares and sums, and figures that count only some of the people."""
        q = c.quantity
        if q.kind != "lower_bound" or q.hi is not None or q.lo is None or q.lo < self.config.floor_counted_from \
                or q.unit not in (None, "") or c.implicit or c.some_only or not self.config.running_count(c.measure):
            return None  # (a crowd's "at least 10,000" is a cautious estimate, not a running count)
        return self.config.floor_reach

    def _is_update(self, later: Claim, earlier: Claim, measure: str, iv: dict) -> bool:
        """Whether ``later`` is a later figure of the same running count. ``measure`` is the group's
        measure, or CHANGING for a count that may fall (those still in care)."""
        if later.lowered and iv[later.id][1] < iv[earlier.id][0]:
            # the text itself says the total went down: an update, unless the same party lowered its own
            # (a revision) or a party on the other side gave the lower figure (a dispute)
            return not (revised(later, earlier, iv) or disputed(later, earlier))
        if later.cumulative or self.config.may_fall(measure) or is_a_later_count(later, earlier):
            return True
        if measure not in self.config.cumulative_measures:
            return False
        llo, _ = iv[later.id]
        _, ehi = iv[earlier.id]
        return llo > ehi

    def _certainty(self, c: Claim) -> float:
        w = self.config.certainty.get(c.quantity.kind, 0.7)
        if c.implicit:
            w *= self.config.implicit_factor
        if c.hedged:
            w *= self.config.hedged_factor
        return w

    def _severity(self, conflicts: list[tuple[Claim, Claim]], reps: list[Claim], iv: dict) -> float:
        """gap x certainty x support, in [0, 1]; the worst conflicting pair sets the gap and certainty.

        gap: 0.5 + 0.5 * min(1, 2 * relative gap) — any real contradiction scores at least half.
        certainty: the less certain side of the pair (exact 1.0 ... vague 0.5).
        support: 0.75 when each side has one source, rising to 1.0 as more sources stand on the
        smaller side (a lone outlier against many is still worth reviewing, but less).
        """
        def agreeing(c: Claim) -> int:  # sources whose figure fits with c's (c included)
            return sum(1 for r in reps if meet(iv[r.id], iv[c.id]))

        sides: dict[str, int] = {}
        best = 0.0
        for a, b in conflicts:
            gap = 0.5 + 0.5 * min(1.0, 2 * relative_gap(a, b, iv))
            cert = min(self._certainty(a), self._certainty(b))
            if gap * cert <= best:
                continue  # support is at most 1: this pair cannot beat the best one
            for c in (a, b):
                if c.id not in sides:
                    sides[c.id] = agreeing(c)
            support = min(1.0, 0.5 + 0.25 * min(sides[a.id], sides[b.id]))
            best = max(best, gap * cert * support)
        return round(best, 3)

    def _summarise(self, g: Group, reps: list[Claim]) -> None:
        """The most-supported figure with its sources, and the min-max range across sources."""
        support: dict[tuple, list[Claim]] = defaultdict(list)
        for c in reps:
            support[(c.quantity.lo, c.quantity.hi, c.quantity.kind)].append(c)
        key, cs = max(support.items(), key=lambda kv: (len({c.article for c in kv[1]}),
                                                       kv[0][2] == "exact", -reps.index(kv[1][0])))
        g.best_value = format_interval(cs[0])
        g.best_sources = sorted({c.article for c in cs})
        los = [c.quantity.lo for c in reps if c.quantity.lo is not None]
        his = [c.quantity.hi for c in reps if c.quantity.hi is not None]
        g.range_lo = min(los) if los else None
        g.range_hi = max(his + los) if (his or los) else None


def _compared_by_place(c: Claim) -> bool:
    """Whether a figure is also compared with the other figures of its own place ("500,000 in Tel Aviv
    alone" with "300,000 in Tel Aviv"), beside the figures of its group: a total of a site or a named place."""
    return c.place_level in ("site", "named") and c.compared_as_total and not c.roundup and c.measure not in VOTE_MEASURES


def _tells_more(place_group: Group, whole: Group) -> bool:
    """Whether one place's figures disagree in a way their subject's group does not say (a town's figures
    lost among the nation's: "500,000 in Tel Aviv" against "300,000 in Tel Aviv" beside "460,000 across the
    country"); a place group that only repeats its subject's verdict is left out."""
    return place_group.verdict in ("conflict", "disputed", "revised", "update") and place_group.verdict != whole.verdict


def _positions(disputes: list[tuple[Claim, Claim]], names: dict[str, str]) -> dict[str, list[str]]:
    """Each party's figures in a dispute, with the outlets that report them: the parties' positions."""
    out: dict[str, list[str]] = defaultdict(list)
    for pair in disputes:
        for c in pair:
            shown = _show(c, names)
            if shown not in out[c.party]:
                out[c.party].append(shown)
    return dict(out)


def sort_groups(groups: list[Group]) -> list[Group]:
    """Conflicts first, most severe first; then updates, consistent, single-source; ties by id."""
    return sorted(groups, key=lambda g: (VERDICT_ORDER[g.verdict], -g.severity, g.measure, g.subject_class or "", g.id))


_PERIOD = re.compile(r"(?<![\w-])(weekend|overnight|night|holiday|week|month|year|day)(?![\w-])", re.IGNORECASE)
# "Memorial Day weekend", "holiday weekend", "violent day": one kind of period
_SAME_PERIOD = {"day": "weekend", "holiday": "weekend", "overnight": "night"}


def _roundup_period(c: Claim) -> str:
    """The period a roundup adds up ("weekend shootings", "violent night"): roundups of different
    periods count different sets of incidents and are not compared ("3 dead, 26 wounded in weekend
    shootings" against "violent night leaves 2 dead, 8 injured")."""
    m = _PERIOD.search(c.sentence)
    if not m:
        return ""
    word = m.group(1).lower()
    return f" ({_SAME_PERIOD.get(word, word)})"


def _said_to_have_moved_on(a: Claim, b: Claim) -> Optional[tuple[Claim, Claim]]:
    """(later, earlier) for two figures of no known order, one that its text says rose and is larger
    than the other, an approximation ("about 90") whose margin alone lets the two meet."""
    if disputed(a, b):
        return None  # (each party says its own count rose)
    for new, old in ((a, b), (b, a)):
        nv, ov = new.quantity.value, old.quantity.value
        if new.cumulative and not old.cumulative and old.quantity.kind == "approximate" and nv and ov and nv > ov \
                and not (new.some_only or old.some_only or new.implicit or old.implicit):
            return new, old
    return None


def _home_states(claims: list[Claim], articles: list[Article]) -> list[Claim]:
    """Claims with each state party that names no state given its story's own: the country the story's
    articles name most, by name or by its people's word ("the prime minister said over 316,000 died", in
    a story that names Haiti more than any other country: the government of Haiti), so that another
    state's figure ("a report commissioned by the US government") is a dispute between states. Only in a
    story where another state gives a figure; a story naming no country, or two equally often, gives none."""
    story_of = {a.id: a.story for a in articles}
    foreign = defaultdict(set)  # story -> the states its claims' parties name
    for c in claims:
        if c.party and NATION_JOIN in c.party:
            foreign[story_of.get(c.article)].add(c.party.partition(NATION_JOIN)[2])
    counts: dict[Optional[str], Counter] = defaultdict(Counter)
    for a in articles:
        if foreign.get(a.story):
            counts[a.story].update(nations_named(a.text))
    home = {}
    for story, named in counts.items():
        top = named.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]) and foreign[story] - {with_article(top[0][0])}:
            home[story] = top[0][0]
    out = []
    for c in claims:
        state = home.get(story_of.get(c.article))
        if state and c.party and c.side == STATE_SIDE and NATION_JOIN not in c.party:
            c = replace(c, party=state_party(c.party, state))
        out.append(c)
    return out


def _representatives(comparable: list[Claim], order: dict[str, int]) -> dict[str, Claim]:
    """Each article's figure that speaks for it (see _rank; the first of equals)."""
    reps: dict[str, Claim] = {}
    for c in sorted(comparable, key=lambda c: (order.get(c.article, 0), c.quantity.start)):
        cur = reps.get(c.article)
        if cur is None or _rank(c) < _rank(cur):
            reps[c.article] = c
    return reps


def _rank(c: Claim) -> tuple:
    """Which of an article's figures speaks for it: running totals, then explicit, then implicit; of
    election results, an exact figure that says how far the count had got before a rounded headline
    ("35,833,293 with 99.7% counted" over "More Than 35 Million")."""
    staged = c.measure in VOTE_MEASURES and bool(c.count_stage) and c.quantity.kind == "exact"
    return (not staged, not c.cumulative, c.implicit, c.hedged)


def _unit_key(c: Claim) -> Optional[str]:
    return c.quantity.unit if c.measure == "money" else None


def _common_subject(claims: list[Claim]) -> Optional[str]:
    subjects = [c.subject for c in claims if c.subject]
    if not subjects:
        return None
    return max(set(subjects), key=lambda s: (subjects.count(s), s != "people", s))


def group_id(story: Optional[str], measure: str, subject_class: str, unit: Optional[str]) -> str:
    """Stable while the story, measure and subject are the same, whichever articles join."""
    key = "\x1f".join([story or "", measure, subject_class, unit or ""])
    return "g" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _show(c: Claim, names: dict[str, str]) -> str:
    """A figure with its source, for a group's reason: '3 (Outlet A)'."""
    return f"{format_interval(c)} ({names.get(c.article, c.article)})"


def format_number(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_interval(c: Claim) -> str:
    """A figure as a reader would say it: '3', 'over 6,700', 'dozens (24–99)', '150–170'."""
    q = c.quantity
    unit = "%" if q.unit == "percent" else ""
    if q.kind == "exact" or (q.lo is not None and q.lo == q.hi):
        return format_number(q.lo) + unit
    if q.kind == "lower_bound":
        return ("over " if q.lo_open else "at least ") + format_number(q.lo) + unit
    if q.kind == "upper_bound":
        return ("under " if q.hi_open else "up to ") + format_number(q.hi) + unit
    if q.kind == "approximate" and q.value is not None:
        return "about " + format_number(q.value) + unit
    if q.kind == "vague":
        word = q.text.lower().replace(" more", "")
        return f"{word} ({format_number(q.lo)}–{format_number(q.hi)})"
    return f"{format_number(q.lo)}–{format_number(q.hi)}{unit}"


def align(claims: list[Claim], articles: list[Article], aligner: Optional[Aligner] = None) -> list[Group]:
    return (aligner or Aligner()).align(claims, articles)
