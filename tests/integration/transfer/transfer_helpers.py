"""Helpers shared by the transfer tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from workstation.case import Case

CASE_PASSPHRASE = "case passphrase for tests"


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def case_rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    with Case.open(path, CASE_PASSPHRASE) as case:
        return [tuple(r) for r in case.db.execute(sql, params).fetchall()]


def leftovers(folder: Path) -> list[str]:
    """Files a failed receive must not leave behind."""
    return sorted(p.name for p in folder.iterdir() if ".receiving" in p.name or p.suffix == ".case")


def as_json(text: str) -> dict:  # type: ignore[type-arg]
    return json.loads(text)
