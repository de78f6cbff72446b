"""Section providers: each module turns one area's records into report sections.

The reports app depends on the domain apps (never the reverse): providers read their
models and selectors with a partnership-wide, read-only ``report_access()``.
"""

from .partnership import membership_sections

__all__ = ["membership_sections"]
