"""My cases index: what selectors and photos of a case are also in the analyst's other cases.

An encrypted SQLite file (SQLCipher, like the case file) under the analyst's data directory:
``<home>/crosscase/index.db``, keyed with a random 256-bit raw key in ``<home>/crosscase/index.key``
(owner-only). Not a passphrase: the index is read and updated whenever a case is opened or
changed, without asking again; the key file is as well (and as poorly) protected as the
analyst's account, like the contacts list. Copying the index alone reveals nothing.

Per case it holds the case's path, title and, per value (a selector in its normalised form, a
photo's SHA-256, a photo's PDQ), which items hold it and when it was first and last seen. A
case is refreshed when it is opened (``seen``) and changed (the import batch hook adds new
items), only when it changed (a fingerprint of its counts); ``seen --forget`` removes it.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from workstation.case import Case, utc_now
from workstation.paths import data_home

_SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,              -- a selector kind, photo (SHA-256) or pdq
    value TEXT NOT NULL,
    items TEXT NOT NULL,             -- JSON list of item ids in that case
    n_items INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (kind, value, case_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_case ON entries(case_id);
"""


@dataclass(frozen=True)
class SeenCase:
    title: str
    path: str
    items: int
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class Seen:
    """A value of this case that other cases hold too."""

    kind: str
    value: str
    items: tuple[int, ...]  # this case's items
    cases: tuple[SeenCase, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "items": list(self.items),
            "cases": [
                {
                    "title": c.title,
                    "path": c.path,
                    "items": c.items,
                    "first_seen": c.first_seen,
                    "last_seen": c.last_seen,
                }
                for c in self.cases
            ],
        }


def index_dir() -> Path:
    return data_home() / "crosscase"


def _key(create: bool) -> bytes | None:
    path = index_dir() / "index.key"
    if path.exists():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    if not create:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    key = secrets.token_bytes(32)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.hex() + "\n")
    return key


@contextmanager
def _open(create: bool = True) -> Iterator[sqlcipher3.Connection | None]:
    key = _key(create)
    if key is None:
        yield None
        return
    conn = sqlcipher3.connect(str(index_dir() / "index.db"), timeout=30)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript(_SCHEMA)
        yield conn
        conn.commit()
    finally:
        conn.close()


def _path(case_or_path: Case | Path) -> str:
    return str(Path(case_or_path.path if isinstance(case_or_path, Case) else case_or_path).resolve())


def fingerprint(case: Case) -> str:
    row = case.db.execute(
        "SELECT (SELECT count(*) FROM items), (SELECT coalesce(max(id), 0) FROM items),"
        " (SELECT count(*) FROM selector_links), (SELECT count(*) FROM dedup_hashes)"
    ).fetchone()
    return ":".join(str(v) for v in row)


def _values(case: Case, item_ids: list[int] | None = None) -> dict[tuple[str, str], set[int]]:
    where, params = "", []
    if item_ids is not None:
        where = f" IN ({','.join('?' * len(item_ids))})"
        params = list(item_ids)
    out: dict[tuple[str, str], set[int]] = {}
    queries = [
        "SELECT s.kind, s.value, l.item_id FROM selectors s JOIN selector_links l ON l.selector_id = s.id"
        + (" WHERE l.item_id" + where if where else ""),
        "SELECT 'photo', sha256, id FROM items WHERE kind = 'image'" + (" AND id" + where if where else ""),
        "SELECT 'pdq', pdq, item_id FROM dedup_hashes WHERE pdq_quality >= 50"
        + (" AND item_id" + where if where else ""),
    ]
    for sql in queries:
        for kind, value, item_id in case.db.execute(sql, params):
            out.setdefault((kind, value), set()).add(int(item_id))
    return out


def _case_id(conn: sqlcipher3.Connection, case: Case, fp: str) -> tuple[int, bool]:
    path = _path(case)
    row = conn.execute("SELECT id, fingerprint FROM cases WHERE path = ?", [path]).fetchone()
    title = case.meta.get("title") or Path(path).stem
    if row:
        conn.execute("UPDATE cases SET title = ? WHERE id = ?", [title, row[0]])
        return int(row[0]), row[1] == fp
    cur = conn.execute(
        "INSERT INTO cases (path, title, fingerprint, updated_at) VALUES (?, ?, '', ?)", [path, title, utc_now()]
    )
    return int(cur.lastrowid or 0), False


def refresh(case: Case, *, force: bool = False) -> bool:
    """Bring the case's entries in step with the case (only when it changed); True if rewritten."""
    fp = fingerprint(case)
    with _open() as conn:
        assert conn is not None
        case_id, same = _case_id(conn, case, fp)
        if same and not force:
            return False
        now = utc_now()
        first = {
            (k, v): f
            for k, v, f in conn.execute("SELECT kind, value, first_seen FROM entries WHERE case_id = ?", [case_id])
        }
        conn.execute("DELETE FROM entries WHERE case_id = ?", [case_id])
        conn.executemany(
            "INSERT INTO entries (case_id, kind, value, items, n_items, first_seen, last_seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (case_id, k, v, json.dumps(sorted(ids)), len(ids), first.get((k, v), now), now)
                for (k, v), ids in _values(case).items()
            ),
        )
        conn.execute("UPDATE cases SET fingerprint = ?, updated_at = ? WHERE id = ?", [fp, now, case_id])
    return True


def add_items(case: Case, item_ids: list[int]) -> None:
    """New items of a case (import batch hook), once the analyst has an index (the first `seen`).

    A case not in the index yet is indexed whole: every case the analyst imports into is found by
    `seen` from another case without having to run `seen` on it first.
    """
    if not item_ids or not (index_dir() / "index.key").exists():
        return
    with _open(create=False) as conn:
        if conn is None:
            return
        row = conn.execute("SELECT id FROM cases WHERE path = ?", [_path(case)]).fetchone()
    if not row:
        refresh(case, force=True)
        return
    with _open(create=False) as conn:
        if conn is None:
            return
        now = utc_now()
        for (kind, value), ids in _values(case, item_ids).items():
            old = conn.execute(
                "SELECT items FROM entries WHERE kind = ? AND value = ? AND case_id = ?", [kind, value, row[0]]
            ).fetchone()
            merged = sorted(ids | set(json.loads(old[0]) if old else []))
            conn.execute(
                "INSERT INTO entries (case_id, kind, value, items, n_items, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, value, case_id) DO UPDATE SET"
                " items = excluded.items, n_items = excluded.n_items, last_seen = excluded.last_seen",
                [row[0], kind, value, json.dumps(merged), len(merged), now, now],
            )
        conn.execute("UPDATE cases SET fingerprint = ?, updated_at = ? WHERE id = ?", [fingerprint(case), now, row[0]])


def seen(case: Case) -> list[Seen]:
    """Values of the case that other indexed cases hold too (refreshes the case first)."""
    refresh(case)
    with _open() as conn:
        assert conn is not None
        rows = conn.execute(
            "SELECT a.kind, a.value, a.items, c.title, c.path, b.n_items, b.first_seen, b.last_seen"
            " FROM entries a JOIN entries b ON b.kind = a.kind AND b.value = a.value AND b.case_id <> a.case_id"
            " JOIN cases c ON c.id = b.case_id"
            " WHERE a.case_id = (SELECT id FROM cases WHERE path = ?) ORDER BY a.kind, a.value, c.title",
            [_path(case)],
        ).fetchall()
    grouped: dict[tuple[str, str], tuple[str, list[SeenCase]]] = {}
    for kind, value, items, title, path, n, first, last in rows:
        grouped.setdefault((kind, value), (items, []))[1].append(SeenCase(title, path, int(n), first, last))
    return [
        Seen(kind, value, tuple(json.loads(items)), tuple(cases)) for (kind, value), (items, cases) in grouped.items()
    ]


def forget(path: Path) -> bool:
    """Remove a case from the index (its file is not opened); False when it was not in it."""
    with _open(create=False) as conn:
        if conn is None:
            return False
        cur = conn.execute("DELETE FROM cases WHERE path = ?", [_path(path)])
        return bool(cur.rowcount)


def indexed_cases() -> list[str]:
    with _open(create=False) as conn:
        return [] if conn is None else [r[0] for r in conn.execute("SELECT path FROM cases ORDER BY path")]
