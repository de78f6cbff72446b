"""Heavy libraries imported on first use, not when Django starts.

Polars and NumPy take a few tenths of a second to import. The case-data pages and
commands need them, but every other command, test run and web worker would pay that at
start-up through the URL configuration, so the modules that use them name a stand-in
that imports the library the first time one of its attributes is read.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands in for a module; the first attribute read imports it (once: Python keeps
    imported modules)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)
