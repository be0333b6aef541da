"""The navigator: item kinds, triage, exhibits, tags, clusters, indicators, selectors, import errors,
each with its count (counted in the analysis process, so 100,000 items never stall the window)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ui.models.query import ItemQuery
from ui.services import Services
from ui.session import CaseSession
from workstation import casework

TargetRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Target:
    """What selecting a navigator entry shows: an item query, or a special view."""

    view: str  # items, clusters, cluster, selectors, import_errors
    query: ItemQuery | None = None
    key: str = ""


def cluster_title(size: int, first_name: str) -> str:
    """A cluster's name in lists: its size and its first member ("3 copies · anna_profile.jpg")."""
    text = QCoreApplication.translate("Navigator", "%1 copies").replace("%1", str(size))
    name = " ".join((first_name or "").split())
    if len(name) > 40:
        name = name[:37] + "…"
    return f"{text} · {name}" if name else text


class Navigator(QTreeWidget):
    """Left-hand tree.

    Signals:
        target_selected(Target)
        counts_updated(dict)
    """

    target_selected = Signal(object)
    counts_updated = Signal(dict)

    def __init__(self, session: CaseSession, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setObjectName("navigator")
        self.setMinimumWidth(210)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.counts: dict[str, Any] = {}
        self._token = 0
        self._entries: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.currentItemChanged.connect(self._on_current_changed)
        session.analysis.answered.connect(self._on_analysis_answered)

    # -- structure ---------------------------------------------------------------------------------
    def _section(self, key: str, title: str, target: Target | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, KeyRole, key)
        if target is not None:
            item.setData(0, TargetRole, target)
        else:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.addTopLevelItem(item)
        self._entries[key] = item
        return item

    def _entry(self, parent: QTreeWidgetItem, key: str, title: str, target: Target) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        item.setData(0, KeyRole, key)
        item.setData(0, TargetRole, target)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        parent.addChild(item)
        self._entries[key] = item
        return item

    def _build(self) -> None:
        items = self._section("items", self.tr("Items"))
        self._entry(items, "all", self.tr("All items"), Target("items", ItemQuery(label=self.tr("All items"))))
        self._entry(
            items, "kind:image", self.tr("Images"), Target("items", ItemQuery(kind="image", label=self.tr("Images")))
        )
        self._entry(
            items, "kind:page", self.tr("Pages"), Target("items", ItemQuery(kind="page", label=self.tr("Pages")))
        )
        self._entry(
            items,
            "kind:document",
            self.tr("Documents"),
            Target("items", ItemQuery(kind="document", label=self.tr("Documents"))),
        )
        self._entry(
            items,
            "kind:file",
            self.tr("Other files"),
            Target("items", ItemQuery(kind="file", label=self.tr("Other files"))),
        )
        self._entry(
            items,
            "kind:conversation",
            self.tr("Conversations"),
            Target("items", ItemQuery(kind="conversation", label=self.tr("Conversations"))),
        )
        triage = self._section("triage", self.tr("Triage"))
        self._entry(
            triage,
            "untriaged",
            self.tr("Not yet triaged"),
            Target("items", ItemQuery(untriaged=True, label=self.tr("Not yet triaged"))),
        )
        self._entry(
            triage,
            f"tag:{casework.RELEVANT}",
            self.tr("Relevant"),
            Target("items", ItemQuery(tag=casework.RELEVANT, label=self.tr("Relevant"))),
        )
        self._entry(
            triage,
            f"tag:{casework.NOT_RELEVANT}",
            self.tr("Not relevant"),
            Target("items", ItemQuery(tag=casework.NOT_RELEVANT, label=self.tr("Not relevant"))),
        )
        self._section(
            "exhibits", self.tr("Exhibits"), Target("items", ItemQuery(exhibits=True, label=self.tr("Exhibits")))
        )
        self._section("tags", self.tr("Tags"))
        self._section("clusters", self.tr("Duplicate clusters"), Target("clusters"))
        self._section("indicators", self.tr("Indicators"))
        self._section("selectors", self.tr("Selectors"), Target("selectors"))
        self._section("watchlist", self.tr("Watchlist hits"), self._watchlist_target())
        self._section("import_errors", self.tr("Import errors"), Target("import_errors"))
        self.expandAll()
        self.setCurrentItem(self._entries["all"])

    def entry(self, key: str) -> QTreeWidgetItem | None:
        return self._entries.get(key)

    def select(self, key: str) -> None:
        item = self._entries.get(key)
        if item is not None:
            self.setCurrentItem(item)

    def follow(self, key: str | None) -> None:
        """Highlight the entry of what the window shows now, or nothing, without emitting a target.

        Only one entry is ever highlighted: the one of the view in front (a cluster chosen earlier
        must not stay highlighted once another cluster, the grid or a viewer is shown).
        """
        item = self._entries.get(key) if key else None
        self.blockSignals(True)
        try:
            self.clearSelection()
            if item is not None:
                self.setCurrentItem(item)
                item.setSelected(True)
            else:
                self.setCurrentIndex(QModelIndex())
        finally:
            self.blockSignals(False)

    def current_key(self) -> str | None:
        item = self.currentItem()
        key = item.data(0, KeyRole) if item is not None else None
        return str(key) if key else None

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        target = current.data(0, TargetRole)
        if isinstance(target, Target):
            self.target_selected.emit(target)

    # -- counts --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recount in the analysis process; the tree updates when the counts arrive."""
        self._token = self.session.analysis.request("counts", threshold=self.services.dedup.effective_threshold())

    def _on_analysis_answered(self, token: int, counts: object) -> None:
        if token != self._token or not isinstance(counts, dict) or self.session.closed:
            return
        self._apply_counts(counts)

    def retranslate(self) -> None:
        """Rebuild the tree in the current language, keeping the entry shown and the counts."""
        key = self.current_key()
        self.blockSignals(True)
        try:
            self.clear()
            self._entries.clear()
            self._build()
            if self.counts:
                self._apply_counts(self.counts)
        finally:
            self.blockSignals(False)
        self.follow(key)

    def _apply_counts(self, counts: dict[str, Any]) -> None:
        self.counts = counts
        kinds = counts["kinds"]
        self._set_count("all", counts["total"])
        for kind in ("image", "page", "document", "conversation"):
            self._set_count(f"kind:{kind}", kinds.get(kind, 0))
        self._set_count(
            "kind:file",
            sum(n for k, n in kinds.items() if k not in ("image", "page", "document", "conversation", "message")),
        )
        tag_counts = dict(counts["tags"])
        self._set_count("untriaged", counts["untriaged"])
        self._set_count(f"tag:{casework.RELEVANT}", tag_counts.get(casework.RELEVANT, 0))
        self._set_count(f"tag:{casework.NOT_RELEVANT}", tag_counts.get(casework.NOT_RELEVANT, 0))
        self._set_count("exhibits", counts["exhibits"])
        self._set_count("import_errors", counts["import_errors"])
        self._rebuild_tags(counts["tags"])
        self._set_optional("clusters", counts["clusters"])
        self._rebuild_clusters(counts.get("cluster_list") or [])
        self._set_optional("selectors", counts["selectors"])
        self._rebuild_indicators(counts["indicators"], counts.get("suggested_items"))
        self._entries["watchlist"].setData(0, TargetRole, self._watchlist_target())
        self.counts_updated.emit(counts)

    def _watchlist_target(self) -> Target:
        """Items matched by a watchlist (a core read function; the list is small)."""
        from workstation.watchlists.service import hit_item_ids

        ids = tuple(hit_item_ids(self.session.case))
        self._set_count("watchlist", len(ids))
        label = self.tr("Watchlist hits")
        return Target("items", ItemQuery(ids=ids, label=label))

    def _set_count(self, key: str, n: int | None) -> None:
        item = self._entries.get(key)
        if item is not None:
            item.setText(1, "" if n is None else f"{n:,}".replace(",", " "))

    def _set_optional(self, key: str, n: int | None) -> None:
        item = self._entries[key]
        self._set_count(key, n)
        item.setToolTip(0, "" if n is not None else self.tr("No data for this feature in this case yet"))
        item.setForeground(0, self.palette().text() if n is not None else self.palette().placeholderText())

    def _rebuild_tags(self, tags: list[tuple[str, int]]) -> None:
        section = self._entries["tags"]
        current_key = self.currentItem().data(0, KeyRole) if self.currentItem() else None
        for i in reversed(range(section.childCount())):
            child = section.child(i)
            self._entries.pop(child.data(0, KeyRole), None)
            section.removeChild(child)
        shown = [(t, n) for t, n in tags if t not in casework.TRIAGE_TAGS]
        for tag, n in shown:
            self._entry(section, f"usertag:{tag}", tag, Target("items", ItemQuery(tag=tag, label=tag)))
            self._set_count(f"usertag:{tag}", n)
        if not shown:
            empty = QTreeWidgetItem([self.tr("(no tags yet)"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            section.addChild(empty)
        self._set_count("tags", len(shown))
        if current_key and current_key in self._entries:
            self.blockSignals(True)
            self.setCurrentItem(self._entries[current_key])
            self.blockSignals(False)

    def _rebuild_clusters(self, clusters: list[tuple[Any, ...]]) -> None:
        section = self._entries["clusters"]
        current_key = self.currentItem().data(0, KeyRole) if self.currentItem() else None
        for i in reversed(range(section.childCount())):
            child = section.child(i)
            self._entries.pop(child.data(0, KeyRole), None)
            section.removeChild(child)
        for cluster_id, size, *rest in clusters:
            key = f"cluster:{cluster_id}"
            title = cluster_title(size, rest[0] if rest else "")
            entry = self._entry(section, key, title, Target("cluster", key=str(cluster_id)))
            entry.setToolTip(0, entry.text(0))
            self._set_count(key, size)
        if current_key and current_key in self._entries:
            self.blockSignals(True)
            self.setCurrentItem(self._entries[current_key])
            self.blockSignals(False)

    def _rebuild_indicators(self, counts: dict[str, int] | None, suggested: int | None = None) -> None:
        section = self._entries["indicators"]
        current_key = self.currentItem().data(0, KeyRole) if self.currentItem() else None
        for i in reversed(range(section.childCount())):
            child = section.child(i)
            self._entries.pop(child.data(0, KeyRole), None)
            section.removeChild(child)
        review = self.tr("Suggestions to review")
        self._entry(
            section,
            "indicators:suggested",
            review,
            Target("items", ItemQuery(suggested=True, label=review)),
        )
        self._set_count("indicators:suggested", suggested or 0)
        labels = {i.code: i.label for i in self.services.indicators.taxonomy()}
        shown = sorted(((c, n) for c, n in counts.items() if n), key=lambda cn: (-cn[1], cn[0]))
        for code, n in shown:
            label = f"{code} · {labels.get(code, code)}"
            self._entry(
                section, f"indicator:{code}", label, Target("items", ItemQuery(indicator=code, label=label), key=code)
            )
            self._set_count(f"indicator:{code}", n)
        if not shown:
            empty = QTreeWidgetItem([self.tr("(none marked yet)"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            section.addChild(empty)
        self._set_count("indicators", sum(n for _, n in shown))
        if current_key and current_key in self._entries:
            self.blockSignals(True)
            self.setCurrentItem(self._entries[current_key])
            self.blockSignals(False)
