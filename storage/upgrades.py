"""Data steps that SQL migrations cannot express: moving rows out of tables that may or may not
exist yet (a migration of the core range runs before feature tables on a new case, after them on an
old one).

Each step is idempotent and runs after every ``migrations.migrate`` that applied something.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Tables that held duplicate decisions before 0010_duplicate_decisions, and the decision each held.
# They stay as empty inlets: a row written there (by a bundle from an older version) moves on at once.
_LEGACY_DECISIONS = (
    ("ui_duplicate_reviews", "same", "NULL"),
    ("dedup_not_duplicate", "different", "reason"),
)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def fold_duplicate_decisions(conn: sqlite3.Connection) -> None:
    """Move rows of the legacy decision tables into ``duplicate_decisions`` (a later decision on
    the same pair wins: "not the same photo" over an older "same")."""
    if not _has_table(conn, "duplicate_decisions"):
        return
    for table, decision, reason in _LEGACY_DECISIONS:
        if not _has_table(conn, table):
            continue
        conn.execute(
            "INSERT OR REPLACE INTO duplicate_decisions (item_a, item_b, decision, decided_at, analyst, reason) "
            f"SELECT item_a, item_b, '{decision}', decided_at, analyst, {reason} FROM {table}"
        )
        conn.execute(f"DELETE FROM {table}")
        new_reason = "NEW.reason" if reason == "reason" else "NULL"
        conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_to_decisions AFTER INSERT ON {table} BEGIN "
            "INSERT OR REPLACE INTO duplicate_decisions (item_a, item_b, decision, decided_at, analyst, reason) "
            f"VALUES (NEW.item_a, NEW.item_b, '{decision}', NEW.decided_at, NEW.analyst, {new_reason}); "
            f"DELETE FROM {table} WHERE item_a = NEW.item_a AND item_b = NEW.item_b; END"
        )


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (fold_duplicate_decisions,)


def run(conn: sqlite3.Connection) -> None:
    """Every data step, in one transaction."""
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in STEPS:
            step(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
