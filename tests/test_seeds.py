"""The seed articles: what a correct report over them says (../shared/seeds/expected.json)."""
import pytest


def test_every_expected_claim_found_with_measure_bounds_and_span(seeds_result, seeds_expected, seeds_dir):
    for exp in seeds_expected["claims"]:
        text = (seeds_dir / exp["article"]).read_text()
        matches = [c for c in seeds_result.claims if c.article == exp["article"]
                   and c.quantity.start == exp["number_span"][0] and c.quantity.end == exp["number_span"][1]]
        assert matches, f"no claim at {exp['number_span']} ({exp['number']!r}) in {exp['article']}"
        c = matches[0]
        assert text[c.quantity.start:c.quantity.end] == exp["number"]
        assert c.measure == exp["measure"], exp["phrase"]
        assert c.quantity.lo == pytest.approx(exp["lo"]), exp["phrase"]
        assert (c.quantity.hi is None) == (exp["hi"] is None), exp["phrase"]
        if exp["hi"] is not None:
            assert c.quantity.hi == pytest.approx(exp["hi"]), exp["phrase"]
        assert c.quantity.increment == bool(exp.get("incremental")), exp["phrase"]
        assert (c.part_of is not None) == ("part_of" in exp), exp["phrase"]


def test_no_other_casualty_or_detention_claims(seeds_result, seeds_expected):
    expected = {(e["article"], e["number_span"][0]) for e in seeds_expected["claims"]}
    extra = [c for c in seeds_result.claims if c.measure in ("deaths", "injuries", "detentions")
             and (c.article, c.quantity.start) not in expected]
    assert not extra, [(c.article, c.quantity.text, c.sentence) for c in extra]


def test_no_date_year_or_ordinal_among_claims(seeds_result, seeds_expected):
    texts = {c.quantity.text for c in seeds_result.claims}
    for nc in seeds_expected["not_claims"]:
        assert not any(nc["text"] in t or t in nc["text"].split() for t in texts), nc


def test_verdicts(seeds_result, seeds_expected):
    got = {}
    for g in seeds_result.groups:
        # a vote share is compared only within its candidate: its group is the candidate's
        if g.subject_class == "people" or g.measure == "vote_share":
            got[g.measure] = g.verdict
    for v in seeds_expected["verdicts"]:
        assert got.get(v["measure"]) == v["verdict"], (v["measure"], got)


def test_vote_share_names_its_candidate(seeds_result):
    """'the incumbent leader ... – according to the CEC, he gained 80.1% of the vote': the pronoun
    is the leader named before it, not the commission that gave the figure."""
    shares = [c for c in seeds_result.claims if c.measure == "vote_share"]
    assert [c.quantity.text for c in shares] == ["80.1%"]
    assert "Lukashenko" in shares[0].subject


def test_increment_not_compared(seeds_result):
    det = next(g for g in seeds_result.groups if g.measure == "detentions")
    compared = [seeds_result.claim(cid) for cid in det.claims]
    assert all(not c.quantity.increment for c in compared)
    assert any(seeds_result.claim(cid).quantity.increment for cid in det.related)


def test_agency_credit_infers_source(seeds_result):
    art = seeds_result.article("002_b3838403087fc72a.txt")
    assert art.source == "Agence France-Presse"
    assert "source" in art.inferred


def test_cli_report_on_seeds(seeds_dir, tmp_path):
    import json
    from click.testing import CliRunner
    from crosscheck.cli import main
    out = tmp_path / "out.json"
    r = CliRunner().invoke(main, ["report", str(seeds_dir), "--json", str(out), "-o", str(tmp_path / "r.html"),
                                  "--fail-on-conflict"])
    assert r.exit_code == 3, r.output
    data = json.loads(out.read_text())
    verdicts = {(g["measure"], g["verdict"]) for g in data["groups"]}
    assert {("deaths", "conflict"), ("injuries", "conflict"), ("detentions", "consistent"),
            ("vote_share", "single_source")} <= verdicts
    assert "deaths" in r.output and "3" in r.output
