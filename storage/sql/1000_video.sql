-- video: what the import derives from a video item (never evidence of its own, like thumbnails):
-- its frame-hash signature for video-to-video matching (64-bit pHash of frames sampled at
-- `rate` per second, and of the same frames mirrored; 0 = a flat frame), and its contact sheet
-- (a JPEG of up to 16 keyframes with their timecodes, `sheet_timecodes` in seconds, JSON).
-- Keyframes themselves are child items of kind 'frame' with metadata.timecode.
CREATE TABLE video_info (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    duration REAL,
    rate REAL NOT NULL,
    signature BLOB NOT NULL,
    signature_mirrored BLOB NOT NULL,
    contact_sheet BLOB,
    sheet_timecodes TEXT NOT NULL DEFAULT '[]',
    keyframes INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
