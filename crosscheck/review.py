"""Review decisions: what a fact-checker decided about each flagged group, kept in SQLite.

* One row per group in ``decisions`` (the current decision), and every change appended to
  ``history`` (who, when, from, to) in the same transaction: nothing is overwritten without
  a trace.
* WAL mode and ``BEGIN IMMEDIATE`` transactions, so two reviewers saving at the same moment
  are serialised, not lost; both changes appear in the history.
* The schema is versioned with ``PRAGMA user_version`` and upgraded by the ordered
  ``MIGRATIONS`` list when a store is opened.
* Corrections of claims (crosscheck.corrections) live beside the decisions, keyed by claim id,
  with their own append-only ``correction_history``, under the same transactions.
* Decisions are keyed by group id (see docs/review.md: derived from story, measure, subject
  class and currency, so it survives re-runs, added articles and extractor changes). A
  decision whose group no longer exists is kept and reported as orphaned.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

from .corrections import Correction

DECISIONS = {
    "confirmed": "confirmed contradiction",
    "dismissed": "not a contradiction",
    "follow_up": "needs follow-up",
}
# A disputed group (sources contest each other's figure) is decided as a dispute: whose figure is right.
DISPUTE_DECISIONS = {
    "figure_right": "this figure is right",
    "cannot_tell": "cannot tell which is right",
}
ALL_DECISIONS = DECISIONS | DISPUTE_DECISIONS
REASONS = {
    "different_scope": "different scope",
    "later_update": "later update",
    "extraction_error": "extraction error",
    "other": "other",
}

MIGRATIONS: list[str] = [
    # 1: decisions and their history
    """
    CREATE TABLE decisions (
        group_id    TEXT PRIMARY KEY,
        decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'follow_up')),
        reason      TEXT CHECK (reason IS NULL OR reason IN ('different_scope', 'later_update', 'extraction_error', 'other')),
        note        TEXT NOT NULL DEFAULT '',
        reviewer    TEXT NOT NULL,
        decided_at  TEXT NOT NULL,
        revision    INTEGER NOT NULL DEFAULT 1,
        CHECK (decision <> 'dismissed' OR reason IS NOT NULL)
    );
    CREATE TABLE history (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        group_id      TEXT NOT NULL,
        reviewer      TEXT NOT NULL,
        at            TEXT NOT NULL,
        from_decision TEXT,
        to_decision   TEXT NOT NULL,
        from_reason   TEXT,
        to_reason     TEXT,
        from_note     TEXT,
        to_note       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX history_group ON history (group_id, id);
    """,
    # 2: what the group looked like when it was decided, so an orphan or a changed group can be shown
    """
    ALTER TABLE decisions ADD COLUMN snapshot TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE history ADD COLUMN snapshot TEXT NOT NULL DEFAULT '{}';
    """,
    # 3: corrections of claims (crosscheck.corrections), the current one per claim and every change.
    # fields and before are JSON objects. article_hash orphans a correction once the text changes.
    """
    CREATE TABLE corrections (
        claim_id     TEXT PRIMARY KEY,
        article_id   TEXT NOT NULL,
        article_hash TEXT NOT NULL,
        group_id     TEXT NOT NULL DEFAULT '',
        fields       TEXT NOT NULL,
        before       TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        reviewer     TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        revision     INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE correction_history (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id     TEXT NOT NULL,
        reviewer     TEXT NOT NULL,
        at           TEXT NOT NULL,
        from_fields  TEXT,
        to_fields    TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        article_hash TEXT NOT NULL,
        group_id     TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX correction_history_claim ON correction_history (claim_id, id);
    CREATE INDEX correction_history_group ON correction_history (group_id, id)
    """,
    # 4: disputes decided by whose figure is right (right_claim), or that nobody can tell. SQLite cannot
    # change a CHECK constraint, so the decisions table is rebuilt with the wider one.
    """
    CREATE TABLE decisions_v4 (
        group_id    TEXT PRIMARY KEY,
        decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'follow_up', 'figure_right', 'cannot_tell')),
        reason      TEXT CHECK (reason IS NULL OR reason IN ('different_scope', 'later_update', 'extraction_error', 'other')),
        note        TEXT NOT NULL DEFAULT '',
        reviewer    TEXT NOT NULL,
        decided_at  TEXT NOT NULL,
        revision    INTEGER NOT NULL DEFAULT 1,
        snapshot    TEXT NOT NULL DEFAULT '{}',
        right_claim TEXT,
        CHECK (decision <> 'dismissed' OR reason IS NOT NULL),
        CHECK ((decision = 'figure_right') = (right_claim IS NOT NULL))
    );
    INSERT INTO decisions_v4 (group_id, decision, reason, note, reviewer, decided_at, revision, snapshot)
        SELECT group_id, decision, reason, note, reviewer, decided_at, revision, snapshot FROM decisions;
    DROP TABLE decisions;
    ALTER TABLE decisions_v4 RENAME TO decisions;
    ALTER TABLE history ADD COLUMN from_claim TEXT;
    ALTER TABLE history ADD COLUMN to_claim TEXT
    """,
]


class ReviewError(ValueError):
    """A decision that cannot be stored as given (unknown decision, missing reason or reviewer)."""


@dataclass(frozen=True)
class Decision:
    group_id: str
    decision: str
    reason: Optional[str]
    note: str
    reviewer: str
    decided_at: str
    revision: int
    snapshot: dict
    right_claim: Optional[str] = None   # for "figure_right": the claim whose figure is right

    @property
    def label(self) -> str:
        return ALL_DECISIONS[self.decision]

    @property
    def right_figure(self) -> Optional[str]:
        """The figure judged right, as the reviewer saw it: '3 (Outlet A)'."""
        for f in self.snapshot.get("figures", []):
            if self.right_claim and f.get("claim") == self.right_claim:
                return f"{f.get('text')} ({f.get('source')})"
        return self.right_claim

    @property
    def reason_label(self) -> Optional[str]:
        return REASONS.get(self.reason) if self.reason else None


@dataclass(frozen=True)
class CorrectionChange:
    """One change to a claim's correction: who, when, the fields before (None: first correction) and after."""
    id: int
    claim_id: str
    reviewer: str
    at: str
    from_fields: Optional[dict]
    to_fields: dict
    note: str
    group_id: str


@dataclass(frozen=True)
class Change:
    id: int
    group_id: str
    reviewer: str
    at: str
    from_decision: Optional[str]
    to_decision: str
    from_reason: Optional[str]
    to_reason: Optional[str]
    from_note: Optional[str]
    to_note: str
    from_claim: Optional[str] = None
    to_claim: Optional[str] = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class ReviewStore:
    """Decisions in one SQLite file. Safe to use from several threads: each call opens its own connection."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            self._migrate(con)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA busy_timeout=30000")
            yield con
        finally:
            con.close()

    @staticmethod
    def _migrate(con: sqlite3.Connection) -> None:
        con.execute("BEGIN IMMEDIATE")
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise ReviewError(f"this review database is from a newer crosscheck (schema {version})")
            for n, script in enumerate(MIGRATIONS[version:], version + 1):
                for stmt in (s.strip() for s in script.split(";")):
                    if stmt:
                        con.execute(stmt)
                con.execute(f"PRAGMA user_version = {n}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        with self._connect() as con:
            return con.execute("PRAGMA user_version").fetchone()[0]

    # ---- writing ---------------------------------------------------------------------
    def decide(self, group_id: str, decision: str, reviewer: str, reason: Optional[str] = None,
               note: str = "", snapshot: Optional[dict] = None, right_claim: Optional[str] = None) -> Decision:
        """Record a decision (or change one); the change is appended to the history. A dispute's
        "figure_right" names the claim whose figure is right (``right_claim``)."""
        decision, reason, reviewer, note = validate(decision, reason, reviewer, note)
        right_claim = (right_claim or "").strip() or None
        if (decision == "figure_right") != (right_claim is not None):
            raise ReviewError("'this figure is right' needs the figure (and only it names one)")
        snap = json.dumps(snapshot or {}, sort_keys=True, ensure_ascii=False)
        at = _now()
        with self._transaction() as con:
            cur = con.execute("SELECT * FROM decisions WHERE group_id = ?", (group_id,)).fetchone()
            if cur is None:
                con.execute("INSERT INTO decisions (group_id, decision, reason, note, reviewer, decided_at, revision,"
                            " snapshot, right_claim) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                            (group_id, decision, reason, note, reviewer, at, snap, right_claim))
            else:
                con.execute("UPDATE decisions SET decision = ?, reason = ?, note = ?, reviewer = ?, decided_at = ?,"
                            " revision = revision + 1, snapshot = ?, right_claim = ? WHERE group_id = ?",
                            (decision, reason, note, reviewer, at, snap, right_claim, group_id))
            con.execute("INSERT INTO history (group_id, reviewer, at, from_decision, to_decision, from_reason,"
                        " to_reason, from_note, to_note, snapshot, from_claim, to_claim)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (group_id, reviewer, at, cur["decision"] if cur else None, decision,
                         cur["reason"] if cur else None, reason, cur["note"] if cur else None, note, snap,
                         cur["right_claim"] if cur else None, right_claim))
        return self.get(group_id)

    def correct(self, claim_id: str, article_id: str, article_hash: str, fields: dict, before: dict,
                reviewer: str, note: str = "", group_id: str = "") -> Correction:
        """Record a correction of a claim (or replace one); the change is appended to the history.

        Two reviewers correcting the same claim at once are serialised: both changes are in the
        history, and the later one is the correction applied."""
        reviewer = " ".join((reviewer or "").split())[:200]
        if not reviewer:
            raise ReviewError("a correction needs the reviewer's name")
        note = (note or "").strip()[:10_000]
        to_fields = json.dumps(fields, sort_keys=True, ensure_ascii=False)
        at = _now()
        with self._transaction() as con:
            cur = con.execute("SELECT fields FROM corrections WHERE claim_id = ?", (claim_id,)).fetchone()
            con.execute(
                "INSERT INTO corrections (claim_id, article_id, article_hash, group_id, fields, before, note, reviewer,"
                " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET"
                " article_id = excluded.article_id, article_hash = excluded.article_hash, group_id = excluded.group_id,"
                " fields = excluded.fields, before = excluded.before, note = excluded.note, reviewer = excluded.reviewer,"
                " corrected_at = excluded.corrected_at, revision = revision + 1",
                (claim_id, article_id, article_hash, group_id, to_fields,
                 json.dumps(before, sort_keys=True, ensure_ascii=False), note, reviewer, at))
            con.execute("INSERT INTO correction_history (claim_id, reviewer, at, from_fields, to_fields, note,"
                        " article_hash, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (claim_id, reviewer, at, cur["fields"] if cur else None, to_fields, note, article_hash,
                         group_id))
        return self.correction(claim_id)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")  # serialise concurrent reviewers: read-modify-write is atomic
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # ---- reading ---------------------------------------------------------------------
    def correction(self, claim_id: str) -> Optional[Correction]:
        with self._connect() as con:
            row = con.execute("SELECT * FROM corrections WHERE claim_id = ?", (claim_id,)).fetchone()
        return _correction(row) if row else None

    def corrections(self) -> list[Correction]:
        with self._connect() as con:
            rows = con.execute("SELECT * FROM corrections ORDER BY corrected_at, claim_id").fetchall()
        return [_correction(r) for r in rows]

    def correction_history(self, claim_id: Optional[str] = None, group_id: Optional[str] = None) -> list[CorrectionChange]:
        """Every change to corrections, oldest first: of one claim, of the claims corrected on one group's page, or all."""
        where, args = ("WHERE claim_id = ?", (claim_id,)) if claim_id else \
            ("WHERE group_id = ?", (group_id,)) if group_id else ("", ())
        with self._connect() as con:
            rows = con.execute(f"SELECT * FROM correction_history {where} ORDER BY id", args).fetchall()
        return [CorrectionChange(id=r["id"], claim_id=r["claim_id"], reviewer=r["reviewer"], at=r["at"],
                                 from_fields=json.loads(r["from_fields"]) if r["from_fields"] else None,
                                 to_fields=json.loads(r["to_fields"]), note=r["note"], group_id=r["group_id"])
                for r in rows]

    def corrections_stamp(self) -> int:
        """Changes so far to corrections (by anyone, in any process): a cache of corrected claims is
        stale when this moves."""
        with self._connect() as con:
            return con.execute("SELECT COALESCE(MAX(id), 0) FROM correction_history").fetchone()[0]

    def get(self, group_id: str) -> Optional[Decision]:
        with self._connect() as con:
            row = con.execute("SELECT * FROM decisions WHERE group_id = ?", (group_id,)).fetchone()
        return _decision(row) if row else None

    def decisions(self) -> dict[str, Decision]:
        with self._connect() as con:
            rows = con.execute("SELECT * FROM decisions ORDER BY group_id").fetchall()
        return {r["group_id"]: _decision(r) for r in rows}

    def history(self, group_id: Optional[str] = None) -> list[Change]:
        with self._connect() as con:
            if group_id is None:
                rows = con.execute("SELECT * FROM history ORDER BY id").fetchall()
            else:
                rows = con.execute("SELECT * FROM history WHERE group_id = ? ORDER BY id", (group_id,)).fetchall()
        return [Change(**{k: r[k] for k in Change.__dataclass_fields__}) for r in rows]

    def orphans(self, current_group_ids: set[str]) -> list[Decision]:
        """Decisions whose group is not in the current run: kept, and shown, never dropped."""
        return [d for gid, d in self.decisions().items() if gid not in current_group_ids]

    def export(self) -> dict:
        """Every decision with its full history, for `crosscheck decisions export`."""
        decisions = self.decisions()
        history = self.history()
        return {
            "schema_version": self.schema_version,
            "decisions": [asdict(d) | {"history": [asdict(h) for h in history if h.group_id == gid]}
                          for gid, d in decisions.items()],
        }


def validate(decision: str, reason: Optional[str], reviewer: str, note: str) -> tuple[str, Optional[str], str, str]:
    decision = (decision or "").strip()
    if decision not in ALL_DECISIONS:
        raise ReviewError(f"unknown decision {decision!r}: choose one of {', '.join(ALL_DECISIONS)}")
    reason = (reason or "").strip() or None
    if decision == "dismissed" and reason is None:
        raise ReviewError("'not a contradiction' needs a reason: " + ", ".join(REASONS))
    if reason is not None and reason not in REASONS:
        raise ReviewError(f"unknown reason {reason!r}: choose one of {', '.join(REASONS)}")
    if decision != "dismissed":
        reason = None
    reviewer = " ".join((reviewer or "").split())
    if not reviewer:
        raise ReviewError("a decision needs the reviewer's name")
    return decision, reason, reviewer[:200], (note or "").strip()[:10_000]


def _correction(row: sqlite3.Row) -> Correction:
    return Correction(claim_id=row["claim_id"], article_id=row["article_id"], article_hash=row["article_hash"],
                      fields=json.loads(row["fields"]), before=json.loads(row["before"]), reviewer=row["reviewer"],
                      corrected_at=row["corrected_at"], note=row["note"], group_id=row["group_id"],
                      revision=row["revision"])


def _decision(row: sqlite3.Row) -> Decision:
    return Decision(group_id=row["group_id"], decision=row["decision"], reason=row["reason"], note=row["note"],
                    reviewer=row["reviewer"], decided_at=row["decided_at"], revision=row["revision"],
                    snapshot=json.loads(row["snapshot"] or "{}"), right_claim=row["right_claim"])


def group_snapshot(group, result) -> dict:
    """What a reviewer saw when deciding: the group's figures by source (kept with the decision)."""
    names = {a.id: a.source or a.id for a in result.articles}
    by_id = {c.id: c for c in result.claims}
    return {
        "measure": group.measure, "subject": group.subject, "verdict": group.verdict,
        "claims": sorted(group.claims),
        "figures": [{"claim": c, "source": names.get(by_id[c].article, by_id[c].article),
                     "text": by_id[c].quantity.text, "lo": by_id[c].quantity.lo, "hi": by_id[c].quantity.hi}
                    # the representatives, and each party's figures a dispute's decision may choose
                    for c in dict.fromkeys(list(group.claims) + [x for p in getattr(group, "disputed_pairs", [])
                                                                  for x in p]) if c in by_id],
    }


def default_db_path(paths) -> Path:
    """The database beside the corpus: <first folder>/crosscheck-review.sqlite (or beside the first file)."""
    first = Path(str(next(iter(paths))))
    folder = first if first.is_dir() else first.parent
    return folder / "crosscheck-review.sqlite"
