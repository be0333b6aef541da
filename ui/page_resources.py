"""The page viewer's view of :mod:`workstation.rendering.resources` (one definition of which case
resource answers a URL, shared with the Chromium renderer and the tests)."""

from workstation.rendering.resources import (
    MAX_RENDER_BYTES,
    CaseResourceResolver,
    PageDocument,
    decode_data_url,
    decode_html,
    load_page,
    strip_active_content,
)

__all__ = [
    "MAX_RENDER_BYTES",
    "CaseResourceResolver",
    "PageDocument",
    "decode_data_url",
    "decode_html",
    "load_page",
    "strip_active_content",
]
