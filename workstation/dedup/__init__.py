"""Perceptual hashing and near-duplicate search."""

# Kept here, free of numpy/numba imports, so the CLI can show it without loading the engine.
# Calibrated on real photos: see docs/dedup.md and benchmarks/RESULTS.md.
DEFAULT_THRESHOLD = 12
