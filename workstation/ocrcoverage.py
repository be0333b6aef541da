"""What OCR did and did not read in a case, for `workstation ocr-status CASE`.

An analyst must know which pictures were never read: a phone number on a photo that was not
queued is invisible to search, selectors and indicators until someone asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workstation.case import Case

SKIPPED_HINT = "run `workstation scan CASE --ocr --item IDS` (or without --item: every image) to read them too"


@dataclass(frozen=True)
class OcrCoverage:
    """Images of a case by what OCR did with them.

    Attributes:
        images: image items in the case.
        queued: queued for OCR, by reason ("graphic", "text on photo", "all", "requested", ...).
        read: queued images read (with or without text found).
        waiting: queued, not read yet (e.g. ``import --ocr later``).
        failed: queued images whose reading failed (the error is kept per image).
        skipped: images never queued (photos on which no text was detected), with their ids.
    """

    images: int
    queued: dict[str, int] = field(default_factory=dict)
    read: int = 0
    waiting: int = 0
    failed: int = 0
    skipped: int = 0
    skipped_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "images": self.images,
            "queued": dict(self.queued),
            "read": self.read,
            "waiting": self.waiting,
            "failed": self.failed,
            "skipped": self.skipped,
            "skipped_items": list(self.skipped_ids),
            "skipped_reason": "photos on which no text was detected at import",
            "hint": SKIPPED_HINT if self.skipped else "",
        }

    def lines(self) -> list[str]:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.queued.items())) or "none"
        out = [
            f"{self.images} image(s): {sum(self.queued.values())} queued for OCR ({reasons}), "
            f"{self.read} read, {self.waiting} waiting, {self.failed} failed",
            f"{self.skipped} skipped: photos on which no text was detected at import",
        ]
        if self.skipped:
            shown = ", ".join(str(i) for i in self.skipped_ids[:20]) + (" …" if self.skipped > 20 else "")
            out.append(f"  items {shown}; {SKIPPED_HINT}")
        return out


def coverage(case: Case) -> OcrCoverage:
    """Count the case's images by OCR state (no Tesseract needed)."""
    db = case.db
    images = int(db.execute("SELECT count(*) FROM items WHERE kind = 'image'").fetchone()[0])
    has_queue = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ocr_queue'").fetchone()
    if not has_queue:
        ids = tuple(r[0] for r in db.execute("SELECT id FROM items WHERE kind = 'image' ORDER BY id"))
        return OcrCoverage(images=images, skipped=len(ids), skipped_ids=ids)
    queued = {str(r[0]): int(r[1]) for r in db.execute("SELECT reason, count(*) FROM ocr_queue GROUP BY reason")}
    read = int(db.execute("SELECT count(*) FROM ocr_queue WHERE done_at IS NOT NULL").fetchone()[0])
    failed = int(db.execute("SELECT count(*) FROM ocr_queue WHERE error IS NOT NULL").fetchone()[0])
    waiting = int(db.execute("SELECT count(*) FROM ocr_queue WHERE done_at IS NULL AND error IS NULL").fetchone()[0])
    skipped = tuple(
        r[0]
        for r in db.execute(
            "SELECT id FROM items WHERE kind = 'image' AND id NOT IN (SELECT item_id FROM ocr_queue) ORDER BY id"
        )
    )
    return OcrCoverage(
        images=images,
        queued=queued,
        read=read,
        waiting=waiting,
        failed=failed,
        skipped=len(skipped),
        skipped_ids=skipped,
    )
