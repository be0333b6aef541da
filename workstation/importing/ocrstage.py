"""The OCR stage: text recognition of imported images, after the import stored them.

Reading text in an image with Tesseract costs about a second of CPU, more than everything else
the import does for a photo together. So the import does not wait for it: a worker's cheap
photo-or-graphic test (:func:`workstation.ocr.analyse`) puts screenshots and graphics in the
``ocr_queue`` table with the item, and this stage reads the queue afterwards, in parallel (one
Tesseract process per core, fed from threads of this process), storing the text, scanning it for
indicators and selectors, and marking each image done. ``workstation import`` runs it as a second
phase (unless ``--ocr later|off``), the desktop runs it after its import, and ``workstation scan
--ocr`` runs it for whatever is still queued (plus images the analyst asks to read).

One transaction and one audit entry (``ocr.batch``) per batch of images; cancel keeps finished
batches and leaves the rest queued.
"""

from __future__ import annotations

import io
import os
import time
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from storage.errors import StorageError
from workstation.case import Case, utc_now
from workstation.errors import Cancelled
from workstation.progress import Progress

BATCH_ITEMS = 16
BATCH_SECONDS = 5.0
DRAFT = (2000, 2000)  # JPEGs are decoded at reduced scale, but large enough for small print


@dataclass
class OcrStageResult:
    """Outcome of one OCR stage (the CLI's JSON uses these names)."""

    queued: int = 0  # images waiting when the stage started
    read: int = 0  # images read now
    with_text: int = 0  # of which Tesseract found text in
    errors: list[dict[str, Any]] = field(default_factory=list)
    status: str = "done"  # done, cancelled, unavailable, nothing to do
    notice: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "queued": self.queued,
            "read": self.read,
            "with_text": self.with_text,
            "errors": self.errors,
            "status": self.status,
            "notice": self.notice,
        }


def enqueue(case: Case, item_id: int, reason: str) -> None:
    """Queue one image for the OCR stage (an import item writer calls it in the batch)."""
    case.db.execute(
        "INSERT OR IGNORE INTO ocr_queue (item_id, reason, queued_at) VALUES (?, ?, ?)",
        [item_id, reason, utc_now()],
    )


def enqueue_unread(case: Case, item_ids: Iterable[int] | None = None, reason: str = "requested") -> int:
    """Queue images that have no OCR text and were never read (all of them, or of ``item_ids``);
    an image whose reading failed before is tried again. Returns how many are pending now."""
    ids = None if item_ids is None else list(item_ids)
    with case.transaction():
        now = utc_now()
        where = "" if ids is None else f" AND i.id IN ({', '.join('?' * len(ids))})"
        case.db.execute(
            "INSERT OR IGNORE INTO ocr_queue (item_id, reason, queued_at) "
            "SELECT i.id, ?, ? FROM items i WHERE i.kind = 'image' "
            f"AND NOT EXISTS (SELECT 1 FROM ocr_text o WHERE o.item_id = i.id){where}",
            [reason, now, *(ids or [])],
        )
        case.db.execute(
            "UPDATE ocr_queue SET error = NULL, done_at = NULL WHERE error IS NOT NULL"
            + ("" if ids is None else f" AND item_id IN ({', '.join('?' * len(ids))})"),
            ids or [],
        )
    return len(pending(case, ids))


def enqueue_again(case: Case, item_ids: Iterable[int] | None = None) -> int:
    """Queue images to be read again although they were read before (all images, or ``item_ids``):
    after installing more Tesseract languages, say. Audited; returns how many are pending now."""
    ids = None if item_ids is None else list(item_ids)
    with case.transaction():
        where = "" if ids is None else f" AND i.id IN ({', '.join('?' * len(ids))})"
        cur = case.db.execute(
            "INSERT INTO ocr_queue (item_id, reason, queued_at) "
            f"SELECT i.id, 'read again', ? FROM items i WHERE i.kind = 'image'{where} "
            "ON CONFLICT(item_id) DO UPDATE SET reason = excluded.reason, queued_at = excluded.queued_at, "
            "done_at = NULL, error = NULL",
            [utc_now(), *(ids or [])],
        )
        case.audit("ocr.requeued", {"items": "all" if ids is None else ids, "count": cur.rowcount})
    return len(pending(case, ids))


def pending(case: Case, item_ids: Iterable[int] | None = None) -> list[int]:
    """Ids of images queued for OCR and not read yet, in item order."""
    rows = case.db.execute(
        "SELECT item_id FROM ocr_queue WHERE done_at IS NULL AND error IS NULL ORDER BY item_id"
    ).fetchall()
    ids = [int(r[0]) for r in rows]
    if item_ids is not None:
        wanted = set(item_ids)
        ids = [i for i in ids if i in wanted]
    return ids


def _read(data: bytes) -> dict[str, Any]:
    """Decode and OCR one image (runs in a thread: Pillow's decoder and Tesseract, a separate
    process, both run without holding the GIL)."""
    from PIL import Image, ImageOps

    from workstation import ocr

    try:
        with Image.open(io.BytesIO(data)) as im:
            im.draft("RGB", DRAFT)
            img = ImageOps.exif_transpose(im).convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        return {"error": f"cannot decode the image for OCR: {exc}"}
    return ocr.read(img)


def run_ocr_stage(
    case: Case,
    progress: Progress | None = None,
    *,
    item_ids: Iterable[int] | None = None,
    threads: int | None = None,
) -> OcrStageResult:
    """Read the text of every queued image (or of the queued ones among ``item_ids``).

    Args:
        case: the open case; only this thread touches it.
        progress: one step per image; cancel keeps finished batches, the rest stays queued.
        item_ids: restrict the stage to these items.
        threads: Tesseract processes at a time (default: CPU count).

    Raises:
        Cancelled: after the finished batches were committed and the stage audited as cancelled.
    """
    from workstation import annotations, ocr

    progress = progress or Progress()
    ids = pending(case, item_ids)
    result = OcrStageResult(queued=len(ids))
    st = ocr.status()
    result.notice = st.notice
    if not ids:
        result.status = "nothing to do"
        return result
    if not st.available:
        result.status = "unavailable"
        return result
    languages = list(ocr.choose_languages())
    case.audit(
        "ocr.started",
        {"items": len(ids), "engine": ocr.ENGINE, "version": st.version, "languages": languages},
    )
    progress.start(len(ids), "reading text in images (OCR)")
    threads = threads or min(os.cpu_count() or 1, 8)
    window: deque[tuple[int, Future[dict[str, Any]]]] = deque()
    done: list[tuple[int, dict[str, Any]]] = []
    started = time.monotonic()
    pool = ThreadPoolExecutor(threads, thread_name_prefix="ocr")
    try:
        todo = iter(ids)
        while True:
            while len(window) < threads * 2:
                item_id = next(todo, None)
                if item_id is None:
                    break
                window.append((item_id, _submit(case, pool, item_id)))
            if not window:
                break
            item_id, future = window.popleft()
            done.append((item_id, future.result()))
            progress.step(note=f"#{item_id}")
            if len(done) >= BATCH_ITEMS or time.monotonic() - started >= BATCH_SECONDS:
                _store(case, done, result, annotations)
                done, started = [], time.monotonic()
        _store(case, done, result, annotations)
    except Cancelled:
        for _, future in window:
            future.cancel()
        _store(case, done, result, annotations)
        result.status = "cancelled"
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        case.audit(
            "ocr.finished",
            {"status": result.status, "read": result.read, "with_text": result.with_text, "errors": len(result.errors)},
        )
    return result


def _submit(case: Case, pool: ThreadPoolExecutor, item_id: int) -> Future[dict[str, Any]]:
    """Read the image's bytes from the case (this thread) and hand them to an OCR thread."""
    try:
        row = case.db.execute("SELECT sha256 FROM items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise StorageError(f"item {item_id} is no longer in the case")
        data = case.blobs.read(row[0])
    except Exception as exc:  # noqa: BLE001 - a damaged blob: reported against its item, the stage goes on
        failed: Future[dict[str, Any]] = Future()
        failed.set_result({"error": f"cannot read the stored image: {exc}"})
        return failed
    return pool.submit(_read, data)


def _store(case: Case, done: list[tuple[int, dict[str, Any]]], result: OcrStageResult, annotations: Any) -> None:
    """One batch in one transaction: OCR text, the queue marks, the indicator/selector scan of
    the images that had text, and one audit entry."""
    if not done:
        return
    texts: list[int] = []
    errors: list[dict[str, Any]] = []
    with case.transaction():
        now = utc_now()
        for item_id, read in done:
            if "error" in read:
                errors.append({"id": item_id, "error": read["error"]})
                case.db.execute("UPDATE ocr_queue SET error = ? WHERE item_id = ?", [read["error"], item_id])
                continue
            if annotations.store_ocr(case, item_id, read):
                texts.append(item_id)
            case.db.execute("UPDATE ocr_queue SET done_at = ? WHERE item_id = ?", [now, item_id])
        if texts:
            annotations.scan_items(case, texts, batch=len(texts))
        case.audit(
            "ocr.batch",
            {
                "read": [i for i, r in done if "error" not in r],
                "with_text": texts,
                "errors": errors,
            },
        )
    result.read += len(done) - len(errors)
    result.with_text += len(texts)
    result.errors.extend(errors)
