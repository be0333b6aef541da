"""The main window: navigator, central tabs (items, viewers, clusters…), inspector; menus and keys."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QWidget,
)

from ui.annotator import Annotator
from ui.dialogs.audit_dialog import AuditDialog
from ui.dialogs.case_dialogs import CaseMetaDialog
from ui.dialogs.progress_dialog import ProgressDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import Retranslatable, retranslate_tree, switch_language
from ui.models.item_model import ItemModel
from ui.models.query import ItemQuery
from ui.reader import VARIANT_BLUR, VARIANT_GRAY
from ui.services import Services, build_services
from ui.session import CaseSession
from ui.settings import MINOR_TAGS, AppSettings
from ui.tasks import Task, TaskRunner
from ui.views.clusters_view import ClustersView
from ui.views.document_viewer import DocumentViewer
from ui.views.image_viewer import ImageViewer
from ui.views.inspector import Inspector
from ui.views.items_view import ItemsView
from ui.views.navigator import Navigator, Target
from ui.views.page_viewer import PageViewer
from ui.views.tables_views import ImportErrorsView, SelectorsView
from workstation import casework, records

log = logging.getLogger(__name__)
MAX_VIEWER_TABS = 12


class MainWindow(Retranslatable, QMainWindow):
    """Signals:
    closed(): the window closed and the case with it.
    switch_case_requested(): the analyst chose File > Close case (back to the start window).
    """

    closed = Signal()
    switch_case_requested = Signal()

    def __init__(self, session: CaseSession, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.services: Services = build_services(session)
        self.services.dedup.threshold = settings.dedup_threshold
        self.undo_stack = QUndoStack(self)
        self.annotator = Annotator(session, self.services, self.undo_stack, self)
        self.runner = TaskRunner(self)
        self.import_task: Task | None = None
        self.dialogs: list[QDialog] = []
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.resize(1400, 860)

        self.model = ItemModel(session.case, session.reader, self)
        self.items_view = ItemsView(session, self.model, settings.thumbnail_size)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.items_view, self.tr("Items"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self._items_nav_key: str | None = "all"  # the navigator entry behind the grid's list, if any
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)
        self.clusters_view: ClustersView | None = None
        self.networks_view: QWidget | None = None
        self.selectors_view: SelectorsView | None = None
        self.errors_view: ImportErrorsView | None = None

        self.navigator = Navigator(session, self.services)
        nav_dock = QDockWidget(self.tr("Navigator"), self)
        nav_dock.setObjectName("navigatorDock")
        nav_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, nav_dock)
        self.inspector = Inspector(session, self.services, self.annotator)
        insp_dock = QDockWidget(self.tr("Inspector"), self)
        insp_dock.setObjectName("inspectorDock")
        insp_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, insp_dock)
        self.resizeDocks([nav_dock, insp_dock], [250, 380], Qt.Orientation.Horizontal)
        self.docks = (nav_dock, insp_dock)

        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(300)
        self._recount.timeout.connect(self.navigator.refresh)
        self._recount.timeout.connect(self._refresh_clusters_if_shown)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._apply_wellbeing()
        self.items_view.set_mode(settings.view_mode)
        self._restore_layout()
        self._update_title()
        self.items_view.set_query(ItemQuery(label=self.tr("All items")))
        # Counts start once the items are listed: on 2 cores, opening the window comes first.
        self.model.loaded.connect(self._first_load, Qt.ConnectionType.SingleShotConnection)
        self._update_service_actions()

    # -- construction ------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.selection_label = QLabel()
        self.safe_label = QLabel()
        self.safe_label.setObjectName("safeViewIndicator")
        self.task_label = QLabel()
        self.task_bar = QProgressBar()
        self.task_bar.setMaximumWidth(180)
        self.task_bar.setMaximumHeight(14)
        self.task_bar.hide()
        bar.addPermanentWidget(self.task_label)
        bar.addPermanentWidget(self.task_bar)
        bar.addPermanentWidget(self.safe_label)
        bar.addPermanentWidget(self.selection_label)

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        checkable: bool = False,
        tip: str = "",
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        a = self._action
        self.act_close_case = a(self.tr("&Close case"), self._close_case, QKeySequence.StandardKey.Close)
        self.act_case_details = a(self.tr("Case &details…"), self.edit_case_details)
        self.act_import_files = a(
            self.tr("&Import files…"),
            self.import_files,
            "Ctrl+I",
            tip=self.tr("Import seized images, saved pages, archives and documents"),
        )
        self.act_import_folder = a(self.tr("Import &folder…"), self.import_folder, "Ctrl+Shift+I")
        self.act_report = a(
            self.tr("&Report…"), self.make_report, "Ctrl+Shift+R", tip=self.tr("Court-ready PDF report")
        )
        self.act_send = a(self.tr("&Send to partner…"), self.send_to_partner)
        self.act_receive = a(self.tr("Rec&eive bundle…"), self.receive_bundle)
        self.act_verify = a(self.tr("&Verify integrity…"), self.verify_case)
        self.act_scan = a(
            self.tr("&Scan texts for indicators and selectors"),
            lambda: self.run_job("scan", self.tr("Scan for indicators and selectors"), self.tr("items")),
        )
        self.act_hash = a(
            self.tr("&Hash images for duplicate search"),
            lambda: self.run_job("dedup-hash", self.tr("Hash images"), self.tr("images")),
        )
        self.act_quit = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_settings = a(self.tr("&Settings…"), self.edit_settings, QKeySequence.StandardKey.Preferences)
        self.act_grid = a(self.tr("&Grid"), lambda: self.set_view_mode("grid"), "Ctrl+1", checkable=True)
        self.act_table = a(self.tr("&Table"), lambda: self.set_view_mode("table"), "Ctrl+2", checkable=True)
        group = QActionGroup(self)
        group.addAction(self.act_grid)
        group.addAction(self.act_table)
        self.act_bigger = a(self.tr("Larger thumbnails"), lambda: self._resize_thumbs(32), "Ctrl+=")
        self.act_smaller = a(self.tr("Smaller thumbnails"), lambda: self._resize_thumbs(-32), "Ctrl+-")
        self.act_safe = a(
            self.tr("&Safe view"),
            self.set_safe_view,
            "Ctrl+B",
            checkable=True,
            tip=self.tr("Blur and grey pictures until you reveal them"),
        )
        self.act_reveal = a(self.tr("Re&veal selected"), self.reveal_selected, "V")
        self.act_audit = a(self.tr("&Audit log…"), self.show_audit)
        self.act_close_tab = a(self.tr("Close viewer tab"), lambda: self.close_tab(self.tabs.currentIndex()), "Ctrl+W")
        self.act_next = a(self.tr("&Next item"), lambda: self.step(1), "J")
        self.act_prev = a(self.tr("&Previous item"), lambda: self.step(-1), "K")
        self.act_open = a(self.tr("&Open item"), self.open_current, "O")
        self.act_relevant = a(self.tr("Mark &relevant"), lambda: self.triage(casework.RELEVANT), "R")
        self.act_not_relevant = a(self.tr("Mark &not relevant"), lambda: self.triage(casework.NOT_RELEVANT), "X")
        self.act_clear_mark = a(self.tr("Clear triage mark"), lambda: self.triage(None), "U")
        self.act_tag = a(self.tr("Add &tag…"), self.tag_selected, "T")
        self.act_category = a(self.tr("Set &category…"), self.categorize_selected, "C")
        self.act_minor = a(
            self.tr("Mark as involving a &minor"), lambda: self.annotator.tag(self.selected(), MINOR_TAGS[0]), "M"
        )
        self.act_note = a(self.tr("Add n&ote…"), self.note_selected, "N")
        self.act_exhibit = a(self.tr("Add to &exhibits"), lambda: self.annotator.exhibit(self.selected(), True), "E")
        self.act_unexhibit = a(
            self.tr("Remove from exhibits"), lambda: self.annotator.exhibit(self.selected(), False), "Shift+E"
        )
        self.act_indicator = a(self.tr("&Indicator…"), self.indicator_selected, "I")
        self.act_shortcuts = a(
            self.tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.act_about = a(self.tr("&About"), self.show_about)
        self.indicator_actions: list[QAction] = []
        for n in range(1, 10):
            act = a("", lambda _=False, k=n: self.frequent_indicator(k), str(n))
            act.setVisible(False)
            self.indicator_actions.append(act)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        for act in (self.act_import_files, self.act_import_folder):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_report)
        m.addAction(self.act_send)
        m.addAction(self.act_receive)
        m.addSeparator()
        m.addAction(self.act_case_details)
        m.addAction(self.act_verify)
        m.addAction(self.act_close_case)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Edit"))
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        m.addAction(self.act_settings)
        m = bar.addMenu(self.tr("&View"))
        for act in (self.act_grid, self.act_table):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_bigger)
        m.addAction(self.act_smaller)
        m.addSeparator()
        m.addAction(self.act_safe)
        m.addAction(self.act_reveal)
        m.addSeparator()
        for dock in self.docks:
            m.addAction(dock.toggleViewAction())
        m.addSeparator()
        m.addAction(self.act_audit)
        m = bar.addMenu(self.tr("&Triage"))
        for act in (self.act_next, self.act_prev, self.act_open):
            m.addAction(act)
        m.addSeparator()
        for act in (self.act_relevant, self.act_not_relevant, self.act_clear_mark):
            m.addAction(act)
        m = bar.addMenu(self.tr("&Annotate"))
        for act in (self.act_tag, self.act_category, self.act_minor, self.act_note):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_exhibit)
        m.addAction(self.act_unexhibit)
        m.addSeparator()
        m.addAction(self.act_indicator)
        self.frequent_menu = m.addMenu(self.tr("Frequent indicators"))
        for act in self.indicator_actions:
            self.frequent_menu.addAction(act)
        m = bar.addMenu(self.tr("Anal&ysis"))
        m.addAction(self.act_scan)
        m.addAction(self.act_hash)
        m.addAction(self.tr("Networks, persons and platforms"), self.show_networks)
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setIconSize(QSize(18, 18))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_import_files, self.act_import_folder):
            tb.addAction(act)
        tb.addSeparator()
        for act in (self.act_relevant, self.act_not_relevant, self.act_exhibit, self.act_note):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.act_safe)
        tb.addAction(self.act_report)

    def _connect(self) -> None:
        self.navigator.target_selected.connect(self._on_navigator_target_selected)
        self.navigator.counts_updated.connect(self._on_navigator_counts_updated)
        self.items_view.current_changed.connect(self._on_items_current_changed)
        self.items_view.selection_changed.connect(self._on_items_selection_changed)
        self.items_view.activated.connect(self.open_item)
        self.items_view.files_dropped.connect(self.start_import)
        self.items_view.size_slider.valueChanged.connect(lambda v: setattr(self.settings, "thumbnail_size", v))
        self.inspector.item_requested.connect(self.go_to_item)
        self.inspector.open_requested.connect(self.open_item)
        self.inspector.revealed_items = self.model.revealed  # the same set: one reveal state per item
        self.inspector.reveal_changed.connect(lambda i, on: self.set_revealed([i], on))
        self.inspector.cluster_requested.connect(lambda cid: self.show_clusters().open_cluster(cid))
        self.session.annotations_changed.connect(self._on_session_annotations_changed)
        self.session.items_changed.connect(self._on_session_items_changed)
        self.annotator.problem.connect(self._on_annotator_problem)
        self.services.dedup.clusters_ready.connect(self._on_dedup_clusters_ready)
        self.model.loaded.connect(lambda _n: self._update_selection_label())

    # -- layout persistence ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.save_window_state("main", self.saveGeometry(), self.saveState())
        self.settings.view_mode = self.items_view.mode()
        self.settings.thumbnail_size = self.items_view.thumb_size()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        # Cancel is always safe (a committed batch stays, the one in flight rolls back), so
        # closing never has to wait for a long import to finish.
        self.runner.stop_all()
        for dialog in self.dialogs:
            dialog.close()
        self._recount.stop()
        self.model.closed = True  # answers still queued for the model are dropped
        self.session.close()
        event.accept()
        self.closed.emit()

    # -- titles and status -------------------------------------------------------------------------------
    def _update_title(self) -> None:
        meta = self.session.case.meta
        parts = [meta.get("title") or self.session.path.stem]
        if meta.get("case_number"):
            parts.append(meta["case_number"])
        self.setWindowTitle(" — ".join(parts) + " — " + self.tr("Evidence Workstation"))

    def _update_selection_label(self) -> None:
        """The status bar counts what the tab in front shows (not the grid's items on every tab)."""
        widget = self.tabs.currentWidget()
        if widget is not None and widget is self.selectors_view:
            n = widget.table.rowCount()
            self.selection_label.setText(self.tr("%1 selector(s)").replace("%1", f"{n:,}".replace(",", " ")))
            return
        if widget is not None and widget is self.errors_view:
            n = widget.table.rowCount()
            self.selection_label.setText(self.tr("%1 import error(s)").replace("%1", f"{n:,}".replace(",", " ")))
            return
        if widget is not None and widget is self.clusters_view:
            n = widget.list.count() if widget.stack.currentIndex() == 0 else 0
            self.selection_label.setText(self.tr("%1 cluster(s)").replace("%1", f"{n:,}".replace(",", " ")))
            return
        if widget is not None and widget is not self.items_view:
            self.selection_label.setText("")  # a viewer: the inspector describes its one item
            return
        n = len(self.items_view.selected_ids()) if self.items_view.current_id() is not None else 0
        total = self.model.rowCount()
        self.selection_label.setText(
            self.tr("%1 shown · %2 selected").replace("%1", f"{total:,}".replace(",", " ")).replace("%2", str(n))
        )

    def _navigator_key_shown(self) -> str | None:
        """The navigator entry of the tab in front (None for viewers and ad-hoc lists)."""
        widget = self.tabs.currentWidget()
        if widget is self.items_view:
            return self._items_nav_key
        if widget is not None and widget is self.clusters_view:
            return f"cluster:{widget.cluster.id}" if widget.cluster is not None else "clusters"
        if widget is not None and widget is self.selectors_view:
            return "selectors"
        if widget is not None and widget is self.errors_view:
            return "import_errors"
        return None

    def _on_annotator_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        QMessageBox.information(self, self.tr("Not changed"), message)

    # -- navigation ----------------------------------------------------------------------------------------
    def _on_navigator_target_selected(self, target: Target) -> None:
        if target.view == "items" and target.query is not None:
            self._items_nav_key = self.navigator.current_key()
            self.tabs.setCurrentWidget(self.items_view)
            self.items_view.set_query(target.query)
        elif target.view == "clusters":
            self.show_clusters()
        elif target.view == "cluster":
            self.show_clusters().open_cluster(int(target.key))
        elif target.view == "selectors":
            self.show_selectors()
        elif target.view == "import_errors":
            self.show_import_errors()

    def _on_navigator_counts_updated(self, counts: dict[str, Any]) -> None:
        self._update_service_actions()

    def show_items(self, ids: list[int], label: str) -> None:
        query = ItemQuery(ids=tuple(sorted(ids)), label=label)
        self._items_nav_key = None  # an ad-hoc list: no navigator entry stands for it
        self.tabs.setCurrentWidget(self.items_view)
        self.items_view.set_query(query)

    def _singleton_tab(self, attr: str, factory: Any, title: str) -> QWidget:
        view = getattr(self, attr)
        if view is None or self.tabs.indexOf(view) < 0:
            view = factory()
            setattr(self, attr, view)
            self.tabs.addTab(view, title)
        else:
            view.refresh()
        self.tabs.setCurrentWidget(view)
        return view

    def show_networks(self) -> QWidget:
        from ui.views.networks_view import NetworksPage

        def make() -> NetworksPage:
            page = NetworksPage(self.session.case)
            page.open_requested.connect(self.open_item)
            return page

        return self._singleton_tab("networks_view", make, self.tr("Networks"))

    def show_clusters(self) -> ClustersView:
        def make() -> ClustersView:
            view = ClustersView(self.session, self.services)
            view.safe_view = self.model.safe_view
            view.open_requested.connect(self.open_item)
            view.items_requested.connect(self.show_items)
            view.decided.connect(self._on_cluster_decided)
            view.cluster_shown.connect(self._on_clusters_view_cluster_shown)
            return view

        return self._singleton_tab("clusters_view", make, self.tr("Duplicate clusters"))  # type: ignore[return-value]

    def show_selectors(self) -> SelectorsView:
        def make() -> SelectorsView:
            view = SelectorsView(self.session, self.services)
            view.items_requested.connect(self.show_items)
            return view

        return self._singleton_tab("selectors_view", make, self.tr("Selectors"))  # type: ignore[return-value]

    def show_import_errors(self) -> ImportErrorsView:
        return self._singleton_tab(  # type: ignore[return-value]
            "errors_view", lambda: ImportErrorsView(self.session), self.tr("Import errors")
        )

    def _on_cluster_decided(self, cluster_id: int, item_id: int, decision: str) -> None:
        service = self.services.dedup
        text = self.tr("Cluster %1: %2").replace("%1", str(cluster_id)).replace("%2", decision)
        from ui.undo import CallbackCommand

        self.annotator.push(
            lambda: CallbackCommand(
                self.session,
                text,
                [item_id],
                do=lambda: service.decide(cluster_id, item_id, decision),  # type: ignore[attr-defined]
                undo=service.undo_decide,  # type: ignore[attr-defined]
            )
        )
        self.services.dedup.refresh()

    def _on_items_current_changed(self, item_id: int | None) -> None:
        self.inspector.show_items(self.items_view.selected_ids(), item_id)
        self._update_selection_label()

    def _on_items_selection_changed(self, ids: list[int]) -> None:
        self.inspector.show_items(ids, self.items_view.current_id())
        self._update_selection_label()

    def selected(self) -> list[int]:
        widget = self.tabs.currentWidget()
        item_id = getattr(widget, "item_id", None)
        if widget is not self.items_view and isinstance(item_id, int):
            return [item_id]  # in a viewer tab, keys act on the item shown
        return self.items_view.selected_ids()

    def step(self, delta: int) -> None:
        if self.tabs.currentWidget() is not self.items_view:
            self.tabs.setCurrentWidget(self.items_view)
        self.items_view.step(delta)

    def go_to_item(self, item_id: int) -> None:
        """Select an item in the browse view, switching to All items if the filter hides it."""
        self.tabs.setCurrentWidget(self.items_view)
        if self.items_view.select_id(item_id):
            return
        self.navigator.select("all")
        self.items_view.search.clear()
        self.items_view.set_query(ItemQuery(label=self.tr("All items")))

        def after(_n: int) -> None:
            self.model.loaded.disconnect(after)
            self.items_view.select_id(item_id)

        self.model.loaded.connect(after)

    # -- viewers -----------------------------------------------------------------------------------------
    def open_current(self) -> None:
        item_id = self.items_view.current_id()
        if item_id is not None:
            self.open_item(item_id)

    def viewer_for(self, item_id: int) -> QWidget | None:
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if getattr(widget, "item_id", None) == item_id:
                return widget
        return None

    def open_item(self, item_id: int) -> QWidget:
        existing = self.viewer_for(item_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        item = self.session.case.item(item_id)
        viewer: QWidget
        if item["kind"] in ("image", "frame"):  # a video's keyframe is a stored JPEG
            viewer = ImageViewer(
                self.session,
                self.services,
                self.annotator,
                item_id,
                safe_view=self.model.safe_view,
                blur_minors=self.model.blur_minors,
                revealed=item_id in self.model.revealed,  # a reveal in the grid carries into the viewer
            )
            viewer.reveal_changed.connect(lambda i, on: self.set_revealed([i], on))
        elif item["kind"] == "video":
            from ui.views.video_viewer import VideoViewer

            viewer = VideoViewer(
                self.session, item_id, safe_view=self.model.safe_view, blur_minors=self.model.blur_minors
            )
            viewer.frame_requested.connect(self.open_item)
        elif item["kind"] == "page":
            viewer = PageViewer(self.session, item_id)
            viewer.item_requested.connect(self.open_item)  # type: ignore[attr-defined]
        elif item["kind"] in ("conversation", "message"):
            return self.open_conversation(item_id)
        else:
            viewer = DocumentViewer(self.session, item_id)
        viewers = [i for i in range(1, self.tabs.count()) if hasattr(self.tabs.widget(i), "item_id")]
        if len(viewers) >= MAX_VIEWER_TABS:
            self.close_tab(viewers[0])
        name = item.get("original_name") or item.get("title") or f"#{item_id}"
        index = self.tabs.addTab(viewer, name if len(name) <= 28 else name[:25] + "…")
        self.tabs.setTabToolTip(index, name)
        self.tabs.setCurrentIndex(index)
        return viewer

    def _on_clusters_view_cluster_shown(self, cluster_id: int) -> None:
        if self.tabs.currentWidget() is self.clusters_view:
            self.navigator.follow(f"cluster:{cluster_id}")
            self._update_selection_label()

    def open_conversation(self, item_id: int) -> QWidget:
        """A conversation in the chat view; for a message, its conversation scrolled to it."""
        from ui.views.conversation_view import ConversationView
        from workstation.conversations import conversation_of

        where = conversation_of(self.session.case, item_id)
        conversation_id = where[0] if where is not None else item_id
        view = self.viewer_for(conversation_id)
        if not isinstance(view, ConversationView):
            view = ConversationView(self.session, conversation_id, safe_view=self.model.safe_view)
            view.items_requested.connect(self.show_items)
            view.open_requested.connect(self.open_item)
            title = view.record.title or f"#{conversation_id}"
            index = self.tabs.addTab(view, "💬 " + (title if len(title) <= 25 else title[:22] + "…"))
            self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentWidget(view)
        if where is not None:
            view.scroll_to_message(item_id)
        return view

    def _on_tabs_current_changed(self, _index: int) -> None:
        """The inspector follows the item of a viewer tab, and the grid's selection otherwise;
        the navigator highlights the entry of the tab in front, the status bar counts what it shows."""
        if hasattr(self, "navigator"):
            self.navigator.follow(self._navigator_key_shown())
        if hasattr(self, "selection_label"):
            self._update_selection_label()
        item_id = getattr(self.tabs.currentWidget(), "item_id", None)
        if isinstance(item_id, int):
            self.inspector.show_items([item_id], item_id)
        elif hasattr(self, "items_view"):
            self.inspector.show_items(self.items_view.selected_ids(), self.items_view.current_id())

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget is self.items_view:
            return
        self.tabs.removeTab(index)
        for attr in ("clusters_view", "selectors_view", "errors_view", "networks_view"):
            if getattr(self, attr) is widget:
                setattr(self, attr, None)
        widget.deleteLater()

    # -- annotation -----------------------------------------------------------------------------------------
    def triage(self, mark: str | None) -> None:
        ids = self.selected()
        if self.annotator.triage(ids, mark) and len(ids) == 1 and self.tabs.currentWidget() is self.items_view:
            self.items_view.step(1)  # triage flow: mark, move on

    def tag_selected(self) -> None:
        ids = self.selected()
        if not ids:
            return
        tags = [t for t, _ in records.all_tags(self.session.case) if t not in casework.TRIAGE_TAGS]
        tag, ok = QInputDialog.getItem(
            self, self.tr("Add tag"), self.tr("Tag for %1 item(s):").replace("%1", str(len(ids))), tags, 0, True
        )
        if ok and tag.strip():
            self.annotator.tag(ids, tag)

    def categorize_selected(self) -> None:
        ids = self.selected()
        if not ids:
            return
        existing = [
            t[len(casework.CATEGORY_PREFIX) :]
            for t, _ in records.all_tags(self.session.case)
            if t.startswith(casework.CATEGORY_PREFIX)
        ]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Set category"),
            self.tr("Category for %1 item(s):").replace("%1", str(len(ids))),
            existing or ["advert", "victim photo", "chat", "document", "irrelevant"],
            0,
            True,
        )
        if ok and name.strip():
            self.annotator.category(ids, name)

    def note_selected(self) -> None:
        ids = self.selected()
        if not ids:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Add note"), self.tr("Note for %1 item(s):").replace("%1", str(len(ids)))
        )
        if ok and text.strip():
            self.annotator.note(ids, text)

    def indicator_selected(self) -> None:
        ids = self.selected()
        service = self.services.indicators
        if not ids:
            return
        infos = service.taxonomy()
        labels = [f"{i.code} · {i.label}" for i in infos]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Indicator"),
            self.tr("Confirm indicator for %1 item(s):").replace("%1", str(len(ids))),
            labels,
            0,
            False,
        )
        if ok and choice:
            self.annotator.indicator(ids, infos[labels.index(choice)].code)

    def frequent_indicator(self, n: int) -> None:
        frequent = self.services.indicators.frequent(9)
        if 0 < n <= len(frequent):
            self.annotator.indicator(self.selected(), frequent[n - 1].code)

    def _update_service_actions(self) -> None:
        frequent = self.services.indicators.frequent(9)
        for n, act in enumerate(self.indicator_actions, 1):
            if n <= len(frequent):
                act.setText(f"{frequent[n - 1].code} · {frequent[n - 1].label}")
                act.setVisible(True)
                act.setEnabled(True)
            else:
                act.setVisible(False)
        self.frequent_menu.setEnabled(bool(frequent))

    def _first_load(self, _count: int) -> None:
        self.navigator.refresh()

    def _refresh_clusters_if_shown(self) -> None:
        if self.clusters_view is not None or self.services.dedup.ready():
            self.services.dedup.refresh()

    def _on_dedup_clusters_ready(self) -> None:
        if self.session.closed:
            return
        if self.clusters_view is not None:
            current = self.clusters_view.cluster.id if self.clusters_view.cluster else None
            self.clusters_view.refresh(keep_cluster=current)
        if self.inspector.item_id is not None and self.inspector.waiting_for_clusters:
            self.inspector.refresh()

    def _on_session_annotations_changed(self, ids: list[int]) -> None:
        self.model.refresh_items(ids)
        if self.inspector.item_id in ids or any(i in ids for i in self.inspector.selection):
            self.inspector.refresh()
        self._recount.start()

    def _on_session_items_changed(self) -> None:
        self.model.reload()
        self.navigator.refresh()
        self.services.dedup.refresh()
        if self.errors_view is not None:
            self.errors_view.refresh()
        if self.clusters_view is not None:
            self.clusters_view.refresh()
        if self.selectors_view is not None:
            self.selectors_view.refresh()

    # -- view options -------------------------------------------------------------------------------------
    def set_view_mode(self, mode: str) -> None:
        self.tabs.setCurrentWidget(self.items_view)
        self.items_view.set_mode(mode)
        self.act_grid.setChecked(mode == "grid")
        self.act_table.setChecked(mode == "table")
        self.settings.view_mode = mode

    def _resize_thumbs(self, delta: int) -> None:
        self.items_view.set_thumb_size(self.items_view.thumb_size() + delta)

    def _apply_wellbeing(self) -> None:
        s = self.settings
        variant = (VARIANT_BLUR if s.safe_view_blur else 0) | (VARIANT_GRAY if s.safe_view_grayscale else 0)
        self.model.blur_minors = s.blur_minors
        self.model.set_safe_view(s.safe_view, variant or VARIANT_BLUR)
        self.inspector.safe_view = s.safe_view
        self.inspector.blur_minors = s.blur_minors
        self.inspector.min_suggestion_score = s.suggestion_min_score
        self.act_safe.setChecked(s.safe_view)
        self.act_grid.setChecked(s.view_mode != "table")
        self.act_table.setChecked(s.view_mode == "table")
        self._update_safe_label()

    def set_safe_view(self, on: bool) -> None:
        self.settings.safe_view = bool(on)
        self.model.revealed.clear()
        self._apply_wellbeing()
        self.inspector.refresh()
        if self.clusters_view is not None:
            self.clusters_view.safe_view = bool(on)
        for i in range(1, self.tabs.count()):
            setter = getattr(self.tabs.widget(i), "set_safe_view", None)
            if callable(setter):
                setter(bool(on))

    def _update_safe_label(self) -> None:
        self.safe_label.setText(self.tr("SAFE VIEW") if self.model.safe_view else "")
        self.safe_label.setStyleSheet("color: #1e7b34; font-weight: 700;" if self.model.safe_view else "")

    def reveal_selected(self) -> None:
        """V: reveal (or hide again) the picture of the current viewer tab, else the grid's selection."""
        viewer = self.tabs.currentWidget()
        if isinstance(viewer, ImageViewer):
            self.set_revealed([viewer.item_id], not viewer.revealed())
            return
        ids = self.selected()
        if not ids:
            return
        self.set_revealed(ids, not all(i in self.model.revealed for i in ids))

    def set_revealed(self, ids: list[int], on: bool) -> None:
        """One reveal state per item, kept in step in the grid, the inspector and open viewers."""
        self.model.reveal(ids, on)
        for item_id in ids:
            viewer = self.viewer_for(item_id)
            if isinstance(viewer, ImageViewer):
                viewer.set_revealed(on)
        if self.inspector.item_id in ids:
            self.inspector.set_revealed(on)

    # -- long work ----------------------------------------------------------------------------------------
    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), str(Path.home()))
        if names:
            self.start_import(names)

    def import_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()))
        if name:
            self.start_import([name])

    def start_import(self, paths: list[str]) -> ProgressDialog | None:
        """Import in a worker with its own case connection; progress, rate, ETA and Cancel."""
        if self.import_task is not None:
            QMessageBox.information(self, self.tr("Import"), self.tr("An import is already running."))
            return None
        task = self.session.process_task("import", label="import", paths=[str(p) for p in paths])
        dialog = ProgressDialog(
            task, self.tr("Import"), self.tr("files"), summarize=self._summarize_import, parent=self
        )
        dialog.setObjectName("importDialog")
        self.import_task = task
        self._track(task, self.tr("Importing"))
        task.signals.finished.connect(self._on_import_finished)
        self.dialogs.append(dialog)
        dialog.show()
        self.runner.start(task)
        return dialog

    def _summarize_import(self, result: Any) -> tuple[str, list[tuple[str, str]]]:
        text = (
            self.tr("Imported %1 item(s); %2 exact duplicate(s); %3 already in the case; %4 problem(s).")
            .replace("%1", str(result.imported))
            .replace("%2", str(result.exact_duplicates))
            .replace("%3", str(result.already_imported))
            .replace("%4", str(len(result.errors)))
        )
        return text, [(e["path"], e["error"]) for e in result.errors]

    def _on_import_finished(self) -> None:
        self.import_task = None
        self.session.items_changed.emit()

    def _track(self, task: Task, label: str) -> None:
        """Show a running task in the status bar (the window stays usable)."""
        self.task_label.setText(label)
        self.task_bar.setRange(0, 0)
        self.task_bar.show()

        def progressed(done: int, total: int, _note: str) -> None:
            if total > 0:
                self.task_bar.setRange(0, total)
                self.task_bar.setValue(min(done, total))

        def finished() -> None:
            if not [t for t in self.runner.running() if t is not task]:
                self.task_bar.hide()
                self.task_label.setText("")

        task.signals.progressed.connect(progressed)
        task.signals.finished.connect(finished)

    def verify_case(self) -> ProgressDialog:
        task = self.session.process_task("verify", label="verify")

        def summarize(report: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
            if report["ok"]:
                text = self.tr("Intact: %1 original(s) re-hashed, %2 audit entries, chain head %3.")
            else:
                text = self.tr("PROBLEMS FOUND: %1 original(s) re-hashed, %2 audit entries, chain head %3.")
            text = (
                text.replace("%1", str(report["blobs_checked"]))
                .replace("%2", str(report["audit_entries"]))
                .replace("%3", str(report["audit_head"])[:16])
            )
            return text, [(p.get("sha256") or p["what"], p["problem"]) for p in report["problems"]]

        dialog = ProgressDialog(
            task, self.tr("Verify integrity"), self.tr("originals"), summarize=summarize, parent=self
        )
        self.dialogs.append(dialog)
        self._track(task, self.tr("Verifying"))
        dialog.show()
        self.runner.start(task)
        return dialog

    def run_job(self, job: str, title: str, unit: str) -> ProgressDialog:
        """A background job of ui.jobs with its progress dialog; views refresh when it ends."""
        task = self.session.process_task(job, label=job)

        def summarize(result: Any) -> tuple[str, list[tuple[str, str]]]:
            if hasattr(result, "to_json"):
                facts = result.to_json()
                text = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in facts.items() if v not in ("", None))
            else:
                text = str(result)
            return text, list(getattr(task, "warnings", []))

        dialog = ProgressDialog(task, title, unit, summarize=summarize, parent=self)
        dialog.setObjectName(f"{job}Dialog")
        self.dialogs.append(dialog)
        self._track(task, title)
        task.signals.finished.connect(self.session.items_changed.emit)
        dialog.show()
        self.runner.start(task)
        return dialog

    def make_report(self) -> QDialog | None:
        from ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(self.session, self.services, self.runner, self.items_view.selected_ids(), self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def send_to_partner(self) -> QDialog:
        from ui.dialogs.transfer_dialogs import ExportDialog

        dialog = ExportDialog(self.session, self.runner, self.items_view.selected_ids(), self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def receive_bundle(self) -> QDialog:
        from ui.dialogs.transfer_dialogs import ReceiveDialog, open_case_in_new_window

        dialog = ReceiveDialog(self.runner, self.session.case.analyst, self)
        dialog.open_requested.connect(open_case_in_new_window)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    # -- dialogs -----------------------------------------------------------------------------------------
    def edit_case_details(self) -> None:
        dialog = CaseMetaDialog(self.session.case, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._update_title()
            from zoneinfo import ZoneInfo

            self.model.zone = ZoneInfo(self.session.case.meta.get("timezone") or "UTC")
            self.model.refresh_items()
            self.inspector.refresh()
            self.session.meta_changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            # Qt sends one per translator removed or installed: retranslate once, afterwards.
            QTimer.singleShot(0, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Show the window in the language just chosen, without a restart."""
        if self.session.closed:
            return
        retranslate_tree(self)
        self.navigator.retranslate()
        self.inspector.refresh()
        self._update_selection_label()
        self._update_title()
        self._update_safe_label()

    def edit_settings(self) -> None:
        language = self.settings.language
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if self.settings.language != language:
                switch_language(QCoreApplication.instance(), self.settings.language)
            if self.settings.analyst and self.settings.analyst != self.session.case.analyst:
                self.session.case.analyst = self.settings.analyst
            self._apply_wellbeing()
            if self.services.dedup.threshold != self.settings.dedup_threshold:
                self.services.dedup.threshold = self.settings.dedup_threshold
                self.services.dedup.refresh()
                self.navigator.refresh()
            self.inspector.refresh()

    def show_audit(self) -> AuditDialog:
        dialog = AuditDialog(self.session, self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> None:
        rows = []
        for act in (
            self.act_next,
            self.act_prev,
            self.act_open,
            self.act_relevant,
            self.act_not_relevant,
            self.act_clear_mark,
            self.act_tag,
            self.act_category,
            self.act_minor,
            self.act_note,
            self.act_exhibit,
            self.act_unexhibit,
            self.act_indicator,
            self.act_reveal,
            self.act_safe,
            self.act_grid,
            self.act_table,
            self.act_undo,
            self.act_redo,
            self.act_import_files,
        ):
            rows.append(
                f"<tr><td><b>{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
                f"</td><td>{act.text().replace('&', '')}</td></tr>"
            )
        rows.append(f"<tr><td><b>1 … 9</b></td><td>{self.tr('Frequent indicators (Annotate menu)')}</td></tr>")
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "<table>" + "".join(rows) + "</table>")

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Evidence Workstation"),
            self.tr(
                "<b>Evidence Workstation</b><br>Offline review of captured web pages and seized images "
                "for human-trafficking investigations.<br><br>Case file: %1"
            ).replace("%1", str(self.session.path)),
        )

    def _close_case(self) -> None:
        self.switch_case_requested.emit()
        self.close()

    # -- drag and drop -----------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)


# Strings translated inside f-strings above, where lupdate cannot see them.
_EXTRACTED_FOR_LUPDATE = (QT_TRANSLATE_NOOP("MainWindow", "Frequent indicators (Annotate menu)"),)
