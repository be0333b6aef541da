"""English and Dutch UI text through Qt's translation system (resources/translations/*.qm)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

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


# -- changing the language while the window is open ------------------------------------------------
# Qt sends every widget a LanguageChange event when translators change, but widgets built in code
# keep the text they were given. Widgets that mix in Retranslatable remember, for every text their
# tr() returned, the English source; retranslate_tree() then puts each remembered text back
# through the new translators. Texts composed at run time ("%1 shown") are refreshed by their
# owners (navigator, inspector, status bar).
_installed: list[QTranslator] = []
_sources: dict[str, tuple[str, str]] = {}  # text as shown -> (context, English source)


def switch_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators by those for ``language`` (Qt then sends LanguageChange)."""
    for translator in list(_installed):
        app.removeTranslator(translator)
        _installed.remove(translator)
    installed = install_translators(app, language)
    _installed.extend(installed)
    return installed


def remember(context: str, source: str, shown: str) -> str:
    _sources.setdefault(shown, (context, source))
    if shown != source:
        _sources.setdefault(source, (context, source))
    return shown


def translated_again(text: str) -> str | None:
    """``text`` in the current language if it came from a remembered tr() call, else None."""
    found = _sources.get(text)
    if found is None:
        return None
    context, source = found
    return remember(context, source, QCoreApplication.translate(context, source))


class Retranslatable:
    """Mixin for QObject classes: tr() remembers each source so the text can change language later."""

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102
        context = type(self).__name__
        return remember(context, source, QCoreApplication.translate(context, source, disambiguation, n))


def retranslate_tree(root: Any) -> None:
    """Put every remembered text under ``root`` (widgets, actions, menus, tabs, headers) through
    the current translators."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTabWidget,
        QToolBar,
        QTreeWidget,
        QWidget,
    )

    def again(getter: Any, setter: Any) -> None:
        value = translated_again(getter())
        if value is not None:
            setter(value)

    objects = [root, *root.findChildren(QWidget), *root.findChildren(QAction)]
    for obj in objects:
        if isinstance(obj, QAction):
            again(obj.text, obj.setText)
            again(obj.toolTip, obj.setToolTip)
            again(obj.statusTip, obj.setStatusTip)
        elif isinstance(obj, QMenu):
            again(obj.title, obj.setTitle)
        elif isinstance(obj, (QLabel, QAbstractButton)):
            again(obj.text, obj.setText)
            again(obj.toolTip, obj.setToolTip)
        elif isinstance(obj, QLineEdit):
            again(obj.placeholderText, obj.setPlaceholderText)
        elif isinstance(obj, (QDockWidget, QToolBar)):
            again(obj.windowTitle, obj.setWindowTitle)
        elif isinstance(obj, QGroupBox):
            again(obj.title, obj.setTitle)
        if isinstance(obj, QTabWidget):
            for i in range(obj.count()):
                again(partial(obj.tabText, i), partial(obj.setTabText, i))
        if isinstance(obj, QTreeWidget):
            header = obj.headerItem()
            for c in range(obj.columnCount()):
                again(partial(header.text, c), partial(header.setText, c))
