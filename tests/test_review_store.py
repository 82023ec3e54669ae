"""Review decisions in SQLite: validation, history, migrations, concurrency, orphans."""
import sqlite3
import threading

import pytest

from crosscheck.review import MIGRATIONS, ReviewError, ReviewStore


def test_decide_and_history(tmp_path):
    s = ReviewStore(tmp_path / "r.sqlite")
    s.decide("g1", "confirmed", "Ana", note="checked with the ministry")
    s.decide("g1", "dismissed", "Ben", reason="later_update")
    d = s.get("g1")
    assert (d.decision, d.reason, d.reviewer, d.revision) == ("dismissed", "later_update", "Ben", 2)
    h = s.history("g1")
    assert [(x.reviewer, x.from_decision, x.to_decision) for x in h] == [("Ana", None, "confirmed"),
                                                                       ("Ben", "confirmed", "dismissed")]
    assert h[1].from_note == "checked with the ministry"


@pytest.mark.parametrize("decision,reason,reviewer,msg", [
    ("dismissed", None, "Ana", "needs a reason"), ("maybe", None, "Ana", "unknown decision"),
    ("confirmed", None, "  ", "reviewer"), ("dismissed", "because", "Ana", "unknown reason"),
])
def test_invalid_decisions_are_refused(tmp_path, decision, reason, reviewer, msg):
    s = ReviewStore(tmp_path / "r.sqlite")
    with pytest.raises(ReviewError, match=msg):
        s.decide("g1", decision, reviewer, reason=reason)
    assert s.get("g1") is None and s.history() == []


def test_wal_mode_and_schema_version(tmp_path):
    s = ReviewStore(tmp_path / "r.sqlite")
    con = sqlite3.connect(tmp_path / "r.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.schema_version == len(MIGRATIONS)


def test_migrates_an_old_database_keeping_its_decisions(tmp_path):
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    con.execute("INSERT INTO decisions (group_id, decision, reviewer, decided_at) VALUES ('g1', 'confirmed', 'Ana', 'then')")
    con.commit()
    con.close()
    s = ReviewStore(db)
    assert s.schema_version == len(MIGRATIONS)
    assert s.get("g1").decision == "confirmed" and s.get("g1").snapshot == {}


def test_concurrent_reviewers_lose_nothing(tmp_path):
    s = ReviewStore(tmp_path / "r.sqlite")
    barrier = threading.Barrier(8)

    def work(i):
        barrier.wait()
        for k in range(5):
            ReviewStore(tmp_path / "r.sqlite").decide(f"g{k}", "follow_up", f"reviewer {i}", note=f"{i}-{k}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(s.history()) == 40
    assert {d.revision for d in s.decisions().values()} == {8}


def test_orphans_are_kept(tmp_path):
    s = ReviewStore(tmp_path / "r.sqlite")
    s.decide("gone", "confirmed", "Ana", snapshot={"measure": "deaths"})
    s.decide("here", "confirmed", "Ana")
    assert [d.group_id for d in s.orphans({"here"})] == ["gone"]
    assert s.get("gone").snapshot["measure"] == "deaths"


def test_export_cli(tmp_path):
    import json
    from click.testing import CliRunner
    from crosscheck.cli import main
    db = tmp_path / "r.sqlite"
    s = ReviewStore(db)
    s.decide("g1", "confirmed", "Ana")
    s.decide("g1", "follow_up", "Ben", note="call the hospital")
    out = CliRunner().invoke(main, ["decisions", "export", "--db", str(db), "--format", "json"])
    data = json.loads(out.output)
    assert data["decisions"][0]["decision"] == "follow_up" and len(data["decisions"][0]["history"]) == 2
    out = CliRunner().invoke(main, ["decisions", "export", "--db", str(db), "--format", "csv"])
    lines = out.output.strip().splitlines()
    assert lines[0].startswith("group_id,at,reviewer") and len(lines) == 3
