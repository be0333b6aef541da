# ruff: noqa: E501 - locale tables and SQL fixtures read best one record per line
"""WhatsApp phone databases (msgstore.db new and legacy, ChatStorage.sqlite), built here with sqlite3."""

from __future__ import annotations

import sqlite3

ANDROID = """
CREATE TABLE jid (_id INTEGER PRIMARY KEY, user TEXT, server TEXT, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
CREATE TABLE chat (_id INTEGER PRIMARY KEY, jid_row_id INTEGER UNIQUE, hidden INTEGER, subject TEXT, created_timestamp INTEGER);
CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
  sender_jid_row_id INTEGER, status INTEGER, broadcast INTEGER, recipient_count INTEGER, participant_hash TEXT,
  origination_flags INTEGER, origin INTEGER, timestamp INTEGER, received_timestamp INTEGER,
  receipt_server_timestamp INTEGER, message_type INTEGER, text_data TEXT, starred INTEGER, lookup_tables INTEGER,
  sort_id INTEGER);
CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER,
  mime_type TEXT, media_caption TEXT);
CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, parent_message_chat_row_id INTEGER,
  from_me INTEGER, sender_jid_row_id INTEGER, key_id TEXT, timestamp INTEGER, message_type INTEGER, text_data TEXT);
INSERT INTO jid VALUES (1, '31612345678', 's.whatsapp.net', 0, 0, 0, '31612345678@s.whatsapp.net');
INSERT INTO jid VALUES (2, '40721000111-1700000000', 'g.us', 0, 0, 1, '40721000111-1700000000@g.us');
INSERT INTO jid VALUES (3, '40721000111', 's.whatsapp.net', 0, 0, 0, '40721000111@s.whatsapp.net');
INSERT INTO chat VALUES (1, 1, 0, NULL, 1704441600000);
INSERT INTO chat VALUES (2, 2, 0, 'Jobs Romania', 1704441600000);
INSERT INTO message VALUES (1, 1, 0, 'K1', 0, 0, 0, 0, NULL, 0, 0, 1704441660000, 0, 0, 0, 'Hello, job in Amsterdam?', 0, 0, 1);
INSERT INTO message VALUES (2, 1, 1, 'K2', 0, 0, 0, 0, NULL, 0, 0, 1704441720000, 0, 0, 1, 'my photo', 0, 0, 2);
INSERT INTO message VALUES (3, 1, 0, 'K3', 0, 0, 0, 0, NULL, 1, 0, 1704441780000, 0, 0, 0, 'call +31 6 12345678', 0, 0, 3);
INSERT INTO message VALUES (4, 2, 0, 'K4', 3, 0, 0, 0, NULL, 0, 0, 1704445200000, 0, 0, 7, NULL, 0, 0, 1);
INSERT INTO message VALUES (5, 2, 0, 'K5', 3, 0, 0, 0, NULL, 0, 0, 1704445260000, 0, 0, 0, 'Lucru în Olanda', 0, 0, 2);
INSERT INTO message VALUES (6, 2, 0, 'K6', 3, 0, 0, 0, NULL, 0, 0, 1704445320000, 0, 0, 15, NULL, 0, 0, 3);
INSERT INTO message_media VALUES (2, 1, 'Media/WhatsApp Images/IMG-20240105-WA0001.jpg', 1234, 'image/jpeg', 'my photo');
INSERT INTO message_quoted VALUES (3, 1, 1, 1, 0, 'K2', 1704441720000, 1, 'my photo');
"""

WA_DB = """
CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY, jid TEXT, is_whatsapp_user INTEGER, status TEXT, number TEXT,
  display_name TEXT, wa_name TEXT, given_name TEXT);
INSERT INTO wa_contacts VALUES (1, '31612345678@s.whatsapp.net', 1, '', '+31612345678', 'Recruiter Jan', NULL, 'Jan');
"""

LEGACY = """
CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER,
  key_id TEXT NOT NULL, status INTEGER, needs_push INTEGER, data TEXT, timestamp INTEGER, media_url TEXT,
  media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, media_name TEXT, media_caption TEXT,
  remote_resource TEXT, received_timestamp INTEGER, forwarded INTEGER);
INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp) VALUES ('-1', 0, '-1', 0, NULL, 0);
INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, remote_resource)
  VALUES ('31612345678@s.whatsapp.net', 0, 'A', 0, 'old schema hello', 1500000000000, NULL);
INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp) VALUES ('31612345678@s.whatsapp.net', 1, 'B', 13, 'reply', 1500000060000);
"""

IOS = """
CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR);
CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR);
CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR);
CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZISFROMME INTEGER,
  ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZMEDIAITEM INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR,
  ZTOJID VARCHAR, ZSTANZAID VARCHAR, ZTEXT VARCHAR);
INSERT INTO ZWACHATSESSION VALUES (1, 4, 0, '48512345678@s.whatsapp.net', 'Piotr');
INSERT INTO ZWACHATSESSION VALUES (2, 4, 1, '48500000000-1600000000@g.us', 'Praca NL');
INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, '48600000001@s.whatsapp.net', 'Kasia');
INSERT INTO ZWAMEDIAITEM VALUES (1, 3, 'Media/48512345678@s.whatsapp.net/a/b/photo.jpg', NULL);
INSERT INTO ZWAMESSAGE VALUES (1, 1, NULL, 0, 0, NULL, NULL, 726192000.0, '48512345678@s.whatsapp.net', NULL, 'S1', 'Cześć, praca w Holandii');
INSERT INTO ZWAMESSAGE VALUES (2, 1, NULL, 1, 0, NULL, NULL, 726192060.0, NULL, '48512345678@s.whatsapp.net', 'S2', 'ok');
INSERT INTO ZWAMESSAGE VALUES (3, 1, NULL, 0, 1, NULL, 1, 726192120.0, '48512345678@s.whatsapp.net', NULL, 'S3', NULL);
INSERT INTO ZWAMESSAGE VALUES (4, 2, 1, 0, 0, NULL, NULL, 726195600.0, '48500000000-1600000000@g.us', NULL, 'S4', 'hotel 12 €/h');
INSERT INTO ZWAMESSAGE VALUES (5, 2, NULL, 0, 6, 1, NULL, 726195500.0, '48500000000-1600000000@g.us', NULL, 'S5', NULL);
"""


def _db(path, script):
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.commit()
    conn.close()
    return path


def test_android_msgstore_with_contacts(tmp_path, case, do_import):
    from workstation.conversations import list_conversations, list_messages

    phone = tmp_path / "phone"
    phone.mkdir()
    _db(phone / "msgstore.db", ANDROID)
    _db(phone / "wa.db", WA_DB)
    result, _ = do_import(phone / "msgstore.db")
    assert result.errors == []
    convs = list_conversations(case)
    assert [(c.title, c.messages, c.source_format) for c in convs] == [
        ("Recruiter Jan", 3, "msgstore.db"),
        ("Jobs Romania", 3, "msgstore.db"),
    ]
    first = [m.to_json() for m in list_messages(case, convs[0].id)]
    assert [(m["sender"], m["sent_at"], m["text"]) for m in first] == [
        ("Recruiter Jan", "2024-01-05T08:01:00Z", "Hello, job in Amsterdam?"),
        ("me (device owner)", "2024-01-05T08:02:00Z", "my photo"),
        ("Recruiter Jan", "2024-01-05T08:03:00Z", "call +31 6 12345678"),
    ]
    assert first[2]["reply_to"] == "K2" and first[2]["forwarded"] is True and first[0]["zone"] is None
    group = [m.to_json() for m in list_messages(case, convs[1].id)]
    assert [(m["sender"], m["system"]) for m in group] == [
        ("+40721000111", True),
        ("+40721000111", False),
        ("+40721000111", True),
    ]
    assert convs[1].participants == ("+40721000111",)
    # the database is stored byte for byte; nothing else was written beside it
    assert sorted(p.name for p in phone.iterdir()) == ["msgstore.db", "wa.db"]
    stored = case.db.execute("SELECT kind, mime FROM items WHERE original_name = 'msgstore.db'").fetchall()
    assert stored == [("file", "application/vnd.sqlite3")]


def test_legacy_android_and_ios(tmp_path, case, do_import):
    from workstation.conversations import list_conversations, list_messages

    _db(tmp_path / "msgstore.db", LEGACY)
    _db(tmp_path / "ChatStorage.sqlite", IOS)
    result, _ = do_import(tmp_path / "msgstore.db", tmp_path / "ChatStorage.sqlite")
    assert result.errors == []
    convs = {c.title: c for c in list_conversations(case)}
    assert set(convs) == {"+31612345678", "Piotr", "Praca NL"}
    legacy = [m.to_json() for m in list_messages(case, convs["+31612345678"].id)]
    assert [(m["sender"], m["sent_at"]) for m in legacy] == [
        ("+31612345678", "2017-07-14T02:40:00Z"),
        ("me (device owner)", "2017-07-14T02:41:00Z"),
    ]
    piotr = [m.to_json() for m in list_messages(case, convs["Piotr"].id)]
    assert [(m["sender"], m["sent_at"], m["text"]) for m in piotr] == [
        ("Piotr", "2024-01-06T00:00:00Z", "Cześć, praca w Holandii"),
        ("me (device owner)", "2024-01-06T00:01:00Z", "ok"),
        ("Piotr", "2024-01-06T00:02:00Z", ""),
    ]
    group = [m.to_json() for m in list_messages(case, convs["Praca NL"].id)]
    assert [(m["sender"], m["system"]) for m in group] == [(None, True), ("Kasia", False)]  # ordered by time
    meta = case.db.execute("SELECT metadata FROM items WHERE id = ?", [piotr[2]["id"]]).fetchone()[0]
    assert "photo.jpg" in meta


def test_sqlite_files_that_are_not_what_they_claim(tmp_path, case, do_import):
    from workstation.conversations import list_conversations

    good = _db(tmp_path / "ChatStorage.sqlite", IOS).read_bytes()
    (tmp_path / "truncated-msgstore.db").write_bytes(good[:100] + b"\x00" * 50)
    (tmp_path / "msgstore.db").write_bytes(b"not a database at all, just text\n")
    _db(tmp_path / "other.sqlite", "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hi');")
    (tmp_path / "garbage.db").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    result, _ = do_import(tmp_path)
    errors = {e["path"].rsplit("/", 1)[-1]: e["error"] for e in result.errors}
    assert set(errors) == {"garbage.db", "truncated-msgstore.db"}
    assert all("not really a SQLite database" in e and "kept as a file" in e for e in errors.values())
    kinds = dict(case.db.execute("SELECT original_name, kind FROM items WHERE parent_id IS NULL").fetchall())
    assert kinds["msgstore.db"] == "file" and kinds["other.sqlite"] == "file" and kinds["garbage.db"] == "file"
    assert kinds["truncated-msgstore.db"] == "file"
    assert {c.title for c in list_conversations(case)} == {"Piotr", "Praca NL"}
