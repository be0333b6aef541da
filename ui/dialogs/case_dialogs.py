"""Open a case (passphrase without echo), create one, edit its metadata."""

from __future__ import annotations

import logging
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings import AppSettings
from workstation.case import Case
from workstation.errors import CaseError, WorkstationError, WrongPassphrase
from workstation.passphrase import MIN_LENGTH, estimate

log = logging.getLogger(__name__)
MIN_PASSPHRASE = MIN_LENGTH  # the one rule lives in workstation.passphrase (the CLI uses it too)
CASE_FILTER = "Case files (*.case);;All files (*)"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020; font-weight: 600;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class PassphraseStrengthLabel(QLabel):
    """Shows the strength estimate of a new passphrase as it is typed (workstation.passphrase)."""

    COLOURS = ("#b00020", "#b00020", "#8a6d00", "#2e7d32", "#2e7d32")

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseStrength")
        self.setWordWrap(True)
        edit.textChanged.connect(self.update_for)
        self.update_for(edit.text())

    def verdicts(self) -> tuple[str, ...]:
        return (
            self.tr("very weak"),
            self.tr("weak"),
            self.tr("fair"),
            self.tr("strong"),
            self.tr("very strong"),
        )

    def update_for(self, text: str) -> None:
        if not text:
            self.setText(
                self.tr("At least %1 characters, not easy to guess (e.g. four unrelated words).").replace(
                    "%1", str(MIN_LENGTH)
                )
            )
            self.setStyleSheet("color: palette(mid);")
            return
        strength = estimate(text)
        self.setText(self.tr("Strength: %1").replace("%1", self.verdicts()[strength.score]))
        self.setStyleSheet(f"color: {self.COLOURS[strength.score]};")


def passphrase_refusal(text: str) -> str:
    """The translated reason a new passphrase is refused by the one rule, or "" when it is fine."""
    strength = estimate(text)
    if strength.acceptable:
        return ""
    if len(text) < MIN_LENGTH:
        return QCoreApplication.translate("Passphrase", "Use a passphrase of at least %1 characters.").replace(
            "%1", str(MIN_LENGTH)
        )
    return QCoreApplication.translate(
        "Passphrase",
        "This passphrase is too easy to guess. Use at least %1 characters that are not easy to guess, "
        "e.g. four unrelated words.",
    ).replace("%1", str(MIN_LENGTH))


def timezone_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    zones = sorted(available_timezones())
    combo.addItems(zones)
    combo.setCurrentText(current or "UTC")
    return combo


class OpenCaseDialog(QDialog):
    """Ask for the passphrase of one case file and open it.

    After ``exec()`` returns Accepted, ``case`` and ``passphrase`` hold the open case.
    """

    def __init__(
        self, path: str | Path, settings: AppSettings, parent: QWidget | None = None, message: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open case"))
        # Wide enough that "Wrong passphrase. The case file was not changed. ..." wraps, not clips.
        self.setMinimumWidth(460)
        self.settings = settings
        self.path = Path(path)
        self.case: Case | None = None
        self.passphrase = ""
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<b>%1</b>").replace("%1", self.path.name))
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        where = QLabel(str(self.path.parent))
        where.setStyleSheet("color: palette(mid);")
        layout.addWidget(where)
        form = QFormLayout()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setPlaceholderText(self.tr("Case passphrase"))
        form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        self.analyst_edit = QLineEdit(settings.analyst)
        self.analyst_edit.setPlaceholderText(self.tr("Name written into every audit entry"))
        form.addRow(self.tr("Analyst:"), self.analyst_edit)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        layout.addWidget(buttons)
        self.passphrase_edit.setFocus()
        if message:
            self.show_error(message)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_open(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.show_error(self.tr("Enter the case passphrase."))
            return
        analyst = self.analyst_edit.text().strip() or None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.case = Case.open(self.path, passphrase, analyst=analyst)
        except WrongPassphrase:
            self.show_error(
                self.tr("Wrong passphrase. The case file was not changed. Check the passphrase and try again.")
            )
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return
        except CaseError as exc:
            self.show_error(self.tr("Cannot open this case: %1").replace("%1", exc.reason))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if analyst:
            self.settings.analyst = analyst
        self.passphrase = passphrase
        self.accept()


class NewCaseDialog(QDialog):
    """Create a new encrypted case file.

    After ``exec()`` returns Accepted, ``case`` and ``passphrase`` hold the new, open case.
    """

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self.settings = settings
        self.case: Case | None = None
        self.passphrase = ""
        self._folder = folder or Path.home()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The case file is encrypted with your passphrase. Without it nobody, including you, "
                "can open the case: keep it safe."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("casePath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("Case file:"), path_row)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        form.addRow(self.tr("Title:"), self.title_edit)
        self.number_edit = QLineEdit()
        form.addRow(self.tr("Case number:"), self.number_edit)
        self.agency_edit = QLineEdit(settings.agency)
        form.addRow(self.tr("Agency:"), self.agency_edit)
        self.analyst_edit = QLineEdit(settings.analyst)
        form.addRow(self.tr("Analyst:"), self.analyst_edit)
        self.tz_combo = timezone_combo(settings.timezone)
        form.addRow(self.tr("Time zone:"), self.tz_combo)
        self.region_edit = QLineEdit()
        self.region_edit.setMaxLength(2)
        self.region_edit.setPlaceholderText(self.tr("e.g. NL, UA, RO (for phone numbers)"))
        form.addRow(self.tr("Default region:"), self.region_edit)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setObjectName("passphrase")
        form.addRow(self.tr("Passphrase:"), self.pass1)
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setObjectName("passphraseRepeat")
        form.addRow(self.tr("Repeat passphrase:"), self.pass2)
        self.strength = PassphraseStrengthLabel(self.pass1)
        form.addRow("", self.strength)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New case file"), str(self._folder / "case.case"), self.tr(CASE_FILTER)
        )
        if name:
            if not name.endswith(".case"):
                name += ".case"
            self.path_edit.setText(name)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_create(self) -> None:
        path_text = self.path_edit.text().strip()
        if not path_text:
            self.show_error(self.tr("Choose where to save the case file."))
            return
        path = Path(path_text)
        if path.suffix != ".case":
            path = path.with_name(path.name + ".case")
        title = self.title_edit.text().strip()
        if not title:
            self.show_error(self.tr("Give the case a title."))
            return
        refusal = passphrase_refusal(self.pass1.text())
        if refusal:
            self.show_error(refusal)
            return
        if self.pass1.text() != self.pass2.text():
            self.show_error(self.tr("The two passphrases differ."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.case = Case.create(
                path,
                self.pass1.text(),
                title=title,
                case_number=self.number_edit.text().strip(),
                agency=self.agency_edit.text().strip(),
                analyst=self.analyst_edit.text().strip() or None,
                timezone=self.tz_combo.currentText().strip() or "UTC",
                default_region=self.region_edit.text().strip(),
            )
        except WorkstationError as exc:
            self.show_error(self.tr("Cannot create the case: %1").replace("%1", exc.reason))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.analyst_edit.text().strip():
            self.settings.analyst = self.analyst_edit.text().strip()
        if self.agency_edit.text().strip():
            self.settings.agency = self.agency_edit.text().strip()
        self.passphrase = self.pass1.text()
        self.accept()


class CaseMetaDialog(QDialog):
    """Edit the case's metadata; every change is written to the audit log by the core."""

    FIELDS = ("title", "case_number", "agency", "analyst", "timezone", "default_region", "classification")

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case details"))
        self.setMinimumWidth(480)
        self.case = case
        layout = QVBoxLayout(self)
        form = QFormLayout()
        meta = case.meta
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        labels = {
            "title": self.tr("Title:"),
            "case_number": self.tr("Case number:"),
            "agency": self.tr("Agency:"),
            "analyst": self.tr("Lead analyst:"),
            "timezone": self.tr("Time zone:"),
            "default_region": self.tr("Default region:"),
            "classification": self.tr("Report marking:"),
        }
        for key in self.FIELDS:
            widget: QLineEdit | QComboBox
            if key == "timezone":
                widget = timezone_combo(meta.get("timezone", "UTC"))
            else:
                widget = QLineEdit(meta.get(key, ""))
            widget.setObjectName(key)
            if key == "classification" and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(self.tr("none (e.g. OFFICIAL-SENSITIVE, as your agency requires)"))
            self.edits[key] = widget
            form.addRow(labels[key], widget)
        created = QLabel(meta.get("created_at", ""))
        form.addRow(self.tr("Created (UTC):"), created)
        form.addRow(self.tr("File:"), QLabel(str(case.path)))
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        out = {}
        for key, widget in self.edits.items():
            out[key] = (widget.currentText() if isinstance(widget, QComboBox) else widget.text()).strip()
        out["default_region"] = out["default_region"].upper()
        return out

    def save(self) -> None:
        changed = {k: v for k, v in self.values().items() if v != self.case.meta.get(k, "")}
        if not changed:
            self.accept()
            return
        if "title" in changed and not changed["title"]:
            self.error.setText(self.tr("The title cannot be empty."))
            self.error.show()
            return
        try:
            self.case.set_meta(**changed)
        except WorkstationError as exc:
            self.error.setText(exc.reason)
            self.error.show()
            return
        self.accept()
