"""Image importer (JPEG, PNG, GIF, WEBP, BMP, TIFF, HEIC/HEIF) and the per-image analysis."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from fractions import Fraction
from pathlib import PurePath
from typing import Any, ClassVar

from PIL import ExifTags, Image, ImageOps

from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress

MAX_PIXELS = limits.MAX_PIXELS
ANALYSIS_SIZE = 512  # JPEGs are draft-decoded to at least this on the short side
THUMB_SIZE = 256

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis", b"avif")


def image_mime(head: bytes) -> str | None:
    """MIME type of an image from its magic bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM" and len(head) > 14:
        return "image/bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/avif" if head[8:12] == b"avif" else "image/heic"
    return None


SCREENSHOT_NAMES = (
    "screenshot",
    "screen shot",
    "screen_shot",
    "bildschirmfoto",
    "schermafbeelding",
    "скриншот",
    "знімок екрана",
    "截图",
    "截屏",
    "屏幕截图",
    "スクリーンショット",
    "capture d’écran",
    "capture d'écran",
    "captura de pantalla",
    "captură de ecran",
)
SCREENSHOT_SOFTWARE = (
    "screenshot",
    "greenshot",
    "sharex",
    "snipping",
    "flameshot",
    "spectacle",
    "ksnapshot",
    "lightshot",
    "snagit",
    "shutter",
    "scrot",
    "grim",
    "snip & sketch",
)


@register
class ImageImporter:
    """Photos and screenshots; decoded in worker processes (dimensions, EXIF, thumbnail, hashes)."""

    name: ClassVar[str] = "image"
    version: ClassVar[str] = "2"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 80 if image_mime(head) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        lowered = source.name.lower()
        tags: list[str] = []
        metadata: dict[str, Any] = {}
        if any(word in lowered for word in SCREENSHOT_NAMES):
            tags.append("screenshot")
            metadata["screenshot_evidence"] = ["file name"]
        item = source.item(
            "image",
            self.name,
            mime=image_mime(source.head),
            tags=tags,
            metadata=metadata,
            analyse_image=source.size <= limits.MEMBER_IN_MEMORY or source.path is not None,
        )
        if not item.analyse_image:
            item.metadata["not_analysed"] = (
                f"larger than {limits.MEMBER_IN_MEMORY >> 20} MiB inside a container: stored, not decoded"
            )
        yield item


def _register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        pass


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        return float(Fraction(value[0], value[1] or 1))
    return float(value)


def _gps(gps: dict[int, Any]) -> dict[str, Any] | None:
    try:
        lat = gps[2]
        lon = gps[4]
        lat_v = _rational(lat[0]) + _rational(lat[1]) / 60 + _rational(lat[2]) / 3600
        lon_v = _rational(lon[0]) + _rational(lon[1]) / 60 + _rational(lon[2]) / 3600
        if gps.get(1) in ("S", b"S"):
            lat_v = -lat_v
        if gps.get(3) in ("W", b"W"):
            lon_v = -lon_v
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        return None
    if not (-90 <= lat_v <= 90 and -180 <= lon_v <= 180):
        return None
    out: dict[str, Any] = {"latitude": round(lat_v, 7), "longitude": round(lon_v, 7)}
    if 6 in gps:
        try:
            alt = _rational(gps[6])
            out["altitude"] = round(-alt if gps.get(5) in (1, b"\x01") else alt, 2)
        except (TypeError, ValueError, ZeroDivisionError):
            pass
    try:
        date = str(gps[29]).strip().replace(":", "-")
        h, m, sec = (_rational(v) for v in gps[7])
        if len(date) == 10:
            out["utc"] = f"{date}T{int(h):02d}:{int(m):02d}:{int(sec):02d}Z"
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        pass
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").rstrip("\x00")[:500]
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value[:64]]
    if isinstance(value, str):
        return value.rstrip("\x00")[:500]
    if isinstance(value, (int, float)) or value is None:
        return value
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)[:500]
    return number if number == number and abs(number) != float("inf") else str(value)[:500]


def _user_comment(value: Any) -> str:
    """EXIF UserComment: 8 bytes naming the charset, then the text."""
    if not isinstance(value, bytes):
        return str(value)[:500]
    code, body = value[:8], value[8:]
    if code.startswith(b"UNICODE"):
        text = body.decode("utf-16-be" if body[:1] == b"\x00" else "utf-16-le", "replace")
    elif code.startswith((b"ASCII", b"\x00")) or len(value) <= 8:
        text = body.decode("utf-8", "replace")
    else:
        text = value.decode("utf-8", "replace")
    return text.strip("\x00 ")[:500]


_SKIP_TAGS = (
    "MakerNote",
    "ExifOffset",
    "GPSInfo",
    "PrintImageMatching",
    "InterOperabilityIFD",
    "ComponentsConfiguration",
)


def extract_exif(img: Image.Image) -> dict[str, Any]:
    """The EXIF fields analysts ask for, JSON-safe: times, camera, GPS, orientation, software."""
    try:
        exif = img.getexif()
    except (OSError, ValueError, TypeError, KeyError, SyntaxError, struct_error()):
        return {}
    if not exif:
        return {}
    out: dict[str, Any] = {}
    for tag, value in exif.items():
        name = ExifTags.TAGS.get(tag)
        if name and name not in _SKIP_TAGS:
            out[name] = _jsonable(value)
    try:
        for tag, value in exif.get_ifd(ExifTags.IFD.Exif).items():
            name = ExifTags.TAGS.get(tag)
            if name == "UserComment":
                out[name] = _user_comment(value)
            elif name and name not in _SKIP_TAGS:
                out[name] = _jsonable(value)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        if gps:
            position = _gps(dict(gps))
            if position:
                out["GPS"] = position
    except (KeyError, ValueError, TypeError, OSError, SyntaxError, struct_error()):
        pass  # a damaged sub-IFD: keep the fields read so far
    return out


def analyse_image(data_or_path: Any, analyzers: dict[str, Any]) -> dict[str, Any]:
    """Decode once, at reduced scale where the format allows; return metadata, thumbnail, analysis.

    Runs in a worker process. The result's keys: width, height, metadata, thumbnail
    (jpeg bytes, w, h), analysis ({analyzer: result}), and when the content says so
    photo_taken (utc, offset) and screenshot (list of evidence).

    Raises:
        ValueError: with a clear reason when the image is corrupt, truncated or a bomb.
    """
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    src = io.BytesIO(data_or_path) if isinstance(data_or_path, (bytes, bytearray)) else data_or_path
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(src) as im:
                fmt = im.format
                width, height = im.size
                if width * height > MAX_PIXELS:
                    raise ValueError(f"decompression bomb: {width}x{height} pixels exceeds the limit of {MAX_PIXELS:,}")
                exif = extract_exif(im)
                info_text = _info_text(im)
                raw_orientation = exif.get("Orientation", 1)
                orientation = int(raw_orientation) if isinstance(raw_orientation, (int, float)) else 1
                frames = getattr(im, "n_frames", 1)
                if fmt == "JPEG":
                    im.draft("RGB", (ANALYSIS_SIZE, ANALYSIS_SIZE))
                im.seek(0)  # animated GIF/WEBP, multi-page TIFF: the first frame is hashed
                im.load()
                upright = ImageOps.exif_transpose(im) if orientation != 1 else im
                # convert() copies even when the mode is already RGB: skip it then.
                rgb = upright if upright.mode == "RGB" else upright.convert("RGB")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValueError(f"decompression bomb: {exc}") from exc
        except Image.UnidentifiedImageError as exc:
            raise ValueError("not a readable image (unknown or corrupt format)") from exc
        except (
            OSError,
            SyntaxError,
            EOFError,
            IndexError,
            KeyError,
            TypeError,
            ZeroDivisionError,
            struct_error(),
        ) as exc:
            raise ValueError(f"corrupt or truncated image: {exc}") from exc
    rgb = _analysis_size(rgb)
    thumb = _thumbnail(rgb)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=80)
    analysis: dict[str, Any] = {}
    for name, fn in analyzers.items():
        analysis[name] = fn(rgb)
    metadata: dict[str, Any] = {"format": fmt, "orientation": orientation}
    if frames and frames > 1:
        metadata["frames"] = frames
    if exif:
        metadata["exif"] = exif
    if info_text:
        metadata["embedded_text"] = info_text
    out: dict[str, Any] = {
        "width": width,
        "height": height,
        "metadata": metadata,
        "thumbnail": (buf.getvalue(), thumb.width, thumb.height),
        "analysis": analysis,
    }
    taken = photo_taken(exif)
    if taken:
        out["photo_taken"] = taken
        metadata["photo_taken_at"], metadata["photo_taken_tz"] = taken
    elif "DateTimeOriginal" in exif:
        metadata["photo_taken_local"] = exif["DateTimeOriginal"]  # no zone recorded by the camera
    evidence = screenshot_evidence(exif, info_text)
    if evidence:
        out["screenshot"] = evidence
    return out


def _analysis_size(rgb: Image.Image) -> Image.Image:
    """Shrink very large images by an integer box factor, never below ANALYSIS_SIZE on the short
    side: analyzers and the thumbnail then cost the same whatever the original resolution (a
    perceptual hash looks at 32-64 px). Box reduction is a few ms where a resample is tens."""
    factor = min(rgb.width, rgb.height) // ANALYSIS_SIZE
    return rgb.reduce(factor) if factor >= 2 else rgb


def _thumbnail(rgb: Image.Image) -> Image.Image:
    scale = min(1.0, THUMB_SIZE / max(rgb.width, rgb.height))
    if scale >= 1.0:
        return rgb
    size = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
    factor = int(min(rgb.width / size[0], rgb.height / size[1]))
    src = rgb.reduce(factor) if factor >= 2 else rgb
    return src.resize(size, Image.Resampling.BILINEAR)


def thumbnail_of(rgb: Image.Image) -> Image.Image:
    """The thumbnail the import stores for an upright decoded image (before JPEG encoding)."""
    return _thumbnail(_analysis_size(rgb))


def _info_text(im: Image.Image) -> dict[str, str]:
    """Text chunks a capture tool wrote (PNG tEXt/iTXt Software, Comment, XMP)."""
    out: dict[str, str] = {}
    for key, value in (im.info or {}).items():
        if (
            isinstance(key, str)
            and isinstance(value, (str, bytes))
            and key.lower()
            in (
                "software",
                "comment",
                "description",
                "title",
                "author",
                "creation time",
                "source",
                "xml:com.adobe.xmp",
                "xmp",
            )
        ):
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
            out[key] = text[:4000]
    return out


def screenshot_evidence(exif: dict[str, Any], info_text: dict[str, str]) -> list[str]:
    """Why the image's own metadata says it is a screenshot (empty when it does not)."""
    found = []
    comment = str(exif.get("UserComment", "")).strip().lower()
    if comment == "screenshot":
        found.append("EXIF UserComment")
    for key, value in info_text.items():
        low = value.lower()
        if key.lower() in ("xml:com.adobe.xmp", "xmp") and ">screenshot<" in low:
            found.append("XMP UserComment")
        elif key.lower() in ("software", "source", "description", "title") and any(
            word in low for word in SCREENSHOT_SOFTWARE
        ):
            found.append(f"{key}: {value[:80]}")
    software = str(exif.get("Software", "")).lower()
    if any(word in software for word in SCREENSHOT_SOFTWARE):
        found.append(f"EXIF Software: {exif.get('Software')}")
    return found


def photo_taken(exif: dict[str, Any]) -> tuple[str, str] | None:
    """When the camera took the photo, in UTC with its offset, if the EXIF allows saying so.

    Needs an offset (EXIF 2.31 OffsetTimeOriginal) or a GPS time (always UTC) next to the local
    time; the offset is then derived from the difference, rounded to 15 minutes.
    """
    from datetime import UTC, timedelta, timezone

    from workstation.importing.timeutil import exif_local, exif_offset, split_utc

    local = exif_local(exif.get("DateTimeOriginal")) or exif_local(exif.get("DateTime"))
    if local is None:
        return None
    offset = exif_offset(exif.get("OffsetTimeOriginal")) or exif_offset(exif.get("OffsetTime"))
    if offset is not None:
        return split_utc(local.replace(tzinfo=offset))
    gps = exif.get("GPS") or {}
    gps_utc = gps.get("utc") if isinstance(gps, dict) else None
    if isinstance(gps_utc, str):
        from datetime import datetime

        try:
            utc = datetime.fromisoformat(gps_utc.replace("Z", "+00:00"))
        except ValueError:
            return None
        minutes = round((local - utc.replace(tzinfo=None)).total_seconds() / 900) * 15
        if abs(minutes) <= 14 * 60:
            return split_utc(local.replace(tzinfo=timezone(timedelta(minutes=minutes))))
        return split_utc(utc.astimezone(UTC))
    return None


def struct_error() -> type[Exception]:
    import struct

    return struct.error
