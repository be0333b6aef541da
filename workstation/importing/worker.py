"""The import's worker side: hash one original and analyse it, in a spawn-started process.

Kept apart from the pipeline so a worker process imports only what it runs (hashing, Pillow,
the analyzers), not the case file, SQLCipher and sqlite-utils: every worker's start-up is part
of the analyst's wait.
"""

from __future__ import annotations

import io
from typing import Any

from workstation.hashing import hash_file, hash_stream
from workstation.importing import hooks
from workstation.importing.images import analyse_image
from workstation.importing.registry import describe_error


def _worker_init() -> None:
    """Load plug-ins and warm every analyzer once (lazy imports such as scipy's FFT), so the
    start-up cost overlaps with the main process walking the inputs."""
    hooks.load()
    try:
        analyse_image(_WARMUP_JPEG, hooks.IMAGE_ANALYZERS)
    except Exception:  # noqa: BLE001 - warm-up only; a real image will report any real problem
        return


def _warmup_jpeg() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (128, 64, 32)).save(buf, "JPEG")
    return buf.getvalue()


_WARMUP_JPEG = _warmup_jpeg()


def prepare(file: str | None, data: bytes | None, analyse: bool, known: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Hash one original and, for images, decode once for metadata, thumbnail and hashes.

    Runs in a worker process; returns plain data. Never raises for bad content: returns
    {"error": reason} instead, so one bad file cannot stop the import.

    Args:
        known: SHA-256 values already stored for this source path: when the content hashes to
            one of them, the item was imported before (a resumed run) and decoding is skipped.
    """
    try:
        if file is not None:
            sha256, md5, size = hash_file(file)
        else:
            assert data is not None
            sha256, md5, size = hash_stream(io.BytesIO(data))
        out: dict[str, Any] = {"sha256": sha256, "md5": md5, "size": size}
        if sha256 in known:
            out["known"] = True
        elif analyse:
            hooks.load()
            out["derived"] = analyse_image(file if file is not None else data, hooks.IMAGE_ANALYZERS)
        return out
    except ValueError as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": "too large to analyse within the memory limit"}
    except OSError as exc:
        return {"error": f"cannot read: {exc.strerror or exc}"}
    except Exception as exc:  # noqa: BLE001 - a decoder's complaint about hostile input
        return {"error": describe_error(exc)}


def _worker_ready() -> bool:
    return True
