"""The central browse page: search box, grid/table switch, thumbnail size, safe view; one model."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSlider,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.delegates import ThumbnailDelegate
from ui.i18n import Retranslatable
from ui.models.item_model import ItemModel, Role
from ui.models.query import ItemQuery
from ui.session import CaseSession

MIN_THUMB, MAX_THUMB = 64, 320
LAYOUT_BATCH = 2000


class ItemGridView(QListView):
    """A thumbnail grid over the item model: a list flowing left to right and wrapping.

    Not QListView's IconMode: with 100,000 items its layout keeps one entry per item and
    measured stalls of 300-700 ms on each reset and resize. List mode with uniform item sizes
    lays the grid out arithmetically, in batches.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        # Qt still visits every row once per layout (it asks the model for each index), so the
        # layout runs in batches between events instead of in one stall.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWrapping(True)
        self.setSpacing(2)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)
        self.setObjectName("itemGrid")


class ItemTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setObjectName("itemTable")


class ItemsView(Retranslatable, QWidget):
    """Browse items of one query.

    Signals:
        current_changed(item_id): the current item (None when none).
        selection_changed(ids): the selected item ids.
        activated(item_id): the analyst opened an item (double click / Enter).
        files_dropped(paths): files or folders dropped onto the view.
    """

    current_changed = Signal(object)
    selection_changed = Signal(list)
    activated = Signal(int)
    files_dropped = Signal(list)

    def __init__(
        self, session: CaseSession, model: ItemModel, thumb_size: int = 160, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        bar.addWidget(self.title)
        bar.addSpacing(8)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search text, titles and names (any script)…"))
        self.search.setMinimumWidth(280)
        bar.addWidget(self.search, 2)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)

        self.grid_button = QToolButton()
        self.grid_button.setText(self.tr("Grid"))
        self.grid_button.setCheckable(True)
        self.grid_button.setToolTip(self.tr("Thumbnail grid (Ctrl+1)"))
        self.table_button = QToolButton()
        self.table_button.setText(self.tr("Table"))
        self.table_button.setCheckable(True)
        self.table_button.setToolTip(self.tr("Sortable table (Ctrl+2)"))
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.grid_button)
        group.addButton(self.table_button)
        bar.addWidget(self.grid_button)
        bar.addWidget(self.table_button)
        self.size_slider = QSlider(Qt.Orientation.Horizontal)
        self.size_slider.setObjectName("thumbnailSize")
        self.size_slider.setRange(MIN_THUMB, MAX_THUMB)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(32)
        self.size_slider.setFixedWidth(110)
        self.size_slider.setToolTip(self.tr("Thumbnail size"))
        bar.addWidget(self.size_slider)
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.grid = ItemGridView()
        self.delegate = ThumbnailDelegate(self.grid, thumb_size)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(model)
        self.grid.setModelColumn(0)
        self.table = ItemTableView()
        # No sort column until the analyst clicks a header: items stay in import order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.setModel(model)
        self.table.setSelectionModel(self.grid.selectionModel())
        for col, width in enumerate((240, 70, 80, 100, 130, 130, 110, 260, 140, 140, 60)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(40)
        self.empty.setStyleSheet("color: palette(mid); font-size: 13pt;")
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self._mode = "grid"
        self.grid_button.setChecked(True)
        self.grid_button.clicked.connect(lambda: self.set_mode("grid"))
        self.table_button.clicked.connect(lambda: self.set_mode("table"))
        self.size_slider.setValue(thumb_size)
        self.size_slider.valueChanged.connect(self.set_thumb_size)
        self.set_thumb_size(thumb_size)

        selection = self.grid.selectionModel()
        selection.currentChanged.connect(self._on_selection_current_changed)
        selection.selectionChanged.connect(self._on_selection_changed)
        self.grid.activated.connect(self._on_view_activated)
        self.table.activated.connect(self._on_view_activated)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort)
        model.loaded.connect(self._on_model_loaded)
        model.loading_changed.connect(self._on_model_loading)
        model.failed.connect(self._on_model_failed)
        model.modelAboutToBeReset.connect(self._remember_current)
        self._restore_id: int | None = None
        self.setAcceptDrops(True)
        for view in (self.grid, self.table, self.empty):
            view.setAcceptDrops(True)
            view.installEventFilter(self)
        self.grid.viewport().installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.empty.setText(self.tr("Loading…"))

    # -- query ---------------------------------------------------------------------------------------
    def set_query(self, query: ItemQuery) -> None:
        query = query.with_text(self.search.text()).with_sort(self.model.query.sort, self.model.query.descending)
        self.title.setText(query.label or self.tr("Items"))
        self.model.set_query(query)

    def _apply_search(self) -> None:
        text = self.search.text().strip()
        if text != self.model.query.text:
            self.model.set_query(self.model.query.with_text(text))

    def _on_header_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.table.horizontalHeader().setSortIndicatorShown(True)

    # -- modes ---------------------------------------------------------------------------------------
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        self._mode = "table" if mode == "table" else "grid"
        self.model.decorate = self._mode == "grid"
        self.grid_button.setChecked(self._mode == "grid")
        self.table_button.setChecked(self._mode == "table")
        self.size_slider.setEnabled(self._mode == "grid")
        self._show_current_page()
        self.current_view().setFocus()

    def current_view(self) -> QAbstractItemView:
        return self.table if self._mode == "table" else self.grid

    def set_thumb_size(self, size: int) -> None:
        size = max(MIN_THUMB, min(MAX_THUMB, int(size)))
        self.delegate.set_thumb_size(size)
        self.model.set_thumb_px(int(size * self.devicePixelRatioF()))
        line = self.grid.fontMetrics().height()
        self.grid.setGridSize(QSize(size + 16, size + line + 18))
        self.grid.setIconSize(QSize(size, size))
        if self.size_slider.value() != size:
            self.size_slider.setValue(size)
        self.grid.doItemsLayout()

    def thumb_size(self) -> int:
        return self.delegate.thumb_size

    def _show_current_page(self) -> None:
        if self.model.rowCount() == 0 and not self.model.loading:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table if self._mode == "table" else self.grid)

    # -- model events ----------------------------------------------------------------------------------
    def _remember_current(self) -> None:
        self._restore_id = self.current_id()

    def _on_model_loading(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("loading…"))

    def _on_model_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%1 item(s)").replace("%1", f"{count:,}".replace(",", " ")))
        if count == 0:
            if self.model.query.text:
                self.empty.setText(self.tr("Nothing matches “%1”.").replace("%1", self.model.query.text))
            elif self.model.query.label and self.model.query != ItemQuery(label=self.model.query.label):
                self.empty.setText(self.tr("No items here yet."))
            else:
                self.empty.setText(
                    self.tr(
                        "This case has no items yet.\n\nDrag files or folders here, or use "
                        "File → Import files… to bring in seized images, saved pages and documents."
                    )
                )
        self._show_current_page()
        if self._restore_id is not None:
            row = self.model.row_of(self._restore_id)
            if row is not None:
                self.select_row(row)
        self._restore_id = None
        self._on_selection_changed()

    def _on_model_failed(self, reason: str) -> None:
        self.empty.setText(self.tr("The items could not be listed: %1").replace("%1", reason))
        self.stack.setCurrentWidget(self.empty)

    # -- selection ---------------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.grid.selectionModel().currentIndex()
        return self.model.item_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.grid.selectionModel().selectedIndexes()}
        ids = [self.model.item_id(r) for r in sorted(rows)]
        out = [i for i in ids if i is not None]
        if not out and self.current_id() is not None:
            out = [self.current_id()]  # type: ignore[list-item]
        return out

    def select_row(self, row: int, extend: bool = False) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select if extend else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.grid.selectionModel().setCurrentIndex(index, flags)
        self.current_view().scrollTo(index)

    def select_id(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def step(self, delta: int) -> None:
        """Next/previous item (triage keys)."""
        index = self.grid.selectionModel().currentIndex()
        row = index.row() + delta if index.isValid() else 0
        self.select_row(max(0, min(self.model.rowCount() - 1, row)))

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.item_id(current.row()) if current.isValid() else None)

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit(self.selected_ids())

    def _on_view_activated(self, index: QModelIndex) -> None:
        item_id = index.data(Role.ItemId)
        if item_id is not None:
            self.activated.emit(int(item_id))

    # -- drag and drop ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        if event.type() == QEvent.Type.Drop:
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]  # type: ignore[attr-defined]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.files_dropped.emit(paths)
                return True
        return super().eventFilter(watched, event)
