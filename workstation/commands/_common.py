"""Shared helpers for CLI commands: case argument, passphrase, JSON output, progress."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from workstation.case import Case
from workstation.errors import UsageError
from workstation.progress import ConsoleProgress

PASSPHRASE_ENV = "WORKSTATION_PASSPHRASE"


def add_case_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", type=Path, help="the case file (.case)")
    add_passphrase_file(parser)


def add_passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help=f"read the case passphrase from this file (else ${PASSPHRASE_ENV}, else a prompt)",
    )


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False, prompt: str = "Case passphrase: ") -> str:
    """Passphrase from --passphrase-file, $WORKSTATION_PASSPHRASE, or a no-echo prompt.

    With ``confirm`` the passphrase is a new case's (``new``, ``receive``): it must meet the one
    rule of :mod:`workstation.passphrase`, whichever way it was given.
    """
    value = secret_from(
        getattr(args, "passphrase_file", None),
        PASSPHRASE_ENV,
        "--passphrase-file",
        what="passphrase",
        prompt=prompt,
        confirm=confirm,
    )
    if confirm:
        from workstation.passphrase import require_strong

        require_strong(value)
    return value


def secret_from(file: Path | None, env_name: str, file_option: str, *, what: str, prompt: str, confirm: bool) -> str:
    """A secret from a file, else an environment variable, else a no-echo prompt on a terminal.

    Args:
        what: how messages name it ("passphrase", "bundle passphrase").
    """
    if file is not None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read the {what} file: {exc.strerror}", file) from exc
        value = text.rstrip("\r\n")
        if not value:
            raise UsageError(f"the {what} file is empty", file)
        return value
    env = os.environ.get(env_name)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError(f"no {what}: set {env_name}, use {file_option}, or run in a terminal")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(f"Repeat {what}: ") != value:
        raise UsageError(f"the two {what}s differ")
    if not value:
        raise UsageError(f"an empty {what} is not allowed")
    return value


def open_case(args: argparse.Namespace) -> Case:
    from workstation.signing import analyst_signer

    case = Case.open(args.case, read_passphrase(args), analyst=getattr(args, "analyst", None))
    case.signer = analyst_signer  # the head is signed at close when this command wrote to the case
    return case


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def console_progress(label: str) -> ConsoleProgress:
    return ConsoleProgress(label)


def parse_ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError as exc:
        raise UsageError(f"item ids must be numbers separated by commas, not {text!r}") from exc
