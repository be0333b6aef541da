"""Conversation rows written at import, and the typed read layer the CLI, window and report use."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.case import Case, utc_now
from workstation.errors import UsageError


# -- written at import (an item writer, inside the batch transaction) ------------------------
def record_item(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    """Import hook: a conversation or message item also gets its chat row."""
    kind = item.get("kind")
    if kind == "conversation":
        info = item["metadata"].get("conversation") or {}
        case.db.execute(
            "INSERT OR REPLACE INTO chat_conversations (item_id, platform, title, chat_id, zone, source_format) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                item_id,
                info.get("platform") or "unknown",
                info.get("title"),
                info.get("chat_id"),
                info.get("zone_assumed"),
                info.get("source_format"),
            ],
        )
    elif kind == "message" and item.get("parent_id") is not None:
        m = item["metadata"].get("message") or {}
        case.db.execute(
            "INSERT OR REPLACE INTO chat_messages (item_id, conversation_id, seq, sender, sender_id, from_me, "
            "sent_at, local_time, zone, time_note, system, event, reply_to, forwarded, forwarded_from, external_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item_id,
                item["parent_id"],
                int(m.get("seq", 0)),
                m.get("sender"),
                m.get("sender_id"),
                None if m.get("from_me") is None else int(bool(m.get("from_me"))),
                m.get("sent_at"),
                m.get("local_time"),
                m.get("zone"),
                m.get("time_note"),
                int(bool(m.get("system"))),
                m.get("event"),
                None if m.get("reply_to") is None else str(m.get("reply_to")),
                int(bool(m.get("forwarded"))),
                m.get("forwarded_from"),
                None if m.get("external_id") is None else str(m.get("external_id")),
            ],
        )
        if m.get("sender") and not m.get("system"):
            case.db.execute(
                "INSERT INTO chat_participants (conversation_id, sender, first_seq, messages) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(conversation_id, sender) DO UPDATE SET messages = messages + 1, "
                "first_seq = min(first_seq, excluded.first_seq)",
                [item["parent_id"], m["sender"], int(m.get("seq", 0))],
            )


# -- read layer --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConversationRecord:
    """One chat (``workstation conversations --json`` prints these fields)."""

    id: int
    platform: str
    title: str | None
    participants: tuple[str, ...]
    messages: int
    first: str | None
    last: str | None
    source_path: str | None
    zone: str | None
    source_format: str | None
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "title": self.title,
            "participants": list(self.participants),
            "messages": self.messages,
            "first": self.first,
            "last": self.last,
            "source_path": self.source_path,
            "zone_assumed": self.zone,
            "source_format": self.source_format,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class MessageRecord:
    """One message (``workstation messages --json`` prints these fields)."""

    id: int
    conversation_id: int
    seq: int
    sender: str | None
    sent_at: str | None
    local_time: str | None
    zone: str | None
    time_note: str | None
    text: str
    attachments: tuple[int, ...]
    system: bool
    event: str | None
    from_me: bool | None
    reply_to: str | None
    forwarded: bool
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sender": self.sender,
            "sent_at": self.sent_at,
            "local_time": self.local_time,
            "text": self.text,
            "attachments": list(self.attachments),
            "system": self.system,
            "zone": self.zone,
            "time_note": self.time_note,
            "event": self.event,
            "from_me": self.from_me,
            "reply_to": self.reply_to,
            "forwarded": self.forwarded,
            "seq": self.seq,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class AttachmentRecord:
    """An attachment item of a message, as the conversation view shows it."""

    id: int
    message_id: int
    kind: str
    original_name: str | None
    mime: str | None


def list_conversations(case: Case, *, only: int | None = None) -> list[ConversationRecord]:
    """Every conversation in the case, in import order (or only the one with id ``only``)."""
    rows = case.db.execute(
        "SELECT c.item_id, c.platform, c.title, i.source_path, c.zone, c.source_format, i.sha256, "
        "(SELECT count(*) FROM chat_messages m WHERE m.conversation_id = c.item_id), "
        "(SELECT min(sent_at) FROM chat_messages m WHERE m.conversation_id = c.item_id), "
        "(SELECT max(sent_at) FROM chat_messages m WHERE m.conversation_id = c.item_id) "
        "FROM chat_conversations c JOIN items i ON i.id = c.item_id WHERE ? IS NULL OR c.item_id = ? "
        "ORDER BY c.item_id",
        [only, only],
    ).fetchall()
    out = []
    for r in rows:
        out.append(
            ConversationRecord(
                id=int(r[0]),
                platform=str(r[1]),
                title=r[2],
                participants=participants(case, int(r[0])),
                messages=int(r[7]),
                first=r[8],
                last=r[9],
                source_path=r[3],
                zone=r[4],
                source_format=r[5],
                sha256=str(r[6]),
            )
        )
    return out


def conversation(case: Case, conversation_id: int) -> ConversationRecord:
    """One conversation.

    Raises:
        UsageError: no conversation with that id.
    """
    for record in list_conversations(case, only=int(conversation_id)):
        return record
    raise UsageError(f"no conversation with id {conversation_id}")


def participants(case: Case, conversation_id: int) -> tuple[str, ...]:
    """Distinct senders of the conversation's own (non-system) messages, first speaker first."""
    rows = case.db.execute(
        "SELECT sender FROM chat_participants WHERE conversation_id = ? ORDER BY first_seq, sender",
        [conversation_id],
    ).fetchall()
    return tuple(str(r[0]) for r in rows)


_MESSAGE_SQL = (
    "SELECT m.item_id, m.conversation_id, m.seq, m.sender, m.sent_at, m.local_time, m.zone, m.time_note, "
    "coalesce(i.text, ''), m.system, m.event, m.from_me, m.reply_to, m.forwarded, i.sha256 "
    "FROM chat_messages m JOIN items i ON i.id = m.item_id "
)


def count_messages(case: Case, conversation_id: int) -> int:
    row = case.db.execute("SELECT count(*) FROM chat_messages WHERE conversation_id = ?", [conversation_id]).fetchone()
    return int(row[0])


def list_messages(
    case: Case, conversation_id: int, *, offset: int = 0, limit: int | None = None
) -> list[MessageRecord]:
    """Messages of one conversation in chat order, a page at a time (``offset``/``limit``).

    Raises:
        UsageError: no conversation with that id.
    """
    if case.db.execute("SELECT 1 FROM chat_conversations WHERE item_id = ?", [conversation_id]).fetchone() is None:
        raise UsageError(f"no conversation with id {conversation_id}")
    # The page's first seq is found on the index alone: OFFSET on the joined rows would read (and
    # decrypt) every message before the page.
    rows = case.db.execute(
        _MESSAGE_SQL + "WHERE m.conversation_id = ? AND m.seq >= coalesce((SELECT seq FROM chat_messages "
        "WHERE conversation_id = ? ORDER BY seq LIMIT 1 OFFSET ?), 1 << 62) ORDER BY m.seq LIMIT ?",
        [conversation_id, conversation_id, max(0, offset), -1 if limit is None else limit],
    ).fetchall()
    return _records(case, rows)


def messages_by_id(case: Case, message_ids: Iterable[int]) -> list[MessageRecord]:
    """The given messages, in chat order."""
    ids = [int(i) for i in message_ids]
    if not ids:
        return []
    out: list[MessageRecord] = []
    for n in range(0, len(ids), 500):
        chunk = ids[n : n + 500]
        marks = ",".join("?" * len(chunk))
        out += _records(case, case.db.execute(_MESSAGE_SQL + f"WHERE m.item_id IN ({marks})", chunk).fetchall())
    return sorted(out, key=lambda m: (m.conversation_id, m.seq))


def _records(case: Case, rows: list[Any]) -> list[MessageRecord]:
    ids = [int(r[0]) for r in rows]
    attach: dict[int, list[int]] = {}
    for n in range(0, len(ids), 500):
        chunk = ids[n : n + 500]
        marks = ",".join("?" * len(chunk))
        for pid, cid in case.db.execute(
            f"SELECT parent_id, id FROM items WHERE parent_id IN ({marks}) ORDER BY id", chunk
        ).fetchall():
            attach.setdefault(int(pid), []).append(int(cid))
    return [
        MessageRecord(
            id=int(r[0]),
            conversation_id=int(r[1]),
            seq=int(r[2]),
            sender=r[3],
            sent_at=r[4],
            local_time=r[5],
            zone=r[6],
            time_note=r[7],
            text=str(r[8]),
            attachments=tuple(attach.get(int(r[0]), ())),
            system=bool(r[9]),
            event=r[10],
            from_me=None if r[11] is None else bool(r[11]),
            reply_to=r[12],
            forwarded=bool(r[13]),
            sha256=str(r[14]),
        )
        for r in rows
    ]


def attachments_of(case: Case, message_ids: Sequence[int]) -> list[AttachmentRecord]:
    """Attachment items of the given messages."""
    out: list[AttachmentRecord] = []
    ids = list(message_ids)
    for n in range(0, len(ids), 500):
        chunk = ids[n : n + 500]
        marks = ",".join("?" * len(chunk))
        for r in case.db.execute(
            f"SELECT id, parent_id, kind, original_name, mime FROM items WHERE parent_id IN ({marks}) ORDER BY id",
            chunk,
        ).fetchall():
            out.append(AttachmentRecord(int(r[0]), int(r[1]), str(r[2]), r[3], r[4]))
    return out


def find_in_conversation(case: Case, conversation_id: int, query: str) -> list[int]:
    """Row positions (0-based, chat order) of the messages whose text or sender contains ``query``.

    Any case, any script, accents ignored for three characters or more (the case's trigram
    full-text index); shorter queries are matched in SQLite with LIKE (ASCII case folding). The
    chat order comes from the conversation's index alone, so no message row is read for it.
    """
    needle = query.strip()
    if not needle:
        return []
    order = [
        int(r[0])
        for r in case.db.execute(
            "SELECT item_id FROM chat_messages WHERE conversation_id = ? ORDER BY seq", [conversation_id]
        )
    ]
    like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    hits = {
        int(r[0])
        for r in case.db.execute(
            "SELECT item_id FROM chat_messages WHERE conversation_id = ? AND sender LIKE ? ESCAPE '\\'",
            [conversation_id, like],
        )
    }
    if len(needle) >= 3:
        phrase = '"' + needle.replace('"', '""') + '"'
        hits |= {
            int(r[0])
            for r in case.db.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", ["text: " + phrase])
        }
    else:
        hits |= {
            int(r[0])
            for r in case.db.execute(
                "SELECT m.item_id FROM chat_messages m JOIN items i ON i.id = m.item_id "
                "WHERE m.conversation_id = ? AND i.text LIKE ? ESCAPE '\\'",
                [conversation_id, like],
            )
        }
    return [pos for pos, item_id in enumerate(order) if item_id in hits]


@dataclass(frozen=True)
class MessageSelector:
    """A selector (phone, e-mail, handle ...) found in a message."""

    kind: str
    value: str
    raw: str | None


def selectors_of_message(case: Case, message_id: int) -> list[MessageSelector]:
    rows = case.db.execute(
        "SELECT DISTINCT s.kind, s.value, l.raw FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
        "WHERE l.item_id = ? ORDER BY s.kind, s.value",
        [message_id],
    ).fetchall()
    return [MessageSelector(str(r[0]), str(r[1]), r[2]) for r in rows]


# -- chat excerpts as exhibits -----------------------------------------------------------------
@dataclass(frozen=True)
class ExcerptRecord:
    """Messages of one conversation the analyst made an exhibit (printed as a transcript)."""

    id: int
    conversation_id: int
    exhibit_number: int | None
    title: str | None
    message_ids: tuple[int, ...]
    created_at: str
    analyst: str


def add_excerpt(case: Case, message_ids: Iterable[int], *, title: str | None = None) -> ExcerptRecord:
    """Make these messages (of one conversation) an exhibit: the conversation gets an exhibit number
    and the excerpt is printed in the report as a transcript.

    Raises:
        UsageError: no messages, an id that is not a message, or messages of several conversations.
    """
    from workstation import exhibits

    ids = list(dict.fromkeys(int(i) for i in message_ids))
    if not ids:
        raise UsageError("no message ids given")
    found = messages_by_id(case, ids)
    missing = sorted(set(ids) - {m.id for m in found})
    if missing:
        raise UsageError(f"not a message: item {', '.join(map(str, missing))}")
    chats = {m.conversation_id for m in found}
    if len(chats) != 1:
        raise UsageError("an excerpt takes messages of one conversation")
    conversation_id = chats.pop()
    ordered = [m.id for m in found]
    with case.transaction():
        exhibits.add_exhibits(case, [conversation_id], reason="chat excerpt")
        now = utc_now()
        excerpt_id = int(
            (
                case.db.execute(
                    "INSERT INTO chat_excerpts (conversation_id, title, message_ids, created_at, analyst) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [conversation_id, title, json.dumps(ordered), now, case.analyst],
                )
            ).lastrowid
            or 0
        )
        case.audit(
            "conversations.excerpt_added",
            {
                "excerpt": excerpt_id,
                "conversation": conversation_id,
                "messages": ordered,
                "sha256": [m.sha256 for m in found],
                "title": title,
            },
        )
    return next(e for e in list_excerpts(case) if e.id == excerpt_id)


def list_excerpts(case: Case) -> list[ExcerptRecord]:
    rows = case.db.execute(
        "SELECT x.id, x.conversation_id, e.number, x.title, x.message_ids, x.created_at, x.analyst "
        "FROM chat_excerpts x LEFT JOIN exhibits e ON e.item_id = x.conversation_id ORDER BY x.id"
    ).fetchall()
    return [
        ExcerptRecord(
            id=int(r[0]),
            conversation_id=int(r[1]),
            exhibit_number=None if r[2] is None else int(r[2]),
            title=r[3],
            message_ids=tuple(int(i) for i in json.loads(r[4])),
            created_at=str(r[5]),
            analyst=str(r[6]),
        )
        for r in rows
    ]


def items_with_selector(case: Case, kind: str, value: str) -> list[int]:
    """Every item (messages, pages, images ...) a selector was found in."""
    rows = case.db.execute(
        "SELECT DISTINCT l.item_id FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
        "WHERE s.kind = ? AND s.value = ? ORDER BY l.item_id",
        [kind, value],
    ).fetchall()
    return [int(r[0]) for r in rows]


def conversation_of(case: Case, message_id: int) -> tuple[int, int] | None:
    """(conversation id, row position in chat order) of a message, or None when it is not one."""
    row = case.db.execute("SELECT conversation_id, seq FROM chat_messages WHERE item_id = ?", [message_id]).fetchone()
    if row is None:
        return None
    position = case.db.execute(
        "SELECT count(*) FROM chat_messages WHERE conversation_id = ? AND seq < ?", [row[0], row[1]]
    ).fetchone()[0]
    return int(row[0]), int(position)
