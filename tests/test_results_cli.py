"""`crosscheck report` on a folder of invented election articles: the results table in the page and
in the JSON report, as a user gets them."""
from __future__ import annotations

import json
import re
from html import unescape

from click.testing import CliRunner
from election_corpus import write_election_corpus

from crosscheck.cli import main


def text_of(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_report_shows_each_sources_figures_per_candidate(tmp_path):
    corpus = write_election_corpus(tmp_path / "lorwen")
    html, js = tmp_path / "r.html", tmp_path / "r.json"
    r = CliRunner().invoke(main, ["report", str(corpus), "-o", str(html), "--json", str(js)])
    assert r.exit_code == 0, r.output
    page = html.read_text(encoding="utf-8")
    table = re.search(r'<table class="rt">(.*?)</table>', page, re.S).group(1)
    header = text_of(re.search(r"<thead>(.*?)</thead>", table, re.S).group(1))
    # oldest source first, each with how far the count had got
    assert re.search(r"Valley Ledger 2031-05-12 40% counted.*Harbour Times.*99% counted.*Northern Wire.*Quarry Gazette",
                     header)
    rows = {text_of(re.search(r'<span class="rt-name">(.*?)</span>', row).group(1)): row
            for row in re.findall(r'<tr class="rt-row[^"]*">(.*?)</tr>', table, re.S)}
    assert list(rows) == ["Maren Holt", "Tobias Crane"]
    cells = [text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", rows["Tobias Crane"], re.S)]
    assert cells[0].startswith("41.5%") and "updated later" in cells[0]
    assert cells[2].startswith("38.2%") and "conflict with" in cells[2]
    # the Gazette's 71% and 38% cannot both hold: said on its column, and under the table
    assert "shares add up to 109%, more than 100% even allowing for rounding" in header
    assert "1 share names no candidate" in text_of(page)
    # the page's order: results, then the group cards
    assert page.index('id="results"') < page.index('class="group')
    data = json.loads(js.read_text(encoding="utf-8"))
    (t,) = data["results_tables"]
    assert [row["label"] for row in t["rows"]] == ["Maren Holt", "Tobias Crane"]
    assert t["unnamed_shares"] == 1
