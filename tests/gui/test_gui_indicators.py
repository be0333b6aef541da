"""Indicators and selectors in the window: suggestions confirmed or rejected, analyst findings by
tree, number key and image region, counts that follow, undo; selectors listed and linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import PASSPHRASE, jpeg_with_exif
from ui.models.item_model import Role
from workstation.case import Case

AD = (
    "Job offer: no experience needed, earn 5000 euro per week, free accommodation and travel paid, "
    "employer keeps your passport. Call 06 12 34 56 78"
)


@pytest.fixture
def ad_case(case_file: Path, tmp_path: Path) -> Path:
    from workstation.importing.pipeline import run_import

    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "offer.txt").write_text(AD, encoding="utf-8")
    (folder / "offer2.txt").write_text("Same number, other site: +31 6 1234 5678", encoding="utf-8")
    (folder / "room.jpg").write_bytes(jpeg_with_exif((90, 90, 160)))
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [folder], workers=0)
    return case_file


def _confirmed_total(window) -> str:
    return window.navigator.entry("indicators").text(1)


def _recount(qtbot, window) -> None:
    with qtbot.waitSignal(window.navigator.counts_updated, timeout=30_000):
        window.navigator.refresh()


def _id(window, name: str) -> int:
    return window.session.case.db.execute("SELECT id FROM items WHERE original_name = ?", [name]).fetchone()[0]


def test_confirming_a_suggested_indicator_changes_the_count(qtbot, window_factory, ad_case):
    window = window_factory(ad_case)
    _recount(qtbot, window)
    assert _confirmed_total(window) == "0"
    offer = _id(window, "offer.txt")
    window.items_view.select_id(offer)
    tree = window.inspector.indicator_tree
    nodes = {
        tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    passport = nodes["LAB-01"]
    assert "suggested" in passport.text(1) and "employer keeps your passport" in passport.text(1)
    assert passport.checkState(0) == Qt.CheckState.Unchecked
    tree.setCurrentItem(passport)
    window.inspector.confirm_button.click()
    _recount(qtbot, window)
    assert _confirmed_total(window) == "1"
    entry = window.navigator.entry("indicator:LAB-01")
    assert entry is not None and entry.text(1) == "1"
    # the grid badge counts it too
    row = window.model.row_of(offer)
    qtbot.waitUntil(lambda: window.model.index(row, 0).data(Role.Indicators) == 1, timeout=30_000)
    # reject another suggestion: it does not count
    window.items_view.select_id(offer)
    tree = window.inspector.indicator_tree
    for i in range(tree.topLevelItemCount()):
        for j in range(tree.topLevelItem(i).childCount()):
            node = tree.topLevelItem(i).child(j)
            if node.data(0, Qt.ItemDataRole.UserRole) == "REC-02":
                tree.setCurrentItem(node)
    window.inspector.reject_button.click()
    statuses = dict(
        window.session.case.db.execute(
            "SELECT indicator, status FROM annotations WHERE item_id = ?", [offer]
        ).fetchall()
    )
    assert statuses["LAB-01"] == "confirmed" and statuses["REC-02"] == "rejected"
    # undo puts the suggestion back
    window.undo_stack.undo()
    status = window.session.case.db.execute(
        "SELECT status FROM annotations WHERE item_id = ? AND indicator = 'REC-02'", [offer]
    ).fetchone()[0]
    assert status == "suggested"


def test_ticking_an_indicator_in_the_tree_and_the_number_keys(qtbot, window_factory, ad_case):
    window = window_factory(ad_case)
    room = _id(window, "room.jpg")
    window.items_view.select_id(room)
    tree = window.inspector.indicator_tree
    node = None
    for i in range(tree.topLevelItemCount()):
        for j in range(tree.topLevelItem(i).childCount()):
            if tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole) == "SEX-01":
                node = tree.topLevelItem(i).child(j)
    assert node is not None
    node.setCheckState(0, Qt.CheckState.Checked)
    _recount(qtbot, window)
    assert window.navigator.entry("indicator:SEX-01").text(1) == "1"

    frequent = window.services.indicators.frequent(9)
    assert frequent and window.indicator_actions[0].isVisible()
    window.items_view.select_id(room)
    window.items_view.grid.setFocus()
    qtbot.keyClick(window.items_view.grid, Qt.Key.Key_1)
    code = frequent[0].code
    rows = window.session.case.db.execute(
        "SELECT status, origin, author FROM annotations WHERE item_id = ? AND indicator = ?", [room, code]
    ).fetchall()
    assert ("confirmed", "analyst", "Test Analyst") in rows
    window.undo_stack.undo()
    rows = window.session.case.db.execute(
        "SELECT status FROM annotations WHERE item_id = ? AND indicator = ? AND origin = 'analyst' ORDER BY id DESC",
        [room, code],
    ).fetchall()
    assert rows[0][0] == "rejected"  # withdrawn, and still on record
    actions = [r[0] for r in window.session.case.db.execute("SELECT action FROM audit")]
    assert "annotation.added" in actions and "annotation.rejected" in actions


def test_a_region_drawn_on_an_image_carries_an_indicator(qtbot, window_factory, ad_case):
    window = window_factory(ad_case)
    room = _id(window, "room.jpg")
    viewer = window.open_item(room)
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=30_000)
    assert viewer.annotate_region((10, 20, 100, 80), "SEX-01", "bed visible")
    regions = viewer.regions()
    assert ((10, 20, 100, 80), "SEX-01 bed visible") in regions
    row = window.session.case.db.execute(
        "SELECT region_x, region_y, region_w, region_h, note FROM annotations WHERE item_id = ?", [room]
    ).fetchone()
    assert row == (10, 20, 100, 80, "bed visible")


def test_selectors_view_links_items_that_share_a_phone_number(qtbot, window_factory, ad_case):
    window = window_factory(ad_case)
    view = window.show_selectors()
    assert view.stack.currentWidget() is view.table
    values = [view.table.item(r, 1).text() for r in range(view.table.rowCount())]
    assert "+31612345678" in values
    row = values.index("+31612345678")
    assert view.table.item(row, 2).data(Qt.ItemDataRole.DisplayRole) == 2
    view._on_table_double_clicked(view.table.item(row, 1))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=30_000)
    window.items_view.select_id(_id(window, "offer2.txt"))
    assert "+31612345678" in window.inspector.details.toPlainText()


def test_analysis_menu_runs_a_scan_in_the_background(qtbot, window_factory, case_file, tmp_path):
    from tests.gui.conftest import add_item

    with Case.open(case_file, PASSPHRASE) as case:
        add_item(case, "file", AD.encode(), original_name="late.txt", text=AD)  # never scanned
    window = window_factory(case_file)
    dialog = window.run_job("scan", "Scan", "items")
    with qtbot.waitSignal(dialog.ended, timeout=120_000) as ended:
        pass
    assert ended.args == ["succeeded"], dialog.summary.text()
    assert "suggestions added" in dialog.summary.text()
    n = window.session.case.db.execute("SELECT count(*) FROM annotations WHERE status = 'suggested'").fetchone()[0]
    assert n >= 3
