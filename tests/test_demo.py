"""The committed demo report is what `crosscheck demo` produces now."""
from pathlib import Path

from click.testing import CliRunner

from crosscheck.cli import main

REPORTS = Path(__file__).resolve().parent.parent / "reports"


def test_regenerated_demo_matches_committed(tmp_path):
    html, js = tmp_path / "demo.html", tmp_path / "demo.json"
    r = CliRunner().invoke(main, ["demo", "-o", str(html), "--json", str(js)])
    assert r.exit_code == 0, r.output
    assert js.read_text() == (REPORTS / "demo.json").read_text(), "reports/demo.json is stale: run `crosscheck demo`"
    assert html.read_text() == (REPORTS / "demo.html").read_text(), "reports/demo.html is stale: run `crosscheck demo`"


def test_demo_exercises_every_verdict_and_prints_conflicts(tmp_path):
    import json
    r = CliRunner().invoke(main, ["demo", "-o", str(tmp_path / "d.html"), "--json", str(tmp_path / "d.json")])
    data = json.loads((tmp_path / "d.json").read_text())
    verdicts = {g["verdict"] for g in data["groups"]}
    assert verdicts == {"conflict", "disputed", "update", "consistent", "single_source"}
    by_measure = {g["measure"]: g for g in data["groups"] if g["verdict"] != "single_source"}
    assert by_measure["detentions"]["verdict"] == "conflict"
    assert by_measure["deaths"]["verdict"] == "update"
    assert by_measure["injuries"]["verdict"] == "consistent"
    claims = {c["id"]: c for c in data["claims"]}
    assert any(claims[c]["increment"] for c in by_measure["detentions"].get("related", []))
    assert "5 articles" in r.output and "conflict  detentions" in r.output
