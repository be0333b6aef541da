"""The application: QApplication, translations, excepthook, and the start → case → window flow.

``python -m ui.app [CASE]`` is how ``workstation gui`` and ``workstation demo`` start it; the
passphrase comes in WORKSTATION_PASSPHRASE when given (taken out of the environment at once, so
no child process inherits it), else the open-case dialog asks.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ui.dialogs.case_dialogs import NewCaseDialog, OpenCaseDialog
from ui.dialogs.start_window import StartWindow
from ui.fonts import register_bundled_fonts
from ui.i18n import switch_language
from ui.main_window import MainWindow
from ui.session import CaseSession
from ui.settings import AppSettings
from workstation.case import Case
from workstation.errors import CaseError, WorkstationError, WrongPassphrase
from workstation.paths import data_home

log = logging.getLogger("ui")
PASSPHRASE_ENV = "WORKSTATION_PASSPHRASE"


def log_file() -> Path:
    return data_home() / "logs" / "workstation.log"


def setup_logging() -> Path:
    """Warnings and tracebacks to a rotating log file (no evidence content is logged)."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2 << 20, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    return path


def calm_error_dialog(exc: BaseException, parent: QWidget | None = None) -> None:
    """Tell the analyst what happened without a traceback; the case is safe."""
    if isinstance(exc, WorkstationError):
        text = str(exc)
    else:
        text = QApplication.translate(
            "ErrorDialog",
            "Something went wrong inside the workstation. Your case is safe: every change is saved "
            "when you make it. The details were written to the log file:\n%1",
        ).replace("%1", str(log_file()))
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QApplication.translate("ErrorDialog", "Unexpected problem"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.exec()


_in_hook = threading.local()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback, show a calm dialog (once; never recursively)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("unhandled error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if getattr(_in_hook, "active", False) or QApplication.instance() is None:
        return
    _in_hook.active = True
    try:
        calm_error_dialog(exc)
    finally:
        _in_hook.active = False


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    log.critical(
        "unhandled error in thread %s\n%s",
        args.thread.name if args.thread else "?",
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


class WorkstationApp(QObject):
    """Composition root: start window, dialogs, one main window per open case."""

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.start_window: StartWindow | None = None
        self.window: MainWindow | None = None
        self._switching = False

    # -- start -------------------------------------------------------------------------------------
    def show_start(self) -> StartWindow:
        if self.start_window is None:
            self.start_window = StartWindow(self.settings)
            self.start_window.new_requested.connect(self.new_case)
            self.start_window.open_requested.connect(self.open_path)
        self.start_window.refresh()
        self.start_window.show()
        self.start_window.raise_()
        return self.start_window

    def start(self, case_path: str | None, passphrase: str | None) -> None:
        if case_path and passphrase:
            self.open_with_passphrase(case_path, passphrase)
        elif case_path:
            self.show_start()
            self.open_path(case_path)
        else:
            self.show_start()

    def open_with_passphrase(self, path: str, passphrase: str) -> MainWindow | None:
        try:
            case = Case.open(path, passphrase, analyst=self.settings.analyst or None)
        except WrongPassphrase:
            self.show_start()
            return self.open_path(path, message=self.tr("The passphrase given did not open this case. Enter it here."))
        except CaseError as exc:
            self.show_start()
            calm_error_dialog(exc, self.start_window)
            return None
        return self.open_session(case, passphrase)

    def open_path(self, path: str, message: str = "") -> MainWindow | None:
        dialog = OpenCaseDialog(path, self.settings, self.start_window, message=message)
        dialog.setObjectName("openCaseDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.case is None:
            return None
        return self.open_session(dialog.case, dialog.passphrase)

    def new_case(self) -> MainWindow | None:
        dialog = NewCaseDialog(self.settings, self.start_window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.case is None:
            return None
        return self.open_session(dialog.case, dialog.passphrase)

    def open_session(self, case: Case, passphrase: str) -> MainWindow:
        self.settings.add_recent(case.path)
        session = CaseSession(case, passphrase)
        window = MainWindow(session, self.settings)
        window.switch_case_requested.connect(self._on_switch_case)
        window.closed.connect(self._on_window_closed)
        self.window = window
        window.show()
        if self.start_window is not None:
            self.start_window.hide()
        return window

    def _on_switch_case(self) -> None:
        self._switching = True

    def _on_window_closed(self) -> None:
        self.window = None
        if self._switching:
            self._switching = False
            self.show_start()


GIL_SWITCH_INTERVAL = 0.001


def configure_interpreter() -> None:
    """The GUI thread shares the GIL with the reader threads: a 1 ms switch interval (Python's
    default is 5 ms) bounds how long a repaint can wait for it."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.app", description="Evidence Workstation desktop")
    parser.add_argument("case", nargs="?", help="a case file to open")
    parser.add_argument("--lang", choices=("en", "nl"), help="user-interface language")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    passphrase = os.environ.pop(PASSPHRASE_ENV, None)
    setup_logging()
    configure_interpreter()
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Evidence Workstation")
    app.setApplicationName("Evidence Workstation")
    app.setApplicationDisplayName("Evidence Workstation")
    settings = AppSettings()
    register_bundled_fonts()
    switch_language(app, args.lang or settings.language)
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    controller = WorkstationApp(settings)
    controller.start(args.case, passphrase)
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
