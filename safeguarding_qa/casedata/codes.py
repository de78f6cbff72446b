"""Code lists and the normalisers that turn what local authorities write into codes.

Annex A values arrive lettered (``q) 6: Police``), plain (``Police``) or as CIN codes
(``6``); headers and values carry non-breaking spaces and curly quotes. Each normaliser
returns the canonical code, ``""`` for a blank, or ``None`` for a value it cannot read.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

SOURCE_CODES = frozenset(
    [
        "1A",
        "1B",
        "1C",
        "1D",
        "2A",
        "2B",
        "3A",
        "3B",
        "3C",
        "3D",
        "3E",
        "3F",
        "4",
        "5A",
        "5B",
        "5C",
        "5D",
        "6",
        "7",
        "8",
        "9",
        "10",
    ]
)
ETHNICITY_CODES = frozenset(
    [
        "WBRI",
        "WIRI",
        "WIRT",
        "WOTH",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    ]
)
CATEGORY_CODES = frozenset({"NEG", "PHY", "SAB", "EMO", "MUL"})
CATEGORY_LABELS = {
    "NEG": "Neglect",
    "PHY": "Physical abuse",
    "SAB": "Sexual abuse",
    "EMO": "Emotional abuse",
    "MUL": "Multiple or not recommended",
}
SEX_LABELS = {"M": "Male", "F": "Female", "U": "Not stated or recorded", "I": "Neither"}
FACTOR_CODES = frozenset(
    [
        "1A",
        "1B",
        "1C",
        "2A",
        "2B",
        "2C",
        "3A",
        "3B",
        "3C",
        "4A",
        "4B",
        "4C",
        "5A",
        "5B",
        "5C",
        "6A",
        "6B",
        "6C",
        "7A",
        "8B",
        "8C",
        "8D",
        "8E",
        "8F",
        "9A",
        "10A",
        "11A",
        "12A",
        "13A",
        "14A",
        "15A",
        "16A",
        "17A",
        "18A",
        "18B",
        "18C",
        "19A",
        "19B",
        "19C",
        "20",
        "21",
        "22A",
        "23A",
        "24A",
    ]
)

_LETTER = re.compile(r"^[a-z]\d?\)\s*", re.I)
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_JUNK = frozenset({"#N/A", "N/A", "#VALUE!", "#REF!", "NULL", "NONE"})


@lru_cache(maxsize=8192)
def clean(value: object) -> str:
    """Text with NBSPs and runs of whitespace collapsed, curly quotes straightened."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\xa0", " ").translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def unlettered(value: object) -> str:
    """``q) 6: Police`` → ``6: Police``; junk such as ``#N/A`` → blank."""
    text = _LETTER.sub("", clean(value))
    return "" if text.upper() in _JUNK else text


@lru_cache(maxsize=8192)
def header_key(value: object) -> str:
    """A header reduced for matching: lower case, letters and digits, single spaces."""
    text = clean(value).lower()
    return _SPACES.sub(" ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


@lru_cache(maxsize=8192)
def source(value: object) -> str | None:
    text = unlettered(value)
    if not text:
        return ""
    token = re.split(r"[:\s-]", text, maxsplit=1)[0].upper()
    if token in SOURCE_CODES:
        return token
    lowered = text.lower()
    for word, code in (("police", "6"), ("school", "2A"), ("anonymous", "9"), ("unknown", "10")):
        if lowered.startswith(word):
            return code
    return None


@lru_cache(maxsize=8192)
def ethnicity(value: object) -> str | None:
    text = unlettered(value)
    if not text:
        return ""
    token = re.split(r"[:\s-]", text, maxsplit=1)[0].upper()
    return token if token in ETHNICITY_CODES else None


@lru_cache(maxsize=8192)
def sex(value: object) -> str | None:
    """Annex A ``Gender``, CIN ``Sex`` (M/F/U) or ``GenderCurrent`` (1/2/0/9)."""
    text = unlettered(value).lower()
    if not text:
        return ""
    if text in {"m", "male", "1"}:
        return "M"
    if text in {"f", "female", "2"}:
        return "F"
    if text in {"u", "0", "unknown", "not known"} or text.startswith("not stated"):
        return "U"
    if text in {"9", "neither", "indeterminate"}:
        return "I"
    return None


@lru_cache(maxsize=8192)
def yes_no(value: object) -> bool | None | str:
    """True, False, ``""`` for blank, or None when unreadable."""
    text = unlettered(value).lower()
    if not text:
        return ""
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0"}:
        return False
    return None


@lru_cache(maxsize=8192)
def category(value: object) -> str | None:
    text = unlettered(value)
    if not text:
        return ""
    upper = text.upper()
    if upper in CATEGORY_CODES:
        return upper
    lowered = text.lower()
    for prefix, code in (
        ("neglect", "NEG"),
        ("physical", "PHY"),
        ("sexual", "SAB"),
        ("emotional", "EMO"),
        ("multiple", "MUL"),
        ("mixed", "MUL"),
    ):
        if lowered.startswith(prefix):
            return code
    return None


def prefixed_code(value: object, pattern: str) -> str | None:
    """A leading code such as ``N1`` from ``N1 - Abuse or neglect`` (None if absent)."""
    text = unlettered(value)
    if not text:
        return ""
    match = re.match(pattern, text.upper())
    return match.group(1) if match else None


@lru_cache(maxsize=8192)
def need(value: object) -> str | None:
    return prefixed_code(value, r"(N\d)\b")


@lru_cache(maxsize=8192)
def closure_reason(value: object) -> str | None:
    return prefixed_code(value, r"(RC\d)\b")


@lru_cache(maxsize=8192)
def legal_status(value: object) -> str | None:
    return prefixed_code(value, r"([CDEVLJ]\d)\b")


@lru_cache(maxsize=8192)
def placement_type(value: object) -> str | None:
    return prefixed_code(value, r"([A-Z]\d{1,2})\b")


def whole_number(value: object) -> int | None | str:
    """A count ≥ 0; ``""`` for blank; None when not a whole number."""
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and value >= 0 else None
    text = clean(value)
    if not text or text.upper() in _JUNK:
        return ""
    return int(text) if text.isdigit() else None


_EXCEL_EPOCH = date(1899, 12, 30)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$")
_WORDY = re.compile(r"^(\d{1,2})[ -]([a-z]{3})[a-z]*[ -](\d{4})$", re.I)
FIRST_YEAR, LAST_YEAR = 1900, 2100


@lru_cache(maxsize=8192)
def parse_date(value: object) -> date | None | str:  # noqa: C901  (one branch per format)
    """A date from an Excel serial, a date-time, dd/mm/yyyy, ISO or ``5 Mar 2024``.

    Returns ``""`` for blank and None for anything unreadable or impossible (years
    outside 1900–2100).
    """
    if value is None or value == "":
        return ""
    result: date | None = None
    try:
        if isinstance(value, datetime):
            result = value.date()
        elif isinstance(value, date):
            result = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if not 1 <= value < 80_000:
                return None
            result = _EXCEL_EPOCH + timedelta(days=int(value))
        else:
            text = clean(value)
            if not text or text.upper() in _JUNK:
                return ""
            if match := _DMY.match(text):
                day, month, year = (int(part) for part in match.groups())
                result = date(year, month, day)
            elif match := _ISO.match(text):
                year, month, day = (int(part) for part in match.groups())
                result = date(year, month, day)
            elif match := _WORDY.match(text):
                named = _MONTHS.get(match.group(2).lower())
                if named is None:
                    return None
                result = date(int(match.group(3)), named, int(match.group(1)))
            elif re.fullmatch(r"\d{5}(\.0+)?", text):
                return parse_date(float(text))
            else:
                return None
    except (ValueError, OverflowError):
        return None
    if result is None or not FIRST_YEAR <= result.year <= LAST_YEAR:
        return None
    return result
