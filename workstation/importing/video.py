"""Videos (MP4/MOV/3GP, MKV/WebM, AVI, FLV, MPEG-TS) and animated GIF/WebP: keyframes as children.

The video is decoded by PyAV (FFmpeg inside its wheel) in the decoder sandbox
(:mod:`workstation.video.sandbox`: a separate process, memory- and time-limited). The video
becomes a **video** item with its container metadata, a poster frame as its thumbnail, a frame
-hash signature and a contact sheet (both in ``video_info``); every scene-change keyframe becomes
a child item of kind **frame** (a JPEG of the frame, ``metadata.timecode`` in seconds) that goes
through the import like any image: perceptual hashes into the dedup index, the OCR test,
selectors and indicators.

Animated GIF and WebP stay **image** items (they are pictures to the people who post them, the
grid and the viewers show them as such, and their first frame is hashed as before); when they
animate, their keyframes become frame children too, so a photo inside a GIF slideshow is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, ClassVar

from workstation.errors import HostileInput
from workstation.importing import limits
from workstation.importing.images import _HEIF_BRANDS
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress

_IMAGE_SEQUENCE_BRANDS = (*_HEIF_BRANDS, b"avis")
_QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


def video_mime(head: bytes) -> str | None:
    """MIME type of a video container from its magic bytes, or None."""
    if head[4:8] == b"ftyp" and head[8:12] not in _IMAGE_SEQUENCE_BRANDS:
        brand = head[8:12]
        if brand.startswith(b"3g2"):
            return "video/3gpp2"
        if brand.startswith(b"3g"):
            return "video/3gpp"
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if head[4:8] in _QUICKTIME_ATOMS and len(head) >= 8:
        return "video/quicktime"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video/x-msvideo"
    if head[:3] == b"FLV" and len(head) > 4 and head[3] == 1:
        return "video/x-flv"
    if len(head) > 376 and head[0] == 0x47 and head[188] == 0x47 and head[376] == 0x47:
        return "video/mp2t"
    return None


def animation_mime(head: bytes) -> str | None:
    """image/gif or image/webp when the file says it animates (looping GIF, WebP ANIM flag)."""
    if head[:6] in (b"GIF87a", b"GIF89a") and b"NETSCAPE2.0" in head:
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:16] == b"WEBPVP8X" and len(head) > 20 and head[20] & 0x02:
        return "image/webp"
    return None


@register
class VideoImporter:
    """A video or an animation; decoded in the sandbox, keyframes yielded as its children."""

    name: ClassVar[str] = "video"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if animation_mime(head):
            return 85  # above the image importer's 80
        mime = video_mime(head)
        if mime is None:
            return 0
        return 60 if mime in ("video/quicktime", "video/mp2t") and head[4:8] != b"ftyp" else 85

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        from workstation.video import sandbox

        animation = animation_mime(source.head)
        kind = "image" if animation else "video"
        mime = animation or video_mime(source.head)
        if source.path is None and source.size > limits.MEMBER_IN_MEMORY:
            item = source.item(kind, self.name, mime=mime)
            item.metadata["not_analysed"] = (
                f"larger than {limits.MEMBER_IN_MEMORY >> 20} MiB inside a container: stored, not decoded"
            )
            yield item
            return
        src: str | bytes = str(source.path) if source.path is not None else source.read_all(limits.MEMBER_IN_MEMORY)
        answer = sandbox.shared().analyse(src)
        if "error" in answer:
            raise HostileInput(str(answer["error"]), source.display)
        found: dict[str, Any] = answer["ok"]
        data = src if isinstance(src, bytes) else None
        if animation:
            # The worker decodes the first frame as for any image; the frames are its children.
            parent = source.item("image", self.name, mime=mime, analyse_image=True, data=data)
            parent.metadata.update(found.get("metadata", {}))
            keyframes = [k for k in found["keyframes"] if k["t"] > 0.01]
        elif found.get("no_video"):
            parent = source.item("file", self.name, mime=mime, data=data, metadata=found["metadata"])
            parent.metadata["no_video_stream"] = True
            yield parent
            return
        else:
            parent = source.item("video", self.name, mime=mime, data=data)
            keyframes = found["keyframes"]
            video_meta = found["metadata"]["video"]
            video_meta["keyframes"] = len(keyframes)
            parent.derived = {
                "width": found["width"],
                "height": found["height"],
                "metadata": found["metadata"],
                "analysis": {
                    "video": {
                        "duration": video_meta.get("duration"),
                        "rate": found["signature_rate"],
                        "signature": found["signature"],
                        "signature_mirrored": found["signature_mirrored"],
                        "contact_sheet": found.get("contact_sheet"),
                        "sheet_timecodes": found.get("sheet_timecodes", []),
                        "keyframes": len(keyframes),
                    }
                },
            }
            if "thumbnail" in found:
                parent.derived["thumbnail"] = found["thumbnail"]
            if "photo_taken" in found:
                parent.derived["photo_taken"] = found["photo_taken"]
        yield parent
        stem = PurePath(source.name).stem or "video"
        for key in keyframes:
            progress.check()
            child = source.child_bytes(
                key["jpeg"],
                display=f"{source.display}#t={key['t']:.3f}",
                name=f"{stem}.frame-{key['timecode'].replace(':', '-')}.jpg",
                parent_key=parent.key,
                chain=source.chain_with(self.name),
            )
            frame = child.item(
                "frame",
                "keyframe",
                mime="image/jpeg",
                analyse_image=True,
                data=key["jpeg"],
                metadata={
                    "timecode": key["t"],
                    "timecode_text": key["timecode"],
                    "keyframe_of": source.name,
                    "text_overlay": bool(key["text_overlay"]),
                    "derived": "scene-change keyframe decoded from the video (PyAV/FFmpeg), stored as JPEG",
                },
            )
            yield frame
