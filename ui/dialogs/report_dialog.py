"""Report dialog: choose exhibits and options, preview what is included, write the PDF in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.progress_dialog import ProgressDialog
from ui.services import Services
from ui.session import CaseSession
from ui.tasks import TaskRunner
from workstation import records

MAX_PREVIEW = 500


class ReportDialog(QDialog):
    """Signals:
    started(progress_dialog): the report is being written.
    """

    started = Signal(object)

    def __init__(
        self,
        session: CaseSession,
        services: Services,
        runner: TaskRunner,
        selected: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Court report"))
        self.setMinimumWidth(620)
        self.session = session
        self.services = services
        self.runner = runner
        self.selected = list(selected)
        self.progress_dialog: ProgressDialog | None = None
        case = session.case
        layout = QVBoxLayout(self)

        n_exhibits = records.exhibit_count(case)
        self.all_exhibits = QRadioButton(self.tr("All exhibits (%1)").replace("%1", str(n_exhibits)))
        self.all_exhibits.setObjectName("allExhibits")
        self.selection = QRadioButton(
            self.tr("The %1 selected item(s) (marked as exhibits first)").replace("%1", str(len(self.selected)))
        )
        self.selection.setEnabled(bool(self.selected))
        (self.all_exhibits if n_exhibits or not self.selected else self.selection).setChecked(True)
        layout.addWidget(self.all_exhibits)
        layout.addWidget(self.selection)

        form = QFormLayout()
        out_row = QHBoxLayout()
        number = (case.meta.get("case_number") or Path(case.path).stem).replace("/", "-")
        self.out_edit = QLineEdit(str(Path(case.path).with_name(f"{number}-report.pdf")))
        self.out_edit.setObjectName("reportPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("PDF file:"), out_row)
        self.redact = QComboBox()
        labels = {
            "none": self.tr("No redaction"),
            "sensitive": self.tr("Pixelate images tagged sensitive or minor"),
            "sensitive-blur": self.tr("Blur images tagged sensitive or minor"),
            "all": self.tr("Pixelate all images"),
            "all-blur": self.tr("Blur all images"),
        }
        from reports.model import IMAGE_REDACTION_MODES

        for mode in IMAGE_REDACTION_MODES:
            self.redact.addItem(labels.get(mode, mode), mode)
        self.redact.setCurrentIndex(max(0, self.redact.findData("sensitive")))
        form.addRow(self.tr("Redaction:"), self.redact)
        self.classification = QLineEdit(session.case.meta.get("classification", ""))  # the case's default
        self.classification.setObjectName("classification")
        self.classification.setPlaceholderText(self.tr("none (e.g. OFFICIAL-SENSITIVE, as your agency requires)"))
        form.addRow(self.tr("Classification:"), self.classification)
        self.bates = QLineEdit("EW-")
        form.addRow(self.tr("Bates prefix:"), self.bates)
        self.suggestions = QCheckBox(self.tr("Also list machine-suggested indicators (marked as such)"))
        form.addRow(self.suggestions)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("<b>Will be included</b>")))
        self.preview = QListWidget()
        self.preview.setObjectName("reportPreview")
        layout.addWidget(self.preview, 1)
        self.all_exhibits.toggled.connect(self.update_preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.generate_button = self.buttons.addButton(self.tr("Write report"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.generate_button.setObjectName("writeReport")
        self.buttons.accepted.connect(self.generate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.update_preview()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), self.out_edit.text(), "PDF (*.pdf)")
        if name:
            self.out_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def item_ids(self) -> tuple[int, ...] | None:
        return tuple(self.selected) if self.selection.isChecked() else None

    def update_preview(self) -> None:
        self.preview.clear()
        rows = records.exhibit_rows(self.session.case, self.item_ids(), limit=MAX_PREVIEW)
        for number, item_id, name, kind in ((r.number, r.item_id, r.name, r.kind) for r in rows):
            label = self.tr("Exhibit %1").replace("%1", str(number)) if number else self.tr("new exhibit")
            self.preview.addItem(f"{label} — #{item_id} {name} ({kind})")
        if not rows:
            self.preview.addItem(self.tr("No exhibits yet: mark items with “Add to exhibits” (E), or select items."))
        self.has_exhibits = bool(rows)

    def options(self) -> Any:
        ids = self.item_ids()
        return self.services.reports.options(
            item_ids=ids,
            all_exhibits=ids is None,
            redact=str(self.redact.currentData()),
            classification=self.classification.text().strip(),
            bates_prefix=self.bates.text(),
            include_suggestions=self.suggestions.isChecked(),
        )

    def confirm_without_exhibits(self) -> bool:
        """Asked before a report with no exhibits is written (it would hold only the case's frame)."""
        answer = QMessageBox.question(
            self,
            self.tr("Report without exhibits"),
            self.tr(
                "This report has no exhibits: it would hold only the cover, the method and the chain of "
                "custody. Write it anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def generate(self) -> ProgressDialog | None:
        if not self.has_exhibits and not self.confirm_without_exhibits():
            return None
        out = self.out_edit.text().strip()
        task = self.session.process_task("report", label="report", out=out, options=self.options())

        def summarize(result: Any) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
            text = (
                self.tr("Report written: %1 (%2 pages, %3 exhibits). Its SHA-256 is recorded in the audit log.")
                .replace("%1", str(result.path))
                .replace("%2", str(result.pages))
                .replace("%3", str(len(result.exhibits)))
            )
            return text, [("", w) for w in result.warnings], [("SHA-256", result.sha256)]

        dialog = ProgressDialog(
            task, self.tr("Court report"), self.tr("steps"), summarize=summarize, parent=self.parentWidget()
        )
        dialog.setObjectName("reportProgress")
        task.signals.succeeded.connect(lambda _r: self.session.items_changed.emit())
        self.progress_dialog = dialog
        dialog.show()
        self.runner.start(task)
        self.started.emit(dialog)
        self.accept()
        return dialog
