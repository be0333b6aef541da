"""English and Dutch UI text through Qt's translation system (resources/translations/*.qm)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "nl")


def translations_dir() -> Path:
    import resources

    return Path(resources.__file__).with_name("translations")


def install_translators(app: QCoreApplication, language: str = "") -> list[QTranslator]:
    """Load Qt's own strings and ours for ``language`` ('' = the system locale).

    English is the source language, so for 'en' nothing is loaded. Returns the installed
    translators (kept alive by their parent, the application).
    """
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return []
    installed = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    ours = QTranslator(app)
    if ours.load(locale, "workstation", "_", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
