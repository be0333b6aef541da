"""Importers, one module per format, registered when the registry is first asked for them.

Format modules register exactly one importer each (a test checks it); the other modules here are
the machinery they share. The format modules are imported by :func:`registry.load_formats` (the
registry calls it before choosing an importer), not when this package is imported: the import's
worker processes import ``workstation.importing.worker`` and need none of the parsers (HTML, WARC,
PDF, e-mail ...), and every worker's start-up is part of the analyst's wait.
"""

FORMAT_MODULES = (
    "disk",
    "files",
    "html",
    "images",
    "mhtml",
    "pdf",
    "sevenzip",
    "tar",
    "telegram",
    "video",
    "wacz",
    "warc",
    "whatsapp_db",
    "whatsapp_export",
    "zip",
)
SUPPORT_MODULES = (
    "filesystems",
    "hooks",
    "htmltext",
    "limits",
    "model",
    "ocrstage",
    "pipeline",
    "registry",
    "textutil",
    "timeutil",
    "triage",
    "worker",
)
