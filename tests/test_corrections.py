"""Reviewers' corrections of claims: applied before alignment (verdicts follow), orphaned when the
article's text changes, stored with their history, exported as labelled data."""
import json

import pytest
from click.testing import CliRunner

from crosscheck.api import check, check_articles, with_corrections
from crosscheck.cli import main
from crosscheck.corrections import (Correction, CorrectionError, apply_corrections, article_hash, claim_fields,
                                    correction_fields)
from crosscheck.models import Article
from crosscheck.review import ReviewStore

FIRE_A = "Three people died in the fire at the Wexby mill on Monday, the county fire service said."
FIRE_B = "Two people died in the fire at the Wexby mill on Monday, the county fire service said."


def articles(a_text=FIRE_A):
    return [Article(id="a.txt", text=a_text, source="Outlet A", story="s"),
            Article(id="b.txt", text=FIRE_B, source="Outlet B", story="s")]


def claim_of(result, article, text):
    return next(c for c in result.claims if c.article == article and c.quantity.text == text)


def correction(claim, article, fields, reviewer="Ana", at="2026-01-01T00:00:00"):
    return Correction(claim_id=claim.id, article_id=article.id, article_hash=article_hash(article.text),
                      fields=fields, before=claim_fields(claim), reviewer=reviewer, corrected_at=at)


def deaths_group(result):
    return next(g for g in result.groups if g.measure == "deaths")


def test_a_corrected_figure_changes_the_verdict():
    res = check_articles(articles())
    assert deaths_group(res).verdict == "conflict"
    three = claim_of(res, "a.txt", "Three")
    fixed = with_corrections(res, [correction(three, res.article("a.txt"), {"lo": 2.0, "hi": 2.0})])
    assert deaths_group(fixed).verdict == "consistent"
    assert deaths_group(fixed).id == deaths_group(res).id  # same group: decisions stay attached
    assert (fixed.claim(three.id).lo, fixed.claim(three.id).quantity.kind) == (2.0, "exact")
    assert [r.applied for r in fixed.corrections] == [True]


def test_not_a_claim_leaves_every_group_but_stays_listed():
    res = check_articles(articles())
    three = claim_of(res, "a.txt", "Three")
    fixed = check_articles(articles(), corrections=[correction(three, res.article("a.txt"), {"not_a_claim": True})])
    assert three.id not in {c.id for c in fixed.claims}
    assert all(three.id not in g.claims + g.related for g in fixed.groups)
    assert deaths_group(fixed).verdict == "single_source"
    assert fixed.corrections[0].applied and fixed.corrections[0].correction.not_a_claim


def test_a_corrected_measure_moves_the_claim_to_another_group():
    res = check_articles(articles())
    three = claim_of(res, "a.txt", "Three")
    fixed = with_corrections(res, [correction(three, res.article("a.txt"), {"measure": "injuries"})])
    injuries = next(g for g in fixed.groups if g.measure == "injuries")
    assert three.id in injuries.claims and deaths_group(fixed).verdict == "single_source"


def test_a_correction_is_orphaned_when_the_article_text_changes():
    res = check_articles(articles())
    three = claim_of(res, "a.txt", "Three")
    corr = correction(three, res.article("a.txt"), {"lo": 2.0, "hi": 2.0})
    changed = check_articles(articles(FIRE_A + " Roads nearby stayed closed."), corrections=[corr])
    assert claim_of(changed, "a.txt", "Three").id == three.id  # the sentence is the same...
    state = changed.corrections[0]
    assert not state.applied and "text changed" in state.why  # ...but the text is not: kept, not applied
    assert deaths_group(changed).verdict == "conflict"
    gone = check_articles(articles()[1:], corrections=[corr])
    assert not gone.corrections[0].applied and "no longer in the corpus" in gone.corrections[0].why


def test_apply_leaves_claims_without_a_correction_untouched():
    res = check_articles(articles())
    claims, states = apply_corrections(res.claims, res.articles, [])
    assert claims == res.claims and states == []


@pytest.mark.parametrize("form, expected", [
    ({"lo": "3", "hi": "3", "measure": "deaths", "subject": "people"}, {}),  # as read: confirmed
    ({"lo": "2", "hi": "2", "measure": "deaths", "subject": "people"}, {"lo": 2.0, "hi": 2.0}),
    ({"lo": "2", "hi": "", "measure": "deaths", "subject": "people"}, {"lo": 2.0, "hi": None}),
    ({"lo": "1,200", "hi": "1,500", "measure": "injuries", "subject": " firefighters "},
     {"lo": 1200.0, "hi": 1500.0, "measure": "injuries", "subject": "firefighters"}),
    ({"lo": "3", "hi": "3", "measure": "deaths", "subject": "people", "scope": "on Sunday", "attribution": "a witness"},
     {"scope": "on Sunday", "attribution": "a witness"}),
    ({"not_a_claim": "1", "lo": "nonsense"}, {"not_a_claim": True}),
])
def test_form_fields_are_what_differs_from_the_extractor(form, expected):
    three = claim_of(check_articles(articles()), "a.txt", "Three")
    assert (three.measure, three.subject, three.lo, three.hi) == ("deaths", "people", 3.0, 3.0)
    form = {"scope": three.scope or "", "attribution": three.attribution or ""} | form
    assert correction_fields(form, three) == expected


@pytest.mark.parametrize("form, msg", [
    ({"lo": "four", "hi": "4", "measure": "deaths"}, "must be a number"),
    ({"lo": "5", "hi": "4", "measure": "deaths"}, "above the upper bound"),
    ({"lo": "", "hi": "", "measure": "deaths"}, "needs a lower or an upper bound"),
    ({"lo": "-1", "hi": "4", "measure": "deaths"}, "zero or more"),
    ({"lo": "4", "hi": "4", "measure": "<b>x</b>"}, "unknown measure"),
    ({"lo": "4", "hi": "4", "measure": "weather"}, "unknown measure"),
])
def test_bad_forms_are_refused(form, msg):
    three = claim_of(check_articles(articles()), "a.txt", "Three")
    with pytest.raises(CorrectionError, match=msg):
        correction_fields(form, three)


def test_store_keeps_every_correction_in_its_history(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite")
    res = check_articles(articles())
    three, art = claim_of(res, "a.txt", "Three"), res.article("a.txt")
    store.correct(three.id, art.id, article_hash(art.text), {"lo": 2.0, "hi": 2.0}, claim_fields(three), "Ana",
                  note="the fire service said two", group_id="gx")
    c = store.correct(three.id, art.id, article_hash(art.text), {"not_a_claim": True}, claim_fields(three), "Ben")
    assert (c.revision, c.reviewer, c.fields) == (2, "Ben", {"not_a_claim": True})
    h = store.correction_history(three.id)
    assert [(x.reviewer, x.from_fields, x.to_fields) for x in h] == [
        ("Ana", None, {"lo": 2.0, "hi": 2.0}), ("Ben", {"lo": 2.0, "hi": 2.0}, {"not_a_claim": True})]
    assert store.corrections_stamp() == h[-1].id
    assert [x.claim_id for x in store.correction_history(group_id="gx")] == [three.id]


def test_cli_report_applies_corrections_and_export_writes_labelled_lines(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for a in articles():
        (corpus / a.id).write_text(f"---\nsource: {a.source}\nstory: s\n---\n{a.text}\n")
    res = check([corpus])
    three, art = claim_of(res, "a.txt", "Three"), res.article("a.txt")
    db = tmp_path / "r.sqlite"
    ReviewStore(db).correct(three.id, art.id, article_hash(art.text), {"lo": 2.0, "hi": 2.0}, claim_fields(three),
                            "Ana", note="misread")
    out = CliRunner().invoke(main, ["report", str(corpus), "--db", str(db), "-o", str(tmp_path / "r.html"),
                                    "--json", str(tmp_path / "r.json")])
    assert out.exit_code == 0, out.output
    data = json.loads((tmp_path / "r.json").read_text())
    assert [g["verdict"] for g in data["groups"] if g["measure"] == "deaths"] == ["consistent"]
    assert data["corrections"][0]["applied"] and data["corrections"][0]["claim_id"] == three.id
    assert "corrected" in (tmp_path / "r.html").read_text()
    out = CliRunner().invoke(main, ["claims", str(corpus), "--db", str(db), "--format", "json"])
    assert [c["lo"] for c in json.loads(out.stdout) if c["id"] == three.id] == [2.0]
    out = CliRunner().invoke(main, ["corrections", "export", "--db", str(db)])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["sentence"] == FIRE_A and rows[0]["figure"] == "Three"
    assert rows[0]["sentence"][rows[0]["figure_start"]:rows[0]["figure_end"]] == "Three"
    assert (rows[0]["extracted"]["lo"], rows[0]["corrected"]["lo"], rows[0]["changed"]) == (3.0, 2.0, ["hi", "lo"])
    assert rows[0]["history"][0]["reviewer"] == "Ana"


def test_dask_engine_refuses_corrections_rather_than_ignoring_them():
    res = check_articles(articles())
    three = claim_of(res, "a.txt", "Three")
    with pytest.raises(RuntimeError, match="local engine"):
        check_articles(articles(), scheduler="tcp://127.0.0.1:1",
                       corrections=[correction(three, res.article("a.txt"), {"lo": 2.0})])


def test_a_corrected_attribution_names_its_party_anew():
    """Disputes key on the party: correcting 'police' to 'organisers' must move the figure's side."""
    from crosscheck.corrections import corrected_claim
    from crosscheck.models import Claim, Quantity
    q = Quantity(text="20,000", start=0, end=6, lo=20000.0, hi=20000.0, kind="exact", value=20000.0)
    c = Claim(id="c1", article="a", measure="participants", subject=None, quantity=q, sentence="20,000 marched.",
              sentence_start=0, attribution="police", party="police", side="official")
    fixed = corrected_claim(c, {"attribution": "the organisers"})
    assert (fixed.party, fixed.side) == ("organisers", "organisers")
