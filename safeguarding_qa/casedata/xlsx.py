"""A small, safe, streaming reader for the cells of an XLSX workbook.

openpyxl builds a Python object per cell, which is too slow for a large county's Annex A
(about two million cells). This reader streams each sheet's XML with ``lxml.iterparse``,
keeps only values (formula cells give their cached value), never resolves entities or
loads DTDs, and refuses archives whose members expand beyond a size or ratio limit
(zip bombs).
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, Any

from lxml import etree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_MEMBER_BYTES = 4 * 1024**3
MAX_RATIO = 250
_COLUMN = re.compile(r"[A-Z]+")


class WorkbookError(Exception):
    """The file cannot be read as a workbook; the message says why, for the user."""


def _safe_parser_kwargs() -> dict[str, Any]:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


class _Limited:
    """A reader that refuses to yield more bytes than a limit (the zip-bomb guard)."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream = stream
        self.remaining = limit

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.remaining -= len(data)
        if self.remaining < 0:
            raise WorkbookError("The workbook expands to more data than it declares.")
        return data


@lru_cache(maxsize=1024)
def _column_index(reference: str) -> int:
    letters = _COLUMN.match(reference)
    index = 0
    for char in letters.group(0) if letters else "A":
        index = index * 26 + ord(char) - 64
    return index - 1


class Workbook:
    """The sheets of one XLSX file, read lazily, one row at a time."""

    def __init__(self, file: IO[bytes] | str) -> None:
        try:
            self.zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise WorkbookError(
                "This file is not an Excel workbook (.xlsx). Save it from Excel as an "
                "Excel Workbook and upload it again."
            ) from error
        for info in self.zip.infolist():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or (info.file_size > 10**7 and ratio > MAX_RATIO):
                raise WorkbookError(
                    "The workbook is compressed suspiciously well (a possible zip bomb) "
                    "and has not been read."
                )
        self.sheets = self._sheet_paths()
        self._strings: list[str] | None = None

    def _open(self, name: str) -> _Limited:
        info = self.zip.getinfo(name)
        return _Limited(self.zip.open(info), info.file_size)

    def _parse(self, name: str) -> Any:
        try:
            stream: Any = self._open(name)
            return etree.parse(stream, etree.XMLParser(**_safe_parser_kwargs()))
        except (KeyError, etree.XMLSyntaxError) as error:
            raise WorkbookError(f"The workbook is damaged ({name} cannot be read).") from error

    def _sheet_paths(self) -> dict[str, str]:
        names = set(self.zip.namelist())
        if "xl/workbook.xml" not in names:
            raise WorkbookError("This file is a zip archive but not an Excel workbook.")
        rels = {}
        if "xl/_rels/workbook.xml.rels" in names:
            for rel in self._parse("xl/_rels/workbook.xml.rels").getroot():
                target = rel.get("Target", "")
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
                )
                rels[rel.get("Id")] = posixpath.normpath(path)
        sheets: dict[str, str] = {}
        for sheet in self._parse("xl/workbook.xml").getroot().iter(f"{MAIN}sheet"):
            path = rels.get(sheet.get(f"{REL}id"), "")
            if path in names:
                sheets[sheet.get("name", "")] = path
        return sheets

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if "xl/sharedStrings.xml" in self.zip.namelist():
                stream = self._open("xl/sharedStrings.xml")
                context = etree.iterparse(stream, tag=f"{MAIN}si", **_safe_parser_kwargs())
                try:
                    for _, si in context:
                        parts = [
                            t.text or ""
                            for t in si.iter(f"{MAIN}t")
                            if t.getparent().tag != f"{MAIN}rPh"
                        ]
                        self._strings.append("".join(parts))
                        si.clear()
                except etree.XMLSyntaxError as error:
                    raise WorkbookError("The workbook's text table is damaged.") from error
        return self._strings

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Any]]]:  # noqa: C901  (chunked scan)
        """(row number, cell values) for each row with any cell; numbers as floats.

        The sheet XML is scanned with regular expressions in 4 MB chunks: about twice as
        fast as building an element per cell, and entities are never expanded.
        """
        strings = self._shared_strings()
        stream = self._open(self.sheets[sheet])
        number = 0
        pending = b""
        first = True
        try:
            while True:
                chunk = stream.read(1 << 22)
                data = pending + chunk
                if first:
                    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:2048]:
                        raise WorkbookError("The workbook declares a DTD; it has been refused.")
                    first = False
                if chunk:
                    cut = data.rfind(b"row>")
                    if cut < 0:
                        pending = data
                        continue
                    cut += 4
                    pending, data = data[cut:], data[:cut]
                for attributes, body in _plain_rows(data) or _ROW.findall(data):
                    ref = _ROW_NUMBER.search(attributes)
                    number = int(ref.group(1)) if ref else number + 1
                    yield number, _cells(body, strings) if body else []
                if not chunk:
                    if pending.strip() and b"</sheetData>" not in pending:
                        raise WorkbookError("The workbook is truncated or damaged.")
                    break
        except (IndexError, ValueError) as error:
            raise WorkbookError(
                f"The sheet {sheet!r} is damaged near row {number + 1} and cannot be read."
            ) from error
        except (zipfile.BadZipFile, EOFError, zlib.error) as error:
            raise WorkbookError("The workbook is truncated or damaged.") from error


_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
# One pass per cell: the column letters and the type are captured by look-aheads inside
# the start tag (both optional), then the body.
_CELL = re.compile(
    rb'<(?:\w+:)?c\b(?=[^>]*?\br="([A-Z]+))?(?=[^>]*?\bt="(\w+)")?[^>]*?'
    rb"(?:/>|>(.*?)</(?:\w+:)?c>)",
    re.S,
)
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", re.S)


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return html.unescape(text) if "&" in text else text


@lru_cache(maxsize=4096)
def _column_of(letters: bytes) -> int:
    return _column_index(letters.decode("ascii"))


def _raw_value(inner: bytes) -> bytes | None:
    """The text of the cell's ``<v>`` (most cells are exactly ``<v>…</v>``)."""
    if inner[:3] == b"<v>" and inner[-4:] == b"</v>" and b"<" not in inner[3:-4]:
        return inner[3:-4]
    found = _VALUE.search(inner)
    return found.group(1) if found else None


def _inline(inner: bytes) -> str:
    """An inline string's text (most are exactly ``<is><t>…</t></is>``)."""
    if inner[:7] == b"<is><t>" and inner[-9:] == b"</t></is>" and b"<" not in inner[7:-9]:
        return _text(inner[7:-9])
    return _text(b"".join(_TEXT.findall(inner)))


def _plain_rows(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(attributes, body) of each row when every row in ``data`` is a plain
    ``<row …>…</row>`` (no prefix, none self-closing); else None for the general path.

    Splitting on the end tag is about ten times faster than the general expression,
    whose lazy body has to try the end tag at every character.
    """
    if b":row" in data or data.count(b"<row") != data.count(b"</row>"):
        return None
    found = []
    for piece in data.split(b"</row>")[:-1]:
        start = piece.find(b"<row")
        end = piece.find(b">", start)
        if start < 0 or end < 0 or piece[start + 4 : start + 5] not in (b" ", b">"):
            return None
        found.append((piece[start + 4 : end], piece[end + 1 :]))
    return found


def _plain_cells(body: bytes, strings: list[str]) -> list[Any] | None:  # noqa: C901
    """The row's values when every cell has the common shape (``r``, ``s`` and ``t``
    attributes in Excel's order, then nothing, ``<v>…</v>`` or ``<is><t>…</t></is>``);
    else None.

    One simple expression per row, without look-aheads, is about three times faster
    than ``_CELL``; anything else (formulas, rich text, prefixes) takes ``_cells``.
    """
    if b":c" in body:  # prefixed tags (or text that looks like one): the general path
        return None
    found = _PLAIN_CELL.findall(body)
    if len(found) != body.count(b"<c"):
        return None
    values: list[Any] = []
    append = values.append
    for letters, kind, empty, raw, text in found:
        if letters:
            index = _column_of(letters)
            if index > len(values):
                values.extend([None] * (index - len(values)))
        if empty:
            append(None)
        elif kind == b"inlineStr":  # _text, inlined: this runs once per cell
            append(html.unescape(text.decode()) if b"&" in text else text.decode())
        elif not raw:
            append(None)
        elif not kind or kind == b"n":
            append(float(raw))
        elif kind == b"s":
            append(strings[int(raw)])
        elif kind == b"b":
            append(raw == b"1")
        else:
            append(_text(raw))
    return values


_PLAIN_CELL = re.compile(
    rb'<c(?: r="([A-Z]+)\d+")?(?: s="\d+")?(?: t="(\w+)")?(?: s="\d+")?'
    rb"(?:(/)>|>(?:<v>([^<]*)</v>|<is><t>([^<]*)</t></is>)</c>)"
)


def _cells(body: bytes, strings: list[str]) -> list[Any]:
    plain = _plain_cells(body, strings)
    return plain if plain is not None else _general_cells(body, strings)


def _general_cells(body: bytes, strings: list[str]) -> list[Any]:
    values: list[Any] = []
    append = values.append
    for letters, kind, inner in _CELL.findall(body):
        if letters:
            index = _column_of(letters)
            if index > len(values):
                values.extend([None] * (index - len(values)))
        if not inner:
            append(None)
        elif kind == b"inlineStr":
            append(_inline(inner))
        else:
            raw = _raw_value(inner)
            if not raw:
                append(None)
            elif not kind or kind == b"n":
                append(float(raw))
            elif kind == b"s":
                append(strings[int(raw)])
            elif kind == b"b":
                append(raw == b"1")
            else:
                append(_text(raw))
    return values
