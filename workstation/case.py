"""Case: open or create an encrypted case file; the one door the CLI, UI and reports use."""

from __future__ import annotations

import getpass
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from storage import audit as audit_log
from storage import casefile, migrations
from storage import state as item_state
from storage.blobs import BlobStore
from storage.errors import NotEncryptedCase, ReadOnlyCase, StorageError, WrongKey
from workstation import names
from workstation.errors import (
    CaseDamaged,
    CaseError,
    CaseExists,
    CaseLocked,
    CaseReadOnly,
    DiskFull,
    FolderMissing,
    NotACase,
    UsageError,
    WorkstationError,
    WrongPassphrase,
)

log = logging.getLogger(__name__)
STATE_MIGRATION = "0700_state_binding"


class _Public(Protocol):
    @property
    def sign_key_b64(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


class Signer(Protocol):
    """The analyst's unlocked identity (workstation.identity.Identity) as far as signing goes."""

    @property
    def public(self) -> _Public: ...
    @property
    def label(self) -> str: ...
    def sign(self, data: bytes) -> bytes: ...


_CLOSE_ERRORS: tuple[type[BaseException], ...] = (WorkstationError, *casefile.DAMAGE_ERRORS)

# "classification": the case's default report marking (none unless set; markings differ per agency)
META_KEYS = ("title", "case_number", "agency", "analyst", "timezone", "default_region", "created_at", "classification")


def utc_now() -> str:
    """Current time as ISO 8601 UTC with a Z, the one spelling stored in the case."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_analyst() -> str:
    return os.environ.get("WORKSTATION_ANALYST") or getpass.getuser()


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB"


def storage_failure(exc: BaseException, path: str | Path, *, need: int | None = None) -> WorkstationError:
    """The real cause of a failed read or write of the case, with the action that fixes it.

    "Damaged" only when SQLite/SQLCipher say a page is damaged; a full disk, another process's
    lock or read-only media say so, because restoring a copy for them would lose work.
    """
    path = Path(path)
    kind = casefile.error_kind(exc)
    if kind == "full":
        try:
            free = shutil.disk_usage(path.parent if path.parent.exists() else ".").free
        except OSError:
            free = 0
        wanted = f"; this step needs about {_mib(need)} more" if need else ""
        return DiskFull(
            f"the disk is full ({_mib(free)} free on the case's drive{wanted}); nothing committed was lost: "
            "free some space (or move the case to a larger drive) and run the command again",
            path,
        )
    if kind == "locked":
        others = casefile.holders(path)
        who = "; held by " + ", ".join(f"pid {pid} ({cmd[:80]})" for pid, cmd in others) if others else ""
        return CaseLocked(
            f"the case is in use by another process{who}; wait for it to finish or close it there, then try again",
            path,
        )
    if kind == "readonly":
        reason = casefile.read_only_reason(path) or "the file or its media cannot be written"
        return CaseReadOnly(
            f"the case is read-only: {reason}; reading commands work, copy it to writable media to change it", path
        )
    if kind == "cantopen":
        if not path.parent.exists():
            return FolderMissing(f"the folder {path.parent} does not exist; create it or choose another place", path)
        return CaseError(f"cannot open the case file ({exc}); check that the drive is attached and readable", path)
    if kind == "io":
        return CaseError(f"the drive reported an I/O error ({exc}); check the drive and its connection", path)
    if kind == "damaged":
        return CaseDamaged(
            f"the case file is damaged ({type(exc).__name__}: {exc}); run `workstation verify` on it "
            "and restore from a copy",
            path,
        )
    return CaseError(f"the case database reported an error: {exc}", path)


class Case:
    """An open case file.

    A Case belongs to one thread (SQLite connections do); workers open their own.
    """

    def __init__(
        self, path: Path, db: sqlite_utils.Database, analyst: str | None = None, *, read_only: str | None = None
    ) -> None:
        self.path = path
        self.db = db
        # Why the case cannot be written (read-only media, chmod a-w), or None: writable.
        self.read_only = read_only
        self.pending_migrations: list[str] = []
        # Called once, at close, when this session changed the case: returns the analyst's
        # unlocked identity to sign the audit head with, or None (the head stays unsigned).
        self.signer: Callable[[], Signer | None] | None = None
        self.signed: audit_log.HeadSignature | None = None
        self.unsigned_reason: str | None = None
        self._head_at_open = audit_log.head(db)[0] if "audit" in db.table_names() else 0
        if read_only is None and item_state.enabled(db):
            item_state.install(db)
        self.blobs = BlobStore(db)
        self._depth = 0
        self.meta = self._read_meta()
        self.analyst = analyst or os.environ.get("WORKSTATION_ANALYST") or self.meta.get("analyst") or default_analyst()

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
        try:
            exists = casefile.check_case_path(path) is not None
        except StorageError as exc:
            raise CaseError(exc.reason, path) from exc
        if exists:
            raise CaseExists("a file with this name already exists; choose another name", path)
        if not path.parent.is_dir():
            raise FolderMissing(f"the folder {path.parent} does not exist; create it or choose another place", path)
        if casefile.read_only_reason(path.parent) or not os.access(path.parent, os.W_OK):
            raise CaseReadOnly(f"cannot create a case in {path.parent}: the folder is read-only", path)
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
        except casefile.DAMAGE_ERRORS as exc:
            _remove_quietly(tmp)
            for suffix in ("-wal", "-shm"):
                _remove_quietly(Path(str(tmp) + suffix))
            raise storage_failure(exc, path) from exc
        except BaseException:
            _remove_quietly(tmp)
            raise
        for suffix in ("-wal", "-shm"):
            _remove_quietly(Path(str(tmp) + suffix))
        os.replace(tmp, path)
        return cls.open(path, passphrase, analyst=analyst)

    @classmethod
    def open(cls, path: str | Path, passphrase: str, *, analyst: str | None = None, read_only: bool = False) -> Case:
        """Open an existing case; a wrong passphrase leaves the file byte-for-byte unchanged.

        Args:
            read_only: open for reading only (``verify``); a case on read-only media or without
                write permission is opened that way anyway, and writing to it raises CaseReadOnly.
        """
        path = Path(path)
        try:
            casefile.check_case_path(path)
        except NotEncryptedCase as exc:
            raise NotACase(exc.reason, path) from exc
        except StorageError as exc:
            raise CaseError(exc.reason, path) from exc
        reason = casefile.read_only_reason(path)
        if read_only and not reason:
            reason = "opened for reading only"
        try:
            db = casefile.open_database(path, passphrase, read_only=reason is not None)
        except WrongKey as exc:
            raise WrongPassphrase(exc.reason, path) from exc
        except NotEncryptedCase as exc:
            raise NotACase(exc.reason, path) from exc
        except ReadOnlyCase as exc:
            raise CaseReadOnly(exc.reason, path) from exc
        except StorageError as exc:
            if not path.parent.exists():
                raise FolderMissing(exc.reason, path) from exc
            raise CaseError(exc.reason, path) from exc
        except casefile.DAMAGE_ERRORS as exc:
            raise storage_failure(exc, path) from exc
        if reason is not None:
            try:
                pending = migrations.pending(db)
                case = cls(path, db, analyst, read_only=reason)
            except casefile.DAMAGE_ERRORS as exc:
                db.conn.close()
                raise storage_failure(exc, path) from exc
            case.pending_migrations = pending
            return case
        try:
            applied = migrations.migrate(db)
        except StorageError as exc:
            db.conn.close()
            raise CaseError(exc.reason, path) from exc
        except casefile.DAMAGE_ERRORS as exc:
            db.conn.close()
            raise storage_failure(exc, path) from exc
        try:
            case = cls(path, db, analyst)
        except casefile.DAMAGE_ERRORS as exc:
            db.conn.close()
            raise storage_failure(exc, path) from exc
        if applied:
            if STATE_MIGRATION in applied:
                item_state.install(db)
                item_state.mark_all(db)  # the upgrade's entry commits to every item's state
            with case.transaction():
                case.audit("case.migrated", {"migrations": applied})
        return case

    def close(self) -> None:
        """Record what this session changed without an entry yet, sign the head, close the file."""
        if self.read_only is None:
            try:
                if item_state.pending(self.db):
                    self.audit("state.recorded", {})
                self._sign_head()
            except _CLOSE_ERRORS as exc:  # never hide the command's own error
                log.warning("could not record the final state or sign the head: %s", exc)
        casefile.close(self.db)

    def _sign_head(self) -> None:
        seq, digest = audit_log.head(self.db)
        if seq == self._head_at_open or not seq:
            return
        if self.signer is None:
            self.unsigned_reason = "no signing key offered"
            return
        try:
            identity = self.signer()
        except WorkstationError as exc:
            self.unsigned_reason = exc.reason
            return
        if identity is None:
            self.unsigned_reason = "no identity or no key passphrase"
            return
        from workstation.signing import sign_head

        with self.transaction():
            self.signed = sign_head(self.db, identity)
        self._head_at_open = seq

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and audit -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls join the outer transaction.

        Raises:
            CaseReadOnly: the case was opened read-only (write-blocked media, chmod a-w).
            DiskFull, CaseLocked, CaseDamaged, ...: the real cause when SQLite refuses the work
                (a failing ROLLBACK never hides it).
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self.read_only:
            raise CaseReadOnly(
                f"the case is read-only ({self.read_only}): reading commands work; "
                "copy it to writable media to change it",
                self.path,
            )
        conn = self.db.conn
        try:
            conn.commit()
            conn.execute("BEGIN IMMEDIATE")
        except casefile.DAMAGE_ERRORS as exc:
            raise storage_failure(exc, self.path) from exc
        self._depth = 1
        try:
            yield
        except BaseException as exc:
            self._depth = 0
            self._rollback()
            if isinstance(exc, casefile.DAMAGE_ERRORS) and not isinstance(exc, WorkstationError):
                raise storage_failure(exc, self.path) from exc
            raise
        self._depth = 0
        try:
            conn.execute("COMMIT")
        except casefile.DAMAGE_ERRORS as exc:
            self._rollback()
            raise storage_failure(exc, self.path) from exc

    def _rollback(self) -> None:
        # After SQLITE_FULL or an I/O error SQLite may already have rolled back; a second
        # ROLLBACK then fails ("no transaction is active") and must not replace the real error.
        try:
            self.db.conn.execute("ROLLBACK")
        except casefile.DAMAGE_ERRORS:
            pass

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
        if self.read_only is not None:
            raise CaseReadOnly(f"the case is read-only ({self.read_only}); its passphrase cannot be changed", self.path)
        try:
            casefile.rekey(self.db, new_passphrase)
        except StorageError as exc:
            raise CaseError(exc.reason, self.path) from exc
        except casefile.DAMAGE_ERRORS as exc:
            raise storage_failure(exc, self.path) from exc
        self.audit("case.passphrase_changed", {})  # recorded once it really happened

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
        """Re-hash every blob, walk the audit chain, recompute every item's state, check signatures.

        Reads only (see :func:`workstation.verify.verify_case` for the report's fields).
        """
        from workstation.verify import verify_case

        return verify_case(self, progress)

    def record_verified(self, report: dict[str, Any]) -> bool:
        """Write the "case.verified" entry, only for an intact case that can be written."""
        if not report.get("ok") or self.read_only is not None:
            return False
        self.audit(
            "case.verified",
            {"ok": True, "blobs_checked": report.get("blobs_checked"), "items_checked": report.get("items_checked")},
        )
        return True


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
