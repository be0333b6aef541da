"""Telegram Desktop exports: ``result.json`` (one chat, or the whole account) and the HTML export.

JSON is read as a stream (ijson), message by message, so a 1 GB export needs little memory. The
time of a message is ``date_unixtime`` (UTC) where the export has it; older exports only have the
computer's local ``date``, interpreted in the assumed zone. ``text`` is a string or a list of
plain strings and entities (phone, mention, link ...); the entities are kept in the message's
metadata. The HTML export (``messages.html``, ``messages2.html`` ...) is one conversation read
from ``messages.html`` and its numbered siblings; each message's stored bytes are its HTML block.

Attachments (``photos/…``, ``files/…``) are read from beside the export when it is on disk and
imported as children of their message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

from workstation.conversations.model import ChatMessage, canonical_json, conversation_item, message_item
from workstation.conversations.times import ASSUMED_ZONE, LocalClock
from workstation.errors import WrongFormat
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.progress import Progress

_JSON_HINTS = (b'"messages"', b'"personal_information"', b'"chats"')
_JSON_TYPES = re.compile(
    rb'"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|'
    rb'private_channel|public_channel|bot_chat|saved_messages)"'
)
_HTML_MARKERS = (b"<title>Exported Data</title>", b'class="page_wrap"')
_PAGE = re.compile(r"^messages(\d*)\.html$")
MAX_HTML_PAGE = 64 << 20


@register
class TelegramImporter:
    """Telegram Desktop chat export, JSON or HTML."""

    name: ClassVar[str] = "telegram"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        start = head.lstrip(b"\xef\xbb\xbf \r\n\t")
        if start.startswith(b"{"):
            if b'"personal_information"' in head and b'"about"' in head:
                return 70
            if _JSON_TYPES.search(head) and b'"name"' in head:
                return 70
            return 0
        if all(marker in head for marker in _HTML_MARKERS) and b"css/style.css" in head:
            return 70
        return 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        if source.head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{"):
            yield from _read_json(source, progress)
        else:
            yield from _read_html(source, progress)


# -- JSON ---------------------------------------------------------------------------------------
def _text_of(value: Any) -> tuple[str, list[dict[str, str]]]:
    if isinstance(value, str):
        return value, []
    if not isinstance(value, list):
        return "", []
    parts: list[str] = []
    entities: list[dict[str, str]] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            text = str(part.get("text", ""))
            parts.append(text)
            kind = str(part.get("type", "plain"))
            if kind != "plain":
                entity = {"type": kind, "text": text}
                if part.get("href"):
                    entity["href"] = str(part["href"])
                entities.append(entity)
    return "".join(parts), entities


def json_message(record: dict[str, Any]) -> ChatMessage:
    """One message object of result.json as a ChatMessage."""
    text, entities = _text_of(record.get("text"))
    msg = ChatMessage(raw=canonical_json(record), text=text)
    msg.external_id = None if record.get("id") is None else str(record.get("id"))
    unix = record.get("date_unixtime")
    date = record.get("date")
    if unix not in (None, ""):
        msg.utc = datetime.fromtimestamp(int(str(unix)), UTC)
        msg.local_text = str(date) if date else None
    elif date:
        msg.local = datetime.fromisoformat(str(date))
    if record.get("type") == "service":
        msg.system = True
        msg.event = str(record.get("action") or "service")
        msg.sender = record.get("actor")
        msg.sender_id = record.get("actor_id")
    else:
        msg.sender = record.get("from")
        msg.sender_id = None if record.get("from_id") is None else str(record.get("from_id"))
    if record.get("reply_to_message_id") is not None:
        msg.reply_to = str(record["reply_to_message_id"])
    if record.get("forwarded_from") is not None:
        msg.forwarded, msg.forwarded_from = True, str(record["forwarded_from"])
    if record.get("edited"):
        msg.edited = str(record["edited"])
    for key in ("photo", "file", "video_file"):
        value = record.get(key)
        if isinstance(value, str) and value and not value.startswith("("):
            msg.attachments.append(value)
    if entities:
        msg.extra["entities"] = entities
    if record.get("media_type"):
        msg.extra["media_type"] = str(record["media_type"])
    return msg


def _read_json(source: Source, progress: Progress) -> Iterator[ImportedItem]:
    import ijson  # type: ignore[import-untyped]

    zone = ASSUMED_ZONE.get()
    base = source.path.parent if source.path is not None else None
    header: dict[str, Any] = {}
    container: ImportedItem | None = None
    conversation: ImportedItem | None = None
    clock = LocalClock(zone)
    seq = 0
    chats = 0
    chat_prefixes = {"": "", "chats.list.item": "chats.list.item.", "left_chats.list.item": "left_chats.list.item."}
    with source.opener() as fh:
        events = ijson.parse(fh, use_float=True)
        try:
            for prefix, event, value in events:
                if event == "start_map" and prefix in ("chats.list.item", "left_chats.list.item"):
                    header, conversation, seq, clock = {}, None, 0, LocalClock(zone)
                    if container is None:
                        container = source.item(
                            "file",
                            TelegramImporter.name,
                            mime="application/json",
                            metadata={"telegram_export": "account"},
                        )
                        yield container
                    continue
                for dotted in chat_prefixes.values():
                    if prefix in (f"{dotted}name", f"{dotted}type", f"{dotted}id") and event in (
                        "string",
                        "number",
                        "integer",
                        "null",
                    ):
                        header[prefix[len(dotted) :]] = value
                        break
                    if prefix == f"{dotted}messages.item" and event == "start_map":
                        if conversation is None:
                            conversation = _json_conversation(source, container, header, chats, zone)
                            chats += 1
                            yield conversation
                        record = _build(events, event, value)
                        seq += 1
                        if seq % 512 == 0:
                            progress.check()
                        if not isinstance(record, dict):
                            progress.warn(source.display, f"message {seq}: not an object; skipped")
                            continue
                        try:
                            msg = json_message(record)
                        except (ValueError, TypeError, OverflowError) as exc:
                            progress.warn(source.display, f"message {seq}: unreadable ({exc}); kept as text")
                            msg = ChatMessage(raw=canonical_json(record), text="", system=True, event="unreadable")
                        item = message_item(conversation, seq, msg, clock=clock, importer="")
                        yield item
                        yield from _attachments(source, base, msg.attachments, item.key, progress)
                        break
        except ijson.JSONError as exc:
            if container is None and conversation is None:
                raise WrongFormat(f"damaged Telegram JSON export ({exc})", source.display) from exc
            progress.warn(source.display, f"damaged JSON after message {seq} ({exc}); the rest was not read")
    if container is None and conversation is None:
        raise WrongFormat("a JSON file without Telegram messages", source.display)


def _build(events: Any, event: str, value: Any) -> Any:
    from ijson.common import ObjectBuilder  # type: ignore[import-untyped]

    builder = ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _, ev, val in events:
        builder.event(ev, val)
        if ev in ("start_map", "start_array"):
            depth += 1
        elif ev in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                break
    return builder.value


def _json_conversation(
    source: Source, container: ImportedItem | None, header: dict[str, Any], n: int, zone: str
) -> ImportedItem:
    title = None if header.get("name") is None else str(header.get("name"))
    chat_id = None if header.get("id") is None else str(header.get("id"))
    extra = {"chat_type": header.get("type")}
    if container is None:  # a single-chat export: the file itself is the conversation
        return conversation_item(
            source,
            TelegramImporter.name,
            platform="telegram",
            title=title,
            source_format="telegram-json",
            zone=zone,
            chat_id=chat_id,
            extra=extra,
        )
    display = f"{source.display}#chat {chat_id or n + 1}"
    item = conversation_item(
        source,
        TelegramImporter.name,
        platform="telegram",
        title=title,
        source_format="telegram-json",
        zone=zone,
        chat_id=chat_id,
        extra=extra,
        data=canonical_json(header),
        key=display,
        display=display,
    )
    item.parent_key = container.key
    item.original_name = title or f"chat {chat_id}"
    item.mime = "application/json"
    return item


def _attachments(
    source: Source, base: Path | None, names: list[str], parent_key: str, progress: Progress
) -> Iterator[ImportedItem]:
    """Files the export put beside itself, read only from inside the export's folder."""
    if base is None:
        return
    for name in names:
        rel = name.replace("\\", "/")
        if rel.startswith("/") or ".." in rel.split("/") or "://" in rel:
            progress.warn(source.display, f"attachment path {name!r} points outside the export; not read")
            continue
        path = base / rel
        if path.is_symlink() or not path.is_file():
            continue  # not exported ("File not included"), or moved: the message keeps the name
        child = source.child(
            display=str(path),
            name=path.name,
            opener=lambda p=path: p.open("rb"),  # type: ignore[misc]
            size=path.stat().st_size,
            parent_key=parent_key,
            chain=source.chain_with(TelegramImporter.name),
            capture_method=source.capture_method,
        )
        yield from read_child(child, progress)


# -- HTML ---------------------------------------------------------------------------------------
_TITLE_TIME = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-]\d{2}):(\d{2}))?")


def _read_html(source: Source, progress: Progress) -> Iterator[ImportedItem]:
    match = _PAGE.match(source.name)
    if (
        source.path is not None
        and match
        and match.group(1) not in ("", "1")
        and (source.path.parent / "messages.html").is_file()
    ):
        # A later page: its messages are imported with messages.html as one conversation.
        yield source.item(
            "file",
            TelegramImporter.name,
            mime="text/html",
            metadata={"telegram_export": "page of messages.html (messages imported there)"},
        )
        return
    pages: list[Source] = [source]
    if source.path is not None and match and match.group(1) == "":
        numbered = []
        for sibling in source.path.parent.iterdir():
            m = _PAGE.match(sibling.name)
            if m and m.group(1) not in ("", "1") and sibling.is_file() and not sibling.is_symlink():
                numbered.append((int(m.group(1)), sibling))
        pages += [Source.from_path(p) for _, p in sorted(numbered)]
    zone = ASSUMED_ZONE.get()
    clock = LocalClock(zone)
    conversation: ImportedItem | None = None
    seq = 0
    base = source.path.parent if source.path is not None else None
    last_sender: str | None = None
    for page in pages:
        from selectolax.lexbor import LexborHTMLParser

        html = page.read_all(MAX_HTML_PAGE).decode("utf-8", "replace")
        tree = LexborHTMLParser(html)
        if conversation is None:
            title_node = tree.css_first("div.page_header div.text.bold") or tree.css_first("div.page_header div.text")
            title = title_node.text(strip=True) if title_node is not None else None
            conversation = conversation_item(
                source,
                TelegramImporter.name,
                platform="telegram",
                title=title,
                source_format="telegram-html",
                zone=zone,
                extra={"pages": [p.name for p in pages]},
            )
            yield conversation
        for node in tree.css("div.message"):
            classes = (node.attributes.get("class") or "").split()
            node_id = node.attributes.get("id") or ""
            if "service" in classes and node_id.startswith("message-"):
                continue  # a day separator, not a message
            seq += 1
            msg, last_sender = _html_message(node, classes, node_id, last_sender)
            item = message_item(conversation, seq, msg, clock=clock, importer="")
            if page is not source:
                item.metadata["message"]["page"] = page.name
            yield item
            yield from _attachments(source, base, msg.attachments, item.key, progress)
        progress.check()


def _html_message(
    node: Any, classes: list[str], node_id: str, last_sender: str | None
) -> tuple[ChatMessage, str | None]:
    raw = (node.html or "").encode("utf-8")
    msg = ChatMessage(raw=raw)
    msg.external_id = node_id.removeprefix("message") or None
    date = node.css_first("div.date")
    stamp = date.attributes.get("title") if date is not None else None
    found = _TITLE_TIME.search(stamp or "")
    if found:
        d, mo, y, h, mi, s, oh, om = found.groups()
        local = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
        if oh is not None:
            sign = -1 if oh.startswith("-") else 1
            from datetime import timedelta

            offset = timedelta(hours=int(oh), minutes=sign * int(om))
            msg.utc = (local - offset).replace(tzinfo=UTC)
            msg.local_text = local.isoformat()
        else:
            msg.local = local
    if "service" in classes:
        body = node.css_first("div.body")
        msg.text = body.text(strip=True) if body is not None else ""
        msg.system, msg.event = True, "service"
        return msg, last_sender
    body = node.css_first("div.body")
    sender_node = None
    text_node = None
    forwarded = None
    if body is not None:
        for child in body.iter():
            child_classes = (child.attributes.get("class") or "").split()
            if "from_name" in child_classes and sender_node is None:
                sender_node = child
            elif "text" in child_classes and text_node is None:
                text_node = child
            elif "forwarded" in child_classes:
                forwarded = child
            elif "reply_to" in child_classes:
                link = child.css_first("a")
                target = (link.attributes.get("href") or "") if link is not None else ""
                msg.reply_to = target.removeprefix("#go_to_message") or None
    if sender_node is not None:
        last_sender = sender_node.text(deep=False, strip=True) or sender_node.text(strip=True)
    msg.sender = last_sender  # "joined" messages repeat the sender above them
    if forwarded is not None:
        msg.forwarded = True
        fwd_from = forwarded.css_first("div.from_name")
        if fwd_from is not None:
            msg.forwarded_from = fwd_from.text(deep=False, strip=True)
        if text_node is None:
            text_node = forwarded.css_first("div.text")
    msg.text = text_node.text(strip=True) if text_node is not None else ""
    for link in node.css("div.media_wrap a[href]"):
        href = link.attributes.get("href") or ""
        if href and not href.startswith(("#", "http:", "https:", "tg:", "mailto:", "tel:")):
            msg.attachments.append(href)
    return msg, last_sender
