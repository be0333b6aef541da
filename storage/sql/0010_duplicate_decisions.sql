-- The analyst's duplicate decisions, one core table for both answers (workstation/casework):
-- 'same' = the same photo (was ui_duplicate_reviews), 'different' = not the same photo (was
-- dedup_not_duplicate). Clustering and the report leave out 'different' pairs. Rows of the two
-- old tables are moved here by storage/upgrades.py (they may be created after this file runs).
CREATE TABLE duplicate_decisions (
    item_a INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    item_b INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('same', 'different')),
    decided_at TEXT NOT NULL,
    analyst TEXT,
    reason TEXT,
    PRIMARY KEY (item_a, item_b),
    CHECK (item_a < item_b)
);
CREATE INDEX duplicate_decisions_decision ON duplicate_decisions(decision);
