"""Watchlist hits in the window: a navigator entry listing the items, a line in the inspector."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import PASSPHRASE
from workstation.case import Case
from workstation.watchlists import service


def test_watchlist_hits_in_navigator_and_inspector(qtbot, window_factory, imported_case, tmp_path: Path):  # type: ignore[no-untyped-def]
    wl = tmp_path / "list.csv"
    wl.write_text("kind,value,label,agency\nphone,+31612345678,pimp,KLPD\n", encoding="utf-8")
    with Case.open(imported_case, PASSPHRASE) as case:
        service.import_watchlist(case, wl, "Action day")
        note = next(i["id"] for i in case.items() if i["original_name"] == "note.txt")
    window = window_factory(imported_case)
    with qtbot.waitSignal(window.navigator.counts_updated, timeout=30_000):
        window.navigator.refresh()
    assert window.navigator.entry("watchlist").text(1) == "1"
    window.navigator.select("watchlist")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)
    assert window.items_view.select_id(note)
    text = window.inspector.details.toPlainText()
    assert "Watchlist hits" in text and "+31612345678" in text and "Action day (KLPD): pimp" in text
