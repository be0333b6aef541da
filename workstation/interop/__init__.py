"""Interop exports: CASE/UCO JSON-LD and shared hash lists (CSV, Project VIC VICS JSON)."""
