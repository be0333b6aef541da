"""Parsed chat messages and how they become items (conversation -> message -> attachment).

Every message is an item of its own whose stored bytes are the message as the source wrote it
(the export's lines, or the app's record as canonical JSON): its SHA-256 is the message's hash in
a transcript. Attachments are children of their message and go through the same pipeline as any
image or file (dedup, OCR, indicators).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from workstation.conversations.times import LocalClock, iso_utc
from workstation.importing.model import ImportedItem, Source

PLATFORMS = ("whatsapp", "telegram")


@dataclass
class ChatMessage:
    """One message as a parser found it, before it becomes an item."""

    raw: bytes  # the message as the source wrote it (stored as the item's original)
    sender: str | None = None
    text: str = ""
    local: datetime | None = None  # naive local time (exports) ...
    utc: datetime | None = None  # ... or an aware UTC time (databases, Telegram unixtime)
    local_text: str | None = None  # the local time as ISO text, when the source gave one with UTC
    sender_id: str | None = None
    from_me: bool | None = None
    system: bool = False
    event: str | None = None
    reply_to: str | None = None
    forwarded: bool = False
    forwarded_from: str | None = None
    external_id: str | None = None
    edited: str | None = None
    attachments: list[str] = field(default_factory=list)  # names as the source gives them
    extra: dict[str, Any] = field(default_factory=dict)


def conversation_item(
    source: Source,
    importer: str,
    *,
    platform: str,
    title: str | None,
    source_format: str,
    zone: str | None,
    chat_id: str | None = None,
    key: str | None = None,
    display: str | None = None,
    data: bytes | None = None,
    extra: dict[str, Any] | None = None,
) -> ImportedItem:
    """The conversation item: the export file itself (or one chat's record from a database)."""
    meta: dict[str, Any] = {
        "conversation": {
            "platform": platform,
            "title": title,
            "source_format": source_format,
            "zone_assumed": zone,
            "chat_id": chat_id,
            **(extra or {}),
        }
    }
    if data is not None or key is not None:
        item = source.item("conversation", importer, data=data if data is not None else b"", metadata=meta, title=title)
        item.key = key or item.key
        if display:
            item.source_path = display
        return item
    return source.item("conversation", importer, metadata=meta, title=title, mime="text/plain")


def message_item(
    conversation: ImportedItem,
    seq: int,
    msg: ChatMessage,
    *,
    clock: LocalClock | None,
    importer: str,
) -> ImportedItem:
    """A message item, child of ``conversation``; its source path is the conversation's + ``#seq``."""
    sent_at = local_time = zone = note = offset = None
    if msg.utc is not None:
        sent_at = iso_utc(msg.utc)
        local_time = msg.local_text
        offset = "+00:00"
    elif msg.local is not None and clock is not None:
        resolved = clock.resolve(msg.local)
        sent_at = iso_utc(resolved.utc)
        local_time = msg.local.isoformat(timespec="seconds")
        zone, note, offset = clock.zone_name, resolved.note, resolved.offset
    info: dict[str, Any] = {
        "seq": seq,
        "sender": msg.sender,
        "sender_id": msg.sender_id,
        "from_me": msg.from_me,
        "sent_at": sent_at,
        "local_time": local_time,
        "zone": zone,
        "time_note": note,
        "system": msg.system,
        "event": msg.event,
        "reply_to": msg.reply_to,
        "forwarded": msg.forwarded,
        "forwarded_from": msg.forwarded_from,
        "external_id": msg.external_id,
    }
    if msg.edited:
        info["edited"] = msg.edited
    if msg.attachments:
        info["attachments_named"] = msg.attachments
    if msg.extra:
        info.update(msg.extra)
    name = f"message {seq}"
    return ImportedItem(
        kind="message",
        original_name=name,
        source_path=f"{conversation.source_path}#{seq}",
        key=f"{conversation.key}#{seq}",
        importer=conversation.importer if not importer else f"{conversation.importer}/{importer}",
        # Hashed and stored by the writer itself (the opener path): a message is a few hundred
        # bytes, and sending each to a worker process costs more than hashing it (measured).
        opener=_bytes_opener(msg.raw),
        size_hint=len(msg.raw),
        parent_key=conversation.key,
        mime="text/plain",
        capture_method=conversation.capture_method,
        captured_at=sent_at,
        captured_tz=offset,
        text=msg.text or None,
        metadata={"message": {k: v for k, v in info.items() if v is not None and v is not False}},
    )


def _bytes_opener(data: bytes) -> Callable[[], BinaryIO]:
    return lambda: io.BytesIO(data)


def canonical_json(record: dict[str, Any]) -> bytes:
    """A database record as stable bytes (the message's stored original)."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
