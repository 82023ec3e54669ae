"""Ingest stage: files and folders -> :class:`Article` records, and nothing lost silently.

Reads .txt and .md (with an optional front-matter block of ``key: value`` lines between
``---`` fences: source, title, published, url, story); .html pages (main text, title, site
name and date extracted with trafilatura); .jsonl / .json / .csv with one article per row
(``id``, ``text``, optional ``source``, ``title``, ``published``, ``url``, ``story``); and
``-`` for JSONL on standard input. Folders are read recursively. Anything that cannot be read
becomes a :class:`Skipped` entry with the reason; good rows beside a bad one are kept.

Missing metadata is inferred and marked as inferred: the source from an agency credit or
dateline ("© Agence France-Presse", "(AFP)", "(Reuters)"), else the page's site name, else the
file name; the title from a first line that reads as a headline; the date from the URL, a dateline, a
"Published …" line or the opening lines (crosscheck/dates.py, which also marks odd dates).
A ``sources.csv`` beside the files (columns ``file``, then any of source, title, published,
url, story) overrides whatever was given or inferred.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

from .dates import date_article, is_date_line
from .models import Article
from .result import Skipped

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ROW_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
MAX_BYTES = 5 * 1024 * 1024  # an article larger than this is almost surely not one article
FIELDS = ("source", "title", "published", "url", "story")

# Agency credits and datelines, and the source name each one means.
AGENCIES = {
    "afp": "Agence France-Presse", "agence france-presse": "Agence France-Presse", "agence france presse": "Agence France-Presse",
    "reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press",
    "the associated press": "Associated Press", "dpa": "Deutsche Presse-Agentur", "efe": "EFE", "ansa": "ANSA",
    "tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax", "xinhua": "Xinhua", "upi": "UPI",
    "bloomberg": "Bloomberg", "pti": "Press Trust of India", "ians": "IANS", "kyodo": "Kyodo News",
    "yonhap": "Yonhap", "anadolu": "Anadolu Agency", "belta": "BelTA",
}
_CREDIT_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?P<who>[A-Z][\w .&'-]{1,60}?)\s*$", re.IGNORECASE | re.MULTILINE)
_DATELINE_RE = re.compile(r"\((?P<who>AFP|Reuters|AP|dpa|EFE|ANSA|TASS|Xinhua|UPI|PTI|IANS|BelTA|Interfax)\)")
_TAIL_RE = re.compile(r"^\s*[—–-]\s*(?P<who>AP|Associated Press|Reuters|AFP)\s*$", re.MULTILINE)
_FRONT_RE = re.compile(r"\A\ufeff?---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)


class InputError(Exception):
    """A path the user named cannot be read at all (missing, unreadable)."""


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES
OVERRIDES_FILE = "sources.csv"


def read_paths(paths: Iterable[str | Path], stdin=None) -> Ingested:
    """Read every article under ``paths`` (files, folders, or ``-`` for JSONL on stdin).

    Raises InputError for a path that does not exist; everything else that cannot be read is
    reported in ``Ingested.skipped`` with the reason.
    """
    out = Ingested()
    for p in paths:
        if str(p) == "-":
            import sys
            _read_rows(Path("<stdin>"), (stdin or sys.stdin).read(), ".jsonl", out)
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"no such file or folder: {p}")
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        overrides: dict[Path, dict[str, dict]] = {}
        for f in files:
            if f.name.startswith(".") or f.name == OVERRIDES_FILE:
                continue
            if path.is_dir() and f.suffix.lower() not in ARTICLE_SUFFIXES:
                out.skipped.append(Skipped(str(f), f"not an article format ({f.suffix or 'no extension'})"))
                continue
            if f.parent not in overrides:
                overrides[f.parent] = _read_overrides(f.parent / OVERRIDES_FILE, out)
            _read_file(f, out, root=path if path.is_dir() else f.parent, overrides=overrides[f.parent])
    _dedupe(out)
    return out


def _read_overrides(path: Path, out: Ingested) -> dict[str, dict]:
    """sources.csv: per-file metadata that wins over front matter and inference."""
    if not path.is_file():
        return {}
    rows = {}
    text, _ = decode(path.read_bytes())
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), 2):
        name = (row.get("file") or row.get("id") or "").strip()
        if not name:
            out.skipped.append(Skipped(str(path), f"row {n}: no 'file' column value", row=n))
            continue
        rows[name] = {k: v.strip() for k, v in row.items() if k in FIELDS and v and v.strip()}
    return rows


def _read_file(f: Path, out: Ingested, root: Path, overrides: Optional[dict] = None) -> None:
    size = f.stat().st_size
    if size > MAX_BYTES:
        out.skipped.append(Skipped(str(f), f"larger than the {MAX_BYTES // (1024 * 1024)} MiB limit for one input file"))
        return
    data = f.read_bytes()
    suffix = f.suffix.lower()
    # a row file is judged row by row: one corrupt line must not cost the good rows beside it
    if suffix not in ROW_SUFFIXES and b"\x00" in data[:4096]:
        out.skipped.append(Skipped(str(f), "binary file, not text"))
        return
    text, warning = decode(data)
    if warning:
        out.warnings.append(f"{f}: {warning}")
    if suffix in ROW_SUFFIXES:
        _read_rows(f, text.replace("\x00", "\ufffd"), suffix, out)
        return
    if not text.strip():
        out.skipped.append(Skipped(str(f), "empty file"))
        return
    rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name
    given = (overrides or {}).get(f.name, {})
    if suffix in HTML_SUFFIXES:
        art = article_from_html(text, article_id=rel, path=str(f))
        if art is None:
            out.skipped.append(Skipped(str(f), "no article text found in the HTML page"))
            return
        out.articles.append(_override(art, given))
        return
    out.articles.append(_override(article_from_text(text, article_id=rel, path=str(f)), given))


def _override(art: Article, given: dict) -> Article:
    if not given:
        return art
    fields = dict(given)
    if "published" in fields:
        dated = date_article(art.text, url=fields.get("url", art.url), given=fields["published"])
        fields.update(published=dated.published, date_source=dated.source, date_issues=dated.issues)
    return replace(art, **fields, inferred=tuple(x for x in art.inferred if x not in fields))


def decode(data: bytes) -> tuple[str, Optional[str]]:
    """Bytes -> text, with a warning when it was not clean UTF-8.

    UTF-8 (with or without BOM) first; then the encoding charset_normalizer detects; then
    Windows-1252 (what most mislabelled Western news text is); last, UTF-8 with U+FFFD for the
    bytes that cannot be decoded, so nothing readable is lost.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    for enc in (_detect(data), "cp1252"):
        if not enc:
            continue
        try:
            return data.decode(enc), f"not UTF-8; read as {enc}"
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace"), "undecodable bytes replaced with U+FFFD"


def _detect(data: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    best = from_bytes(data).best()
    # on short Western text the detector wavers between close cousins; cp1252 reads them all the same
    if best is None or best.encoding in ("cp1250", "cp1257", "latin_1", "iso8859_15", "cp1254"):
        return None
    return best.encoding


def parse_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """``---`` fenced ``key: value`` lines at the top -> (fields, body, offset of the body)."""
    m = _FRONT_RE.match(text)
    if not m:
        return {}, text, 0
    fields = {}
    for line in m.group("body").splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            fields[k.strip().lower()] = v.strip().strip("\"'")
    return fields, text[m.end():], m.end()


def with_headline(article: Article) -> Article:
    """The article as published: its headline, then its body.

    Headlines carry figures ("1 dead, 4 wounded in park shooting") that the body may never
    repeat, so a title given apart from the text becomes the text's first paragraph, unless
    the text already opens with it. All character offsets are into this text.
    """
    title = (article.title or "").strip()
    if not title or "title" in article.inferred:
        return article
    head = " ".join(article.text[: len(title) + 200].split()).lower()
    if " ".join(title.split()).lower()[:60] in head:
        return article
    return replace(article, text=f"{title}\n\n{article.text}")


def article_from_text(text: str, article_id: str, path: Optional[str] = None, meta: Optional[dict] = None,
                      given_date_source: str = "given") -> Article:
    fields, body, _ = parse_front_matter(text)
    fields = {**fields, **{k: v for k, v in (meta or {}).items() if v}}
    inferred = []
    source = fields.get("source")
    if not source:
        source = infer_source(body)
        if source:
            inferred.append("source")
        else:
            source = Path(article_id).stem
            inferred.append("source")
    title = fields.get("title")
    if not title:
        title = infer_title(body)
        if title:
            inferred.append("title")
    # the date from the first source that has one (crosscheck/dates.py), with any oddity marked, never fatal
    dated = date_article(body, url=fields.get("url"), given=fields.get("published") or fields.get("date"),
                         given_source=given_date_source)
    if dated.published and dated.source != "given":
        inferred.append("published")
    return with_headline(Article(id=article_id, text=body, source=source, title=title, published=dated.published,
                                 path=path, url=fields.get("url"), story=fields.get("story") or None,
                                 inferred=tuple(inferred), date_source=dated.source, date_issues=dated.issues))


def infer_source(text: str) -> Optional[str]:
    """The outlet or agency credited in the text, if any."""
    for rx in (_CREDIT_RE, _DATELINE_RE, _TAIL_RE):
        for m in rx.finditer(text):
            who = m.group("who").strip().rstrip(".")
            return AGENCIES.get(who.lower(), who)
    return None


def infer_title(text: str) -> Optional[str]:
    """A first line that reads as a headline: short, no final full stop, followed by a blank line.
    A date line above it ("14 Jun 2017", "Last updated: Friday, 26 May 2023, 13:32 GMT") is passed
    over: the headline, not the date, says what the article is about."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if is_date_line(first) and rest.startswith(("\n", "\r\n")):
        first, _, rest = rest.lstrip().partition("\n")
        first = first.strip()
    if 2 <= len(first.split()) <= 20 and not first.endswith((".", ",", ";", ":")) and rest.startswith(("\n", "\r\n")):
        return first
    return None


def article_from_html(html: str, article_id: str, path: Optional[str] = None) -> Optional[Article]:
    """A web page -> its main text and metadata (trafilatura), or None when it has no article text."""
    import trafilatura
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        return None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    if not text:
        return None
    title = d.get("title") or None
    art = article_from_text(text, article_id, path, meta={"title": title, "url": d.get("url"), "published": d.get("date")},
                            given_date_source="page metadata")
    inferred = list(art.inferred)
    source = art.source
    if "source" in inferred and not infer_source(text) and d.get("sitename"):
        source = d["sitename"]  # no agency credit in the text: the site's name, still inferred
    return replace(art, source=source, inferred=tuple(dict.fromkeys(inferred)))


# ---- one article per row ---------------------------------------------------------------
def _read_rows(f: Path, text: str, suffix: str, out: Ingested) -> None:
    rows: list[tuple[int, object]] = []
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                out.skipped.append(Skipped(str(f), f"line {n}: not valid JSON ({e.msg})", row=n))
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            out.skipped.append(Skipped(str(f), f"not valid JSON ({e.msg} at line {e.lineno})"))
            return
        if isinstance(data, dict) and "articles" not in data and "text" not in data:
            out.skipped.append(Skipped(str(f), "a JSON object with neither 'articles' nor 'text': not an article file"))
            return
        data = data.get("articles", data) if isinstance(data, dict) else data
        rows = list(enumerate(data if isinstance(data, list) else [data], 1))
    else:
        try:
            reader = csv.DictReader(io.StringIO(text))
            rows = [(n, r) for n, r in enumerate(reader, 2)]
        except csv.Error as e:
            out.skipped.append(Skipped(str(f), f"not valid CSV ({e})"))
            return
    for n, row in rows:
        art = _article_from_row(row)
        if isinstance(art, str):
            out.skipped.append(Skipped(str(f), f"row {n}: {art}", row=n))
        else:
            out.articles.append(replace(art, path=f"{f}#{n}"))


def _article_from_row(row: object) -> Article | str:
    if not isinstance(row, dict):
        return "not an object with 'id' and 'text'"
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return "no 'text'"
    aid = row.get("id") or row.get("doc_id")
    if aid is None or str(aid).strip() == "":
        return "no 'id'"
    meta = {k: str(row[k]) for k in FIELDS if row.get(k) not in (None, "")}
    if "published" not in meta and row.get("dct"):
        meta["published"] = str(row["dct"])
    return article_from_text(text, article_id=str(aid), meta=meta)


def _dedupe(out: Ingested) -> None:
    """Articles with the same normalised text are one article: keep the first, report the rest."""
    seen: dict[str, str] = {}
    ids: set[str] = set()
    kept = []
    for a in out.articles:
        key = " ".join(a.text.lower().split())
        if key in seen:
            out.skipped.append(Skipped(a.path or a.id, f"duplicate of {seen[key]}"))
            continue
        if a.id in ids:
            out.skipped.append(Skipped(a.path or a.id, f"duplicate id {a.id}"))
            continue
        seen[key] = a.id
        ids.add(a.id)
        kept.append(a)
    out.articles = kept
