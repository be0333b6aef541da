"""Progress and cancel for long work; no Qt here. The CLI renders it, the UI turns it into signals."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from workstation.errors import Cancelled

ChangeCallback = Callable[[int, "int | None", str], None]


@dataclass
class Warning_:
    """A per-file problem met during long work."""

    path: str
    reason: str


@dataclass
class Progress:
    """Counts, notes and warnings of one long job, plus a thread-safe cancel flag.

    Core functions call :meth:`step` per unit of work (it raises :class:`Cancelled` once
    :meth:`cancel` was called) and :meth:`warn` for damaged input.
    """

    on_change: ChangeCallback | None = None
    total: int | None = None
    done: int = 0
    note: str = ""
    warnings: list[Warning_] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    bytes_done: int = 0
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)

    def start(self, total: int | None, note: str = "") -> None:
        self.total, self.done, self.note = total, 0, note
        self.started = time.monotonic()
        self._emit()

    def step(self, n: int = 1, note: str | None = None, nbytes: int = 0) -> None:
        self.check()
        self.done += n
        self.bytes_done += nbytes
        if note is not None:
            self.note = note
        self._emit()

    def check(self) -> None:
        """Raise Cancelled if cancel was requested."""
        if self._cancel.is_set():
            raise Cancelled()

    def warn(self, path: str, reason: str) -> None:
        self.warnings.append(Warning_(str(path), reason))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        if not self.total or not self.rate:
            return None
        return max(0.0, (self.total - self.done) / self.rate)

    def _emit(self) -> None:
        if self.on_change is not None:
            self.on_change(self.done, self.total, self.note)


class ConsoleProgress:
    """Renders a Progress as a one-line bar on a terminal (stderr), ten times a second at most."""

    def __init__(self, label: str, stream=None) -> None:  # type: ignore[no-untyped-def]
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._next = 0.0
        self.progress = Progress(on_change=self._render)

    def _render(self, done: int, total: int | None, note: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next and done != total:
            return
        self._next = now + 0.1
        rate = self.progress.rate
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            eta = self.progress.eta
            eta_s = f" ETA {eta:4.0f}s" if eta is not None else ""
            line = (
                f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                f"{done}/{total} {rate:6.1f}/s{eta_s} {note[:30]:<30}"
            )
        else:
            line = f"\r{self.label} {done} {rate:6.1f}/s {note[:40]:<40}"
        self.stream.write(line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
