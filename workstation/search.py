"""Search and filtered lists of items: one query for the command line, the core and the window.

``search`` answers ``workstation search``; ``ItemQuery`` is what the window's central view shows
(a filter, a text search with the same semantics, a sort), turned into SQL here and nowhere else.
"""

from __future__ import annotations

from array import array
from dataclasses import asdict, dataclass, replace
from typing import Any

from workstation.case import Case
from workstation.casework.triage import TRIAGE_TAGS
from workstation.errors import UsageError
from workstation.snippets import around, whole_words

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
SORT_KEYS = tuple(SORT_EXPRESSIONS)

_FOLDED_TEXT = (
    "ws_fold(coalesce(items.text, '') || ' ' || coalesce(items.title, '') || ' ' || coalesce(items.original_name, ''))"
)


@dataclass(frozen=True)
class SearchHit:
    """One hit of a full-text search; ``snippet`` marks the match with [brackets]."""

    id: int
    original_name: str | None
    kind: str
    snippet: str


@dataclass(frozen=True)
class Terms:
    """A search query split into what the trigram index can find (3+ characters) and the rest."""

    long: tuple[str, ...]
    short: tuple[str, ...]

    @classmethod
    def parse(cls, query: str) -> Terms:
        """Words in any order, or one ``"quoted phrase"``.

        Raises:
            UsageError: the query is empty.
        """
        query = query.strip()
        if len(query) > 2 and query.startswith('"') and query.endswith('"'):
            words = [query[1:-1].strip()]
        else:
            words = query.split()
        words = [w for w in words if w]
        if not words:
            raise UsageError("empty search query")
        return cls(tuple(w for w in words if len(w) >= 3), tuple(w for w in words if len(w) < 3))

    def fts_match(self) -> str:
        """The FTS5 MATCH expression for the long terms (each a quoted phrase)."""
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in self.long)

    def scan_clauses(self) -> tuple[list[str], list[Any]]:
        """Case-folded substring conditions for the short terms (needs ``register_fold``)."""
        return [f"instr({_FOLDED_TEXT}, ws_fold(?)) > 0" for _ in self.short], list(self.short)


def register_fold(case: Case) -> None:
    """Make ``ws_fold`` known to the case's connection: SQLite's lower() folds ASCII only,
    Python's casefold() knows every script."""
    case.db.conn.create_function("ws_fold", 1, lambda s: s.casefold() if isinstance(s, str) else s, deterministic=True)


def search(case: Case, query: str, limit: int = 100) -> list[SearchHit]:
    """Full-text search over names, titles and extracted text, in any script.

    The trigram index finds substrings, so Chinese and Japanese (no spaces between words) work
    like any other script, case- and diacritics-insensitively (``munca`` finds ``muncă``).
    Words separated by spaces must all occur (in any order); ``"a quoted phrase"`` must occur as
    written. Words shorter than three characters (``高薪``, ``ok``) cannot use the trigram index
    and are matched by a case-folded scan.

    Raises:
        UsageError: the query is empty.
    """
    terms = Terms.parse(query)
    register_fold(case)
    where, params = terms.scan_clauses()
    if terms.long:
        sql = (
            "SELECT items.id, items.original_name, items.kind, "
            "snippet(items_fts, 2, '[', ']', '…', 40) AS snippet, "
            "snippet(items_fts, 1, '[', ']', '…', 40) AS title_snippet, items.text, items.title "
            "FROM items_fts JOIN items ON items.id = items_fts.rowid WHERE items_fts MATCH ?"
            + "".join(f" AND {w}" for w in where)
            + " ORDER BY rank LIMIT ?"
        )
        rows = case.db.execute(sql, [terms.fts_match(), *params, limit]).fetchall()
        return [
            SearchHit(
                r[0],
                r[1],
                r[2],
                whole_words(
                    (r[3] if r[3] and "[" in r[3] else None)
                    or (r[4] if r[4] and "[" in r[4] else None)
                    or _snippet(r[5] or r[6] or r[1] or "", terms.long[0])
                ),
            )
            for r in rows
        ]
    rows = case.db.execute(
        "SELECT id, original_name, kind, text, title FROM items WHERE " + " AND ".join(where) + " ORDER BY id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [SearchHit(r[0], r[1], r[2], _snippet(r[3] or r[4] or r[1] or "", terms.short[0])) for r in rows]


def search_items(case: Case, query: str, limit: int = 100) -> list[dict[str, Any]]:
    """``search`` as JSON-ready dicts (``id``, ``original_name``, ``kind``, ``snippet``)."""
    return [asdict(hit) for hit in search(case, query, limit)]


def _snippet(text: str, term: str, width: int = 40) -> str:
    return around(text, term, width)


@dataclass(frozen=True)
class ItemQuery:
    """A filter over items plus a sort order (immutable; views make changed copies).

    Attributes:
        kind: only this item kind ("image", "page", "document", "file").
        tag: only items with this tag.
        exhibits: only exhibits (then the default order is the exhibit number).
        untriaged: only items with no triage mark.
        indicator: only items with this indicator confirmed.
        suggested: only items with an indicator suggestion waiting for review.
        selector: only items a selector (kind, value) links.
        ids: only these items (a duplicate cluster, a selection).
        text: full-text search, the semantics of ``search``.
        sort: a key of SORT_EXPRESSIONS.
        descending: reverse the sort.
        label: what the navigator called this view (shown in the title and the status bar).
    """

    kind: str | None = None
    tag: str | None = None
    exhibits: bool = False
    untriaged: bool = False
    indicator: str | None = None
    suggested: bool = False
    selector: tuple[str, str] | None = None
    ids: tuple[int, ...] | None = None
    text: str = ""
    sort: str = "id"
    descending: bool = False
    label: str = ""

    def with_text(self, text: str) -> ItemQuery:
        return replace(self, text=text.strip())

    def with_sort(self, sort: str, descending: bool) -> ItemQuery:
        return replace(self, sort=sort if sort in SORT_EXPRESSIONS else "id", descending=descending)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (with its leading space) and its parameters."""
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
        if self.untriaged:
            marks = ",".join("?" * len(TRIAGE_TAGS))
            clauses.append(f"items.id NOT IN (SELECT item_id FROM tags WHERE tag IN ({marks}))")
            params.extend(TRIAGE_TAGS)
        if self.indicator:
            clauses.append("items.id IN (SELECT item_id FROM annotations WHERE indicator = ? AND status = 'confirmed')")
            params.append(self.indicator)
        if self.suggested:
            clauses.append("items.id IN (SELECT item_id FROM annotations WHERE status = 'suggested')")
        if self.selector is not None:
            clauses.append(
                "items.id IN (SELECT l.item_id FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
                "WHERE s.kind = ? AND s.value = ?)"
            )
            params.extend(self.selector)
        if self.ids is not None:
            clauses.append("items.id IN (SELECT value FROM json_each(?))")
            params.append("[" + ",".join(str(int(i)) for i in self.ids) + "]")
        if self.text.strip():
            terms = Terms.parse(self.text)
            if terms.long:
                clauses.append("items.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
                params.append(terms.fts_match())
            scan, scan_params = terms.scan_clauses()
            clauses.extend(scan)
            params.extend(scan_params)
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


def item_ids(case: Case, query: ItemQuery) -> array[int]:
    """The ordered ids of the items ``query`` shows (a compact array: 8 bytes an item)."""
    register_fold(case)
    sql, params = query.ids_sql()
    return array("q", (r[0] for r in case.db.execute(sql, params)))


def count_items(case: Case, query: ItemQuery) -> int:
    """How many items ``query`` shows."""
    register_fold(case)
    sql, params = query.count_sql()
    return int(case.db.execute(sql, params).fetchone()[0])
