-- conversations (#16): chats and their messages; both are items (kind conversation / message),
-- these rows hold what the chat views and `workstation messages` read without parsing metadata.
CREATE TABLE IF NOT EXISTS chat_conversations (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,           -- whatsapp, telegram
    title TEXT,
    chat_id TEXT,                     -- the app's own id of the chat (JID, Telegram id), if known
    zone TEXT,                        -- zone assumed for local times (NULL: times were in UTC)
    source_format TEXT                -- whatsapp-txt, whatsapp-zip, telegram-json, msgstore.db, ...
);
CREATE TABLE IF NOT EXISTS chat_messages (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    conversation_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,             -- order in the export
    sender TEXT,
    sender_id TEXT,                   -- phone/JID/user id where the source names it
    from_me INTEGER,                  -- 1: sent by the device owner / exporting account
    sent_at TEXT,                     -- ISO 8601 UTC
    local_time TEXT,                  -- as written in the export (ISO, no zone)
    zone TEXT,                        -- zone assumed, or NULL when the source gave UTC
    time_note TEXT,                   -- ambiguous / nonexistent local time
    system INTEGER NOT NULL DEFAULT 0,
    event TEXT,                       -- system kind: encryption, media_omitted, deleted, ...
    reply_to TEXT,                    -- the app's id of the message replied to
    forwarded INTEGER NOT NULL DEFAULT 0,
    forwarded_from TEXT,
    external_id TEXT                  -- the app's own message id
);
CREATE INDEX IF NOT EXISTS chat_messages_conversation ON chat_messages(conversation_id, seq);
CREATE TABLE IF NOT EXISTS chat_excerpts (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    title TEXT,
    message_ids TEXT NOT NULL,        -- JSON list of message item ids, in chat order
    created_at TEXT NOT NULL,
    analyst TEXT NOT NULL
);
