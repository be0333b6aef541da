"""Tags: free labels an analyst puts on items (``category:`` tags group them in the navigator)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workstation.case import Case
from workstation.casework._items import check_items
from workstation.errors import UsageError

CATEGORY_PREFIX = "category:"
MAX_TAG = 100


@dataclass(frozen=True)
class TagChange:
    """The items a tag was added to (or removed from); the others already had (or lacked) it."""

    tag: str
    added: bool
    item_ids: tuple[int, ...]


def clean_tag(tag: str) -> str:
    """The tag with its white space collapsed.

    Raises:
        UsageError: the tag is empty or longer than ``MAX_TAG``.
    """
    tag = " ".join(tag.split()).strip()
    if not tag:
        raise UsageError("a tag cannot be empty")
    if len(tag) > MAX_TAG:
        raise UsageError(f"a tag has at most {MAX_TAG} characters")
    return tag


def add_tag(case: Case, item_ids: Iterable[int], tag: str) -> TagChange:
    """Tag items, one audit entry (``tag.added``) for those that did not have the tag.

    Returns:
        The items that were tagged now (the ones an undo must untag).

    Raises:
        UsageError: a bad tag or an unknown item id.
    """
    tag = clean_tag(tag)
    with case.transaction():
        ids = check_items(case, item_ids)
        added = tuple(
            i
            for i in ids
            if case.db.execute("INSERT OR IGNORE INTO tags (item_id, tag) VALUES (?, ?)", [i, tag]).rowcount
        )
        if added:
            case.audit("tag.added", {"items": list(added), "tag": tag})
    return TagChange(tag, True, added)


def remove_tag(case: Case, item_ids: Iterable[int], tag: str) -> TagChange:
    """Untag items, one audit entry (``tag.removed``) for those that had the tag.

    Raises:
        UsageError: an unknown item id.
    """
    tag = " ".join(tag.split()).strip()
    with case.transaction():
        ids = check_items(case, item_ids)
        removed = tuple(
            i for i in ids if case.db.execute("DELETE FROM tags WHERE item_id = ? AND tag = ?", [i, tag]).rowcount
        )
        if removed:
            case.audit("tag.removed", {"items": list(removed), "tag": tag})
    return TagChange(tag, False, removed)
