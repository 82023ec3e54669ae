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
    assert any("not UTF-8; read as cp1252" in w for w in r.warnings)
    assert len(r.articles) == 1 and "Café" in r.articles[0].text


def test_gva_style_rows_keep_ids_titles_dates(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"doc_id": "abc", "title": "Shooting", "dct": "2014-02-15", "text": "A man died."}) + "\n")
    a = read_paths([f]).articles[0]
    assert (a.id, a.title, a.published) == ("abc", "Shooting", "2014-02-15")


def test_html_page_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Two dead in harbour clashes</title>"
        "<meta property='og:site_name' content='The Courier'>"
        "<meta property='article:published_time' content='2025-03-15T10:00:00Z'></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Two dead in harbour clashes</h1>"
        "<p>Two people were killed on Friday when police clashed with protesters near the harbour, officials said.</p>"
        "<p>Dozens of people were hurt in the clashes, which lasted until the early hours of Saturday morning.</p>"
        "</article><footer>Accept cookies</footer></body></html>")
    a = read_paths([tmp_path]).articles[0]
    assert (a.source, a.title, a.published) == ("The Courier", "Two dead in harbour clashes", "2025-03-15")
    # the headline is the first paragraph, then the main text; navigation and footer are gone
    assert a.text.startswith("Two dead in harbour clashes\n") and "Two people were killed" in a.text
    assert "cookies" not in a.text and "Sport" not in a.text
    assert {"source", "published"} <= set(a.inferred) and "title" not in a.inferred


def test_a_title_given_apart_becomes_the_first_paragraph(tmp_path):
    f = tmp_path / "rows.jsonl"
    f.write_text('{"id": "1", "title": "1 dead, 4 wounded in park shooting", "text": "Police said a man died."}\n'
                 '{"id": "2", "title": "Storm hits coast", "text": "Storm hits coast\\n\\nThe storm arrived."}\n')
    a, b = read_paths([f]).articles
    assert a.text == "1 dead, 4 wounded in park shooting\n\nPolice said a man died."
    assert b.text == "Storm hits coast\n\nThe storm arrived."  # already opens with it


def test_sources_csv_overrides_inferred_fields(tmp_path):
    (tmp_path / "a.txt").write_text("Body (Reuters) - Two people died.")
    (tmp_path / "sources.csv").write_text("file,source,published\na.txt,The Real Outlet,2025-03-15\n")
    r = read_paths([tmp_path])
    a = r.articles[0]
    assert (a.source, a.published) == ("The Real Outlet", "2025-03-15") and "source" not in a.inferred
    assert r.skipped == []  # sources.csv is metadata, not an article


def test_dateline_date_is_inferred(tmp_path):
    (tmp_path / "a.txt").write_text("LONDON, 15 March 2025 (Reuters) - Two people died.")
    a = read_paths([tmp_path]).articles[0]
    assert a.published == "2025-03-15" and "published" in a.inferred


def test_stdin_jsonl():
    import io
    r = read_paths(["-"], stdin=io.StringIO('{"id": "x", "text": "Two died."}\n'))
    assert [a.id for a in r.articles] == ["x"]


def test_size_limit_is_reported(tmp_path, monkeypatch):
    import crosscheck.ingest as ingest
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 100)
    r = read_paths([tmp_path])
    assert r.skipped[0].reason.startswith("larger than the")


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(junk=st.binary(max_size=400), text=st.text(max_size=300))
def test_random_input_never_crashes_nor_loses_a_good_article(tmp_path_factory, junk, text):
    d = tmp_path_factory.mktemp("h")
    (d / "good.txt").write_text("Police said three people were killed on Friday.")
    (d / "junk.txt").write_bytes(junk)
    (d / "text.md").write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text else None
    (d / "rows.jsonl").write_bytes(junk + b"\n" + b'{"id": "r1", "text": "Two people died."}\n')
    r = read_paths([d])
    ids = {a.id for a in r.articles}
    assert "r1" in ids or any("duplicate" in s.reason for s in r.skipped)
    assert "good.txt" in ids or any("duplicate" in s.reason for s in r.skipped)
    n_files = len([p for p in d.iterdir()])
    assert len(r.articles) + len([s for s in r.skipped if s.row is None]) >= n_files - 1


def test_a_date_line_above_the_headline_is_not_the_title():
    from crosscheck.ingest import infer_title, is_date_line
    text = "3 Mar 2025\n\nGrain terminal blast in Port Selwyn kills four\n\nAn explosion tore through the silos."
    assert infer_title(text) == "Grain terminal blast in Port Selwyn kills four"
    assert is_date_line("Last updated: Monday, 3 March 2025, 09:15 GMT")
    assert not is_date_line("Four dead in March 3 silo blast")
    assert infer_title("3 Mar 2025\nAn explosion tore through the silos.") is None  # no headline below it
