"""Item state bound to the audit chain: per-item digests, change tracking, recomputation.

Every table that holds an item's evidence or the analyst's work on it is part of the item's
state: the item row (original's hashes, provenance, extracted text, metadata), its blob row,
its exhibit, notes, tags, annotations, OCR text and selector links. Changes made through the
workstation's own connection are noticed by TEMP triggers (an editor using SQLCipher directly
does not fire them, so an insider's edit is never swept into a later entry); the next audit entry
records ``[item_id, digest]`` for each changed item, and ``verify`` recomputes every digest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

# Tables keyed by item_id that belong to the item's state (those present in the case are used).
BOUND_TABLES = ("exhibits", "notes", "tags", "annotations", "ocr_text", "selector_links")
# Item columns grouped for the report ("provenance edited", "original replaced").
ORIGINAL_FIELDS = ("sha256", "md5", "size", "blob.sha256", "blob.md5", "blob.size")
PROVENANCE_FIELDS = (
    "original_name",
    "source_path",
    "source_url",
    "final_url",
    "capture_method",
    "captured_at",
    "captured_tz",
    "imported_at",
    "analyst",
    "parent_id",
    "importer",
    "import_key",
)
TEXT_FIELDS = ("text", "title", "language", "ocr_text")
DIRTY = "temp.ws_state_dirty"
_CREATE_DIRTY = "CREATE TEMP TABLE IF NOT EXISTS ws_state_dirty (item_id INTEGER)"


def _h(value: Any) -> str:
    data = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def digest(components: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(components, sort_keys=True, separators=(",", ":")).encode("ascii")).hexdigest()


def enabled(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'item_state'").fetchone() is not None


def bound_tables(db: sqlite_utils.Database) -> list[str]:
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in BOUND_TABLES if t in present]


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def components(db: sqlite_utils.Database, ids: Iterable[int] | None = None) -> dict[int, dict[str, str]]:
    """Current components of the given items (all items when ``ids`` is None); absent ids are left out."""
    conn = db.conn
    cols = [r[1] for r in conn.execute("PRAGMA table_info(items)")]
    out: dict[int, dict[str, str]] = {}
    blob_cols = "blobs.sha256, blobs.md5, blobs.size"
    base = f"SELECT items.*, {blob_cols} FROM items LEFT JOIN blobs ON blobs.sha256 = items.sha256"

    def take(rows: Iterable[tuple[Any, ...]]) -> None:
        for row in rows:
            values = dict(zip(cols, row[: len(cols)], strict=True))
            comp = {k: _h(v) for k, v in values.items() if k != "id"}
            comp["blob.sha256"], comp["blob.md5"], comp["blob.size"] = (_h(v) for v in row[len(cols) :])
            out[int(values["id"])] = comp

    id_list = None if ids is None else sorted(set(ids))
    if id_list is None:
        take(conn.execute(base))
    else:
        for part in _chunks(id_list):
            take(conn.execute(f"{base} WHERE items.id IN ({','.join('?' * len(part))})", part))
    for table in bound_tables(db):
        tcols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        rows_by_item: dict[int, list[str]] = {}
        if id_list is None:
            cursor: Iterable[tuple[Any, ...]] = conn.execute(f'SELECT * FROM "{table}"')
        else:
            cursor = (
                row
                for part in _chunks(id_list)
                for row in conn.execute(f'SELECT * FROM "{table}" WHERE item_id IN ({",".join("?" * len(part))})', part)
            )
        at = tcols.index("item_id")
        for row in cursor:
            rows_by_item.setdefault(int(row[at]), []).append(_h(list(row)))
        for item_id, comp in out.items():
            comp[table] = _h(sorted(rows_by_item.get(item_id, [])))
    return out


# -- change tracking on this connection -----------------------------------------------------------
def install(db: sqlite_utils.Database) -> None:
    """TEMP triggers that note every item this connection changes (rolled back with its work)."""
    conn = db.conn
    # No unique key: a trigger's INSERT takes the conflict policy of the statement that fired it
    # (an outer "OR ABORT" would turn a repeat into an error), so repeats are kept and folded later.
    conn.execute(_CREATE_DIRTY)
    mark = "INSERT INTO ws_state_dirty VALUES"
    statements = [
        f"CREATE TEMP TRIGGER IF NOT EXISTS ws_state_items_i AFTER INSERT ON main.items BEGIN {mark} (new.id); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS ws_state_items_u AFTER UPDATE ON main.items "
        f"BEGIN {mark} (old.id); {mark} (new.id); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS ws_state_items_d AFTER DELETE ON main.items BEGIN {mark} (old.id); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS ws_state_blobs_u AFTER UPDATE ON main.blobs BEGIN "
        "INSERT INTO ws_state_dirty SELECT id FROM main.items "
        "WHERE sha256 IN (old.sha256, new.sha256); END",
    ]
    for table in bound_tables(db):
        statements += [
            f'CREATE TEMP TRIGGER IF NOT EXISTS "ws_state_{table}_i" AFTER INSERT ON main."{table}" '
            f"BEGIN {mark} (new.item_id); END",
            f'CREATE TEMP TRIGGER IF NOT EXISTS "ws_state_{table}_u" AFTER UPDATE ON main."{table}" '
            f"BEGIN {mark} (old.item_id); {mark} (new.item_id); END",
            f'CREATE TEMP TRIGGER IF NOT EXISTS "ws_state_{table}_d" AFTER DELETE ON main."{table}" '
            f"BEGIN {mark} (old.item_id); END",
        ]
    for sql in statements:
        conn.execute(sql)


def installed(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'ws_state_dirty'").fetchone() is not None


def mark_all(db: sqlite_utils.Database) -> None:
    """Note every item as changed (after an upgrade, or in a case just received)."""
    db.conn.execute(_CREATE_DIRTY)
    db.conn.execute(f"INSERT INTO {DIRTY} SELECT id FROM items")


def pending(db: sqlite_utils.Database) -> int:
    if not installed(db):
        return 0
    return int(db.execute(f"SELECT count(DISTINCT item_id) FROM {DIRTY}").fetchone()[0])


def take(db: sqlite_utils.Database, seq: int) -> list[list[Any]]:
    """The new state of every item changed since the last entry, for entry ``seq`` to record.

    Writes ``item_state`` and empties the change list (inside the caller's transaction).

    Returns:
        ``[[item_id, digest], ...]`` with digest None for an item that was deleted.
    """
    if not installed(db) or not enabled(db):
        return []
    conn = db.conn
    rows = conn.execute(f"SELECT DISTINCT item_id FROM {DIRTY} WHERE item_id IS NOT NULL ORDER BY item_id")
    ids = [int(r[0]) for r in rows]
    if not ids:
        return []
    current = components(db, ids)
    recorded: list[list[Any]] = []
    for item_id in ids:
        comp = current.get(item_id)
        if comp is None:
            conn.execute("DELETE FROM item_state WHERE item_id = ?", [item_id])
            recorded.append([item_id, None])
            continue
        dig = digest(comp)
        conn.execute(
            "INSERT INTO item_state (item_id, digest, components, seq) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(item_id) DO UPDATE SET digest = excluded.digest, components = excluded.components, "
            "seq = excluded.seq",
            [item_id, dig, json.dumps(comp, sort_keys=True, separators=(",", ":")), seq],
        )
        recorded.append([item_id, dig])
    conn.execute(f"DELETE FROM {DIRTY}")
    return recorded
