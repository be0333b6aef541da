"""Read-only audit log viewer with the chain's status (checked on the reader thread)."""

from __future__ import annotations

import itertools
import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.session import CaseSession
from workstation import records
from workstation.case import Case
from workstation.records import AuditRow, ChainStatus

PAGE = 500
_tokens = itertools.count(9_000_000)


class AuditModel(QAbstractTableModel):
    """Audit entries, newest last, fetched a page at a time (logs grow to millions of entries)."""

    def __init__(self, case: Case, parent: Any = None) -> None:
        super().__init__(parent)
        self.case = case
        self.rows: list[AuditRow] = []
        self.total = records.audit_count(case)
        self.headers = [
            self.tr("#"),
            self.tr("When (UTC)"),
            self.tr("Analyst"),
            self.tr("Action"),
            self.tr("Details"),
            self.tr("Hash"),
        ]
        self.fetchMore(QModelIndex())  # the first page at once; the view asks for the rest

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        start = len(self.rows)
        page = records.audit_rows(self.case, after=self.rows[-1].seq if self.rows else 0, limit=PAGE)
        if not page:
            self.total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        row = (entry.seq, entry.at, entry.analyst, entry.action, entry.details, entry.entry_hash)
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 4:
                return row[4][:200]
            if col == 5:
                return row[5][:16] + "…"
            return row[col]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return row[5]
        return None


class AuditDialog(QDialog):
    """The case's audit trail; nothing here can change it."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1000, 620)
        self.session = session
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Checking the hash chain…"))
        self.status.setObjectName("chainStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = AuditModel(session.case, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for col, width in enumerate((60, 200, 120, 170, 360)):
            self.table.setColumnWidth(col, width)
        splitter.addWidget(self.table)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.details.setFont(mono)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 160])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.problems: list[str] | None = None
        self._token = next(_tokens)
        session.reader.signals.query_done.connect(self._on_reader_done)
        session.reader.call("audit-verify", self._token, _verify)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.rows[current.row()]
        seq, at, analyst, action, details, digest = (
            entry.seq,
            entry.at,
            entry.analyst,
            entry.action,
            entry.details,
            entry.entry_hash,
        )
        try:
            pretty = json.dumps(json.loads(details), indent=2, ensure_ascii=False)
        except json.JSONDecodeError:
            pretty = details
        self.details.setPlainText(f"#{seq}  {at}  {analyst}  {action}\nhash {digest}\n\n{pretty}")

    def _on_reader_done(self, token: int, result: object) -> None:
        if token != self._token or not isinstance(result, ChainStatus):
            return
        self.problems = list(result.problems)
        if not self.problems:
            self.status.setText(
                self.tr("Chain intact: %1 entries, head %2")
                .replace("%1", str(result.entries))
                .replace("%2", result.head)
            )
            self.status.setStyleSheet("color: #1e7b34; font-weight: 600;")
        else:
            self.status.setText(self.tr("CHAIN BROKEN: ") + "; ".join(self.problems))
            self.status.setStyleSheet("color: #b00020; font-weight: 600;")


def _verify(case: Case) -> ChainStatus:
    return records.chain_status(case)
