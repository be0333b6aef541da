"""Ordered, named, forward-only schema migrations (storage/sql/NNNN_name.sql).

PRAGMA user_version = number of migrations applied. Add a new file with a new number; never edit
one that has shipped. Feature areas use their own number ranges so branches do not collide:
0001-0099 core, 0100 dedup, 0200 indicators/selectors, 0300 reports, 0400 transfer, 0500 ui.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

SQL_DIR = Path(__file__).with_name("sql")


def _load() -> list[tuple[str, str]]:
    # One file per migration, applied in file-name order; a name is never reused or edited.
    return [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(SQL_DIR.glob("*.sql"))]


MIGRATIONS: list[tuple[str, str]] = _load()


def current_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def latest_version() -> int:
    return len(MIGRATIONS)


def applied_names(db: sqlite_utils.Database) -> set[str]:
    if "schema_migrations" not in db.table_names():
        return set()
    return {r[0] for r in db.execute("SELECT name FROM schema_migrations")}


def pending(db: sqlite_utils.Database) -> list[str]:
    """Migrations a read-only case lacks (it is read as it is, never upgraded)."""
    done = applied_names(db)
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(db: sqlite_utils.Database, *, upto: int | None = None) -> list[str]:
    """Apply every migration not applied yet, in name order, each in its own transaction.

    Args:
        db: an open case database.
        upto: stop once this many migrations are applied (tests build old versions this way).

    Returns:
        Names of the migrations applied now.
    """
    from storage.errors import StorageError

    known = {name for name, _ in MIGRATIONS}
    done = applied_names(db)
    unknown = done - known
    if unknown:
        raise StorageError(
            f"the case was written by a newer Evidence Workstation (schema {sorted(unknown)[-1]}); "
            "update the program to open it"
        )
    target = len(MIGRATIONS) if upto is None else upto
    applied: list[str] = []
    conn = db.conn
    for name, sql in MIGRATIONS:
        if len(done) >= target:
            break
        if name in done:
            continue
        conn.commit()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _split(sql):
                conn.execute(statement)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            done.add(name)
            conn.execute(f"PRAGMA user_version = {len(done)}")
            conn.execute("COMMIT")
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - SQLite may have rolled back already (disk full)
                pass
            raise
        applied.append(name)
    if applied:
        from storage import upgrades

        upgrades.run(conn)
    return applied


def _split(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buf: list[str] = []
    for line in sql.splitlines():
        stripped = line.split("--", 1)[0].rstrip() if "--" in line and "'" not in line else line
        buf.append(stripped)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and _complete(joined):
            statements.append(joined)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        statements.append(rest)
    return statements


def _complete(statement: str) -> bool:
    import sqlite3

    return sqlite3.complete_statement(statement)
