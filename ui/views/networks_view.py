"""Networks and the register: a graph of a network's items, selectors, persons and platforms
(click an item to open it), its timeline, and the persons/platforms register.

All reads and changes go through :mod:`workstation.networks` (audited there); no SQL here.
Networks are computed on the GUI thread when the tab is opened or refreshed: fine for the
cases analysts review by hand; very large cases use ``workstation networks`` instead.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation import networks as nw
from workstation.networks.register import AGE_BANDS, PLATFORM_TYPES, ROLES, STATUSES

COLOURS = {
    "item": "#4a7bd0",
    "selector": "#d08a2e",
    "person": "#c0392b",
    "platform": "#2e8b57",
}


class NodeItem(QGraphicsEllipseItem):
    """A node of the graph; items open on a click."""

    def __init__(self, key: str, kind: str, label: str, view: NetworkGraphView) -> None:
        r = 9 if kind == "item" else 7
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.key, self.kind, self._view = key, kind, view
        self.setBrush(QBrush(QColor(COLOURS[kind])))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setToolTip(label)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        if kind == "item":
            self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        text = QGraphicsSimpleTextItem(label if len(label) <= 28 else label[:27] + "…", self)
        text.setPos(r + 2, -r)
        text.setBrush(QBrush(QColor("#333333")))

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.kind == "item":
            self._view.item_clicked.emit(int(self.key.split(":", 1)[1]))
        super().mousePressEvent(event)


class NetworkGraphView(QGraphicsView):
    """Items, selectors, persons and platforms of one network (networkx spring layout).

    Signals:
        item_clicked(item_id)
    """

    item_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.nodes: dict[str, NodeItem] = {}

    def show_network(self, network: nw.Network, persons: list[nw.Person]) -> None:
        import networkx as nx  # type: ignore[import-untyped]

        scene = self.scene()
        scene.clear()
        self.nodes = {}
        g = nx.Graph()
        labels: dict[str, tuple[str, str]] = {}
        for it in network.items:
            key = f"item:{it.id}"
            labels[key] = ("item", f"{it.id} {it.original_name or ''}".strip())
            if it.host and not it.host.startswith("path:"):
                pkey = f"platform:{it.host}"
                labels[pkey] = ("platform", it.host)
                g.add_edge(key, pkey)
            g.add_node(key)
        for lk in network.links:
            if lk.via in ("phone", "handle", "email", "wallet", "device"):
                skey = f"selector:{lk.via}:{lk.value}"
                labels[skey] = ("selector", lk.value)
                g.add_edge(f"item:{lk.a}", skey)
                g.add_edge(f"item:{lk.b}", skey)
            else:
                g.add_edge(f"item:{lk.a}", f"item:{lk.b}", via=lk.via)
        ids = set(network.item_ids)
        for p in persons:
            for rl in p.links:
                if rl.target_type in ("item", "network", "photo_cluster") and rl.target.isdigit():
                    if int(rl.target) in ids:
                        pkey = f"person:{p.id}"
                        labels[pkey] = ("person", f"{p.name} ({p.role})")
                        g.add_edge(pkey, f"item:{rl.target}")
        pos = nx.spring_layout(g, seed=1, k=1.2 / math.sqrt(max(g.number_of_nodes(), 1)))
        scale = 90.0 * math.sqrt(max(g.number_of_nodes(), 4))
        pen = QPen(QColor("#9aa5b1"))
        for u, v in g.edges():
            a, b = pos[u], pos[v]
            scene.addLine(a[0] * scale, a[1] * scale, b[0] * scale, b[1] * scale, pen)
        for key, (x, y) in pos.items():
            kind, label = labels.get(key, ("item", key))
            node = NodeItem(key, kind, label, self)
            node.setPos(QPointF(x * scale, y * scale))
            scene.addItem(node)
            self.nodes[key] = node
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-40, -40, 120, 40))


class TimelineView(QGraphicsView):
    """Items per day of a network, with its first and last day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setMinimumHeight(90)

    def show_timeline(self, timeline: nw.Timeline) -> None:
        scene = self.scene()
        scene.clear()
        days = list(timeline.per_day)
        if not days:
            return
        top = max(n for _, n in days)
        for k, (day, n) in enumerate(days):
            h = 50.0 * n / top
            bar = scene.addRect(k * 18, 60 - h, 14, h, QPen(Qt.PenStyle.NoPen), QBrush(QColor(COLOURS["item"])))
            bar.setToolTip(f"{day}: {n}")
            if k in (0, len(days) - 1):
                label = scene.addSimpleText(day)
                label.setPos(k * 18 - 10, 64)


class NetworksView(QWidget):
    """The list of networks, the graph and timeline of the chosen one.

    Signals:
        open_requested(item_id)
    """

    open_requested = Signal(int)

    def __init__(self, case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.found: list[nw.Network] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.graph = NetworkGraphView()
        self.graph.item_clicked.connect(self.open_requested)
        self.timeline = TimelineView()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list)
        lv.addWidget(refresh)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.summary)
        rv.addWidget(self.graph, 4)
        rv.addWidget(QLabel(self.tr("Items over time")))
        rv.addWidget(self.timeline, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.refresh()

    def refresh(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.found = nw.networks(self.case)
            self.persons = nw.persons(self.case)
        finally:
            QApplication.restoreOverrideCursor()
        self.list.clear()
        for n in self.found:
            vias = ", ".join(sorted({lk.via for lk in n.links}))
            QListWidgetItem(
                self.tr("%1 — %2 items (%3)").replace("%1", n.id).replace("%2", str(len(n.items))).replace("%3", vias),
                self.list,
            )
        if self.found:
            self.list.setCurrentRow(0)
        else:
            self.summary.setText(self.tr("No networks: no two items share a selector, photo or ad template."))
            self.graph.scene().clear()
            self.timeline.scene().clear()

    def _on_list_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        n = self.found[row]
        t = nw.network_timeline(n)
        self.summary.setText(
            self.tr("%1: %2 items, %3 links; first seen %4, last seen %5. Click an item to open it.")
            .replace("%1", n.id)
            .replace("%2", str(len(n.items)))
            .replace("%3", str(len(n.links)))
            .replace("%4", (t.first_seen or "?")[:10])
            .replace("%5", (t.last_seen or "?")[:10])
        )
        self.graph.show_network(n, self.persons)
        self.timeline.show_timeline(t)


class PersonDialog(QDialog):
    """Add a person: name, role, nationality, age band, aliases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add person"))
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItems(list(ROLES))
        self.nationality = QLineEdit()
        self.nationality.setPlaceholderText(self.tr("ISO code, e.g. UA"))
        self.age = QComboBox()
        self.age.addItems(["", *AGE_BANDS])
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("comma-separated"))
        form = QFormLayout(self)
        form.addRow(self.tr("Name or label"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Nationality"), self.nationality)
        form.addRow(self.tr("Age band"), self.age)
        form.addRow(self.tr("Aliases"), self.aliases)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RegisterView(QWidget):
    """Persons and platforms of the register; add a person, set a platform's type and status."""

    def __init__(self, case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.persons = QTableWidget(0, 6)
        self.persons.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Nationality"),
                self.tr("Age band"),
                self.tr("Linked to"),
            ]
        )
        self.platforms = QTableWidget(0, 4)
        self.platforms.setHorizontalHeaderLabels(
            [self.tr("Platform"), self.tr("Type"), self.tr("Status"), self.tr("Items")]
        )
        add = QPushButton(self.tr("Add person…"))
        add.clicked.connect(self._on_add_clicked)
        self.type_box = QComboBox()
        self.type_box.addItems(list(PLATFORM_TYPES))
        self.status_box = QComboBox()
        self.status_box.addItems(list(STATUSES))
        set_status = QPushButton(self.tr("Set for selected platform"))
        set_status.clicked.connect(self._on_set_status_clicked)
        row = QHBoxLayout()
        row.addWidget(self.type_box)
        row.addWidget(self.status_box)
        row.addWidget(set_status)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Persons")))
        layout.addWidget(self.persons)
        layout.addWidget(add)
        layout.addWidget(QLabel(self.tr("Platforms")))
        layout.addWidget(self.platforms)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        people = nw.persons(self.case)
        self.persons.setRowCount(len(people))
        for r, p in enumerate(people):
            links = "; ".join(f"{lk.target_type} {lk.target}" for lk in p.links)
            for c, v in enumerate([str(p.id), p.name, p.role, p.nationality or "", p.age_band or "", links]):
                self.persons.setItem(r, c, QTableWidgetItem(v))
        plats = nw.platforms(self.case)
        self.platforms.setRowCount(len(plats))
        for r, pl in enumerate(plats):
            status = pl.status or self.tr("not registered")
            for c, v in enumerate([pl.name, pl.type or "", status, str(pl.items)]):
                self.platforms.setItem(r, c, QTableWidgetItem(v))

    def add_person(self, name: str, role: str, nationality: str = "", age_band: str = "", aliases: str = "") -> None:
        nw.add_person(
            self.case,
            name,
            role,
            nationality=nationality or None,
            age_band=age_band or None,
            aliases=[a for a in aliases.split(",") if a.strip()],
        )
        self.refresh()

    def _on_add_clicked(self) -> None:
        dlg = PersonDialog(self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.name.text().strip():
            self.add_person(
                dlg.name.text(),
                dlg.role.currentText(),
                dlg.nationality.text(),
                dlg.age.currentText(),
                dlg.aliases.text(),
            )

    def set_platform(self, name: str, type_: str, status: str) -> None:
        nw.set_platform(self.case, name, type=type_, status=status)
        self.refresh()

    def _on_set_status_clicked(self) -> None:
        row = self.platforms.currentRow()
        if row < 0:
            return
        self.set_platform(
            self.platforms.item(row, 0).text(), self.type_box.currentText(), self.status_box.currentText()
        )


class NetworksPage(QTabWidget):
    """The tab the main window opens: Networks and Register (persons, platforms).

    Signals:
        open_requested(item_id)
    """

    open_requested = Signal(int)

    def __init__(self, case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.networks = NetworksView(case)
        self.networks.open_requested.connect(self.open_requested)
        self.register = RegisterView(case)
        self.addTab(self.networks, self.tr("Networks"))
        self.addTab(self.register, self.tr("Persons and platforms"))

    def refresh(self) -> None:
        self.networks.refresh()
        self.register.refresh()
