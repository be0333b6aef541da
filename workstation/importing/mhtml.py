"""MHTML / MHT single-file pages (Chrome and Edge "Save as single file", Internet Explorer .mht).

The .mht file itself is the page item's original (stored untouched); its text, title and language
come from the root HTML part. Images (and framed pages, PDFs) inside become child items with the
URL the part was captured from. Capture time is the Date header, with its original offset.
"""

from __future__ import annotations

import email.policy
from collections.abc import Iterator
from email.message import Message
from email.parser import BytesParser
from pathlib import PurePath, PurePosixPath
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from workstation.errors import WrongFormat
from workstation.importing import limits
from workstation.importing.htmltext import extract_page
from workstation.importing.images import image_mime
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.importing.timeutil import parse_rfc2822
from workstation.progress import Progress

_BOUNDARY_DEFECTS = (
    "StartBoundaryNotFoundDefect",
    "CloseBoundaryNotFoundDefect",
    "MultipartInvariantViolationDefect",
    "NoBoundaryInMultipartDefect",
)


def looks_like_mhtml(head: bytes) -> bool:
    lowered = head[:4096].lower()
    if b"snapshot-content-location:" in lowered or lowered.startswith(b"from: <saved by blink>"):
        return True
    return b"mime-version:" in lowered and b"multipart/related" in lowered


@register
class MhtmlImporter:
    """A page saved as one MIME file: the page plus the resources the browser had loaded."""

    name: ClassVar[str] = "mhtml"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 90 if looks_like_mhtml(head) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        data = source.read_all(limits.MAX_MHTML_BYTES)
        # compat32 keeps headers as the capture wrote them; payload decoding is the same.
        msg = BytesParser(policy=email.policy.compat32).parsebytes(data)
        defects = sorted({type(d).__name__ for part in msg.walk() for d in part.defects})
        parts = [p for p in msg.walk() if not p.is_multipart()]
        if not msg.is_multipart() or any(d in _BOUNDARY_DEFECTS for d in defects):
            raise WrongFormat(
                "malformed MHTML: the MIME boundary is missing or does not match the parts"
                + (f" ({', '.join(defects)})" if defects else ""),
                source.display,
            )
        if len(parts) > limits.MAX_MHTML_PARTS:
            raise WrongFormat(f"MHTML with {len(parts)} parts (limit {limits.MAX_MHTML_PARTS})", source.display)
        root = _root_part(msg, parts)
        if root is None:
            raise WrongFormat("malformed MHTML: no HTML part", source.display)
        snapshot_url = _header(msg, "Snapshot-Content-Location") or _header(root, "Content-Location")
        captured = parse_rfc2822(_header(msg, "Date"))
        payload = _payload(root)
        info = extract_page(payload, charset=root.get_content_charset(), base_url=snapshot_url)
        metadata: dict[str, Any] = dict(info.metadata)
        metadata["mhtml"] = {
            "subject": _decoded(_header(msg, "Subject")),
            "saved_by": _header(msg, "From"),
            "parts": len(parts),
            "date_header": _header(msg, "Date"),
        }
        if defects:
            metadata["mhtml"]["defects"] = defects
        if info.links:
            metadata["links"] = info.links
        if info.images:
            metadata["images"] = info.images
        page = source.item(
            "page",
            self.name,
            mime="multipart/related",
            capture_method="MHTML" if source.depth == 0 else source.capture_method,
            source_url=snapshot_url or source.source_url,
            final_url=snapshot_url or source.final_url,
            captured_at=captured[0] if captured else source.captured_at,
            captured_tz=captured[1] if captured else source.captured_tz,
            title=info.title or metadata["mhtml"]["subject"],
            text=info.text,
            language=info.language,
            metadata=metadata,
            data=data,
        )
        yield page
        skipped = 0
        for n, part in enumerate(parts):
            if part is root:
                continue
            body = _payload(part)
            ctype = part.get_content_type()
            wanted = image_mime(body[:64]) is not None or ctype == "text/html" or body[:1024].find(b"%PDF-") >= 0
            if not body or not wanted:
                skipped += 1  # stylesheets, scripts, fonts: inside the stored .mht only
                continue
            location = _header(part, "Content-Location")
            child = source.child_bytes(
                body,
                display=f"{source.display}!{location or f'part{n}'}",
                name=_name(location, f"part{n}"),
                parent_key=page.key,
                chain=source.chain_with(self.name),
                capture_method=page.capture_method,
                source_url=location,
                final_url=location,
                captured_at=page.captured_at,
                captured_tz=page.captured_tz,
                charset=part.get_content_charset(),
                key=f"{source.display}#part{n}",
            )
            for item in read_child(child, progress):
                if item.key == child.item_key:
                    item.metadata["mhtml_part"] = {
                        "content_type": ctype,
                        "content_id": _header(part, "Content-ID"),
                    }
                yield item


def _root_part(msg: Message, parts: list[Message]) -> Message | None:
    start = msg.get_param("start")
    if isinstance(start, str):
        for part in parts:
            if (_header(part, "Content-ID") or "").strip() == start.strip():
                return part
    for part in parts:
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return part
    return None


def _payload(part: Message) -> bytes:
    body = part.get_payload(decode=True)
    return body if isinstance(body, bytes) else b""


def _header(msg: Message, name: str) -> str | None:
    value = msg.get(name)
    return None if value is None else " ".join(str(value).split())[:2000]


def _decoded(value: str | None) -> str | None:
    if not value:
        return None
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(value)))[:1000]
    except (ValueError, LookupError, UnicodeDecodeError):
        return value


def _name(location: str | None, default: str) -> str:
    if not location:
        return default
    try:
        path = urlsplit(location).path
    except ValueError:
        return default
    return unquote(PurePosixPath(path).name)[:200] or default
