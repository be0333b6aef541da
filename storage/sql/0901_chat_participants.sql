-- conversations (#16): participants kept per conversation as messages are stored, and an index for
-- a chat's first/last time, so a 100,000-message chat opens without reading every message.
CREATE TABLE IF NOT EXISTS chat_participants (
    conversation_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    sender TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    messages INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, sender)
);
INSERT OR IGNORE INTO chat_participants (conversation_id, sender, first_seq, messages)
    SELECT conversation_id, sender, min(seq), count(*) FROM chat_messages
    WHERE system = 0 AND sender IS NOT NULL GROUP BY conversation_id, sender;
CREATE INDEX IF NOT EXISTS chat_messages_sent ON chat_messages(conversation_id, sent_at);
