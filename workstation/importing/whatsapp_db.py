"""WhatsApp databases from a phone extraction: Android ``msgstore.db`` and iOS ``ChatStorage.sqlite``.

The database is opened from its bytes in memory (``sqlite3.deserialize``), read-only: no copy of
the evidence is written anywhere outside the case. The schema is recognised from its tables and
columns: Android's ``message``/``chat``/``jid`` tables (2021 and later), the legacy ``messages``
table (``key_remote_jid``), or iOS Core Data's ``ZWAMESSAGE``/``ZWACHATSESSION``. Contacts names
come from ``wa.db`` (``wa_contacts``) beside an Android database on disk.

The database file is kept whole as a **file** item; each chat becomes a **conversation** item
(its stored bytes: the chat's row as canonical JSON) and each message a **message** item (its
row as canonical JSON). Times in these databases are UTC (milliseconds since 1970 on Android,
seconds since 2001 on iOS), so no zone is assumed. Other SQLite files are kept as plain files.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePath
from typing import Any, ClassVar

from workstation.conversations.model import ChatMessage, canonical_json, conversation_item, message_item
from workstation.errors import HostileInput
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import register
from workstation.progress import Progress

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_DB_BYTES = 2 << 30  # a database is read into memory to be opened without a plaintext copy
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
# Android message_type values that are not someone's words (system events, deleted messages).
_ANDROID_SYSTEM = {7: "system", 15: "deleted"}
_ANDROID_MEDIA = {
    1: "image",
    2: "audio",
    3: "video",
    4: "contact",
    5: "location",
    9: "document",
    13: "gif",
    20: "sticker",
}
_IOS_SYSTEM = {6: "system", 10: "system", 14: "deleted"}


def open_bytes(data: bytes) -> sqlite3.Connection:
    """An in-memory, read-only connection over a database's bytes (nothing written to disk).

    Raises:
        sqlite3.DatabaseError: not a usable SQLite database.
    """
    if len(data) >= 20 and data[18] == 2 and data[19] == 2:
        # WAL mode in the header: read this in-memory copy as a rollback-journal database.
        data = data[:18] + b"\x01\x01" + data[20:]
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    conn.execute("PRAGMA query_only = 1")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}


def schema_of(conn: sqlite3.Connection) -> str | None:
    """``android``, ``android-legacy``, ``ios`` or None (not a WhatsApp message database)."""
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if {"message", "chat", "jid"} <= tables and {"chat_row_id", "text_data", "from_me"} <= _columns(conn, "message"):
        return "android"
    if "messages" in tables and {"key_remote_jid", "key_from_me", "data", "timestamp"} <= _columns(conn, "messages"):
        return "android-legacy"
    if {"ZWAMESSAGE", "ZWACHATSESSION"} <= tables and {"ZCHATSESSION", "ZMESSAGEDATE", "ZISFROMME"} <= _columns(
        conn, "ZWAMESSAGE"
    ):
        return "ios"
    return None


def _rows(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield {k: (v.hex() if isinstance(v, bytes) else v) for k, v in zip(names, row, strict=True)}


@register
class WhatsAppDatabaseImporter:
    """A SQLite database: WhatsApp chats and messages when it is one, else kept as a file."""

    name: ClassVar[str] = "whatsapp-db"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        return 30 if head.startswith(SQLITE_MAGIC) else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        if source.size > MAX_DB_BYTES:
            raise HostileInput(f"SQLite database larger than {MAX_DB_BYTES >> 30} GiB: not opened", source.display)
        data = source.read_all(MAX_DB_BYTES)
        try:
            conn = open_bytes(data)
            schema = schema_of(conn)
        except sqlite3.DatabaseError as exc:
            progress.warn(source.display, f"damaged or not really a SQLite database ({exc}); kept as a file, not read")
            yield source.item(
                "file", self.name, data=data, mime="application/octet-stream", metadata={"sqlite_error": str(exc)}
            )
            return
        try:
            if schema is None:
                yield source.item(
                    "file",
                    self.name,
                    data=data,
                    mime="application/vnd.sqlite3",
                    metadata={"sqlite": "not a WhatsApp message database"},
                )
                return
            container = source.item(
                "file", self.name, data=data, mime="application/vnd.sqlite3", metadata={"whatsapp_database": schema}
            )
            yield container
            contacts = _contacts(source) if schema.startswith("android") else {}
            reader = {"android": _android, "android-legacy": _android_legacy, "ios": _ios}[schema]
            try:
                yield from reader(conn, source, container, contacts, progress)
            except sqlite3.DatabaseError as exc:
                progress.warn(
                    source.display, f"damaged WhatsApp database ({exc}); messages before the damage were kept"
                )
        finally:
            conn.close()


def _contacts(source: Source) -> dict[str, str]:
    """JID -> name from ``wa.db`` beside the database (Android), when it is there."""
    if source.path is None:
        return {}
    path = Path(source.path).parent / "wa.db"
    if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_DB_BYTES:
        return {}
    try:
        conn = open_bytes(path.read_bytes())
        if "wa_contacts" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}:
            return {}
        cols = _columns(conn, "wa_contacts")
        name_cols = [c for c in ("display_name", "wa_name", "given_name") if c in cols]
        if "jid" not in cols or not name_cols:
            return {}
        out = {}
        for row in conn.execute(f"SELECT jid, coalesce({', '.join(name_cols)}) FROM wa_contacts"):
            if row[0] and row[1]:
                out[str(row[0])] = str(row[1])
        return out
    except sqlite3.DatabaseError:
        return {}


def _phone(jid: str | None) -> str | None:
    if not jid or "@" not in jid:
        return jid
    user, server = jid.split("@", 1)
    return f"+{user.split(':')[0].split('.')[0]}" if server in ("s.whatsapp.net", "c.us") and user.isdigit() else jid


def _chat_item(
    source: Source, container: ImportedItem, record: dict[str, Any], chat_id: str, title: str | None, fmt: str
) -> ImportedItem:
    display = f"{source.display}#chat {chat_id}"
    item = conversation_item(
        source,
        WhatsAppDatabaseImporter.name,
        platform="whatsapp",
        title=title,
        source_format=fmt,
        zone=None,
        chat_id=chat_id,
        data=canonical_json(record),
        key=display,
        display=display,
    )
    item.parent_key = container.key
    item.original_name = title or f"chat {chat_id}"
    item.mime = "application/json"
    return item


def _android(
    conn: sqlite3.Connection, source: Source, container: ImportedItem, contacts: dict[str, str], progress: Progress
) -> Iterator[ImportedItem]:
    jids = {int(r[0]): str(r[1]) for r in conn.execute("SELECT _id, raw_string FROM jid") if r[1] is not None}
    cols = _columns(conn, "message")
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    media_join = ""
    media_cols = ""
    if "message_media" in tables and {"message_row_id", "file_path"} <= _columns(conn, "message_media"):
        media_join = " LEFT JOIN message_media mm ON mm.message_row_id = m._id"
        media_cols = ", mm.file_path AS media_file_path, mm.mime_type AS media_mime_type"
    quoted_join = quoted_cols = ""
    if "message_quoted" in tables and {"message_row_id", "key_id"} <= _columns(conn, "message_quoted"):
        quoted_join = " LEFT JOIN message_quoted q ON q.message_row_id = m._id"
        quoted_cols = ", q.key_id AS quoted_key_id"
    chats = {int(r["_id"]): r for r in _rows(conn.execute("SELECT * FROM chat"))}
    current: int | None = None
    conversation: ImportedItem | None = None
    seq = 0
    order = "m.chat_row_id, m.sort_id, m._id" if "sort_id" in cols else "m.chat_row_id, m._id"
    sql = (
        f"SELECT m.*{media_cols}{quoted_cols} FROM message m{media_join}{quoted_join} "
        f"WHERE m.chat_row_id > 0 ORDER BY {order}"
    )
    for row in _rows(conn.execute(sql)):
        chat_row = int(row["chat_row_id"])
        if chat_row != current:
            current, seq = chat_row, 0
            chat = chats.get(chat_row, {"_id": chat_row})
            chat_jid = jids.get(int(chat.get("jid_row_id") or 0))
            title = chat.get("subject") or contacts.get(chat_jid or "") or _phone(chat_jid)
            conversation = _chat_item(
                source, container, {"chat": chat, "jid": chat_jid}, chat_jid or str(chat_row), title, "msgstore.db"
            )
            yield conversation
        assert conversation is not None
        seq += 1
        if seq % 512 == 0:
            progress.check()
        chat = chats.get(chat_row, {})
        chat_jid = jids.get(int(chat.get("jid_row_id") or 0))
        msg = ChatMessage(raw=canonical_json(row), text=str(row.get("text_data") or ""))
        msg.external_id = row.get("key_id")
        msg.from_me = bool(row.get("from_me"))
        if msg.from_me:
            msg.sender, msg.sender_id = "me (device owner)", None
        else:
            sender_jid = jids.get(int(row.get("sender_jid_row_id") or 0)) or chat_jid
            msg.sender_id = sender_jid
            msg.sender = contacts.get(sender_jid or "") or _phone(sender_jid)
        stamp = row.get("timestamp")
        if isinstance(stamp, int | float) and stamp > 0:
            msg.utc = datetime.fromtimestamp(stamp / 1000, UTC)
        kind = int(row.get("message_type") or 0)
        if kind in _ANDROID_SYSTEM:
            msg.system, msg.event = True, _ANDROID_SYSTEM[kind]
        elif kind in _ANDROID_MEDIA:
            msg.extra["media_type"] = _ANDROID_MEDIA[kind]
        if row.get("media_file_path"):
            msg.attachments.append(str(row["media_file_path"]))
        if row.get("quoted_key_id"):
            msg.reply_to = str(row["quoted_key_id"])
        if (row.get("origination_flags") or 0) & 1:
            msg.forwarded = True
        yield message_item(conversation, seq, msg, clock=None, importer="")


def _android_legacy(
    conn: sqlite3.Connection, source: Source, container: ImportedItem, contacts: dict[str, str], progress: Progress
) -> Iterator[ImportedItem]:
    cols = _columns(conn, "messages")
    current: str | None = None
    conversation: ImportedItem | None = None
    seq = 0
    subjects: dict[str, str] = {}
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "chat_list" in tables and {"key_remote_jid", "subject"} <= _columns(conn, "chat_list"):
        subjects = {str(r[0]): str(r[1]) for r in conn.execute("SELECT key_remote_jid, subject FROM chat_list") if r[1]}
    for row in _rows(conn.execute("SELECT * FROM messages WHERE key_remote_jid != '-1' ORDER BY key_remote_jid, _id")):
        jid = str(row["key_remote_jid"])
        if jid != current:
            current, seq = jid, 0
            title = subjects.get(jid) or contacts.get(jid) or _phone(jid)
            conversation = _chat_item(source, container, {"key_remote_jid": jid}, jid, title, "msgstore.db (legacy)")
            yield conversation
        assert conversation is not None
        seq += 1
        if seq % 512 == 0:
            progress.check()
        msg = ChatMessage(raw=canonical_json(row), text=str(row.get("data") or ""))
        msg.external_id = row.get("key_id")
        msg.from_me = bool(row.get("key_from_me"))
        if msg.from_me:
            msg.sender = "me (device owner)"
        else:
            sender = row.get("remote_resource") or jid
            msg.sender_id = str(sender)
            msg.sender = contacts.get(str(sender)) or _phone(str(sender))
        stamp = row.get("timestamp")
        if isinstance(stamp, int | float) and stamp > 0:
            msg.utc = datetime.fromtimestamp(stamp / 1000, UTC)
        if row.get("status") == 6:  # group events and notices
            msg.system, msg.event = True, "system"
        if "media_name" in cols and row.get("media_name"):
            msg.attachments.append(str(row["media_name"]))
        if row.get("forwarded"):
            msg.forwarded = True
        yield message_item(conversation, seq, msg, clock=None, importer="")


def _ios(
    conn: sqlite3.Connection, source: Source, container: ImportedItem, contacts: dict[str, str], progress: Progress
) -> Iterator[ImportedItem]:
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    members: dict[int, tuple[str | None, str | None]] = {}
    if "ZWAGROUPMEMBER" in tables:
        for r in conn.execute("SELECT Z_PK, ZMEMBERJID, ZCONTACTNAME FROM ZWAGROUPMEMBER"):
            members[int(r[0])] = (r[1], r[2])
    media: dict[int, str] = {}
    if "ZWAMEDIAITEM" in tables and "ZMEDIALOCALPATH" in _columns(conn, "ZWAMEDIAITEM"):
        for r in conn.execute("SELECT Z_PK, ZMEDIALOCALPATH FROM ZWAMEDIAITEM WHERE ZMEDIALOCALPATH IS NOT NULL"):
            media[int(r[0])] = str(r[1])
    sessions = {int(r["Z_PK"]): r for r in _rows(conn.execute("SELECT * FROM ZWACHATSESSION"))}
    current: int | None = None
    conversation: ImportedItem | None = None
    seq = 0
    for row in _rows(conn.execute("SELECT * FROM ZWAMESSAGE ORDER BY ZCHATSESSION, ZMESSAGEDATE, Z_PK")):
        session_id = int(row.get("ZCHATSESSION") or 0)
        session = sessions.get(session_id, {})
        if session_id != current:
            current, seq = session_id, 0
            title = session.get("ZPARTNERNAME") or _phone(session.get("ZCONTACTJID"))
            conversation = _chat_item(
                source, container, session, str(session.get("ZCONTACTJID") or session_id), title, "ChatStorage.sqlite"
            )
            yield conversation
        assert conversation is not None
        seq += 1
        if seq % 512 == 0:
            progress.check()
        msg = ChatMessage(raw=canonical_json(row), text=str(row.get("ZTEXT") or ""))
        msg.external_id = row.get("ZSTANZAID")
        msg.from_me = bool(row.get("ZISFROMME"))
        if msg.from_me:
            msg.sender = "me (device owner)"
        elif row.get("ZGROUPMEMBER"):
            jid, name = members.get(int(row["ZGROUPMEMBER"]), (None, None))
            msg.sender_id, msg.sender = jid, name or _phone(jid)
        else:
            msg.sender_id = row.get("ZFROMJID") or session.get("ZCONTACTJID")
            msg.sender = session.get("ZPARTNERNAME") or _phone(msg.sender_id)
        stamp = row.get("ZMESSAGEDATE")
        if isinstance(stamp, int | float):
            msg.utc = APPLE_EPOCH + timedelta(seconds=float(stamp))
        kind = int(row.get("ZMESSAGETYPE") or 0)
        if kind in _IOS_SYSTEM:
            msg.system, msg.event = True, _IOS_SYSTEM[kind]
            if not row.get("ZGROUPMEMBER") and not msg.from_me:
                msg.sender = None  # a notice of the app, not of the chat partner
        if row.get("ZMEDIAITEM") and int(row["ZMEDIAITEM"]) in media:
            msg.attachments.append(media[int(row["ZMEDIAITEM"])])
        yield message_item(conversation, seq, msg, clock=None, importer="")
