"""An invented election (the republic of Lorwen) reported by four outlets, as a folder of .txt files
with front matter: for the tests that run the CLI, the report in a browser and the review app."""
from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "ledger.txt": ("Valley Ledger", "2031-05-12", "Holt leads in early Lorwen count",
                   "Lorwen's presidential election moved towards a runoff on Monday. With 40% of ballots counted, "
                   "Maren Holt had 47.2% of the vote and Tobias Crane had 41.5%, the election commission said."),
    "times.txt": ("Harbour Times", "2031-05-13", "Holt wins Lorwen vote outright",
                  "Maren Holt won Lorwen's presidential election outright. With 99% of ballots counted, Holt "
                  "received 51.8% of the vote while Tobias Crane got 43.9%, according to the election commission."),
    "wire.txt": ("Northern Wire", "2031-05-13", "Lorwen result questioned",
                 "The election commission's count of Lorwen's presidential election gave Maren Holt 51.8% of the "
                 "vote. Tobias Crane received 38.2%, the commission said."),
    # shares that cannot all be right (109% in all), and a share naming no candidate
    "gazette.txt": ("Quarry Gazette", "2031-05-14", "Lorwen tally draws complaints",
                    "A provincial tally of Lorwen's presidential election, with 99% of ballots counted, put Maren "
                    "Holt at 71% of the vote and Tobias Crane at 38%. A candidate nobody had heard of took 4.9% of the vote."),
}


def write_election_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (source, date, title, text) in ARTICLES.items():
        (folder / name).write_text(f"---\nsource: {source}\npublished: {date}\ntitle: {title}\n---\n{text}\n",
                                   encoding="utf-8")
    return folder
