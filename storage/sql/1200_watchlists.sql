-- Watchlists (workstation/watchlists): partners' lists of selectors and image hashes, and the
-- case items they match.
CREATE TABLE watchlists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    source_file TEXT,
    source_sha256 TEXT NOT NULL,
    format TEXT NOT NULL,            -- csv, json
    imported_at TEXT NOT NULL,
    analyst TEXT,
    entries INTEGER NOT NULL,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watchlist_entries (
    id INTEGER PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,              -- phone, email, handle, wallet, iban, url, domain, sha256, md5, phash, pdq
    value TEXT NOT NULL,             -- normalised (E.164, lower-case e-mail, @handle, hex...)
    platform TEXT,                   -- for handles: the platform they belong to, if given
    label TEXT,
    agency TEXT                      -- the source agency
);
CREATE INDEX watchlist_entries_value ON watchlist_entries(kind, value);
CREATE TABLE watchlist_hits (
    entry_id INTEGER NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    matched_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, item_id)
);
CREATE INDEX watchlist_hits_item ON watchlist_hits(item_id);
