"""A chat as bubbles: senders, day separators, attachments (veiled in safe view), search, excerpts.

The list is a QListView over :class:`ConversationModel`, which knows the number of messages and
reads them a page (200 messages) at a time, only when a row of that page is painted: a
100,000-message chat opens at once and scrolls without reading what is not shown. Rows are of one
height (``setUniformItemSizes``), so the view never asks for every row's size; a bubble shows up
to three lines and the pane below it the whole message, its attachments and its selectors.

Signals:
    items_requested(list, str): show these items in the browse view (a selector's items).
    open_requested(int): open this item (an attachment) in its own viewer.
    searched(int): a search in the chat finished with this many matches.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.session import CaseSession
from workstation import conversations as chats
from workstation.conversations import MessageRecord

_tokens = itertools.count(8_000_000)
PAGE = 200
MAX_PAGES = 40  # pages kept in memory (8,000 messages); others are read again when shown
THUMB = 56
LINES = 3
MessageRole = Qt.ItemDataRole.UserRole + 1


class ConversationModel(QAbstractListModel):
    """The messages of one conversation, in chat order, read a page at a time."""

    def __init__(
        self, session: CaseSession, conversation_id: int, parent: Any = None, *, count: int | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.conversation_id = conversation_id
        self._count = chats.count_messages(session.case, conversation_id) if count is None else count
        self._pages: OrderedDict[int, list[MessageRecord]] = OrderedDict()
        self._thumbs: OrderedDict[int, QImage | None] = OrderedDict()
        self.pages_read = 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def index(
        self,
        row: int,
        column: int = 0,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # One Python call per index: Qt's own index() asks rowCount() and columnCount() each time,
        # and the list's layout asks for every row's index.
        if column == 0 and 0 <= row < self._count:
            return self.createIndex(row, 0)
        return QModelIndex()

    def message(self, row: int) -> MessageRecord | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        records = self._pages.get(page)
        if records is None:
            records = chats.list_messages(self.session.case, self.conversation_id, offset=page * PAGE, limit=PAGE)
            self.pages_read += 1
            self._pages[page] = records
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        index = row - page * PAGE
        return records[index] if index < len(records) else None

    def previous_day(self, row: int) -> str | None:
        before = self.message(row - 1) if row > 0 else None
        return None if before is None or not before.sent_at else before.sent_at[:10]

    def thumbnail(self, item_id: int) -> QImage | None:
        if item_id in self._thumbs:
            self._thumbs.move_to_end(item_id)
            return self._thumbs[item_id]
        data = self.session.case.thumbnail(item_id)
        image = QImage.fromData(data) if data else None
        if image is not None and image.isNull():
            image = None
        self._thumbs[item_id] = image
        while len(self._thumbs) > 400:
            self._thumbs.popitem(last=False)
        return image

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        msg = self.message(index.row())
        if msg is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{msg.sender or ''}: {msg.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return msg.text[:2000]
        if role == MessageRole:
            return msg
        return None


class BubbleDelegate(QStyledItemDelegate):
    """Paints one message as a bubble: own messages right, others left, system lines centred."""

    def __init__(self, view: ConversationView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(400, line * (LINES + 2) + 26)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model: ConversationModel = self.view.model
        msg = model.message(index.row())
        if msg is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        rect = option.rect
        palette = option.palette
        day = (msg.sent_at or "")[:10]
        top = rect.top() + 2
        if day and day != model.previous_day(index.row()):
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            label = f"— {day} —"
            painter.drawText(QRect(rect.left(), top, rect.width(), line), Qt.AlignmentFlag.AlignHCenter, label)
        top += line + 2
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        width = min(rect.width() - 40, 560)
        attachments = list(msg.attachments)
        if msg.system:
            box = QRect(rect.left() + (rect.width() - width) // 2, top, width, line * 2 + 8)
            colour = QColor(235, 235, 225)
        else:
            box = QRect(rect.left() + 10, top, width, line * (LINES + 1) + 12)
            if msg.from_me:
                box.moveRight(rect.right() - 10)
            colour = QColor(220, 248, 198) if msg.from_me else QColor(245, 245, 245)
        if selected:
            colour = palette.color(QPalette.ColorRole.Highlight).lighter(160)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(box), 8, 8)
        inner = box.adjusted(8, 4, -8, -4)
        if attachments:
            inner.setRight(inner.right() - THUMB - 6)
        painter.setPen(QColor(30, 30, 30))
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        if not msg.system:
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRect(inner.left(), inner.top(), inner.width() - 120, line),
                Qt.AlignmentFlag.AlignLeft,
                QFontMetrics(bold).elidedText(msg.sender or "", Qt.TextElideMode.ElideRight, inner.width() - 120),
            )
            painter.setFont(small)
            painter.setPen(QColor(110, 110, 110))
            stamp = (msg.sent_at or "").replace("T", " ").replace("Z", " UTC")
            painter.drawText(QRect(inner.right() - 150, inner.top(), 150, line), Qt.AlignmentFlag.AlignRight, stamp)
            body = QRect(inner.left(), inner.top() + line + 2, inner.width(), line * LINES)
            painter.setFont(option.font)
            painter.setPen(QColor(20, 20, 20))
        else:
            painter.setFont(small)
            body = inner
            painter.setPen(QColor(90, 90, 70))
        text = _clip(msg.text or (msg.event or ""), metrics, body.width(), LINES)
        painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)
        if attachments:
            thumb_box = QRect(box.right() - THUMB - 6, box.top() + 6, THUMB, THUMB)
            image = model.thumbnail(attachments[0])
            if image is not None:
                shown = image.scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
                if self.view.safe_view:
                    # safe view: the picture is reduced to a few coloured blocks until revealed
                    shown = image.scaled(6, 6).scaled(shown.width(), shown.height())
                painter.drawImage(thumb_box.topLeft(), shown)
            else:
                painter.setBrush(QColor(200, 200, 200))
                painter.drawRoundedRect(QRectF(thumb_box), 4, 4)
            if len(attachments) > 1:
                painter.setPen(QColor(60, 60, 60))
                painter.drawText(
                    thumb_box, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, f"+{len(attachments) - 1}"
                )
        painter.restore()


def _clip(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """At most ``lines`` short lines of ``text`` (the rest is in the pane below)."""
    parts = text.split("\n")
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] += " …"
    limit = max(10, width * lines // max(1, metrics.averageCharWidth()))
    joined = "\n".join(parts)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


class ConversationView(QWidget):
    """One conversation: bubbles, search in the chat, the message pane, excerpt as exhibit."""

    items_requested = Signal(list, str)
    open_requested = Signal(int)
    searched = Signal(int)

    def __init__(
        self, session: CaseSession, conversation_id: int, *, safe_view: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = conversation_id
        self.safe_view = safe_view
        self.record = chats.conversation(session.case, conversation_id)
        self.model = ConversationModel(session, conversation_id, self, count=self.record.messages)
        self._hits: list[int] = []
        self._hit = -1
        self._query: str | None = None
        self._token = next(_tokens)
        session.reader.signals.query_done.connect(self._on_reader_done)

        header = QLabel(self._header_text())
        header.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search in this chat (Enter: next match)"))
        self.search.returnPressed.connect(self.find_next)
        self.hits_label = QLabel("")
        self.excerpt_button = QPushButton(self.tr("Add selected messages as an exhibit"))
        self.excerpt_button.clicked.connect(self.add_excerpt)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.hits_label)
        bar.addWidget(self.excerpt_button)

        self.list = QListView()
        # Set before the model: each of these lays out every row again.
        self.list.setUniformItemSizes(True)
        # The list still visits every row once to lay it out (two index() calls per row): in
        # batches, between which the window keeps painting and answering.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(1000)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setItemDelegate(BubbleDelegate(self))
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.selectors = QListWidget()
        self.selectors.itemActivated.connect(self._on_selectors_item_activated)
        self.attachments = QListWidget()
        self.attachments.itemActivated.connect(self._on_attachments_item_activated)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Selectors in this message (double-click: all items)")))
        side_layout.addWidget(self.selectors)
        side_layout.addWidget(QLabel(self.tr("Attachments (double-click: open)")))
        side_layout.addWidget(self.attachments)
        lower.addWidget(side)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(lower)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _header_text(self) -> str:
        r = self.record
        people = ", ".join(r.participants[:6]) + (" …" if len(r.participants) > 6 else "")
        zone = r.zone or self.tr("times from the source in UTC")
        return (
            self.tr("%1 chat “%2”: %3 messages, %4 – %5. Participants: %6. Local times read in: %7.")
            .replace("%1", {"whatsapp": "WhatsApp", "telegram": "Telegram"}.get(r.platform, r.platform))
            .replace("%2", r.title or "")
            .replace("%3", str(r.messages))
            .replace("%4", r.first or "?")
            .replace("%5", r.last or "?")
            .replace("%6", people)
            .replace("%7", zone)
        )

    def refresh(self) -> None:
        self.list.viewport().update()

    def set_safe_view(self, on: bool) -> None:
        self.safe_view = on
        self.list.viewport().update()

    def scroll_to_message(self, message_id: int) -> None:
        where = chats.conversation_of(self.session.case, message_id)
        if where is not None and where[0] == self.item_id:
            self._select_row(where[1])

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.list.setCurrentIndex(index)

    def find_next(self) -> None:
        """Next match of the search text; a new text is searched on the reader thread first."""
        query = self.search.text()
        if not query.strip():
            self._hits, self._hit, self._query = [], -1, None
            self.hits_label.setText("")
            return
        if self._query != query:
            self._query = None
            self._token = next(_tokens)
            self.hits_label.setText(self.tr("searching…"))
            conversation_id = self.item_id
            self.session.reader.call(
                f"chat-search:{conversation_id}",
                self._token,
                lambda case: (query, chats.find_in_conversation(case, conversation_id, query)),
            )
            return
        self._show_next_hit()

    def _on_reader_done(self, token: int, result: object) -> None:
        if token != self._token or not isinstance(result, tuple):
            return
        self._query, self._hits = result[0], list(result[1])
        self._hit = -1
        self._show_next_hit()
        self.searched.emit(len(self._hits))

    def _show_next_hit(self) -> None:
        if not self._hits:
            self.hits_label.setText(self.tr("no match"))
            return
        self._hit = (self._hit + 1) % len(self._hits)
        self.hits_label.setText(f"{self._hit + 1}/{len(self._hits)}")
        self._select_row(self._hits[self._hit])

    def selected_message_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedIndexes())
        out = []
        for row in rows:
            msg = self.model.message(row)
            if msg is not None:
                out.append(msg.id)
        return out

    def add_excerpt(self) -> None:
        ids = self.selected_message_ids()
        if not ids:
            QMessageBox.information(self, self.tr("Chat excerpt"), self.tr("Select the messages first."))
            return
        excerpt = chats.add_excerpt(self.session.case, ids)
        self.session.notify_annotations([self.item_id])
        QMessageBox.information(
            self,
            self.tr("Chat excerpt"),
            self.tr("%1 message(s) added to the report as exhibit %2.")
            .replace("%1", str(len(excerpt.message_ids)))
            .replace("%2", str(excerpt.exhibit_number)),
        )

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        msg = self.model.message(current.row()) if current.isValid() else None
        self.selectors.clear()
        self.attachments.clear()
        if msg is None:
            self.detail.clear()
            return
        system = self.tr("(system)")
        local = self.tr("as written")
        lines = [
            msg.sender or system,
            f"{msg.sent_at or '?'}  ({local}: {msg.local_time or '?'} {msg.zone or ''} {msg.time_note or ''})",
            f"SHA-256 {msg.sha256}",
        ]
        if msg.reply_to:
            lines.append(self.tr("in reply to %1").replace("%1", msg.reply_to))
        if msg.forwarded:
            lines.append(self.tr("forwarded"))
        self.detail.setPlainText("\n".join(lines) + "\n\n" + msg.text)
        for sel in chats.selectors_of_message(self.session.case, msg.id):
            item = QListWidgetItem(f"{sel.kind}: {sel.value}")
            item.setData(Qt.ItemDataRole.UserRole, (sel.kind, sel.value))
            self.selectors.addItem(item)
        for att in chats.attachments_of(self.session.case, [msg.id]):
            item = QListWidgetItem(f"#{att.id} {att.original_name or ''} ({att.kind})")
            item.setData(Qt.ItemDataRole.UserRole, att.id)
            self.attachments.addItem(item)

    def _on_selectors_item_activated(self, item: QListWidgetItem) -> None:
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        ids = chats.items_with_selector(self.session.case, kind, value)
        self.items_requested.emit(ids, f"{kind}: {value}")

    def _on_attachments_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
