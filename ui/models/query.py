"""What the central view shows: a filter and a sort, turned into one SQL query for item ids."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# Sortable columns -> SQL expression; each is backed by an index (storage/sql/0500_*.sql) so the
# first page of any sort comes back quickly even at 100,000 items.
SORT_EXPRESSIONS: dict[str, str] = {
    "id": "items.id",
    "name": "items.original_name",
    "kind": "items.kind",
    "size": "items.size",
    "dimensions": "items.width",
    "captured": "items.captured_at",
    "imported": "items.imported_at",
    "mime": "items.mime",
    "source": "coalesce(items.source_url, items.source_path)",
    "sha256": "items.sha256",
}


@dataclass(frozen=True)
class ItemQuery:
    """A filter over items plus a sort order (immutable; views make changed copies).

    Attributes:
        kind: only this item kind ("image", "page", "document", "file").
        tag: only items with this tag.
        exhibits: only exhibits (then the default order is the exhibit number).
        subquery: ("SELECT item_id FROM …", params) restricting to a set of ids, for filters owned
            by other areas (indicators, selectors, clusters) that the navigator supplies.
        text: full-text search (trigram index for 3+ characters, substring scan below that).
        sort: a key of SORT_EXPRESSIONS.
        descending: reverse the sort.
        label: what the navigator called this view (shown in the title and the status bar).
    """

    kind: str | None = None
    tag: str | None = None
    exhibits: bool = False
    subquery: tuple[str, tuple[Any, ...]] | None = None
    text: str = ""
    sort: str = "id"
    descending: bool = False
    label: str = ""

    def with_text(self, text: str) -> ItemQuery:
        return replace(self, text=text.strip())

    def with_sort(self, sort: str, descending: bool) -> ItemQuery:
        return replace(self, sort=sort if sort in SORT_EXPRESSIONS else "id", descending=descending)

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.kind:
            clauses.append("items.kind = ?")
            params.append(self.kind)
        if self.tag:
            clauses.append("items.id IN (SELECT item_id FROM tags WHERE tag = ?)")
            params.append(self.tag)
        if self.exhibits:
            clauses.append("items.id IN (SELECT item_id FROM exhibits)")
        if self.subquery is not None:
            sql, sub_params = self.subquery
            clauses.append(f"items.id IN ({sql})")
            params.extend(sub_params)
        text = self.text.strip()
        if text:
            if len(text) >= 3:
                # Same semantics as `workstation search`: the trigram FTS index, as a phrase.
                clauses.append("items.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
                params.append('"' + text.replace('"', '""') + '"')
            else:
                clauses.append("(instr(items.text, ?) OR instr(items.title, ?) OR instr(items.original_name, ?))")
                params.extend([text, text, text])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def ids_sql(self) -> tuple[str, list[Any]]:
        """SQL returning the ordered ids of the items this query shows."""
        where, params = self.where()
        direction = "DESC" if self.descending else "ASC"
        if self.exhibits and self.sort == "id":
            return (
                "SELECT items.id FROM items JOIN exhibits ON exhibits.item_id = items.id"
                f"{where} ORDER BY exhibits.number {direction}",
                params,
            )
        expr = SORT_EXPRESSIONS.get(self.sort, "items.id")
        order = f"{expr} {direction}" if expr == "items.id" else f"{expr} {direction}, items.id {direction}"
        return f"SELECT items.id FROM items{where} ORDER BY {order}", params

    def count_sql(self) -> tuple[str, list[Any]]:
        where, params = self.where()
        return f"SELECT count(*) FROM items{where}", params
