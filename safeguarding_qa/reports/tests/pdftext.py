"""Read text back from the PDFs WeasyPrint writes, for tests (no PDF library needed).

WeasyPrint writes text as glyph ids with a ToUnicode map per font. This reader inflates
every stream, collects the maps and decodes the text operators: enough to check that a
report says what it should (and does not say what it must not).
"""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_RANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_FONT = re.compile(rb"/(\w+) [\d.]+ Tf")
_TEXT = re.compile(rb"\[(.*?)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj|(BT)", re.S)
_HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def _streams(pdf: bytes) -> list[bytes]:
    out = []
    for match in _STREAM.finditer(pdf):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return out


def _unicode(hex_text: bytes) -> str:
    data = bytes.fromhex(hex_text.decode())
    return data.decode("utf-16-be", errors="replace")


def _maps(streams: list[bytes]) -> list[dict[int, str]]:
    maps = []
    for stream in streams:
        if b"begincmap" not in stream:
            continue
        mapping: dict[int, str] = {}
        for block in _BFCHAR.findall(stream):
            for source, target in _PAIR.findall(block):
                mapping[int(source, 16)] = _unicode(target)
        for block in _BFRANGE.findall(stream):
            for low, high, start in _RANGE.findall(block):
                first = int(start, 16)
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    mapping[code] = chr(first + offset)
        maps.append(mapping)
    return maps


def _decode(hex_text: bytes, maps: list[dict[int, str]]) -> str:
    codes = [int(hex_text[i : i + 4], 16) for i in range(0, len(hex_text), 4)]
    # Fonts are subset separately; use the first map that knows every glyph of the run.
    for mapping in maps:
        if all(code in mapping for code in codes):
            return "".join(mapping[code] for code in codes)
    return "".join(next((m[c] for m in maps if c in m), "?") for c in codes)


def pdf_text(pdf: bytes) -> str:
    """The text of every page, runs separated by spaces, whitespace collapsed."""
    streams = _streams(pdf)
    maps = _maps(streams)
    pieces: list[str] = []
    for stream in streams:
        if b" Tf" not in stream or b"BT" not in stream:
            continue
        for array, single, begin in _TEXT.findall(stream):
            if begin:
                pieces.append(" ")
            elif single:
                pieces.append(_decode(single, maps))
            else:
                pieces.append("".join(_decode(h, maps) for h in _HEX.findall(array)))
    return " ".join("".join(pieces).split())


def pdf_objects(pdf: bytes) -> bytes:
    """The file with every stream inflated (object streams hold the catalogue)."""
    return pdf + b"\n".join(_streams(pdf))
