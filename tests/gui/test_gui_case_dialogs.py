"""Creating and opening cases through the real dialogs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from tests.gui.conftest import PASSPHRASE
from ui.app import WorkstationApp
from ui.dialogs.case_dialogs import CaseMetaDialog, NewCaseDialog, OpenCaseDialog
from ui.settings import AppSettings
from workstation.case import Case


def test_new_case_dialog_creates_an_encrypted_case(qtbot, tmp_path):
    settings = AppSettings()
    dialog = NewCaseDialog(settings)
    qtbot.addWidget(dialog)
    target = tmp_path / "operation.case"
    dialog.path_edit.setText(str(target))
    dialog.title_edit.setText("Operation Lighthouse")
    dialog.number_edit.setText("2026-0042")
    dialog.analyst_edit.setText("A. Analyst")
    assert dialog.pass1.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.pass2.echoMode() == QLineEdit.EchoMode.Password
    dialog.pass1.setText("long enough passphrase")
    dialog.pass2.setText("long enough passphrase")
    dialog.try_create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.case is not None and dialog.case.meta["case_number"] == "2026-0042"
    dialog.case.close()
    assert not target.read_bytes().startswith(b"SQLite format 3")  # encrypted on disk
    with Case.open(target, "long enough passphrase") as case:
        assert case.meta["title"] == "Operation Lighthouse"
    assert settings.analyst == "A. Analyst"


def test_new_case_dialog_refuses_mismatched_and_short_passphrases(qtbot, tmp_path):
    dialog = NewCaseDialog(AppSettings())
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "x.case"))
    dialog.title_edit.setText("X")
    dialog.pass1.setText("short")
    dialog.pass2.setText("short")
    dialog.try_create()
    assert "at least 8" in dialog.error.text()
    dialog.pass1.setText("long enough passphrase")
    dialog.pass2.setText("long enough passphrase!")
    dialog.try_create()
    assert "differ" in dialog.error.text()
    assert not (tmp_path / "x.case").exists()


def test_wrong_passphrase_shows_a_clear_message_and_leaves_the_file_unchanged(qtbot, case_file: Path):
    before = hashlib.sha256(case_file.read_bytes()).hexdigest()
    dialog = OpenCaseDialog(case_file, AppSettings())
    qtbot.addWidget(dialog)
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.passphrase_edit.setText("not the passphrase")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.case is None
    assert not dialog.error.isHidden()
    assert "Wrong passphrase" in dialog.error.text()
    assert hashlib.sha256(case_file.read_bytes()).hexdigest() == before

    dialog.passphrase_edit.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.case is not None and dialog.case.meta["title"] == "GUI test case"
    dialog.case.close()


def test_app_opens_the_window_with_the_passphrase_from_the_environment(qtbot, case_file: Path):
    app = WorkstationApp(AppSettings())
    window = app.open_with_passphrase(str(case_file), PASSPHRASE)
    assert window is not None
    qtbot.addWidget(window)
    assert "GUI test case" in window.windowTitle()
    assert str(case_file.resolve()) in app.settings.recent_cases()
    window.close()


def test_app_asks_again_when_the_given_passphrase_is_wrong(qtbot, case_file: Path):
    app = WorkstationApp(AppSettings())
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OpenCaseDialog)
        seen["message"] = dialog.error.text()
        dialog.passphrase_edit.setText(PASSPHRASE)
        dialog.try_open()

    QTimer.singleShot(0, answer)
    window = app.open_with_passphrase(str(case_file), "wrong")
    assert "did not open this case" in seen["message"]
    assert window is not None
    qtbot.addWidget(window)
    qtbot.addWidget(app.start_window)
    window.close()


def test_case_details_editor_changes_metadata_with_an_audit_entry(qtbot, case_file: Path):
    case = Case.open(case_file, PASSPHRASE)
    dialog = CaseMetaDialog(case)
    qtbot.addWidget(dialog)
    dialog.edits["case_number"].setText("T-2")
    dialog.edits["timezone"].setCurrentText("Europe/Kyiv")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert case.meta["case_number"] == "T-2" and case.meta["timezone"] == "Europe/Kyiv"
    last = case.db.execute("SELECT action, details FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert last[0] == "case.metadata_changed" and "T-2" in last[1]
    case.close()
