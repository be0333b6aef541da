"""The main window driven as an analyst would: import, select, inspect, triage, annotate, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import PASSPHRASE, jpeg_with_exif
from ui.models.item_model import Role
from workstation import casework, records
from workstation.case import Case


def _count(window, key: str) -> str:
    return window.navigator.entry(key).text(1)


def _data(qtbot, index, role=Qt.ItemDataRole.DisplayRole):
    """A model value as a view sees it: rows are read off the GUI thread, so wait for it."""
    qtbot.waitUntil(lambda: index.data(role) is not None, timeout=30_000)
    return index.data(role)


def _wait_counts(qtbot, window) -> None:
    with qtbot.waitSignal(window.navigator.counts_updated, timeout=30_000):
        window.navigator.refresh()


def test_import_action_shows_progress_and_lists_per_file_errors(
    qtbot, window_factory, case_file, material, monkeypatch
):
    window = window_factory(case_file)
    assert window.model.rowCount() == 0
    assert window.items_view.stack.currentWidget() is window.items_view.empty
    assert "no items yet" in window.items_view.empty.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in sorted(material.iterdir())], "")
    )
    window.act_import_files.trigger()
    dialog = next(d for d in window.dialogs if d.objectName() == "importDialog")
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as ended:
        pass
    assert ended.args == ["succeeded"]
    assert dialog.bar.value() == dialog.bar.maximum() > 0
    assert "Imported 4 item(s)" in dialog.summary.text()
    assert "1 problem(s)" in dialog.summary.text()
    # the broken file is a row in the dialog, not a crash dialog
    assert dialog.errors.rowCount() == 1
    assert dialog.errors.item(0, 0).text().endswith("broken.jpg")
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=30_000)
    qtbot.waitUntil(lambda: _count(window, "import_errors") == "1", timeout=30_000)
    assert _count(window, "kind:image") == "3"


def test_cancel_in_the_progress_dialog_stops_the_import_and_keeps_the_case_consistent(
    qtbot, window_factory, case_file, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"p{i:03d}.jpg").write_bytes(jpeg_with_exif((i * 5 % 255, 80, 120), size=(320, 240)))
    window = window_factory(case_file)
    dialog = window.start_import([str(folder)])
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # before the worker got far
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as ended:
        pass
    assert ended.args == ["cancelled"]
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert "Cancelled" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.import_task is None, timeout=30_000)
    with Case.open(case_file, PASSPHRASE) as case:
        status = case.db.execute("SELECT status FROM import_runs ORDER BY id DESC").fetchone()[0]
        assert status == "cancelled"
        assert case.count_items() < 40
        assert case.verify()["ok"]


def test_selecting_an_item_shows_its_hashes_exif_and_times_in_the_inspector(qtbot, window):
    case = window.session.case
    photo = case.db.execute("SELECT id, sha256, md5 FROM items WHERE original_name = 'IMG_0001.jpg'").fetchone()
    assert window.items_view.select_id(photo[0])
    assert window.inspector.item_id == photo[0]
    text = window.inspector.details.toPlainText()
    assert photo[1] in text and photo[2] in text
    assert "SHA-256" in text and "MD5" in text
    assert "TestCam" in text and "Model 7" in text
    assert "52.3676" in text  # GPS latitude from EXIF
    assert "Europe/Amsterdam" in text and "UTC" in text
    assert "IMG_0001.jpg" in window.inspector.heading.text()


def test_triage_keys_change_the_counts_and_undo_takes_it_back(qtbot, window):
    _wait_counts(qtbot, window)
    assert _count(window, f"tag:{casework.RELEVANT}") == "0"
    window.items_view.select_row(0)
    first = window.items_view.current_id()
    qtbot.keyClick(window.items_view.grid, Qt.Key.Key_R)  # mark relevant, move to the next item
    qtbot.waitUntil(lambda: _count(window, f"tag:{casework.RELEVANT}") == "1", timeout=30_000)
    assert window.items_view.current_id() != first  # triage flow moved on
    assert casework.RELEVANT in _data(qtbot, window.model.index(0, 0), Role.Tags)
    qtbot.keyClick(window.items_view.grid, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: _count(window, f"tag:{casework.NOT_RELEVANT}") == "1", timeout=30_000)
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _count(window, f"tag:{casework.RELEVANT}") == "0", timeout=30_000)
    assert _count(window, f"tag:{casework.NOT_RELEVANT}") == "0"
    actions = [r[0] for r in window.session.case.db.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions.count("triage.marked") == 4  # two marks and their two undos, all audited


def test_bulk_tag_note_and_exhibit_on_a_multi_selection(qtbot, window):
    grid = window.items_view.grid
    grid.selectAll()
    ids = window.items_view.selected_ids()
    assert len(ids) == 4
    window.annotator.tag(ids, "minor")
    window.annotator.note(ids, "Same room in all four photos")
    window.annotator.exhibit(ids[:2], True)
    _wait_counts(qtbot, window)
    assert _count(window, "exhibits") == "2"
    assert _count(window, "usertag:minor") == "4"
    case = window.session.case
    numbers = records.exhibit_numbers(case, ids)
    assert sorted(numbers.values()) == [1, 2]
    notes = records.notes_of(case, ids[0])
    assert notes[0].author == "Test Analyst" and notes[0].text == "Same room in all four photos"
    # exhibits view lists them in exhibit order
    window.navigator.select("exhibits")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=30_000)
    # minors are veiled by default
    assert _data(qtbot, window.model.index(0, 0), Role.Hidden) is True
    window.undo_stack.undo()  # exhibit
    _wait_counts(qtbot, window)
    assert _count(window, "exhibits") == "0"


def test_notes_added_in_the_inspector_are_listed_in_time_order_with_author(qtbot, window):
    window.items_view.select_row(0)
    inspector = window.inspector
    inspector.note_edit.setPlainText("first note")
    inspector._add_note()
    inspector.note_edit.setPlainText("second note")
    inspector._add_note()
    text = inspector.notes.toPlainText()
    assert text.index("first note") < text.index("second note")
    assert "Test Analyst" in text
    assert inspector.note_edit.toPlainText() == ""


def test_search_box_filters_with_the_full_text_index(qtbot, window):
    search = window.items_view.search
    with qtbot.waitSignal(window.model.loaded, timeout=30_000):
        search.setText("IMG_0002")
        window.items_view._apply_search()
    assert window.model.rowCount() == 1
    assert _data(qtbot, window.model.index(0, 0)) == "IMG_0002.jpg"
    with qtbot.waitSignal(window.model.loaded, timeout=30_000):
        search.setText("no such thing anywhere")
        window.items_view._apply_search()
    assert window.model.rowCount() == 0
    assert "Nothing matches" in window.items_view.empty.text()


def test_table_sorts_in_sql_and_shares_the_selection_with_the_grid(qtbot, window):
    window.set_view_mode("table")
    table = window.items_view.table
    assert window.items_view.stack.currentWidget() is table
    with qtbot.waitSignal(window.model.loaded, timeout=30_000):
        table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # size
    sizes = [window.model.row_data(r).size for r in range(window.model.rowCount())]
    assert sizes == sorted(sizes, reverse=True)
    window.items_view.select_row(1)
    assert window.items_view.grid.selectionModel().isRowSelected(1)


def test_safe_view_veils_thumbnails_until_revealed(qtbot, window):
    index = window.model.index(0, 0)
    assert _data(qtbot, index, Role.Hidden) is False
    window.act_safe.trigger()
    assert window.model.index(0, 0).data(Role.Hidden) is True
    assert window.safe_label.text() == "SAFE VIEW"
    window.items_view.select_row(0)
    window.reveal_selected()
    assert window.model.index(0, 0).data(Role.Hidden) is False
    window.act_safe.trigger()


def test_thumbnails_are_decoded_off_the_gui_thread_and_cached(qtbot, window):
    index = window.model.index(0, 0)
    _data(qtbot, index, Role.Kind)  # the row is read
    index.data(Role.Thumbnail)  # asks the reader
    qtbot.waitUntil(lambda: index.data(Role.Thumbnail) is not None, timeout=30_000)
    image = index.data(Role.Thumbnail)
    assert not image.isNull() and max(image.width(), image.height()) <= 256
    assert window.model.cached_thumbnails() >= 1


def test_layout_is_remembered(qtbot, window_factory, imported_case):
    window = window_factory(imported_case)
    window.set_view_mode("table")
    window.items_view.set_thumb_size(224)
    window.close()
    again = window_factory(imported_case)
    assert again.items_view.mode() == "table"
    assert again.items_view.thumb_size() == 224


def test_audit_log_viewer_shows_entries_and_an_intact_chain(qtbot, window):
    dialog = window.show_audit()
    qtbot.waitUntil(lambda: dialog.problems is not None, timeout=30_000)
    assert dialog.problems == []
    assert "Chain intact" in dialog.status.text()
    assert dialog.model.rowCount() > 0
    actions = {dialog.model.rows[r].action for r in range(dialog.model.rowCount())}
    assert {"case.created", "import.started", "import.batch"} <= actions
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers


def test_verify_runs_in_a_worker_and_reports_an_intact_case(qtbot, window):
    dialog = window.verify_case()
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as ended:
        pass
    assert ended.args == ["succeeded"]
    assert dialog.summary.text().startswith("Intact")


def test_drop_of_files_imports_them(qtbot, window_factory, case_file, material):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    window = window_factory(case_file)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(material / "IMG_0001.jpg"))])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    dialog = next(d for d in window.dialogs if d.objectName() == "importDialog")
    with qtbot.waitSignal(dialog.ended, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)


def test_inspector_links_navigate_to_related_items(qtbot, window):
    case = window.session.case
    ids = [r[0] for r in case.db.execute("SELECT id FROM items ORDER BY id")]
    window.inspector.item_requested.emit(ids[-1])
    assert window.items_view.current_id() == ids[-1]


def test_empty_states_of_feature_views_say_there_is_no_data(qtbot, window):
    window.navigator.select("import_errors")
    assert window.errors_view is not None and window.errors_view.table.rowCount() == 1
    window.navigator.select("selectors")
    assert window.selectors_view is not None


def test_closing_the_window_closes_the_case(qtbot, window):
    path = window.session.path
    window.close()
    assert window.session.closed
    with Case.open(path, PASSPHRASE) as case:
        assert case.verify()["ok"]


def test_item_model_pages_rows_from_sql(qtbot, window):
    model = window.model
    assert model.rowCount() == 4
    names = {_data(qtbot, model.index(r, 0)) for r in range(4)}
    assert names == {"IMG_0001.jpg", "IMG_0002.jpg", "logo.png", "note.txt"}
    assert all(isinstance(model.index(r, 0).data(Role.ItemId), int) for r in range(4))
    assert model.headerData(8, Qt.Orientation.Horizontal) == "SHA-256"


def test_case_file_path_is_in_recent_cases_after_opening(qtbot, window):
    from ui.app import WorkstationApp

    assert isinstance(WorkstationApp, type)
    assert Path(window.session.path).exists()
