"""Hash lists to share known-image sets: CSV (SHA-256, MD5, pHash, PDQ, labels) and VICS JSON.

pHash/PDQ come from the dedup area's table when the case has one. It is found by its shape, not
its name, so this module does not break when that schema moves: any table with an ``item_id``
column and a ``phash`` and/or ``pdq`` column (hex text, integer or bytes), or with rows of
(``item_id``, ``algorithm``|``kind``|``method``, ``value``|``hash``|``hex``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any

import sqlite_utils

from workstation import __version__
from workstation.case import Case
from workstation.errors import UsageError
from workstation.progress import Progress

CSV_COLUMNS = [
    "sha256",
    "md5",
    "phash",
    "pdq",
    "labels",
    "exhibit",
    "item_id",
    "kind",
    "file_name",
    "size",
]
VICS_CONTEXT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Cases"
_NAMES = {"phash": "pHash", "pdq": "PDQ"}


def _hex(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, int):
        return f"{value & (2**64 - 1):016x}"
    text = str(value).strip().lower()
    if text.startswith("0x"):
        text = text[2:]
    try:
        bytes.fromhex(text)
    except ValueError:
        return None
    return text or None


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def perceptual_hashes(db: sqlite_utils.Database) -> dict[int, list[tuple[str, str]]]:
    """{item_id: [("pHash", hex), ("PDQ", hex)]} from whatever hash table the case has."""
    found: dict[int, list[tuple[str, str]]] = {}

    def add(item_id: int, method: str, value: Any) -> None:
        text = _hex(value)
        if text and (method, text) not in found.setdefault(item_id, []):
            found[item_id].append((method, text))

    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    for table in tables:
        cols = {c.lower(): c for c in _columns(db, table)}
        if "item_id" not in cols:
            continue
        wide = [c for c in ("phash", "pdq") if c in cols]
        if wide:
            select = ", ".join(f'"{cols[c]}"' for c in wide)
            for row in db.execute(f'SELECT "{cols["item_id"]}", {select} FROM "{table}"'):
                for name, value in zip(wide, row[1:], strict=True):
                    add(row[0], _NAMES[name], value)
            continue
        method_col = next((cols[c] for c in ("algorithm", "kind", "method") if c in cols), None)
        value_col = next((cols[c] for c in ("value", "hash", "hex") if c in cols), None)
        if method_col and value_col:
            for item_id, method, value in db.execute(
                f'SELECT "{cols["item_id"]}", "{method_col}", "{value_col}" FROM "{table}"'
            ):
                key = str(method or "").lower()
                if key in _NAMES:
                    add(item_id, _NAMES[key], value)
    return found


def _rows(case: Case, kind: str | None, exhibits_only: bool) -> list[dict[str, Any]]:
    db = case.db
    exhibits = {r[0]: r[1] for r in db.execute("SELECT item_id, number FROM exhibits")}
    tags: dict[int, list[str]] = {}
    for item_id, tag in db.execute("SELECT item_id, tag FROM tags ORDER BY tag"):
        tags.setdefault(item_id, []).append(tag)
    perceptual = perceptual_hashes(db)
    sql = "SELECT id, kind, sha256, md5, size, original_name, mime FROM items"
    params: list[Any] = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    rows = []
    for item_id, item_kind, sha, md5, size, name, mime in db.execute(sql + " ORDER BY id", params):
        if exhibits_only and item_id not in exhibits:
            continue
        hashes = dict(perceptual.get(item_id, []))
        rows.append(
            {
                "sha256": sha,
                "md5": md5 or "",
                "phash": hashes.get("pHash", ""),
                "pdq": hashes.get("PDQ", ""),
                "labels": "|".join(tags.get(item_id, [])),
                "exhibit": exhibits.get(item_id, ""),
                "item_id": item_id,
                "kind": item_kind,
                "file_name": name or "",
                "size": size,
                "mime": mime,
            }
        )
    return rows


def export_hashset(
    case: Case,
    out: Path,
    *,
    fmt: str = "csv",
    kind: str | None = None,
    exhibits_only: bool = False,
    label: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the case's hash list as CSV or VICS JSON (atomically). Returns counts.

    Args:
        fmt: "csv" or "vics".
        kind: only items of this kind (e.g. "image").
        exhibits_only: only marked exhibits.
        label: a label for the whole set, added to every row's labels.
    """
    progress = progress or Progress()
    out = Path(out)
    if fmt not in ("csv", "vics"):
        raise UsageError(f"unknown hash list format {fmt!r} (csv or vics)")
    if out.exists():
        raise UsageError("a file with this name already exists; choose another name", out)
    rows = _rows(case, kind, exhibits_only)
    if label:
        for row in rows:
            row["labels"] = "|".join([label, *filter(None, row["labels"].split("|"))])
    progress.start(len(rows), f"hash list ({fmt})")
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("x", encoding="utf-8", newline="") as fh:
            if fmt == "csv":
                writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
                writer.writeheader()
                for row in rows:
                    writer.writerow(row)
                    progress.step()
            else:
                json.dump(_vics(case, rows, progress), fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        partial.replace(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    with_phash = sum(1 for r in rows if r["phash"])
    with_pdq = sum(1 for r in rows if r["pdq"])
    case.audit(
        "interop.hashset_exported",
        {"file": out.name, "format": fmt, "rows": len(rows), "phash": with_phash, "pdq": with_pdq},
    )
    return {"file": str(out), "format": fmt, "rows": len(rows), "phash": with_phash, "pdq": with_pdq}


def _sha1(case: Case, sha256: str) -> str:
    # VICS keys on MD5/SHA-1; the case stores SHA-256/MD5, so SHA-1 is computed here, streamed.
    digest = hashlib.sha1(usedforsecurity=False)
    for chunk in case.blobs.iter_chunks(sha256):
        digest.update(chunk)
    return digest.hexdigest()


def _vics(case: Case, rows: list[dict[str, Any]], progress: Progress) -> dict[str, Any]:
    meta = case.meta
    case_id = uuid.uuid5(
        uuid.NAMESPACE_URL, "evidence-workstation:" + meta.get("created_at", "") + meta.get("title", "")
    )
    media = []
    for n, row in enumerate(rows, start=1):
        entry: dict[str, Any] = {
            "MediaID": n,
            "Category": 0,
            "MD5": row["md5"].upper(),
            "SHA1": _sha1(case, row["sha256"]).upper(),
            "MediaSize": row["size"],
            "MimeType": row["mime"] or "",
            "IsPrecategorized": False,
            "MediaFiles": [{"FileName": row["file_name"]}],
        }
        comments = []
        if row["labels"]:
            comments.append("labels: " + row["labels"].replace("|", ", "))
        if row["exhibit"] != "":
            comments.append(f"exhibit {row['exhibit']}")
        comments.append(f"SHA-256 {row['sha256']}")
        if row["phash"]:
            comments.append(f"pHash {row['phash']}")
        if row["pdq"]:
            comments.append(f"PDQ {row['pdq']}")
        entry["Comments"] = "; ".join(comments)
        media.append(entry)
        progress.step()
    return {
        "@odata.context": VICS_CONTEXT,
        "value": [
            {
                "CaseID": str(case_id),
                "CaseNumber": meta.get("case_number", ""),
                "SourceApplicationName": "Evidence Workstation",
                "SourceApplicationVersion": __version__,
                "Media": media,
            }
        ],
    }
