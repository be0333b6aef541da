"""Shared checks of the case actions: item ids given by an analyst must name items of the case."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from workstation.case import Case
from workstation.errors import UsageError

CHUNK = 500  # SQLite's default limit on host parameters is 999


def chunks(values: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    """The values in slices small enough for one ``IN (...)`` clause."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def unique_ids(item_ids: Iterable[int]) -> list[int]:
    """The ids as sorted distinct integers."""
    return sorted({int(i) for i in item_ids})


def check_items(case: Case, item_ids: Iterable[int]) -> list[int]:
    """The sorted distinct ids, after checking that each names an item of the case.

    Raises:
        UsageError: no ids, or an id that names no item.
    """
    ids = unique_ids(item_ids)
    if not ids:
        raise UsageError("no item ids given")
    found: set[int] = set()
    for part in chunks(ids):
        marks = ",".join("?" * len(part))
        found.update(int(r[0]) for r in case.db.execute(f"SELECT id FROM items WHERE id IN ({marks})", list(part)))
    missing = [i for i in ids if i not in found]
    if missing:
        raise UsageError(f"no item with id {', '.join(map(str, missing))}")
    return ids
