-- import: resumed runs look up what a source path already gave, before decoding it again
CREATE INDEX IF NOT EXISTS items_source_path ON items(source_path);
