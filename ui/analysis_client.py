"""The window's side of the analysis process (ui.analysis): requests out, answers as signals."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui import analysis

log = logging.getLogger(__name__)
_tokens = itertools.count(1)


class AnalysisClient(QObject):
    """Starts the analysis process for one case and relays its answers.

    A relay thread waits in recv() (no GIL held while it waits) and emits the answers; they
    arrive queued on the GUI thread.

    Signals:
        answered(token, result)
        failed(token, reason)
    """

    answered = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, case_path: str, passphrase: str, analyst: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._args = (case_path, analyst)
        self._passphrase = passphrase
        self._send_lock = threading.Lock()
        self._stopped = False
        self._conn: Any = None
        self._process: Any = None
        self._relay: threading.Thread | None = None

    def _start(self) -> None:
        """Start the process at the first request (not while the window is opening)."""
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(
            target=analysis.analysis_main, args=(child, *self._args), name="workstation-analysis", daemon=True
        )
        self._process.start()
        child.close()
        self._conn.send(self._passphrase)
        self._passphrase = ""
        self._relay = threading.Thread(target=self._relay_answers, name="analysis-relay", daemon=True)
        self._relay.start()

    def request(self, name: str, **kwargs: Any) -> int:
        """Ask for ``ui.analysis.REQUESTS[name](case, **kwargs)``; the answer carries the token."""
        token = next(_tokens)
        with self._send_lock:
            if self._stopped:
                return token
            if self._process is None:
                self._start()
            try:
                self._conn.send((token, name, kwargs))
            except (OSError, ValueError):
                log.warning("the analysis process is gone")
        return token

    def _relay_answers(self) -> None:
        while True:
            try:
                token, status, result = self._conn.recv()
            except (EOFError, OSError):
                return
            if status == "ok":
                self.answered.emit(token, result)
            else:
                log.error("analysis request failed:\n%s", result)
                self.failed.emit(token, str(result).strip().splitlines()[-1] if result else "")

    def stop(self, timeout: float = 10.0) -> None:
        with self._send_lock:
            if self._stopped:
                return
            self._stopped = True
            self._passphrase = ""
            if self._process is None:
                return
            try:
                self._conn.send(None)
            except (OSError, ValueError):
                pass
        self._process.join(timeout)
        if self._process.is_alive():  # a long clustering run: it holds no lock worth waiting for
            self._process.terminate()
            self._process.join(timeout)
        self._conn.close()
        if self._relay is not None:
            self._relay.join(timeout)
