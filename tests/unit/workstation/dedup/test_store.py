"""The import's dedup writer stores the analyzer's JSON as it came, and refuses a malformed one."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageDraw

from workstation.case import Case
from workstation.dedup import phash, store


def _photo() -> Image.Image:
    img = Image.new("RGB", (400, 300), (30, 90, 160))
    draw = ImageDraw.Draw(img)
    for i in range(0, 400, 25):
        draw.ellipse((i, i // 2, i + 60, i // 2 + 40), fill=(i % 255, 200 - i // 3, 80))
    return img


def test_stored_hashes_read_back_equal_to_computed(tmp_path) -> None:
    case = Case.create(tmp_path / "c.case", "pw", title="t", analyst="a")
    with case.transaction():
        blob = case.blobs.put_bytes(b"photo bytes")
        item_id = int(
            case.db.execute(
                "INSERT INTO items (kind, sha256, md5, size, imported_at, import_key, metadata)"
                " VALUES ('image', ?, ?, ?, ?, ?, '{}')",
                [blob.sha256, blob.md5, blob.size, "2026-01-01T00:00:00Z", "k"],
            ).lastrowid
        )
    hashes = phash.compute(_photo())
    with case.transaction():
        store.store_analysis(case, item_id, {}, {"dedup": hashes.to_json()})
    row = case.db.execute("SELECT version, phash, pdq, pdq_quality, data FROM dedup_hashes").fetchone()
    assert row[:4] == (phash.HASH_VERSION, hashes.phash, hashes.pdq, hashes.pdq_quality)
    assert phash.ImageHashes.from_json(json.loads(row[4])).to_json() == hashes.to_json()
    assert not store.has_hashsets(case)
    bad = dict(hashes.to_json(), phash="not hex")
    with pytest.raises(ValueError, match="malformed"), case.transaction():
        store.store_analysis(case, item_id, {}, {"dedup": bad})
    case.close()
