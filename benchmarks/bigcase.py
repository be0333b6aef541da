"""Build a case with many items fast, straight through the core (for the GUI benchmark).

Rows, blobs and small thumbnails are inserted directly with executemany: the point is a case of
realistic shape and size for the window to open, not the import pipeline (benchmarked elsewhere).
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

from workstation.case import Case, utc_now

PASSPHRASE = "benchmark"
THUMB = 128


def _thumbs(count: int) -> list[bytes]:
    rng = random.Random(7)
    out = []
    for i in range(count):
        img = Image.new("RGB", (THUMB, THUMB * 3 // 4), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        draw = ImageDraw.Draw(img)
        for _ in range(6):
            x, y = rng.randrange(THUMB), rng.randrange(THUMB)
            draw.ellipse((x, y, x + 40, y + 30), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        draw.text((6, 6), f"#{i}", fill=(255, 255, 255))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=60)
        out.append(buf.getvalue())
    return out


def build(path: Path, n: int = 100_000, batch: int = 5000) -> Path:
    """Create ``path`` holding ``n`` image items with thumbnails (reused if it exists)."""
    path = Path(path)
    if path.exists():
        return path
    started = time.monotonic()
    case = Case.create(
        path,
        PASSPHRASE,
        title=f"Benchmark {n} items",
        case_number="BENCH-1",
        agency="Bench",
        analyst="Bench",
        timezone="Europe/Amsterdam",
    )
    thumbs = _thumbs(64)
    now = utc_now()
    db = case.db
    kinds = ["image"] * 8 + ["page", "document"]
    rng = random.Random(1)
    with case:
        for start in range(0, n, batch):
            stop = min(n, start + batch)
            blobs, items, th = [], [], []
            for i in range(start, stop):
                sha = hashlib.sha256(f"item{i}".encode()).hexdigest()
                md5 = hashlib.md5(f"item{i}".encode()).hexdigest()
                blobs.append((sha, md5, 1000 + i, 1 << 20, now))
                kind = kinds[i % len(kinds)]
                day = 1 + i % 28
                items.append(
                    (
                        i + 1,
                        kind,
                        sha,
                        md5,
                        1000 + rng.randrange(5_000_000),
                        "image/jpeg" if kind == "image" else ("text/html" if kind == "page" else "application/pdf"),
                        f"IMG_{i:06d}.jpg" if kind == "image" else f"ad_{i:06d}.html",
                        f"/seized/disk1/folder{i // 1000:03d}/IMG_{i:06d}.jpg",
                        None,
                        "seized file",
                        f"2025-03-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                        "+01:00",
                        now,
                        "Bench",
                        "image",
                        f"bench:{i}",
                        1600 + i % 400,
                        1200,
                        None,
                        f"synthetic advert number {i} escort massage new in town" if kind != "image" else None,
                        json.dumps({"format": "JPEG"}),
                    )
                )
                th.append((i + 1, THUMB, THUMB * 3 // 4, thumbs[i % len(thumbs)]))
            with case.transaction():
                db.conn.executemany(
                    "INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES (?,?,?,?,?)", blobs
                )
                db.conn.executemany(
                    "INSERT INTO items (id, kind, sha256, md5, size, mime, original_name, source_path, "
                    "source_url, capture_method, captured_at, captured_tz, imported_at, analyst, importer, "
                    "import_key, width, height, title, text, metadata) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    items,
                )
                db.conn.executemany("INSERT INTO thumbnails (item_id, width, height, data) VALUES (?,?,?,?)", th)
            print(f"  {stop} items", file=sys.stderr, end="\r")
        case.audit("benchmark.items_inserted", {"items": n})
    print(f"built {path} with {n} items in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return path


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
