"""Ingestion: the inputs users have, their metadata, and bad input that never loses data."""
import json

from crosscheck.ingest import read_paths


def test_front_matter_and_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("---\nsource: The Daily\ntitle: T\npublished: 15 March 2025\n---\nTwo died.\n")
    (tmp_path / "b.txt").write_text("Headline here\n\nBody text (Reuters) - Three died.\n")
    r = read_paths([tmp_path])
    arts = {a.id: a for a in r.articles}
    assert arts["sub/a.md"].source == "The Daily" and arts["sub/a.md"].published == "2025-03-15"
    assert arts["sub/a.md"].text == "Two died.\n" and arts["sub/a.md"].inferred == ()
    assert arts["b.txt"].source == "Reuters" and arts["b.txt"].title == "Headline here"
    assert set(arts["b.txt"].inferred) == {"source", "title"}


def test_rows_with_a_bad_one_keep_the_good(tmp_path):
    f = tmp_path / "arts.jsonl"
    f.write_text(json.dumps({"id": "1", "text": "Two died.", "published": "2025-01-02"}) + "\n{not json\n"
                 + json.dumps({"id": "3"}) + "\n" + json.dumps({"id": "4", "text": "Three died."}) + "\n")
    r = read_paths([f])
    assert [a.id for a in r.articles] == ["1", "4"]
    reasons = sorted(s.reason for s in r.skipped)
    assert reasons[0].startswith("line 2: not valid JSON") and "row 3: no 'text'" in reasons[1]


def test_csv_rows(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text('id,text,source\n1,"Two people died, police said.",Outlet\n2,,Other\n')
    r = read_paths([f])
    assert [(a.id, a.source) for a in r.articles] == [("1", "Outlet")]
    assert r.skipped[0].row == 3


def test_bad_files_are_reported_not_dropped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners said two died.".encode("latin-1"))
    (tmp_path / "dup.txt").write_text("Caf\u00e9 owners said two died.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    r = read_paths([tmp_path])
    skipped = {s.path.split("/")[-1]: s.reason for s in r.skipped}
    assert skipped["empty.txt"] == "empty file"
    assert skipped["bin.txt"] == "binary file, not text"
    assert "not an article format" in skipped["image.png"]
    assert any("duplicate of" in v for v in skipped.values())
    assert any("Windows-1252" in w for w in r.warnings)
    assert len(r.articles) == 1 and "Café" in r.articles[0].text


def test_gva_style_rows_keep_ids_titles_dates(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"doc_id": "abc", "title": "Shooting", "dct": "2014-02-15", "text": "A man died."}) + "\n")
    a = read_paths([f]).articles[0]
    assert (a.id, a.title, a.published) == ("abc", "Shooting", "2014-02-15")
