"""Change tracking for the state binding: repeated changes, any conflict policy, one entry."""

from __future__ import annotations

from storage import audit as audit_log


def test_repeated_changes_under_any_conflict_policy_are_committed_once(case, tmp_path):
    blob = case.blobs.put_bytes(b"an original")
    with case.transaction():
        case.db.execute(
            "INSERT INTO items (kind, sha256, md5, size, original_name, imported_at, metadata) "
            "VALUES ('file', ?, ?, ?, 'a.txt', '2026-01-01T00:00:00Z', '{}')",
            [blob.sha256, blob.md5, blob.size],
        )
        item = case.db.execute("SELECT max(id) FROM items").fetchone()[0]
        # A trigger's INSERT takes the firing statement's conflict policy: these must not fail.
        case.db.execute("UPDATE OR ABORT items SET title = 'one' WHERE id = ?", [item])
        case.db.execute("UPDATE OR FAIL items SET title = 'two' WHERE id = ?", [item])
        case.db.execute("INSERT OR REPLACE INTO tags (item_id, tag) VALUES (?, 'x')", [item])
        case.db.execute("INSERT OR REPLACE INTO tags (item_id, tag) VALUES (?, 'x')", [item])
        entry = case.audit("test.changed", {})
    assert entry.details["state"] == [[item, entry.details["state"][0][1]]]
    assert case.verify()["ok"]
    case.db.execute("UPDATE items SET title = 'three' WHERE id = ?", [item])  # outside any entry
    case.close()
    from workstation.case import Case

    reopened = Case.open(case.path, "correct horse battery staple", read_only=True)
    try:
        last = audit_log.entries(reopened.db)[-1]
        assert last.action == "state.recorded" and last.details["state"][0][0] == item  # recorded at close
        assert reopened.verify()["ok"]
    finally:
        reopened.close()
