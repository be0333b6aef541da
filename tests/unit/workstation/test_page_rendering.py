"""Offline page rendering in real headless Chromium: nothing leaves, captured images show, hostile
pages are bounded. One browser for the module (starting one costs ~0.1-0.5 s)."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.unit.workstation.importing import import_samples as samples
from workstation.progress import Progress
from workstation.rendering import chromium
from workstation.rendering.stage import page_ids, renderings_of, run_render_stage


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
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def browser():
    with chromium.Browser() as b:
        yield b


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _png(color: tuple[int, int, int], size: tuple[int, int] = (40, 40)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def _import(case, *paths: Path):  # type: ignore[no-untyped-def]
    from workstation.importing.pipeline import run_import

    return run_import(case, list(paths), Progress(), workers=0)


def _shot(case, page_id: int, kind: str = "viewport") -> Image.Image:  # type: ignore[no-untyped-def]
    item_id = renderings_of(case, page_id)[kind]
    return Image.open(io.BytesIO(case.blobs.read(case.item(item_id)["sha256"]))).convert("RGB")


def _inet_sockets(pids: list[int]) -> list[str]:
    """Internet sockets (TCP/UDP, v4/v6) held by these processes, from /proc."""
    found = []
    for pid in pids:
        inodes = set()
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
            for table in ("tcp", "tcp6", "udp", "udp6"):
                for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
                    if line.split()[9] in inodes:
                        found.append(f"{pid} {table} {line.split()[1]}")
        except OSError:
            continue
    return found


def test_saved_page_renders_from_the_case_and_nothing_leaves(tmp_path, case, browser, listener):
    folder = tmp_path / "saved"
    (folder / "offer_files").mkdir(parents=True)
    (folder / "offer_files" / "red.png").write_bytes(_png((250, 0, 0)))
    (folder / "offer_files" / "style.css").write_text("body{background:#0000f0;margin:0}")
    (folder / "offer.html").write_text(
        "<html><head><title>Werk in Amsterdam</title><link rel=stylesheet href='offer_files/style.css'></head>"
        "<body><img src='offer_files/red.png' width=300 height=300 style='display:block'>"
        f"<img src='http://127.0.0.1:{listener.port}/track.png'>"
        "<img src='https://tracker.remote-host.example/pixel.gif'>"
        f"<link rel=stylesheet href='http://127.0.0.1:{listener.port}/x.css'>"
        "<p>Bel 06-12345678</p></body></html>"
    )
    _import(case, folder)
    [page_id] = page_ids(case)
    result = run_render_stage(case, browser=browser)
    assert result.rendered == 1 and not result.errors, result.errors
    shot = _shot(case, page_id)
    assert shot.size == (1280, 800)
    assert shot.getpixel((150, 150))[0] > 240 and shot.getpixel((150, 150))[2] < 20  # the captured image
    assert shot.getpixel((900, 400))[2] > 230  # the captured style sheet
    assert listener.connections == 0
    page = case.item(page_id)
    rendering = case.item(renderings_of(case, page_id)["viewport"])
    refused = rendering["metadata"]["refused"]
    assert any(str(listener.port) in u for u in refused) and any("remote-host" in u for u in refused)
    assert rendering["kind"] == "image" and rendering["parent_id"] == page_id
    assert f"from item {page_id}" in rendering["metadata"]["provenance"]
    assert "JavaScript off" in rendering["metadata"]["provenance"]
    assert rendering["original_name"].startswith("Werk in Amsterdam")
    from workstation import records

    assert records.item_rows(case, [page_id])[page_id].name == "Werk in Amsterdam — offer.html"
    assert page["id"] in [r[0] for r in case.db.execute("SELECT item_id FROM thumbnails")]
    actions = [r[0] for r in case.db.execute("SELECT action FROM audit WHERE action LIKE 'render.%'")]
    assert actions == ["render.started", "render.page", "render.finished"]
    # the browser process tree has no internet sockets, and runs without a network interface
    assert browser.proc is not None
    pids = chromium.browser_pids(browser.proc.pid)
    assert len(pids) >= 2
    assert _inet_sockets(pids) == []
    if browser.isolation:
        lines = Path(f"/proc/{pids[0]}/net/dev").read_text().splitlines()[2:]
        interfaces = [line.split(":")[0].strip() for line in lines]
        assert interfaces == ["lo"]
    # nothing of the page was written outside the case: the profile is in memory and removed
    assert browser._profile is not None and browser._profile.startswith(("/dev/shm", "/tmp"))


def test_mhtml_and_warc_pages_render_their_captured_images(tmp_path, case, browser):
    (tmp_path / "ad.mhtml").write_bytes(
        samples.mhtml(
            html=b"<html><body style='margin:0'>"
            b"<img src='https://ads.example.com/img/1.jpg' width=400 height=300></body></html>",
            image=samples.jpeg(120, 90, color=(0, 200, 0)),
        )
    )
    (tmp_path / "cap.warc.gz").write_bytes(
        samples.warc(
            page=b"<html><head><link rel=stylesheet href='https://ads.example.com/s.css'></head>"
            b"<body style='margin:0'><img src='https://cdn.example.com/p/1.jpg' width=400 height=300>"
            b"<img src='https://cdn.example.com/not-captured.png'></body></html>",
            image=samples.jpeg(160, 120, color=(0, 0, 220)),
            url="https://ads.example.com/ad/88",
        )
    )
    _import(case, tmp_path / "ad.mhtml", tmp_path / "cap.warc.gz")
    ids = page_ids(case)
    assert len(ids) == 2
    result = run_render_stage(case, browser=browser)
    assert result.rendered == 2, result.errors
    colors = sorted(_shot(case, i).getpixel((200, 150)) for i in ids)
    green = [c for c in colors if c[1] > 150 and c[0] < 80 and c[2] < 80]
    blue = [c for c in colors if c[2] > 150 and c[0] < 80 and c[1] < 80]
    assert green and blue, colors
    # the WARC's style sheet (kept inside the stored WARC, not an item) is served; what the capture
    # lacks is refused and listed
    warc_page = next(i for i in ids if case.item(i)["source_url"] == "https://ads.example.com/ad/88")
    refused = case.item(renderings_of(case, warc_page)["viewport"])["metadata"]["refused"]
    assert refused == ["https://cdn.example.com/not-captured.png"]
    # a second run has nothing to do; --item renders again without new items for the same pixels
    assert run_render_stage(case, browser=browser).status == "nothing to do"
    before = case.count_items()
    run_render_stage(case, browser=browser, item_ids=ids[:1], again=True)
    assert case.count_items() == before


def test_hostile_pages_are_bounded_and_the_rest_goes_on(tmp_path, case):
    (tmp_path / "tall.html").write_text(
        "<html><body><div style='height:5000000px;background:#123'>x</div></body></html>"
    )
    (tmp_path / "loop.html").write_text("<html><body><script>for(;;){}</script>loop</body></html>")
    (tmp_path / "fine.html").write_text("<html><body style='background:#f00'>fine</body></html>")
    _import(case, tmp_path)
    by_name = {case.item(i)["original_name"]: i for i in page_ids(case)}
    with chromium.Browser(javascript=True) as b:
        started = time.monotonic()
        result = run_render_stage(case, browser=b, timeout=4)
        elapsed = time.monotonic() - started
    assert elapsed < 25
    errors = {e["id"]: e["error"] for e in result.errors}
    assert "within 4 s" in errors[by_name["loop.html"]]
    assert by_name["fine.html"] not in errors and by_name["tall.html"] not in errors
    full = case.item(renderings_of(case, by_name["tall.html"])["full"])
    assert full["metadata"]["truncated"] is True and full["height"] == chromium.MAX_FULL_HEIGHT
    r, g, b = _shot(case, by_name["fine.html"]).getpixel((10, 10))
    assert r > 200 and g < 60 and b < 60, (r, g, b)


def test_page_exhibit_in_the_report_shows_the_rendering_redactable(tmp_path, case, browser):
    from reports.model import ReportOptions
    from reports.service import generate_report
    from tests.pdfcheck import text

    (tmp_path / "p.html").write_text(
        "<html><head><title>Hostess gezocht</title></head><body><div style='height:4000px'>Bel ons</div></body></html>"
    )
    _import(case, tmp_path / "p.html")
    [page_id] = page_ids(case)
    run_render_stage(case, browser=browser)
    options = ReportOptions(item_ids=(page_id,), redact="all", page_full=True)
    report = generate_report(case, tmp_path / "r.pdf", options)
    body = " ".join(text(report.path).split())
    assert "offline Chromium (viewport) rendering, not the original bytes" in body
    assert "PIXELATED in this report" in body
    parts = -(-4016 // 1700)  # body margins make the page 4016 px tall
    assert f"offline Chromium (full page, part {parts} of {parts}) rendering" in body
    assert case.item(page_id)["sha256"][:16] in body.replace(" ", "")


def _png_bomb(side: int) -> bytes:
    """A grey PNG of side×side pixels that is ~1 MB compressed (side² bytes when decoded)."""
    import struct
    import zlib

    packer = zlib.compressobj(1)
    row = b"\x00" * (side + 1)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_a_decompression_bomb_resource_is_bounded(browser):
    bomb = _png_bomb(16000)  # 256 MB decoded
    answers = {
        "https://bomb.example/p": (b"<body style='margin:0;background:#0c0'><img src='/b.png'></body>", "text/html"),
        "https://bomb.example/b.png": (bomb, "image/png"),
    }
    started = time.monotonic()
    rendering = browser.render("https://bomb.example/p", lambda url, _kind: answers.get(url), timeout=10)
    assert time.monotonic() - started < 10
    assert rendering.full_height <= chromium.MAX_FULL_HEIGHT
    assert "https://bomb.example/b.png" in rendering.served
