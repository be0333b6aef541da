-- The state of each item as last committed by an audit entry (integrity, issue 21).
-- digest = SHA-256 over the canonical JSON of components (one short hash per field and per bound
-- table); the audit entry that changed the item records [item_id, digest], so the chain commits
-- to it and these components say which field differs when verify finds a mismatch.
CREATE TABLE item_state (
    item_id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    components TEXT NOT NULL,
    seq INTEGER NOT NULL
);
-- Ed25519 signatures of the audit head by the analyst's identity (the transfer keys).
CREATE TABLE audit_signatures (
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    sign_key TEXT NOT NULL,           -- base64url raw Ed25519 public key
    fingerprint TEXT NOT NULL,
    label TEXT,
    signed_at TEXT NOT NULL,
    signature TEXT NOT NULL,          -- base64url
    PRIMARY KEY (seq, sign_key)
);
