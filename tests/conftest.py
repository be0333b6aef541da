"""Shared fixtures: offline guard for the whole session, fresh encrypted cases, sample images."""

from __future__ import annotations

import io
import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSTATION_ANALYST", "Test Analyst")

PASSPHRASE = "correct horse battery staple"

# -- offline guard ---------------------------------------------------------------------------
_VIOLATIONS: list[str] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto
_real_getaddrinfo = socket.getaddrinfo


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    if isinstance(address, tuple) and address:
        host = address[0]
        if host in ("localhost", "", None):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return False


def _guard(address: object) -> None:
    if not _is_local(address):
        _VIOLATIONS.append(repr(address))
        raise OSError(f"network access blocked by the test suite: {address!r}")


def _connect(self: socket.socket, address: object) -> None:
    _guard(address)
    return _real_connect(self, address)


def _connect_ex(self: socket.socket, address: object) -> int:
    _guard(address)
    return _real_connect_ex(self, address)


def _sendto(self: socket.socket, data: bytes, *args: object) -> int:
    _guard(args[-1])
    return _real_sendto(self, data, *args)  # type: ignore[arg-type]


def _getaddrinfo(host: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
    if host not in (None, "localhost") and not _is_local((host,)):
        _VIOLATIONS.append(f"DNS lookup of {host!r}")
        raise OSError(f"DNS lookup blocked by the test suite: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


def pytest_sessionstart(session: pytest.Session) -> None:
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = _sendto  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = _getaddrinfo


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _VIOLATIONS:
        # Even if the code under test swallowed the OSError, the run fails.
        print("\nNETWORK ACCESS ATTEMPTED during tests:\n  " + "\n  ".join(_VIOLATIONS))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _offline_per_test() -> Iterator[None]:
    """Fail the test that tried to reach the network, even if the code swallowed the error.

    (Also under pytest-xdist, where a worker's session status does not reach the controller.)
    """
    start = len(_VIOLATIONS)
    yield
    new = _VIOLATIONS[start:]
    assert not new, f"network access attempted: {new}"


@pytest.fixture
def network_violations() -> Iterator[list[str]]:
    """The list of blocked network attempts recorded so far (tests of the guard itself)."""
    start = len(_VIOLATIONS)
    yield _VIOLATIONS
    del _VIOLATIONS[start:]  # a test that provoked it on purpose cleans up after itself


# -- cases -----------------------------------------------------------------------------------
@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def case(tmp_path: Path):  # type: ignore[no-untyped-def]
    from workstation.case import Case

    c = Case.create(
        tmp_path / "test.case",
        PASSPHRASE,
        title="Test case",
        case_number="TC-2026-001",
        agency="Test Agency",
        analyst="Test Analyst",
        timezone="Europe/Amsterdam",
        default_region="NL",
    )
    yield c
    c.close()


@pytest.fixture
def case_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for CLI subprocesses: passphrase given non-interactively."""
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASSPHRASE)
    env = dict(os.environ)
    env["WORKSTATION_PASSPHRASE"] = PASSPHRASE
    return env


def make_jpeg(path: Path, seed: int = 0, size: tuple[int, int] = (320, 240), exif: bytes | None = None) -> Path:
    """A small photo-like JPEG written by Pillow (gradients, shapes and noise, unique per seed)."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack(
        [x / w * rng.uniform(80, 220), y / h * rng.uniform(80, 220), np.sin(x / rng.uniform(8, 40)) * 60 + 120],
        -1,
    ) + rng.normal(0, 10, (h, w, 3))
    img = Image.fromarray(np.clip(base, 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(img)
    for _ in range(4):
        x0, y0 = int(rng.integers(0, w - 40)), int(rng.integers(0, h - 40))
        draw.ellipse(
            (x0, y0, x0 + int(rng.integers(20, 90)), y0 + int(rng.integers(20, 90))),
            fill=tuple(int(v) for v in rng.integers(0, 255, 3)),
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    kwargs = {"quality": 88}
    if exif is not None:
        kwargs["exif"] = exif
    img.save(path, "JPEG", **kwargs)
    return path


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """A folder of five distinct JPEG photos plus one exact copy."""
    folder = tmp_path / "seized"
    for i in range(5):
        make_jpeg(folder / f"photo_{i}.jpg", seed=i)
    (folder / "copy_of_photo_0.jpg").write_bytes((folder / "photo_0.jpg").read_bytes())
    return folder


def jpeg_bytes(seed: int = 0) -> bytes:
    buf = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (8, 8), (seed % 255, 0, 0)).save(buf, "JPEG")
    return buf.getvalue()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that drive Qt (they use ``qtbot``) are ``gui`` tests, wherever they live."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
