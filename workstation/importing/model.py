"""What importers read (Source) and what they yield (ImportedItem)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from workstation.errors import HostileInput
from workstation.importing import limits

HEAD_SIZE = 4096


class ExpansionBudget:
    """Bytes that may still be unpacked from one input file, all nesting levels together.

    Shared by every Source that descends from one file the analyst chose, so a zip bomb spread
    over many members or nesting levels is stopped as surely as one big member.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limits.MAX_EXPANSION if limit is None else limit
        self.used = 0

    def take(self, nbytes: int, display: str) -> None:
        """Reserve ``nbytes``; raise HostileInput once the input's budget is spent."""
        if self.used + nbytes > self.limit:
            raise HostileInput(
                f"zip bomb: unpacking would exceed {self.limit // limits.GiB} GiB from one input",
                display,
            )
        self.used += nbytes


@dataclass
class Source:
    """One input to an importer: a file on disk or content from inside a container.

    Content is always re-opened through ``opener`` (a file, an in-memory buffer, or a stream
    that re-opens the chain of containers): nothing from an archive is written to disk.

    Attributes:
        display: the provenance path shown to users, e.g. ``/seized/a.zip!photos/x.jpg``.
        name: the original file name (last component).
        chain: importer chain so far, e.g. ``zip`` for a member of a zip.
        depth: container nesting depth (0 for a file given by the analyst).
        parent_key: key of the item this source came out of (its container), if any.
        capture_method: how the material was acquired, inherited by what it yields.
        source_url, captured_at, captured_tz: provenance inherited from a capture (WARC, MHTML).
        charset: a charset declared outside the content (HTTP Content-Type header).
        budget: expansion budget shared with every source from the same input file.
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
    source_url: str | None = None
    final_url: str | None = None
    captured_at: str | None = None
    captured_tz: str | None = None
    charset: str | None = None
    key: str | None = None  # item key when the display path is not unique (WARC records)
    budget: ExpansionBudget = field(default_factory=ExpansionBudget, repr=False)
    _head: bytes | None = field(default=None, repr=False)

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

    def child(
        self,
        *,
        display: str,
        name: str,
        opener: Callable[[], BinaryIO],
        size: int,
        parent_key: str,
        chain: str,
        **kw: Any,
    ) -> Source:
        """A source found inside this one (an archive member, a WARC payload, an MHTML part)."""
        inherited = {
            "capture_method": self.capture_method,
            "source_url": None,
            "captured_at": self.captured_at,
            "captured_tz": self.captured_tz,
        }
        inherited.update(kw)
        return Source(
            display=display,
            name=name,
            opener=opener,
            size=size,
            chain=chain,
            depth=self.depth + 1,
            parent_key=parent_key,
            budget=self.budget,
            **inherited,
        )

    def child_bytes(self, data: bytes, **kw: Any) -> Source:
        return self.child(opener=lambda: io.BytesIO(data), size=len(data), **kw)

    @property
    def head(self) -> bytes:
        if self._head is None:
            with self.opener() as fh:
                self._head = fh.read(HEAD_SIZE)
        return self._head

    @property
    def item_key(self) -> str:
        return self.key or self.display

    @property
    def pure_path(self) -> PurePath:
        return PurePath(self.name)

    def read_all(self, limit: int) -> bytes:
        """Whole content, refusing more than ``limit`` bytes with a clear HostileInput."""
        if self.size > limit:
            raise HostileInput(f"larger than the {_mib(limit)} limit for this format", self.display)
        with self.opener() as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise HostileInput(f"larger than the {_mib(limit)} limit for this format", self.display)
        return data

    def chain_with(self, name: str) -> str:
        return f"{self.chain}/{name}" if self.chain else name

    def item(
        self,
        kind: str,
        importer: str,
        *,
        in_memory: bool = False,
        data: bytes | None = None,
        **kw: Any,
    ) -> ImportedItem:
        """An ImportedItem for this whole source, with its provenance filled in.

        The original is referenced, not copied: a file on disk is streamed by path; content from
        a container is read into memory when small (or ``in_memory``), else streamed by opener;
        ``data`` passes content the importer has already read.
        """
        fields: dict[str, Any] = {
            "kind": kind,
            "original_name": self.name,
            "source_path": self.display,
            "key": self.item_key,
            "importer": self.chain_with(importer),
            "parent_key": self.parent_key,
            "capture_method": self.capture_method,
            "source_url": self.source_url,
            "final_url": self.final_url,
            "captured_at": self.captured_at,
            "captured_tz": self.captured_tz,
        }
        if self.path is not None:
            fields["file"] = self.path
        elif data is not None:  # the importer already read it: do not read it twice
            fields["data"] = data
        elif in_memory or self.size <= limits.MEMBER_IN_MEMORY:
            fields["data"] = self.read_all(max(self.size, limits.MEMBER_IN_MEMORY))
        else:
            fields["opener"] = self.opener
            fields["size_hint"] = self.size
        fields.update(kw)
        return ImportedItem(**fields)


def _mib(n: int) -> str:
    return f"{n / limits.MiB:g} MiB"


@dataclass
class ImportedItem:
    """One item an importer found, before it is hashed, analysed and stored.

    Exactly one of ``data`` (bytes in memory), ``file`` (an original on disk, streamed by a
    worker) or ``opener`` (a large member of a container, streamed by the writer) is set.
    ``key`` is unique within this import run and lets children name their parent (``parent_key``);
    parents are always yielded before their children.
    """

    kind: str
    original_name: str
    source_path: str
    key: str
    importer: str
    data: bytes | None = None
    file: Path | None = None
    opener: Callable[[], BinaryIO] | None = None
    size_hint: int = 0
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
    # What the importer already derived itself (a video decoded in its sandbox): the same keys
    # as a worker's analysis (width, height, metadata, thumbnail, analysis, photo_taken).
    derived: dict[str, Any] | None = None
