"""Run core functions off the GUI thread: a Task wraps a plain function and a core Progress.

Long work (import, dedup, report, export) lives in the core as plain functions that take a
:class:`workstation.progress.Progress`. A :class:`Task` runs one of them in the global
QThreadPool and turns the progress into queued signals, so the window keeps repainting.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workstation.errors import Cancelled, WorkstationError
from workstation.progress import Progress

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of one task (emitted from the pool thread, delivered queued on the GUI thread).

    Signals:
        progressed(done, total, note): about ten times a second; total is -1 when unknown.
        succeeded(result): the function returned.
        failed(reason): a WorkstationError (its one-line reason) or an internal error.
        cancelled(): the function stopped after a cancel request.
        finished(): after any of the three above; the task is done.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable):
    """One core function run in the pool with a Progress whose cancel the GUI may set.

    The job is called as ``job(progress=..., **kwargs)``. It must not touch widgets; if it needs
    the case it opens its own connection (a SQLite connection belongs to one thread).
    """

    def __init__(self, job: Callable[..., Any], label: str = "", **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python object alive until finished
        self.signals = TaskSignals()
        self.label = label
        self.progress = Progress(on_change=self._report)
        self._job, self._kwargs = job, kwargs
        self._next_emit = 0.0
        self.result: Any = None
        self.error: str | None = None
        self.state = "pending"  # pending, running, succeeded, failed, cancelled

    def run(self) -> None:  # pool thread: no widgets here
        self.state = "running"
        try:
            result = self._job(progress=self.progress, **self._kwargs)
        except Cancelled:
            self.state = "cancelled"
            self.signals.cancelled.emit()
        except WorkstationError as exc:
            self.state, self.error = "failed", str(exc)
            self.signals.failed.emit(str(exc))
        except Exception:  # a bug: log it with its traceback, tell the analyst calmly
            log.exception("task %s crashed", self.label or self._job)
            self.state = "failed"
            self.error = "Internal error; the details are in the log."
            self.signals.failed.emit(self.error)
        else:
            self.state, self.result = "succeeded", result
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()

    def cancel(self) -> None:
        self.progress.cancel()

    def rate(self) -> float:
        return self.progress.rate

    def eta(self) -> float | None:
        return self.progress.eta

    def _report(self, done: int, total: int | None, note: str) -> None:
        now = time.monotonic()  # about ten updates a second, plus the last one
        if now >= self._next_emit or done == total:
            self._next_emit = now + 0.1
            self.signals.progressed.emit(done, -1 if total is None else total, note)


class ProcessTask(Task):
    """A registered job (ui.jobs.JOBS) run in a child process with its own case connection.

    Import, verification and reports are CPU-heavy Python. Run in a thread of the GUI process
    they would hold the GIL for milliseconds at a time and the window would stutter (measured:
    stalls of 600 ms while importing). In a child process they cannot; the pool thread here
    only relays messages from the pipe, blocked in recv() without the GIL.
    """

    def __init__(
        self, job: str, case_path: str, passphrase: str, analyst: str | None = None, label: str = "", **kwargs: Any
    ) -> None:
        super().__init__(_no_job, label=label or job)
        self.job_name = job
        self._case_path = str(case_path)
        self._passphrase = passphrase
        self._analyst = analyst
        self._job_kwargs = kwargs
        self._ctx = multiprocessing.get_context("spawn")
        # Cancel travels on a pipe of its own. Not a multiprocessing.Event: setting one blocks
        # for ever when the child ended while waiting on it (its Condition counts the dead waiter).
        self._cancel_rx, self._cancel_tx = self._ctx.Pipe(duplex=False)
        self._rate = 0.0
        self._eta: float | None = None
        self._process: Any = None
        self.warnings: list[tuple[str, str]] = []

    def cancel(self) -> None:
        self.progress.cancel()
        try:
            self._cancel_tx.send(True)
        except (OSError, ValueError):  # the job already ended
            pass

    def terminate(self) -> None:
        """Last resort when a cancelled job does not stop: end its process. The case stays
        consistent (the transaction in flight is rolled back when the file is next opened)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()

    def rate(self) -> float:
        return self._rate

    def eta(self) -> float | None:
        return self._eta

    def run(self) -> None:  # pool thread: relays the child's messages
        from ui import jobs

        self.state = "running"
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=jobs.child_main,
            args=(child, self._cancel_rx, self.job_name, self._case_path, self._analyst, self._job_kwargs),
            name=f"workstation-{self.job_name}",
        )
        self._process = process
        outcome: tuple[Any, ...] = ("crashed", "the job process ended without an answer")
        started = False
        try:
            process.start()
            started = True
            child.close()
            self._cancel_rx.close()
            if self.progress.cancelled:  # cancelled before the process existed
                self._cancel_tx.send(True)
            parent.send(self._passphrase)
            while True:
                try:
                    message = parent.recv()
                except EOFError:
                    break
                if message[0] == "progress":
                    _, done, total, note, self._rate, self._eta = message
                    self.progress.done, self.progress.total = done, (None if total < 0 else total)
                    self.signals.progressed.emit(done, total, note)
                    continue
                outcome = message
                break
        except (OSError, ValueError, TypeError, AttributeError, pickle.PicklingError) as exc:  # could not start it
            outcome = ("crashed", f"{type(exc).__name__}: {exc}")
        finally:
            parent.close()
            if started:
                process.join()
            self._cancel_tx.close()
            self._passphrase = ""
        kind = outcome[0]
        if kind == "result":
            self.state, self.result, self.warnings = "succeeded", outcome[1], outcome[2]
            self.signals.succeeded.emit(self.result)
        elif kind == "cancelled":
            self.state = "cancelled"
            self.signals.cancelled.emit()
        elif kind == "failed":
            self.state, self.error = "failed", outcome[1]
            self.signals.failed.emit(outcome[1])
        else:
            log.error("job %s crashed:\n%s", self.job_name, outcome[1])
            self.state = "failed"
            self.error = "Internal error; the details are in the log."
            self.signals.failed.emit(self.error)
        self.signals.finished.emit()


def _no_job(**_kwargs: Any) -> None:  # ProcessTask overrides run()
    return None


class TaskRunner(QObject):
    """Starts tasks in the global pool and holds each one until its final signal.

    Signals:
        started(task), ended(task)
    """

    started = Signal(object)
    ended = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[Task] = []

    def start(self, task: Task) -> Task:
        self._running.append(task)
        task.signals.finished.connect(lambda t=task: self._on_task_finished(t))
        QThreadPool.globalInstance().start(task)
        self.started.emit(task)
        return task

    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task finished (used when closing and in tests)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def stop_all(self, grace_ms: int = 30_000) -> None:
        """Cancel every task; end the processes of those still running after ``grace_ms``."""
        self.cancel_all()
        if not self.wait(grace_ms):
            for task in self._running:
                if isinstance(task, ProcessTask):
                    task.terminate()
            self.wait(grace_ms)

    def _on_task_finished(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)
        self.ended.emit(task)


def format_duration(seconds: float | None) -> str:
    """'1:05:09', '4:07' or '0:03'; empty when unknown."""
    if seconds is None:
        return ""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
