"""Secondary views in the central tabs: import errors and selectors (each with an empty state)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslatable
from ui.services import Services
from ui.session import CaseSession
from workstation import records

MAX_ROWS = 10_000


def _empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(40)
    label.setStyleSheet("color: palette(mid); font-size: 13pt;")
    return label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setSortingEnabled(True)
    return table


class ImportErrorsView(Retranslatable, QWidget):
    """Every per-file problem of every import run, newest first."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(f"<b>{self.tr('Import errors')}</b>")
        layout.addWidget(self.title)
        self.stack = QStackedWidget()
        self.table = _table([self.tr("When (UTC)"), self.tr("Run"), self.tr("File"), self.tr("Problem")])
        self.table.setObjectName("importErrors")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.empty = _empty_label(self.tr("No import errors. Every file imported so far was read."))
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = [(e.at, e.run_id, e.path, e.error) for e in records.import_errors(self.session.case, MAX_ROWS)]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                if c == 3:
                    item.setToolTip(str(value))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 420)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.title.setText(f"<b>{self.tr('Import errors')}</b> ({len(rows)})")


class SelectorsView(Retranslatable, QWidget):
    """Phones, e-mails, handles… with the items and platforms they appear on, most linked first.

    Signals:
        items_requested(ids, label): show these items in the browse view.
    """

    items_requested = Signal(list, str)

    def __init__(self, session: CaseSession, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel(f"<b>{self.tr('Selectors')}</b> — " + self.tr("double-click to see the items")))
        self.stack = QStackedWidget()
        self.table = _table(
            [
                self.tr("Kind"),
                self.tr("Value"),
                self.tr("Items"),
                self.tr("Platforms"),
                self.tr("First seen"),
                self.tr("Last seen"),
            ]
        )
        self.table.setObjectName("selectors")
        self.table.itemDoubleClicked.connect(self._on_table_double_clicked)
        self.empty = _empty_label("")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.rows: list = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.services.selectors.all()
        if not self.rows:
            self.empty.setText(self.tr("No selectors (phone numbers, e-mail addresses, handles) found yet."))
            self.stack.setCurrentWidget(self.empty)
            return
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, sel in enumerate(self.rows):
            values = [
                sel.kind,
                sel.value if sel.verified else sel.value + " " + self.tr("(unverified)"),
                len(sel.items),
                ", ".join(sel.platforms),
                sel.first_seen or "",
                sel.last_seen or "",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, c, item)
        # Most-linked first (the core's order), unless the analyst sorts by another column.
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.stack.setCurrentWidget(self.table)

    def _on_table_double_clicked(self, item: QTableWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is None:
            return
        sel = self.rows[int(index)]
        self.items_requested.emit(list(sel.items), f"{sel.kind}: {sel.value}")


# Strings translated inside f-strings above, where lupdate cannot see them.
_EXTRACTED_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("ImportErrorsView", "Import errors"),
    QT_TRANSLATE_NOOP("SelectorsView", "Selectors"),
)
