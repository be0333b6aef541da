"""Benchmark-only plug-in: JPEGs draft-decoded to >= 256 px on the short side instead of 512.

Loaded through WORKSTATION_EXTRA_PLUGINS by `benchmarks/import_photos.py --phase size256` (in the
main process and in every worker) to measure what a lower ANALYSIS_SIZE would save; the product
keeps 512 because dedup's accuracy depends on it.
"""

from workstation.importing import images

images.ANALYSIS_SIZE = 256
