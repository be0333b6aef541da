"""What the central view shows: ``workstation.search.ItemQuery`` (a filter, a text search with the
semantics of ``workstation search``, a sort), turned into SQL in the core, never here."""

from workstation.search import SORT_KEYS, ItemQuery

__all__ = ["SORT_KEYS", "ItemQuery"]
