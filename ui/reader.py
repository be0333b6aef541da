"""A background reader with its own case connection: id lists for views and decoded thumbnails.

SQLite connections belong to one thread, and a full sorted id list of 100,000 items takes
100-400 ms to read from the encrypted file: too long for the GUI thread (target: no stall over
100 ms). So the session owns one reader thread with its own connection. It answers two kinds
of request: queries (newest wins: a view only wants the answer to its latest question) and
thumbnails (last in, first out, so what the analyst scrolled to last is decoded first; stale
requests beyond a bound are dropped and re-asked when visible again).
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PIL import Image, ImageFilter
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from workstation.case import Case

log = logging.getLogger(__name__)

VARIANT_PLAIN = 0
VARIANT_BLUR = 1
VARIANT_GRAY = 2
MAX_PENDING_THUMBNAILS = 600
BATCH_SECONDS = 0.02
BATCH_MAX = 48


class ReaderSignals(QObject):
    """Signals of the reader (emitted on its thread, delivered queued to GUI-thread receivers).

    Signals:
        opened(): the reader's connection is ready.
        open_failed(reason)
        thumbnails_loaded(results): a batch of [(item_id, variant, size, image)]; image is null
            when the item has none. Batched (up to ~20 ms of work) so the GUI thread handles one
            signal per batch, not one per thumbnail.
        thumbnails_dropped(keys): requests dropped unanswered (list of (item_id, variant, size)).
        query_done(token, rows)
        query_failed(token, reason)
    """

    opened = Signal()
    open_failed = Signal(str)
    thumbnails_loaded = Signal(object)
    thumbnails_dropped = Signal(object)
    query_done = Signal(int, object)
    query_failed = Signal(int, str)


def safe_image(image: QImage, variant: int) -> QImage:
    """Blur and/or grey a thumbnail for safe view (done on the reader thread, never per paint)."""
    if image.isNull():
        return image
    if variant & VARIANT_BLUR:
        # Down to a few pixels and back up, smoothly: a strong blur for the cost of two scales.
        small = image.scaled(
            QSize(max(4, image.width() // 16), max(3, image.height() // 16)),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        image = small.scaled(
            image.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    if variant & VARIANT_GRAY:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image


class CaseReader:
    """One thread, one read connection to the case, two request queues."""

    def __init__(self, opener: Callable[[], Case], name: str = "case-reader") -> None:
        self.signals = ReaderSignals()
        self._opener = opener
        self._cv = threading.Condition()
        self._thumbs: OrderedDict[tuple[int, int, int], None] = OrderedDict()
        self._queries: OrderedDict[str, tuple[int, Callable[[Case], Any]]] = OrderedDict()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.ready = threading.Event()
        self.decoded = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._cv:
            self._stop = True
            self._thumbs.clear()
            self._queries.clear()
            self._cv.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- requests (any thread) -----------------------------------------------------------------
    def request_thumbnail(self, item_id: int, variant: int = VARIANT_PLAIN, size: int = 0) -> None:
        """Decode an item's thumbnail, scaled to fit ``size`` px (0 = as stored)."""
        dropped: list[tuple[int, int, int]] = []
        with self._cv:
            key = (item_id, variant, size)
            self._thumbs.pop(key, None)
            self._thumbs[key] = None  # newest at the end
            while len(self._thumbs) > MAX_PENDING_THUMBNAILS:
                dropped.append(self._thumbs.popitem(last=False)[0])
            self._cv.notify()
        if dropped:
            self.signals.thumbnails_dropped.emit(dropped)

    def call(self, channel: str, token: int, fn: Callable[[Case], Any]) -> None:
        """Run ``fn(case)`` on the reader with its own connection; result via query_done."""
        with self._cv:
            self._queries.pop(channel, None)
            self._queries[channel] = (token, fn)
            self._cv.notify()

    # -- the thread ------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            case = self._opener()
        except Exception as exc:  # reported, not swallowed: the views show it
            log.exception("reader could not open the case")
            self.signals.open_failed.emit(str(exc))
            self.ready.set()
            return
        self.ready.set()
        self.signals.opened.emit()
        try:
            while True:
                with self._cv:
                    while not self._stop and not self._queries and not self._thumbs:
                        self._cv.wait()
                    if self._stop:
                        return
                    if self._queries:
                        _, job = self._queries.popitem(last=False)
                    else:
                        job = None
                if job is not None:
                    self._run_call(case, *job)
                else:
                    self._load_thumbnails(case)
        finally:
            case.close()

    def _run_call(self, case: Case, token: int, fn: Callable[[Case], Any]) -> None:
        try:
            result = fn(case)
        except Exception as exc:  # a failing read is a bug in a view: tell the view, keep serving
            log.exception("reader call failed: %s", fn)
            self.signals.query_failed.emit(token, str(exc))
            return
        self.signals.query_done.emit(token, result)

    def _load_thumbnails(self, case: Case) -> None:
        """Decode newest requests first for up to BATCH_SECONDS, then deliver them together."""
        batch: list[tuple[int, int, int, QImage]] = []
        started = time.monotonic()
        while len(batch) < BATCH_MAX and time.monotonic() - started < BATCH_SECONDS:
            with self._cv:
                if self._stop or self._queries or not self._thumbs:
                    break
                (item_id, variant, size), _ = self._thumbs.popitem(last=True)
            data = case.thumbnail(item_id)
            image = decode_thumbnail(data, variant, size) if data else QImage()
            self.decoded += 1
            batch.append((item_id, variant, size, image))
        if batch:
            self.signals.thumbnails_loaded.emit(batch)


def decode_thumbnail(data: bytes, variant: int, size: int) -> QImage:
    """JPEG bytes -> QImage scaled to fit ``size``, blurred/greyed for safe view.

    Pillow does the decoding, scaling and blurring because it releases the GIL while it works,
    so the GUI thread never waits for this thread (QImage.fromData would hold the GIL).
    """
    try:
        with Image.open(io.BytesIO(data)) as im:
            if size:
                im.draft("RGB", (size, size))
            img = im.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return QImage()
    if size and (img.width > size or img.height > size):
        img.thumbnail((size, size), Image.Resampling.BILINEAR)
    if variant & VARIANT_BLUR:
        img = img.filter(ImageFilter.GaussianBlur(max(3, max(img.size) // 14)))
    if variant & VARIANT_GRAY:
        img = img.convert("L").convert("RGB")
    raw = img.tobytes()
    return QImage(raw, img.width, img.height, img.width * 3, QImage.Format.Format_RGB888).copy()
