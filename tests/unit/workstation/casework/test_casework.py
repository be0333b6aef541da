"""The analyst's case actions in the core: each changes the case, audits itself, returns records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage import audit, casefile, migrations
from workstation import casework, records
from workstation.case import Case
from workstation.errors import UsageError

PASS = "casework test passphrase"


def _items(case: Case, n: int) -> list[int]:
    ids = []
    with case.transaction():
        for k in range(n):
            sha = f"{k:064x}"
            case.db.execute(
                "INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES (?, 'm', 0, 1, 'x')", [sha]
            )
            cur = case.db.execute(
                "INSERT INTO items (kind, sha256, original_name, imported_at) VALUES ('image', ?, ?, 'x')",
                [sha, f"photo{k}.jpg"],
            )
            ids.append(int(cur.lastrowid or 0))
    return ids


def _last_audit(case: Case, *, bound: bool = True) -> tuple[str, dict[str, object]]:
    """The last entry's action and details, less the state it commits to (checked here once).

    Duplicate decisions concern pairs, not item rows, and are not bound to item state yet.
    """
    entry = audit.entries(case.db)[-1]
    details = dict(json.loads(entry.details) if isinstance(entry.details, str) else entry.details)
    state = details.pop("state", None)
    # Every change commits to the new state of the items it touched (issue 21).
    if bound:
        assert isinstance(state, list) and state and all(len(pair) == 2 for pair in state)
    return entry.action, details


def test_tags_are_added_once_removed_and_audited(case: Case) -> None:
    a, b = _items(case, 2)
    first = casework.add_tag(case, [a], "  city:Rotterdam ")
    assert first == casework.TagChange("city:Rotterdam", True, (a,))
    again = casework.add_tag(case, [a, b], "city:Rotterdam")
    assert again.item_ids == (b,)
    assert _last_audit(case) == ("tag.added", {"items": [b], "tag": "city:Rotterdam"})
    assert records.all_tags(case) == [("city:Rotterdam", 2)]
    removed = casework.remove_tag(case, [a, b], "city:Rotterdam")
    assert removed.item_ids == (a, b) and not removed.added
    assert records.tags_of(case, a) == []
    with pytest.raises(UsageError, match="empty"):
        casework.add_tag(case, [a], "   ")
    with pytest.raises(UsageError, match="no item with id 999"):
        casework.add_tag(case, [999], "x")


def test_triage_changes_report_the_former_mark_and_restore_undoes(case: Case) -> None:
    a, b = _items(case, 2)
    changes = casework.set_triage(case, [a, b], casework.RELEVANT)
    assert changes == [casework.TriageChange(a, None, "relevant"), casework.TriageChange(b, None, "relevant")]
    changes = casework.set_triage(case, [a], casework.NOT_RELEVANT)
    assert changes == [casework.TriageChange(a, "relevant", "not-relevant")]
    assert _last_audit(case) == ("triage.marked", {"marks": {"not-relevant": [a]}})
    assert casework.set_triage(case, [a], casework.NOT_RELEVANT) == []  # nothing changed, nothing audited
    assert records.tags_of(case, a) == ["not-relevant"]  # one mark at a time
    casework.restore_triage(case, {c.item_id: c.before for c in changes})
    assert casework.triage_state(case, [a, b]) == {a: "relevant", b: "relevant"}
    casework.set_triage(case, [a, b], None)
    assert casework.triage_state(case, [a, b]) == {a: None, b: None}
    with pytest.raises(UsageError, match="unknown triage mark"):
        casework.parse_state("maybe")


def test_notes_are_added_per_item_and_withdrawn_with_their_text_kept(case: Case) -> None:
    a, b = _items(case, 2)
    notes = casework.add_note(case, [b, a], "  Same room as ad 17 ")
    assert [(n.item_id, n.text, n.author) for n in notes] == [
        (a, "Same room as ad 17", "Test Analyst"),
        (b, "Same room as ad 17", "Test Analyst"),
    ]
    assert records.notes_of(case, a) == [notes[0]]
    withdrawn = casework.delete_notes(case, [n.id for n in notes])
    assert withdrawn == notes and records.notes_of(case, a) == []
    action, details = _last_audit(case)
    assert action == "note.deleted" and details["notes"][0]["text"] == "Same room as ad 17"  # type: ignore[index]
    with pytest.raises(UsageError, match="empty"):
        casework.add_note(case, [a], " \n ")


def test_exhibits_are_numbered_and_numbers_never_reused(case: Case) -> None:
    a, b = _items(case, 2)
    added = casework.add_exhibits(case, [a, b])
    assert [(c.item_id, c.number, c.changed) for c in added] == [(a, 1, True), (b, 2, True)]
    casework.remove_exhibits(case, [a])
    again = casework.add_exhibits(case, [a])
    assert again[0].number == 3
    assert records.exhibit_numbers(case, [a, b]) == {a: 3, b: 2}


def test_duplicate_decisions_live_in_one_table_and_are_withdrawn(case: Case) -> None:
    a, b, c = _items(case, 3)
    same = casework.mark_same_photo(case, b, a)
    assert (same.item_a, same.item_b, same.decision, same.analyst) == (a, b, "same", "Test Analyst")
    assert _last_audit(case, bound=False) == ("dedup.confirmed_same", {"items": [a, b]})
    made = casework.separate(case, c, [a, b, c], reason="cluster view")
    assert [d.pair for d in made] == [(a, c), (b, c)]
    assert casework.separate(case, c, [a]) == []  # already decided
    assert casework.withdraw_decisions(case, [d.pair for d in made]) == made
    assert casework.not_duplicate_pairs(case) == set()
    casework.separate(case, c, [a, b])
    assert casework.not_duplicate_pairs(case) == {(a, c), (b, c)}
    assert casework.same_photo_pairs(case) == {(a, b)}
    # a new decision on a pair replaces the old one
    casework.mark_not_duplicate(case, a, b, "different person")
    assert casework.same_photo_pairs(case) == set()
    withdrawn = casework.withdraw_decision(case, b, a)
    assert withdrawn is not None and withdrawn.reason == "different person"
    assert _last_audit(case, bound=False) == ("dedup.not_duplicate_removed", {"items": [a, b]})
    assert casework.withdraw_decision(case, a, b) is None
    with pytest.raises(UsageError):
        casework.mark_same_photo(case, a, a)
    with pytest.raises(UsageError, match="no item with id 999"):
        casework.mark_not_duplicate(case, a, 999)


def test_old_decision_tables_move_into_the_core_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A case made before 0010 (decisions in ui_duplicate_reviews and dedup_not_duplicate)."""
    path = tmp_path / "old.case"
    old = [m for m in migrations.MIGRATIONS if m[0] != "0010_duplicate_decisions"]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", old)
        Case.create(path, PASS, title="Old").close()
    db = casefile.open_database(path, PASS)
    db.execute("INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES ('ab', 'cd', 0, 1, 'x')")
    for _ in range(3):
        db.execute("INSERT INTO items (kind, sha256, imported_at) VALUES ('image', 'ab', 'x')")
    db.execute("INSERT INTO ui_duplicate_reviews VALUES (1, 2, 'same', 't1', 'Ann')")
    db.execute("INSERT INTO dedup_not_duplicate VALUES (1, 3, 't2', 'Bo', 'other tattoo')")
    db.conn.commit()
    db.conn.close()

    with Case.open(path, PASS) as case:
        got = {(d.pair, d.decision, d.analyst, d.reason) for d in casework.decisions(case)}
        assert got == {((1, 2), "same", "Ann", ""), ((1, 3), "different", "Bo", "other tattoo")}
        assert case.db.execute("SELECT count(*) FROM dedup_not_duplicate").fetchone()[0] == 0
        # a row written the old way (a bundle from an older version) moves on at once
        case.db.execute("INSERT INTO dedup_not_duplicate VALUES (2, 3, 't3', 'Cy', 'r')")
        assert casework.not_duplicate_pairs(case) == {(1, 3), (2, 3)}
        assert case.db.execute("SELECT count(*) FROM dedup_not_duplicate").fetchone()[0] == 0
