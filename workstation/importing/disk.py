"""Evidence containers: EWF/E01 (split segments too), raw/dd disk images, VHD/VHDX and VMDK.

Read with the Dissect framework (dissect.evidence, dissect.hypervisor, dissect.volume and the file
system modules in :mod:`workstation.importing.filesystems`): partition tables (MBR, GPT) are
walked, each file system's files become children of the container item with provenance through
the chain (container → partition → file system → path, inode/MFT entry, MAC(B) times, deleted).
The E01's stored MD5/SHA-1 are verified against the media data and the result is recorded on the
container item (and so in the audit entry of the import and in the report's provenance).

Nothing is mounted or extracted; files up to ``limits.MEMBER_IN_MEMORY`` are read into memory one
at a time, larger ones are streamed through the same parsers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, BinaryIO, ClassVar

from workstation.errors import HostileInput, WrongFormat
from workstation.importing import filesystems as fsmod
from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import describe_error, read_child, register
from workstation.importing.triage import Skipped, Triage, current
from workstation.progress import Progress

EWF_MAGIC = (b"EVF\x09\x0d\x0a\xff\x00", b"LVF\x09\x0d\x0a\xff\x00")
VHDX_MAGIC = b"vhdxfile"
VHD_MAGIC = b"conectix"
VMDK_MAGIC = b"KDMV"
MAX_FILES_PER_FS = 2_000_000
_SEGMENT_RE = re.compile(r"^(?P<stem>.*)\.(?P<ext>[EeLs])(?P<num>\d\d)$")


@dataclass
class Container:
    """An opened evidence container: its media stream and what we learnt about it."""

    kind: str
    media: BinaryIO
    metadata: dict[str, Any]


def container_kind(head: bytes) -> str | None:
    """What kind of evidence container a file's first bytes show, or None."""
    if head.startswith(EWF_MAGIC):
        return "ewf"
    if head.startswith(VHDX_MAGIC):
        return "vhdx"
    if head.startswith(VHD_MAGIC):  # a dynamic VHD starts with a copy of its footer
        return "vhd"
    if head.startswith(VMDK_MAGIC):
        return "vmdk"
    if len(head) >= 1024 and head[512:520] == b"EFI PART":
        return "raw"
    if len(head) >= 512 and head[510:512] == b"\x55\xaa" and _mbr_looks_valid(head):
        return "raw"
    if len(head) >= 1082 and (head[3:11] in (b"NTFS    ", b"EXFAT   ") or head[1080:1082] == b"\x53\xef"):
        return "raw"
    if len(head) >= 512 and head[510:512] == b"\x55\xaa" and (b"FAT1" in head[54:62] or b"FAT32" in head[82:90]):
        return "raw"
    return None


def _mbr_looks_valid(head: bytes) -> bool:
    """Four partition entries with boot flags 0x00/0x80 and at least one non-empty type."""
    entries = [head[446 + 16 * n : 462 + 16 * n] for n in range(4)]
    if any(e[0] not in (0x00, 0x80) for e in entries):
        return False
    return any(e[4] != 0 for e in entries)


def ewf_segments(path: Path) -> list[Path]:
    """The segment files of an EWF set, in order, from its first segment's path (.E01, .E02 …)."""
    match = _SEGMENT_RE.match(path.name)
    if not match:
        return [path]
    stem, letter = match["stem"], match["ext"]
    found = [path]
    number = int(match["num"]) + 1
    while number < 100:
        candidate = path.with_name(f"{stem}.{letter}{number:02d}")
        if not candidate.exists():
            break
        found.append(candidate)
        number += 1
    return found


def _ewf_segment_number(head: bytes) -> int:
    return int.from_bytes(head[9:11], "little") if len(head) >= 13 else 1


def open_container(source: Source, kind: str) -> Container:
    """Open ``source`` as a container of ``kind``.

    Raises:
        WrongFormat: the container cannot be parsed.
    """
    metadata: dict[str, Any] = {"format": kind}
    try:
        if kind == "ewf":
            return _open_ewf(source, metadata)
        if kind in ("vhd", "vhdx", "vmdk"):
            from dissect.hypervisor.disk import vhd, vhdx, vmdk

            fh = source.opener()
            opened: Any
            if kind == "vhd":
                opened = vhd.VHD(fh)
            elif kind == "vhdx":
                opened = vhdx.VHDX(fh)
            else:
                opened = vmdk.VMDK(fh)
            media = opened.open() if hasattr(opened, "open") else opened
            metadata["media_size"] = int(getattr(opened, "size", 0) or 0)
            return Container(kind, media, metadata)
        fh = source.opener()
        metadata["media_size"] = source.size
        return Container("raw", fh, metadata)
    except WrongFormat:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser complaint on a damaged container
        raise WrongFormat(f"damaged or unsupported {kind} container ({describe_error(exc)})", source.display) from exc


def _open_ewf(source: Source, metadata: dict[str, Any]) -> Container:
    from dissect.evidence.ewf import EWF

    if source.path is None:
        raise WrongFormat(
            "an EWF image inside an archive cannot be read (its segments are separate files)", source.display
        )
    segments = ewf_segments(source.path)
    ewf = EWF(list(segments))
    metadata.update(
        {
            "segments": [p.name for p in segments],
            "media_size": int(ewf.size),
            "sector_size": int(ewf.volume.sector_size),
            "stored_hashes": _ewf_stored_hashes(ewf),
            "acquisition": _ewf_header_values(ewf),
        }
    )
    return Container("ewf", ewf.open(), metadata)


def _ewf_stored_hashes(ewf: Any) -> dict[str, str]:
    """The MD5 (and SHA-1) the acquisition tool stored in the 'hash'/'digest' sections."""
    stored: dict[str, str] = {}
    for index in range(len(ewf.fh)):
        segment = ewf.segment(index)
        for section in segment.sections:
            if section.type not in (b"hash", b"digest"):
                continue
            segment.fh.seek(section.data_offset)
            data = segment.fh.read(36)
            md5 = data[:16]
            if any(md5):
                stored["md5"] = md5.hex()
            if section.type == b"digest" and any(data[16:36]):
                stored["sha1"] = data[16:36].hex()
    return stored


def _ewf_header_values(ewf: Any) -> dict[str, str]:
    """Case number, examiner, acquisition date … from the EWF header text (tab-separated)."""
    try:
        text = (
            ewf.header.data.decode("utf-16")
            if ewf.header.data[:2] == b"\xff\xfe"
            else ewf.header.data.decode("latin-1")
        )
    except (AttributeError, UnicodeDecodeError):
        return {}
    lines = [line.split("\t") for line in text.replace("\r", "").split("\n")]
    names = {
        "c": "case_number",
        "n": "evidence_number",
        "a": "description",
        "e": "examiner",
        "t": "notes",
        "av": "acquisition_software_version",
        "ov": "os_version",
        "m": "acquired",
        "u": "system_date",
    }
    for keys, values in zip(lines, lines[1:], strict=False):
        if "c" in keys and len(values) == len(keys):
            found = {names[k]: v for k, v in zip(keys, values, strict=True) if k in names and v}
            for key in ("acquired", "system_date"):
                if found.get(key, "").isdigit():  # EnCase 6+ writes a Unix time
                    found[key] = datetime.fromtimestamp(int(found[key]), UTC).isoformat().replace("+00:00", "Z")
            return found
    return {}


def verify_media(container: Container, progress: Progress) -> dict[str, Any]:
    """Hash the whole media stream and compare with the hashes the container stored."""
    stored: dict[str, str] = container.metadata.get("stored_hashes") or {}
    if not stored:
        return {"status": "no stored hashes"}
    md5, sha1 = hashlib.md5(usedforsecurity=False), hashlib.sha1(usedforsecurity=False)
    container.media.seek(0)
    while True:
        progress.check()
        block = container.media.read(8 << 20)
        if not block:
            break
        md5.update(block)
        sha1.update(block)
    computed = {"md5": md5.hexdigest(), "sha1": sha1.hexdigest()}
    mismatched = [k for k, v in stored.items() if computed.get(k) != v]
    return {
        "status": "mismatch" if mismatched else "verified",
        "computed": {k: computed[k] for k in stored},
        "mismatched": mismatched,
    }


@dataclass(frozen=True)
class Volume:
    index: int | None
    offset: int
    size: int
    description: str
    stream: BinaryIO


def volumes(media: BinaryIO, size: int) -> list[Volume]:
    """The partitions of a disk, or the whole media as one volume when there is no table."""
    from dissect.volume.disk import Disk

    media.seek(0)
    try:
        disk = Disk(media)
    except Exception:  # noqa: BLE001 - no partition table: a bare file system (a USB stick, a volume image)
        return [Volume(None, 0, size, "whole media", media)]
    found = []
    for n, part in enumerate(disk.partitions):
        kind = getattr(part, "type_str", None) or str(getattr(part, "type", ""))
        if getattr(part, "type", None) in (0x05, 0x0F, 0x85):  # extended partition containers
            continue
        found.append(
            Volume(n + 1, int(part.offset), int(part.size), f"{disk.scheme.__class__.__name__} {kind}", part.open())
        )
    return found or [Volume(None, 0, size, "whole media", media)]


@register
class DiskImageImporter:
    """A disk or volume image: kept whole as an item; the files of its file systems as its children."""

    name: ClassVar[str] = "disk"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        kind = container_kind(head)
        if kind is None:
            return 0
        return 30 if kind == "raw" else 70

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        kind = container_kind(source.head)
        if kind is None:
            raise WrongFormat("not a disk image", source.display)
        if kind == "ewf" and _ewf_segment_number(source.head) > 1:
            yield source.item(
                "file",
                self.name,
                mime="application/x-ewf",
                metadata={
                    "container": {
                        "format": "ewf",
                        "note": "a later segment of an EWF set; read through its first segment",
                    }
                },
            )
            return
        container = open_container(source, kind)
        if kind == "ewf":
            container.metadata["verification"] = verify_media(container, progress)
            verification = container.metadata["verification"]
            if verification["status"] == "mismatch":
                progress.warn(
                    source.display,
                    "the image's data does not match the hash stored by the acquisition tool "
                    f"({', '.join(verification['mismatched'])}): a segment was altered or damaged",
                )
        parts = volumes(container.media, int(container.metadata.get("media_size") or source.size))
        triage = current()
        container.metadata["triage"] = triage.describe()
        container.metadata["volumes"] = []
        for volume in parts:
            fs_kind = fsmod.detect(volume.stream)
            info: dict[str, Any] = {
                "partition": volume.index,
                "offset": volume.offset,
                "size": volume.size,
                "scheme": volume.description,
                "filesystem": fs_kind,
            }
            if fs_kind is not None:
                info["skipped"] = _count_skipped(volume, fs_kind, triage)
            else:
                info["encryption"] = fsmod.encryption(volume.stream)
            container.metadata["volumes"].append(info)
        item = source.item(
            "file",
            self.name,
            mime=_MIME.get(kind, "application/octet-stream"),
            metadata={"container": container.metadata},
        )
        yield item
        for volume, info in zip(parts, container.metadata["volumes"], strict=True):
            if info["filesystem"] is None:
                why = (
                    f"{info['encryption']} volume: encrypted, not read (the key is needed); kept inside the image"
                    if info.get("encryption")
                    else "no file system this program can read (unknown or damaged); kept inside the image"
                )
                progress.warn(f"{source.display}#p{volume.index or 0}", why)
                continue
            yield from self._files(source, item, volume, info["filesystem"], progress)

    def _files(
        self, source: Source, parent: ImportedItem, volume: Volume, fs_kind: str, progress: Progress
    ) -> Iterator[ImportedItem]:
        label = f"p{volume.index}" if volume.index is not None else "fs"
        chain = source.chain_with(f"{self.name}/{fs_kind}")
        triage = current()
        try:
            entries = fsmod.walk(volume.stream, fs_kind, limit=MAX_FILES_PER_FS)
            for entry in entries:
                progress.check()
                if _skip_reason(triage, entry):
                    continue
                display = f"{source.display}#{label}:{entry.path}"
                provenance = {
                    "container": parent.original_name,
                    "partition": volume.index,
                    "partition_offset": volume.offset,
                    "filesystem": fs_kind,
                    "path": entry.path,
                    "inode": entry.inode,
                    "times": entry.times,
                    "deleted": entry.deleted,
                }
                if entry.note:
                    provenance["note"] = entry.note
                if entry.deleted and entry.size == 0:
                    progress.warn(display, entry.note or "deleted file, nothing recoverable")
                    continue
                try:
                    source.budget.take(entry.size, source.display)
                except HostileInput as exc:
                    progress.warn(source.display, exc.reason + "; the rest of the image was not read")
                    return
                yield from self._one(source, parent, entry, display, chain, provenance, progress)
        except NotImplementedError as exc:
            progress.warn(f"{source.display}#{label}", f"{exc}; kept inside the image")
        except OverflowError as exc:
            progress.warn(f"{source.display}#{label}", f"{exc}: the rest was not read")
        except (RecursionError, MemoryError, ValueError, KeyError, EOFError, OSError) as exc:
            progress.warn(
                f"{source.display}#{label}", f"file system damaged ({describe_error(exc)}); the rest was not read"
            )
        except Exception as exc:  # noqa: BLE001 - Dissect raises its own errors on damaged structures
            progress.warn(
                f"{source.display}#{label}", f"file system damaged ({describe_error(exc)}); the rest was not read"
            )

    def _one(
        self,
        source: Source,
        parent: ImportedItem,
        entry: fsmod.FsEntry,
        display: str,
        chain: str,
        provenance: dict[str, Any],
        progress: Progress,
    ) -> Iterator[ImportedItem]:
        name = PurePath(entry.path).name or entry.path
        common: dict[str, Any] = {
            "display": display,
            "name": name,
            "parent_key": parent.key,
            "chain": chain,
            "capture_method": "disk image (deleted file)" if entry.deleted else "disk image",
        }
        if entry.size <= limits.MEMBER_IN_MEMORY:
            try:
                with entry.opener() as fh:
                    data = fh.read(entry.size + 1)[: entry.size]
            except Exception as exc:  # noqa: BLE001 - damaged runs of one file
                progress.warn(display, f"cannot read the file's data ({describe_error(exc)})")
                return
            child = source.child_bytes(data, **common)
        else:
            child = source.child(opener=entry.opener, size=entry.size, **common)
        for item in read_child(child, progress):
            if item.key == child.item_key:
                item.metadata.setdefault("filesystem", provenance)
                if entry.deleted:
                    item.tags.append("deleted")
            yield item


def _skip_reason(triage: Triage, entry: fsmod.FsEntry) -> str | None:
    head = b""
    if triage.kinds is not None and entry.size:
        try:
            with entry.opener() as fh:
                head = fh.read(16)
        except Exception:  # noqa: BLE001 - unreadable here: the import pass reports it
            head = b""
    return triage.reason_to_skip(entry.path, entry.size, head)


def _count_skipped(volume: Volume, fs_kind: str, triage: Triage) -> dict[str, object]:
    """What the triage filter leaves out of one file system (a listing pass, no content read)."""
    skipped = Skipped()
    try:
        for entry in fsmod.walk(volume.stream, fs_kind, limit=MAX_FILES_PER_FS):
            reason = _skip_reason(triage, entry)
            if reason:
                skipped.add(reason, entry.size)
    except Exception:  # noqa: BLE001 - the import pass walks again and reports the damage
        pass
    return skipped.as_dict()


_MIME = {
    "ewf": "application/x-ewf",
    "vhd": "application/x-vhd",
    "vhdx": "application/x-vhdx",
    "vmdk": "application/x-vmdk",
    "raw": "application/x-raw-disk-image",
}
