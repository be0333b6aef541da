"""Fallback importer: any other non-empty file from a seizure is kept as a plain file item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import ClassVar

from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress

TEXT_LIMIT = 4 << 20  # plain-text files larger than this are stored but not indexed


@register
class FileImporter:
    """Keeps every byte of unrecognised content: a seizure is evidence even where we cannot parse it."""

    name: ClassVar[str] = "file"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 1 if head else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        chain = f"{source.chain}/{self.name}" if source.chain else self.name
        text = None
        mime = "application/octet-stream"
        if source.size <= TEXT_LIMIT and b"\x00" not in source.head:
            raw = source.read_all(TEXT_LIMIT)
            try:
                text = raw.decode("utf-8")
                mime = "text/plain"
            except UnicodeDecodeError:
                text = None
        yield ImportedItem(
            kind="file",
            original_name=source.name,
            source_path=source.display,
            key=source.display,
            importer=chain,
            file=source.path,
            data=None if source.path else source.read_all(1 << 31),
            parent_key=source.parent_key,
            mime=mime,
            capture_method=source.capture_method,
            text=text,
        )
