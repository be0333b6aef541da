"""Adapters from the window to the feature services of other areas (dedup, indicators, selectors,
reports), each reading its tables defensively: when a feature has no table or no data yet the
view shows an empty state that says so, instead of failing.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from ui import analysis
from ui.analysis import Cluster, ClusterMember
from ui.session import CaseSession
from workstation.case import Case, utc_now
from workstation.errors import WorkstationError

# workstation.dedup.clusters.DEFAULT_THRESHOLD, repeated so the window need not import the
# dedup stack (numba, scipy) to open; tests/gui/test_gui_features.py checks they agree.
DEFAULT_DEDUP_THRESHOLD = 12

log = logging.getLogger(__name__)


class LazyModule:
    """A feature module this build may or may not have, imported on first use.

    Feature modules pull in heavy libraries (the dedup index loads numba and scipy: 2 s), so
    opening the window only checks that they exist; they are imported when first needed,
    normally on a reader thread.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._module: Any | None = None
        self._lock = threading.Lock()
        try:
            self.present = importlib.util.find_spec(name) is not None
        except ImportError:
            self.present = False

    def __bool__(self) -> bool:
        return self.present

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            with self._lock:
                if self._module is None:
                    self._module = importlib.import_module(self.name)
        return getattr(self._module, attr)


def optional_module(name: str) -> LazyModule | None:
    """A feature module if this build has it (areas land on main one by one), loaded lazily."""
    module = LazyModule(name)
    return module if module.present else None


@dataclass
class IndicatorInfo:
    code: str
    category: str
    label: str
    description: str = ""
    weight: float = 0.0


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
    origin: str = ""
    explanation: str = ""  # which words, which rule or exemplar, the weight


@dataclass
class SelectorRow:
    kind: str
    value: str
    items: list[int]
    platforms: list[str]
    first_seen: str | None
    last_seen: str | None
    item_count: int = 0
    verified: bool = True  # False: a possible but not valid phone number, shown as unverified

    def __post_init__(self) -> None:
        self.item_count = self.item_count or len(self.items)


class DedupService(QObject):
    """Near-duplicate clusters (issue 4: workstation.dedup.service).

    Clusters are computed over every hash of the case in the analysis process (ui.analysis)
    and kept here; the GUI thread only reads this copy.

    Signals:
        clusters_ready(): a new cluster list arrived.
    """

    clusters_ready = Signal()

    def __init__(self, session: CaseSession) -> None:
        super().__init__(session)
        self.session = session
        self.module = optional_module("workstation.dedup.service")
        self.threshold: int | None = None  # None: the dedup module's calibrated default
        self._cache: list[Cluster] | None = None
        self._by_item: dict[int, Cluster] = {}
        self._token = 0
        session.analysis.answered.connect(self._on_analysis_answered)

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None and analysis.has_table(case or self.session.case, "dedup_hashes")

    def unavailable_text(self) -> str:
        return QCoreApplication.translate(
            "CaseSession",
            "Near-duplicate detection has no data in this case yet (the feature is not installed or has not been run).",
        )

    def effective_threshold(self) -> int:
        return DEFAULT_DEDUP_THRESHOLD if self.threshold is None else int(self.threshold)

    def refresh(self) -> None:
        """Ask the analysis process for the clusters; clusters_ready follows."""
        self._token = self.session.analysis.request("clusters", threshold=self.effective_threshold())

    def _on_analysis_answered(self, token: int, result: object) -> None:
        if token != self._token or not isinstance(result, list) or self.session.closed:
            return
        self._cache = result
        self._by_item = {m.item_id: c for c in result for m in c.members}
        self.clusters_ready.emit()

    # -- reading (GUI thread) ----------------------------------------------------------------------
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
    """Indicator taxonomy and annotations (issue 6: workstation.annotations).

    Reads the ``annotations`` table defensively: without the module or the table the feature is
    shown as unavailable. Labels follow the interface language (English or Dutch).
    """

    CONFIRMED_COUNT_SQL = "(SELECT count(*) FROM annotations a WHERE a.item_id = items.id AND a.status = 'confirmed')"

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.module = optional_module("workstation.annotations")
        self.language = "nl" if QLocale().language() == QLocale.Language.Dutch else "en"
        self._taxonomy: list[IndicatorInfo] | None = None
        self._frequent: list[IndicatorInfo] | None = None

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None and analysis.has_table(case or self.session.case, "annotations")

    def unavailable_text(self) -> str:
        return QCoreApplication.translate("CaseSession", "Indicators are not available in this build or case yet.")

    def taxonomy(self) -> list[IndicatorInfo]:
        """Every indicator of the case's taxonomy (with the case's own), in category order."""
        if not self.available():
            return []
        if self._taxonomy is None:
            assert self.module is not None
            tax = self.module.taxonomy_for(self.session.case)
            categories = getattr(tax, "categories", {}) or {}

            def category(code: str) -> str:
                names = categories.get(code) or {}
                return names.get(self.language) or names.get("en") or code

            self._taxonomy = sorted(
                (
                    IndicatorInfo(
                        code=ind.code,
                        category=category(ind.category),
                        label=ind.label_in(self.language),
                        description=(ind.description.get(self.language) or ind.description.get("en") or ""),
                        weight=float(getattr(ind, "weight", 0.0)),
                    )
                    for ind in tax
                ),
                key=lambda i: (i.category, i.code),
            )
        return self._taxonomy

    def label(self, code: str) -> str:
        return next((i.label for i in self.taxonomy() if i.code == code), code)

    def for_item(self, item_id: int) -> list[ItemIndicator]:
        if not self.available():
            return []
        assert self.module is not None
        out = []
        for row in self.module.annotations_for(self.session.case, item_id, language=self.language):
            region = row.get("region")
            span = row.get("span") or {}
            out.append(
                ItemIndicator(
                    annotation_id=int(row["id"]),
                    code=row["indicator"],
                    label=row.get("label") or row["indicator"],
                    status=row["status"],
                    note=row.get("note") or "",
                    span=span.get("text") or "",
                    region=(region["x"], region["y"], region["w"], region["h"]) if region else None,
                    author=row.get("author") or "",
                    origin=row.get("origin") or "",
                    explanation=self.module.explanation_text(row),
                )
            )
        return out

    def item_count_sql(self) -> str | None:
        return self.CONFIRMED_COUNT_SQL if self.available() else None

    def subquery(self, code: str) -> tuple[str, tuple[Any, ...]] | None:
        return ("SELECT item_id FROM annotations WHERE indicator = ? AND status = 'confirmed'", (code,))

    def annotate(
        self, item_ids: list[int], code: str, note: str = "", region: tuple[int, int, int, int] | None = None
    ) -> list[int]:
        """Confirm ``code`` on each item (an analyst finding); returns the new annotation ids."""
        assert self.module is not None
        case = self.session.case
        with case.transaction():
            return [
                int(self.module.annotate(case, item_id, code, note=note or None, region=region)["id"])
                for item_id in item_ids
            ]

    def undo_annotate(self, annotation_ids: list[int]) -> None:
        """Take back findings just made: they stay in the case as rejected, with the reason."""
        assert self.module is not None
        case = self.session.case
        with case.transaction():
            for ann_id in annotation_ids:
                self.module.set_status(case, ann_id, "rejected", note="withdrawn by undo")

    def set_status(self, annotation_id: int, status: str) -> tuple[int, str, str | None]:
        """Confirm or reject one annotation; returns what undo needs."""
        assert self.module is not None
        case = self.session.case
        before = case.db.execute("SELECT status, note FROM annotations WHERE id = ?", [annotation_id]).fetchone()
        if before is None:
            raise WorkstationError(f"no annotation {annotation_id}")
        self.module.set_status(case, annotation_id, status)
        return (annotation_id, before[0], before[1])

    def undo_status(self, state: tuple[int, str, str | None]) -> None:
        assert self.module is not None
        annotation_id, status, note = state
        self.module.set_status(self.session.case, annotation_id, status, note=note)

    def frequent(self, n: int = 9) -> list[IndicatorInfo]:
        """Indicators for the number keys 1-9: the ones this case uses most, then the weightiest.

        Fixed for the session once computed, so a key never changes meaning under the
        analyst's fingers.
        """
        if not self.available():
            return []
        if self._frequent is None:
            taxonomy = {i.code: i for i in self.taxonomy()}
            used = [
                r[0]
                for r in self.session.case.db.execute(
                    "SELECT indicator FROM annotations WHERE status = 'confirmed' "
                    "GROUP BY indicator ORDER BY count(*) DESC, indicator LIMIT ?",
                    [n],
                )
                if r[0] in taxonomy
            ]
            rest = sorted((i for c, i in taxonomy.items() if c not in used), key=lambda i: (-i.weight, i.code))
            self._frequent = [taxonomy[c] for c in used] + rest[: max(0, n - len(used))]
        return self._frequent[:n]


class SelectorService:
    """Selectors (phones, e-mails, handles) linked across items (issue 6: workstation.annotations)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.module = optional_module("workstation.annotations")

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None and analysis.has_table(case or self.session.case, "selectors")

    def unavailable_text(self) -> str:
        return QCoreApplication.translate("CaseSession", "Selectors have not been extracted in this case yet.")

    def all(self) -> list[SelectorRow]:
        if not self.available():
            return []
        assert self.module is not None
        return [
            SelectorRow(
                kind=r["kind"],
                value=r["value"],
                items=list(r["items"]),
                platforms=list(r.get("platforms") or []),
                first_seen=r.get("first_seen"),
                last_seen=r.get("last_seen"),
                verified=bool(r.get("verified", True)),
            )
            for r in self.module.selectors_for(self.session.case)
        ]

    def for_item(self, item_id: int) -> list[SelectorRow]:
        if not self.available():
            return []
        assert self.module is not None
        seen: dict[tuple[str, str], SelectorRow] = {}
        for r in self.module.selectors_of_item(self.session.case, item_id):
            key = (r["kind"], r["value"])
            if key not in seen:
                seen[key] = SelectorRow(
                    kind=r["kind"],
                    value=r["value"],
                    items=[],
                    platforms=[r["platform"]] if r.get("platform") else [],
                    first_seen=None,
                    last_seen=None,
                    item_count=int(r.get("linked_items") or 1),
                )
        return list(seen.values())

    def subquery(self, kind: str, value: str) -> tuple[str, tuple[Any, ...]]:
        return (
            "SELECT l.item_id FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
            "WHERE s.kind = ? AND s.value = ?",
            (kind, value),
        )


class ReportService:
    """Court-ready PDF reports (issue 7: reports.service)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.module = optional_module("reports.service")

    def available(self, case: Case | None = None) -> bool:
        return self.module is not None

    def unavailable_text(self) -> str:
        return QCoreApplication.translate("CaseSession", "Report generation is not available in this build.")

    def options(self, **values: Any) -> Any:
        from reports.model import ReportOptions

        return ReportOptions(**values)


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
