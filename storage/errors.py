"""Storage-layer errors; the core maps them to WorkstationError subclasses."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """A problem with the case file itself."""

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class WrongKey(StorageError):
    """The passphrase does not decrypt the file."""


class NotEncryptedCase(StorageError):
    """The file is not an encrypted case."""


class ReadOnlyCase(StorageError):
    """The case cannot be written (read-only media or file) and the request needs to."""


class BlobMismatch(StorageError):
    """A stored blob does not hash to its key."""
