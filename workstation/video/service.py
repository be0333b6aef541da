"""Case-side reads of videos: their keyframes (with OCR text, selectors and indicator suggestions,
each at its timecode) and the video-to-video near-duplicates. Typed, frozen records; the CLI and
the window both call these."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from workstation.case import Case
from workstation.video import signature


@dataclass(frozen=True)
class Keyframe:
    id: int
    timecode: float
    timecode_text: str
    sha256: str
    width: int | None
    height: int | None
    text_overlay: bool
    ocr_text: str | None = None
    selectors: tuple[dict[str, str], ...] = ()
    indicators: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class VideoInfo:
    id: int
    original_name: str
    source_path: str
    sha256: str
    md5: str
    size: int
    kind: str
    width: int | None
    height: int | None
    metadata: dict[str, Any]
    sheet_timecodes: tuple[float, ...]
    keyframes: tuple[Keyframe, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class VideoLink:
    """Two videos showing the same clip (see :class:`workstation.video.signature.VideoMatch`)."""

    video_a: int
    video_b: int
    name_a: str
    name_b: str
    offset_seconds: float
    mirrored: bool
    matched_seconds: float
    coverage: float
    mean_distance: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def video_ids(case: Case) -> list[int]:
    return [int(r[0]) for r in case.db.execute("SELECT item_id FROM video_info ORDER BY item_id")]


def contact_sheet(case: Case, item_id: int) -> bytes | None:
    row = case.db.execute("SELECT contact_sheet FROM video_info WHERE item_id = ?", [item_id]).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def video_info(case: Case, item_id: int) -> VideoInfo | None:
    """A video (or animated image) with its keyframes; None when the item has neither."""
    row = case.db.execute(
        "SELECT id, original_name, source_path, sha256, md5, size, kind, width, height, metadata"
        " FROM items WHERE id = ?",
        [item_id],
    ).fetchone()
    if row is None:
        return None
    sheet = case.db.execute("SELECT sheet_timecodes FROM video_info WHERE item_id = ?", [item_id]).fetchone()
    frames = keyframes(case, item_id)
    if sheet is None and not frames and row[6] != "video":
        return None
    return VideoInfo(
        id=int(row[0]),
        original_name=row[1] or "",
        source_path=row[2] or "",
        sha256=row[3],
        md5=row[4] or "",
        size=int(row[5] or 0),
        kind=row[6],
        width=row[7],
        height=row[8],
        metadata=json.loads(row[9] or "{}"),
        sheet_timecodes=tuple(json.loads(sheet[0])) if sheet else (),
        keyframes=tuple(frames),
    )


def keyframes(case: Case, video_id: int) -> list[Keyframe]:
    """The video's keyframe items in time order, each with what was read and found in it."""
    out: list[Keyframe] = []
    rows = case.db.execute(
        "SELECT i.id, i.sha256, i.width, i.height, i.metadata, o.text FROM items i"
        " LEFT JOIN ocr_text o ON o.item_id = i.id WHERE i.parent_id = ? AND i.kind = 'frame'",
        [video_id],
    ).fetchall()
    for item_id, sha, w, h, meta_json, text in rows:
        meta = json.loads(meta_json or "{}")
        sels = tuple(
            {"kind": k, "value": v, "source": s}
            for k, v, s in case.db.execute(
                "SELECT s.kind, s.value, l.source FROM selector_links l JOIN selectors s ON s.id = l.selector_id"
                " WHERE l.item_id = ? ORDER BY s.kind, s.value",
                [item_id],
            )
        )
        inds = tuple(
            {"indicator": ind, "status": st}
            for ind, st in case.db.execute(
                "SELECT indicator, status FROM annotations WHERE item_id = ? ORDER BY indicator", [item_id]
            )
        )
        out.append(
            Keyframe(
                id=int(item_id),
                timecode=float(meta.get("timecode", 0.0)),
                timecode_text=str(meta.get("timecode_text", "")),
                sha256=sha,
                width=w,
                height=h,
                text_overlay=bool(meta.get("text_overlay")),
                ocr_text=text,
                selectors=sels,
                indicators=inds,
            )
        )
    out.sort(key=lambda k: k.timecode)
    return out


def video_matches(case: Case, item_id: int | None = None) -> list[VideoLink]:
    """Every pair of videos in the case that show the same clip (or those of one video)."""
    rows = case.db.execute(
        "SELECT v.item_id, i.original_name, v.rate, v.signature, v.signature_mirrored FROM video_info v"
        " JOIN items i ON i.id = v.item_id ORDER BY v.item_id"
    ).fetchall()
    sigs = [(int(r[0]), r[1] or "", float(r[2]), signature.unpack(r[3]), signature.unpack(r[4])) for r in rows]
    # A cheap gate first: two videos are aligned only if some informative hash of one is near
    # one of the other (or of its mirror). Buckets on the top 16 bits would miss near hashes, so
    # the gate compares every hash, in numpy, per pair.
    links: list[VideoLink] = []
    for x in range(len(sigs)):
        for y in range(x + 1, len(sigs)):
            a, b = sigs[x], sigs[y]
            if item_id is not None and item_id not in (a[0], b[0]):
                continue
            if a[2] != b[2]:
                continue
            found = signature.match(a[3], b[3], b[4], a[2])
            if found is None:
                continue
            links.append(
                VideoLink(
                    video_a=a[0],
                    video_b=b[0],
                    name_a=a[1],
                    name_b=b[1],
                    offset_seconds=found.offset_seconds,
                    mirrored=found.mirrored,
                    matched_seconds=found.matched_seconds,
                    coverage=found.coverage,
                    mean_distance=found.mean_distance,
                )
            )
    return links
