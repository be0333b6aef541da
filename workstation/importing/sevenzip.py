"""7z archives, read with py7zr into memory (never extracted to disk), with ZIP's guards.

7z is usually solid (members share one compressed stream), so members are unpacked in batches of
about ``BATCH_BYTES`` in one pass each; a member larger than ``limits.MEMBER_IN_MEMORY`` stays
inside the stored archive with a warning. Declared sizes are checked before anything is unpacked
and enforced while unpacking (a member that grows beyond its declared size is cut and reported).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import PurePath, PurePosixPath
from typing import Any, ClassVar

from workstation.errors import HostileInput, WrongFormat
from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.importing.zip import unsafe_name
from workstation.progress import Progress

SEVENZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
BATCH_BYTES = 256 * limits.MiB
MAX_ARCHIVE_IN_MEMORY = 2 * limits.GiB  # py7zr needs a seekable file; larger archives stay whole


def _writer_factory(limit_by_name: dict[str, int]) -> Any:
    from py7zr.io import Py7zIO, WriterFactory

    class _Capped(Py7zIO):
        """One member in memory, refusing more than it declared."""

        def __init__(self, limit: int) -> None:
            self.buffer = io.BytesIO()
            self.limit = limit
            self.overflow = False

        def write(self, s: bytes | bytearray) -> int:
            room = self.limit - self.buffer.tell()
            if len(s) > room:
                self.overflow = True
                s = s[: max(0, room)]
            return self.buffer.write(s)

        def read(self, size: int | None = None) -> bytes:
            return self.buffer.read(size)

        def seek(self, offset: int, whence: int = 0) -> int:
            return self.buffer.seek(offset, whence)

        def flush(self) -> None:
            return None

        def size(self) -> int:
            return len(self.buffer.getbuffer())

    class _Factory(WriterFactory):
        def __init__(self) -> None:
            self.products: dict[str, _Capped] = {}

        def create(self, filename: str) -> Py7zIO:
            product = _Capped(limit_by_name.get(filename, 0))
            self.products[filename] = product
            return product

    return _Factory()


def member_problem(info: Any) -> str | None:
    why = unsafe_name(info.filename)
    if why:
        return f"unsafe member path ({why}): not imported; the archive is kept whole in the case"
    if info.is_symlink:
        return "symbolic link inside the archive: not followed"
    size = int(info.uncompressed or 0)
    compressed = int(info.compressed or 0)
    if compressed and size > limits.RATIO_MIN_SIZE and size > limits.MAX_RATIO * compressed:
        return f"archive bomb: compression ratio {size // compressed}:1 exceeds {limits.MAX_RATIO}:1; not unpacked"
    if size > limits.MEMBER_IN_MEMORY:
        return f"member larger than {limits.MEMBER_IN_MEMORY >> 20} MiB: kept inside the stored archive, not unpacked"
    return None


@register
class SevenZipImporter:
    """A 7z archive: kept whole as a file item, each member imported as its child."""

    name: ClassVar[str] = "7z"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 60 if head.startswith(SEVENZIP_MAGIC) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        import py7zr

        if source.depth >= limits.MAX_NESTING:
            raise HostileInput(
                f"archives nested more than {limits.MAX_NESTING} levels deep (archive bomb?)", source.display
            )
        try:
            with source.opener() as fh, py7zr.SevenZipFile(fh) as archive:
                encrypted = archive.needs_password()
                infos = [] if encrypted else [i for i in archive.list() if not i.is_directory]
        except (py7zr.exceptions.ArchiveError, py7zr.exceptions.Bad7zFile, EOFError, ValueError, KeyError) as exc:
            raise WrongFormat(f"damaged or truncated 7z archive ({exc})", source.display) from exc
        declared = sum(int(i.uncompressed or 0) for i in infos)
        if len(infos) > limits.MAX_MEMBERS:
            raise HostileInput(f"archive bomb: {len(infos)} members (limit {limits.MAX_MEMBERS})", source.display)
        if declared > limits.MAX_EXPANSION:
            raise HostileInput(f"archive bomb: declares {declared >> 30} GiB of content", source.display)
        container = source.item(
            "file",
            self.name,
            mime="application/x-7z-compressed",
            metadata={"archive": {"format": "7z", "members": len(infos), "declared_size": declared}},
        )
        yield container
        if encrypted:
            progress.warn(source.display, "encrypted 7z archive (password needed): kept whole, nothing unpacked")
            return
        if source.size > MAX_ARCHIVE_IN_MEMORY and source.path is None:
            progress.warn(source.display, "7z archive inside another archive is too large to unpack in memory")
            return
        wanted = []
        for info in infos:
            display = f"{source.display}!{info.filename}"
            problem = member_problem(info)
            if problem:
                progress.warn(display, problem)
                continue
            wanted.append(info)
        yield from self._unpack(source, container, wanted, progress)

    def _unpack(
        self, source: Source, container: ImportedItem, wanted: list[Any], progress: Progress
    ) -> Iterator[ImportedItem]:
        import py7zr

        chain = source.chain_with(self.name)
        for batch in _batches(wanted):
            limit_by_name = {i.filename: int(i.uncompressed or 0) for i in batch}
            factory = _writer_factory(limit_by_name)
            try:
                source.budget.take(sum(limit_by_name.values()), source.display)
            except HostileInput as exc:
                progress.warn(source.display, exc.reason + "; the rest of the archive was not unpacked")
                return
            progress.check()
            try:
                with source.opener() as fh, py7zr.SevenZipFile(fh) as archive:
                    archive.extract(targets=list(limit_by_name), factory=factory)
            except (py7zr.exceptions.ArchiveError, py7zr.exceptions.Bad7zFile, EOFError, ValueError, OSError) as exc:
                progress.warn(source.display, f"7z members could not be unpacked ({exc}); the rest was not unpacked")
                return
            for info in batch:
                product = factory.products.get(info.filename)
                display = f"{source.display}!{info.filename}"
                if product is None:
                    progress.warn(display, "member missing from the unpacked data")
                    continue
                if product.overflow:
                    progress.warn(display, "member larger than its declared size: cut, kept inside the stored archive")
                    continue
                child = source.child_bytes(
                    product.buffer.getvalue(),
                    display=display,
                    name=PurePosixPath(info.filename.replace("\\", "/")).name or info.filename,
                    parent_key=container.key,
                    chain=chain,
                    capture_method="archive member",
                )
                for item in read_child(child, progress):
                    if item.key == child.item_key:
                        written = getattr(info, "creationtime", None)
                        item.metadata.setdefault(
                            "archive_member",
                            {"name": info.filename, "modified": str(written) if written else None},
                        )
                    yield item


def _batches(infos: list[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for info in infos:
        batch.append(info)
        size += int(info.uncompressed or 0)
        if size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
