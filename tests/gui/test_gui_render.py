"""The page viewer's faithful rendering: "Render now" in a child process, then the stored shot."""

from __future__ import annotations

from tests.gui.conftest import add_item


def test_page_viewer_renders_on_demand_and_shows_the_stored_rendering(qtbot, window):
    case = window.session.case
    html = b"<html><head><title>Vacature</title></head><body style='background:#00c000'><p>Werk</p></body></html>"
    page_id = add_item(
        case,
        "page",
        html,
        original_name="vacature.html",
        mime="text/html",
        source_url="https://jobs.example.test/vacature",
        title="Vacature",
        capture_method="saved HTML",
    )
    viewer = window.open_item(page_id)
    pane = viewer.rendering
    assert pane.stored is None and viewer.tabs.currentWidget() is viewer.browser
    pane.render_now()
    qtbot.waitUntil(lambda: pane.task is None, timeout=60_000)
    assert pane.stored is not None, pane.info.text()
    assert "rendered by Chromium" in pane.info.text() and "JavaScript off" in pane.info.text()
    image = pane.image.pixmap().toImage()
    assert image.width() == 1280
    color = image.pixelColor(20, 20)
    assert color.green() > 150 and color.red() < 60 and color.blue() < 60
