"""What importers read (Source) and what they yield (ImportedItem)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, BinaryIO

HEAD_SIZE = 4096


@dataclass
class Source:
    """One input to an importer: a file on disk or bytes from inside a container.

    Attributes:
        display: the provenance path shown to users, e.g. ``/seized/a.zip!photos/x.jpg``.
        name: the original file name (last component).
        chain: importer chain so far, e.g. ``zip`` for a member of a zip.
        depth: container nesting depth (0 for a file given by the analyst).
        parent_key: key of the item this source came out of (its container), if any.
        capture_method: how the material was acquired, inherited by what it yields.
    """

    display: str
    name: str
    opener: Callable[[], BinaryIO]
    size: int
    path: Path | None = None
    chain: str = ""
    depth: int = 0
    parent_key: str | None = None
    capture_method: str = "seized file"
    _head: bytes | None = None

    @classmethod
    def from_path(cls, path: Path) -> Source:
        path = Path(path)
        return cls(
            display=str(path),
            name=path.name,
            opener=lambda: path.open("rb"),
            size=path.stat().st_size,
            path=path,
        )

    @classmethod
    def from_bytes(cls, data: bytes, display: str, name: str, **kw: Any) -> Source:
        return cls(display=display, name=name, opener=lambda: io.BytesIO(data), size=len(data), **kw)

    @property
    def head(self) -> bytes:
        if self._head is None:
            with self.opener() as fh:
                self._head = fh.read(HEAD_SIZE)
        return self._head

    @property
    def pure_path(self) -> PurePath:
        return PurePath(self.name)

    def read_all(self, limit: int) -> bytes:
        """Whole content, refusing more than ``limit`` bytes (caller raises a clear error)."""
        with self.opener() as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            from workstation.errors import HostileInput

            raise HostileInput(f"larger than the {limit // (1 << 20)} MiB limit for this format", self.display)
        return data


@dataclass
class ImportedItem:
    """One item an importer found, before it is hashed, analysed and stored.

    Exactly one of ``data`` (bytes in memory) or ``file`` (an original on disk, streamed) is set.
    ``key`` is unique within this import run and lets children name their parent (``parent_key``).
    """

    kind: str
    original_name: str
    source_path: str
    key: str
    importer: str
    data: bytes | None = None
    file: Path | None = None
    parent_key: str | None = None
    mime: str | None = None
    source_url: str | None = None
    final_url: str | None = None
    capture_method: str = "seized file"
    captured_at: str | None = None
    captured_tz: str | None = None
    title: str | None = None
    language: str | None = None
    text: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    analyse_image: bool = False  # decode as an image: dimensions, EXIF, thumbnail, hashes
