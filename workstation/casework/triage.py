"""Triage: the analyst's first sort of items into relevant and not relevant.

A triage mark is stored as one of the tags in ``TRIAGE_TAGS``, so an item carries at most one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, get_args

from workstation.case import Case
from workstation.casework._items import check_items, chunks, unique_ids
from workstation.errors import UsageError

TriageMark: TypeAlias = Literal["relevant", "not-relevant"]
TriageState: TypeAlias = TriageMark | None  # None: not triaged yet

RELEVANT: Final = "relevant"
NOT_RELEVANT: Final = "not-relevant"
TRIAGE_TAGS: Final[tuple[TriageMark, ...]] = get_args(TriageMark)
UNMARKED: Final = "none"  # how the command line and the audit log name "no mark"


@dataclass(frozen=True)
class TriageChange:
    """One item's triage mark before and after an action."""

    item_id: int
    before: TriageState
    after: TriageState


def parse_state(text: str | None) -> TriageState:
    """``relevant``, ``not-relevant`` or ``none`` (also None or "") as a triage state.

    Raises:
        UsageError: any other word.
    """
    if text is None or text in ("", UNMARKED):
        return None
    if text not in TRIAGE_TAGS:
        raise UsageError(f"unknown triage mark {text!r} (relevant, not-relevant or {UNMARKED})")
    return text


def triage_state(case: Case, item_ids: Iterable[int]) -> dict[int, TriageState]:
    """Current triage mark of each item (None: not triaged)."""
    state: dict[int, TriageState] = {i: None for i in unique_ids(item_ids)}
    marks = ",".join("?" * len(TRIAGE_TAGS))
    for part in chunks(list(state)):
        rows = case.db.execute(
            f"SELECT item_id, tag FROM tags WHERE tag IN ({marks}) AND item_id IN ({','.join('?' * len(part))})",
            [*TRIAGE_TAGS, *part],
        )
        for item_id, tag in rows:
            state[int(item_id)] = parse_state(tag)
    return state


def set_triage(case: Case, item_ids: Iterable[int], state: TriageState) -> list[TriageChange]:
    """Give every item the same triage mark (or none); one audit entry (``triage.marked``).

    Returns:
        The items whose mark changed, with their former mark (what an undo restores).

    Raises:
        UsageError: an unknown item id or mark.
    """
    ids = unique_ids(item_ids)
    return restore_triage(case, {i: state for i in ids})


def restore_triage(case: Case, states: Mapping[int, TriageState]) -> list[TriageChange]:
    """Set each item's own triage mark (undo of ``set_triage``); one audit entry in all."""
    if not states:
        return []
    for mark in set(states.values()):
        parse_state(mark)
    changes: list[TriageChange] = []
    with case.transaction():
        before = triage_state(case, check_items(case, states))
        for item_id in sorted(states):
            mark = states[item_id]
            if before[item_id] == mark:
                continue
            case.db.execute(
                f"DELETE FROM tags WHERE item_id = ? AND tag IN ({','.join('?' * len(TRIAGE_TAGS))})",
                [item_id, *TRIAGE_TAGS],
            )
            if mark is not None:
                case.db.execute("INSERT INTO tags (item_id, tag) VALUES (?, ?)", [item_id, mark])
            changes.append(TriageChange(item_id, before[item_id], mark))
        if changes:
            marks: dict[str, list[int]] = {}
            for change in changes:
                marks.setdefault(change.after or "unmarked", []).append(change.item_id)
            case.audit("triage.marked", {"marks": marks})
    return changes
