-- import: images chosen for OCR (text recognition) are read after the import stored them, in a
-- separate stage (`workstation import` runs it as a second phase, `workstation scan --ocr` and
-- the desktop too). A row stays once read (done_at) so an image with no text is not read again.
CREATE TABLE ocr_queue (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    done_at TEXT,
    error TEXT
);
CREATE INDEX ocr_queue_pending ON ocr_queue(done_at, error);
