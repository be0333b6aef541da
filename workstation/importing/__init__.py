"""Importers, one module per format; importing this package registers them all.

Format modules register exactly one importer each (a test checks it); the other modules here are
the machinery they share.
"""

from workstation.importing import (  # noqa: F401  (registration side effect)
    files,
    html,
    images,
    mhtml,
    pdf,
    wacz,
    warc,
    zip,
)

FORMAT_MODULES = ("files", "html", "images", "mhtml", "pdf", "wacz", "warc", "zip")
SUPPORT_MODULES = (
    "hooks",
    "htmltext",
    "limits",
    "model",
    "pipeline",
    "registry",
    "textutil",
    "timeutil",
    "worker",
)
