"""Bundled fonts (resources/fonts) registered with Qt, so captured text in Chinese, Arabic or
with emoji shows as text, not boxes, on machines that lack those fonts."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)


def fonts_dir() -> Path:
    import resources

    return Path(resources.__file__).with_name("fonts")


def register_bundled_fonts() -> list[str]:
    """Add every .ttf/.otf of resources/fonts; returns the families Qt now knows from them."""
    families: list[str] = []
    folder = fonts_dir()
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf", ".ttc"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the bundled font %s", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families
