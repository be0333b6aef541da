"""Adapters from the window to the core's feature services (dedup, indicators, selectors, reports).

Every feature ships; heavy modules (the indicator taxonomy and selector parsers, the report
renderer) are imported inside the methods that need them, so opening the window stays fast.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from ui.session import CaseSession
from workstation import casework, records
from workstation.dedup import DEFAULT_THRESHOLD
from workstation.dedup.case_clusters import CaseCluster as Cluster
from workstation.dedup.case_clusters import ClusterMember
from workstation.errors import WorkstationError

log = logging.getLogger(__name__)


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
        self.threshold: int | None = None  # None: the dedup module's calibrated default
        self._cache: list[Cluster] | None = None
        self._by_item: dict[int, Cluster] = {}
        self._token = 0
        session.analysis.answered.connect(self._on_analysis_answered)

    def effective_threshold(self) -> int:
        return DEFAULT_THRESHOLD if self.threshold is None else int(self.threshold)

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
        case = self.session.case
        if decision == "not-duplicate":
            cluster = self.cluster(cluster_id)
            others = [m.item_id for m in cluster.members if m.item_id != item_id] if cluster else [cluster_id]
            made = casework.separate(case, item_id, others, reason="cluster view")
        elif decision == "keep":
            made = [casework.mark_same_photo(case, cluster_id, item_id)]
        else:
            raise WorkstationError(f"unknown decision {decision!r}")
        return (decision, [d.pair for d in made])

    def undo_decide(self, state: tuple[str, list[tuple[int, int]]]) -> None:
        casework.withdraw_decisions(self.session.case, state[1])


class IndicatorService:
    """Indicator taxonomy and annotations (issue 6: workstation.annotations).

    Labels follow the interface language (English or Dutch).
    """

    def __init__(self, session: CaseSession) -> None:
        self.session = session
        self.language = "nl" if QLocale().language() == QLocale.Language.Dutch else "en"
        self._taxonomy: list[IndicatorInfo] | None = None
        self._frequent: list[IndicatorInfo] | None = None

    def taxonomy(self) -> list[IndicatorInfo]:
        """Every indicator of the case's taxonomy (with the case's own), in category order."""
        if self._taxonomy is None:
            from workstation import annotations

            tax = annotations.taxonomy_for(self.session.case)
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
        from workstation import annotations

        out = []
        for row in annotations.annotations_for(self.session.case, item_id, language=self.language):
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
                    explanation=annotations.explanation_text(row),
                )
            )
        return out

    def annotate(
        self, item_ids: list[int], code: str, note: str = "", region: tuple[int, int, int, int] | None = None
    ) -> list[int]:
        """Confirm ``code`` on each item (an analyst finding); returns the new annotation ids."""
        from workstation import annotations

        case = self.session.case
        with case.transaction():
            return [
                int(annotations.annotate(case, item_id, code, note=note or None, region=region)["id"])
                for item_id in item_ids
            ]

    def undo_annotate(self, annotation_ids: list[int]) -> None:
        """Take back findings just made: they stay in the case as rejected, with the reason."""
        from workstation import annotations

        case = self.session.case
        with case.transaction():
            for ann_id in annotation_ids:
                annotations.set_status(case, ann_id, "rejected", note="withdrawn by undo")

    def set_status(self, annotation_id: int, status: str) -> tuple[int, str, str | None]:
        """Confirm or reject one annotation; returns what undo needs."""
        from workstation import annotations

        case = self.session.case
        before = records.annotation_status(case, annotation_id)
        if before is None:
            raise WorkstationError(f"no annotation {annotation_id}")
        annotations.set_status(case, annotation_id, status)
        return (annotation_id, before[0], before[1])

    def undo_status(self, state: tuple[int, str, str | None]) -> None:
        from workstation import annotations

        annotation_id, status, note = state
        annotations.set_status(self.session.case, annotation_id, status, note=note)

    def frequent(self, n: int = 9) -> list[IndicatorInfo]:
        """Indicators for the number keys 1-9: the ones this case uses most, then the weightiest.

        Fixed for the session once computed, so a key never changes meaning under the
        analyst's fingers.
        """
        if self._frequent is None:
            taxonomy = {i.code: i for i in self.taxonomy()}
            used = [c for c in records.most_confirmed_indicators(self.session.case, n) if c in taxonomy]
            rest = sorted((i for c, i in taxonomy.items() if c not in used), key=lambda i: (-i.weight, i.code))
            self._frequent = [taxonomy[c] for c in used] + rest[: max(0, n - len(used))]
        return self._frequent[:n]


class SelectorService:
    """Selectors (phones, e-mails, handles) linked across items (issue 6: workstation.annotations)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

    def all(self) -> list[SelectorRow]:
        from workstation import annotations

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
            for r in annotations.selectors_for(self.session.case)
        ]

    def for_item(self, item_id: int) -> list[SelectorRow]:
        from workstation import annotations

        seen: dict[tuple[str, str], SelectorRow] = {}
        for r in annotations.selectors_of_item(self.session.case, item_id):
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


class ReportService:
    """Court-ready PDF reports (issue 7: reports.service)."""

    def __init__(self, session: CaseSession) -> None:
        self.session = session

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
    """The services for an open case."""
    return Services(session)
