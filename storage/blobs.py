"""Content-addressed blob store inside the encrypted case: originals byte-for-byte, in chunks."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO, cast

import sqlite_utils

from storage.errors import BlobMismatch, StorageError

CHUNK_SIZE = 1 << 20  # 1 MiB: a 2 GB original never has to fit in memory


@dataclass(frozen=True)
class BlobInfo:
    """What the store knows of one blob."""

    sha256: str
    md5: str
    size: int
    new: bool  # False when the bytes were already stored (exact duplicate)


class BlobStore:
    """Blobs keyed by SHA-256, stored as 1 MiB chunks in ``blob_chunks``.

    Writes do not commit; the caller's transaction decides (one transaction per import batch).
    """

    def __init__(self, db: sqlite_utils.Database, chunk_size: int = CHUNK_SIZE) -> None:
        self.db = db
        self.chunk_size = chunk_size

    def exists(self, sha256: str) -> bool:
        row = self.db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
        return row is not None

    def info(self, sha256: str) -> BlobInfo:
        row = self.db.execute("SELECT sha256, md5, size FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise StorageError(f"no blob {sha256}")
        return BlobInfo(row[0], row[1], row[2], False)

    def put_bytes(self, data: bytes) -> BlobInfo:
        return self.put_stream(io.BytesIO(data))

    def put_stream(
        self, stream: BinaryIO, expected_sha256: str | None = None, expected_md5: str | None = None
    ) -> BlobInfo:
        """Store a stream, chunk by chunk, hashing as it goes.

        Args:
            stream: read until EOF, never whole into memory.
            expected_sha256: when known (hashed by a worker), an existing blob is linked without
                reading the stream again; a stream that hashes differently is refused.
            expected_md5: the MD5 the same worker computed. With ``expected_sha256`` it is
                recorded without hashing the stream a second time: the stored bytes are still
                verified against the SHA-256, and bytes with that SHA-256 are the bytes the
                worker hashed, so their MD5 is the worker's. (verify() re-checks both.)

        Returns:
            The blob's hashes, size and whether it was new.
        """
        conn = self.db.conn
        if expected_sha256 is not None and self.exists(expected_sha256):
            return self.info(expected_sha256)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = conn.execute(
            "INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES (NULL, NULL, 0, ?, ?)",
            (self.chunk_size, now),
        )
        blob_id = cur.lastrowid
        trust_md5 = expected_sha256 is not None and expected_md5 is not None
        sha, md5, size, seq = hashlib.sha256(), None if trust_md5 else hashlib.md5(), 0, 0
        while True:
            chunk = stream.read(self.chunk_size)
            if not chunk:
                break
            sha.update(chunk)
            if md5 is not None:
                md5.update(chunk)
            size += len(chunk)
            conn.execute("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, chunk))
            seq += 1
        digest = sha.hexdigest()
        if expected_sha256 is not None and digest != expected_sha256:
            conn.execute("DELETE FROM blob_chunks WHERE blob_id = ?", (blob_id,))
            conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
            raise BlobMismatch("the file changed while it was being imported")
        if self.exists(digest):
            conn.execute("DELETE FROM blob_chunks WHERE blob_id = ?", (blob_id,))
            conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
            return self.info(digest)
        md5_hex = md5.hexdigest() if md5 is not None else str(expected_md5)
        conn.execute(
            "UPDATE blobs SET sha256 = ?, md5 = ?, size = ? WHERE id = ?",
            (digest, md5_hex, size, blob_id),
        )
        return BlobInfo(digest, md5_hex, size, True)

    def iter_chunks(self, sha256: str) -> Iterator[bytes]:
        row = self.db.execute("SELECT id FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise StorageError(f"no blob {sha256}")
        seq = 0
        while True:
            chunk = self.db.execute(
                "SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?", [row[0], seq]
            ).fetchone()
            if chunk is None:
                return
            yield bytes(chunk[0])
            seq += 1

    def read(self, sha256: str) -> bytes:
        """Whole blob in memory: for small items (pages, thumbnails), not for videos or archives."""
        return b"".join(self.iter_chunks(sha256))

    def open(self, sha256: str) -> BinaryIO:
        """A read-only, seekable file object over the blob, loading one chunk at a time."""
        return cast(BinaryIO, BlobReader(self, sha256))  # a RawIOBase: binary, seekable, readable

    def verify(self, sha256: str) -> str | None:
        """Re-hash one blob. Returns None when intact, else the reason."""
        try:
            info = self.info(sha256)
            sha, md5, size = hashlib.sha256(), hashlib.md5(), 0
            for chunk in self.iter_chunks(sha256):
                sha.update(chunk)
                md5.update(chunk)
                size += len(chunk)
        except StorageError as exc:
            return str(exc)
        except (Exception, MemoryError) as exc:  # noqa: BLE001 - damaged pages: DatabaseError/NOMEM
            return f"cannot read blob (damaged pages fail the cipher HMAC check): {exc!r}"
        if sha.hexdigest() != sha256:
            return f"SHA-256 mismatch: stored bytes hash to {sha.hexdigest()}"
        if md5.hexdigest() != info.md5:
            return f"MD5 mismatch: stored bytes hash to {md5.hexdigest()}, recorded {info.md5}"
        if size != info.size:
            return f"size mismatch: {size} bytes, recorded {info.size}"
        return None

    def all_sha256(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT sha256 FROM blobs WHERE sha256 IS NOT NULL")]

    def purge_unfinished(self) -> int:
        """Drop half-written streamed blobs (NULL sha256) left by a crash in an old journal mode."""
        conn = self.db.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM blobs WHERE sha256 IS NULL")]
        for blob_id in ids:
            conn.execute("DELETE FROM blob_chunks WHERE blob_id = ?", (blob_id,))
            conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
        return len(ids)


class BlobReader(io.RawIOBase):
    """Seekable read-only view of a chunked blob."""

    def __init__(self, store: BlobStore, sha256: str) -> None:
        super().__init__()
        row = store.db.execute("SELECT id, size, chunk_size FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise StorageError(f"no blob {sha256}")
        self._db = store.db
        self._id, self._size, self._chunk = row
        self._pos = 0
        self._cache: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def _chunk_at(self, seq: int) -> bytes:
        if self._cache is None or self._cache[0] != seq:
            row = self._db.execute(
                "SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?", [self._id, seq]
            ).fetchone()
            self._cache = (seq, bytes(row[0]) if row else b"")
        return self._cache[1]

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._pos >= self._size:
            return 0
        seq, offset = divmod(self._pos, self._chunk)
        data = self._chunk_at(seq)[offset : offset + len(buffer)]
        n = len(data)
        buffer[:n] = data
        self._pos += n
        return n

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self._size - self._pos
        out = bytearray()
        while size > 0 and self._pos < self._size:
            seq, offset = divmod(self._pos, self._chunk)
            data = self._chunk_at(seq)[offset : offset + size]
            if not data:
                break
            out += data
            self._pos += len(data)
            size -= len(data)
        return bytes(out)
