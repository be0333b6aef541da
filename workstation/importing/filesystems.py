"""File systems inside evidence containers, read with the Dissect framework (FAT/exFAT, NTFS, ext2/3/4).

One walker per file system yields :class:`FsEntry` records: the path inside the file system, the
inode or MFT entry, the file system's own MAC(B) times in UTC, whether the entry was deleted, and a
way to open its content. Nothing is mounted or extracted; every read goes through Dissect's
parsers over the container stream.

Deleted files: NTFS MFT records that are no longer in use are listed with ``deleted=True`` (their
data runs are read when the clusters are still there); FAT directory entries marked 0xE5 are
recovered from their first cluster on, contiguously, when those clusters are free (the classic
undelete; a fragmented deleted file cannot be rebuilt and is reported as such).
"""

from __future__ import annotations

import io
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

FS_NTFS = "ntfs"
FS_FAT = "fat"
FS_EXFAT = "exfat"
FS_EXT = "ext"


@dataclass(frozen=True)
class FsEntry:
    """One regular file found in a file system."""

    path: str
    size: int
    inode: int | None
    times: dict[str, str | None]
    deleted: bool
    opener: Callable[[], BinaryIO] = field(repr=False)
    note: str | None = None


def detect(volume: BinaryIO) -> str | None:
    """The file system in a volume, from its boot sector / superblock, or None."""
    volume.seek(0)
    head = volume.read(2048)
    if len(head) < 1082:
        return None
    if head[3:11] == b"NTFS    ":
        return FS_NTFS
    if head[3:11] == b"EXFAT   ":
        return FS_EXFAT
    if head[1080:1082] == b"\x53\xef":
        return FS_EXT
    if head[510:512] == b"\x55\xaa" and (b"FAT12" in head[54:62] or b"FAT16" in head[54:62] or b"FAT32" in head[82:90]):
        return FS_FAT
    return None


def encryption(volume: BinaryIO) -> str | None:
    """The volume encryption a volume's first bytes show (BitLocker, LUKS, FileVault/APFS), or None."""
    volume.seek(0)
    head = volume.read(4096)
    if head[3:11] == b"-FVE-FS-":
        return "BitLocker"
    if head[:6] == b"LUKS\xba\xbe":
        return "LUKS"
    if head[32:36] == b"NXSB":
        return "APFS (possibly FileVault-encrypted)"
    return None


def walk(volume: BinaryIO, kind: str, *, limit: int) -> Iterator[FsEntry]:
    """Every regular file of the file system ``kind`` in ``volume`` (at most ``limit`` entries)."""
    walkers: dict[str, Callable[[BinaryIO], Iterator[FsEntry]]] = {
        FS_NTFS: _walk_ntfs,
        FS_FAT: _walk_fat,
        FS_EXFAT: _walk_exfat,
        FS_EXT: _walk_ext,
    }
    for n, entry in enumerate(walkers[kind](volume)):
        if n >= limit:
            raise OverflowError(f"more than {limit} files in one file system")
        yield entry


def _iso(value: Any) -> str | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        return value.isoformat()  # FAT keeps local time without a zone: recorded as it is
    if value.year <= 1970 and value.timestamp() <= 0:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- NTFS --------------------------------------------------------------------------------------
def _walk_ntfs(volume: BinaryIO) -> Iterator[FsEntry]:
    from dissect.ntfs import NTFS
    from dissect.ntfs.c_ntfs import ATTRIBUTE_TYPE_CODE

    fs = NTFS(volume)
    for record in fs.mft.segments():
        try:
            if not record.is_file() or record.is_reparse_point():
                continue
            path = record.full_path()
        except Exception:  # noqa: BLE001 - a damaged or half-overwritten MFT record: skip it
            continue
        if not path or path.startswith("$") or "\\$" in path:
            continue  # the file system's own metadata files
        in_use = bool(record.header.Flags & 0x01)
        times: dict[str, str | None] = {}
        infos = record.attributes[ATTRIBUTE_TYPE_CODE.STANDARD_INFORMATION]
        if infos:
            info = infos[0]
            times = {
                "modified": _iso(info.last_modification_time),
                "accessed": _iso(info.last_access_time),
                "changed": _iso(info.last_change_time),
                "born": _iso(info.creation_time),
            }
        try:
            size = int(record.size())
        except Exception:  # noqa: BLE001 - no $DATA stream left in a deleted record
            continue

        def opener(record: Any = record) -> BinaryIO:
            return record.open()  # type: ignore[no-any-return]

        yield FsEntry(
            path="/" + path.replace("\\", "/"),
            size=size,
            inode=int(record.segment),
            times=times,
            deleted=not in_use,
            opener=opener,
            note="MFT record no longer in use; content read from its data runs" if not in_use else None,
        )


# -- ext2/3/4 ----------------------------------------------------------------------------------
def _walk_ext(volume: BinaryIO) -> Iterator[FsEntry]:
    from dissect.extfs import ExtFS

    fs = ExtFS(volume)
    seen: set[int] = set()
    stack: list[tuple[str, Any]] = [("", fs.get("/"))]
    while stack:
        prefix, directory = stack.pop()
        if directory.inum in seen:
            continue  # a loop in a damaged directory tree
        seen.add(directory.inum)
        for name, inode in sorted(directory.listdir().items()):
            if name in (".", ".."):
                continue
            path = f"{prefix}/{name}"
            mode = inode.filetype
            if stat.S_ISDIR(mode):
                stack.append((path, inode))
                continue
            if not stat.S_ISREG(mode):
                continue

            def opener(inode: Any = inode) -> BinaryIO:
                return inode.open()  # type: ignore[no-any-return]

            yield FsEntry(
                path=path,
                size=int(inode.size),
                inode=int(inode.inum),
                times={
                    "modified": _iso(inode.mtime),
                    "accessed": _iso(inode.atime),
                    "changed": _iso(inode.ctime),
                    "born": _iso(inode.crtime),
                },
                deleted=False,
                opener=opener,
            )


# -- FAT ---------------------------------------------------------------------------------------
def _walk_fat(volume: BinaryIO) -> Iterator[FsEntry]:
    from dissect.fat import fat

    fs = fat.FATFS(volume)
    seen: set[int] = set()
    stack: list[tuple[str, Any]] = [("", fs.root)]
    while stack:
        prefix, directory = stack.pop()
        cluster = directory.cluster or 0
        if cluster in seen:
            continue
        seen.add(cluster)
        for entry in directory.iterdir():
            if entry.name in (".", "..") or entry.is_volume_id():
                continue
            path = f"{prefix}/{_fat_name(entry)}"
            if entry.is_directory():
                stack.append((path, entry))
                continue

            def opener(entry: Any = entry) -> BinaryIO:
                return entry.open()  # type: ignore[no-any-return]

            yield FsEntry(
                path=path,
                size=int(entry.size),
                inode=None,
                times=_fat_times(entry),
                deleted=False,
                opener=opener,
            )
        yield from _deleted_fat_entries(fs, directory, prefix)


def _fat_name(entry: Any) -> str:
    """The name as Windows shows it: 8.3 names carry lower-case flags in DIR_NTRes (bits 3 and 4)."""
    if entry.ldirents or not entry.dirent:
        return str(entry.name)
    flags = int(entry.dirent.DIR_NTRes)
    base, dot, ext = str(entry.name).partition(".")
    if flags & 0x08:
        base = base.lower()
    if flags & 0x10:
        ext = ext.lower()
    return base + dot + ext


def _fat_times(entry: Any) -> dict[str, str | None]:
    return {"modified": _iso(entry.mtime), "accessed": _iso(entry.atime), "born": _iso(entry.ctime)}


def _deleted_fat_entries(fs: Any, directory: Any, prefix: str) -> Iterator[FsEntry]:
    """Short-name entries marked 0xE5 in ``directory``, recovered when their clusters are free."""
    from dissect.fat.c_fat import c_fat

    raw = directory.open().read()
    for offset in range(0, len(raw) - 31, 32):
        chunk = raw[offset : offset + 32]
        if chunk[0] != 0xE5 or chunk[11] & 0x0F == 0x0F or chunk[11] & (0x10 | 0x08):
            continue  # not deleted, a long-name slot, a directory or the volume label
        dirent = c_fat.Dirent(chunk)
        size = int(dirent.DIR_FileSize)
        first = (int(dirent.DIR_FstClusHI) << 16) | int(dirent.DIR_FstClusLO)
        base = bytes(chunk[1:8]).decode(fs.encoding, "replace").rstrip()
        ext = bytes(chunk[8:11]).decode(fs.encoding, "replace").rstrip()
        name = "_" + base + (f".{ext}" if ext else "")
        clusters = max(1, -(-size // fs.cluster_size))
        free = size > 0 and first >= 2 and all(_fat_free(fs, first + n) for n in range(clusters))
        data_offset = (first - 2) * fs.cluster_size

        def opener(data_offset: int = data_offset, size: int = size) -> BinaryIO:
            fs.data_stream.seek(data_offset)
            return io.BytesIO(fs.data_stream.read(size))

        times = {
            "modified": _iso(_dos_time(int(dirent.DIR_WrtDate), int(dirent.DIR_WrtTime))),
            "born": _iso(_dos_time(int(dirent.DIR_CrtDate), int(dirent.DIR_CrtTime))),
        }
        if not free:
            yield FsEntry(
                path=f"{prefix}/{name}",
                size=0,
                inode=None,
                times=times,
                deleted=True,
                opener=lambda: io.BytesIO(b""),
                note="deleted entry whose clusters are in use again (or empty): content not recoverable",
            )
            continue
        yield FsEntry(
            path=f"{prefix}/{name}",
            size=size,
            inode=None,
            times=times,
            deleted=True,
            opener=opener,
            note="deleted directory entry (first letter lost); content recovered from its free clusters",
        )


def _fat_free(fs: Any, cluster: int) -> bool:
    try:
        return int(fs.fat.get(cluster)) == 0
    except (IndexError, ValueError, KeyError, EOFError):
        return False


def _dos_time(date: int, time: int) -> datetime | None:
    if not date:
        return None
    try:
        return datetime(
            1980 + (date >> 9), (date >> 5) & 0x0F, date & 0x1F, time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2
        )
    except ValueError:
        return None


# -- exFAT -------------------------------------------------------------------------------------
def _walk_exfat(volume: BinaryIO) -> Iterator[FsEntry]:
    raise NotImplementedError("exFAT volumes are recognised but not read yet")
