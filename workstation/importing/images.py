"""Image importer (JPEG, PNG, GIF, WEBP, BMP, TIFF, HEIC/HEIF) and the per-image analysis."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from fractions import Fraction
from pathlib import PurePath
from typing import Any, ClassVar

from PIL import ExifTags, Image, ImageOps

from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress

# Decompression bombs: refuse images with more pixels than a 20000 x 10000 panorama.
MAX_PIXELS = 200_000_000
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


@register
class ImageImporter:
    name: ClassVar[str] = "image"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 80 if image_mime(head) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        chain = f"{source.chain}/{self.name}" if source.chain else self.name
        kind_tags = ["screenshot"] if "screenshot" in source.name.lower() else []
        yield ImportedItem(
            kind="image",
            original_name=source.name,
            source_path=source.display,
            key=source.display,
            importer=chain,
            file=source.path,
            data=None if source.path else source.read_all(1 << 31),
            parent_key=source.parent_key,
            mime=image_mime(source.head),
            capture_method=source.capture_method,
            tags=kind_tags,
            analyse_image=True,
        )


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
    out: dict[str, Any] = {"latitude": round(lat_v, 7), "longitude": round(lon_v, 7)}
    if 6 in gps:
        try:
            out["altitude"] = round(_rational(gps[6]), 2)
        except (TypeError, ValueError, ZeroDivisionError):
            pass
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").rstrip("\x00")[:500]
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str):
        return value.rstrip("\x00")[:500]
    if isinstance(value, (int, float)) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)[:500]


def extract_exif(img: Image.Image) -> dict[str, Any]:
    """The EXIF fields analysts ask for, JSON-safe: times, camera, GPS, orientation, software."""
    exif = img.getexif()
    if not exif:
        return {}
    out: dict[str, Any] = {}
    for tag, value in exif.items():
        name = ExifTags.TAGS.get(tag)
        if name and name not in ("MakerNote", "ExifOffset", "GPSInfo", "PrintImageMatching"):
            out[name] = _jsonable(value)
    try:
        for tag, value in exif.get_ifd(ExifTags.IFD.Exif).items():
            name = ExifTags.TAGS.get(tag)
            if name and name not in ("MakerNote", "UserComment") or name == "UserComment":
                if name:
                    out[name] = _jsonable(value)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        if gps:
            position = _gps(dict(gps))
            if position:
                out["GPS"] = position
    except (KeyError, ValueError, TypeError, OSError):
        pass
    return out


def analyse_image(data_or_path: Any, analyzers: dict[str, Any]) -> dict[str, Any]:
    """Decode once, at reduced scale where the format allows; return metadata, thumbnail, analysis.

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
                    raise ValueError(f"decompression bomb: {width}x{height} pixels exceeds the limit")
                exif = extract_exif(im)
                orientation = int(exif.get("Orientation", 1) or 1) if isinstance(exif.get("Orientation", 1), (int, float)) else 1
                frames = getattr(im, "n_frames", 1)
                if fmt == "JPEG":
                    im.draft("RGB", (ANALYSIS_SIZE, ANALYSIS_SIZE))
                im.seek(0)
                im.load()
                upright = ImageOps.exif_transpose(im)
                rgb = upright.convert("RGB")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValueError(f"decompression bomb: {exc}") from exc
        except Image.UnidentifiedImageError as exc:
            raise ValueError("not a readable image (unknown or corrupt format)") from exc
        except (OSError, SyntaxError, EOFError, IndexError, struct_error()) as exc:
            raise ValueError(f"corrupt or truncated image: {exc}") from exc
    thumb = rgb.copy()
    thumb.thumbnail((THUMB_SIZE, THUMB_SIZE))
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
    return {
        "width": width,
        "height": height,
        "metadata": metadata,
        "thumbnail": (buf.getvalue(), thumb.width, thumb.height),
        "analysis": analysis,
    }


def struct_error() -> type[Exception]:
    import struct

    return struct.error
