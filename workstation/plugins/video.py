"""Video plug-in: stores a video's signature and contact sheet, queues text-overlay frames for OCR."""

from __future__ import annotations

import json
from typing import Any

from workstation.importing import hooks


def _store_video(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    video = analysis.get("video")
    if isinstance(video, dict):
        case.db.execute(
            "INSERT OR REPLACE INTO video_info (item_id, duration, rate, signature, signature_mirrored,"
            " contact_sheet, sheet_timecodes, keyframes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item_id,
                video.get("duration"),
                video["rate"],
                video["signature"],
                video["signature_mirrored"],
                video.get("contact_sheet"),
                json.dumps(video.get("sheet_timecodes", [])),
                int(video.get("keyframes", 0)),
            ],
        )
    metadata = item.get("metadata") or {}
    if item.get("kind") == "frame" and metadata.get("text_overlay"):
        from workstation import ocr
        from workstation.importing import ocrstage

        if ocr.import_enabled():
            ocrstage.enqueue(case, item_id, "text overlay in a video frame")


hooks.register_item_writer(_store_video)
