-- trigram: substring search that works for scripts without spaces (Chinese, Japanese)
CREATE VIRTUAL TABLE items_fts USING fts5(
    original_name, title, text,
    content='items', content_rowid='id', tokenize='trigram remove_diacritics 1'
);
CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, original_name, title, text)
    VALUES (new.id, new.original_name, new.title, new.text);
END;
CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, original_name, title, text)
    VALUES ('delete', old.id, old.original_name, old.title, old.text);
END;
CREATE TRIGGER items_fts_au AFTER UPDATE OF original_name, title, text ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, original_name, title, text)
    VALUES ('delete', old.id, old.original_name, old.title, old.text);
    INSERT INTO items_fts(rowid, original_name, title, text)
    VALUES (new.id, new.original_name, new.title, new.text);
END;
INSERT INTO items_fts(items_fts) VALUES ('rebuild');

