-- Near-duplicate photo detection (workstation/dedup): perceptual hashes per image item,
-- analyst decisions, partner hash sets and their matches.
CREATE TABLE dedup_hashes (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,        -- workstation.dedup.phash.HASH_VERSION
    phash TEXT NOT NULL,             -- 16 hex digits, as imagehash.phash
    pdq TEXT NOT NULL,               -- 64 hex digits
    pdq_quality INTEGER NOT NULL,    -- 0..100; flat images are not matched on hashes alone
    data TEXT NOT NULL               -- JSON: views (dihedral pHash/PDQ, frame box), crop windows
);
CREATE INDEX dedup_hashes_phash ON dedup_hashes(phash);
CREATE INDEX dedup_hashes_pdq ON dedup_hashes(pdq);

-- The analyst's word that two items are NOT the same photo (a < b); clustering honours it.
CREATE TABLE dedup_not_duplicate (
    item_a INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    item_b INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    decided_at TEXT NOT NULL,
    analyst TEXT,
    reason TEXT,
    PRIMARY KEY (item_a, item_b),
    CHECK (item_a < item_b)
);

CREATE TABLE dedup_hashsets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    source_file TEXT,
    source_sha256 TEXT NOT NULL,
    format TEXT NOT NULL,            -- csv, vics-json
    imported_at TEXT NOT NULL,
    analyst TEXT,
    entries INTEGER NOT NULL,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dedup_hashset_entries (
    id INTEGER PRIMARY KEY,
    hashset_id INTEGER NOT NULL REFERENCES dedup_hashsets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,              -- sha256, md5, sha1, pdq, phash
    value TEXT NOT NULL,             -- lower-case hex
    label TEXT
);
CREATE INDEX dedup_hashset_entries_value ON dedup_hashset_entries(kind, value);

CREATE TABLE dedup_hashset_matches (
    entry_id INTEGER NOT NULL REFERENCES dedup_hashset_entries(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    distance INTEGER NOT NULL,
    matched_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, item_id)
);
CREATE INDEX dedup_hashset_matches_item ON dedup_hashset_matches(item_id);
