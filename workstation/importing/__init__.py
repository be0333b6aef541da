"""Importers, one module per format; importing this package registers them all."""

from workstation.importing import files, images  # noqa: F401  (registration side effect)

FORMAT_MODULES = ("files", "images")
