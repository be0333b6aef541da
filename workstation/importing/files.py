"""Fallback importer: any other non-empty file from a seizure is kept as a plain file item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, ClassVar

from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.importing.textutil import decode, detect_language
from workstation.progress import Progress

TEXT_LIMIT = limits.MAX_TEXT_FILE


def looks_like_text(head: bytes) -> bool:
    """No NUL bytes (unless UTF-16/32 with a BOM) and few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls <= len(head) // 100


@register
class FileImporter:
    """Keeps every byte of unrecognised content: a seizure is evidence even where we cannot parse it.

    Plain text (notes, chat exports, logs) is decoded (BOM, UTF-8, else detected charset) and
    indexed for full-text search.
    """

    name: ClassVar[str] = "file"
    version: ClassVar[str] = "2"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 1 if head else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        text = None
        mime = "application/octet-stream"
        metadata: dict[str, Any] = {}
        language = None
        if source.size <= TEXT_LIMIT and looks_like_text(source.head):
            raw = source.read_all(TEXT_LIMIT)
            decoded, how = decode(raw, source.charset)
            if decoded.strip():
                text = decoded[: limits.MAX_TEXT_CHARS]
                mime = "text/plain"
                metadata.update(how)
                language, lang_info = detect_language(text)
                metadata.update(lang_info)
        elif source.size > TEXT_LIMIT and looks_like_text(source.head):
            metadata["text_skipped"] = f"text file larger than {TEXT_LIMIT >> 20} MiB: stored, not indexed"
        yield source.item("file", self.name, mime=mime, text=text, language=language, metadata=metadata)
