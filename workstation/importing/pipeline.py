"""run_import(): walk inputs, hash and analyse in worker processes, store in batches (one writer)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from workstation import names
from workstation.case import Case, utc_now
from workstation.conversations.times import ASSUMED_ZONE, assumed_zone
from workstation.errors import Cancelled, DiskFull, ImportFailure, WorkstationError
from workstation.hashing import hash_stream
from workstation.importing import hooks
from workstation.importing.html import is_companion_folder
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import describe_error, load_formats, read_any
from workstation.importing.triage import TRIAGE, Triage
from workstation.importing.worker import _worker_init, _worker_ready, prepare
from workstation.progress import Progress

BATCH_ITEMS = int(os.environ.get("WORKSTATION_IMPORT_BATCH", "64"))
BATCH_BYTES = 64 << 20
WINDOW_BYTES = 256 << 20  # container members held in memory while their workers run
BATCH_SECONDS = 2.0  # commit at least this often: a crash costs at most a few seconds of work


@dataclass
class ImportResult:
    """Outcome of one import run (the CLI's JSON uses these names)."""

    run_id: int
    imported: int = 0
    exact_duplicates: int = 0
    already_imported: int = 0
    items: list[dict[str, Any]] = field(default_factory=list)
    messages: int = 0  # chat messages imported: counted, not listed in items (a chat has millions)
    errors: list[dict[str, str]] = field(default_factory=list)
    status: str = "running"
    finish_error: str | None = None  # the run's closing record could not be written (its items are kept)
    keys: dict[str, int] = field(default_factory=dict, repr=False)  # item key -> id, for parents

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("keys")
        data["errors_count"] = len(self.errors)
        return data


# -- main side ------------------------------------------------------------------------------
def _walk(paths: Iterable[Path], errors: list[dict[str, str]]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if not path.exists():
                errors.append({"path": names.readable(str(path)), "error": "no such file or folder"})
                continue
            # Resolved once here: everything found below a resolved folder is already canonical
            # (symbolic links are neither followed nor imported), so files need no resolve() each.
            path = path.resolve()
            is_dir = path.is_dir()
        except OSError as exc:
            errors.append({"path": names.readable(str(path)), "error": path_error(exc)})
            continue
        if is_dir:
            for root, dirs, found in os.walk(path, followlinks=False, onerror=_walk_error(errors)):
                # A saved page's "_files" folder is imported with its page, as the page's children.
                dirs[:] = sorted(d for d in dirs if not is_companion_folder(Path(root) / d))
                for name in sorted(found):
                    candidate = Path(root) / name
                    try:
                        if candidate.is_symlink():
                            errors.append(
                                {"path": names.readable(str(candidate)), "error": "symbolic link not followed"}
                            )
                        elif candidate.is_file():
                            candidate.stat()  # an over-long path fails here, as a per-file error
                            files.append(candidate)
                    except OSError as exc:
                        errors.append({"path": names.readable(str(candidate)), "error": path_error(exc)})
        elif path.is_file():
            files.append(path)
        else:
            errors.append({"path": names.readable(str(path)), "error": "not a regular file"})
    return files


def _walk_error(errors: list[dict[str, str]]) -> Callable[[OSError], None]:
    def record(exc: OSError) -> None:
        errors.append({"path": names.readable(str(exc.filename)), "error": path_error(exc)})

    return record


def path_error(exc: OSError) -> str:
    """One clear line for a file the system will not let us read."""
    if exc.errno == errno.ENAMETOOLONG:
        return (
            "the path is too long for this system (file name over 255 bytes or path over 4096); "
            "copy the file to a shorter path and import it from there"
        )
    if exc.errno == errno.EACCES:
        return "permission denied: the file cannot be read by this user"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return f"cannot read: {exc.strerror or exc}"


def _items_from(files: list[Path], progress: Progress, errors: list[dict[str, str]]) -> Iterator[ImportedItem]:
    for path in files:
        seen = len(progress.warnings)
        try:
            for item in read_any(Source.from_path(path), progress):
                yield _storable(item)
        except Cancelled:
            raise
        except WorkstationError as exc:
            errors.append({"path": names.readable(exc.path or str(path)), "error": names.readable(exc.reason)})
        except OSError as exc:
            errors.append({"path": names.readable(str(path)), "error": path_error(exc)})
        except Exception as exc:  # noqa: BLE001 - hostile input: reported per file, never fatal
            errors.append({"path": names.readable(str(path)), "error": names.readable(describe_error(exc))})
        for warning in progress.warnings[seen:]:
            errors.append({"path": names.readable(warning.path), "error": names.readable(warning.reason)})
        progress.step(note=names.readable(path.name), nbytes=_size(path))


def _storable(item: ImportedItem) -> ImportedItem:
    """Names that are not valid UTF-8 become readable text, their exact bytes kept in metadata."""
    if not (names.has_undecodable(item.original_name) or names.has_undecodable(item.source_path)):
        return item
    original_name, source_path, extra = names.name_fields(item.original_name, item.source_path)
    item.original_name, item.source_path = original_name, source_path
    item.metadata = {**item.metadata, **extra}
    for attr in ("title", "text", "source_url", "final_url"):
        value = getattr(item, attr)
        if isinstance(value, str):
            setattr(item, attr, names.readable(value))
    return item


def result_bytes(result: ImportResult) -> int:
    return sum(int(i.get("size") or 0) for i in result.items)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def import_key(item: ImportedItem, sha256: str) -> str:
    # The exact bytes of a name that is not UTF-8: the same key as before it was made readable.
    exact = item.metadata.get(names.SOURCE_PATH_BYTES)
    source = bytes.fromhex(exact).decode("utf-8", "surrogateescape") if exact else item.source_path
    raw = f"{source}\x00{item.source_url or ''}\x00{sha256}"
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def run_import(
    case: Case,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    triage: Triage | None = None,
    timezone: str | None = None,
) -> ImportResult:
    """Import files, folders and containers into the case.

    Args:
        case: the open case (this thread writes; workers only hash and decode).
        paths: files and folders chosen by the analyst.
        progress: counts per input file; cancel leaves the case consistent.
        workers: processes for hashing/decoding; default = CPU count, 0 = in this process.
        triage: which files of disk images and extractions to import (default: all but OS folders).
        timezone: zone assumed for local times without one (chat exports); default the case's.

    Returns:
        What was imported, what was already there, and one error per bad file.

    Raises:
        Cancelled: after the batch in flight was rolled back and the run marked cancelled.
    """
    hooks.load()
    load_formats()
    triage_token = TRIAGE.set(triage or Triage())
    zone_token = ASSUMED_ZONE.set(assumed_zone(case, timezone))
    progress = progress or Progress()
    paths = [Path(p) for p in paths]
    errors: list[dict[str, str]] = []
    files = _walk(paths, errors)
    with case.transaction():
        run_id = int(
            case.db.execute(
                "INSERT INTO import_runs (started_at, analyst, paths, status) VALUES (?, ?, ?, 'running')",
                [utc_now(), case.analyst, json.dumps([names.readable(str(p)) for p in paths], ensure_ascii=False)],
            ).lastrowid
        )
        case.audit(
            "import.started", {"run": run_id, "paths": [names.readable(str(p)) for p in paths], "files": len(files)}
        )
    result = ImportResult(run_id=run_id, errors=errors)
    progress.start(len(files), "importing")
    if workers is None:
        # Worker start-up costs a second or two: worth it for many files, or for one big
        # container (a WARC or zip with thousands of images inside).
        many = len(files) > 4 or sum(_size(f) for f in files) > 32 << 20
        workers = min(os.cpu_count() or 1, 8) if many else 0
    pool = _Pool(workers)
    recorded_errors = 0
    try:
        batch: list[tuple[ImportedItem, dict[str, Any]]] = []
        batch_bytes = 0
        batch_started = time.monotonic()
        for item, prep in _prepared(case, _items_from(files, progress, errors), pool):
            batch.append((item, prep))
            batch_bytes += int(prep.get("size", 0))
            if (
                len(batch) >= BATCH_ITEMS
                or batch_bytes >= BATCH_BYTES
                or time.monotonic() - batch_started >= BATCH_SECONDS
            ):
                recorded_errors = _write_batch(case, run_id, batch, result, recorded_errors)
                batch, batch_bytes, batch_started = [], 0, time.monotonic()
                progress.check()
        recorded_errors = _write_batch(case, run_id, batch, result, recorded_errors)
        result.status = "done"
    except Cancelled:
        result.status = "cancelled"
        raise
    except DiskFull as exc:
        result.status = "failed"
        left = max(0, sum(_size(f) for f in files) - result_bytes(result))
        raise DiskFull(
            f"{exc.reason.split('; nothing committed')[0]}; {result.imported} item(s) imported before it are "
            f"kept; free about {left * 2 / (1 << 20) + 4:.0f} MiB for the rest and run the import again to resume",
            exc.path,
        ) from exc
    except BaseException:
        result.status = "failed"
        raise
    finally:
        TRIAGE.reset(triage_token)
        ASSUMED_ZONE.reset(zone_token)
        pool.shutdown()
        _finish_run(case, result, recorded_errors)
    return result


class _Pool:
    """The worker processes, replaced if a decoder crashes one (a segfault on hostile input)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None
        if workers > 0:
            self.executor = self._start(workers)

    @staticmethod
    def _start(workers: int) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_worker_init)
        for _ in range(workers):  # start the workers now, not at the first image
            executor.submit(_worker_ready)
        return executor

    def submit(self, item: ImportedItem, known: frozenset[str]) -> Future[dict[str, Any]]:
        if item.opener is not None:
            future: Future[dict[str, Any]] = Future()
            future.set_result(_prepare_stream(item))
            return future
        if self.executor is None:
            future = Future()
            future.set_result(prepare(_fs(item.file), item.data, item.analyse_image, known))
            return future
        return self.executor.submit(prepare, _fs(item.file), item.data, item.analyse_image, known)

    def isolate(self, pending: list[tuple[ImportedItem, frozenset[str]]]) -> list[dict[str, Any]]:
        """After a crash: run the pending items one at a time to find the one that kills its
        worker (it gets an error; the others are processed normally), then restart the pool."""
        self.shutdown()
        results = []
        single = self._start(1)
        for item, known in pending:
            try:
                results.append(single.submit(prepare, _fs(item.file), item.data, item.analyse_image, known).result())
            except BrokenProcessPool:
                results.append(
                    {
                        "error": "the decoder crashed on this file (damaged or hostile "
                        "content); the rest of the import went on"
                    }
                )
                single.shutdown(wait=True, cancel_futures=True)
                single = self._start(1)
        single.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start(self.workers)
        return results

    def shutdown(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _prepared(case: Case, items: Iterator[ImportedItem], pool: _Pool) -> Iterator[tuple[ImportedItem, dict[str, Any]]]:
    """Hash/analyse items in the pool, yielding results in input order (parents before children).

    Large members of containers (``opener`` items) are hashed here, streaming: their opener
    cannot cross a process boundary and they are not decoded anyway.
    """
    window: deque[tuple[ImportedItem, frozenset[str], Future[dict[str, Any]]]] = deque()
    # Keep the workers busy while this process writes a batch: enough items in flight to cover
    # a whole batch, bounded by the bytes held in memory for container members.
    limit = max(4, BATCH_ITEMS * 2, pool.workers * 8) if pool.workers else 1
    in_memory = 0

    def drain(until: int) -> Iterator[tuple[ImportedItem, dict[str, Any]]]:
        nonlocal in_memory
        while window and (len(window) >= until or in_memory > WINDOW_BYTES):
            done_item, known, done = window[0]
            try:
                result = done.result()
            except BrokenProcessPool:
                pending = [(i, k) for i, k, _ in window]
                window.clear()
                for (item, _), res in zip(pending, pool.isolate(pending), strict=True):
                    in_memory -= len(item.data or b"")
                    yield item, res
                return
            window.popleft()
            in_memory -= len(done_item.data or b"")
            yield done_item, result

    for item in items:
        known = _known(case, item)
        window.append((item, known, pool.submit(item, known)))
        in_memory += len(item.data or b"")
        yield from drain(limit)
    yield from drain(1)


def _known(case: Case, item: ImportedItem) -> frozenset[str]:
    rows = case.db.execute(
        "SELECT sha256 FROM items WHERE source_path = ? AND source_url IS ?",
        [item.source_path, item.source_url],
    ).fetchall()
    return frozenset(r[0] for r in rows)


def _prepare_stream(item: ImportedItem) -> dict[str, Any]:
    assert item.opener is not None
    try:
        with item.opener() as fh:
            sha256, md5, size = hash_stream(fh)
    except Exception as exc:  # noqa: BLE001 - a damaged member: reported against it
        return {"error": describe_error(exc)}
    return {"sha256": sha256, "md5": md5, "size": size}


def _fs(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _write_batch(
    case: Case,
    run_id: int,
    batch: list[tuple[ImportedItem, dict[str, Any]]],
    result: ImportResult,
    recorded_errors: int,
) -> int:
    """Store one batch in one transaction: blobs, items, thumbnails, plug-in rows, audit entry."""
    new_errors = result.errors[recorded_errors:]
    if not batch and not new_errors:
        return recorded_errors
    db = case.db
    written: list[dict[str, Any]] = []
    batch_errors: list[dict[str, str]] = []
    counts = {"imported": 0, "exact_duplicates": 0, "already_imported": 0}
    with case.transaction():
        for item, prep in batch:
            if "error" in prep:
                batch_errors.append({"path": item.source_path, "error": names.readable(str(prep["error"]))})
                continue
            key = import_key(item, prep["sha256"])
            existing = db.execute("SELECT id FROM items WHERE import_key = ?", [key]).fetchone()
            if existing is not None:
                result.keys[item.key] = int(existing[0])
                counts["already_imported"] += 1
                continue
            blob = _store_blob(case, item, prep["sha256"], prep.get("md5"))
            if not blob.new:
                counts["exact_duplicates"] += 1
            derived = prep.get("derived") or item.derived or {}
            parent_id = result.keys.get(item.parent_key) if item.parent_key else None
            metadata = dict(item.metadata)
            metadata.update(derived.get("metadata", {}))
            captured_at, captured_tz = item.captured_at, item.captured_tz
            if captured_at is None and derived.get("photo_taken"):
                captured_at, captured_tz = derived["photo_taken"]
            capture_method = item.capture_method
            tags = list(item.tags)
            if derived.get("screenshot"):
                metadata["screenshot_evidence"] = metadata.get("screenshot_evidence", []) + derived["screenshot"]
                if "screenshot" not in tags:
                    tags.append("screenshot")
                if capture_method == "seized file":
                    capture_method = "screenshot"
            if item.file is not None:
                modified = _mtime(item.file)
                if modified:
                    metadata["file_modified_at"] = modified
            row = {
                "kind": item.kind,
                "sha256": blob.sha256,
                "md5": blob.md5,
                "size": blob.size,
                "mime": item.mime,
                "original_name": item.original_name,
                "source_path": item.source_path,
                "source_url": item.source_url,
                "final_url": item.final_url,
                "capture_method": capture_method,
                "captured_at": captured_at,
                "captured_tz": captured_tz,
                "imported_at": utc_now(),
                "analyst": case.analyst,
                "parent_id": parent_id,
                "importer": item.importer,
                "import_key": key,
                "width": derived.get("width"),
                "height": derived.get("height"),
                "title": item.title,
                "language": item.language,
                "text": item.text,
                "metadata": json.dumps(metadata, ensure_ascii=False, sort_keys=True),
            }
            item_id = int(
                db.execute(
                    f"INSERT INTO items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                ).lastrowid
            )
            result.keys[item.key] = item_id
            if "thumbnail" in derived:
                data, w, h = derived["thumbnail"]
                db.execute(
                    "INSERT INTO thumbnails (item_id, width, height, data) VALUES (?, ?, ?, ?)",
                    [item_id, w, h, data],
                )
            for tag in tags:
                db.execute("INSERT OR IGNORE INTO tags (item_id, tag) VALUES (?, ?)", [item_id, tag])
            stored = dict(row, id=item_id, metadata=metadata)
            for writer in hooks.ITEM_WRITERS:
                writer(case, item_id, stored, derived.get("analysis", {}))
            counts["imported"] += 1
            written.append(
                {
                    "id": item_id,
                    "sha256": blob.sha256,
                    "original_name": item.original_name,
                    "source_path": item.source_path,
                    "kind": item.kind,
                    "size": blob.size,
                    "exact_duplicate": not blob.new,
                }
            )
        all_errors = new_errors + batch_errors
        for err in all_errors:
            db.execute(
                "INSERT INTO import_errors (run_id, path, error, at) VALUES (?, ?, ?, ?)",
                [run_id, err["path"], err["error"], utc_now()],
            )
        ids = [w["id"] for w in written]
        if ids:
            for hook in hooks.BATCH_HOOKS:
                hook(case, ids)
        case.audit(
            "import.batch",
            {
                "run": run_id,
                "items": [[w["id"], w["sha256"], w["source_path"]] for w in written],
                "already_imported": counts["already_imported"],
                "errors": all_errors,
            },
        )
    # Only after COMMIT: the result never claims what a rollback took back.
    result.imported += counts["imported"]
    result.exact_duplicates += counts["exact_duplicates"]
    result.already_imported += counts["already_imported"]
    result.items.extend(w for w in written if w["kind"] != "message")
    result.messages += sum(1 for w in written if w["kind"] == "message")
    result.errors.extend(batch_errors)
    return len(result.errors)


def _store_blob(case: Case, item: ImportedItem, sha256: str, md5: str | None = None):  # type: ignore[no-untyped-def]
    """Store the original, verified against the SHA-256 the worker computed (the MD5 the worker
    computed with it is recorded without hashing the bytes a second time)."""
    if item.file is not None:
        with item.file.open("rb") as fh:
            try:
                return case.blobs.put_stream(fh, expected_sha256=sha256, expected_md5=md5)
            except WorkstationError:
                raise
            except Exception as exc:
                raise ImportFailure(f"cannot store: {exc}", item.source_path) from exc
    if item.opener is not None:
        with item.opener() as fh:
            return case.blobs.put_stream(fh, expected_sha256=sha256, expected_md5=md5)
    assert item.data is not None
    return case.blobs.put_stream(io.BytesIO(item.data), expected_sha256=sha256, expected_md5=md5)


def _mtime(path: Path) -> str | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _finish_run(case: Case, result: ImportResult, recorded_errors: int) -> None:
    try:
        with case.transaction():
            for err in result.errors[recorded_errors:]:
                case.db.execute(
                    "INSERT INTO import_errors (run_id, path, error, at) VALUES (?, ?, ?, ?)",
                    [result.run_id, names.readable(err["path"]), names.readable(err["error"]), utc_now()],
                )
            case.db.execute(
                "UPDATE import_runs SET finished_at = ?, status = ?, imported = ?, exact_duplicates = ?, "
                "errors = ? WHERE id = ?",
                [
                    utc_now(),
                    result.status,
                    result.imported,
                    result.exact_duplicates,
                    len(result.errors),
                    result.run_id,
                ],
            )
            case.audit(
                "import.finished",
                {
                    "run": result.run_id,
                    "status": result.status,
                    "imported": result.imported,
                    "exact_duplicates": result.exact_duplicates,
                    "already_imported": result.already_imported,
                    "errors": len(result.errors),
                },
            )
    except DiskFull as exc:
        # Every batch is committed: the items are in the case. Only the closing record is missing.
        result.finish_error = exc.reason
    except Exception:  # noqa: BLE001 - never mask the original error of the run
        if result.status == "done":
            raise
