"""Importer protocol and registry: importers are chosen by content (magic bytes), not extension."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import ClassVar, Protocol

from workstation.errors import UnsupportedFormat
from workstation.importing.model import ImportedItem, Source
from workstation.progress import Progress


class Importer(Protocol):
    name: ClassVar[str]  # unique; written into provenance, never renamed
    version: ClassVar[str]

    def sniff(self, head: bytes, path: PurePath) -> int:
        """Score how surely this content is ours from its first bytes; 0 = not mine."""
        ...

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]: ...


_IMPORTERS: dict[str, type[Importer]] = {}


def register(cls: type[Importer]) -> type[Importer]:
    if cls.name in _IMPORTERS:
        raise ValueError(f"importer {cls.name!r} is registered twice")
    _IMPORTERS[cls.name] = cls
    return cls


def importers() -> dict[str, type[Importer]]:
    return dict(_IMPORTERS)


def choose(source: Source) -> Importer:
    """The importer with the best positive score for this content.

    Raises:
        UnsupportedFormat: nothing recognises the content.
    """
    head = source.head
    path = source.pure_path
    best: tuple[int, str] | None = None
    for name, cls in _IMPORTERS.items():
        score = cls().sniff(head, path)
        if score > 0 and (best is None or score > best[0]):
            best = (score, name)
    if best is None:
        if not head:
            raise UnsupportedFormat("empty file (0 bytes); nothing to import", source.display)
        raise UnsupportedFormat("content not recognised by any importer", source.display)
    return _IMPORTERS[best[1]]()


def read_any(source: Source, progress: Progress) -> Iterator[ImportedItem]:
    """Dispatch one source (a file, or a member of a container) to its importer."""
    importer = choose(source)
    yield from importer.read(source, progress)
