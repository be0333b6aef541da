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
    """Passphrase from --passphrase-file, $WORKSTATION_PASSPHRASE, or a no-echo prompt."""
    file = getattr(args, "passphrase_file", None)
    if file is not None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read the passphrase file: {exc.strerror}", file) from exc
        passphrase = text.rstrip("\r\n")
        if not passphrase:
            raise UsageError("the passphrase file is empty", file)
        return passphrase
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError(
            f"no passphrase: set {PASSPHRASE_ENV}, use --passphrase-file, or run in a terminal"
        )
    passphrase = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat passphrase: ") != passphrase:
        raise UsageError("the two passphrases differ")
    if not passphrase:
        raise UsageError("an empty passphrase is not allowed")
    return passphrase


def open_case(args: argparse.Namespace) -> Case:
    return Case.open(args.case, read_passphrase(args), analyst=getattr(args, "analyst", None))


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
