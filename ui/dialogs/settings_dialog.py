"""Settings: analyst, agency, time zone, language, thresholds, analyst wellbeing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.case_dialogs import timezone_combo
from ui.settings import AppSettings
from workstation.dedup import DEFAULT_THRESHOLD


class SettingsDialog(QDialog):
    """Edits AppSettings; the window applies the changes after ``exec()`` returns Accepted."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.settings = settings
        layout = QVBoxLayout(self)

        who = QGroupBox(self.tr("Analyst"))
        form = QFormLayout(who)
        self.analyst = QLineEdit(settings.analyst)
        self.analyst.setObjectName("analyst")
        self.analyst.setPlaceholderText(self.tr("Your name, written into every audit entry"))
        form.addRow(self.tr("Name:"), self.analyst)
        self.agency = QLineEdit(settings.agency)
        form.addRow(self.tr("Agency:"), self.agency)
        self.timezone = timezone_combo(settings.timezone)
        form.addRow(self.tr("Time zone for new cases:"), self.timezone)
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", QLabel(self.tr("A new language applies at once.")))
        layout.addWidget(who)

        limits = QGroupBox(self.tr("Thresholds"))
        form = QFormLayout(limits)
        self.dedup_threshold = QSpinBox()
        self.dedup_threshold.setObjectName("dedupThreshold")
        self.dedup_threshold.setRange(0, 32)
        self.default_threshold = DEFAULT_THRESHOLD
        current = settings.dedup_threshold
        self.dedup_threshold.setValue(DEFAULT_THRESHOLD if current is None else current)
        self.dedup_threshold.setToolTip(
            self.tr(
                "Largest distance (bits of a 64-bit perceptual hash) still called the same photo; default %1"
            ).replace("%1", str(DEFAULT_THRESHOLD))
        )
        form.addRow(self.tr("Near-duplicate distance:"), self.dedup_threshold)
        self.suggestion_score = QSpinBox()
        self.suggestion_score.setRange(0, 100)
        self.suggestion_score.setValue(settings.suggestion_min_score)
        form.addRow(self.tr("Hide indicator suggestions below weight:"), self.suggestion_score)
        layout.addWidget(limits)

        care = QGroupBox(self.tr("Wellbeing"))
        form = QFormLayout(care)
        self.safe_view = QCheckBox(self.tr("Start in safe view (pictures veiled until revealed)"))
        self.safe_view.setChecked(settings.safe_view)
        form.addRow(self.safe_view)
        self.blur = QCheckBox(self.tr("Safe view blurs pictures"))
        self.blur.setChecked(settings.safe_view_blur)
        form.addRow(self.blur)
        self.gray = QCheckBox(self.tr("Safe view shows pictures in grey"))
        self.gray.setChecked(settings.safe_view_grayscale)
        form.addRow(self.gray)
        self.blur_minors = QCheckBox(self.tr("Always blur items tagged as involving minors"))
        self.blur_minors.setObjectName("blurMinors")
        self.blur_minors.setChecked(settings.blur_minors)
        form.addRow(self.blur_minors)
        layout.addWidget(care)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        s = self.settings
        s.analyst = self.analyst.text()
        s.agency = self.agency.text()
        s.timezone = self.timezone.currentText().strip() or "UTC"
        s.language = str(self.language.currentData() or "")
        value = self.dedup_threshold.value()
        s.dedup_threshold = None if value == self.default_threshold else value
        s.suggestion_min_score = self.suggestion_score.value()
        s.safe_view = self.safe_view.isChecked()
        s.safe_view_blur = self.blur.isChecked()
        s.safe_view_grayscale = self.gray.isChecked()
        s.blur_minors = self.blur_minors.isChecked()
        self.accept()
