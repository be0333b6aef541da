"""Duplicate clusters: the list of clusters and one cluster's members side by side, with the
distance and transformation of each, and keep / not-a-duplicate decisions."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslatable
from ui.reader import VARIANT_BLUR, VARIANT_GRAY, safe_image
from ui.services import Cluster, ClusterMember, Services
from ui.session import CaseSession
from ui.views.navigator import cluster_title
from ui.views.tables_views import _empty_label

CARD = 190


class MemberCard(QWidget):
    """One member of a cluster: picture, name, distance, transformation, decision buttons.

    Signals:
        decided(item_id, decision): 'keep' or 'not-duplicate'.
        open_requested(item_id)
    """

    decided = Signal(int, str)
    open_requested = Signal(int)

    def __init__(
        self,
        member: ClusterMember,
        thumbnail: bytes | None,
        hidden: bool,
        first: bool,
        can_decide: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.member = member
        self.setObjectName(f"member{member.item_id}")
        self.setFixedWidth(CARD + 20)
        layout = QVBoxLayout(self)
        picture = QLabel()
        picture.setFixedSize(CARD, CARD)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setStyleSheet("background: #303030; border-radius: 4px;")
        if thumbnail:
            image = QImage.fromData(thumbnail)
            if hidden:
                image = safe_image(image, VARIANT_BLUR | VARIANT_GRAY)
            picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    CARD, CARD, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        layout.addWidget(picture)
        name = QLabel(f"<b>#{member.item_id}</b> {member.name}")
        name.setWordWrap(True)
        layout.addWidget(name)
        if first:
            info = self.tr("reference member")
        else:
            info = self.tr("distance %1").replace("%1", "?" if member.distance is None else str(member.distance))
            if member.transformation:
                info += " · " + member.transformation
        detail = QLabel(info)
        detail.setWordWrap(True)
        detail.setObjectName("distance")
        detail.setStyleSheet("color: #555;")
        layout.addWidget(detail)
        source = QLabel(member.source)
        source.setWordWrap(True)
        source.setStyleSheet("color: #777; font-size: 8pt;")
        layout.addWidget(source)
        if member.status:
            status = QLabel(
                {"kept": self.tr("kept as duplicate"), "not-duplicate": self.tr("marked: not a duplicate")}.get(
                    member.status, member.status
                )
            )
            status.setStyleSheet("color: #1f618d; font-weight: 600;")
            layout.addWidget(status)
        open_button = QPushButton(self.tr("Open"))
        open_button.clicked.connect(lambda: self.open_requested.emit(member.item_id))
        layout.addWidget(open_button)
        if can_decide and not first:
            row = QHBoxLayout()
            keep = QPushButton(self.tr("Keep"))
            keep.setToolTip(self.tr("Confirm: the same photo"))
            keep.clicked.connect(lambda: self.decided.emit(member.item_id, "keep"))
            reject = QPushButton(self.tr("Not a duplicate"))
            reject.setToolTip(self.tr("Not the same photo: take it out of this cluster"))
            reject.setObjectName("notDuplicate")
            reject.clicked.connect(lambda: self.decided.emit(member.item_id, "not-duplicate"))
            row.addWidget(keep)
            row.addWidget(reject, 1)
            layout.addLayout(row)
        layout.addStretch(1)


class ClustersView(Retranslatable, QWidget):
    """Signals:
    open_requested(item_id)
    items_requested(ids, label): show a cluster's members in the browse view.
    decided(cluster_id, item_id, decision)
    cluster_shown(cluster_id): the cluster now shown (the navigator highlights it)
    """

    open_requested = Signal(int)
    items_requested = Signal(list, str)
    decided = Signal(int, int, str)
    cluster_shown = Signal(int)

    def __init__(self, session: CaseSession, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        self.safe_view = False
        self.cluster: Cluster | None = None
        self._pending_open: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.stack = QStackedWidget()
        self.empty = _empty_label("")
        splitter = QSplitter()
        self.list = QListWidget()
        self.list.setObjectName("clusterList")
        self.list.setIconSize(QSize(48, 48))
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        header = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("clusterHeading")
        header.addWidget(self.heading, 1)
        self.show_in_grid = QPushButton(self.tr("Show in grid"))
        self.show_in_grid.clicked.connect(self._show_in_grid)
        header.addWidget(self.show_in_grid)
        right_layout.addLayout(header)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.members_box = QWidget()
        self.members_layout = QHBoxLayout(self.members_box)
        self.members_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.members_box)
        right_layout.addWidget(self.scroll, 1)
        splitter.addWidget(right)
        splitter.setSizes([260, 900])
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def refresh(self, keep_cluster: int | None = None) -> None:
        service = self.services.dedup
        if not service.ready():
            self.empty.setText(self.tr("Finding near-duplicate clusters…"))
            self.stack.setCurrentWidget(self.empty)
            service.refresh()
            return
        clusters = service.clusters()
        if not clusters:
            self.empty.setText(self.tr("No duplicate clusters: no photo appears more than once in this case."))
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(0)
        if keep_cluster is None:
            keep_cluster, self._pending_open = self._pending_open, None
        self.list.blockSignals(True)
        self.list.clear()
        select = 0
        for i, cluster in enumerate(clusters):
            first = cluster.members[0].name if cluster.members else ""
            item = QListWidgetItem(cluster_title(cluster.size, first) + (f"\n{cluster.label}" if cluster.label else ""))
            item.setToolTip(self.tr("Cluster %1").replace("%1", str(cluster.id)))
            item.setData(Qt.ItemDataRole.UserRole, cluster.id)
            thumb = self.session.case.thumbnail(cluster.id)
            if thumb:
                image = QImage.fromData(thumb)
                if self.safe_view:
                    image = safe_image(image, VARIANT_BLUR | VARIANT_GRAY)
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.list.addItem(item)
            if cluster.id == keep_cluster:
                select = i
        self.list.blockSignals(False)
        self.list.setCurrentRow(select)

    def open_cluster(self, cluster_id: int) -> bool:
        """Show one cluster (now, or as soon as the clusters are computed)."""
        self._pending_open = cluster_id
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == cluster_id:
                self.list.setCurrentRow(row)
                self._pending_open = None
                return True
        return False

    def _on_list_current_changed(self, current: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if current is None:
            return
        self.show_cluster(int(current.data(Qt.ItemDataRole.UserRole)))

    def show_cluster(self, cluster_id: int) -> None:
        cluster = self.services.dedup.cluster(cluster_id)
        self.cluster = cluster
        self.cluster_shown.emit(cluster_id)
        while self.members_layout.count():
            child = self.members_layout.takeAt(0)
            if child.widget():
                child.widget().deleteLater()
        if cluster is None:
            self.heading.setText("")
            return
        first = cluster.members[0].name if cluster.members else ""
        self.heading.setText(
            f"<b>{html.escape(cluster_title(cluster.size, first))}</b> — "
            + self.tr("%1 items; distances are to the reference member").replace("%1", str(cluster.size))
        )
        can_decide = True
        for i, member in enumerate(cluster.members):
            card = MemberCard(member, self.session.case.thumbnail(member.item_id), self.safe_view, i == 0, can_decide)
            card.open_requested.connect(self.open_requested)
            card.decided.connect(lambda item_id, decision, cid=cluster.id: self.decided.emit(cid, item_id, decision))
            self.members_layout.addWidget(card)

    def member_cards(self) -> list[MemberCard]:
        return [
            self.members_layout.itemAt(i).widget()
            for i in range(self.members_layout.count())
            if isinstance(self.members_layout.itemAt(i).widget(), MemberCard)
        ]

    def _show_in_grid(self) -> None:
        if self.cluster is not None:
            self.items_requested.emit(
                [m.item_id for m in self.cluster.members], self.tr("Cluster %1").replace("%1", str(self.cluster.id))
            )


# Strings translated inside f-strings above, where lupdate cannot see them.
_EXTRACTED_FOR_LUPDATE = (QT_TRANSLATE_NOOP("ClustersView", "Cluster %1"),)
