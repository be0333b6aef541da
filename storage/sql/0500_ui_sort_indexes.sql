-- Indexes the desktop workstation needs to sort and filter 100,000 items interactively:
-- every sortable column of the item table, tags by name, notes by item.
CREATE INDEX IF NOT EXISTS items_name ON items(original_name);
CREATE INDEX IF NOT EXISTS items_size ON items(size);
CREATE INDEX IF NOT EXISTS items_captured ON items(captured_at);
CREATE INDEX IF NOT EXISTS items_imported ON items(imported_at);
CREATE INDEX IF NOT EXISTS items_mime ON items(mime);
CREATE INDEX IF NOT EXISTS items_width ON items(width);
CREATE INDEX IF NOT EXISTS items_source ON items(coalesce(source_url, source_path));
CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag, item_id);
CREATE INDEX IF NOT EXISTS notes_item ON notes(item_id, created_at);
