"""Command line: `workstation COMMAND CASE ...`; maps errors to exit codes and one-line messages."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import pkgutil
import sys

# sqlite-utils imports pandas when it is installed (it arrives with the test tools); we never use
# it, and it costs a third of a second on every command. An absent module is what sqlite-utils
# expects when pandas is not installed.
sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]

from storage.casefile import DAMAGE_ERRORS  # noqa: E402  (after the pandas guard above)
from workstation import __version__  # noqa: E402
from workstation.errors import WorkstationError  # noqa: E402

log = logging.getLogger("workstation")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Evidence Workstation: offline, encrypted evidence review for trafficking investigations.",
    )
    parser.add_argument("--version", action="version", version=f"Evidence Workstation {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import workstation.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"workstation.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except WorkstationError as exc:
        print(f"workstation {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except DAMAGE_ERRORS as exc:
        # The real cause (disk full, locked, read-only, ...); "damaged" only when SQLite says so.
        from workstation.case import storage_failure

        error = storage_failure(exc, getattr(args, "case", None) or ".")
        print(f"workstation {args.command}: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"workstation {args.command}: interrupted; the case is consistent", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:
        # Outside the case: an output folder that is missing, full, read-only, or a path too long.
        print(f"workstation {args.command}: error: {os_error_text(exc)}", file=sys.stderr)
        return 2 if exc.errno in (errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR) else 1
    except Exception as exc:  # a bug: say so in one line, keep the traceback for the log
        log.debug("internal error", exc_info=True)
        print(
            f"workstation {args.command}: internal error ({type(exc).__name__}: {exc}); "
            "run with WORKSTATION_DEBUG=1 for details",
            file=sys.stderr,
        )
        if _debug():
            raise
        return 70


def os_error_text(exc: OSError) -> str:
    """One line naming the file and the real cause of a failed file operation."""
    where = f"{exc.filename}: " if exc.filename else ""
    causes = {
        errno.ENOSPC: "the disk is full; free some space and run the command again",
        errno.EDQUOT: "the disk quota is used up; free some space and run the command again",
        errno.EROFS: "the drive is read-only (write-blocked); write the output somewhere writable",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "no such file or folder (check that the folder exists)",
        errno.ENAMETOOLONG: "the path is too long for this system (over 255 bytes per name or 4096 in all)",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return where + causes.get(exc.errno or 0, exc.strerror or str(exc))


def _debug() -> bool:
    import os

    return os.environ.get("WORKSTATION_DEBUG") == "1"


if __name__ == "__main__":
    sys.exit(main())
