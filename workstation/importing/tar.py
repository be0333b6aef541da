"""TAR archives, plain or compressed with gzip, bzip2, xz or zstd, as phone extractions come.

The archive is read as one stream (compressed TAR has no index), never extracted to disk: members
up to ``limits.MEMBER_IN_MEMORY`` are read into memory during that pass; larger ones are streamed
into the case by re-reading the archive up to them. The same guards as ZIP apply: unsafe paths,
links and devices are refused per member, the input's expansion budget and the compression ratio
of the whole archive stop bombs.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePath, PurePosixPath
from typing import BinaryIO, ClassVar

from workstation.errors import HostileInput, WrongFormat
from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.importing.zip import unsafe_name
from workstation.progress import Progress

_TAR_MAGIC_OFFSET = 257
_COMPRESSIONS: dict[str, bytes] = {
    "gzip": b"\x1f\x8b",
    "bzip2": b"BZh",
    "xz": b"\xfd7zXZ\x00",
    "zstd": b"\x28\xb5\x2f\xfd",
}


def compression_of(head: bytes) -> str | None:
    """The compression a head starts with ('' for none), or None when it is not a TAR at all."""
    for name, magic in _COMPRESSIONS.items():
        if head.startswith(magic):
            inner = _peek_decompressed(name, head)
            return name if _is_tar_header(inner) else None
    return "" if _is_tar_header(head) else None


def _is_tar_header(block: bytes) -> bool:
    return block[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] == b"ustar"


def _peek_decompressed(name: str, head: bytes) -> bytes:
    """The first bytes of the decompressed stream, from the compressed head alone."""
    try:
        if name == "gzip":
            return gzip.GzipFile(fileobj=io.BytesIO(head)).read(512)
        if name == "bzip2":
            return bz2.BZ2Decompressor().decompress(head, 512)
        if name == "xz":
            return lzma.LZMADecompressor().decompress(head, 512)
        return _peek_zstd(head)
    except (OSError, EOFError, lzma.LZMAError, ValueError, zlib.error):
        return b""


def _peek_zstd(head: bytes) -> bytes:
    import zstandard

    try:
        return bytes(zstandard.ZstdDecompressor().decompressobj().decompress(head)[:512])
    except zstandard.ZstdError:
        return b""


class _Counted(io.RawIOBase):
    """The compressed input, counting the bytes read from it (for the whole-archive ratio)."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_stream(opener: Callable[[], BinaryIO], compression: str) -> tuple[tarfile.TarFile, _Counted]:
    counted = _Counted(opener())
    raw: BinaryIO = io.BufferedReader(counted, 1 << 20)
    if compression == "zstd":
        import zstandard

        raw = zstandard.ZstdDecompressor().stream_reader(raw)
        mode = "r|"
    else:
        mode = {"": "r|", "gzip": "r|gz", "bzip2": "r|bz2", "xz": "r|xz"}[compression]
    return tarfile.open(fileobj=raw, mode=mode), counted  # type: ignore[call-overload]


def member_opener(opener: Callable[[], BinaryIO], compression: str, index: int) -> Callable[[], BinaryIO]:
    """Re-openable stream of the ``index``-th member: reads the archive again up to it."""

    def open_member() -> BinaryIO:
        archive, _ = _open_stream(opener, compression)
        for n, info in enumerate(archive):
            if n == index:
                stream = archive.extractfile(info)
                if stream is None:
                    break
                return io.BytesIO(stream.read())  # a streaming TarFile cannot hand a member out
        archive.close()
        raise WrongFormat(f"member {index} vanished from the archive on re-reading", "")

    return open_member


def member_problem(info: tarfile.TarInfo) -> str | None:
    """Why one member is refused (it stays preserved inside the stored archive), or None."""
    why = unsafe_name(info.name)
    if why:
        return f"unsafe member path ({why}): not imported; the archive is kept whole in the case"
    if info.issym() or info.islnk():
        return f"link inside the archive (to {info.linkname!r}): not followed"
    if info.ischr() or info.isblk() or info.isfifo():
        return "device or FIFO entry: nothing to import"
    if info.size > limits.MAX_MEMBER_SIZE:
        return f"member larger than {limits.MAX_MEMBER_SIZE >> 30} GiB: not unpacked"
    return None


@register
class TarImporter:
    """A TAR archive (plain, .tar.gz, .tar.bz2, .tar.xz, .tar.zst): kept whole, members as children."""

    name: ClassVar[str] = "tar"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 55 if compression_of(head) is not None else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        if source.depth >= limits.MAX_NESTING:
            raise HostileInput(
                f"archives nested more than {limits.MAX_NESTING} levels deep (archive bomb?)", source.display
            )
        compression = compression_of(source.head)
        if compression is None:
            raise WrongFormat("not a TAR archive", source.display)
        container = source.item(
            "file",
            self.name,
            mime="application/x-tar",
            metadata={"archive": {"format": "tar", "compression": compression or "none"}},
        )
        yield container
        opener = source.opener
        if container.data is not None:
            data = container.data
            opener = lambda: io.BytesIO(data)  # noqa: E731 - already in memory
        yield from self._members(source, container, opener, compression, progress)

    def _members(
        self,
        source: Source,
        container: ImportedItem,
        opener: Callable[[], BinaryIO],
        compression: str,
        progress: Progress,
    ) -> Iterator[ImportedItem]:
        try:
            archive, counted = _open_stream(opener, compression)
        except (tarfile.TarError, OSError, EOFError, lzma.LZMAError) as exc:
            progress.warn(source.display, f"damaged TAR archive ({exc}); kept whole, nothing unpacked")
            return
        unpacked = 0
        count = 0
        chain = source.chain_with(self.name)
        try:
            for index, info in enumerate(archive):
                count += 1
                if count > limits.MAX_MEMBERS:
                    progress.warn(source.display, f"archive bomb: more than {limits.MAX_MEMBERS} members; stopped")
                    return
                if info.isdir():
                    continue
                display = f"{source.display}!{info.name}"
                problem = member_problem(info)
                if problem:
                    progress.warn(display, problem)
                    continue
                try:
                    source.budget.take(info.size, source.display)
                except HostileInput as exc:
                    progress.warn(source.display, exc.reason + "; the rest of the archive was not unpacked")
                    return
                unpacked += info.size
                if (
                    compression
                    and unpacked > limits.RATIO_MIN_SIZE
                    and unpacked > limits.MAX_RATIO * max(1, counted.count)
                ):
                    progress.warn(
                        source.display,
                        f"archive bomb: compression ratio over {limits.MAX_RATIO}:1; the rest was not unpacked",
                    )
                    return
                progress.check()
                name = PurePosixPath(info.name).name or info.name
                common = {
                    "display": display,
                    "name": name,
                    "parent_key": container.key,
                    "chain": chain,
                    "capture_method": "archive member",
                }
                if info.size <= limits.MEMBER_IN_MEMORY:
                    stream = archive.extractfile(info)
                    payload = stream.read() if stream is not None else b""
                    child = source.child_bytes(payload, **common)
                else:
                    child = source.child(
                        opener=member_opener(opener, compression, index),
                        size=info.size,
                        **common,
                    )
                for item in read_child(child, progress):
                    if item.key == child.item_key:
                        item.metadata.setdefault(
                            "archive_member",
                            {"name": info.name, "modified": _utc(info.mtime), "mode": f"{info.mode:o}"},
                        )
                    yield item
        except (tarfile.TarError, OSError, EOFError, lzma.LZMAError) as exc:
            progress.warn(source.display, f"TAR archive damaged after {count} member(s) ({exc}); the rest was lost")
        finally:
            archive.close()


def _utc(mtime: float) -> str | None:
    from datetime import UTC, datetime

    try:
        return datetime.fromtimestamp(mtime, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return None
