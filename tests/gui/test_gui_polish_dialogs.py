"""#22 in the window: report-finished dialog, a report without exhibits, the open-case and new-case
dialogs (one passphrase rule)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.gui.conftest import PASSPHRASE


def _report_dialog(window: Any) -> Any:
    window.act_report.trigger()
    return next(d for d in window.dialogs if hasattr(d, "out_edit") and d.isVisible())


def test_report_without_exhibits_asks_and_the_finished_dialog_shows_the_whole_hash(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _report_dialog(window)
    assert dialog.classification.text() == ""  # no marking unless the analyst types one
    out = tmp_path / "empty.pdf"
    dialog.out_edit.setText(str(out))
    assert dialog.generate() is None and not out.exists()
    assert len(asked) == 1 and "no exhibits" in asked[0]
    answer[0] = QMessageBox.StandardButton.Yes
    progress = dialog.generate()
    with qtbot.waitSignal(progress.ended, timeout=120_000) as ended:
        pass
    assert ended.args == ["succeeded"]
    sha = progress.value_fields["SHA-256"]
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(out)).pages)
    import hashlib

    assert sha.text() == hashlib.sha256(out.read_bytes()).hexdigest() and sha.isReadOnly()
    progress.show()
    qtbot.waitExposed(progress)
    assert sha.width() >= sha.fontMetrics().horizontalAdvance(sha.text())  # the whole hash is visible
    assert progress.rate.isHidden()  # no "per second · about 0:00 left" after "Finished"
    progress._on_task_progressed(1, 1, "late")
    assert progress.rate.isHidden() and progress.note.text() == "Finished."
    problems = [progress.errors.item(r, 1).text() for r in range(progress.errors.rowCount())]
    assert any("no exhibits" in p for p in problems)
    assert "OFFICIAL-SENSITIVE" not in text


def test_open_case_dialog_shows_the_whole_wrong_passphrase_message(qtbot: Any, case_file: Path) -> None:
    from ui.dialogs.case_dialogs import OpenCaseDialog
    from ui.settings import AppSettings

    dialog = OpenCaseDialog(case_file, AppSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.passphrase_edit.setText("not the passphrase")
    dialog.try_open()
    label: QLabel = dialog.error
    assert label.wordWrap() and label.text().startswith("Wrong passphrase.")
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5_000)
    assert dialog.width() >= 460
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.try_open()
    assert dialog.case is not None
    dialog.case.close()


def test_new_case_dialog_uses_the_one_passphrase_rule(qtbot: Any, tmp_path: Path) -> None:
    from ui.dialogs.case_dialogs import NewCaseDialog
    from ui.settings import AppSettings

    dialog = NewCaseDialog(AppSettings(), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "n.case"))
    dialog.title_edit.setText("T")
    for weak, words in (("abc", "at least 8"), ("password1", "too easy to guess")):
        dialog.pass1.setText(weak)
        dialog.pass2.setText(weak)
        dialog.try_create()
        assert dialog.case is None and words in dialog.error.text()
        assert "weak" in dialog.strength.text()
    dialog.pass1.setText(PASSPHRASE)
    dialog.pass2.setText(PASSPHRASE)
    assert "strong" in dialog.strength.text()
    dialog.try_create()
    assert dialog.case is not None
    dialog.case.close()
