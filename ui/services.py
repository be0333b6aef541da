"""Adapters from the window to the feature services of other areas (dedup, indicators, selectors,
reports), each reading its tables defensively: when a feature has no table or no data yet the
view shows an empty state that says so, instead of failing.
"""

from __future__ import annotations

import importlib
import itertools
import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.session import CaseSession
from workstation.case import Case, utc_now
from workstation.errors import WorkstationError

_tokens = itertools.count(20_000_000)

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


class DedupService(QObject):
    """Near-duplicate clusters (issue 4: workstation.dedup.service).

    Clusters are computed over every hash of the case on the session's analysis reader (seconds
    at seizure scale) and cached; the GUI thread only reads the cache. The cache is keyed by a
    signature of the hashes and decisions, so a recount after a tag costs one small query.

    Signals:
        clusters_ready(): a new cluster list is in the cache.
    """

    clusters_ready = Signal()

    def __init__(self, session: CaseSession) -> None:
        super().__init__(session)
        self.session = session
        self.module = optional_module("workstation.dedup.service")
        self.threshold: int | None = None  # None: the dedup module's calibrated default
        self._lock = threading.Lock()
        self._cache: list[Cluster] | None = None
        self._by_item: dict[int, Cluster] = {}
        self._signature: tuple[Any, ...] | None = None
        self._token = 0

    def _db_has(self, case: Case | None, table: str) -> bool:
        db = (case or self.session.case).db
        return (
            db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is not None
        )

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None and self._db_has(case, "dedup_hashes")

    def unavailable_text(self) -> str:
        return self.session.tr(
            "Near-duplicate detection has no data in this case yet (the feature is not installed or has not been run)."
        )

    def effective_threshold(self) -> int:
        if self.threshold is not None:
            return self.threshold
        from workstation.dedup.clusters import DEFAULT_THRESHOLD

        return int(DEFAULT_THRESHOLD)

    # -- computing (analysis thread) ----------------------------------------------------------------
    def _signature_of(self, case: Case) -> tuple[Any, ...]:
        db = case.db
        hashes = db.execute("SELECT count(*), coalesce(max(item_id), 0) FROM dedup_hashes").fetchone()
        images = db.execute("SELECT count(*), coalesce(max(id), 0) FROM items WHERE kind = 'image'").fetchone()
        refused = db.execute("SELECT count(*) FROM dedup_not_duplicate").fetchone()[0]
        reviews = (
            db.execute("SELECT count(*) FROM ui_duplicate_reviews").fetchone()[0]
            if self._db_has(case, "ui_duplicate_reviews")
            else 0
        )
        return (tuple(hashes), tuple(images), refused, reviews, self.effective_threshold())

    def compute(self, case: Case, force: bool = False) -> list[Cluster]:
        """Clusters of the case (cached); call on a reader thread with that thread's case."""
        if not self.available(case):
            return []
        signature = self._signature_of(case)
        with self._lock:
            if not force and signature == self._signature and self._cache is not None:
                return self._cache
        assert self.module is not None
        raw = self.module.clusters_for_case(case, self.effective_threshold())
        confirmed = (
            {(a, b) for a, b in case.db.execute("SELECT item_a, item_b FROM ui_duplicate_reviews")}
            if self._db_has(case, "ui_duplicate_reviews")
            else set()
        )
        clusters = []
        for members in raw:
            ref = members[0]["id"]
            cluster = Cluster(id=ref, size=len(members))
            for m in members:
                pair = tuple(sorted((ref, m["id"])))
                cluster.members.append(
                    ClusterMember(
                        item_id=m["id"],
                        name=m.get("original_name") or "",
                        sha256=m["sha256"],
                        source=m.get("source_path") or "",
                        distance=m.get("distance"),
                        transformation=m.get("transformation") or "",
                        status="kept" if pair in confirmed else "",
                    )
                )
            clusters.append(cluster)
        clusters.sort(key=lambda c: (-c.size, c.id))
        by_item = {m.item_id: c for c in clusters for m in c.members}
        with self._lock:
            self._cache, self._by_item, self._signature = clusters, by_item, signature
        self.clusters_ready.emit()  # queued to the GUI thread
        return clusters

    def count(self, case: Case | None = None) -> int:
        return len(self.compute(case or self.session.case))

    # -- reading (GUI thread) ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute on the analysis reader; clusters_ready follows."""
        self._token = next(_tokens)
        self.session.analysis.call("clusters", self._token, lambda case: self.compute(case))

    def ready(self) -> bool:
        return self._cache is not None

    def clusters(self) -> list[Cluster]:
        return list(self._cache or [])

    def cluster(self, cluster_id: int) -> Cluster | None:
        return next((c for c in self._cache or [] if c.id == cluster_id), None)

    def cluster_of(self, item_id: int) -> Cluster | None:
        return self._by_item.get(item_id)

    def duplicates_of(self, item_id: int) -> list[ClusterMember] | None:
        """Other members of the item's cluster; None while the clusters are being computed."""
        if self._cache is None:
            return None
        cluster = self._by_item.get(item_id)
        return [] if cluster is None else [m for m in cluster.members if m.item_id != item_id]

    def cluster_subquery(self, cluster_id: int) -> tuple[str, tuple[Any, ...]] | None:
        cluster = self.cluster(cluster_id)
        if cluster is None:
            return None
        return ("SELECT value FROM json_each(?)", (json.dumps([m.item_id for m in cluster.members]),))

    # -- decisions (GUI thread, through the undo stack) --------------------------------------------
    def decide(self, cluster_id: int, item_id: int, decision: str) -> tuple[str, list[tuple[int, int]]]:
        """'keep' (the same photo as the reference) or 'not-duplicate' (this member does not
        belong: it is marked as not the same photo as every other member, so it leaves the
        cluster even when it also resembles another member)."""
        assert self.module is not None
        case = self.session.case
        cluster = self.cluster(cluster_id)
        others = [m.item_id for m in cluster.members if m.item_id != item_id] if cluster else [cluster_id]
        pairs: list[tuple[int, int]] = []
        if decision == "not-duplicate":
            existing = self.module.not_duplicate_pairs(case)
            with case.transaction():
                for other in others:
                    pair = (min(other, item_id), max(other, item_id))
                    if pair not in existing:
                        self.module.mark_not_duplicate(case, other, item_id, reason="cluster view")
                        pairs.append(pair)
        elif decision == "keep":
            a, b = sorted((cluster_id, item_id))
            with case.transaction():
                case.db.execute(
                    "INSERT OR REPLACE INTO ui_duplicate_reviews (item_a, item_b, decision, decided_at, analyst)"
                    " VALUES (?, ?, 'same', ?, ?)",
                    [a, b, utc_now(), case.analyst],
                )
                case.audit("dedup.confirmed_same", {"items": [a, b]})
            pairs.append((a, b))
        else:
            raise WorkstationError(f"unknown decision {decision!r}")
        return (decision, pairs)

    def undo_decide(self, state: tuple[str, list[tuple[int, int]]]) -> None:
        decision, pairs = state
        case = self.session.case
        with case.transaction():
            for a, b in pairs:
                if decision == "not-duplicate":
                    assert self.module is not None
                    self.module.unmark_not_duplicate(case, a, b)
                else:
                    case.db.execute("DELETE FROM ui_duplicate_reviews WHERE item_a = ? AND item_b = ?", [a, b])
                    case.audit("dedup.confirmed_same_withdrawn", {"items": [a, b]})


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

    def annotate(
        self, item_ids: list[int], code: str, note: str = "", region: tuple[int, int, int, int] | None = None
    ) -> Any:
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
    """Court-ready PDF reports (issue 7: reports.service)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.module = optional_module("reports.service")

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None

    def unavailable_text(self) -> str:
        return self.session.tr("Report generation is not available in this build.")

    def options(self, **values: Any) -> Any:
        from reports.model import ReportOptions

        return ReportOptions(**values)

    def job(self, progress: Any, opener: Any, out: str, options: Any) -> Any:
        """Pool thread: write the report with the worker's own case connection."""
        assert self.module is not None
        case: Case = opener()
        try:
            return self.module.generate_report(case, out, options, progress)
        finally:
            case.close()

    def preview(self, case: Case, options: Any) -> Any:
        assert self.module is not None
        return self.module.preview(case, options)


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
