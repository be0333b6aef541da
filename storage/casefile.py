"""Open, create and rekey the SQLCipher-encrypted case file; hand back a sqlite_utils.Database."""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3
import sqlite_utils

from storage.errors import NotEncryptedCase, StorageError, WrongKey

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# Set inside the encrypted database so a decrypted foreign SQLCipher file is recognised as "not ours".
APPLICATION_ID = 0x45575331  # "EWS1"

DatabaseError = sqlcipher3.dbapi2.DatabaseError
# SQLCipher reports a page whose HMAC fails as SQLITE_NOMEM in some paths (MemoryError in Python).
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, MemoryError)


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _connect(path: Path, passphrase: str) -> sqlcipher3.Connection:
    # isolation_level None would break sqlite-utils' transaction handling; keep the default.
    conn = sqlcipher3.connect(str(path), timeout=30)
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


def open_database(path: str | Path, passphrase: str, *, create: bool = False) -> sqlite_utils.Database:
    """Open (or create) the encrypted case database.

    Args:
        path: the case file.
        passphrase: turned into the SQLCipher key (PBKDF2-HMAC-SHA512, SQLCipher 4 defaults).
        create: make a new file; refuses when ``path`` exists.

    Returns:
        A sqlite_utils.Database over the decrypted connection.

    Raises:
        WrongKey: the passphrase does not open the file (or page 1 is damaged).
        NotEncryptedCase: the file is not an encrypted case (plain SQLite, empty, other data).
        StorageError: other problems opening the file.
    """
    path = Path(path)
    if create:
        if path.exists():
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

    if not path.exists():
        raise StorageError("no such case file", path)
    if path.is_dir():
        raise NotEncryptedCase("is a folder, not a case file", path)
    with path.open("rb") as fh:
        head = fh.read(16)
    if not head:
        raise NotEncryptedCase("file is empty; it is not a case file", path)
    if head == PLAIN_SQLITE_HEADER:
        raise NotEncryptedCase("plain (unencrypted) SQLite database, not a case file", path)
    size = path.stat().st_size
    if size < 1024 or size % 512:
        raise NotEncryptedCase("not a case file (size does not fit an encrypted database)", path)

    conn = _connect(path, passphrase)
    try:
        # The first read decrypts page 1: a wrong key fails here, before anything is written.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        raise WrongKey(
            "wrong passphrase, or the file is not a case file or is damaged at its start", path
        ) from exc
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        conn.close()
        raise NotEncryptedCase("an encrypted database, but not an Evidence Workstation case", path)
    try:
        _tune(conn)
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


