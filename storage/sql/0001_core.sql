CREATE TABLE case_meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE blobs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT UNIQUE,            -- NULL only while a streamed write is in flight
    md5 TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    chunk_size INTEGER NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,               -- image, page, document, file, archive, ...
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    md5 TEXT,
    size INTEGER,
    mime TEXT,
    original_name TEXT,
    source_path TEXT,
    source_url TEXT,
    final_url TEXT,
    capture_method TEXT,              -- seized file, archive member, WARC, MHTML, ...
    captured_at TEXT,                 -- ISO 8601 UTC, from the capture format
    captured_tz TEXT,                 -- original offset, e.g. +02:00
    imported_at TEXT NOT NULL,        -- ISO 8601 UTC
    analyst TEXT,
    parent_id INTEGER REFERENCES items(id),
    importer TEXT,                    -- importer chain, e.g. zip/warc/html
    import_key TEXT UNIQUE,           -- identity of the source for resume without duplicates
    width INTEGER,
    height INTEGER,
    title TEXT,
    language TEXT,
    text TEXT,
    metadata TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX items_sha256 ON items(sha256);
CREATE INDEX items_parent ON items(parent_id);
CREATE INDEX items_kind ON items(kind);
CREATE TABLE thumbnails (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    width INTEGER, height INTEGER,
    data BLOB NOT NULL                -- JPEG
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    analyst TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    analyst TEXT,
    paths TEXT NOT NULL,              -- JSON list
    status TEXT NOT NULL,             -- running, done, cancelled, failed
    imported INTEGER DEFAULT 0,
    exact_duplicates INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0
);
CREATE TABLE import_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES import_runs(id),
    path TEXT NOT NULL,
    error TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE tags (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (item_id, tag)
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE exhibits (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    number INTEGER UNIQUE NOT NULL,   -- stable exhibit number for reports
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);

