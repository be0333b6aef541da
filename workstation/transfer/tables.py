"""Generic table copy for bundles: every table of the sender's schema travels, selected or whole.

Tables added later by other areas (hashes, annotations, selectors, …) travel without code changes:
the export walks ``sqlite_master``; the receiver runs its own migrations and inserts by column
name. Only what the receiver rebuilds or handles itself is left out (see :data:`SPECIAL`).

Selection (``--exhibits``): the chosen items, their descendants (a page's images, an archive's
members) and their ancestors (the page or archive an exhibit came from: its provenance). Rows of
other tables follow the items through their foreign keys (or an ``item_id`` column); a table that
rows of those tables point at (a selector, a cluster, a taxonomy entry) keeps the rows pointed at;
a table with no path to items (case-level settings, import runs) travels whole.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

# Sent separately (blobs, audit, case_meta) or rebuilt by the receiver (migrations bookkeeping).
SPECIAL = {"blobs", "blob_chunks", "audit", "case_meta", "schema_migrations"}
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
PART_BYTES = 4 << 20  # rows are sent in parts of about this size
SELECTION_TABLE = "temp.transfer_selection"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class TableInfo:
    name: str
    columns: list[str]
    virtual: bool = False
    external_content: bool = False  # FTS with content=…: rebuilt from its content table
    item_columns: list[str] = field(default_factory=list)  # columns pointing at items.id
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # (column, table, column)


def schema(db: sqlite_utils.Database) -> dict[str, TableInfo]:
    """Every transferable table of ``db`` with its columns and references, by name."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    shadows = {v + s for v in virtual for s in FTS_SHADOW_SUFFIXES}
    tables: dict[str, TableInfo] = {}
    for name, sql in rows:
        if name in SPECIAL or name in shadows:
            continue
        # table_xinfo lists hidden/generated columns too; only ordinary columns (hidden 0) travel.
        cols = [r[1] for r in db.execute(f"PRAGMA table_xinfo({_q(name)})") if r[6] == 0]
        info = TableInfo(name, cols)
        if name in virtual:
            info.virtual = True
            info.external_content = "content=" in (sql or "").replace(" ", "").lower()
        else:
            for fk in db.execute(f"PRAGMA foreign_key_list({_q(name)})").fetchall():
                ref_table, col, ref_col = fk[2], fk[3], fk[4]
                if ref_table == "items" and ref_col in (None, "id"):
                    info.item_columns.append(col)
                else:
                    info.refs.append((col, ref_table, ref_col or "rowid"))
            if name != "items" and "item_id" in cols and "item_id" not in info.item_columns:
                info.item_columns.append("item_id")
        tables[name] = info
    return tables


def select_items(db: sqlite_utils.Database, item_ids: list[int]) -> dict[str, list[int]]:
    """Fill the temp selection table; returns {"selected", "descendants", "ancestors"} id lists."""
    conn = db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS transfer_selection (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM {SELECTION_TABLE}")
    conn.executemany(f"INSERT OR IGNORE INTO {SELECTION_TABLE} VALUES (?)", [(i,) for i in item_ids])
    descendants = [
        r[0]
        for r in conn.execute(
            "WITH RECURSIVE d(id) AS (SELECT id FROM items WHERE parent_id IN "
            f"(SELECT id FROM {SELECTION_TABLE}) UNION SELECT items.id FROM items JOIN d "
            "ON items.parent_id = d.id) SELECT id FROM d ORDER BY id"
        )
    ]
    ancestors = [
        r[0]
        for r in conn.execute(
            "WITH RECURSIVE a(id) AS (SELECT parent_id FROM items WHERE id IN "
            f"(SELECT id FROM {SELECTION_TABLE}) AND parent_id IS NOT NULL UNION "
            "SELECT items.parent_id FROM items JOIN a ON items.id = a.id "
            "WHERE items.parent_id IS NOT NULL) SELECT id FROM a ORDER BY id"
        )
    ]
    conn.executemany(
        f"INSERT OR IGNORE INTO {SELECTION_TABLE} VALUES (?)",
        [(i,) for i in descendants + ancestors],
    )
    selected = set(item_ids)
    return {
        "selected": sorted(selected),
        "descendants": [i for i in descendants if i not in selected],
        "ancestors": [i for i in ancestors if i not in selected],
    }


def row_filters(tables: dict[str, TableInfo], selection: bool) -> dict[str, str]:
    """A WHERE clause per table ("" = every row, "0" = none) for the current selection."""
    if not selection:
        return {name: ("0" if info.external_content else "") for name, info in tables.items()}
    sel = f"(SELECT id FROM {SELECTION_TABLE})"
    filters: dict[str, str] = {}
    for name, info in tables.items():
        if name == "items":
            filters[name] = f"id IN {sel}"
        elif info.item_columns:
            filters[name] = " AND ".join(f"({_q(c)} IS NULL OR {_q(c)} IN {sel})" for c in info.item_columns)
    # Tables reached from item rows through foreign keys keep only the rows pointed at.
    pointed_at: set[str] = set()
    frontier = list(filters)
    while frontier:
        name = frontier.pop()
        for _, ref_table, _ in tables[name].refs:
            if ref_table in tables and ref_table not in filters and ref_table not in pointed_at:
                pointed_at.add(ref_table)
                frontier.append(ref_table)
    whole = {n for n in tables if n not in filters and n not in pointed_at}
    for name in whole:
        filters[name] = "0" if tables[name].external_content else ""
    # A pointed-at table referenced by a table that travels whole travels whole too.
    for name in list(pointed_at):
        if any(ref == name for w in whole for _, ref, _ in tables[w].refs):
            filters[name] = ""
            pointed_at.discard(name)
    for _ in range(len(pointed_at) + 1):
        for target in pointed_at:
            clauses = []
            for name, info in tables.items():
                for col, ref_table, ref_col in info.refs:
                    if ref_table != target or name == target or name not in filters:
                        continue
                    where = filters[name]
                    sub = f"SELECT {_q(col)} FROM {_q(name)}" + (f" WHERE {where}" if where else "")
                    clauses.append(f"{_q(ref_col)} IN ({sub})")
            filters[target] = " OR ".join(clauses) if clauses else "0"
    return filters


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["b64"])
    return value


def dump_parts(db: sqlite_utils.Database, info: TableInfo, where: str) -> Iterator[tuple[int, bytes, int]]:
    """JSON-lines parts of one table: yields (part number, bytes, rows in part).

    Line 1 of every part is ``{"table": …, "columns": […]}``; each further line is one row as a
    JSON list in column order; BLOB values are ``{"b64": …}``.
    """
    if info.external_content or where == "0":
        return
    select = (
        ", ".join(["rowid"] + [_q(c) for c in info.columns]) if info.virtual else ", ".join(_q(c) for c in info.columns)
    )
    columns = (["rowid"] if info.virtual else []) + info.columns
    head = json.dumps({"table": info.name, "columns": columns}, ensure_ascii=False) + "\n"
    sql = f"SELECT {select} FROM {_q(info.name)}" + (f" WHERE {where}" if where else "")
    sql += " ORDER BY rowid" if not _without_rowid(db, info.name) else ""
    buf: list[bytes] = []
    size, rows, part = 0, 0, 1
    for row in db.execute(sql):
        line = (json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n").encode("utf-8")
        buf.append(line)
        size += len(line)
        rows += 1
        if size >= PART_BYTES:
            yield part, head.encode("utf-8") + b"".join(buf), rows
            buf, size, rows, part = [], 0, 0, part + 1
    if rows or part == 1:
        yield part, head.encode("utf-8") + b"".join(buf), rows


def _without_rowid(db: sqlite_utils.Database, name: str) -> bool:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
    return bool(sql and "WITHOUT ROWID" in (sql[0] or "").upper())


def insert_rows(
    db: sqlite_utils.Database,
    info: TableInfo,
    columns: list[str],
    rows: Iterable[list[Any]],
    *,
    replace: bool,
) -> int:
    """Insert decoded rows by column name; returns how many."""
    names = ", ".join(_q(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    sql = f"{verb} INTO {_q(info.name)} ({names}) VALUES ({marks})"
    count = 0
    batch: list[list[Any]] = []
    for row in rows:
        batch.append([decode(v) for v in row])
        if len(batch) >= 500:
            db.conn.executemany(sql, batch)
            count += len(batch)
            batch = []
    if batch:
        db.conn.executemany(sql, batch)
        count += len(batch)
    return count


def blob_sql(tables: dict[str, TableInfo], filters: dict[str, str]) -> str:
    """SQL listing (sha256, size) of every blob the kept rows point at, in stable order."""
    sources = []
    for name, info in tables.items():
        if info.virtual:
            continue
        cols = [c for c, ref_table, _ in info.refs if ref_table == "blobs"]
        if name == "items" and "sha256" not in cols:
            cols.append("sha256")
        for col in cols:
            where = filters.get(name, "")
            sources.append(f"SELECT {_q(col)} AS sha FROM {_q(name)}" + (f" WHERE {where}" if where else ""))
    if not sources:
        return "SELECT sha256, size FROM blobs WHERE 0"
    return "SELECT sha256, size FROM blobs WHERE sha256 IN (" + " UNION ".join(sources) + ") ORDER BY sha256"
