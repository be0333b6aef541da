-- Indicators (taxonomy-based annotations) and selectors (phones, accounts, wallets) of a case.
CREATE TABLE indicator_taxonomies (
    version TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    first_used_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
);
CREATE TABLE custom_indicators (
    code TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_nl TEXT,
    description TEXT,
    weight REAL NOT NULL,
    patterns TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'analyst')),
    note TEXT,
    field TEXT,
    span_start INTEGER,
    span_end INTEGER,
    matched_text TEXT,
    region_x INTEGER,
    region_y INTEGER,
    region_w INTEGER,
    region_h INTEGER,
    detail TEXT,
    taxonomy_version TEXT,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX annotations_item ON annotations(item_id);
CREATE INDEX annotations_status ON annotations(status);
CREATE INDEX annotations_indicator ON annotations(indicator);
CREATE UNIQUE INDEX annotations_machine_once ON annotations(item_id, indicator) WHERE origin = 'machine';
CREATE TABLE selectors (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, value)
);
CREATE TABLE selector_links (
    selector_id INTEGER NOT NULL REFERENCES selectors(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    span_start INTEGER NOT NULL DEFAULT 0,
    span_end INTEGER NOT NULL DEFAULT 0,
    raw TEXT,
    platform TEXT,
    obscured INTEGER NOT NULL DEFAULT 0,
    context TEXT,
    origin TEXT NOT NULL DEFAULT 'machine',
    created_at TEXT NOT NULL,
    PRIMARY KEY (selector_id, item_id, source, span_start)
);
CREATE INDEX selector_links_item ON selector_links(item_id);
CREATE TABLE ocr_text (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    engine TEXT,
    version TEXT,
    languages TEXT,
    words TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE indicator_scans (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    taxonomy_version TEXT NOT NULL,
    scanned_at TEXT NOT NULL
);
