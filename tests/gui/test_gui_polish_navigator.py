"""#22: the navigator names clusters by size and first member, highlights only what is in front,
and the status bar counts what the tab in front shows."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import ImageOps

from tests.gui.conftest import PASSPHRASE
from workstation.case import Case
from workstation.dedup.synthetic import photo


def _jpeg(img: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_clusters_named_highlight_follows_and_status_counts_per_tab(
    qtbot: Any, window_factory: Any, case_file: Path, tmp_path: Path
) -> None:
    from workstation.importing.pipeline import run_import

    folder = tmp_path / "ads"
    folder.mkdir()
    first, second = photo(11), photo(22)
    (folder / "a1_photo.jpg").write_bytes(_jpeg(first))
    (folder / "a2_mirrored.jpg").write_bytes(_jpeg(ImageOps.mirror(first)))
    (folder / "a3_small.jpg").write_bytes(_jpeg(first.resize((320, 240))))
    (folder / "b1_room.jpg").write_bytes(_jpeg(second))
    (folder / "b2_small.jpg").write_bytes(_jpeg(second.resize((320, 240))))
    (folder / "note.txt").write_text("bel +31 6 12345678", encoding="utf-8")
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [folder], workers=0)
    window = window_factory(case_file)
    nav = window.navigator
    qtbot.waitUntil(lambda: nav.entry("clusters").text(1) == "2", timeout=60_000)
    section = nav.entry("clusters")
    names = [section.child(i).text(0) for i in range(section.childCount())]
    assert names == ["3 copies · a1_photo.jpg", "2 copies · b1_room.jpg"]

    nav.setCurrentItem(section.child(0))
    view = window.clusters_view
    qtbot.waitUntil(lambda: view.cluster is not None and view.cluster.size == 3, timeout=30_000)
    assert "3 copies · a1_photo.jpg" in view.heading.text()
    assert window.selection_label.text() == "2 cluster(s)"
    view.list.setCurrentRow(1)  # another cluster chosen in the view itself
    qtbot.waitUntil(lambda: view.cluster is not None and view.cluster.size == 2, timeout=30_000)
    selected = [i.text(0) for i in nav.selectedItems()]
    assert selected == ["2 copies · b1_room.jpg"]  # the first cluster is no longer highlighted
    assert nav.currentItem() is section.child(1)

    window.show_selectors()
    assert window.selection_label.text().endswith("selector(s)") and "shown" not in window.selection_label.text()
    assert [i.text(0) for i in nav.selectedItems()] == ["Selectors"]
    window.tabs.setCurrentWidget(window.items_view)
    assert window.selection_label.text().startswith("6 shown")
    assert nav.current_key() == "all"
    viewer = window.open_item(window.session.case.db.execute("SELECT min(id) FROM items").fetchone()[0])
    assert window.tabs.currentWidget() is viewer
    assert nav.selectedItems() == [] and window.selection_label.text() == ""
