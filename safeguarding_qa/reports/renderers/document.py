"""The structured source of every report: sections of blocks, independent of the format.

Providers and report builders produce a ``ReportDocument``; the HTML, PDF and Word
renderers each walk the same structure, so the three outputs always say the same thing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (level 3 or 4; sections themselves are level 2)."""

    text: str
    level: int = 3
    kind: str = field(default="heading", init=False)


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = field(default="paragraph", init=False)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False
    kind: str = field(default="list", init=False)


@dataclass(frozen=True)
class Table:
    """A table with a caption and one header row; ``numeric`` lists right-aligned columns."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    kind: str = field(default="table", init=False)

    def is_numeric(self, index: int) -> bool:
        return index in self.numeric


@dataclass(frozen=True)
class Chart:
    """A chart as SVG (pages and PDF) and PNG (Word), its alternative text, and the data
    table shown beside it so the figures are readable without the picture.

    The PNG is drawn only when asked for (``draw_png``, once): only Word needs a raster
    picture, and drawing one costs far more than the SVG.
    """

    title: str
    alt: str
    svg: str
    draw_png: Callable[[], bytes] = field(compare=False, repr=False)
    table: Table
    kind: str = field(default="chart", init=False)

    @cached_property
    def png(self) -> bytes:
        return self.draw_png()

    @property
    def svg_data_uri(self) -> str:
        encoded = base64.b64encode(self.svg.encode()).decode()
        return f"data:image/svg+xml;base64,{encoded}"


Block = Heading | Paragraph | BulletList | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    anchor: str = ""


@dataclass(frozen=True)
class ReportDocument:
    """A whole report. ``public`` documents carry no protective marking."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    author: str = ""
    made_on: date | None = None
    public: bool = False
    numbered_sections: bool = False
    contents: bool = True

    @property
    def marking(self) -> str:
        return "" if self.public else PROTECTIVE_MARKING

    @property
    def has_contents(self) -> bool:
        """Long reports get a contents list."""
        return self.contents and len(self.sections) >= 4

    def anchored_sections(self) -> list[tuple[str, Section]]:
        """Each section with a unique anchor id for the contents list."""
        return [
            (section.anchor or f"section-{n}", section)
            for n, section in enumerate(self.sections, start=1)
        ]
