"""The read layer: what the window, the report and the command line show, as frozen records.

Every read the window makes goes through here (no SQL in ui/), so the inspector, the report and
``--json`` output show the same facts from the same query.
"""

from __future__ import annotations

from collections.abc import Iterable

from workstation.case import Case
from workstation.casework._items import chunks, unique_ids
from workstation.casework.notes import Note


# -- case work ---------------------------------------------------------------------------------
def tags_of(case: Case, item_id: int) -> list[str]:
    """The item's tags (triage marks included), sorted."""
    return [str(r[0]) for r in case.db.execute("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag", [item_id])]


def all_tags(case: Case) -> list[tuple[str, int]]:
    """Every tag of the case with its item count, most used first."""
    rows = case.db.execute("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag")
    return [(str(r[0]), int(r[1])) for r in rows]


def notes_of(case: Case, item_id: int) -> list[Note]:
    """The item's notes, oldest first."""
    rows = case.db.execute(
        "SELECT id, item_id, author, created_at, text FROM notes WHERE item_id = ? ORDER BY created_at, id",
        [item_id],
    )
    return [Note(int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def exhibit_numbers(case: Case, item_ids: Iterable[int]) -> dict[int, int]:
    """Exhibit number of each of the items that is an exhibit."""
    out: dict[int, int] = {}
    for part in chunks(unique_ids(item_ids)):
        marks = ",".join("?" * len(part))
        for item_id, number in case.db.execute(
            f"SELECT item_id, number FROM exhibits WHERE item_id IN ({marks})", list(part)
        ):
            out[int(item_id)] = int(number)
    return out
