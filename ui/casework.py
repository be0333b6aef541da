"""The analyst's changes to a case from the desktop: tags, triage marks, notes, exhibits.

Plain functions over an open Case, no Qt (so undo commands, bulk actions and tests share them).
Every change is one transaction with its audit entry: the change and its record of custody
stand or fall together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workstation.case import Case, utc_now
from workstation.errors import UsageError

RELEVANT = "relevant"
NOT_RELEVANT = "not-relevant"
TRIAGE_TAGS = (RELEVANT, NOT_RELEVANT)
CATEGORY_PREFIX = "category:"
MAX_TAG = 100
MAX_NOTE = 20_000


def _ids(item_ids: Iterable[int]) -> list[int]:
    return sorted({int(i) for i in item_ids})


def clean_tag(tag: str) -> str:
    tag = " ".join(tag.split()).strip()
    if not tag:
        raise UsageError("a tag cannot be empty")
    if len(tag) > MAX_TAG:
        raise UsageError(f"a tag has at most {MAX_TAG} characters")
    return tag


def tags_of(case: Case, item_id: int) -> list[str]:
    return [r[0] for r in case.db.execute("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag", [item_id])]


def all_tags(case: Case) -> list[tuple[str, int]]:
    return [
        (r[0], r[1]) for r in case.db.execute("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag")
    ]


def add_tag(case: Case, item_ids: Iterable[int], tag: str) -> list[int]:
    """Tag items; returns the ids that did not have the tag (the ones an undo must untag)."""
    tag = clean_tag(tag)
    ids = _ids(item_ids)
    with case.transaction():
        added = [
            i
            for i in ids
            if case.db.execute("INSERT OR IGNORE INTO tags (item_id, tag) VALUES (?, ?)", [i, tag]).rowcount
        ]
        if added:
            case.audit("tag.added", {"items": added, "tag": tag})
    return added


def remove_tag(case: Case, item_ids: Iterable[int], tag: str) -> list[int]:
    """Untag items; returns the ids that had the tag."""
    ids = _ids(item_ids)
    with case.transaction():
        removed = [
            i for i in ids if case.db.execute("DELETE FROM tags WHERE item_id = ? AND tag = ?", [i, tag]).rowcount
        ]
        if removed:
            case.audit("tag.removed", {"items": removed, "tag": tag})
    return removed


def triage_state(case: Case, item_ids: Iterable[int]) -> dict[int, str | None]:
    """Current triage mark of each item: 'relevant', 'not-relevant' or None."""
    state: dict[int, str | None] = {i: None for i in _ids(item_ids)}
    if not state:
        return state
    marks = ",".join("?" * len(TRIAGE_TAGS))
    for chunk in _chunks(list(state), 500):
        rows = case.db.execute(
            f"SELECT item_id, tag FROM tags WHERE tag IN ({marks}) AND item_id IN ({','.join('?' * len(chunk))})",
            [*TRIAGE_TAGS, *chunk],
        )
        for item_id, tag in rows:
            state[item_id] = tag
    return state


def set_triage(case: Case, states: dict[int, str | None]) -> None:
    """Set each item's triage mark (relevant / not relevant / none), one audit entry in all."""
    changed: dict[str, list[int]] = {}
    with case.transaction():
        before = triage_state(case, states)
        for item_id, mark in states.items():
            if before.get(item_id) == mark:
                continue
            if mark is not None and mark not in TRIAGE_TAGS:
                raise UsageError(f"unknown triage mark {mark!r}")
            case.db.execute(
                f"DELETE FROM tags WHERE item_id = ? AND tag IN ({','.join('?' * len(TRIAGE_TAGS))})",
                [item_id, *TRIAGE_TAGS],
            )
            if mark is not None:
                case.db.execute("INSERT INTO tags (item_id, tag) VALUES (?, ?)", [item_id, mark])
            changed.setdefault(mark or "unmarked", []).append(item_id)
        if changed:
            case.audit("triage.marked", {"marks": changed})


def notes_of(case: Case, item_id: int) -> list[dict[str, Any]]:
    """Notes in time order (oldest first), with author."""
    rows = case.db.execute(
        "SELECT id, author, created_at, text FROM notes WHERE item_id = ? ORDER BY created_at, id", [item_id]
    )
    return [{"id": r[0], "author": r[1], "created_at": r[2], "text": r[3]} for r in rows]


def add_note(case: Case, item_ids: Iterable[int], text: str) -> list[int]:
    """Add the same note to each item; returns the new note ids."""
    text = text.strip()
    if not text:
        raise UsageError("a note cannot be empty")
    if len(text) > MAX_NOTE:
        raise UsageError(f"a note has at most {MAX_NOTE} characters")
    ids = _ids(item_ids)
    now = utc_now()
    with case.transaction():
        note_ids = [
            int(
                case.db.execute(
                    "INSERT INTO notes (item_id, author, created_at, text) VALUES (?, ?, ?, ?)",
                    [i, case.analyst, now, text],
                ).lastrowid
            )
            for i in ids
        ]
        case.audit("note.added", {"items": ids, "notes": note_ids, "text": text})
    return note_ids


def delete_notes(case: Case, note_ids: Iterable[int]) -> None:
    """Withdraw notes (used by undo); the audit log keeps their text."""
    ids = _ids(note_ids)
    with case.transaction():
        rows = case.db.execute(
            f"SELECT id, item_id, text FROM notes WHERE id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
        case.db.execute(f"DELETE FROM notes WHERE id IN ({','.join('?' * len(ids))})", ids)
        if rows:
            case.audit("note.deleted", {"notes": [{"id": r[0], "item": r[1], "text": r[2]} for r in rows]})


def exhibit_numbers(case: Case, item_ids: Iterable[int]) -> dict[int, int]:
    ids = _ids(item_ids)
    out: dict[int, int] = {}
    for chunk in _chunks(ids, 500):
        for item_id, number in case.db.execute(
            f"SELECT item_id, number FROM exhibits WHERE item_id IN ({','.join('?' * len(chunk))})", chunk
        ):
            out[item_id] = number
    return out


def add_exhibits(case: Case, item_ids: Iterable[int], numbers: dict[int, int] | None = None) -> dict[int, int]:
    """Mark items as exhibits with the next numbers (workstation.exhibits: numbers are never
    reused, so a redo after an undo gives a new number and earlier reports keep their meaning).

    Returns:
        item id -> exhibit number, for the items that were not exhibits yet.
    """
    from workstation import exhibits

    changes = exhibits.add_exhibits(case, _ids(item_ids))
    return {c.item_id: c.number for c in changes if c.changed}


def remove_exhibits(case: Case, item_ids: Iterable[int]) -> dict[int, int]:
    """Take items off the exhibit list; returns their former numbers."""
    from workstation import exhibits

    changes = exhibits.remove_exhibits(case, _ids(item_ids))
    return {c.item_id: c.number for c in changes if c.changed}


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
