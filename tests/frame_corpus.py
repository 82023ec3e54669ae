"""Invented reports whose figures differ by their frame: a march two parties count differently, a fire
whose toll rises (one figure dated by its own sentence), a ferry sinking whose ministry lowers its own
toll. Dates in the past (a date in the future is marked) and on the weekdays the texts name. Folders of .txt files for the tests of the report's frame, in the CLI and in a browser."""
from __future__ import annotations

from pathlib import Path

CORPORA = {  # name -> file -> (source, published or None, title, text)
    "march": {
        "ledger.txt": ("Valley Ledger", "2021-05-02", "Marchers fill Kestrel",
                       "Police put the crowd at 3,000 as marchers crossed the Kestrel bridge on Saturday."),
        "star.txt": ("Kestrel Morning Star", "2021-05-02", "Toll protest in Kestrel",
                     "Some 18,000 people marched on Saturday, according to the organisers."),
        "leaflet.txt": (None, None, "Kestrel bridge march", "About 18,000 people joined the march, the organisers said."),
    },
    "fire": {
        "radio.txt": ("City Radio", "2021-06-11", "Harrow Lane fire: toll rises again",
                      "The death toll from the Harrow Lane fire has risen to 14 after two of the injured died in "
                      "hospital."),
        "gazette.txt": ("Harrow Gazette", "2021-06-08", "Fire at Harrow Lane flats",
                        "Nine people died in the fire at the Harrow Lane flats, the fire service said on Monday."),
        "wire.txt": ("Northern Wire", "2021-06-09", "Harrow Lane fire toll rises",
                     "The death toll from the Harrow Lane fire has risen to 12, the fire service said on Wednesday."),
    },
    "ferry": {
        "courier.txt": ("Delta Courier", "2021-08-01", "Ferry capsizes off Marl Point",
                        "The health ministry said 40 people died when the ferry capsized off Marl Point."),
        "bulletin.txt": ("Coast Bulletin", "2021-08-03", "Ferry toll lowered",
                         "The health ministry revised the death toll down to 31, saying some victims had been "
                         "counted twice."),
    },
}


def write_frame_corpus(folder: Path, name: str) -> Path:
    """Write corpus ``name`` into ``folder``; an article with no source and no date is written as bare
    text: the report infers nothing and says it is undated."""
    folder.mkdir(parents=True, exist_ok=True)
    for file, (source, date, title, text) in CORPORA[name].items():
        meta = "".join(f"{k}: {v}\n" for k, v in (("source", source), ("published", date)) if v)
        (folder / file).write_text((f"---\n{meta}---\n" if meta else "") + f"{title}\n\n{text}\n", encoding="utf-8")
    return folder
