"""Content-addressed blob store: byte-for-byte round trip, streaming in chunks, exact duplicates."""

from __future__ import annotations

import hashlib
import io
import os

from storage.blobs import BlobStore


class CountingStream(io.RawIOBase):
    """A stream that yields ``size`` pseudo-random bytes and records the largest read asked of it."""

    def __init__(self, size: int, seed: int = 1) -> None:
        self.remaining = size
        self.largest_read = 0
        self.sha = hashlib.sha256()
        self._block = hashlib.sha512(str(seed).encode()).digest() * 2048  # 128 KiB pattern

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        assert n is not None and n > 0, "the store must read in bounded pieces, never read()"
        self.largest_read = max(self.largest_read, n)
        n = min(n, self.remaining)
        out = (self._block * (n // len(self._block) + 1))[:n]
        self.remaining -= n
        self.sha.update(out)
        return out


def test_round_trip_larger_than_chunk_size_is_streamed(case) -> None:  # type: ignore[no-untyped-def]
    store = BlobStore(case.db, chunk_size=64 * 1024)
    stream = CountingStream(1_000_003)
    with case.transaction():
        info = store.put_stream(stream)  # type: ignore[arg-type]
    assert info.new
    assert info.size == 1_000_003
    assert info.sha256 == stream.sha.hexdigest()
    assert stream.largest_read <= 64 * 1024
    chunks = case.db.execute(
        "SELECT count(*) FROM blob_chunks JOIN blobs ON blobs.id = blob_chunks.blob_id WHERE sha256 = ?",
        [info.sha256],
    ).fetchone()[0]
    assert chunks == 16  # ceil(1_000_003 / 65_536)
    back = hashlib.sha256()
    largest = 0
    for chunk in store.iter_chunks(info.sha256):
        largest = max(largest, len(chunk))
        back.update(chunk)
    assert back.hexdigest() == info.sha256
    assert largest <= 64 * 1024
    assert store.verify(info.sha256) is None


def test_reader_seeks_across_chunks(case) -> None:  # type: ignore[no-untyped-def]
    data = os.urandom(300_000)
    store = BlobStore(case.db, chunk_size=100_000)
    info = store.put_bytes(data)
    with store.open(info.sha256) as fh:
        fh.seek(99_990)
        assert fh.read(20) == data[99_990:100_010]
        fh.seek(-5, io.SEEK_END)
        assert fh.read() == data[-5:]
    assert store.read(info.sha256) == data
    assert info.md5 == hashlib.md5(data).hexdigest()


def test_exact_duplicates_are_stored_once(case) -> None:  # type: ignore[no-untyped-def]
    first = case.blobs.put_bytes(b"same bytes")
    second = case.blobs.put_bytes(b"same bytes")
    assert first.new and not second.new
    assert first.sha256 == second.sha256
    assert case.db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    assert case.db.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] == 1


def test_expected_hash_links_without_rereading(case) -> None:  # type: ignore[no-untyped-def]
    info = case.blobs.put_bytes(b"abc")
    stream = CountingStream(10)
    again = case.blobs.put_stream(stream, expected_sha256=info.sha256)  # type: ignore[arg-type]
    assert again.sha256 == info.sha256 and not again.new
    assert stream.largest_read == 0


def test_altered_blob_is_reported(case) -> None:  # type: ignore[no-untyped-def]
    info = case.blobs.put_bytes(b"original evidence bytes")
    case.db.execute("UPDATE blob_chunks SET data = ? ", [b"tampered evidence bytes"])
    problem = case.blobs.verify(info.sha256)
    assert problem is not None and "SHA-256 mismatch" in problem


def test_worker_md5_is_recorded_only_for_bytes_that_match_the_worker_sha256(case) -> None:  # type: ignore[no-untyped-def]
    from storage.errors import BlobMismatch

    data = os.urandom(200_000)
    sha, md5 = hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest()
    with case.transaction():
        info = case.blobs.put_stream(io.BytesIO(data), expected_sha256=sha, expected_md5=md5)
    assert info.new and (info.sha256, info.md5) == (sha, md5)
    assert case.blobs.verify(sha) is None  # verify re-hashes both from the stored bytes
    # The bytes are still verified against the SHA-256: a file changed since the worker read it
    # is refused, whatever MD5 came with it.
    changed = data[:-1] + bytes([data[-1] ^ 1])
    try:
        with case.transaction():
            case.blobs.put_stream(
                io.BytesIO(changed), expected_sha256=hashlib.sha256(changed[:-1]).hexdigest(), expected_md5=md5
            )
    except BlobMismatch:
        pass
    else:
        raise AssertionError("changed bytes were stored")
    assert case.db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
