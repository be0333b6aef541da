"""Exhibits: items the analyst marks for the report, numbered once and for good."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.errors import StorageError
from workstation.atomicfile import FolderNotWritable, replacing, sync
from workstation.case import Case, utc_now
from workstation.errors import IntegrityError, UsageError, WorkstationError

# Highest exhibit number ever given, kept in case_meta so that a number removed from the list is
# never handed to another item: an exhibit number printed in an earlier report keeps its meaning.
COUNTER_KEY = "exhibit_counter"


@dataclass(frozen=True)
class ExhibitChange:
    """One item added to or removed from the exhibits."""

    item_id: int
    number: int
    changed: bool  # False: it already was (or was not) an exhibit


def _counter(case: Case) -> int:
    row = case.db.execute("SELECT value FROM case_meta WHERE key = ?", [COUNTER_KEY]).fetchone()
    stored = int(row[0]) if row and str(row[0]).isdigit() else 0
    highest = case.db.execute("SELECT coalesce(max(number), 0) FROM exhibits").fetchone()[0]
    return max(stored, int(highest))


def _check_items(case: Case, item_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in item_ids))
    if not ids:
        raise UsageError("no item ids given")
    marks = ",".join("?" * len(ids))
    found = {r[0] for r in case.db.execute(f"SELECT id FROM items WHERE id IN ({marks})", ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise UsageError(f"no item with id {', '.join(map(str, missing))}")
    return ids


def add_exhibits(case: Case, item_ids: Iterable[int], *, reason: str = "") -> list[ExhibitChange]:
    """Mark items as exhibits; new ones get the next numbers, in the order given.

    Raises:
        UsageError: an item id does not exist.
    """
    ids = _check_items(case, item_ids)
    changes: list[ExhibitChange] = []
    with case.transaction():
        current = {r[0]: r[1] for r in case.db.execute("SELECT item_id, number FROM exhibits")}
        counter = _counter(case)
        for item_id in ids:
            if item_id in current:
                changes.append(ExhibitChange(item_id, current[item_id], False))
                continue
            counter += 1
            case.db.execute(
                "INSERT INTO exhibits (item_id, number, added_at, added_by) VALUES (?, ?, ?, ?)",
                [item_id, counter, utc_now(), case.analyst],
            )
            changes.append(ExhibitChange(item_id, counter, True))
        case.db.execute(
            "INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [COUNTER_KEY, str(counter)],
        )
        added = [{"item": c.item_id, "number": c.number} for c in changes if c.changed]
        if added:
            details: dict[str, Any] = {"exhibits": added}
            if reason:
                details["reason"] = reason
            case.audit("exhibit.added", details)
    return changes


def remove_exhibits(case: Case, item_ids: Iterable[int]) -> list[ExhibitChange]:
    """Unmark exhibits. Their numbers are retired, never given to another item."""
    ids = _check_items(case, item_ids)
    changes: list[ExhibitChange] = []
    with case.transaction():
        current = {r[0]: r[1] for r in case.db.execute("SELECT item_id, number FROM exhibits")}
        counter = _counter(case)
        for item_id in ids:
            if item_id not in current:
                changes.append(ExhibitChange(item_id, 0, False))
                continue
            case.db.execute("DELETE FROM exhibits WHERE item_id = ?", [item_id])
            changes.append(ExhibitChange(item_id, current[item_id], True))
        case.db.execute(
            "INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [COUNTER_KEY, str(counter)],
        )
        removed = [{"item": c.item_id, "number": c.number} for c in changes if c.changed]
        if removed:
            case.audit("exhibit.removed", {"exhibits": removed})
    return changes


def list_exhibits(case: Case) -> list[dict[str, Any]]:
    """Every exhibit, by number: number, item id, kind, sha256, name, added_at, added_by."""
    rows = case.db.execute(
        "SELECT e.number, e.item_id, i.kind, i.sha256, coalesce(i.title, i.original_name, ''), "
        "e.added_at, e.added_by FROM exhibits e JOIN items i ON i.id = e.item_id ORDER BY e.number"
    ).fetchall()
    return [
        {"number": r[0], "item": r[1], "kind": r[2], "sha256": r[3], "name": r[4], "added_at": r[5], "added_by": r[6]}
        for r in rows
    ]


def extract_original(case: Case, item_id: int, out: str | Path, *, overwrite: bool = False) -> dict[str, Any]:
    """Write an item's original bytes to ``out``, checking the SHA-256 on the way; audited.

    The bytes go to a temporary file in the target folder and are renamed into place only when
    their hash matches the recorded one, so a damaged blob never leaves a plausible-looking file.

    Raises:
        UsageError: unknown item, or the file exists and ``overwrite`` is false.
        IntegrityError: the stored bytes do not match the recorded SHA-256.
        WorkstationError: the file cannot be written.
    """
    item = case.item(item_id)
    out = Path(out)
    if out.exists() and not overwrite:
        raise UsageError("the file exists; use --force to overwrite it", out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise WorkstationError("the folder does not exist", out)
    digest, md5, size = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    try:
        with replacing(out) as tmp, tmp.open("wb") as fh:
            for chunk in case.blobs.iter_chunks(item["sha256"]):
                digest.update(chunk)
                md5.update(chunk)
                size += len(chunk)
                fh.write(chunk)
            sync(fh)
            if digest.hexdigest() != item["sha256"]:
                raise IntegrityError(f"item {item_id}: the stored bytes do not match the recorded SHA-256", case.path)
    except FolderNotWritable as exc:
        raise WorkstationError(f"cannot write in this folder: {exc.strerror}", out) from exc
    except StorageError as exc:
        raise IntegrityError(f"item {item_id}: {exc.reason}", case.path) from exc
    except OSError as exc:
        raise WorkstationError(f"cannot write the file: {exc.strerror or exc}", out) from exc
    case.audit("item.extracted", {"item": item_id, "sha256": item["sha256"], "file": out.name, "size": size})
    return {"item": item_id, "path": str(out), "sha256": digest.hexdigest(), "md5": md5.hexdigest(), "size": size}
