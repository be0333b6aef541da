-- Bundles merged into an existing case (workstation/transfer/merge.py): which bundle, from whom,
-- which items it brought (new or already here), the annotation conflicts left unresolved, and the
-- sender's custody chain kept verbatim next to this case's own audit log.
CREATE TABLE received_merges (
    id INTEGER PRIMARY KEY,
    bundle_sha256 TEXT NOT NULL UNIQUE,
    sender_contact TEXT,
    sender_label TEXT,
    sender_fingerprint TEXT NOT NULL,
    sender_verified INTEGER NOT NULL,
    sender_audit_seq INTEGER NOT NULL,
    sender_audit_hash TEXT NOT NULL,
    withheld_until INTEGER NOT NULL DEFAULT 0,  -- partial bundles: entries with withheld details
    merged_at TEXT NOT NULL,
    analyst TEXT NOT NULL,
    items_new INTEGER NOT NULL,
    items_deduplicated INTEGER NOT NULL,
    conflicts TEXT NOT NULL DEFAULT '[]'      -- JSON list, shown to the analyst, never resolved silently
);
CREATE TABLE received_merge_items (
    merge_id INTEGER NOT NULL REFERENCES received_merges(id) ON DELETE CASCADE,
    sender_item_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    new INTEGER NOT NULL,
    PRIMARY KEY (merge_id, sender_item_id)
);
CREATE TABLE received_custody (
    merge_id INTEGER NOT NULL REFERENCES received_merges(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    analyst TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (merge_id, seq)
);
CREATE TRIGGER received_custody_no_update BEFORE UPDATE ON received_custody
    BEGIN SELECT RAISE(ABORT, 'a received custody chain is kept as received'); END;
