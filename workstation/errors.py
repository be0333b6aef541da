"""Errors the workstation reports to analysts: each names the file (if any) and the cause."""

from __future__ import annotations

from pathlib import Path


class WorkstationError(Exception):
    """Root of every error shown to the user as one line (never a traceback).

    Attributes:
        path: the file the error is about, if any.
        reason: human-readable cause.
        exit_code: process exit code the CLI uses.
    """

    exit_code = 1

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class CaseError(WorkstationError):
    """The case file cannot be opened or used (wrong passphrase, not a case, damaged)."""

    exit_code = 2


class WrongPassphrase(CaseError):
    """The passphrase does not decrypt the case file."""


class NotACase(CaseError):
    """The file is not an Evidence Workstation case (or is damaged beyond opening)."""


class CaseExists(CaseError):
    """Refusing to overwrite an existing file when creating a case."""


class IntegrityError(CaseError):
    """A blob, page or audit entry does not match its recorded hash."""


class UsageError(WorkstationError):
    """The command line or arguments are wrong."""

    exit_code = 2


class ImportFailure(WorkstationError):
    """One input file could not be imported (recorded per file; the import goes on)."""


class UnsupportedFormat(ImportFailure):
    """No importer recognises the file's content."""


class WrongFormat(ImportFailure):
    """An importer chose the file but its content is not valid for that format."""


class HostileInput(ImportFailure):
    """The input exceeds a safety limit (bomb, zip-slip, nesting, size)."""


class Cancelled(Exception):  # noqa: N818 - it is an event, not an error
    """Raised inside long work after the user asked to cancel."""


class CaseReadOnly(CaseError):
    """The case is on read-only media or the file is write-protected; reading still works."""


class CaseLocked(CaseError):
    """Another process holds the case (an import, the window); the file is fine."""


class CaseDamaged(CaseError):
    """Pages fail their HMAC or the structure is broken: only then is restoring a copy advised."""


class DiskFull(WorkstationError):
    """No space left where the case (or an output) is written; nothing committed was lost."""


class FolderMissing(CaseError):
    """The folder named for a case or an output does not exist."""
