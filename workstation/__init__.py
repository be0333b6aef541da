"""Evidence Workstation domain core: import, hashing, dedup, indicators, selectors, CLI (no Qt)."""

__version__ = "0.1.0"
