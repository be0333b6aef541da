-- The analyst's word that two images ARE the same photo ("keep" in the cluster view). The
-- opposite decision lives in dedup_not_duplicate (owned by workstation/dedup).
CREATE TABLE IF NOT EXISTS ui_duplicate_reviews (
    item_a INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    item_b INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    decision TEXT NOT NULL,           -- 'same'
    decided_at TEXT NOT NULL,
    analyst TEXT,
    PRIMARY KEY (item_a, item_b),
    CHECK (item_a < item_b)
);
