"""The bundle container: a tar stream, age-encrypted while it is produced and parsed as it decrypts.

Nothing here knows about cases. The writer pulls tar bytes from a generator (so the producer can
read the case one chunk at a time) and pyrage encrypts them straight into the output file; the
reader decrypts in a helper thread into a bounded in-memory pipe, which the caller parses as a
tar stream. Neither direction holds more than a few MiB or writes plaintext to disk.

Two outer forms (see docs/transfer.md):

* recipient mode: the file IS an age file (``age-encryption.org/v1`` …) to one or more X25519
  recipients, so a partner can also open it with the standard ``age`` tool;
* passphrase mode: ``WSBUNDLE-PASSPHRASE/1\\n<length>\\n`` + a small sealed envelope (Argon2id +
  ChaCha20-Poly1305, :mod:`workstation.sealing`) holding a one-off X25519 identity + the age
  stream encrypted to that identity. pyrage offers passphrase (scrypt) encryption only for whole
  byte strings, not streams, and its scrypt needs ~512 MB per use; hence the one-off key.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

import pyrage

from workstation.errors import WorkstationError
from workstation.sealing import SealError, seal, unseal

AGE_MAGIC = b"age-encryption.org/v1\n"
PASSPHRASE_MAGIC = b"WSBUNDLE-PASSPHRASE/1\n"
MAX_ENVELOPE = 4096  # the sealed one-off key is ~400 bytes
ENVELOPE_CONTEXT = "evidence-workstation bundle one-off key v1"
PIPE_CAPACITY = 8 << 20  # bytes of decrypted data in flight between the threads
RECORD = tarfile.RECORDSIZE


class BundleError(WorkstationError):
    """The bundle cannot be written, opened or trusted; nothing was created."""

    exit_code = 4


@dataclass(frozen=True)
class Entry:
    """One member to write: its name, exact size, and its bytes as an iterable of chunks."""

    name: str
    size: int
    chunks: Iterable[bytes]


@dataclass(frozen=True)
class EntryRecord:
    """What the manifest says of one member."""

    name: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


def check_name(name: str) -> None:
    """Member names are short, relative, plain ASCII (no links, no '..', fits a ustar header)."""
    if (
        not name
        or len(name) >= 100
        or not name.isascii()
        or name.startswith("/")
        or ".." in name.split("/")
        or "\\" in name
    ):
        raise BundleError(f"unsafe member name in bundle: {name!r}")


def tar_stream(entries: Iterable[Entry], records: list[EntryRecord], mtime: int) -> Iterator[bytes]:
    """Yield a POSIX (pax) tar archive of ``entries``, appending one record per finished member.

    The caller's ``entries`` generator may read ``records`` to build the manifest last.
    """
    written = 0
    for entry in entries:
        check_name(entry.name)
        info = tarfile.TarInfo(entry.name)
        info.size, info.mtime, info.mode, info.type = entry.size, mtime, 0o600, tarfile.REGTYPE
        header = info.tobuf(format=tarfile.PAX_FORMAT, encoding="utf-8", errors="strict")
        yield header
        written += len(header)
        digest, size = hashlib.sha256(), 0
        for chunk in entry.chunks:
            if not chunk:
                continue
            size += len(chunk)
            if size > entry.size:
                raise BundleError(f"{entry.name} grew while it was being exported")
            digest.update(chunk)
            yield chunk
        if size != entry.size:
            raise BundleError(f"{entry.name} shrank while it was being exported")
        pad = -size % tarfile.BLOCKSIZE
        if pad:
            yield b"\0" * pad
        written += size + pad
        records.append(EntryRecord(entry.name, size, digest.hexdigest()))
    end = 2 * tarfile.BLOCKSIZE
    end += -(written + end) % RECORD
    yield b"\0" * end


class GeneratorReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (pull: the consumer sets the pace).

    An exception from the iterator is kept in ``error``: pyrage turns reader errors into a generic
    EncryptError text, and the caller wants the real cause.
    """

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._it = iter(chunks)
        self._buf = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._buf:
            try:
                self._buf = memoryview(next(self._it))
            except StopIteration:
                return 0
            except BaseException as exc:
                self.error = exc
                raise
        n = min(len(buffer), len(self._buf))
        buffer[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


class HashingWriter:
    """Passes writes to a file while hashing them (the bundle's own SHA-256 for the audit log)."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self._fh.write(data)

    def flush(self) -> None:
        self._fh.flush()


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    size: int


def write_bundle(
    path: Path,
    stream: Iterable[bytes],
    *,
    recipients: list[str] | None = None,
    passphrase: str | None = None,
) -> Written:
    """Encrypt ``stream`` into ``path`` (atomically: ``path.partial`` renamed at the end).

    Args:
        path: the bundle file to create; an existing file is refused.
        stream: the plaintext (tar) as chunks, pulled as pyrage needs them.
        recipients: age X25519 public keys (``age1…``); or
        passphrase: passphrase mode instead of recipients.

    Raises:
        BundleError: the target exists, cannot be written, or the producer failed.
    """
    if path.exists():
        raise BundleError("a file with this name already exists; choose another name", path)
    if bool(recipients) == bool(passphrase):
        raise BundleError("give recipients or a passphrase (not both, not neither)")
    partial = path.with_name(path.name + ".partial")
    clear_stale(partial)
    reader = GeneratorReader(stream)
    try:
        # Owner-only from the first byte, like case files and keys: a bundle holds the evidence.
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:
            out = HashingWriter(fh)
            if passphrase:
                one_off = pyrage.x25519.Identity.generate()
                envelope = seal(str(one_off).encode("ascii"), passphrase, context=ENVELOPE_CONTEXT)
                out.write(PASSPHRASE_MAGIC + b"%d\n" % len(envelope) + envelope)
                keys = [one_off.to_public()]
            else:
                keys = [pyrage.x25519.Recipient.from_str(r) for r in recipients or []]
            try:
                pyrage.encrypt_io(reader, out, keys)
            except (pyrage.EncryptError, OSError) as exc:
                if reader.error is not None:
                    raise reader.error from None
                raise BundleError(f"cannot write the bundle: {exc}", path) from exc
            fh.flush()
            os.fsync(fh.fileno())
        partial.replace(path)
    except FileExistsError as exc:
        raise BundleError("another export to this name is running right now", partial) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Written(path, out.sha256.hexdigest(), out.size)


def clear_stale(path: Path, *, sidecars: tuple[str, ...] = ()) -> bool:
    """Remove what an interrupted export or receive left (``path`` and its sidecar files).

    Only when no process has it open: a run still going on keeps its file.

    Raises:
        BundleError: another process is writing it now (named by pid).
    """
    if not path.exists():
        return False
    from storage.casefile import holders

    others = holders(path)
    if others:
        pid, cmd = others[0]
        raise BundleError(f"another process (pid {pid}: {cmd[:60]}) is writing this file now", path)
    path.unlink(missing_ok=True)
    for suffix in sidecars:
        Path(str(path) + suffix).unlink(missing_ok=True)
    return True


# -- reading -----------------------------------------------------------------------------------
class _Closed(Exception):  # noqa: N818 - internal signal, never shown
    """The consumer stopped reading; the decrypting thread must stop too."""


class Pipe:
    """A bounded in-memory byte pipe between the decrypting thread and the tar parser."""

    def __init__(self, capacity: int = PIPE_CAPACITY) -> None:
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._capacity = capacity
        self._cond = threading.Condition()
        self._eof = False
        self._closed = False
        self._error: BaseException | None = None
        self.delivered = 0

    # writer side (decrypting thread)
    def write(self, data: bytes) -> int:
        data = bytes(data)
        with self._cond:
            while self._size >= self._capacity and not self._closed:
                self._cond.wait()
            if self._closed:
                raise _Closed()
            self._chunks.append(data)
            self._size += len(data)
            self._cond.notify_all()
        return len(data)

    def flush(self) -> None:
        return None

    def finish(self, error: BaseException | None) -> None:
        with self._cond:
            self._eof = True
            self._error = error
            self._cond.notify_all()

    # reader side (main thread)
    def read(self, n: int = -1) -> bytes:
        with self._cond:
            while not self._chunks and not self._eof:
                self._cond.wait()
            if not self._chunks:
                if self._error is not None:
                    raise self._error
                return b""
            out = bytearray()
            while self._chunks and (n < 0 or len(out) < n):
                chunk = self._chunks.popleft()
                take = len(chunk) if n < 0 else min(len(chunk), n - len(out))
                out += chunk[:take]
                if take < len(chunk):
                    self._chunks.appendleft(chunk[take:])
                self._size -= take
            self._cond.notify_all()
            self.delivered += len(out)
            return bytes(out)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._chunks.clear()
            self._size = 0
            self._cond.notify_all()


class _HashingReader:
    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self._fh.read(n)
        self.sha256.update(data)
        self.size += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readable(self) -> bool:
        return True


def bundle_mode(path: Path) -> str:
    """ "recipients" or "passphrase", from the first bytes; refuses anything else."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(PASSPHRASE_MAGIC))
    except FileNotFoundError as exc:
        raise BundleError("no such file", path) from exc
    except OSError as exc:
        raise BundleError(f"cannot read the bundle: {exc.strerror}", path) from exc
    if head.startswith(AGE_MAGIC):
        return "recipients"
    if head == PASSPHRASE_MAGIC:
        return "passphrase"
    raise BundleError("not a workstation bundle (no age header); damaged or another file", path)


class BundleReader:
    """Decrypt a bundle as a stream of tar members.

    Use as a context manager; iterate :meth:`members`; then call :meth:`finish`, which waits for
    the last authenticated byte so that truncation or damage after the tar end is still caught.
    """

    def __init__(
        self,
        path: Path,
        *,
        identities: list[pyrage.x25519.Identity] | None = None,
        passphrase: Callable[[], str] | None = None,
    ) -> None:
        self.path = path
        self.mode = bundle_mode(path)
        self._identities = identities or []
        self._passphrase = passphrase
        self._pipe = Pipe()
        self._thread: threading.Thread | None = None
        self._fh: IO[bytes] | None = None
        self._source: _HashingReader | None = None
        self._error: BaseException | None = None
        self._tar: tarfile.TarFile | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> BundleReader:
        fh = self.path.open("rb")
        self._fh = fh
        self._source = _HashingReader(fh)
        keys: list[pyrage.x25519.Identity]
        try:
            if self.mode == "passphrase":
                keys = [self._open_envelope(self._source)]
            elif self._identities:
                keys = self._identities
            else:
                raise BundleError("no key to decrypt the bundle with", self.path)
        except BaseException:
            fh.close()
            raise
        self._thread = threading.Thread(target=self._decrypt, args=(keys,), name="bundle-decrypt", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._pipe.close()
        if self._thread is not None:
            self._thread.join()
        if self._fh is not None:
            self._fh.close()

    def _open_envelope(self, source: _HashingReader) -> pyrage.x25519.Identity:
        source.read(len(PASSPHRASE_MAGIC))
        line = b""
        while not line.endswith(b"\n") and len(line) < 12:
            byte = source.read(1)
            if not byte:
                break
            line += byte
        if not line.endswith(b"\n") or not line[:-1].isdigit():
            raise BundleError("damaged bundle (passphrase envelope header)", self.path)
        size = int(line)
        if not 0 < size <= MAX_ENVELOPE:
            raise BundleError("damaged bundle (passphrase envelope size)", self.path)
        envelope = source.read(size)
        if self._passphrase is None:
            raise BundleError("this bundle is protected by a passphrase; none was given", self.path)
        try:
            secret = unseal(envelope, self._passphrase(), context=ENVELOPE_CONTEXT)
            return pyrage.x25519.Identity.from_str(secret.decode("ascii"))
        except SealError as exc:
            raise BundleError(f"wrong bundle passphrase, or the bundle is damaged ({exc})", self.path) from exc
        except (UnicodeDecodeError, pyrage.IdentityError) as exc:
            raise BundleError("damaged bundle (passphrase envelope)", self.path) from exc

    def _decrypt(self, keys: list[pyrage.x25519.Identity]) -> None:
        error: BaseException | None = None
        try:
            pyrage.decrypt_io(self._source, self._pipe, keys)
        except _Closed:
            error = None
        except pyrage.DecryptError as exc:
            text = " ".join(str(exc).split())
            if "No matching keys" in text:
                error = BundleError(
                    "this bundle is not addressed to your key (wrong recipient), or its header is damaged",
                    self.path,
                )
            else:
                error = BundleError(f"damaged bundle header ({text.split('.')[0]})", self.path)
        except OSError as exc:
            error = BundleError(
                f"the bundle is damaged or truncated: decryption failed after {self._pipe.delivered} bytes ({exc})",
                self.path,
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer thread, re-raised there
            error = exc
        self._error = error
        self._pipe.finish(error)

    # -- reading ----------------------------------------------------------------------------
    def members(self) -> Iterator[tuple[tarfile.TarInfo, IO[bytes]]]:
        """Yield (member, file) in archive order; read each file before asking for the next."""
        try:
            self._tar = tarfile.open(fileobj=self._pipe, mode="r|")  # type: ignore[call-overload]
        except tarfile.TarError as exc:
            raise self._error or BundleError(f"not a bundle archive ({exc})", self.path) from exc
        seen: set[str] = set()
        while True:
            try:
                member = self._tar.next()
            except tarfile.TarError as exc:
                raise self._error or BundleError(f"damaged archive ({exc})", self.path) from exc
            if member is None:
                return
            if not member.isreg():
                raise BundleError(f"unexpected member type in bundle: {member.name}", self.path)
            check_name(member.name)
            if member.name in seen:
                raise BundleError(f"member {member.name} appears twice", self.path)
            seen.add(member.name)
            fileobj = self._tar.extractfile(member)
            if fileobj is None:  # pragma: no cover - regular files always have one
                raise BundleError(f"cannot read {member.name}", self.path)
            yield member, fileobj

    def finish(self) -> tuple[str, int]:
        """Drain to the end of the age stream; returns the bundle file's (SHA-256, size).

        Raises:
            BundleError: anything after the archive failed to authenticate (truncation, damage).
        """
        while self._pipe.read(1 << 20):
            pass
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._source is not None
        # age stops at its authenticated last chunk; bytes after it would be ignored otherwise.
        if self._source.read(1):
            raise BundleError("unexpected data after the end of the bundle", self.path)
        return self._source.sha256.hexdigest(), self._source.size

    def check(self) -> None:
        """Raise the decrypting thread's error, if it already has one."""
        if self._error is not None:
            raise self._error


def read_limited(fileobj: IO[bytes], limit: int, what: str, path: Path) -> bytes:
    """Read a small member whole, refusing one larger than ``limit`` bytes."""
    data = fileobj.read(limit + 1)
    if len(data) > limit:
        raise BundleError(f"{what} is larger than {limit} bytes; refusing", path)
    return data
