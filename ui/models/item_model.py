"""The item model behind the grid and the table: ids from the reader, rows paged from SQL.

One model serves both views (the grid shows column 0 in icon mode, the table all columns), so
the two share one selection and one sort. The model holds only the ordered item ids of the
current query; the columns of a row are fetched on demand, a page of ids at a time, with one
`WHERE id IN (...)` query (under 5 ms at 100,000 items). Thumbnails are decoded by the reader
thread and kept in a byte-bounded LRU cache.
"""

from __future__ import annotations

import functools
import itertools
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage

from ui.models.query import ItemQuery
from ui.reader import VARIANT_BLUR, VARIANT_GRAY, VARIANT_PLAIN, CaseReader
from ui.settings import MINOR_TAGS
from workstation import records, search
from workstation.case import Case

PAGE = 200
CACHE_BYTES = 160 << 20  # decoded thumbnails kept (about 800 at 256 px)
ROW_CACHE = 20_000
_tokens = itertools.count(1)


class Role(IntEnum):
    """Custom data roles, one enum from Qt.UserRole."""

    ItemId = Qt.ItemDataRole.UserRole + 1
    Kind = Qt.ItemDataRole.UserRole + 2
    Tags = Qt.ItemDataRole.UserRole + 3
    Exhibit = Qt.ItemDataRole.UserRole + 4
    Notes = Qt.ItemDataRole.UserRole + 5
    Indicators = Qt.ItemDataRole.UserRole + 6
    Hidden = Qt.ItemDataRole.UserRole + 7  # thumbnail shown blurred/grey (safe view or minors)
    Thumbnail = Qt.ItemDataRole.UserRole + 8  # QImage or None while loading
    HasThumbnail = Qt.ItemDataRole.UserRole + 9
    Row = Qt.ItemDataRole.UserRole + 10


@dataclass
class Column:
    key: str
    title: str
    sort: str | None


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemModel", text)


def columns() -> list[Column]:
    return [
        Column("name", _tr("Name"), "name"),
        Column("kind", _tr("Kind"), "kind"),
        Column("size", _tr("Size"), "size"),
        Column("dimensions", _tr("Dimensions"), "dimensions"),
        Column("captured", _tr("Captured"), "captured"),
        Column("imported", _tr("Imported"), "imported"),
        Column("mime", _tr("Type"), "mime"),
        Column("source", _tr("Source"), "source"),
        Column("sha256", _tr("SHA-256"), "sha256"),
        Column("tags", _tr("Tags"), None),
        Column("exhibit", _tr("Exhibit"), None),
    ]


@dataclass
class RowData:
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
    indicators: int
    display: tuple[str, ...] = ()  # one string per column, made once when the row is fetched


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


_ROOT = QModelIndex()
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_THUMB_ROLES = [Qt.ItemDataRole.DecorationRole, Role.Thumbnail]
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        *Role,
    )
)


class ItemModel(QAbstractTableModel):
    """Items of one ItemQuery.

    Hot paths are kept free of calls back into Qt: rowCount/columnCount answer from a Python
    int, display strings are made once per row, and the grid delegate reads :meth:`cell`
    directly instead of asking data() once per role.

    Signals:
        loading_changed(bool): a query is running on the reader / finished.
        loaded(int): a new id list arrived (its length).
        failed(str): the query failed (shown in the view instead of items).
    """

    loading_changed = Signal(bool)
    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, case: Case, reader: CaseReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.reader = reader
        self.query = ItemQuery()
        self._columns = columns()
        self._ncols = len(self._columns)
        self._ids: array[int] = array("q")
        self._n = 0
        self._rows: OrderedDict[int, RowData] = OrderedDict()
        self._thumbs: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()
        self._thumb_bytes = 0
        self._pending: dict[tuple[int, int, int], int] = {}  # request -> row it was asked for
        self._pages_pending: dict[int, int] = {}  # first row of a page being read -> token
        self._page_tokens: dict[int, int] = {}
        self._token = 0
        self.loading = False
        self.closed = False
        self.revealed: set[int] = set()
        self.safe_view = False
        self.safe_variant = VARIANT_BLUR | VARIANT_GRAY
        self.blur_minors = True
        self.decorate = True  # thumbnails as decoration (grid); the table shows none
        self.thumb_px = 160
        self.zone = ZoneInfo(case.meta.get("timezone") or "UTC")
        self._kind_labels = {k: kind_label(k) for k in ("image", "page", "document", "file")}
        reader.signals.query_done.connect(self._on_reader_query_done)
        reader.signals.query_failed.connect(self._on_reader_query_failed)
        reader.signals.thumbnails_loaded.connect(self._on_reader_thumbnails_loaded)
        reader.signals.thumbnails_dropped.connect(self._on_reader_thumbnails_dropped)

    # -- querying -------------------------------------------------------------------------------
    def set_query(self, query: ItemQuery) -> None:
        """Ask the reader for the ids of ``query``; the model resets when they arrive."""
        self.query = query
        self._token = next(_tokens)
        self.reader.call("items", self._token, functools.partial(search.item_ids, query=query))
        if not self.loading:
            self.loading = True
            self.loading_changed.emit(True)

    def reload(self) -> None:
        self.set_query(self.query)

    def _on_reader_query_done(self, token: int, ids: object) -> None:
        if token in self._page_tokens:
            self._on_page_loaded(token, ids)
            return
        if token != self._token or self.closed:
            return
        self.beginResetModel()
        self._ids = ids if isinstance(ids, array) else array("q", ids)  # type: ignore[arg-type]
        self._n = len(self._ids)
        self._rows.clear()
        self._pending.clear()
        self._pages_pending.clear()
        self._page_tokens.clear()
        self.endResetModel()
        self.loading = False
        self.loading_changed.emit(False)
        self.loaded.emit(self._n)

    def _on_page_loaded(self, token: int, rows: object) -> None:
        start = self._page_tokens.pop(token)
        if self._pages_pending.get(start) != token or self.closed or not isinstance(rows, dict):
            return  # the id list changed meanwhile
        del self._pages_pending[start]
        self._store(rows)  # type: ignore[arg-type]
        last = min(self._n, start + PAGE) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(last, self._ncols - 1))

    def _on_reader_query_failed(self, token: int, reason: str) -> None:
        if token in self._page_tokens:
            self._pages_pending.pop(self._page_tokens.pop(token), None)
            return
        if token != self._token:
            return
        self.loading = False
        self.loading_changed.emit(False)
        self.failed.emit(reason)

    # -- structure -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        # Qt asks this very often while laying out and painting: keep it to one cheap check.
        if parent is _ROOT or not parent.isValid():
            return self._n
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent is _ROOT or not parent.isValid():
            return self._ncols
        return 0

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        # Views call this once per row when they lay out; the inherited version would call
        # rowCount and columnCount back in Python each time.
        if 0 <= row < self._n and 0 <= column < self._ncols and (parent is _ROOT or not parent.isValid()):
            return self.createIndex(row, column)
        return QModelIndex()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self._ncols:
            return
        key = self._columns[column].sort
        if key is None:
            return
        self.set_query(self.query.with_sort(key, order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int:
        for i, col in enumerate(self._columns):
            if col.sort == self.query.sort:
                return i
        return 0

    # -- ids and rows ------------------------------------------------------------------------------
    def ids(self) -> array[int]:
        return self._ids

    def item_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < self._n else None

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(int(item_id))  # a C loop: about 1 ms over 100,000 ids
        except ValueError:
            return None

    def row_data(self, row: int) -> RowData | None:
        """The row, read now if it is not cached (for callers outside painting)."""
        if not 0 <= row < self._n or self.closed:
            return None
        item_id = self._ids[row]
        data = self._rows.get(item_id)
        if data is None:
            start = row - row % PAGE
            self._store(self._query_rows([int(i) for i in self._ids[start : start + PAGE]]))
            data = self._rows.get(item_id)
        return data

    def _row_for_paint(self, row: int) -> RowData | None:
        """The row if cached; else None now, and its page is read on the reader thread.

        Painting never waits for SQL: a row not read yet is drawn as a placeholder for the few
        milliseconds until its page arrives (dataChanged then repaints it).
        """
        if not 0 <= row < self._n or self.closed:
            return None
        data = self._rows.get(self._ids[row])
        if data is None:
            start = row - row % PAGE
            if start not in self._pages_pending:
                ids = [int(i) for i in self._ids[start : start + PAGE]]
                token = next(_tokens)
                self._pages_pending[start] = token
                self._page_tokens[token] = start
                self.reader.call(f"page:{start}", token, functools.partial(read_rows, item_ids=ids))
        return data

    def _store(self, rows: dict[int, RowData]) -> None:
        self._rows.update(rows)
        while len(self._rows) > ROW_CACHE:
            self._rows.popitem(last=False)

    def _query_rows(self, ids: list[int]) -> dict[int, RowData]:
        if not ids:
            return {}
        return read_rows(self.case, ids)

    def refresh_items(self, item_ids: list[int] | None = None) -> None:
        """Re-read the rows of these items (after an annotation); all rows when None."""
        if item_ids is None:
            self._rows.clear()
            if self._n:
                self.dataChanged.emit(self.index(0, 0), self.index(self._n - 1, self._ncols - 1))
            return
        # A handful of ids after an annotation: read them now, so the cell never blanks.
        cached = [int(i) for i in item_ids if int(i) in self._rows]
        for start in range(0, len(cached), PAGE):
            self._store(self._query_rows(cached[start : start + PAGE]))
        for item_id in item_ids:
            row = self.row_of(item_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self._ncols - 1))

    # -- data ---------------------------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:
            return None
        row = index.row()
        if role == Role.ItemId:
            return self.item_id(row)
        if role == Role.Row:
            return row
        data = self._row_for_paint(row)
        if data is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if not data.display:  # made once, when the row is first shown
                data.display = tuple(self._display(data, col.key) for col in self._columns)
            return data.display[index.column()]
        col = self._columns[index.column()].key
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{data.name}\n{data.kind} · {human_size(data.size)}\n{data.source or ''}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in ("size", "exhibit") else None
        if role == Role.Kind:
            return data.kind
        if role == Role.Tags:
            return data.tags
        if role == Role.Exhibit:
            return data.exhibit
        if role == Role.Notes:
            return data.notes
        if role == Role.Indicators:
            return data.indicators
        if role == Role.HasThumbnail:
            return data.has_thumbnail
        if role == Role.Hidden:
            return self.variant_for(data) != VARIANT_PLAIN
        if role == Role.Thumbnail:
            return self.thumbnail(data, row)
        if role == Qt.ItemDataRole.DecorationRole and col == "name" and self.decorate:
            return self.thumbnail(data, row)
        return None

    def cell(self, row: int) -> tuple[RowData, QImage | None, bool] | None:
        """Everything the grid delegate paints for one row, in one Python call (None: not read yet)."""
        data = self._row_for_paint(row)
        if data is None:
            return None
        return data, self.thumbnail(data, row), self.variant_for(data) != VARIANT_PLAIN

    def _display(self, data: RowData, col: str) -> str:
        if col == "name":
            return data.name
        if col == "kind":
            return self._kind_labels.get(data.kind, data.kind)
        if col == "size":
            return human_size(data.size)
        if col == "dimensions":
            return f"{data.width} × {data.height}" if data.width and data.height else ""
        if col == "captured":
            return self.local(data.captured_at)
        if col == "imported":
            return self.local(data.imported_at)
        if col == "mime":
            return data.mime or ""
        if col == "source":
            return data.source or ""
        if col == "sha256":
            return data.sha256
        if col == "tags":
            return ", ".join(data.tags)
        if col == "exhibit":
            return str(data.exhibit) if data.exhibit is not None else ""
        return ""

    def local(self, iso: str | None) -> str:
        if not iso:
            return ""
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return iso
        d = moment.astimezone(self.zone)
        # Not strftime: it imports the time module on every call, through PySide's import hook.
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}"

    # -- thumbnails ---------------------------------------------------------------------------------
    def variant_for(self, data: RowData) -> int:
        if data.id in self.revealed:
            return VARIANT_PLAIN
        if self.safe_view:
            return self.safe_variant
        if self.blur_minors and any(t in MINOR_TAGS for t in data.tags):
            return VARIANT_BLUR | VARIANT_GRAY
        return VARIANT_PLAIN

    def set_thumb_px(self, px: int) -> None:
        """Size (device pixels) thumbnails are decoded to; the reader scales, never the painter."""
        if px != self.thumb_px:
            self.thumb_px = px
            self._pending.clear()
            self._repaint_all()

    def thumbnail(self, data: RowData, row: int | None = None) -> QImage | None:
        if not data.has_thumbnail:
            return None
        key = (data.id, self.variant_for(data), self.thumb_px)
        image = self._thumbs.get(key)
        if image is not None:
            self._thumbs.move_to_end(key)
            return image
        if key not in self._pending:
            self._pending[key] = row if row is not None else -1
            self.reader.request_thumbnail(*key)
        return None

    def _on_reader_thumbnails_loaded(self, batch: object) -> None:
        first, last = self._n, -1
        for item_id, variant, size, image in batch:  # type: ignore[attr-defined]
            key = (item_id, variant, size)
            row = self._pending.pop(key, -1)
            if image.isNull():
                continue
            old = self._thumbs.pop(key, None)
            if old is not None:
                self._thumb_bytes -= old.sizeInBytes()
            self._thumbs[key] = image
            self._thumb_bytes += image.sizeInBytes()
            if not 0 <= row < self._n or self._ids[row] != item_id:
                row = self.row_of(item_id) if row != -1 else -1
            if row is not None and row >= 0:
                first, last = min(first, row), max(last, row)
        while self._thumb_bytes > CACHE_BYTES and self._thumbs:
            _, old = self._thumbs.popitem(last=False)
            self._thumb_bytes -= old.sizeInBytes()
        if last >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0), _THUMB_ROLES)

    def _on_reader_thumbnails_dropped(self, keys: object) -> None:
        for key in keys:  # type: ignore[attr-defined]
            self._pending.pop(tuple(key), None)

    def set_safe_view(self, on: bool, variant: int | None = None) -> None:
        self.safe_view = on
        if variant is not None:
            self.safe_variant = variant or VARIANT_BLUR
        self._repaint_all()

    def set_blur_minors(self, on: bool) -> None:
        self.blur_minors = on
        self._repaint_all()

    def reveal(self, item_ids: list[int], on: bool = True) -> None:
        for item_id in item_ids:
            (self.revealed.add if on else self.revealed.discard)(int(item_id))
        self.refresh_items(item_ids)

    def _repaint_all(self) -> None:
        if self._n:
            self.dataChanged.emit(self.index(0, 0), self.index(self._n - 1, 0))

    def cached_thumbnails(self) -> int:
        return len(self._thumbs)


def read_rows(case: Case, item_ids: list[int]) -> dict[int, RowData]:
    """The rows of these items from the read layer (runs on the reader thread for a page)."""
    return {
        i: RowData(
            r.id,
            r.kind,
            r.name,
            r.size,
            r.mime,
            r.captured_at,
            r.imported_at,
            r.width,
            r.height,
            r.source,
            r.sha256,
            r.has_thumbnail,
            r.tags,
            r.exhibit,
            r.notes,
            r.indicators,
        )  # fmt: skip
        for i, r in records.item_rows(case, item_ids).items()
    }


def kind_label(kind: str) -> str:
    labels = {
        "image": QCoreApplication.translate("ItemModel", "Image"),
        "page": QCoreApplication.translate("ItemModel", "Page"),
        "document": QCoreApplication.translate("ItemModel", "Document"),
        "file": QCoreApplication.translate("ItemModel", "File"),
        "video": QCoreApplication.translate("ItemModel", "Video"),
        "frame": QCoreApplication.translate("ItemModel", "Video frame"),
    }
    return labels.get(kind, kind)
