"""English and Dutch UI text through Qt's translation system."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication

from ui.dialogs.start_window import StartWindow
from ui.i18n import install_translators, translations_dir
from ui.settings import AppSettings


@pytest.fixture
def dutch(qapp):
    installed = install_translators(qapp, "nl")
    yield installed
    for translator in installed:
        QApplication.removeTranslator(translator)


def test_every_ui_string_has_a_dutch_translation():
    ts = translations_dir() / "workstation_nl.ts"
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 300
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert (translations_dir() / "workstation_nl.qm").stat().st_size > 10_000


def test_the_start_window_speaks_dutch(qtbot, dutch):
    assert any("workstation_nl" in t.filePath() for t in dutch)
    window = StartWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.new_button.text() == "Nieuwe zaak…"
    assert window.open_button.text() == "Zaak openen…"


def test_the_main_window_speaks_dutch(qtbot, dutch, window_factory, imported_case):
    window = window_factory(imported_case)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Bestand" in menus and "&Annoteren" in menus
    assert window.navigator.entry("all").text(0) == "Alle items"
    window.items_view.select_row(0)
    assert "Hashes van het origineel" in window.inspector.details.toPlainText()


def test_english_is_the_source_language(qtbot):
    window = StartWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.new_button.text() == "New case…"


def test_the_dutch_catalogue_is_up_to_date_with_the_code(tmp_path):
    """Every tr() string in ui/ is in the catalogue and translated: lupdate on a copy adds nothing."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    root = Path(__file__).resolve().parents[2]
    sources = sorted(str(p) for p in (root / "ui").rglob("*.py"))
    copy = tmp_path / "workstation_nl.ts"
    shutil.copy(translations_dir() / "workstation_nl.ts", copy)
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    messages = list(ET.parse(copy).getroot().iter("message"))
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_the_transfer_dialogs_speak_dutch(dutch):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("ExportDialog", "Send to partner") == "Naar partner sturen"
    assert QCoreApplication.translate("ReceiveDialog", "Receive bundle") == "Bundel ontvangen"
    assert QCoreApplication.translate("_TransferDialog", "Cancelled; nothing was written.") == (
        "Geannuleerd; er is niets geschreven."
    )
