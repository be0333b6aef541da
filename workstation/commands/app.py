"""Commands that start the desktop application: gui and demo."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from workstation.commands._common import add_json_flag, console_progress, print_json
from workstation.demo import DEMO_PASSPHRASE, build_demo, has_display


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("gui", help="open the desktop application (optionally on a case)")
    p.add_argument("case", nargs="?", type=Path)
    p.set_defaults(func=cmd_gui)

    p = subparsers.add_parser("demo", help="build a demo case from the bundled synthetic material and open it")
    p.add_argument("--out", type=Path, help="folder for the demo case (default: the data folder)")
    p.add_argument("--no-gui", action="store_true", help="do not open the application")
    add_json_flag(p)
    p.set_defaults(func=cmd_demo)


def launch_gui(case: Path | None, passphrase: str | None = None) -> int:
    """Start the Qt application in its own process (the core never imports Qt)."""
    env = dict(os.environ)
    if passphrase:
        env["WORKSTATION_PASSPHRASE"] = passphrase
    cmd = [sys.executable, "-m", "ui.app"] + ([str(case)] if case else [])
    return subprocess.call(cmd, env=env)


def cmd_gui(args: argparse.Namespace) -> int:
    if not has_display():
        print("workstation gui: no display found (DISPLAY/WAYLAND_DISPLAY unset); nothing to open", file=sys.stderr)
        return 2
    return launch_gui(args.case)


def cmd_demo(args: argparse.Namespace) -> int:
    bar = console_progress("demo import")
    passphrase = os.environ.get("WORKSTATION_PASSPHRASE") or DEMO_PASSPHRASE
    case, result, lines = build_demo(args.out, passphrase, bar.progress)
    bar.finish()
    path = case.path
    case.close()
    if args.json:
        print_json(
            {
                "case": str(path),
                "imported": result.imported,
                "exact_duplicates": result.exact_duplicates,
                "errors": result.errors,
                "steps": lines,
            }
        )
    else:
        print(f"demo case: {path}")
        print(f"passphrase: {'(from WORKSTATION_PASSPHRASE)' if passphrase != DEMO_PASSPHRASE else DEMO_PASSPHRASE}")
        print(
            f"imported {result.imported} item(s), {result.exact_duplicates} exact duplicate(s), "
            f"{len(result.errors)} error(s)"
        )
        for line in lines:
            print(line)
    if args.no_gui:
        return 0
    if not has_display():
        print("no display found: not opening the application. Open the case later with:", file=sys.stderr)
        print(f"  workstation gui {path}", file=sys.stderr)
        return 0
    return launch_gui(path, passphrase)
