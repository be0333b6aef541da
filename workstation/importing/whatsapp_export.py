"""WhatsApp chat exports: the ``.txt`` alone, or the ``.zip`` with media (Android and iOS).

The export file is kept whole as the **conversation** item; each message becomes a **message**
item (its stored bytes are its lines as exported), and every media file the zip holds is imported
as a child of the message that names it (photos go through dedup, OCR and indicators like any
image). Media no message names stay children of the conversation.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePath, PurePosixPath
from typing import BinaryIO, ClassVar

from workstation.conversations import whatsapp_text as wa
from workstation.conversations.model import conversation_item, message_item
from workstation.conversations.times import ASSUMED_ZONE, LocalClock
from workstation.errors import HostileInput, WrongFormat
from workstation.importing import limits
from workstation.importing.files import looks_like_text
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.progress import Progress


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "replace")
    return head.decode("utf-8", "replace").lstrip("\ufeff")


@register
class WhatsAppExportImporter:
    """A WhatsApp "Export chat" text file: a conversation with its messages."""

    name: ClassVar[str] = "whatsapp"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if not head or not looks_like_text(head):
            return 0
        return 60 if wa.looks_like_chat(_head_text(head)) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        yield from read_chat(source, progress, title=wa.title_from_name(source.name))


def _scan(source: Source) -> tuple[wa.DateOrder, dict[str, str]]:
    with source.opener() as fh:
        text, how = wa.open_text(fh)
        order = wa.scan_order(iter(text))
    return order, how


def read_chat(
    source: Source,
    progress: Progress,
    *,
    title: str,
    media: dict[str, zipfile.ZipInfo] | None = None,
    archive: Source | None = None,
    archive_opener: Callable[[], BinaryIO] | None = None,
    source_format: str = "whatsapp-txt",
) -> Iterator[ImportedItem]:
    """The conversation item, its messages and (from a zip) their attachments."""
    order, how = _scan(source)
    if order.headers == 0:
        raise WrongFormat("not a WhatsApp chat export (no message lines)", source.display)
    zone = ASSUMED_ZONE.get()
    clock = LocalClock(zone)
    conversation = conversation_item(
        source,
        WhatsAppExportImporter.name,
        platform="whatsapp",
        title=title,
        source_format=source_format,
        zone=zone,
        extra={"app": order.platform, "date_order": order.order, "twelve_hour": order.twelve_hour, **how},
    )
    yield conversation
    warnings: list[str] = []
    used: set[str] = set()
    seq = 0
    with source.opener() as fh:
        text, _ = wa.open_text(fh)
        for parsed in wa.parse(iter(text), order, warnings):
            seq += 1
            if seq % 512 == 0:
                progress.check()
            item = message_item(conversation, seq, parsed.message, clock=clock, importer="")
            item.metadata["message"]["line"] = parsed.line
            yield item
            for name in parsed.message.attachments:
                info = (media or {}).get(name)
                if info is None or archive is None or archive_opener is None:
                    if archive is None and source.path is not None:
                        yield from _beside(source, name, item.key, progress)
                    continue
                used.add(info.filename)
                yield from _member(archive, archive_opener, info, item.key, progress)
    for warning in warnings[:20]:
        progress.warn(source.display, warning)
    if len(warnings) > 20:
        progress.warn(source.display, f"{len(warnings) - 20} more lines before the first message")
    if media and archive is not None and archive_opener is not None:
        for info in media.values():
            if info.filename not in used:
                yield from _member(archive, archive_opener, info, conversation.key, progress)


def _member(
    archive: Source, opener: Callable[[], BinaryIO], info: zipfile.ZipInfo, parent_key: str, progress: Progress
) -> Iterator[ImportedItem]:
    from workstation.importing.zip import member_opener, member_problem

    display = f"{archive.display}!{info.filename}"
    problem = member_problem(info)
    if problem:
        progress.warn(display, problem)
        return
    try:
        archive.budget.take(info.file_size, archive.display)
    except HostileInput as exc:
        progress.warn(display, exc.reason)
        return
    child = archive.child(
        display=display,
        name=PurePosixPath(info.filename.replace("\\", "/")).name or info.filename,
        opener=member_opener(opener, info.filename),
        size=info.file_size,
        parent_key=parent_key,
        chain=archive.chain_with("zip"),
        capture_method="archive member",
    )
    yield from read_child(child, progress)


def _beside(source: Source, name: str, parent_key: str, progress: Progress) -> Iterator[ImportedItem]:
    """An attachment of an unpacked export: the file of that name beside the chat text."""
    assert source.path is not None
    if "/" in name or "\\" in name or name in (".", ".."):
        return
    path = source.path.parent / name
    if path.is_symlink() or not path.is_file():
        return  # exported without media, or not copied along: the message keeps the name
    child = source.child(
        display=str(path),
        name=path.name,
        opener=lambda: path.open("rb"),
        size=path.stat().st_size,
        parent_key=parent_key,
        chain=source.chain_with(WhatsAppExportImporter.name),
        capture_method=source.capture_method,
    )
    yield from read_child(child, progress)


def chat_member(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """The chat text of a WhatsApp export zip (``_chat.txt`` on iOS, ``WhatsApp Chat ….txt``)."""
    for info in infos:
        base = PurePosixPath(info.filename.replace("\\", "/")).name
        if info.is_dir() or not base.lower().endswith(".txt"):
            continue
        if base == "_chat.txt" or "whatsapp" in base.lower():
            return info
    return None


def read_whatsapp_zip(
    source: Source, progress: Progress, opener: Callable[[], BinaryIO], infos: list[zipfile.ZipInfo]
) -> Iterator[ImportedItem]:
    """A WhatsApp export zip: the archive kept whole, its chat as a conversation, media as attachments."""
    from workstation.importing.zip import check_archive, member_opener, member_problem

    check_archive(infos, source.display)
    chat = chat_member(infos)
    assert chat is not None
    problem = member_problem(chat)
    if problem:
        raise HostileInput(problem, f"{source.display}!{chat.filename}")
    container = source.item(
        "file",
        "zip",
        mime="application/zip",
        metadata={"archive": {"members": len(infos), "declared_size": sum(i.file_size for i in infos)}},
    )
    yield container
    if container.data is not None:
        data = container.data
        opener = lambda: io.BytesIO(data)  # noqa: E731 - already in memory: no re-reading
    source.budget.take(chat.file_size, source.display)
    chat_source = source.child(
        display=f"{source.display}!{chat.filename}",
        name=PurePosixPath(chat.filename).name,
        opener=member_opener(opener, chat.filename),
        size=chat.file_size,
        parent_key=container.key,
        chain=source.chain_with("zip"),
        capture_method="archive member",
    )
    media = {
        PurePosixPath(i.filename.replace("\\", "/")).name: i
        for i in infos
        if not i.is_dir() and i.filename != chat.filename
    }
    base = PurePosixPath(chat.filename).name
    title = wa.title_from_name(source.name if base == "_chat.txt" else base)
    if chat.file_size > limits.MAX_MEMBER_SIZE:
        raise HostileInput("chat text larger than the member limit", chat_source.display)
    yield from read_chat(
        chat_source,
        progress,
        title=title,
        media=media,
        archive=source,
        archive_opener=opener,
        source_format="whatsapp-zip",
    )


def is_chat_zip(opener: Callable[[], BinaryIO], infos: list[zipfile.ZipInfo]) -> bool:
    """A zip whose chat-named text member starts like a WhatsApp chat."""
    from workstation.importing.zip import member_opener, member_problem

    chat = chat_member(infos)
    if chat is None or member_problem(chat) is not None:
        return False
    try:
        with member_opener(opener, chat.filename)() as fh:
            head = fh.read(4096)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return False
    return bool(looks_like_text(head) and wa.looks_like_chat(_head_text(head)))
