"""The encrypted case file: SQLCipher, schema, blobs, audit log (no Qt, no domain logic)."""
