"""Notes: the analyst's free text on items, with author and time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workstation.case import Case, utc_now
from workstation.casework._items import check_items, chunks, unique_ids
from workstation.errors import UsageError

MAX_NOTE = 20_000


@dataclass(frozen=True)
class Note:
    """One note on one item."""

    id: int
    item_id: int
    author: str
    created_at: str
    text: str


def add_note(case: Case, item_ids: Iterable[int], text: str) -> list[Note]:
    """Add the same note to each item; one audit entry (``note.added``) with the text.

    Raises:
        UsageError: an empty or too long note, or an unknown item id.
    """
    text = text.strip()
    if not text:
        raise UsageError("a note cannot be empty")
    if len(text) > MAX_NOTE:
        raise UsageError(f"a note has at most {MAX_NOTE} characters")
    now = utc_now()
    with case.transaction():
        ids = check_items(case, item_ids)
        notes = [
            Note(
                int(
                    case.db.execute(
                        "INSERT INTO notes (item_id, author, created_at, text) VALUES (?, ?, ?, ?)",
                        [i, case.analyst, now, text],
                    ).lastrowid
                    or 0
                ),
                i,
                case.analyst,
                now,
                text,
            )
            for i in ids
        ]
        case.audit("note.added", {"items": ids, "notes": [n.id for n in notes], "text": text})
    return notes


def delete_notes(case: Case, note_ids: Iterable[int]) -> list[Note]:
    """Withdraw notes (used by undo); one audit entry (``note.deleted``) that keeps their text.

    Returns:
        The notes withdrawn (ids that name no note are ignored).
    """
    ids = unique_ids(note_ids)
    deleted: list[Note] = []
    with case.transaction():
        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            rows = case.db.execute(
                f"SELECT id, item_id, author, created_at, text FROM notes WHERE id IN ({marks}) ORDER BY id",
                list(part),
            ).fetchall()
            deleted.extend(Note(int(r[0]), int(r[1]), r[2], r[3], r[4]) for r in rows)
            case.db.execute(f"DELETE FROM notes WHERE id IN ({marks})", list(part))
        if deleted:
            case.audit("note.deleted", {"notes": [{"id": n.id, "item": n.item_id, "text": n.text} for n in deleted]})
    return deleted
