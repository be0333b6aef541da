"""Long jobs the desktop runs in a child process, each with the child's own case connection.

Kept free of Qt so a job process starts light. The child receives the passphrase over a pipe
(never in its arguments or environment), reports progress over the same pipe, and stops at the
next progress step once the window asks it to cancel.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from workstation.case import Case
from workstation.errors import Cancelled, WorkstationError
from workstation.progress import Progress


def import_job(case: Case, progress: Progress, paths: list[str]) -> Any:
    """Store the items, then read the text of the screenshots and graphics the import queued
    (the OCR stage, with its own progress). Cancelling the OCR stage keeps the import: the
    images not read yet stay queued (`workstation scan CASE --ocr` reads them)."""
    from workstation.importing import ocrstage
    from workstation.importing.pipeline import run_import
    from workstation.rendering.stage import run_render_stage

    result = run_import(case, paths, progress)
    try:
        ocrstage.run_ocr_stage(case, progress)
        # the pages' screenshots (their grid thumbnails become the rendering); no Chromium: skipped
        pages = [int(i["id"]) for i in result.items if i.get("kind") == "page"]
        if pages:
            run_render_stage(case, progress, item_ids=pages)
    except Cancelled:
        pass
    return result


def render_job(case: Case, progress: Progress, item_ids: list[int], javascript: bool = False) -> dict[str, Any]:
    """Render pages in offline headless Chromium and store their screenshots (the page viewer's
    "Render now")."""
    from workstation.rendering.stage import run_render_stage

    return run_render_stage(case, progress, item_ids=item_ids, again=True, javascript=javascript).to_json()


def verify_job(case: Case, progress: Progress) -> dict[str, Any]:
    report = case.verify(progress)
    report["recorded"] = case.record_verified(report)  # never writes to a damaged or read-only case
    return report


def report_job(case: Case, progress: Progress, out: str, options: Any) -> Any:
    from reports.service import generate_report

    return generate_report(case, out, options, progress)


def dedup_hash_job(case: Case, progress: Progress) -> int:
    from workstation.dedup.service import ensure_hashes

    return ensure_hashes(case, progress)


def scan_job(case: Case, progress: Progress) -> Any:
    from workstation.annotations import scan_items

    return scan_items(case, progress=progress)


JOBS: dict[str, Callable[..., Any]] = {
    "scan": scan_job,
    "import": import_job,
    "verify": verify_job,
    "report": report_job,
    "dedup-hash": dedup_hash_job,
    "render": render_job,
}

EMIT_EVERY = 0.1
NICENESS = 10


def lower_priority() -> None:
    """Background work yields the CPU to the window: the job and the worker processes it starts
    (which inherit this) run at a lower priority, so repaints win on a busy 2-core machine."""
    if hasattr(os, "nice"):
        try:
            os.nice(NICENESS)
        except OSError:
            pass  # seconds between progress messages (plus the last one)


def child_main(
    conn: Connection, cancel: Any, job: str, case_path: str, analyst: str | None, kwargs: dict[str, Any]
) -> None:
    """Entry point of the job process."""
    lower_priority()
    passphrase = conn.recv()
    state = {"next": 0.0}
    progress: Progress

    def report(done: int, total: int | None, note: str) -> None:
        now = time.monotonic()
        if now >= state["next"] or done == total:
            state["next"] = now + EMIT_EVERY
            conn.send(("progress", done, -1 if total is None else total, note, progress.rate, progress.eta))

    progress = Progress(on_change=report)
    finished = threading.Event()

    def watch_cancel() -> None:
        while not finished.is_set():
            try:
                if cancel.poll(0.05):
                    progress.cancel()
                    return
            except (EOFError, OSError):  # the window went away: stop too
                progress.cancel()
                return

    watcher = threading.Thread(target=watch_cancel, name="cancel-watch", daemon=True)
    watcher.start()
    try:
        case = Case.open(case_path, passphrase, analyst=analyst)
        try:
            result = JOBS[job](case, progress, **kwargs)
        finally:
            case.close()
    except Cancelled:
        conn.send(("cancelled",))
    except WorkstationError as exc:
        conn.send(("failed", str(exc)))
    except Exception:  # a bug: the parent logs the traceback and tells the analyst calmly
        conn.send(("crashed", traceback.format_exc()))
    else:
        warnings = [(w.path, w.reason) for w in progress.warnings]
        conn.send(("result", result, warnings))
    finally:
        finished.set()
        conn.close()
        cancel.close()
