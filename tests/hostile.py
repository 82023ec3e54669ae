"""A corpus whose every metadata field, in every input format, holds markup (tests/test_escaping*.py).

Each field gets its own payload naming it (``data-pwned="<field>"``), so a failure says which field
reached a page as HTML. A payload closes an attribute with either quote, opens a tag with a marker
attribute, an image whose error handler would open a dialog, a script and a style; a page that
renders it as text shows it verbatim and has none of those elements.
"""
from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path


def payload(field: str) -> str:
    return (f"'\"><b data-pwned=\"{field}\">{field}</b><img src=\"/pwned-{field}\" onerror=\"alert(1)\">"
            f"<script>alert('{field}')</script><style>body{{display:none}}</style>")


# What a page must show as text, when it shows the field at all: the tag opening the payload.
def visible_marker(field: str) -> str:
    return f'<b data-pwned="{field}">{field}</b>'


# A fire in an invented town, told with different figures so every format's article lands in a group
# that disagrees (conflict groups carry the most fields: chart labels, sources, best figure, reason).
_FIRE = "{n} people died in the fire at the Quillby grain store on Monday, the Quillby fire service said."


def write_hostile_corpus(root: Path) -> dict[str, str]:
    """Write the corpus under ``root``; returns field name -> payload, for every field planted."""
    root.mkdir(parents=True, exist_ok=True)
    planted: dict[str, str] = {}

    def p(field: str) -> str:
        planted[field] = payload(field)
        return planted[field]

    story = p("story")
    # Each format gives two articles of the story: one with markup in its title (a title with markup
    # yields no claims today, but it names the story on every group card), one with markup in every
    # other field (its figure lands in a group that disagrees).
    # .txt with front matter
    (root / "front-a.txt").write_text(
        f"---\nstory: {story}\nsource: Plain Front\ntitle: {p('front-title')}\n---\n"
        + _FIRE.format(n="Two") + "\n", encoding="utf-8")
    (root / "front-b.txt").write_text(
        f"---\nstory: {story}\nsource: {p('front-source')}\ntitle: Grain store fire\n"
        f"published: {p('front-published')}\nurl: {p('front-url')}\n---\n"
        + _FIRE.format(n="Three") + f" {p('front-text')}\n", encoding="utf-8")
    # JSON lines: every column, an id with markup
    rows = [{"id": "jsonl-a", "text": _FIRE.format(n="Four"), "story": story, "title": p("jsonl-title")},
            {"id": p("jsonl-id"), "text": _FIRE.format(n="Four") + " " + p("jsonl-text"), "story": story,
             "source": p("jsonl-source"), "published": p("jsonl-published"), "url": "javascript:alert(1)"}]
    (root / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    # CSV: every column
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "text", "story", "source", "title", "published", "url"])
    w.writeheader()
    w.writerow({"id": "csv-a", "text": _FIRE.format(n="Five"), "story": story, "title": p("csv-title")})
    w.writerow({"id": p("csv-id"), "text": _FIRE.format(n="Five") + " " + p("csv-text"), "story": story,
                "source": p("csv-source"), "published": p("csv-published"), "url": p("csv-url")})
    (root / "sheet.csv").write_text(buf.getvalue(), encoding="utf-8")

    # HTML pages: title, site name and date in the head, read by trafilatura (entities decoded, so the
    # markup arrives as text, as a page's own title would). A single <h1> is taken as the title.
    def ent(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    def page(title: str, sitename: str, date: str, h1: str, n: str) -> str:
        return (f"<html><head><title>{ent(title)}</title>"
                f"<meta property=\"og:site_name\" content=\"{ent(sitename)}\">"
                f"<meta property=\"article:published_time\" content=\"{ent(date)}\"></head><body>"
                f"<article>{h1}<p>{_FIRE.format(n=n)}</p>"
                "<p>Firefighters from three towns worked through the night to stop the fire reaching the "
                "houses beside the grain store, and the road to the river stayed closed until Tuesday.</p>"
                "</article></body></html>")
    (root / "page-a.html").write_text(page(p("html-title"), "Plain Site", "2026-03-02", "", "Six"), encoding="utf-8")
    (root / "page-b.html").write_text(page("Grain store fire", p("html-sitename"), p("html-date"),
                                           "<h1>Grain store fire</h1>", "Six"), encoding="utf-8")
    # a file name with markup (no '/' in a name): the source falls back to it, the id is it
    name = "<b data-pwned='filename'>filename<img src=x onerror=alert(1)>.txt"
    planted["filename"] = name
    (root / name).write_text(_FIRE.format(n="Seven") + "\n", encoding="utf-8")
    return planted


class _Elements(HTMLParser):
    """Every element and attribute of a page, as parsed (what a browser would build)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def injected(html: str) -> list[str]:
    """What in ``html`` is markup from a payload: marker attributes, event handlers, payload images and
    inline scripts other than the page's own. Empty when every payload stayed text."""
    parser = _Elements()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.tags:
        if "data-pwned" in attrs:
            bad.append(f"<{tag} data-pwned={attrs['data-pwned']}>")
        if any(a.startswith("on") for a in attrs):
            bad.append(f"<{tag}> with an event handler")
        if tag == "img":
            bad.append(f"<img src={attrs.get('src')}>")
        if tag == "a" and (attrs.get("href") or "").lower().lstrip().startswith("javascript:"):
            bad.append("<a href=javascript:...>")
    return bad


def page_text(html: str) -> str:
    parser = _Elements()
    parser.feed(html)
    return "".join(parser.text)
