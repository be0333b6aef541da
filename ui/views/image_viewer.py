"""Image viewer: zoom, pan, fit; draw a region and attach an indicator and a note to it.

The original is decoded on the reader thread (a 20-megapixel JPEG takes longer than a frame),
with EXIF orientation applied and Qt's allocation limit guarding against decompression bombs.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.annotator import Annotator
from ui.i18n import Retranslatable
from ui.reader import VARIANT_BLUR, VARIANT_GRAY, safe_image
from ui.services import Services
from ui.session import CaseSession
from ui.settings import MINOR_TAGS
from workstation import records
from workstation.case import Case

_tokens = itertools.count(5_000_000)
REGION_NOTE = re.compile(r"^\[region (\d+),(\d+),(\d+),(\d+)\]\s*")
ALLOCATION_LIMIT_MB = 1024


def decode_original(case: Case, sha256: str) -> QImage:
    """Decode a stored original upright (EXIF orientation), refusing absurd sizes."""
    data = QByteArray(case.blobs.read(sha256))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    image = reader.read()
    buffer.close()
    return image


def region_note(region: tuple[int, int, int, int], text: str) -> str:
    x, y, w, h = region
    return f"[region {x},{y},{w},{h}] {text}".strip()


class ImageCanvas(QGraphicsView):
    """Zoom with the wheel around the cursor, pan by dragging, draw regions in draw mode.

    Signals:
        region_drawn(x, y, w, h): in image pixels.
        zoom_changed(factor)
    """

    region_drawn = Signal(int, int, int, int)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor(48, 48, 48)))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.drawing = False
        self._origin: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None
        self._regions: list[Any] = []
        self.fit_mode = True

    def set_image(self, image: QImage) -> None:
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(self.pixmap_item.boundingRect()))
        self.fit()

    def image_size(self) -> tuple[int, int]:
        pixmap = self.pixmap_item.pixmap()
        return pixmap.width(), pixmap.height()

    def fit(self) -> None:
        self.fit_mode = True
        if not self.pixmap_item.pixmap().isNull():
            self.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.transform().m11())

    def actual_size(self) -> None:
        self.fit_mode = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        target = max(0.02, min(32.0, current * factor))
        self.fit_mode = False
        self.scale(target / current, target / current)
        self.zoom_changed.emit(target)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.25**steps)
        event.accept()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def set_drawing(self, on: bool) -> None:
        self.drawing = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if self.drawing and event.button() == Qt.MouseButton.LeftButton:
            self._origin = self._clamp(self.mapToScene(event.position().toPoint()))
            self._rubber = QGraphicsRectItem(QRectF(self._origin, self._origin))
            self._rubber.setPen(QPen(QColor(255, 170, 0), 0, Qt.PenStyle.DashLine))
            self._rubber.setBrush(QColor(255, 170, 0, 40))
            self.scene().addItem(self._rubber)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        if self.drawing and self._origin is not None and self._rubber is not None:
            point = self._clamp(self.mapToScene(event.position().toPoint()))
            self._rubber.setRect(QRectF(self._origin, point).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        if self.drawing and self._origin is not None and self._rubber is not None:
            rect = self._rubber.rect().toRect()
            self.scene().removeItem(self._rubber)
            self._rubber, self._origin = None, None
            if rect.width() >= 3 and rect.height() >= 3:
                self.region_drawn.emit(rect.x(), rect.y(), rect.width(), rect.height())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _clamp(self, point: QPointF) -> QPointF:
        rect = self.pixmap_item.boundingRect()
        return QPointF(min(max(point.x(), rect.left()), rect.right()), min(max(point.y(), rect.top()), rect.bottom()))

    def show_regions(self, regions: list[tuple[tuple[int, int, int, int], str]]) -> None:
        for item in self._regions:
            self.scene().removeItem(item)
        self._regions = []
        for (x, y, w, h), label in regions:
            box = QGraphicsRectItem(QRectF(x, y, w, h))
            box.setPen(QPen(QColor(255, 140, 0), 0))
            box.setBrush(QColor(255, 140, 0, 30))
            box.setToolTip(label)
            self.scene().addItem(box)
            self._regions.append(box)
            if label:
                tag = region_label(label)
                tag.setPos(x, y)
                self.scene().addItem(tag)
                self._regions.append(tag)


def region_label(label: str) -> QGraphicsRectItem:
    """A region's label as dark text-on-light box, readable over any picture at any zoom.

    Thin coloured text straight on the photo vanished over light or busy backgrounds.
    """
    text = QGraphicsSimpleTextItem(label if len(label) <= 60 else label[:59] + "…")
    font = QFont(text.font())
    font.setBold(True)
    text.setFont(font)
    text.setBrush(QColor(20, 20, 20))
    bounds = text.boundingRect()
    box = QGraphicsRectItem(QRectF(0, 0, bounds.width() + 8, bounds.height() + 4))
    box.setBrush(QColor(255, 196, 64, 235))
    box.setPen(QPen(QColor(120, 70, 0), 0))
    box.setFlag(box.GraphicsItemFlag.ItemIgnoresTransformations)  # same size whatever the zoom
    box.setToolTip(label)
    text.setParentItem(box)
    text.setPos(4, 2)
    box.setZValue(2)
    return box


class RegionDialog(QDialog):
    """Attach an indicator (when the taxonomy is available) and a note to a drawn region."""

    def __init__(self, services: Services, region: tuple[int, int, int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate region"))
        self.region = region
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Region (x, y, w, h):"), QLabel(", ".join(str(v) for v in region)))
        self.indicator = QComboBox()
        self.indicator.setObjectName("regionIndicator")
        self.indicator.addItem(self.tr("(no indicator, note only)"), "")
        for info in services.indicators.taxonomy():
            self.indicator.addItem(f"{info.code} · {info.label}", info.code)
        form.addRow(self.tr("Indicator:"), self.indicator)
        self.note = QPlainTextEdit()
        self.note.setObjectName("regionNote")
        self.note.setPlaceholderText(self.tr("What is in this region, and why it matters"))
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def code(self) -> str:
        return str(self.indicator.currentData() or "")

    def text(self) -> str:
        return self.note.toPlainText().strip()


class ImageViewer(Retranslatable, QWidget):
    """One image item in a tab.

    Signals:
        loaded(): the original is decoded and shown.
        reveal_changed(item_id, on): the analyst revealed (or hid again) this picture here.
    """

    loaded = Signal()
    reveal_changed = Signal(int, bool)

    def __init__(
        self,
        session: CaseSession,
        services: Services,
        annotator: Annotator,
        item_id: int,
        safe_view: bool = False,
        blur_minors: bool = True,
        parent: QWidget | None = None,
        revealed: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        self.annotator = annotator
        self.item_id = item_id
        self.item = session.case.item(item_id)
        tags = records.tags_of(session.case, item_id)
        self.hidden = safe_view or (blur_minors and any(t in MINOR_TAGS for t in tags))
        self.image = QImage()
        self.region_dialog_factory = RegionDialog  # tests replace it to answer the dialog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        layout.addWidget(self.toolbar)
        self.canvas = ImageCanvas()
        self.canvas.setObjectName("imageCanvas")
        layout.addWidget(self.canvas, 1)
        self.status = QLabel(self.tr("Loading the original…"))
        self.status.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.status)

        def action(
            text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Any, checkable: bool = False
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            self.addAction(act)
            return act

        action(self.tr("Fit"), "F", self.canvas.fit)
        action(self.tr("100%"), "Ctrl+0", self.canvas.actual_size)
        action(self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, lambda: self.canvas.zoom(1.25))
        action(self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, lambda: self.canvas.zoom(0.8))
        self.toolbar.addSeparator()
        self.draw_action = action(self.tr("Draw region"), "D", self.canvas.set_drawing, checkable=True)
        # No shortcut of its own: V is the window's "Reveal selected", which acts on this viewer while
        # it is the current tab (two actions on one key made Qt ignore the key as ambiguous).
        self.reveal_action = action(self.tr("Reveal"), None, self._on_reveal, checkable=True)
        self.reveal_action.setToolTip(self.tr("Show this picture unblurred (V)"))
        self.reveal_action.setVisible(self.hidden)
        self.reveal_action.setChecked(revealed)
        self._label_reveal()
        self.canvas.region_drawn.connect(self._on_canvas_region_drawn)
        self.canvas.zoom_changed.connect(self._on_canvas_zoom_changed)
        session.annotations_changed.connect(self._on_annotations_changed)
        self._token = next(_tokens)
        session.reader.signals.query_done.connect(self._on_reader_done)
        sha = self.item["sha256"]
        session.reader.call(f"viewer:{item_id}", self._token, lambda case: decode_original(case, sha))

    def _on_reader_done(self, token: int, image: object) -> None:
        if token != self._token:
            return
        if not isinstance(image, QImage) or image.isNull():
            self.status.setText(self.tr("This image cannot be displayed (damaged, unsupported or too large)."))
            return
        self.image = image
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        shown = (
            safe_image(self.image, VARIANT_BLUR | VARIANT_GRAY)
            if self.hidden and not self.reveal_action.isChecked()
            else self.image
        )
        self.canvas.set_image(shown)
        self._show_regions()
        self._on_canvas_zoom_changed(self.canvas.transform().m11())

    def revealed(self) -> bool:
        return self.reveal_action.isChecked()

    def set_revealed(self, on: bool) -> None:
        """Reveal or hide again without announcing it (the window keeps grid, inspector and tabs in step)."""
        if self.reveal_action.isChecked() != on:
            self.reveal_action.setChecked(on)
            self._refresh_reveal()

    def _label_reveal(self) -> None:
        self.reveal_action.setText(self.tr("Hide again") if self.reveal_action.isChecked() else self.tr("Reveal"))

    def _refresh_reveal(self) -> None:
        self._label_reveal()
        if not self.image.isNull():
            self._show()

    def _on_reveal(self, on: bool) -> None:
        self._refresh_reveal()
        self.reveal_changed.emit(self.item_id, bool(on))

    def _on_canvas_zoom_changed(self, factor: float) -> None:
        if self.image.isNull():
            return
        hidden = self.hidden and not self.reveal_action.isChecked()
        self.status.setText(
            f"{self.item.get('original_name') or ''} · {self.image.width()} × {self.image.height()} px · "
            f"{factor * 100:.0f}%" + (" · " + self.tr("safe view: press V to reveal") if hidden else "")
        )

    def regions(self) -> list[tuple[tuple[int, int, int, int], str]]:
        out: list[tuple[tuple[int, int, int, int], str]] = []
        for ann in self.services.indicators.for_item(self.item_id):
            if ann.region and ann.status != "rejected":
                out.append((ann.region, f"{ann.code} {ann.note}".strip()))
        for note in records.notes_of(self.session.case, self.item_id):
            match = REGION_NOTE.match(note.text)
            if match:
                region = tuple(int(v) for v in match.groups())
                out.append((region, note.text[match.end() :]))  # type: ignore[arg-type]
        return out

    def _show_regions(self) -> None:
        self.canvas.show_regions(self.regions())

    def _on_annotations_changed(self, ids: list[int]) -> None:
        if self.item_id in ids and not self.image.isNull():
            self._show_regions()

    def _on_canvas_region_drawn(self, x: int, y: int, w: int, h: int) -> None:
        region = (x, y, w, h)
        dialog = self.region_dialog_factory(self.services, region, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.annotate_region(region, dialog.code(), dialog.text())

    def annotate_region(self, region: tuple[int, int, int, int], code: str, text: str) -> bool:
        """Store a region: with an indicator when one was chosen, else as a note with its box."""
        if code:
            return self.annotator.indicator([self.item_id], code, note=text, region=region)
        return self.annotator.note([self.item_id], region_note(region, text or self.tr("(region)")))
