"""Video viewer: the stored keyframes as a strip, the chosen frame large, safe view, frame as exhibit.

The keyframes were decoded once at import (in the decoder sandbox) and stored in the case as
frame items; this viewer decodes their JPEGs on the reader thread, never on the GUI thread, and
never plays the original (no codec runs in the window process).
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QToolBar, QVBoxLayout, QWidget

from ui.reader import VARIANT_BLUR, VARIANT_GRAY, safe_image
from ui.session import CaseSession
from ui.settings import MINOR_TAGS
from workstation import records
from workstation.case import Case

_tokens = itertools.count(6_000_000)
STRIP_ICON = QSize(160, 90)


def load_video(case: Case, item_id: int) -> tuple[Any, list[tuple[Any, QImage]]]:
    """On the reader thread: the video's record and its keyframes decoded from the case."""
    from workstation.video import service

    info = service.video_info(case, item_id)
    frames: list[tuple[Any, QImage]] = []
    if info is not None:
        for key in info.keyframes:
            image = QImage.fromData(case.blobs.read(key.sha256))
            frames.append((key, image))
    return info, frames


class VideoViewer(QWidget):
    """Signals:
    loaded(): the keyframes are decoded and shown.
    frame_requested(int): the analyst asked to open a keyframe item on its own.
    """

    loaded = Signal()
    frame_requested = Signal(int)

    def __init__(
        self,
        session: CaseSession,
        item_id: int,
        safe_view: bool = False,
        blur_minors: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = item_id
        self.item = session.case.item(item_id)
        tags = records.tags_of(session.case, item_id)
        self.hidden = safe_view or (blur_minors and any(t in MINOR_TAGS for t in tags))
        self.info: Any = None
        self.frames: list[tuple[Any, QImage]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        layout.addWidget(self.toolbar)
        self.picture = QLabel(self.tr("Loading the keyframes…"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 180)
        layout.addWidget(self.picture, 1)
        self.strip = QListWidget()
        self.strip.setObjectName("keyframeStrip")
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(STRIP_ICON)
        self.strip.setFixedHeight(STRIP_ICON.height() + 44)
        self.strip.currentRowChanged.connect(self._on_row)
        self.strip.itemDoubleClicked.connect(lambda _i: self._open_frame())
        layout.addWidget(self.strip)
        self.status = QLabel("")
        self.status.setContentsMargins(6, 2, 6, 2)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        def action(text: str, shortcut: str, slot: Any, checkable: bool = False) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            self.addAction(act)
            return act

        self.reveal_action = action(self.tr("Reveal"), "V", lambda _on: self._refresh(), checkable=True)
        self.reveal_action.setVisible(self.hidden)
        self.exhibit_action = action(self.tr("Frame as exhibit"), "E", lambda: self.mark_exhibit())
        self.open_action = action(self.tr("Open frame"), "Return", lambda: self._open_frame())
        self._token = next(_tokens)
        session.reader.signals.query_done.connect(self._on_reader_done)
        session.reader.call(f"video:{item_id}", self._token, lambda case: load_video(case, item_id))

    # -- loading ---------------------------------------------------------------------------------
    def _on_reader_done(self, token: int, result: object) -> None:
        if token != self._token or not isinstance(result, tuple):
            return
        self.info, self.frames = result
        self.strip.clear()
        for key, _image in self.frames:
            entry = QListWidgetItem(key.timecode_text)
            entry.setData(Qt.ItemDataRole.UserRole, key.id)
            entry.setToolTip(self._frame_tip(key))
            self.strip.addItem(entry)
        self._refresh()
        if self.frames:
            self.strip.setCurrentRow(0)
        else:
            self.picture.setText(self.tr("No keyframes were stored for this video."))
        self.loaded.emit()

    def _frame_tip(self, key: Any) -> str:
        lines = [key.timecode_text]
        if key.ocr_text:
            lines.append(key.ocr_text[:200])
        lines += [f"{s['kind']}: {s['value']}" for s in key.selectors]
        return "\n".join(lines)

    def _concealed(self) -> bool:
        return self.hidden and not self.reveal_action.isChecked()

    def _shown(self, image: QImage) -> QImage:
        return safe_image(image, VARIANT_BLUR | VARIANT_GRAY) if self._concealed() else image

    def _refresh(self) -> None:
        for row, (_key, image) in enumerate(self.frames):
            icon = QPixmap.fromImage(self._shown(image)).scaled(
                STRIP_ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self.strip.item(row).setIcon(QIcon(icon))
        self._on_row(self.strip.currentRow())

    def _on_row(self, row: int) -> None:
        if not (0 <= row < len(self.frames)):
            return
        key, image = self.frames[row]
        pixmap = QPixmap.fromImage(self._shown(image))
        size = self.picture.size()
        self.picture.setPixmap(
            pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        video = (self.info.metadata.get("video") or {}) if self.info else {}
        parts = [f"{self.item.get('original_name') or ''}", self.tr("frame at %1").replace("%1", key.timecode_text)]
        if video.get("duration"):
            parts.append(self.tr("duration %1 s").replace("%1", f"{video['duration']:.1f}"))
        if video.get("codec"):
            parts.append(str(video["codec"]))
        if key.selectors:
            parts.append(", ".join(s["value"] for s in key.selectors))
        if self._concealed():
            parts.append(self.tr("safe view: press V to reveal"))
        self.status.setText(" · ".join(parts))

    # -- actions ---------------------------------------------------------------------------------
    def current_frame_id(self) -> int | None:
        row = self.strip.currentRow()
        return self.frames[row][0].id if 0 <= row < len(self.frames) else None

    def mark_exhibit(self) -> int | None:
        """Mark the frame shown as an exhibit (the report prints it at full size); returns its number."""
        from workstation import exhibits

        frame_id = self.current_frame_id()
        if frame_id is None:
            return None
        changes = exhibits.add_exhibits(self.session.case, [frame_id])
        number = changes[0].number if changes else None
        self.session.items_changed.emit()
        if number is not None:
            self.status.setText(self.tr("Frame marked as exhibit %1").replace("%1", str(number)))
        return number

    def _open_frame(self) -> None:
        frame_id = self.current_frame_id()
        if frame_id is not None:
            self.frame_requested.emit(frame_id)
