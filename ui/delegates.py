"""Painting one grid cell: thumbnail (or a kind glyph), caption, badges and the safe-view veil."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workstation.casework import NOT_RELEVANT, RELEVANT

KIND_GLYPHS = {"page": "HTML", "document": "PDF", "file": "FILE", "image": "IMG"}
KIND_COLOURS = {
    "page": QColor(52, 101, 164),
    "document": QColor(164, 52, 52),
    "file": QColor(100, 100, 100),
    "image": QColor(80, 120, 80),
}
EXHIBIT = QColor(31, 97, 141)
INDICATOR = QColor(202, 111, 30)
RELEVANT_C = QColor(46, 139, 87)
NOT_RELEVANT_C = QColor(128, 128, 128)


class ThumbnailDelegate(QStyledItemDelegate):
    """Grid cell of a fixed size (the view uses uniform item sizes) for a 100,000-item grid."""

    def __init__(self, parent: QWidget | None = None, size: int = 160) -> None:
        super().__init__(parent)
        self.thumb_size = size

    def set_thumb_size(self, size: int) -> None:
        self.thumb_size = size

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(self.thumb_size + 16, self.thumb_size + line + 18)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # One Python call for everything this cell shows (not one data() round trip per role).
        cell = index.model().cell(index.row())  # type: ignore[attr-defined]
        if cell is None:  # its page is being read: a quiet placeholder for a few milliseconds
            box = QRect(option.rect.left() + 8, option.rect.top() + 8, self.thumb_size, self.thumb_size)
            painter.fillRect(box.intersected(option.rect.adjusted(3, 3, -3, -3)), option.palette.midlight())
            return
        data, image, hidden = cell
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(QRectF(rect), 6, 6)

        size = self.thumb_size
        box = QRect(rect.left() + (rect.width() - size) // 2, rect.top() + 5, size, size)
        kind = data.kind or "file"
        if isinstance(image, QImage) and not image.isNull():
            ratio = image.devicePixelRatio() or 1.0
            size_px = QSize(round(image.width() / ratio), round(image.height() / ratio))
            target = _fit(size_px, box) if size_px.width() > size or size_px.height() > size else _centre(size_px, box)
            painter.drawImage(target, image)
            if hidden:
                self._veil_badge(painter, target)
        elif data.has_thumbnail:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(QRectF(box.adjusted(8, 8, -8, -8)), 4, 4)
        else:
            self._glyph(painter, box, kind)

        # caption
        line = QFontMetrics(option.font).height()
        text_rect = QRect(rect.left() + 4, box.bottom() + 5, rect.width() - 8, line)
        name = data.name
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.setFont(option.font)
        elided = QFontMetrics(option.font).elidedText(name, Qt.TextElideMode.ElideMiddle, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, elided)

        # badges
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        small.setBold(True)
        painter.setFont(small)
        exhibit = data.exhibit
        if exhibit is not None:
            _pill(painter, box.topLeft().x() + 2, box.top() + 2, f"E{exhibit}", EXHIBIT, small)
        tags = data.tags
        x_right = box.right() - 2
        if RELEVANT in tags:
            x_right = _pill_right(painter, x_right, box.top() + 2, "✓", RELEVANT_C, small)
        elif NOT_RELEVANT in tags:
            x_right = _pill_right(painter, x_right, box.top() + 2, "✕", NOT_RELEVANT_C, small)
        indicators = data.indicators
        bottom = box.bottom() - QFontMetrics(small).height() - 4
        x_right = box.right() - 2
        if indicators:
            x_right = _pill_right(painter, x_right, bottom, f"! {indicators}", INDICATOR, small)
        notes = data.notes
        if notes:
            _pill_right(painter, x_right, bottom, f"✎ {notes}", QColor(90, 90, 90), small)
        painter.restore()

    def _glyph(self, painter: QPainter, box: QRect, kind: str) -> None:
        inner = box.adjusted(box.width() // 5, box.height() // 8, -box.width() // 5, -box.height() // 8)
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["file"])
        path = QPainterPath()
        path.addRoundedRect(QRectF(inner), 6, 6)
        painter.fillPath(path, QColor(colour.red(), colour.green(), colour.blue(), 40))
        painter.setPen(QPen(colour, 1.5))
        painter.drawPath(path)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(10, inner.width() // 4))
        painter.setFont(font)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, KIND_GLYPHS.get(kind, kind.upper()[:4]))

    def _veil_badge(self, painter: QPainter, target: QRect) -> None:
        font = painter.font()
        font.setPixelSize(max(9, target.height() // 9))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        label = "◌ " + QFontMetrics(font).elidedText(
            self.tr("hidden"), Qt.TextElideMode.ElideRight, target.width() - 20
        )
        w = metrics.horizontalAdvance(label) + 12
        h = metrics.height() + 4
        badge = QRect(target.center().x() - w // 2, target.center().y() - h // 2, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 140))
        painter.drawRoundedRect(QRectF(badge), h / 2, h / 2)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)


def _centre(size: QSize, box: QRect) -> QRect:
    return QRect(
        box.left() + (box.width() - size.width()) // 2,
        box.top() + (box.height() - size.height()) // 2,
        size.width(),
        size.height(),
    )


def _fit(size: QSize, box: QRect) -> QRect:
    if size.isEmpty():
        return box
    scaled = size.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(
        box.left() + (box.width() - scaled.width()) // 2,
        box.top() + (box.height() - scaled.height()) // 2,
        scaled.width(),
        scaled.height(),
    )


def _pill(painter: QPainter, x: int, y: int, text: str, colour: QColor, font: QFont) -> int:
    metrics = QFontMetrics(font)
    w = metrics.horizontalAdvance(text) + 10
    h = metrics.height() + 2
    rect = QRect(x, y, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(rect), h / 2, h / 2)
    painter.setPen(QColor(255, 255, 255))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return x + w + 3


def _pill_right(painter: QPainter, right: int, y: int, text: str, colour: QColor, font: QFont) -> int:
    metrics = QFontMetrics(font)
    w = metrics.horizontalAdvance(text) + 10
    _pill(painter, right - w, y, text, colour, font)
    return right - w - 3
