"""Safety limits of the importers: hostile material must never exhaust memory, disk or time.

One place, so docs/import.md and the tests quote the same numbers. Each limit that is hit gives a
clear per-file error (the file or member is skipped, or kept whole without parsing) and the rest of
the import goes on.
"""

from __future__ import annotations

MiB = 1 << 20
GiB = 1 << 30

# Images ------------------------------------------------------------------------------------
# Decompression bombs: refuse images with more pixels than a 20000 x 10000 panorama
# (a 102 MP medium-format camera still fits; JPEGs are decoded at reduced scale anyway).
MAX_PIXELS = 200_000_000

# Containers (ZIP, WACZ, nested) ------------------------------------------------------------
MAX_NESTING = 6  # a zip in a zip in a zip ... deeper than this is refused (42.zip style bombs)
MAX_MEMBERS = 100_000  # members of one archive
MAX_RATIO = 200  # uncompressed / compressed of one member larger than RATIO_MIN_SIZE
RATIO_MIN_SIZE = 4 * MiB  # small members may compress better (text, zeros) without harm
MAX_MEMBER_SIZE = 8 * GiB  # one member (streamed, never whole in memory beyond MEMBER_IN_MEMORY)
MAX_EXPANSION = 64 * GiB  # everything unpacked from one input file, all nesting levels together
MEMBER_IN_MEMORY = 128 * MiB  # members up to this size are read into memory (and decoded);
#                               larger ones are streamed into the case and stored undecoded

# Pages and documents -------------------------------------------------------------------------
MAX_HTML_BYTES = 64 * MiB  # larger pages are stored whole but their text is not extracted
MAX_TEXT_CHARS = 4_000_000  # extracted text kept per item (full-text index)
MAX_LINKS = 5_000  # links / image references recorded per page
MAX_HTML_UNCLOSED = 10_000  # deeper nesting uses a linear plain-text fallback (parser is quadratic)
MAX_MHTML_BYTES = 256 * MiB  # an MHTML file is parsed in memory
MAX_MHTML_PARTS = 20_000
MAX_WARC_RECORD = 256 * MiB  # one WARC payload read into memory (pages, images)
MAX_PDF_BYTES = 1 * GiB
MAX_PDF_PAGES_TEXT = 5_000  # pages whose text is extracted
MAX_PDF_IMAGES = 500  # embedded images kept as child items per PDF
MAX_TEXT_FILE = 16 * MiB  # plain-text files larger than this are stored but not indexed
