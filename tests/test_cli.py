"""The CLI, driven as a user would."""
import json
import subprocess
import sys

from click.testing import CliRunner

from crosscheck.cli import main


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_missing_path_is_a_one_line_error(tmp_path):
    r = CliRunner().invoke(main, ["report", str(tmp_path / "nope")])
    assert r.exit_code == 1
    assert r.output.strip().startswith("crosscheck: error: no such file or folder") and "Traceback" not in r.output


def test_report_outputs_and_exit_codes(tmp_path):
    write(tmp_path, "a.txt", "---\nsource: A\n---\nThree people died on Friday when a fire swept through the "
                             "Larkspur Hotel in Merriton, the Merriton fire service said.\n")
    write(tmp_path, "b.txt", "---\nsource: B\n---\nTwo people died on Friday in a fire at the Larkspur Hotel "
                             "in Merriton, according to the Merriton fire service.\n")
    html, js, csvd = tmp_path / "r.html", tmp_path / "r.json", tmp_path / "csv"
    r = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(html), "--json", str(js), "--csv", str(csvd)])
    assert r.exit_code == 0, r.output
    assert "conflict  deaths: 3 (A) vs 2 (B)" in r.output
    data = json.loads(js.read_text())
    assert {"articles", "claims", "groups"} <= data.keys()
    assert set(data["claims"][0]) >= {"id", "article", "measure", "subject", "lo", "hi", "text", "start", "end", "sentence"}
    assert set(data["groups"][0]) >= {"id", "measure", "subject", "verdict", "claims"}
    assert {p.name for p in csvd.iterdir()} == {"claims.csv", "groups.csv", "articles.csv"}
    assert CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(html), "--fail-on-conflict"]).exit_code == 3


def test_strict_turns_a_skip_into_exit_2(tmp_path):
    write(tmp_path, "a.txt", "Two people died.")
    write(tmp_path, "empty.txt", "")
    r = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.html"), "--strict"])
    assert r.exit_code == 2 and "empty file" in r.output


def test_claims_formats(tmp_path):
    write(tmp_path, "a.txt", "Police detained 140 protesters.")
    for fmt in ("table", "csv", "json"):
        r = CliRunner().invoke(main, ["claims", str(tmp_path), "--format", fmt])
        assert r.exit_code == 0 and "140" in r.output, r.output
    rows = json.loads(CliRunner().invoke(main, ["claims", str(tmp_path), "--format", "json"]).output)
    assert rows[0]["measure"] == "detentions" and rows[0]["lo"] == 140


def test_help_on_every_command_and_no_heavy_imports():
    for cmd in ([], ["report"], ["claims"], ["numbers"], ["demo"]):
        assert CliRunner().invoke(main, cmd + ["--help"]).exit_code == 0
    code = "import sys, crosscheck.cli; print('pandas' in sys.modules, 'quantulum3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == "False False"


def test_jobs_output_identical_to_one_job(tmp_path):
    from crosscheck.api import check
    for i in range(80):  # more than one chunk per worker
        write(tmp_path, f"a{i:02d}.txt", f"---\nsource: Outlet {i % 7}\n---\n{i % 5 + 2} people died and "
                                           f"{'dozens' if i % 2 else 'hundreds'} were hurt in clash {i}, police said.\n")
    one, two = check([tmp_path], jobs=1), check([tmp_path], jobs=2)
    from crosscheck.report import to_json_dict
    assert to_json_dict(one) == to_json_dict(two)
    assert len(one.claims) == 160
