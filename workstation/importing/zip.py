"""ZIP archives (nested allowed), as a seized disk export or a phone dump would come.

Members are read as streams from the archive (re-opened through the chain of containers), never
extracted: nothing from an archive is written to disk outside the case. The archive itself is
kept whole as an item, so a member refused for safety is still preserved in the case.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePath, PurePosixPath
from typing import Any, BinaryIO, ClassVar

from workstation.errors import HostileInput, WrongFormat
from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.progress import Progress

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Office documents, e-books and apps are zips too, but an analyst wants them whole.
_DOCUMENT_MARKERS = (
    b"[Content_Types].xml",
    b"mimetypeapplication/",
    b"AndroidManifest.xml",
    b"META-INF/MANIFEST.MF",
)


class _Member(io.RawIOBase):
    """A member stream that also closes the archive (and outer streams) it came from."""

    def __init__(self, stream: BinaryIO, owners: list[Any]) -> None:
        super().__init__()
        self._stream = stream
        self._owners = owners

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return bool(self._stream.seekable())

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
            for owner in self._owners:
                owner.close()
        super().close()


def member_opener(container: Callable[[], BinaryIO], name: str) -> Callable[[], BinaryIO]:
    """Re-openable stream of one member: opens the container, the archive, then the member."""

    def open_member() -> BinaryIO:
        outer = container()
        try:
            archive = zipfile.ZipFile(outer)
            stream = archive.open(name)
        except BaseException:
            outer.close()
            raise
        return _Member(stream, [archive, outer])  # type: ignore[return-value]

    return open_member


def unsafe_name(name: str) -> str | None:
    """Why a member path is unsafe (zip-slip, absolute, device), or None when it is fine."""
    if "\x00" in name:
        return "a NUL character in the member name"
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return "an absolute path"
    if any(part == ".." for part in normal.split("/")):
        return "a '..' path that climbs out of the archive (zip-slip)"
    return None


def check_archive(infos: list[zipfile.ZipInfo], display: str) -> None:
    """Refuse archives that are bombs before anything is read from them.

    Raises:
        HostileInput: too many members, overlapping members, or too much declared content.
    """
    if len(infos) > limits.MAX_MEMBERS:
        raise HostileInput(f"zip bomb: {len(infos)} members (limit {limits.MAX_MEMBERS})", display)
    declared = sum(i.file_size for i in infos)
    if declared > limits.MAX_EXPANSION:
        raise HostileInput(
            f"zip bomb: declares {declared >> 30} GiB of content (limit {limits.MAX_EXPANSION >> 30} GiB)",
            display,
        )
    # Overlapping entries (many central-directory entries sharing one compressed stream) are the
    # "better zip bomb"; Python 3.11's zipfile does not refuse them itself.
    # A local header is at least 30 bytes; its name and extra field only make it longer, so this
    # end is never past the real one and a legitimate archive never trips the check.
    spans = sorted((i.header_offset, i.header_offset + 30 + i.compress_size) for i in infos)
    for (_, end_a), (start_b, _) in zip(spans, spans[1:], strict=False):
        if start_b < end_a:
            raise HostileInput("zip bomb: members overlap each other (shared compressed data)", display)


def member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why one member is refused (it stays preserved inside the stored archive), or None."""
    why = unsafe_name(info.filename)
    if why:
        return f"unsafe member path ({why}): not imported; the archive is kept whole in the case"
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return "symbolic link inside the archive: not followed"
    if info.flag_bits & 0x1:
        return "encrypted member (password needed): not imported; the archive is kept whole"
    if info.file_size > limits.RATIO_MIN_SIZE and info.file_size > limits.MAX_RATIO * max(1, info.compress_size):
        ratio = info.file_size // max(1, info.compress_size)
        return f"zip bomb: compression ratio {ratio}:1 exceeds {limits.MAX_RATIO}:1; not unpacked"
    if info.file_size > limits.MAX_MEMBER_SIZE:
        return f"member larger than {limits.MAX_MEMBER_SIZE >> 30} GiB: not unpacked"
    return None


def is_wacz(names: list[str]) -> bool:
    return "datapackage.json" in names and any(
        n.startswith("archive/") and (n.endswith(".warc") or n.endswith(".warc.gz")) for n in names
    )


@register
class ZipImporter:
    """A ZIP archive: kept whole as a file item, each member imported as its child."""

    name: ClassVar[str] = "zip"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if head[:4] not in ZIP_MAGIC:
            return 0
        if any(marker in head for marker in _DOCUMENT_MARKERS):
            return 0
        return 50

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        if source.depth >= limits.MAX_NESTING:
            raise HostileInput(
                f"archives nested more than {limits.MAX_NESTING} levels deep (zip bomb?)",
                source.display,
            )
        opener, infos = open_listing(source)
        names = [i.filename for i in infos]
        if is_wacz(names):
            from workstation.importing.wacz import read_wacz

            yield from read_wacz(source, progress)
            return
        from workstation.importing import whatsapp_export

        if whatsapp_export.is_chat_zip(opener, infos):
            yield from whatsapp_export.read_whatsapp_zip(source, progress, opener, infos)
            return
        check_archive(infos, source.display)
        container = source.item(
            "file",
            self.name,
            mime="application/zip",
            metadata={"archive": {"members": len(infos), "declared_size": sum(i.file_size for i in infos)}},
        )
        yield container
        yield from iter_members(source, container, opener, infos, self.name, progress)


def open_listing(source: Source) -> tuple[Callable[[], BinaryIO], list[zipfile.ZipInfo]]:
    """The archive's central directory (and an opener for its bytes).

    Raises:
        WrongFormat: not a readable ZIP (truncated, damaged central directory).
    """
    opener = source.opener
    try:
        with opener() as fh, zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise WrongFormat(f"damaged or truncated ZIP archive ({exc})", source.display) from exc
    return opener, infos


def iter_members(
    source: Source,
    container: ImportedItem,
    opener: Callable[[], BinaryIO],
    infos: list[zipfile.ZipInfo],
    importer: str,
    progress: Progress,
    *,
    capture_method: str = "archive member",
) -> Iterator[ImportedItem]:
    """Import each member as a child of ``container``; refused members become warnings."""
    if container.data is not None:
        data = container.data
        opener = lambda: io.BytesIO(data)  # noqa: E731 - already in memory: no re-reading
    for info in infos:
        if info.is_dir():
            continue
        shown, raw_name = member_name(info)
        display = f"{source.display}!{shown}"
        problem = member_problem(info)
        if problem:
            progress.warn(display, problem)
            continue
        try:
            source.budget.take(info.file_size, source.display)
        except HostileInput as exc:
            progress.warn(source.display, exc.reason + "; the rest of the archive was not unpacked")
            return
        progress.check()
        child = source.child(
            display=display,
            name=PurePosixPath(shown.replace("\\", "/")).name or shown,
            opener=member_opener(opener, info.filename),
            size=info.file_size,
            parent_key=container.key,
            chain=source.chain_with(importer),
            capture_method=capture_method,
        )
        for item in read_child(child, progress):
            if item.key == child.item_key:
                item.metadata.setdefault(
                    "archive_member",
                    {
                        "name": info.filename,
                        "modified_local": "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*info.date_time),
                        "crc32": f"{info.CRC:08x}",
                        **raw_name,
                    },
                )
            yield item


def member_name(info: zipfile.ZipInfo) -> tuple[str, dict[str, str]]:
    """A member's name as shown, and its exact bytes when they are not plain ASCII.

    Without the UTF-8 flag the ZIP format says CP437, which ``zipfile`` applies; archives made on
    Linux often hold UTF-8 without the flag, and Windows tools a local code page (CP1252, CP866).
    Valid UTF-8 is shown as UTF-8; anything else as CP437 (reversible: every byte maps), and the
    exact bytes are kept (hex) so the name can be read again in the right code page.
    """
    if info.flag_bits & 0x800:
        return info.filename, {}
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:  # set by a writer that bypassed the flag: nothing to recover
        return info.filename, {}
    if raw.isascii():
        return info.filename, {}
    try:
        return raw.decode("utf-8"), {"name_bytes": raw.hex(), "name_encoding": "utf-8 (no UTF-8 flag)"}
    except UnicodeDecodeError:
        return info.filename, {"name_bytes": raw.hex(), "name_encoding": "cp437 (no UTF-8 flag)"}
