"""A dialog for one long task: progress bar, rate, ETA, Cancel; per-file problems at the end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import Task, format_duration

# (summary line, [(path, problem), ...]) from a task's result, optionally followed by
# [(label, value), ...]: values shown whole in selectable fields (a SHA-256 must never be clipped)
Summarize = Callable[[Any], tuple[Any, ...]]


class ProgressDialog(QDialog):
    """Follows one Task. Non-modal: the analyst may keep working while it runs.

    Signals:
        ended(state): 'succeeded', 'failed' or 'cancelled', after the dialog updated itself.
    """

    ended = Signal(str)

    def __init__(
        self,
        task: Task,
        title: str,
        unit: str,
        summarize: Summarize | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.task = task
        self.unit = unit
        self.summarize = summarize
        self.state = "running"
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr("Starting…"))
        self.note.setObjectName("note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        self.rate = QLabel("")
        self.rate.setObjectName("rate")
        layout.addWidget(self.rate)
        self.summary = QLabel("")
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.values = QFormLayout()
        layout.addLayout(self.values)
        self.value_fields: dict[str, QLineEdit] = {}
        self.errors = QTableWidget(0, 2)
        self.errors.setObjectName("errors")
        self.errors.setHorizontalHeaderLabels([self.tr("File"), self.tr("Problem")])
        self.errors.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.errors.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.errors.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.errors.hide()
        layout.addWidget(self.errors, 1)
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        signals = task.signals
        signals.progressed.connect(self._on_task_progressed)
        signals.succeeded.connect(self._on_task_succeeded)
        signals.failed.connect(self._on_task_failed)
        signals.cancelled.connect(self._on_task_cancelled)

    def cancel(self) -> None:
        if self.state == "running":
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.note.setText(self.tr("Cancelling… (the batch in flight is rolled back)"))

    def reject(self) -> None:  # Escape / window close while running means cancel
        if self.state == "running":
            self.cancel()
            return
        super().reject()

    def _on_task_progressed(self, done: int, total: int, note: str) -> None:
        if self.state != "running":  # a late update must not bring the rate back after "Finished"
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if note and self.state == "running" and self.cancel_button.isEnabled():
            self.note.setText(note)
        rate = self.task.rate()
        parts = [
            self.tr("%1 of %2 %3")
            .replace("%1", str(done))
            .replace("%2", str(total) if total >= 0 else "?")
            .replace("%3", self.unit)
        ]
        if rate:
            parts.append(self.tr("%1 per second").replace("%1", f"{rate:.1f}"))
        eta = self.task.eta()
        if eta is not None and total > 0:
            parts.append(self.tr("about %1 left").replace("%1", format_duration(eta)))
        self.rate.setText(" · ".join(parts))

    def _finish(
        self, state: str, text: str, problems: list[tuple[str, str]], values: list[tuple[str, str]] | None = None
    ) -> None:
        self.state = state
        self.rate.hide()  # rate and time left mean nothing once the task has ended
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if state == "succeeded" and self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
        self.note.setText(
            {
                "succeeded": self.tr("Finished."),
                "failed": self.tr("Stopped by an error."),
                "cancelled": self.tr("Cancelled."),
            }[state]
        )
        self.summary.setText(text)
        self.summary.show()
        for label, value in values or []:
            field = QLineEdit(value)
            field.setReadOnly(True)
            field.setObjectName("value")
            field.setStyleSheet("font-family: monospace;")
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(value) + 16)
            field.setCursorPosition(0)
            self.values.addRow(label, field)
            self.value_fields[label] = field
        if problems:
            self.errors.setRowCount(len(problems))
            for row, (path, problem) in enumerate(problems):
                self.errors.setItem(row, 0, QTableWidgetItem(path))
                self.errors.setItem(row, 1, QTableWidgetItem(problem))
            self.errors.show()
        self.ended.emit(state)

    def _on_task_succeeded(self, result: object) -> None:
        summary = self.summarize(result) if self.summarize else (self.tr("Done."), [])
        text, problems = summary[0], summary[1]
        values = list(summary[2]) if len(summary) > 2 else []
        self._finish("succeeded", text, problems, values)

    def _on_task_failed(self, reason: str) -> None:
        self._finish("failed", reason, [])

    def _on_task_cancelled(self) -> None:
        self._finish(
            "cancelled",
            self.tr("Cancelled. Work committed before the cancel is kept; running it again resumes."),
            [],
        )
