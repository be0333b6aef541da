"""Viewers: a captured page rendered offline with every remote resource blocked; images with
zoom and region annotation; documents as text."""

from __future__ import annotations

import email.message
import socket
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from tests.gui.conftest import add_item, png_bytes
from ui.page_resources import CaseResourceResolver, decode_html, load_page
from ui.views.image_viewer import ImageViewer
from ui.views.page_viewer import PageViewer


class Listener:
    """A local TCP server standing in for the suspect's web server: it must see no connection."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def connect_attempts(monkeypatch):
    """Every socket connection Python code attempts in this process (audit hook + wrapper)."""
    seen: list[object] = []
    real_connect = socket.socket.connect

    def spy(self, address):  # noqa: ANN001
        seen.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", spy)

    def hook(event: str, args: tuple) -> None:
        if event == "socket.connect":
            seen.append(args[1])

    sys.addaudithook(hook)  # audit hooks cannot be removed; the list is per test
    return seen


def page_html(port: int) -> str:
    remote = f"http://127.0.0.1:{port}"
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>Nieuw in de stad — Нова в місті — 新来的</title>
<link rel="stylesheet" href="{remote}/style.css">
<style>@import url("{remote}/import.css"); body {{ background-image: url("{remote}/bg.png"); }}</style>
<script src="{remote}/tracker.js"></script>
<script>new Image().src = "{remote}/beacon.gif";</script>
</head><body>
<h1>Nieuw in de stad</h1>
<p>Нова дівчина в місті. 新来的女孩。 Bel 06 12 34 56 78.</p>
<img src="{remote}/photo1.jpg" width="120" height="90">
<img src="//127.0.0.1:{port}/pixel.gif">
<img src="images/captured.png">
<img src="file:///etc/hostname">
<iframe src="{remote}/frame.html"></iframe>
<a href="{remote}/contact">contact</a>
</body></html>"""


def test_captured_page_renders_offline_and_no_request_leaves_the_process(qtbot, window, listener, connect_attempts):
    case = window.session.case
    page_id = add_item(
        case,
        "page",
        page_html(listener.port).encode("utf-8"),
        original_name="ad.html",
        mime="text/html",
        source_url="https://ads.example.test/listing/42",
        capture_method="WARC",
        title="Nieuw in de stad",
        text="Nieuw in de stad Нова дівчина в місті 新来的女孩",
    )
    child = add_item(
        case,
        "image",
        png_bytes((10, 200, 10)),
        original_name="captured.png",
        mime="image/png",
        source_url="https://ads.example.test/listing/images/captured.png",
        parent_id=page_id,
    )
    viewer = window.open_item(page_id)
    assert isinstance(viewer, PageViewer)
    browser = viewer.browser
    # every <img> was asked for while opening, before any paint: the banner count is complete
    assert any("photo1.jpg" in u for u in browser.blocked)
    assert "images/captured.png" in viewer.resolver.served
    browser.resize(900, 3000)  # tall enough that painting it requests every image
    browser.grab()
    viewer._update_banner()

    requested = [url for _, url in browser.requests]
    # the renderer asked for the remote images and style sheets...
    assert any("photo1.jpg" in u for u in requested)
    assert any("import.css" in u for u in requested)
    assert any("bg.png" in u for u in requested)
    # ...and every one of them was refused without a request
    assert any("photo1.jpg" in u for u in browser.blocked)
    assert any("pixel.gif" in u for u in browser.blocked)
    assert any("import.css" in u for u in browser.blocked)
    assert not any("tracker.js" in u or "beacon.gif" in u or "frame.html" in u for u in requested)
    assert any(u.startswith("file:") for u in browser.blocked)
    # only the resource stored in the case was shown
    assert viewer.resolver.served == ["images/captured.png"]
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource.value, "images/captured.png")
    assert image is not None and image.width() == 64
    assert listener.connections == 0
    assert connect_attempts == []
    assert "blocked" in viewer.banner.text()
    # the text and source tabs show the capture as stored
    assert "新来的女孩" in viewer.text.toPlainText()
    assert "photo1.jpg" in viewer.source.toPlainText()
    assert "tracker.js" not in viewer.page.html  # scripts never reach the renderer
    # clicking a link does not follow it
    browser.link_clicked.emit(f"http://127.0.0.1:{listener.port}/contact")
    assert "not followed" in viewer.banner.text()
    qtbot.wait(200)
    assert listener.connections == 0
    assert child in [r[0] for r in case.db.execute("SELECT id FROM items WHERE parent_id = ?", [page_id])]


def test_mhtml_page_shows_its_own_parts(qtbot, window, listener):
    msg = email.message.EmailMessage()
    msg["MIME-Version"] = "1.0"
    msg["Snapshot-Content-Location"] = "https://jobs.example.test/offer"
    msg.make_related()
    msg.add_related(
        f'<html><body><p>Werk in Nederland</p><img src="https://jobs.example.test/a.png">'
        f'<img src="http://127.0.0.1:{listener.port}/b.png"></body></html>',
        subtype="html",
        headers=["Content-Location: https://jobs.example.test/offer"],
    )
    msg.add_related(
        png_bytes((250, 0, 0)),
        maintype="image",
        subtype="png",
        headers=["Content-Location: https://jobs.example.test/a.png"],
    )
    data = bytes(msg)
    page_id = add_item(
        window.session.case, "page", data, original_name="offer.mhtml", mime="multipart/related", capture_method="MHTML"
    )
    viewer = window.open_item(page_id)
    viewer.browser.resize(900, 2000)
    viewer.browser.grab()
    viewer._update_banner()
    assert viewer.resolver.served == ["https://jobs.example.test/a.png"]
    assert any("b.png" in u for u in viewer.browser.blocked)
    assert listener.connections == 0


def test_html_decoding_respects_declared_and_detected_charsets():
    text, enc = decode_html("<meta charset='windows-1251'><p>Привіт</p>".encode("cp1251"))
    assert "Привіт" in text and enc.lower() in ("windows-1251", "cp1251")
    text, enc = decode_html("新来的".encode())
    assert text == "新来的"
    text, _ = decode_html(b"\xef\xbb\xbfBOM")
    assert text == "BOM"


def test_resolver_never_answers_a_url_the_case_does_not_hold(window):
    case = window.session.case
    page_id = add_item(case, "page", b"<html></html>", source_url="https://a.test/p", original_name="p.html")
    page = load_page(case, case.item(page_id))
    resolver = CaseResourceResolver(case, page)
    assert resolver.resolve("https://other.test/x.png") is None
    assert resolver.resolve("/etc/passwd") is None
    assert resolver.resolve("data:text/plain;base64,aGk=") == b"hi"
    assert resolver.blocked == ["https://other.test/x.png", "/etc/passwd"]


def test_image_viewer_zooms_fits_and_stores_a_drawn_region(qtbot, window):
    case = window.session.case
    photo = case.db.execute("SELECT id FROM items WHERE original_name = 'IMG_0001.jpg'").fetchone()[0]
    viewer = window.open_item(photo)
    assert isinstance(viewer, ImageViewer)
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=30_000)
    assert (viewer.image.width(), viewer.image.height()) == (640, 480)
    canvas = viewer.canvas
    canvas.resize(700, 500)
    canvas.fit()
    fitted = canvas.transform().m11()
    canvas.zoom(2.0)
    assert canvas.transform().m11() == pytest.approx(fitted * 2.0)
    canvas.actual_size()
    assert canvas.transform().m11() == pytest.approx(1.0)

    class Answer:
        def __init__(self, services, region, parent):  # noqa: ANN001
            self.region = region

        def exec(self) -> int:
            return 1

        def code(self) -> str:
            return ""

        def text(self) -> str:
            return "tattoo on the left arm"

    viewer.region_dialog_factory = Answer
    viewer.draw_action.trigger()
    assert canvas.drawing
    start = canvas.mapFromScene(100, 80)
    end = canvas.mapFromScene(220, 200)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    regions = viewer.regions()
    assert len(regions) == 1
    (x, y, w, h), label = regions[0]
    assert abs(x - 100) <= 2 and abs(y - 80) <= 2 and abs(w - 120) <= 3 and abs(h - 120) <= 3
    assert label == "tattoo on the left arm"
    notes = case.db.execute("SELECT text, author FROM notes WHERE item_id = ?", [photo]).fetchall()
    assert notes[0][0].startswith("[region ") and notes[0][1] == "Test Analyst"
    window.undo_stack.undo()
    assert viewer.regions() == []


def test_images_tagged_as_minors_open_veiled(qtbot, window):
    case = window.session.case
    photo = case.db.execute("SELECT id FROM items WHERE original_name = 'IMG_0002.jpg'").fetchone()[0]
    window.annotator.tag([photo], "minor")
    viewer = window.open_item(photo)
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=30_000)
    assert viewer.hidden and viewer.reveal_action.isVisible()
    shown = viewer.canvas.pixmap_item.pixmap().toImage()
    assert shown.isGrayscale()
    viewer.reveal_action.trigger()
    assert not viewer.canvas.pixmap_item.pixmap().toImage().isGrayscale()


def test_document_viewer_shows_pdf_text(qtbot, window, tmp_path: Path):
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "contract.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 750, "Employment contract: passport kept by employer")
    c.showPage()
    c.save()
    doc_id = add_item(
        window.session.case, "document", pdf.read_bytes(), original_name="contract.pdf", mime="application/pdf"
    )
    viewer = window.open_item(doc_id)
    qtbot.waitUntil(lambda: "passport kept" in viewer.text.toPlainText(), timeout=20_000)
    viewer.render_pages()
    qtbot.waitUntil(lambda: not viewer.render_button.isVisible(), timeout=30_000)
