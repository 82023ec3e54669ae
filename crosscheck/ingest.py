"""Ingest stage: files and folders -> :class:`Article` records, and nothing lost silently.

Reads .txt and .md (with an optional front-matter block of ``key: value`` lines between
``---`` fences: source, title, published, url, story), and .jsonl / .json / .csv with one
article per row (``id``, ``text``, optional ``source``, ``title``, ``published``, ``url``,
``story``). Folders are read recursively. Anything that cannot be read becomes a
:class:`Skipped` entry with the reason; good rows beside a bad one are kept.

Missing metadata is inferred and marked as inferred: the source from an agency credit or
dateline ("© Agence France-Presse", "(AFP)", "(Reuters)"), else the file name; the title from
a first line that reads as a headline.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

from .models import Article
from .result import Skipped

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
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


def read_paths(paths: Iterable[str | Path]) -> Ingested:
    """Read every article under ``paths`` (files or folders). Raises InputError for a missing path."""
    out = Ingested()
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(f"no such file or folder: {p}")
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            if path.is_dir() and (f.name.startswith(".") or f.suffix.lower() not in TEXT_SUFFIXES | ROW_SUFFIXES):
                if f.name != "sources.csv" and not f.name.startswith("."):
                    out.skipped.append(Skipped(str(f), f"not an article format ({f.suffix or 'no extension'})"))
                continue
            if f.name == "sources.csv":
                continue
            _read_file(f, out, root=path if path.is_dir() else f.parent)
    _dedupe(out)
    return out


def _read_file(f: Path, out: Ingested, root: Path) -> None:
    size = f.stat().st_size
    if size > MAX_BYTES:
        out.skipped.append(Skipped(str(f), f"larger than the {MAX_BYTES // (1024 * 1024)} MiB limit for one input file"))
        return
    data = f.read_bytes()
    if b"\x00" in data[:4096]:
        out.skipped.append(Skipped(str(f), "binary file, not text"))
        return
    text, warning = decode(data)
    if warning:
        out.warnings.append(f"{f}: {warning}")
    suffix = f.suffix.lower()
    if suffix in ROW_SUFFIXES:
        _read_rows(f, text, suffix, out)
        return
    if not text.strip():
        out.skipped.append(Skipped(str(f), "empty file"))
        return
    rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name
    out.articles.append(article_from_text(text, article_id=rel, path=str(f)))


def decode(data: bytes) -> tuple[str, Optional[str]]:
    """Bytes -> text: UTF-8 (with or without BOM), else cp1252, else UTF-8 with replacement."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "not UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "undecodable bytes replaced with U+FFFD"


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


def article_from_text(text: str, article_id: str, path: Optional[str] = None, meta: Optional[dict] = None) -> Article:
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
    published = normalise_date(fields.get("published") or fields.get("date"))
    return Article(id=article_id, text=body, source=source, title=title, published=published, path=path,
                   url=fields.get("url"), story=fields.get("story") or None, inferred=tuple(inferred))


def infer_source(text: str) -> Optional[str]:
    """The outlet or agency credited in the text, if any."""
    for rx in (_CREDIT_RE, _DATELINE_RE, _TAIL_RE):
        for m in rx.finditer(text):
            who = m.group("who").strip().rstrip(".")
            return AGENCIES.get(who.lower(), who)
    return None


def infer_title(text: str) -> Optional[str]:
    """A first line that reads as a headline: short, no final full stop, followed by a blank line."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if 2 <= len(first.split()) <= 20 and not first.endswith((".", ",", ";", ":")) and rest.startswith(("\n", "\r\n")):
        return first
    return None


def normalise_date(value: Optional[str]) -> Optional[str]:
    """'2025-03-15', '2025-03-15T10:00Z', '15 March 2025', 'March 15, 2025' -> '2025-03-15'."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    from datetime import datetime
    for fmt in ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


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
