-- Issue 15: how each suggestion was found (JSON: method, words, rule or exemplar, weight),
-- selectors kept although unverified (possible but not valid phone numbers) or read with an
-- assumed region, and the per-case model learned from the analyst's decisions.
ALTER TABLE annotations ADD COLUMN explanation TEXT;
ALTER TABLE selector_links ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
ALTER TABLE selector_links ADD COLUMN note TEXT;
CREATE TABLE learned_models (
    name TEXT PRIMARY KEY,
    decisions INTEGER NOT NULL,
    model TEXT NOT NULL,
    trained_at TEXT NOT NULL,
    trained_by TEXT
);
