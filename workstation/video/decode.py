"""Decode one video (or animated GIF/WebP): metadata, keyframes, poster, contact sheet, signature.

Runs inside the decoder sandbox (:mod:`workstation.video.sandbox`), a separate process with a
memory limit and a time limit: FFmpeg's decoders are large C code facing hostile files. Frames
are only ever held in memory; nothing decoded is written to disk.

Frames are sampled on a fixed clock (``ANALYSE_RATE`` per second of the video's own time) and
reduced to 32x32 grey for the analysis; non-reference frames are not decoded at all (FFmpeg
``skip_frame=NONREF``), which halves the decoding of a typical H.264 file. A keyframe is taken
once the picture has changed from the last keyframe and then held still (a cut or the end of a
cross-fade in a slideshow), at most ``MAX_PER_MINUTE`` per minute of video; only keyframes are
converted to full colour pictures.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageOps

from workstation.video import signature

ANALYSE_RATE = 4.0  # samples per second examined for scene changes (the signature takes every 2nd)
MAX_PER_MINUTE = 40  # keyframes per minute of video at most (so at least 1.5 s apart)
MAX_KEYFRAMES = 600  # per video, whatever its length
KEYFRAME_SIDE = 1280  # long side of a stored keyframe
THUMB_SIDE = 256
SHEET_TILES = 16
SHEET_TILE_WIDTH = 240
CUT = 14.0  # mean absolute grey difference (0-255) from the last keyframe: the picture changed
STILL = 5.0  # ... from the previous sample: the picture holds still (a cross-fade has ended)
MAX_PENDING = 1.0  # seconds a change may stay unsettled before its frame is taken anyway
MAX_VIDEO_PIXELS = 8192 * 8192  # larger declared frames are refused (decompression bomb)
MAX_PLAUSIBLE_SECONDS = 7 * 24 * 3600
_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")


class VideoError(ValueError):
    """A clear, per-file reason the video cannot be analysed."""


@dataclass
class _Sample:
    t: float
    gray: npt.NDArray[np.float64]  # 32x32, upright
    picture: Callable[[], Image.Image]  # the frame in colour, upright, long side <= KEYFRAME_SIDE


def timecode(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def is_animation(head: bytes) -> bool:
    return head[:6] in (b"GIF87a", b"GIF89a") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def analyse(src: str | bytes, seconds: float = 600.0) -> dict[str, Any]:
    """Everything the import stores for one video; ``seconds`` bounds the decoding (partial
    results are kept, with a note). Raises VideoError with a clear reason."""
    head = src[:16] if isinstance(src, bytes) else open(src, "rb").read(16)  # noqa: SIM115
    deadline = time.monotonic() + seconds
    if is_animation(head):
        return _animation(src, deadline)
    return _video(src, deadline, seconds)


# -- containers via PyAV -----------------------------------------------------------------------
def _video(src: str | bytes, deadline: float, seconds: float) -> dict[str, Any]:
    import av

    try:
        container = av.open(io.BytesIO(src) if isinstance(src, bytes) else src, "r", metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        raise VideoError(f"not a readable video (corrupt or truncated container): {exc}") from exc
    with container:
        meta = _container_metadata(container)
        if not container.streams.video:
            return {"metadata": {"video": meta}, "no_video": True}
        stream = container.streams.video[0]
        cc = stream.codec_context
        width, height = int(cc.width or 0), int(cc.height or 0)
        if width * height > MAX_VIDEO_PIXELS:
            raise VideoError(
                f"decompression bomb: declared frame size {width}x{height} exceeds {MAX_VIDEO_PIXELS:,} pixels"
            )
        meta.update(_stream_metadata(stream))
        notes: list[str] = []
        declared = meta.get("duration")
        if isinstance(declared, float) and declared > MAX_PLAUSIBLE_SECONDS:
            notes.append(f"declared duration {declared:.0f} s is implausible; analysed what decodes")
        stream.thread_type = "AUTO"
        cc.thread_count = 2
        cc.skip_frame = "NONREF"
        rotation = [0]

        def samples() -> Iterator[_Sample]:
            next_t = 0.0
            first = True
            try:
                for frame in container.decode(stream):
                    if frame.time is None:
                        continue
                    if first:
                        rotation[0] = int(getattr(frame, "rotation", 0) or 0) % 360
                        first = False
                    if frame.time < next_t:
                        continue
                    if frame.width * frame.height > MAX_VIDEO_PIXELS:
                        raise VideoError(f"decompression bomb: a frame of {frame.width}x{frame.height} pixels")
                    next_t = (int(frame.time * ANALYSE_RATE) + 1) / ANALYSE_RATE
                    gray = frame.reformat(width=32, height=32, format="gray").to_ndarray()
                    yield _Sample(
                        float(frame.time),
                        _upright_array(np.asarray(gray, dtype=np.float64), rotation[0]),
                        _picture_of(frame, rotation[0]),
                    )
                    if time.monotonic() > deadline:
                        notes.append(f"analysis stopped after {seconds:.0f} s at {timecode(frame.time)}")
                        return
            except av.error.FFmpegError as exc:
                notes.append(f"decoding stopped (damaged or truncated stream): {exc}")

        result = _analyse_samples(samples(), notes)
        if rotation[0]:
            meta["rotation"] = rotation[0]
        if not result["keyframes"] and not result["decoded"]:
            raise VideoError("no frame could be decoded (corrupt, truncated or unsupported codec)")
    display_w, display_h = (height, width) if rotation[0] in (90, 270) else (width, height)
    meta["notes"] = notes
    result["metadata"] = {"video": meta}
    result["width"], result["height"] = display_w, display_h
    taken = _creation_utc(meta.get("creation_time"))
    if taken:
        result["photo_taken"] = taken
    return result


def _picture_of(frame: Any, rotation: int) -> Callable[[], Image.Image]:
    def make() -> Image.Image:
        scale = min(1.0, KEYFRAME_SIDE / max(frame.width, frame.height))
        w, h = max(2, round(frame.width * scale)), max(2, round(frame.height * scale))
        img: Image.Image = frame.to_image(width=w, height=h)
        return _upright_image(img, rotation)

    return make


def _constant(img: Image.Image) -> Callable[[], Image.Image]:
    return lambda: img


def _upright_array(a: npt.NDArray[np.float64], rotation: int) -> npt.NDArray[np.float64]:
    # The display matrix rotates counter-clockwise by `rotation` degrees (FFmpeg's convention).
    return np.rot90(a, k=rotation // 90) if rotation in (90, 180, 270) else a


def _upright_image(img: Image.Image, rotation: int) -> Image.Image:
    if rotation in (90, 180, 270):
        return img.rotate(rotation, expand=True)
    return img


def _container_metadata(container: Any) -> dict[str, Any]:
    tags = {str(k): str(v)[:300] for k, v in dict(container.metadata or {}).items()}
    meta: dict[str, Any] = {"container": container.format.name}
    if container.duration is not None and container.duration > 0:
        meta["duration"] = round(container.duration / 1_000_000, 3)
    if container.bit_rate:
        meta["bit_rate"] = int(container.bit_rate)
    creation = tags.get("creation_time") or tags.get("com.apple.quicktime.creationdate")
    if creation:
        meta["creation_time"] = creation
    for key in ("location", "com.apple.quicktime.location.ISO6709", "location-eng"):
        if key in tags:
            gps = _gps(tags[key])
            if gps:
                meta["gps"] = gps
                break
    for key, name in (
        ("com.apple.quicktime.make", "make"),
        ("com.apple.quicktime.model", "model"),
        ("make", "make"),
        ("model", "model"),
        ("com.apple.quicktime.software", "software"),
        ("encoder", "encoder"),
        ("com.android.version", "android_version"),
        ("title", "title"),
        ("comment", "comment"),
    ):
        if key in tags and name not in meta:
            meta[name] = tags[key]
    meta["tags"] = dict(list(tags.items())[:40])
    audio = [s for s in container.streams.audio]
    if audio:
        meta["audio_codec"] = audio[0].codec_context.name
    return meta


def _stream_metadata(stream: Any) -> dict[str, Any]:
    cc = stream.codec_context
    meta: dict[str, Any] = {
        "codec": cc.name,
        "coded_width": int(cc.width or 0),
        "coded_height": int(cc.height or 0),
    }
    if cc.profile:
        meta["profile"] = str(cc.profile)
    rate = stream.average_rate or stream.guessed_rate
    if rate:
        meta["frame_rate"] = round(float(rate), 3)
    if stream.frames:
        meta["frames"] = int(stream.frames)
    if "duration" not in meta and stream.duration and stream.time_base:
        meta["stream_duration"] = round(float(stream.duration * stream.time_base), 3)
    tags = dict(stream.metadata or {})
    if "rotate" in tags:
        try:
            meta["rotation"] = int(tags["rotate"]) % 360
        except ValueError:
            pass
    if "creation_time" in tags:
        meta.setdefault("stream_creation_time", str(tags["creation_time"])[:64])
    return meta


def _gps(text: str) -> dict[str, float] | None:
    m = _ISO6709.match(text.strip())
    if not m:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    out = {"latitude": round(lat, 7), "longitude": round(lon, 7)}
    if m.group(3):
        out["altitude"] = round(float(m.group(3)), 2)
    return out


def _creation_utc(value: Any) -> tuple[str, str] | None:
    """MP4/MOV creation_time is UTC by the format's definition (phones write it so)."""
    from datetime import UTC, datetime

    if not isinstance(value, str) or value.startswith("1970-01-01") or value.startswith("1904-01-01"):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"), "+00:00"


# -- animated GIF / WebP via Pillow ------------------------------------------------------------
def _animation(src: str | bytes, deadline: float) -> dict[str, Any]:
    from workstation.importing.limits import MAX_PIXELS

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    notes: list[str] = []
    try:
        im = Image.open(io.BytesIO(src) if isinstance(src, bytes) else src)
    except (OSError, Image.DecompressionBombError) as exc:
        raise VideoError(f"not a readable animation: {exc}") from exc
    with im:
        width, height = im.size
        frames = int(getattr(im, "n_frames", 1))

        def samples() -> Iterator[_Sample]:
            t, next_t = 0.0, 0.0
            try:
                for index in range(frames):
                    im.seek(index)
                    duration = float(im.info.get("duration", 100) or 100) / 1000
                    if t >= next_t:
                        rgb = im.convert("RGB")
                        rgb.thumbnail((KEYFRAME_SIDE, KEYFRAME_SIDE))
                        gray = np.asarray(rgb.convert("L").resize((32, 32), Image.Resampling.BOX), dtype=np.float64)
                        yield _Sample(t, gray, _constant(rgb))
                        next_t = (int(t * ANALYSE_RATE) + 1) / ANALYSE_RATE
                    t += max(duration, 0.02)
                    if time.monotonic() > deadline:
                        notes.append(f"analysis stopped at frame {index}")
                        return
            except (OSError, EOFError, ValueError) as exc:
                notes.append(f"decoding stopped (damaged animation): {exc}")

        result = _analyse_samples(samples(), notes)
    result["metadata"] = {"animation": {"frames": frames, "notes": notes}}
    result["width"], result["height"] = width, height
    return result


# -- keyframes, signature, poster, contact sheet ------------------------------------------------
def _analyse_samples(samples: Iterator[_Sample], notes: list[str]) -> dict[str, Any]:
    keyframes: list[dict[str, Any]] = []
    tiles: list[tuple[float, Image.Image]] = []
    sig: list[int] = []
    sig_m: list[int] = []
    last_key: npt.NDArray[np.float64] | None = None
    previous: npt.NDArray[np.float64] | None = None
    pending_since: float | None = None
    last_key_t = -1e9
    first: _Sample | None = None
    unsettled: _Sample | None = None
    decoded = 0
    min_gap = 60.0 / MAX_PER_MINUTE

    def take(sample: _Sample) -> None:
        picture = sample.picture()
        keyframes.append(_keyframe(sample.t, picture))
        tile = picture.copy()
        tile.thumbnail((SHEET_TILE_WIDTH, SHEET_TILE_WIDTH))
        tiles.append((sample.t, tile))

    for s in samples:
        decoded += 1
        first = first or s
        k = int(round(s.t * signature.SAMPLE_RATE))
        if abs(s.t * signature.SAMPLE_RATE - k) < 0.26 and k >= len(sig):
            h, hm = signature.frame_hashes(s.gray)
            while len(sig) < k:  # a gap (variable frame rate, skipped frames): repeat the last
                sig.append(sig[-1] if sig else 0)
                sig_m.append(sig_m[-1] if sig_m else 0)
            sig.append(h)
            sig_m.append(hm)
        if unsettled is not None and pending_since is not None and s.t - unsettled.t >= 2 / ANALYSE_RATE:
            # The changed picture stayed on screen until this sample (an animation's long frame).
            if unsettled.t - last_key_t >= min_gap and len(keyframes) < MAX_KEYFRAMES:
                take(unsettled)
                last_key, last_key_t, pending_since = unsettled.gray, unsettled.t, None
            unsettled = None
        flat = float(s.gray.std()) < 6.0
        still = previous is None or float(np.abs(s.gray - previous).mean()) < STILL
        previous = s.gray
        if flat:
            continue
        changed = last_key is None or float(np.abs(s.gray - last_key).mean()) > CUT
        if changed and pending_since is None:
            pending_since = s.t
        if pending_since is None:
            continue
        settled = still or s.t - pending_since >= MAX_PENDING
        if not settled or s.t - last_key_t < min_gap or len(keyframes) >= MAX_KEYFRAMES:
            unsettled = s
            continue
        unsettled = None
        take(s)
        last_key, last_key_t, pending_since = s.gray, s.t, None
    if unsettled is not None and pending_since is not None and len(keyframes) < MAX_KEYFRAMES:
        # The video ended on a change that never held still (the last slide of an animation).
        if unsettled.t - last_key_t >= min_gap:
            take(unsettled)
    if len(keyframes) >= MAX_KEYFRAMES:
        notes.append(f"keyframes capped at {MAX_KEYFRAMES}")
    out: dict[str, Any] = {
        "keyframes": keyframes,
        "decoded": decoded,
        "signature": signature.pack(sig),
        "signature_mirrored": signature.pack(sig_m),
        "signature_rate": signature.SAMPLE_RATE,
    }
    poster: Image.Image | None = None
    if keyframes:
        poster = Image.open(io.BytesIO(keyframes[0]["jpeg"]))
    elif first is not None:
        poster = first.picture()
        tiles.append((first.t, poster.copy()))
    if poster is not None:
        thumb = poster.convert("RGB")
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
        buf = io.BytesIO()
        thumb.save(buf, "JPEG", quality=80)
        out["thumbnail"] = (buf.getvalue(), thumb.width, thumb.height)
        sheet, times = contact_sheet(tiles)
        out["contact_sheet"] = sheet
        out["sheet_timecodes"] = times
    return out


def _keyframe(t: float, picture: Image.Image) -> dict[str, Any]:
    buf = io.BytesIO()
    rgb = picture.convert("RGB")
    rgb.save(buf, "JPEG", quality=90)
    return {
        "t": round(t, 3),
        "timecode": timecode(t),
        "jpeg": buf.getvalue(),
        "width": rgb.width,
        "height": rgb.height,
        "text_overlay": looks_like_text_overlay(rgb),
    }


def looks_like_text_overlay(img: Image.Image) -> bool:
    """Whether a frame probably carries burned-in text (captions, phone numbers on a promo):
    a horizontal band dense in sharp, high-contrast vertical strokes, much denser than the
    rest of the picture. Cheap (a 320 px grey copy); a false positive only costs an OCR read."""
    small = ImageOps.grayscale(img).resize((320, max(8, round(320 * img.height / img.width))))
    gray = np.asarray(small, dtype=np.int16)
    dx = np.abs(np.diff(gray, axis=1)) > 60
    bands = np.array_split(dx, 12, axis=0)
    density = np.array([b.mean() for b in bands])
    top = float(density.max())
    return top > 0.05 and top > 3 * float(np.median(density)) + 0.01


def contact_sheet(tiles: list[tuple[float, Image.Image]]) -> tuple[bytes, list[float]]:
    """Up to SHEET_TILES frames, evenly chosen, in a grid of 4 columns, each with its timecode."""
    if len(tiles) > SHEET_TILES:
        step = len(tiles) / SHEET_TILES
        tiles = [tiles[int(i * step)] for i in range(SHEET_TILES)]
    cols = min(4, len(tiles))
    rows = (len(tiles) + cols - 1) // cols
    cell_w = SHEET_TILE_WIDTH
    cell_h = max(t.height for _, t in tiles) + 18
    sheet = Image.new("RGB", (cols * cell_w + (cols + 1) * 4, rows * cell_h + (rows + 1) * 4), (24, 24, 24))
    draw = ImageDraw.Draw(sheet)
    for n, (t, tile) in enumerate(tiles):
        x = 4 + (n % cols) * (cell_w + 4)
        y = 4 + (n // cols) * (cell_h + 4)
        sheet.paste(tile.convert("RGB"), (x + (cell_w - tile.width) // 2, y))
        draw.text((x + 2, y + cell_h - 15), timecode(t), fill=(240, 240, 240))
    buf = io.BytesIO()
    sheet.save(buf, "JPEG", quality=85)
    return buf.getvalue(), [round(t, 3) for t, _ in tiles]
