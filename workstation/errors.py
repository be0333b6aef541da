"""Errors the workstation reports to analysts: each names the file (if any) and the cause.

One exit-code rule for every command (README "Command line"); the class of an error decides it:

    0   done
    1   the work failed or was done only in part: files refused at import, OCR not available,
        the output cannot be written (WorkstationError, ImportFailure, OcrUnavailable, ...)
    2   the request is wrong and nothing was done: bad usage or arguments (argparse's own usage
        errors are 2 too), an item id / indicator code / annotation that does not exist, an
        unreadable input named on the command line, a refused new passphrase, a wrong
        passphrase, not a case, a file that exists (UsageError, CaseError, TaxonomyError, ...)
    3   a check found problems: verify, audit, a stored original that no longer matches its hash
        (IntegrityError)
    4   a bundle was refused (BundleError)
    70  internal error (a bug; the traceback goes to the log)
    130 interrupted (Ctrl-C); the case is consistent
"""

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

    exit_code = 3


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
