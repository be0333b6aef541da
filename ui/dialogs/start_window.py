"""The first window: create a case, open one, or pick a recent case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.case_dialogs import CASE_FILTER
from ui.settings import AppSettings


class StartWindow(QWidget):
    """Welcome screen.

    Signals:
        new_requested(): the analyst wants to create a case.
        open_requested(path): the analyst picked a case file to open.
    """

    new_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Evidence Workstation"))
        self.setMinimumSize(620, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        title = QLabel(self.tr("Evidence Workstation"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        sub = QLabel(
            self.tr(
                "Offline review of captured pages and seized images. Everything stays in the "
                "encrypted case file; nothing is sent over the network."
            )
        )
        sub.setWordWrap(True)
        layout.addWidget(sub)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("Open case…"))
        self.open_button.clicked.connect(self._browse)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("<b>Recent cases</b>")))
        self.recent = QListWidget()
        self.recent.setObjectName("recentCases")
        self.recent.itemActivated.connect(self._on_recent_activated)
        layout.addWidget(self.recent, 1)
        self.empty = QLabel(self.tr("No recent cases. Create a new case or open a case file."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.empty)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in self.settings.recent_cases():
            p = Path(path)
            item = QListWidgetItem(f"{p.name}\n{p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not p.exists():
                item.setText(f"{p.name} " + self.tr("(missing)") + f"\n{p.parent}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        has = self.recent.count() > 0
        self.recent.setVisible(has)
        self.empty.setVisible(not has)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open case file"), str(Path.home()), self.tr(CASE_FILTER))
        if name:
            self.open_requested.emit(name)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
