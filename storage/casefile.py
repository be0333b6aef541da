"""Open, create and rekey the SQLCipher-encrypted case file; hand back a sqlite_utils.Database."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
import sqlite_utils

from storage.errors import NotEncryptedCase, ReadOnlyCase, StorageError, WrongKey

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# Set inside the encrypted database so a decrypted foreign SQLCipher file is recognised as "not ours".
APPLICATION_ID = 0x45575331  # "EWS1"

DatabaseError = sqlcipher3.dbapi2.DatabaseError
# SQLCipher reports a page whose HMAC fails as SQLITE_NOMEM in some paths (MemoryError in Python).
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, MemoryError)


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _busy_timeout() -> float:
    """Seconds to wait for another process's lock (WORKSTATION_BUSY_TIMEOUT; tests shorten it)."""
    try:
        return float(os.environ.get("WORKSTATION_BUSY_TIMEOUT", "30"))
    except ValueError:
        return 30.0


def _connect(path: Path, passphrase: str, mode: str = "rw") -> sqlcipher3.Connection:
    # isolation_level None would break sqlite-utils' transaction handling; keep the default.
    if mode == "rw":
        conn = sqlcipher3.connect(str(path), timeout=_busy_timeout())
    else:
        # "ro": read-only, sees a -wal left by a writer (SQLite then needs the -shm file).
        # "immutable": write-blocked media: no lock, no -wal/-shm created beside the evidence.
        uri = "file:" + quote(str(path.absolute())) + ("?mode=ro" if mode == "ro" else "?mode=ro&immutable=1")
        conn = sqlcipher3.connect(uri, uri=True, timeout=_busy_timeout())
    # SQLCipher logs HMAC failures to stderr; our own error message says it better.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


def _tune(conn: sqlcipher3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed batch survives power loss, which chain of custody needs more than speed.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files of evidence on disk
    conn.execute("PRAGMA cache_size = -32000")


def check_case_path(path: Path) -> os.stat_result | None:
    """Refuse at once what can never be a case (a FIFO would block forever on open).

    Returns:
        The file's stat, or None when it does not exist.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise StorageError(
                "the path is too long for this system (over 255 bytes per name or 4096 in all)", path
            ) from exc
        if exc.errno == errno.ENOTDIR:
            return None
        raise StorageError(f"cannot reach the case file: {exc.strerror}", path) from exc
    kind = stat.S_IFMT(st.st_mode)
    if kind == stat.S_IFIFO:
        raise NotEncryptedCase("is a FIFO (named pipe), not a case file", path)
    if kind in (stat.S_IFCHR, stat.S_IFBLK):
        raise NotEncryptedCase("is a device, not a case file", path)
    if kind == stat.S_IFSOCK:
        raise NotEncryptedCase("is a socket, not a case file", path)
    return st


def read_only_reason(path: Path) -> str | None:
    """Why the case cannot be written, or None when it can (checked before opening).

    A file without any write bit counts as write-blocked even for root: an analyst who ran
    ``chmod a-w`` on a copy of evidence means it.
    """
    try:
        st = path.stat()
        fs = os.statvfs(path)
    except OSError:
        return None
    if fs.f_flag & os.ST_RDONLY:
        return "it is on read-only (write-blocked) media"
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "the file is read-only (no write permission)"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "its folder is read-only (no write permission)"
    return None


def wal_pending(path: Path) -> bool:
    """A -wal file with content: committed work a reader must see (not yet in the main file)."""
    try:
        return Path(str(path) + "-wal").stat().st_size > 0
    except OSError:
        return False


def open_database(
    path: str | Path, passphrase: str, *, create: bool = False, read_only: bool = False
) -> sqlite_utils.Database:
    """Open (or create) the encrypted case database.

    Args:
        path: the case file.
        passphrase: turned into the SQLCipher key (PBKDF2-HMAC-SHA512, SQLCipher 4 defaults).
        create: make a new file; refuses when ``path`` exists.
        read_only: open without any write (no migration, no -wal/-shm created on read-only media).

    Returns:
        A sqlite_utils.Database over the decrypted connection.

    Raises:
        WrongKey: the passphrase does not open the file (or page 1 is damaged).
        NotEncryptedCase: the file is not an encrypted case (plain SQLite, empty, other data).
        StorageError: other problems opening the file.
    """
    path = Path(path)
    st = check_case_path(path)
    if create:
        if st is not None:
            raise StorageError("file already exists; refusing to overwrite it", path)
        if not passphrase:
            raise StorageError("an empty passphrase is not allowed", path)
        # Owner-only (0600) from the start, whatever the umask; SQLite gives its -wal and -shm
        # files the database file's permissions. An empty file is a new database to SQLite.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError as exc:
            raise StorageError("file already exists; refusing to overwrite it", path) from exc
        except OSError as exc:
            raise StorageError(f"cannot create the file: {exc.strerror or exc}", path) from exc
        conn = _connect(path, passphrase)
        _tune(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.commit()
        return sqlite_utils.Database(conn)

    if st is None:
        if not path.parent.exists():
            raise StorageError(f"no such case file: the folder {path.parent} does not exist", path)
        raise StorageError("no such case file", path)
    if path.is_dir():
        raise NotEncryptedCase("is a folder, not a case file", path)
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except PermissionError as exc:
        raise StorageError("cannot read the case file: permission denied", path) from exc
    if not head:
        raise NotEncryptedCase("file is empty; it is not a case file", path)
    if head == PLAIN_SQLITE_HEADER:
        raise NotEncryptedCase("plain (unencrypted) SQLite database, not a case file", path)
    size = path.stat().st_size
    if size < 1024 or size % 512:
        raise NotEncryptedCase("not a case file (size does not fit an encrypted database)", path)

    mode = "rw"
    if read_only:
        mode = "ro" if wal_pending(path) else "immutable"
    conn = _connect(path, passphrase, mode)
    try:
        # The first read decrypts page 1: a wrong key fails here, before anything is written.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if mode == "ro" and "unable to open" in str(exc):
            raise ReadOnlyCase(
                "the case is read-only and has unsaved work in its -wal file, which SQLite can only read "
                "with a -shm file beside it; copy the case and its -wal file to writable media",
                path,
            ) from exc
        raise WrongKey("wrong passphrase, or the file is not a case file or is damaged at its start", path) from exc
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        conn.close()
        raise NotEncryptedCase("an encrypted database, but not an Evidence Workstation case", path)
    try:
        if mode == "rw":
            _tune(conn)
        else:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
    except DatabaseError as exc:
        conn.close()
        raise StorageError(f"cannot open the case: {exc}", path) from exc
    return sqlite_utils.Database(conn)


def rekey(db: sqlite_utils.Database, new_passphrase: str) -> None:
    """Re-encrypt the whole file under a new passphrase (SQLCipher PRAGMA rekey)."""
    if not new_passphrase:
        raise StorageError("an empty passphrase is not allowed")
    conn = db.conn
    conn.commit()
    # rekey rewrites every page; do it outside WAL so no page under the old key lingers in a -wal.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
    conn.execute("PRAGMA journal_mode = WAL")


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Run SQLCipher's HMAC check of every page and SQLite's structural check."""
    problems: list[str] = []
    try:
        for (row,) in db.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"cipher: {row}")
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    except DAMAGE_ERRORS as exc:
        problems.append(f"cipher: pages fail decryption/HMAC check ({type(exc).__name__}: {exc})")
        return problems
    if rows != ["ok"]:
        problems.extend(f"structure: {r}" for r in rows)
    return problems


def close(db: sqlite_utils.Database) -> None:
    try:
        db.conn.commit()
        db.conn.close()
    except DatabaseError:
        pass


def error_kind(exc: BaseException) -> str:
    """What a SQLite error really means: full, locked, readonly, cantopen, damaged or other."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return "full"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text or "is busy" in text:
        return "locked"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only" in text:
        return "readonly"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "cantopen"
    if (
        isinstance(exc, MemoryError)
        or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_NOMEM"))
        or ("malformed" in text or "not a database" in text or "hmac" in text)
    ):
        return "damaged"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "io"
    return "other"


def holders(path: Path) -> list[tuple[int, str]]:
    """Other processes that have the case (or its -wal/-shm) open: (pid, command line)."""
    targets = set()
    for suffix in ("", "-wal", "-shm"):
        try:
            targets.add(os.path.realpath(str(path) + suffix))
        except OSError:
            pass
    found: list[tuple[int, str]] = []
    me = os.getpid()
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return found
    for pid in pids:
        if pid == me:
            continue
        fd_dir = f"/proc/{pid}/fd"
        try:
            links = [os.readlink(os.path.join(fd_dir, fd)) for fd in os.listdir(fd_dir)]
        except OSError:
            continue
        if targets.intersection(links):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    cmd = " ".join(fh.read().replace(b"\0", b" ").decode("utf-8", "replace").split())
            except OSError:
                cmd = "?"
            found.append((pid, cmd))
    return found
