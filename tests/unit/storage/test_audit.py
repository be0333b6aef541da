"""Hash-chained audit log: append-only, and edits, deletions and reordering are detected."""

from __future__ import annotations

import pytest

from storage import audit


def _fill(case, n: int = 5) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        case.audit("test.action", {"i": i, "text": "Привіт 你好"})


def _unprotect(case) -> None:  # type: ignore[no-untyped-def]
    # An attacker with the passphrase can drop the triggers; the chain must still tell.
    case.db.execute("DROP TRIGGER audit_no_update")
    case.db.execute("DROP TRIGGER audit_no_delete")


def test_chain_verifies_and_entries_link(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    entries = audit.entries(case.db)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == audit.GENESIS
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    assert entries[-1].details == {"i": 4, "text": "Привіт 你好"}
    assert audit.verify_chain(case.db) == []


def test_triggers_refuse_update_and_delete(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case, 2)
    with pytest.raises(Exception, match="append-only"):
        case.db.execute("UPDATE audit SET action = 'x' WHERE seq = 2")
    with pytest.raises(Exception, match="append-only"):
        case.db.execute("DELETE FROM audit WHERE seq = 2")


def test_modified_row_is_detected(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    _unprotect(case)
    case.db.execute("UPDATE audit SET details = '{\"i\":99}' WHERE seq = 3")
    problems = audit.verify_chain(case.db)
    assert any("entry 3 was altered" in p for p in problems)


def test_deleted_row_is_detected(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    _unprotect(case)
    case.db.execute("DELETE FROM audit WHERE seq = 3")
    problems = audit.verify_chain(case.db)
    assert any("entry 3 is missing" in p for p in problems)


def test_deleted_last_row_is_detected(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    _unprotect(case)
    last = audit.head(case.db)[0]
    case.db.execute("DELETE FROM audit WHERE seq = ?", [last])
    problems = audit.verify_chain(case.db)
    assert any("entries removed or replaced" in p for p in problems)


def test_reordered_rows_are_detected(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    _unprotect(case)
    rows = case.db.execute(
        "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit WHERE seq IN (3, 4)"
    ).fetchall()
    case.db.execute("DELETE FROM audit WHERE seq IN (3, 4)")
    (s3, *r3), (s4, *r4) = rows
    case.db.execute("INSERT INTO audit VALUES (?,?,?,?,?,?,?)", [s3, *r4])
    case.db.execute("INSERT INTO audit VALUES (?,?,?,?,?,?,?)", [s4, *r3])
    problems = audit.verify_chain(case.db)
    assert problems
    assert any("entry 3" in p for p in problems)


def test_case_verify_reports_audit_problems(case) -> None:  # type: ignore[no-untyped-def]
    _fill(case)
    _unprotect(case)
    case.db.execute("UPDATE audit SET analyst = 'Mallory' WHERE seq = 2")
    case.db.conn.commit()
    report = case.verify()
    assert not report["ok"]
    assert any(p["what"] == "audit" for p in report["problems"])
