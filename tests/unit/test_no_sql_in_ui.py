"""ui/ holds no SQL: every read goes through workstation.records / workstation.search and every
change through workstation.casework (the window and the command line show and do the same)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SQL = re.compile(
    r"\b(?:SELECT\s+[\w*(]|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|DELETE\s+FROM\b|UPDATE\s+\w+\s+SET\b"
    r"|CREATE\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b|DROP\s+TABLE\b|PRAGMA\s+\w|json_each|sqlite_master)"
)
DATABASE = re.compile(
    r"\.execute(many)?\(|\.db\.|\bimport (sqlite3|sqlcipher3|sqlite_utils)\b|from (sqlite3|sqlite_utils)"
)


def offenders(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return found


def test_no_sql_text_under_ui() -> None:
    assert offenders(SQL) == []


def test_ui_does_not_touch_the_database_connection() -> None:
    assert offenders(DATABASE) == []


def test_the_scan_finds_sql() -> None:
    assert SQL.search('rows = db.execute("SELECT id FROM items")')
    assert DATABASE.search('rows = case.db.execute("…")')
    assert not SQL.search("self.tr('Select an item to see its provenance')")
