"""#22: one V shortcut; a reveal in the grid carries into the viewer and back; the inspector's
button says what it will do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.views.image_viewer import ImageViewer


def _actions_on_v(window: Any, viewer: ImageViewer) -> list[QAction]:
    actions = window.findChildren(QAction) + viewer.findChildren(QAction)
    return [a for a in set(actions) if a.shortcut() == QKeySequence("V")]


def test_v_reveals_in_grid_viewer_and_inspector_alike(qtbot: Any, window: Any) -> None:
    case = window.session.case
    photo = case.db.execute("SELECT id FROM items WHERE original_name = 'IMG_0001.jpg'").fetchone()[0]
    window.act_safe.trigger()
    assert window.items_view.select_id(photo)
    qtbot.waitUntil(lambda: window.inspector.item_id == photo, timeout=10_000)
    assert window.inspector.reveal_button.text() == "Reveal"
    window.act_reveal.trigger()  # V in the grid
    assert photo in window.model.revealed
    assert window.inspector.reveal_button.isChecked() and window.inspector.reveal_button.text() == "Hide again"
    viewer = window.open_item(photo)
    assert isinstance(viewer, ImageViewer)
    assert len(_actions_on_v(window, viewer)) == 1  # no "Ambiguous shortcut overload: V"
    assert viewer.revealed()  # the grid's reveal carried into the viewer
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=30_000)
    assert viewer.reveal_action.text() == "Hide again" and "press V" not in viewer.status.text()
    viewer.setFocus()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_V)  # V in the viewer hides it again, everywhere
    qtbot.waitUntil(lambda: not viewer.revealed(), timeout=5_000)
    assert photo not in window.model.revealed
    assert "press V to reveal" in viewer.status.text()
    assert not window.inspector.reveal_button.isChecked() and window.inspector.reveal_button.text() == "Reveal"
    viewer.reveal_action.trigger()  # the toolbar button too
    assert photo in window.model.revealed and window.inspector.revealed


def test_inspector_indicator_labels_wrap_instead_of_being_cut(qtbot: Any, window: Any) -> None:
    case = window.session.case
    photo = case.db.execute("SELECT id FROM items WHERE original_name = 'IMG_0001.jpg'").fetchone()[0]
    window.go_to_item(photo)
    inspector = window.inspector
    tree = inspector.indicator_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10_000)
    inspector.tabs.setCurrentIndex(inspector.tabs.indexOf(tree.parentWidget()))
    inspector.resize(320, 700)
    tree.expandAll()
    nodes = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    longest = max(nodes, key=lambda n: len(n.text(0)))
    assert tree.wordWrap() and tree.textElideMode() == Qt.TextElideMode.ElideNone
    assert longest.toolTip(0).startswith(longest.text(0))  # the whole label, then the description
    qtbot.waitUntil(lambda: tree.visualItemRect(longest).height() > 0, timeout=5_000)
    tree.doItemsLayout()
    line = tree.fontMetrics().height()
    assert tree.fontMetrics().horizontalAdvance(longest.text(0)) > tree.columnWidth(0)  # too long for one line
    assert tree.visualItemRect(longest).height() >= 2 * line - 2  # so it wraps onto more lines, whole


def test_region_labels_sit_on_a_box_readable_at_any_zoom(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

    case = window.session.case
    photo = case.db.execute("SELECT id FROM items WHERE original_name = 'IMG_0001.jpg'").fetchone()[0]
    viewer = window.open_item(photo)
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=30_000)
    viewer.canvas.show_regions([((10, 10, 200, 100), "R1 phone number written over the photo")])
    tags = [i for i in viewer.canvas._regions if i.childItems()]
    assert len(tags) == 1
    tag = tags[0]
    assert isinstance(tag, QGraphicsRectItem) and tag.brush().color().alpha() > 200
    text = tag.childItems()[0]
    assert isinstance(text, QGraphicsSimpleTextItem) and text.text().startswith("R1 phone")
    assert tag.rect().contains(text.mapRectToParent(text.boundingRect()))  # the text lies on its box
    assert tag.flags() & tag.GraphicsItemFlag.ItemIgnoresTransformations
    fg, bg = text.brush().color(), tag.brush().color()
    assert abs(fg.lightness() - bg.lightness()) > 120  # dark text on a light box
