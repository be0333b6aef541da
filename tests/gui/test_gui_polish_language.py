"""#22: changing the interface language applies at once, without a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from ui.i18n import switch_language


def test_language_change_applies_to_the_open_window(qtbot: Any, window: Any) -> None:
    def menus() -> list[str]:
        return [a.text() for a in window.menuBar().actions()]

    assert "&File" in menus()
    inspector_tabs = [window.inspector.tabs.tabText(i) for i in range(window.inspector.tabs.count())]
    try:
        switch_language(QApplication.instance(), "nl")
        qtbot.waitUntil(lambda: "&Bestand" in menus(), timeout=5_000)
        assert "&Annoteren" in menus()
        assert window.navigator.entry("all").text(0) == "Alle items"
        assert window.act_settings.text() == "&Instellingen…"
        dutch_tabs = [window.inspector.tabs.tabText(i) for i in range(window.inspector.tabs.count())]
        assert dutch_tabs != inspector_tabs
        assert window.navigator.currentItem() is window.navigator.entry("all")
    finally:
        switch_language(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: "&File" in menus(), timeout=5_000)
    assert window.navigator.entry("all").text(0) == "All items"
    assert [window.inspector.tabs.tabText(i) for i in range(window.inspector.tabs.count())] == inspector_tabs
