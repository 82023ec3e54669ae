"""How a figure is written in digits: grouping, separators and scientific notation.

English groups thousands with commas ("6,700"); news from elsewhere, and wire copy translated
into English, also groups them with spaces ("2 350 111") or points ("9.000 persons", "1.234.567"),
writes decimal commas before a percent sign or a scale ("52,6%", "3,5 million"), and sometimes
drops a comma ("3,241461" for 3,241,461). Science writes "3.2e5" and "1.3x10^6". These pure
functions turn such a digit string into its value; ``numbers.py`` decides from the words around
it which reading applies (a point group is a thousands separator only when the figure counts
people or things, see ``[separators]`` in ``data/numbers.toml``).
"""
from __future__ import annotations

import re
from typing import Optional

# the blanks that group digits: a space, a no-break space, a narrow no-break space
GROUP_BLANKS = " \u00a0\u202f"

# One expression for every digit form the numbers stage reads, most specific first. It is
# used inside the core expression of ``numbers.py``, after a look-behind that keeps it at the
# start of a number.
DIGIT_RUN = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\d{3})*(?!\d)"                   # 6,700; a dropped comma: 3,241461
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"                         # 1.234.567
    r"|\d{1,3}(?:[" + GROUP_BLANKS + r"]\d{3})+(?!\d|,\d)"     # 2 350 111
    r"|\d{1,3},\d{1,2}(?=\s*(?:%|per\s*cent\b|percent\b|(?:million|billion|trillion|bn|mn)\b))"  # 52,6%
    r"|\d+)(?:\.\d+)?")
SCIENTIFIC = (r"\d+(?:\.\d+)?(?:[eE][+-]?\d{1,3}"                      # 3.2e5, 12.32e+14
              r"|\s?[x×]\s?10\s?(?:\^|\*\*)\s?[-−+]?\d{1,3}"           # 1.3x10^6, 6.23 × 10^-4
              r"|[x×]10[-−]\d{1,2})(?![\w^])")                          # 2.48×10−5 (a lost superscript)


def parse_digits(s: str) -> Optional[float]:
    """'6,700' -> 6700.0, '80.1' -> 80.1; None for European or malformed grouping."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return None


def parse_digit_run(raw: str, point_groups_thousands: bool = False) -> Optional[float]:
    """The value of a match of :data:`DIGIT_RUN`.

    '2 350 111' -> 2350111; '3,241461' -> 3241461 (a dropped comma: the digits after the first
    comma are whole groups of three); '52,6' -> 52.6 (a decimal comma: the expression only takes
    one before a percent sign or a scale); '1.234.567' -> 1234567; '9.000' -> 9000 only with
    ``point_groups_thousands`` (the caller has read the words after it), else 9.0.
    """
    if any(b in raw for b in GROUP_BLANKS):
        raw = re.sub("[" + GROUP_BLANKS + "]", ",", raw)
    if re.fullmatch(r"\d{1,3},\d{1,2}", raw):
        return float(raw.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", raw):
        return float(raw.replace(".", ""))
    if point_groups_thousands and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", raw):
        return float(raw.replace(".", ""))
    broken = re.fullmatch(r"(\d{1,3}(?:,\d{3})*),(\d{6,})(\.\d+)?", raw)
    if broken and len(broken.group(2)) % 3 == 0:
        return float(broken.group(1).replace(",", "") + broken.group(2) + (broken.group(3) or ""))
    return parse_digits(raw)


def parse_scientific(raw: str) -> Optional[float]:
    """'3.2e5' -> 320000.0, '1.3x10^6' -> 1300000.0, '2.48×10−5' -> 2.48e-05."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[eE]([+-]?\d+)|\s?[x×]\s?10\s?(?:\^|\*\*)?\s?([-−+]?\d+))", raw)
    if not m:
        return None
    exponent = int((m.group(2) or m.group(3)).replace("−", "-"))
    try:
        return float(m.group(1)) * 10.0 ** exponent
    except OverflowError:  # "1e400": no count a text gives; not a number we can hold
        return None


def looks_like_ip_address(raw: str) -> bool:
    """'192.168.100.200': four groups of at most 255, an address and not a number."""
    parts = raw.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)


def tidy_float(v: Optional[float]) -> Optional[float]:
    """Round away float noise so 6.7*1000 is 6700.0, not 6700.000000000001."""
    return None if v is None else float(round(v, 9))


# Currency symbols before a figure, and the currency each names.
CURRENCY_SYMBOLS = {"$": "dollar", "us$": "United States dollar", "usd": "United States dollar",
                    "£": "pound sterling", "gbp": "pound sterling", "€": "euro", "eur": "euro",
                    "¥": "yen", "₹": "Indian rupee", "rs": "Indian rupee", "rs.": "Indian rupee",
                    "a$": "Australian dollar", "c$": "Canadian dollar", "r$": "Brazilian real",
                    "chf": "Swiss franc", "₽": "Russian ruble", "rub": "Russian ruble"}
CURRENCY = r"(?:US\$|A\$|C\$|R\$|\$|£|€|¥|₹|₽|\b(?:USD|EUR|GBP|CHF|RUB|Rs\.?))"


def currency_name(symbol: Optional[str]) -> Optional[str]:
    """'$' -> 'dollar', 'US$ ' -> 'United States dollar'; None for no symbol."""
    if not symbol or not symbol.strip():
        return None
    sym = symbol.strip()
    return CURRENCY_SYMBOLS.get(sym.lower(), CURRENCY_SYMBOLS.get(sym))
