"""The conversation view: bubbles over a paged model, search, selectors, attachments, excerpt as exhibit."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from workstation.case import Case

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/chatgen.py
import chatgen  # noqa: E402

from tests.gui.conftest import PASSPHRASE  # noqa: E402


def _chat_case(case_file: Path, tmp_path: Path, extra_messages: int = 0) -> None:
    from workstation.importing.pipeline import run_import

    script = chatgen.main_script()
    zip_path = tmp_path / "WhatsApp Chat - Maria.zip"
    zip_path.write_bytes(chatgen.export_zip(script, "nl", "android", "Europe/Amsterdam", chatgen.media_for(script)))
    paths = [zip_path]
    if extra_messages:
        big = tmp_path / "WhatsApp Chat with Big.txt"
        lines = [
            f"05-01-2024 {8 + k // 3600 % 12:02d}:{k // 60 % 60:02d} - Olena: bericht {k}"
            for k in range(extra_messages)
        ]
        big.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(big)
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, paths, workers=0)


def test_conversation_view_search_selectors_and_excerpt(
    qtbot: Any, window_factory: Any, case_file: Path, tmp_path: Path
) -> None:
    from workstation.conversations import list_conversations, list_excerpts

    _chat_case(case_file, tmp_path, extra_messages=1200)
    window = window_factory(case_file)
    conv = list_conversations(window.session.case)[0]
    view = window.open_item(conv.id)
    assert view.model.rowCount() == 15 and window.tabs.currentWidget() is view
    assert view.model.pages_read <= 1
    view.grab()  # paints the bubbles (day separators, the veiled attachment) without error
    view.search.setText("passport")
    with qtbot.waitSignal(view.searched, timeout=10_000):
        view.find_next()
    current = view.model.message(view.list.currentIndex().row())
    assert current is not None and "passport" in current.text and view.hits_label.text() == "1/1"
    # the phone number in message 3 is a selector; double-clicking it lists the items that carry it
    view.search.setText("Call me")
    with qtbot.waitSignal(view.searched, timeout=10_000):
        view.find_next()
    assert view.selectors.count() == 1 and "+31612345678" in view.selectors.item(0).text()
    with qtbot.waitSignal(view.items_requested, timeout=5_000) as got:
        view.selectors.itemActivated.emit(view.selectors.item(0))
    assert current.id not in got.args[0] and view.model.message(view.list.currentIndex().row()).id in got.args[0]
    # attachments of the photo message
    photo_row = next(r for r in range(15) if view.model.message(r).attachments)
    view.list.setCurrentIndex(view.model.index(photo_row, 0))
    assert view.attachments.count() == 1
    # select two messages and add them as an exhibit (a chat excerpt)
    sel = view.list.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    sel.select(view.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    sel.select(view.model.index(2, 0), QItemSelectionModel.SelectionFlag.Select)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    view.add_excerpt()
    excerpts = list_excerpts(window.session.case)
    assert len(excerpts) == 1 and len(excerpts[0].message_ids) == 2 and excerpts[0].exhibit_number == 1
    # opening a message opens its conversation at that message
    assert window.open_item(excerpts[0].message_ids[1]) is view
    assert view.list.currentIndex().row() == 2
    _large_chat_opens_and_scrolls_without_reading_everything(window)


def _large_chat_opens_and_scrolls_without_reading_everything(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from workstation.conversations import list_conversations

    big = next(c for c in list_conversations(window.session.case) if c.messages == 1200)
    started = time.monotonic()
    view = window.open_item(big.id)
    view.resize(900, 700)
    QApplication.processEvents()
    assert time.monotonic() - started < 2.0
    worst = 0.0
    bar = view.list.verticalScrollBar()
    for step in range(0, bar.maximum(), max(1, bar.maximum() // 30)):
        t = time.monotonic()
        bar.setValue(step)
        view.list.viewport().repaint()
        QApplication.processEvents()
        worst = max(worst, time.monotonic() - t)
    assert worst < 0.5, worst  # the benchmark measures 100,000 messages on an unloaded scale
    assert view.model.pages_read <= 6 + 2
