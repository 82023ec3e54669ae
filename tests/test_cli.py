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


HEAVY = ("pandas", "quantulum3", "inflect", "sklearn", "scipy", "flask", "trafilatura")


def imported_by(args: list[str]) -> set[str]:
    """The heavy modules a `crosscheck ARGS` process imports."""
    code = ("import sys; from crosscheck.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return set(r.stderr.strip().splitlines()[-1].split()) if r.stderr.strip() else set()


def test_help_on_every_command_and_no_heavy_imports():
    for cmd in ([], ["report"], ["claims"], ["numbers"], ["demo"]):
        assert CliRunner().invoke(main, cmd + ["--help"]).exit_code == 0
    assert imported_by(["--help"]) == set()


def test_heavy_libraries_load_only_where_used(tmp_path):
    from crosscheck import units
    units.load_unit_lexicon(units.cache_dir())  # the lexicon is cached: quantulum3 is not needed
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", "Two people died and 14 were hurt when a bus overturned near Tamsfield, police said.\n")
    write(corpus, "b.txt", "Three people died after a bus overturned near Tamsfield on Sunday, officials said.\n")
    # a report clusters stories (scipy) but needs no table library, web framework or HTML extractor
    assert imported_by(["report", str(corpus), "-o", str(tmp_path / "r.html")]) == {"scipy"}
    # claims do not depend on stories: listing them clusters nothing
    assert imported_by(["claims", str(corpus), "--format", "json"]) == set()
    assert imported_by(["claims", str(corpus)]) == {"pandas"}  # the table is pandas'


def test_jobs_output_identical_to_one_job(tmp_path):
    from crosscheck.api import check
    for i in range(80):  # more than one chunk per worker
        write(tmp_path, f"a{i:02d}.txt", f"---\nsource: Outlet {i % 7}\n---\n{i % 5 + 2} people died and "
                                           f"{'dozens' if i % 2 else 'hundreds'} were hurt in clash {i}, police said.\n")
    one, two = check([tmp_path], jobs=1), check([tmp_path], jobs=2)
    from crosscheck.report import to_json_dict
    assert to_json_dict(one) == to_json_dict(two)
    assert len(one.claims) == 160


def test_claims_only_run_gives_the_claims_of_a_full_check(mixed_corpus):
    from crosscheck.api import check
    full, only = check([mixed_corpus]), check([mixed_corpus], align=False)
    assert only.claims == full.claims and len(only.claims) == 3 and only.groups == []
