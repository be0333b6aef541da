"""The read layer: what the window, the report and the command line show, as frozen records.

Every read the window makes goes through here (no SQL in ui/), so the inspector, the report and
``--json`` output show the same facts from the same query.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from storage import audit as audit_log
from workstation.case import Case
from workstation.casework._items import chunks, unique_ids
from workstation.casework.notes import Note
from workstation.casework.triage import TRIAGE_TAGS
from workstation.errors import UsageError


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


# -- items ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemRef:
    """Enough of an item to name and link it."""

    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class ItemRecord:
    """One item with its provenance, as stored (``metadata`` decoded from JSON)."""

    id: int
    kind: str
    sha256: str
    md5: str | None
    size: int | None
    mime: str | None
    original_name: str | None
    source_path: str | None
    source_url: str | None
    final_url: str | None
    capture_method: str | None
    captured_at: str | None
    captured_tz: str | None
    imported_at: str
    analyst: str | None
    parent_id: int | None
    importer: str | None
    width: int | None
    height: int | None
    title: str | None
    language: str | None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What to call the item: its file name, else its title, else the start of its hash."""
        return self.original_name or self.title or self.sha256[:16]

    @property
    def exif(self) -> Mapping[str, Any]:
        exif = self.metadata.get("exif")
        return exif if isinstance(exif, dict) else {}


_ITEM_COLUMNS = tuple(f.name for f in fields(ItemRecord))


def _item_record(row: Sequence[Any]) -> ItemRecord:
    values = dict(zip(_ITEM_COLUMNS, row, strict=True))
    try:
        metadata = json.loads(values["metadata"] or "{}")
    except (TypeError, json.JSONDecodeError):
        metadata = {}
    values["metadata"] = metadata if isinstance(metadata, dict) else {}
    return ItemRecord(**values)


def item_record(case: Case, item_id: int) -> ItemRecord:
    """One item.

    Raises:
        UsageError: no item with that id.
    """
    row = case.db.execute(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM items WHERE id = ?", [item_id]).fetchone()
    if row is None:
        raise UsageError(f"no item with id {item_id}")
    return _item_record(row)


def item_records(case: Case, kind: str | None = None) -> Iterator[ItemRecord]:
    """Every item (or those of one kind), by id."""
    sql = f"SELECT {', '.join(_ITEM_COLUMNS)} FROM items"
    params: list[str] = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    for row in case.db.execute(sql + " ORDER BY id", params):
        yield _item_record(row)


def item_ref(case: Case, item_id: int) -> ItemRef | None:
    """Name and kind of an item (None: no such item)."""
    row = case.db.execute("SELECT id, original_name, kind FROM items WHERE id = ?", [item_id]).fetchone()
    return None if row is None else ItemRef(int(row[0]), str(row[1] or ""), str(row[2]))


MAX_CHILDREN = 50
MAX_EXACT_COPIES = 20


@dataclass(frozen=True)
class ItemDetails:
    """Everything the inspector shows about one item that the case itself records."""

    item: ItemRecord
    parent: ItemRef | None
    children: tuple[ItemRef, ...]  # at most MAX_CHILDREN
    more_children: bool
    exact_copies: tuple[ItemRef, ...]  # other items with the same bytes, at most MAX_EXACT_COPIES
    tags: tuple[str, ...]
    exhibit: int | None
    notes: tuple[Note, ...]


def item_details(case: Case, item_id: int) -> ItemDetails:
    """The item, its family, exact copies and the analyst's tags, exhibit number and notes.

    Raises:
        UsageError: no item with that id.
    """
    item = item_record(case, item_id)
    children = [
        ItemRef(int(r[0]), str(r[1] or ""), str(r[2]))
        for r in case.db.execute(
            "SELECT id, original_name, kind FROM items WHERE parent_id = ? ORDER BY id LIMIT ?",
            [item_id, MAX_CHILDREN + 1],
        )
    ]
    copies = [
        ItemRef(int(r[0]), str(r[1] or ""), str(r[2]))
        for r in case.db.execute(
            "SELECT id, original_name, kind FROM items WHERE sha256 = ? AND id != ? ORDER BY id LIMIT ?",
            [item.sha256, item_id, MAX_EXACT_COPIES],
        )
    ]
    return ItemDetails(
        item=item,
        parent=item_ref(case, item.parent_id) if item.parent_id else None,
        children=tuple(children[:MAX_CHILDREN]),
        more_children=len(children) > MAX_CHILDREN,
        exact_copies=tuple(copies),
        tags=tuple(tags_of(case, item_id)),
        exhibit=exhibit_numbers(case, [item_id]).get(item_id),
        notes=tuple(notes_of(case, item_id)),
    )


@dataclass(frozen=True)
class ItemRow:
    """One line of the item grid and table: the displayed columns and the badges."""

    id: int
    kind: str
    name: str
    size: int | None
    mime: str | None
    captured_at: str | None
    imported_at: str | None
    width: int | None
    height: int | None
    source: str | None
    sha256: str
    has_thumbnail: bool
    tags: tuple[str, ...]
    exhibit: int | None
    notes: int
    indicators: int  # confirmed indicators


_TAG_SEP = "\x1f"


def item_rows(case: Case, item_ids: Sequence[int]) -> dict[int, ItemRow]:
    """The grid rows of these items, by id (one query a page; ids that name no item are left out)."""
    out: dict[int, ItemRow] = {}
    for part in chunks(list(item_ids)):
        marks = ",".join("?" * len(part))
        rows = case.db.execute(
            "SELECT items.id, kind, "
            # a page is named by its title (a WARC page's name already holds it), then its file name
            "CASE WHEN kind = 'page' AND trim(coalesce(title, '')) <> '' "
            "AND instr(coalesce(original_name, ''), substr(trim(title), 1, 40)) = 0 "
            "THEN trim(title) || ' — ' || coalesce(original_name, '') ELSE original_name END, "
            "size, mime, captured_at, imported_at, width, height, "
            "coalesce(source_url, source_path), sha256, "
            "EXISTS(SELECT 1 FROM thumbnails t WHERE t.item_id = items.id), "
            f"(SELECT group_concat(tag, '{_TAG_SEP}') FROM tags WHERE tags.item_id = items.id), "
            "(SELECT number FROM exhibits WHERE exhibits.item_id = items.id), "
            "(SELECT count(*) FROM notes WHERE notes.item_id = items.id), "
            "(SELECT count(*) FROM annotations a WHERE a.item_id = items.id AND a.status = 'confirmed') "
            f"FROM items WHERE items.id IN ({marks})",
            list(part),
        )
        for r in rows:
            out[r[0]] = ItemRow(
                r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], bool(r[11]),
                tuple(sorted(r[12].split(_TAG_SEP))) if r[12] else (), r[13], int(r[14] or 0), int(r[15] or 0),
            )  # fmt: skip
    return out


def page_for_url(case: Case, url: str) -> int | None:
    """The first captured page whose source or final URL is ``url`` (links between stored pages)."""
    row = case.db.execute(
        "SELECT id FROM items WHERE (source_url = ? OR final_url = ?) AND kind = 'page' ORDER BY id LIMIT 1",
        [url, url],
    ).fetchone()
    return None if row is None else int(row[0])


def sha256_for_url(case: Case, url: str) -> str | None:
    """The stored bytes (by SHA-256) of the first item captured from ``url``."""
    row = case.db.execute(
        "SELECT sha256 FROM items WHERE source_url = ? OR final_url = ? ORDER BY id LIMIT 1", [url, url]
    ).fetchone()
    return None if row is None else str(row[0])


@dataclass(frozen=True)
class Resource:
    """A child item of a page (an embedded image, a stylesheet) as the page viewer resolves it."""

    id: int
    sha256: str
    mime: str | None
    source_url: str | None
    final_url: str | None
    source_path: str | None
    original_name: str | None
    page_resource: str | None = None  # the reference as the saved page wrote it (page_files/x.png)


def resources_of(case: Case, page_id: int) -> list[Resource]:
    """Every child item of a page."""
    rows = case.db.execute(
        "SELECT id, sha256, mime, source_url, final_url, source_path, original_name, "
        "json_extract(metadata, '$.page_resource') FROM items WHERE parent_id = ?",
        [page_id],
    )
    return [
        Resource(
            id=r[0],
            sha256=r[1],
            mime=r[2],
            source_url=r[3],
            final_url=r[4],
            source_path=r[5],
            original_name=r[6],
            page_resource=str(r[7]) if r[7] is not None else None,
        )
        for r in rows
    ]


# -- exhibits --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExhibitRow:
    """An item as a report would list it: exhibit number (None: not an exhibit yet), name, kind."""

    number: int | None
    item_id: int
    name: str
    kind: str


def exhibit_count(case: Case) -> int:
    return int(case.db.execute("SELECT count(*) FROM exhibits").fetchone()[0])


def exhibit_ids(case: Case) -> list[int]:
    """Every exhibit's item id, by exhibit number."""
    return [int(r[0]) for r in case.db.execute("SELECT item_id FROM exhibits ORDER BY number")]


def exhibit_rows(case: Case, item_ids: Sequence[int] | None = None, limit: int = 1_000_000) -> list[ExhibitRow]:
    """The exhibits by number, or the given items (exhibits or not) by id."""
    if item_ids is None:
        rows = case.db.execute(
            "SELECT e.number, i.id, coalesce(i.title, i.original_name, ''), i.kind FROM exhibits e "
            "JOIN items i ON i.id = e.item_id ORDER BY e.number LIMIT ?",
            [limit],
        ).fetchall()
    else:
        rows = []
        for part in chunks(unique_ids(item_ids)):
            marks = ",".join("?" * len(part))
            rows += case.db.execute(
                f"SELECT e.number, i.id, coalesce(i.title, i.original_name, ''), i.kind FROM items i "
                f"LEFT JOIN exhibits e ON e.item_id = i.id WHERE i.id IN ({marks}) ORDER BY i.id",
                list(part),
            ).fetchall()
        rows = rows[:limit]
    return [ExhibitRow(r[0], int(r[1]), str(r[2]), str(r[3])) for r in rows]


# -- audit log and import errors -----------------------------------------------------------------------
@dataclass(frozen=True)
class AuditRow:
    """One audit-log entry as shown and printed: ``details`` is the stored JSON text."""

    seq: int
    at: str
    analyst: str
    action: str
    details: str
    entry_hash: str


@dataclass(frozen=True)
class ChainStatus:
    """The audit chain walked: problems (empty when intact), entries and head hash."""

    problems: tuple[str, ...]
    entries: int
    head: str

    @property
    def intact(self) -> bool:
        return not self.problems


def audit_count(case: Case) -> int:
    return int(case.db.execute("SELECT count(*) FROM audit").fetchone()[0])


def audit_rows(case: Case, *, after: int = 0, upto: int | None = None, limit: int | None = None) -> list[AuditRow]:
    """Audit entries with ``after < seq <= upto``, oldest first, at most ``limit``."""
    rows = case.db.execute(
        "SELECT seq, at, analyst, action, details, hash FROM audit WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
        [after, upto if upto is not None else 2**62, limit if limit is not None else -1],
    )
    return [AuditRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows]


def chain_status(case: Case) -> ChainStatus:
    """Walk the audit chain (as ``workstation verify`` does for the log)."""
    problems = audit_log.verify_chain(case.db)
    seq, head = audit_log.head(case.db)
    return ChainStatus(tuple(problems), seq, head)


@dataclass(frozen=True)
class ImportErrorRow:
    """A file an import could not read, and why."""

    at: str
    run_id: int | None
    path: str
    error: str


def import_errors(case: Case, limit: int = 10_000) -> list[ImportErrorRow]:
    """The newest import errors first."""
    rows = case.db.execute("SELECT at, run_id, path, error FROM import_errors ORDER BY id DESC LIMIT ?", [limit])
    return [ImportErrorRow(*r) for r in rows]


# -- counts for the navigator ------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseCounts:
    """Everything the navigator shows a number for (clusters are counted by dedup)."""

    kinds: dict[str, int]
    total: int
    tags: list[tuple[str, int]]  # most used first, at most MAX_TAG_COUNTS
    untriaged: int
    exhibits: int
    import_errors: int
    indicators: dict[str, int]  # confirmed, items per indicator code
    suggested_items: int
    selectors: int


MAX_TAG_COUNTS = 200


def case_counts(case: Case) -> CaseCounts:
    """Counts of items by kind, tag, triage, exhibits, errors, indicators and selectors."""
    db = case.db
    kinds = {str(k): int(n) for k, n in db.execute("SELECT kind, count(*) FROM items GROUP BY kind")}
    tags = [
        (str(t), int(n))
        for t, n in db.execute(
            "SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ?", [MAX_TAG_COUNTS]
        )
    ]
    total = sum(kinds.values())
    marks = ",".join("?" * len(TRIAGE_TAGS))
    marked = db.execute(f"SELECT count(DISTINCT item_id) FROM tags WHERE tag IN ({marks})", list(TRIAGE_TAGS))

    def one(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    return CaseCounts(
        kinds=kinds,
        total=total,
        tags=tags,
        untriaged=total - int(marked.fetchone()[0]),
        exhibits=one("SELECT count(*) FROM exhibits"),
        import_errors=one("SELECT count(*) FROM import_errors"),
        indicators={
            str(r[0]): int(r[1])
            for r in db.execute(
                "SELECT indicator, count(DISTINCT item_id) FROM annotations WHERE status = 'confirmed' "
                "GROUP BY indicator"
            )
        },
        suggested_items=one("SELECT count(DISTINCT item_id) FROM annotations WHERE status = 'suggested'"),
        selectors=one("SELECT count(*) FROM selectors"),
    )


# -- indicators ----------------------------------------------------------------------------------------
def annotation_status(case: Case, annotation_id: int) -> tuple[str, str | None] | None:
    """An annotation's status and note (None: no such annotation)."""
    row = case.db.execute("SELECT status, note FROM annotations WHERE id = ?", [annotation_id]).fetchone()
    return None if row is None else (str(row[0]), row[1])


def most_confirmed_indicators(case: Case, limit: int) -> list[str]:
    """Indicator codes the analyst confirmed most often, most first."""
    rows = case.db.execute(
        "SELECT indicator FROM annotations WHERE status = 'confirmed' "
        "GROUP BY indicator ORDER BY count(*) DESC, indicator LIMIT ?",
        [limit],
    )
    return [str(r[0]) for r in rows]
