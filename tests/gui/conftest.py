"""GUI test fixtures: offscreen Qt, a private settings folder, real encrypted cases with real files."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything loads Qt

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from workstation.case import Case, utc_now

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, logs and recent cases of each test live in its own folder."""
    monkeypatch.setenv("WORKSTATION_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKSTATION_ANALYST", "Test Analyst")


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from PySide6.QtCore import QThreadPool

        assert QThreadPool.globalInstance().waitForDone(60_000), "a worker task is still running"


def jpeg_with_exif(
    colour: tuple[int, int, int] = (200, 40, 40),
    size: tuple[int, int] = (640, 480),
    gps: tuple[float, float] | None = (52.3676, 4.9041),
) -> bytes:
    """A real JPEG written by Pillow with camera EXIF and (optionally) a GPS position."""
    img = Image.new("RGB", size, colour)
    for x in range(0, size[0], 40):
        for y in range(0, size[1], 40):
            img.putpixel((x, y), (255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[0x0132] = "2025:03:14 09:26:53"  # DateTime
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = "2025:03:14 09:26:53"  # DateTimeOriginal
    if gps is not None:
        lat, lon = gps

        def dms(v: float) -> tuple[float, float, float]:
            d = int(v)
            m = int((v - d) * 60)
            s = round(((v - d) * 60 - m) * 60, 2)
            return (float(d), float(m), float(s))

        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"
        gps_ifd[2] = dms(lat)
        gps_ifd[3] = "E"
        gps_ifd[4] = dms(lon)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85, exif=exif)
    return buf.getvalue()


def png_bytes(colour: tuple[int, int, int] = (20, 90, 200), size: tuple[int, int] = (64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def add_item(case: Case, kind: str, data: bytes, **fields: Any) -> int:
    """Store bytes and an item row through the core, the way an importer's result is stored.

    Used for kinds whose importer lives in another area (captured pages), so GUI tests do not
    depend on it; images go through the real import pipeline instead.
    """
    metadata = fields.pop("metadata", {})
    with case.transaction():
        blob = case.blobs.put_bytes(data)
        row = {
            "kind": kind,
            "sha256": blob.sha256,
            "md5": blob.md5,
            "size": blob.size,
            "imported_at": utc_now(),
            "analyst": case.analyst,
            "import_key": hashlib.sha256(f"{kind}{blob.sha256}{fields}".encode()).hexdigest(),
            "metadata": json.dumps(metadata),
            **fields,
        }
        item_id = int(
            case.db.execute(
                f"INSERT INTO items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            ).lastrowid
        )
        case.audit("test.item_added", {"item": item_id})
    return item_id


@pytest.fixture
def material(tmp_path: Path) -> Path:
    """A small seized folder: two photos with EXIF (one with GPS), a PNG, a note, a broken JPEG."""
    folder = tmp_path / "seized"
    folder.mkdir()
    (folder / "IMG_0001.jpg").write_bytes(jpeg_with_exif((200, 40, 40)))
    (folder / "IMG_0002.jpg").write_bytes(jpeg_with_exif((40, 160, 60), gps=None))
    (folder / "logo.png").write_bytes(png_bytes())
    (folder / "note.txt").write_text("Nieuw in de stad, bel 06 12 34 56 78", encoding="utf-8")
    (folder / "broken.jpg").write_bytes(jpeg_with_exif()[:300])
    return folder


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.case"
    Case.create(
        path,
        PASSPHRASE,
        title="GUI test case",
        case_number="T-1",
        agency="Test Agency",
        analyst="Test Analyst",
        timezone="Europe/Amsterdam",
        default_region="NL",
    ).close()
    return path


@pytest.fixture
def imported_case(case_file: Path, material: Path) -> Path:
    """The case with the seized folder imported through the real pipeline (in-process)."""
    from workstation.importing.pipeline import run_import

    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [material], workers=0)
    return case_file


@pytest.fixture
def window_factory(qtbot: Any) -> Iterator[Any]:
    """Open a case in a real MainWindow; waits until the item list has arrived."""
    from ui.main_window import MainWindow
    from ui.session import CaseSession
    from ui.settings import AppSettings

    windows = []

    def make(path: Path) -> MainWindow:
        case = Case.open(path, PASSPHRASE)
        session = CaseSession(case, PASSPHRASE)
        window = MainWindow(session, AppSettings())
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.model.loaded, timeout=20_000):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if not window.session.closed:
            window.close()


@pytest.fixture
def window(window_factory: Any, imported_case: Path) -> Any:
    return window_factory(imported_case)
