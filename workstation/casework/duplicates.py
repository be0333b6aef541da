"""Duplicate decisions: the analyst's word that two pictures are, or are not, the same photo.

One table (``duplicate_decisions``) holds both answers. Clustering and the report leave out pairs
marked "not the same photo"; the cluster view shows pairs marked "the same photo" as kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from workstation.case import Case, utc_now
from workstation.casework._items import check_items
from workstation.errors import UsageError

Decision: TypeAlias = Literal["same", "different"]
SAME: Final = "same"
DIFFERENT: Final = "different"

# Audit actions (names kept from before the decisions moved to the core: old logs read the same).
_AUDIT: Final[dict[Decision, tuple[str, str]]] = {
    SAME: ("dedup.confirmed_same", "dedup.confirmed_same_withdrawn"),
    DIFFERENT: ("dedup.not_duplicate", "dedup.not_duplicate_removed"),
}


@dataclass(frozen=True)
class DuplicateDecision:
    """One decision on a pair of items (``item_a < item_b``)."""

    item_a: int
    item_b: int
    decision: Decision
    decided_at: str
    analyst: str
    reason: str = ""

    @property
    def pair(self) -> tuple[int, int]:
        return (self.item_a, self.item_b)


def _pair(a: int, b: int) -> tuple[int, int]:
    if int(a) == int(b):
        raise UsageError("an item cannot be compared with itself")
    lo, hi = sorted((int(a), int(b)))
    return lo, hi


def _decide(case: Case, a: int, b: int, decision: Decision, reason: str) -> DuplicateDecision:
    lo, hi = _pair(a, b)
    record = DuplicateDecision(lo, hi, decision, utc_now(), case.analyst, reason)
    with case.transaction():
        check_items(case, (lo, hi))
        case.db.execute(
            "INSERT OR REPLACE INTO duplicate_decisions (item_a, item_b, decision, decided_at, analyst, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [lo, hi, decision, record.decided_at, record.analyst, reason],
        )
        details: dict[str, object] = {"items": [lo, hi]}
        if decision == DIFFERENT:
            details["reason"] = reason
        elif reason:
            details["reason"] = reason
        case.audit(_AUDIT[decision][0], details)
    return record


def mark_same_photo(case: Case, a: int, b: int, reason: str = "") -> DuplicateDecision:
    """Record that two items show the same photo (``dedup.confirmed_same``).

    Raises:
        UsageError: the same id twice, or an unknown item.
    """
    return _decide(case, a, b, SAME, reason)


def mark_not_duplicate(case: Case, a: int, b: int, reason: str = "") -> DuplicateDecision:
    """Record that two items are not the same photo (``dedup.not_duplicate``); clustering and the
    report no longer pair them.

    Raises:
        UsageError: the same id twice, or an unknown item.
    """
    return _decide(case, a, b, DIFFERENT, reason)


def separate(case: Case, item_id: int, others: Iterable[int], reason: str = "") -> list[DuplicateDecision]:
    """Mark one item as not the same photo as each of ``others`` (it leaves their cluster even
    when it also resembles another member); one transaction.

    Returns:
        The decisions recorded now (pairs already marked "different" are left as they are).
    """
    existing = not_duplicate_pairs(case)
    made: list[DuplicateDecision] = []
    with case.transaction():
        for other in others:
            if other == item_id or _pair(item_id, other) in existing:
                continue
            made.append(mark_not_duplicate(case, item_id, other, reason))
    return made


def withdraw_decision(case: Case, a: int, b: int) -> DuplicateDecision | None:
    """Take a decision back (undo); audited with the matching ``…_withdrawn``/``…_removed`` action.

    Returns:
        The decision withdrawn, or None when the pair had none.
    """
    lo, hi = _pair(a, b)
    with case.transaction():
        found = decision_of(case, lo, hi)
        if found is None:
            return None
        case.db.execute("DELETE FROM duplicate_decisions WHERE item_a = ? AND item_b = ?", [lo, hi])
        case.audit(_AUDIT[found.decision][1], {"items": [lo, hi]})
    return found


def withdraw_decisions(case: Case, pairs: Iterable[tuple[int, int]]) -> list[DuplicateDecision]:
    """Take several decisions back in one transaction (undo of ``separate``)."""
    with case.transaction():
        found = [withdraw_decision(case, a, b) for a, b in pairs]
    return [d for d in found if d is not None]


def decision_of(case: Case, a: int, b: int) -> DuplicateDecision | None:
    """The decision recorded for a pair, if any."""
    lo, hi = _pair(a, b)
    row = case.db.execute(
        "SELECT item_a, item_b, decision, decided_at, analyst, reason FROM duplicate_decisions"
        " WHERE item_a = ? AND item_b = ?",
        [lo, hi],
    ).fetchone()
    return None if row is None else _record(row)


def decisions(case: Case, decision: Decision | None = None) -> list[DuplicateDecision]:
    """Every decision (or those of one kind), by pair."""
    sql = "SELECT item_a, item_b, decision, decided_at, analyst, reason FROM duplicate_decisions"
    params: list[str] = []
    if decision is not None:
        sql += " WHERE decision = ?"
        params.append(decision)
    return [_record(r) for r in case.db.execute(sql + " ORDER BY item_a, item_b", params)]


def not_duplicate_pairs(case: Case) -> set[tuple[int, int]]:
    """Pairs (a < b) marked as not the same photo."""
    return {
        (int(a), int(b))
        for a, b in case.db.execute("SELECT item_a, item_b FROM duplicate_decisions WHERE decision = ?", [DIFFERENT])
    }


def same_photo_pairs(case: Case) -> set[tuple[int, int]]:
    """Pairs (a < b) confirmed as the same photo."""
    return {
        (int(a), int(b))
        for a, b in case.db.execute("SELECT item_a, item_b FROM duplicate_decisions WHERE decision = ?", [SAME])
    }


def signature(case: Case) -> tuple[int, float, float]:
    """A cheap fingerprint of every decision (caches of clusters compare it)."""
    row = case.db.execute(
        "SELECT count(*), total(item_a * 1000003 + item_b), total(decision = 'same') FROM duplicate_decisions"
    ).fetchone()
    return (int(row[0]), float(row[1]), float(row[2]))


def _record(row: tuple[object, ...] | list[object]) -> DuplicateDecision:
    a, b, decision, at, analyst, reason = row
    return DuplicateDecision(
        int(str(a)),
        int(str(b)),
        SAME if decision == SAME else DIFFERENT,
        str(at),
        str(analyst or ""),
        str(reason or ""),
    )
