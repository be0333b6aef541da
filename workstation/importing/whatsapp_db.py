"""placeholder"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import ClassVar

from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress


@register
class _Placeholderwhatsapp_db:
    name: ClassVar[str] = "whatsapp_db"
    version: ClassVar[str] = "0"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        yield from ()
