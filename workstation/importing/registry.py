"""Importer protocol and registry: importers are chosen by content (magic bytes), not extension."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import ClassVar, Protocol

from workstation.errors import Cancelled, UnsupportedFormat, WorkstationError
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


_formats_loaded = False


def load_formats() -> None:
    """Import every format module (each registers its importer); idempotent."""
    global _formats_loaded
    if _formats_loaded:
        return
    import importlib

    from workstation.importing import FORMAT_MODULES

    for name in FORMAT_MODULES:
        importlib.import_module(f"workstation.importing.{name}")
    _formats_loaded = True


def register(cls: type[Importer]) -> type[Importer]:
    if cls.name in _IMPORTERS:
        raise ValueError(f"importer {cls.name!r} is registered twice")
    _IMPORTERS[cls.name] = cls
    return cls


def importers() -> dict[str, type[Importer]]:
    load_formats()
    return dict(_IMPORTERS)


def choose(source: Source) -> Importer:
    """The importer with the best positive score for this content.

    Raises:
        UnsupportedFormat: nothing recognises the content.
    """
    load_formats()
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


def read_child(source: Source, progress: Progress) -> Iterator[ImportedItem]:
    """Like read_any for content inside a container: a bad member becomes a warning.

    Captured material is adversarial and third-party parsers raise whatever they raise on it, so
    anything but a cancel is reported against the member (never swallowed) and the container's
    other members go on.
    """
    try:
        yield from read_any(source, progress)
    except Cancelled:
        raise
    except Exception as exc:  # noqa: BLE001 - reported per member, see docstring
        progress.warn(source.display, describe_error(exc))


def describe_error(exc: BaseException) -> str:
    """One line for the import log: our reason, or the parser's complaint with its type."""
    if isinstance(exc, WorkstationError):
        return exc.reason
    if isinstance(exc, MemoryError):
        return "too large to process within the memory limit"
    if isinstance(exc, RecursionError):
        return "nested too deeply to parse"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    text = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    return f"damaged or unreadable content ({type(exc).__name__}{': ' + text if text else ''})"
