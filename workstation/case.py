"""Case: open or create an encrypted case file; the one door the CLI, UI and reports use."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from storage import audit as audit_log
from storage import casefile, migrations
from storage.blobs import BlobStore
from storage.errors import NotEncryptedCase, StorageError, WrongKey
from workstation import names
from workstation.errors import CaseError, CaseExists, NotACase, UsageError, WrongPassphrase

META_KEYS = ("title", "case_number", "agency", "analyst", "timezone", "default_region", "created_at")


def utc_now() -> str:
    """Current time as ISO 8601 UTC with a Z, the one spelling stored in the case."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_analyst() -> str:
    return os.environ.get("WORKSTATION_ANALYST") or getpass.getuser()


class Case:
    """An open case file.

    A Case belongs to one thread (SQLite connections do); workers open their own.
    """

    def __init__(self, path: Path, db: sqlite_utils.Database, analyst: str | None = None) -> None:
        self.path = path
        self.db = db
        self.blobs = BlobStore(db)
        self._depth = 0
        self.meta = self._read_meta()
        self.analyst = analyst or os.environ.get("WORKSTATION_ANALYST") or self.meta.get(
            "analyst"
        ) or default_analyst()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        passphrase: str,
        *,
        title: str,
        case_number: str | None = None,
        agency: str | None = None,
        analyst: str | None = None,
        timezone: str = "UTC",
        default_region: str | None = None,
    ) -> Case:
        """Create a new encrypted case file. Refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise CaseExists("a file with this name already exists; choose another name", path)
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise UsageError(f"unknown time zone {timezone!r}") from exc
        analyst = analyst or default_analyst()
        # Build under a temporary name, then rename: a crash never leaves a half-made case.
        tmp = path.with_name(path.name + ".creating")
        if tmp.exists():
            tmp.unlink()
        try:
            db = casefile.open_database(tmp, passphrase, create=True)
            migrations.migrate(db)
            case = cls(tmp, db, analyst)
            meta = {
                "title": title,
                "case_number": case_number or "",
                "agency": agency or "",
                "analyst": analyst,
                "timezone": timezone,
                "default_region": (default_region or "").upper(),
                "created_at": utc_now(),
                "app": "Evidence Workstation",
            }
            with case.transaction():
                for key, value in meta.items():
                    db.execute("INSERT INTO case_meta (key, value) VALUES (?, ?)", [key, value])
                case.audit("case.created", {k: v for k, v in meta.items() if k != "app"})
            case.meta = case._read_meta()
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.conn.close()
        except StorageError as exc:
            _remove_quietly(tmp)
            raise CaseError(exc.reason, path) from exc
        except BaseException:
            _remove_quietly(tmp)
            raise
        for suffix in ("-wal", "-shm"):
            _remove_quietly(Path(str(tmp) + suffix))
        os.replace(tmp, path)
        return cls.open(path, passphrase, analyst=analyst)

    @classmethod
    def open(cls, path: str | Path, passphrase: str, *, analyst: str | None = None) -> Case:
        """Open an existing case; a wrong passphrase leaves the file byte-for-byte unchanged."""
        path = Path(path)
        try:
            db = casefile.open_database(path, passphrase)
        except WrongKey as exc:
            raise WrongPassphrase(exc.reason, path) from exc
        except NotEncryptedCase as exc:
            raise NotACase(exc.reason, path) from exc
        except StorageError as exc:
            raise CaseError(exc.reason, path) from exc
        try:
            applied = migrations.migrate(db)
        except StorageError as exc:
            db.conn.close()
            raise CaseError(exc.reason, path) from exc
        except casefile.DatabaseError as exc:
            db.conn.close()
            raise CaseError(f"the case file is damaged: {exc}", path) from exc
        case = cls(path, db, analyst)
        if applied:
            with case.transaction():
                case.audit("case.migrated", {"migrations": applied})
        return case

    def close(self) -> None:
        casefile.close(self.db)

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and audit -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        conn = self.db.conn
        conn.commit()
        conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            conn.execute("ROLLBACK")
            raise
        self._depth = 0
        conn.execute("COMMIT")

    def audit(self, action: str, details: dict[str, Any]) -> audit_log.AuditEntry:
        """Append a hash-chained audit entry (inside the current transaction, or its own)."""
        with self.transaction():
            return audit_log.append(self.db, self.analyst, action, names.clean(details))

    # -- metadata ----------------------------------------------------------------------------
    def _read_meta(self) -> dict[str, str]:
        if "case_meta" not in self.db.table_names():
            return {}
        return {k: v for k, v in self.db.execute("SELECT key, value FROM case_meta")}

    def set_meta(self, **values: str) -> None:
        """Change case metadata (title, case number, agency, analyst, time zone, region)."""
        unknown = set(values) - set(META_KEYS)
        if unknown:
            raise UsageError(f"unknown case field(s): {', '.join(sorted(unknown))}")
        if "timezone" in values:
            try:
                ZoneInfo(values["timezone"])
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise UsageError(f"unknown time zone {values['timezone']!r}") from exc
        with self.transaction():
            old = {k: self.meta.get(k) for k in values}
            for key, value in values.items():
                self.db.execute(
                    "INSERT INTO case_meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
            self.audit("case.metadata_changed", {"old": old, "new": values})
        self.meta = self._read_meta()

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the case under a new passphrase."""
        self.audit("case.passphrase_changed", {})
        try:
            casefile.rekey(self.db, new_passphrase)
        except StorageError as exc:
            raise CaseError(exc.reason, self.path) from exc

    # -- items ---------------------------------------------------------------------------------
    def item(self, item_id: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM items WHERE id = ?", [item_id]))
        if not rows:
            raise UsageError(f"no item with id {item_id}")
        return _decode(rows[0])

    def items(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        if kind:
            rows = self.db.query("SELECT * FROM items WHERE kind = ? ORDER BY id", [kind])
        else:
            rows = self.db.query("SELECT * FROM items ORDER BY id")
        for row in rows:
            yield _decode(row)

    def count_items(self, kind: str | None = None) -> int:
        if kind:
            return int(self.db.execute("SELECT count(*) FROM items WHERE kind = ?", [kind]).fetchone()[0])
        return int(self.db.execute("SELECT count(*) FROM items").fetchone()[0])

    def children(self, item_id: int) -> list[dict[str, Any]]:
        return [_decode(r) for r in self.db.query("SELECT * FROM items WHERE parent_id = ? ORDER BY id", [item_id])]

    def thumbnail(self, item_id: int) -> bytes | None:
        row = self.db.execute("SELECT data FROM thumbnails WHERE item_id = ?", [item_id]).fetchone()
        return None if row is None else bytes(row[0])

    def local_time(self, iso_utc: str | None) -> str | None:
        """An ISO UTC time shown in the case's display time zone."""
        if not iso_utc:
            return None
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
        return moment.astimezone(ZoneInfo(self.meta.get("timezone") or "UTC")).isoformat()

    # -- verification -------------------------------------------------------------------------
    def verify(self, progress: Any = None) -> dict[str, Any]:
        """Re-hash every blob and walk the audit chain.

        Returns:
            {"ok": bool, "blobs_checked": n, "problems": [{"what", "sha256"|None, "problem"}]}
        """
        problems: list[dict[str, Any]] = []
        for text in casefile.integrity_problems(self.db):
            problems.append({"what": "file", "problem": text})
        try:
            shas = self.blobs.all_sha256()
        except casefile.DAMAGE_ERRORS as exc:
            problems.append({"what": "file", "problem": f"cannot read the blob index: damaged pages ({exc!r})"})
            return {"ok": False, "blobs_checked": 0, "audit_entries": None, "audit_head": None, "problems": problems}
        if progress is not None:
            progress.start(len(shas), "verifying blobs")
        for sha in shas:
            reason = self.blobs.verify(sha)
            if reason:
                names = [r[0] for r in self.db.execute("SELECT original_name FROM items WHERE sha256 = ?", [sha])]
                problems.append({"what": "blob", "sha256": sha, "items": names, "problem": reason})
            if progress is not None:
                progress.step()
        try:
            for row in self.db.execute(
                "SELECT items.id, items.sha256 FROM items LEFT JOIN blobs ON blobs.sha256 = items.sha256 "
                "WHERE blobs.id IS NULL"
            ):
                problems.append({"what": "item", "item": row[0], "sha256": row[1], "problem": "its blob is missing"})
            for text in audit_log.verify_chain(self.db):
                problems.append({"what": "audit", "problem": text})
            seq, head = audit_log.head(self.db)
        except casefile.DAMAGE_ERRORS as exc:
            problems.append({"what": "file", "problem": f"cannot read items/audit: damaged pages ({exc!r})"})
            seq, head = 0, ""
        return {
            "ok": not problems,
            "blobs_checked": len(shas),
            "audit_entries": seq,
            "audit_head": head,
            "problems": problems,
        }


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    if isinstance(row.get("metadata"), str):
        try:
            row["metadata"] = json.loads(row["metadata"])
        except json.JSONDecodeError:
            row["metadata"] = {}
    return row


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
