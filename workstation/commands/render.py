"""``workstation render``: screenshots of captured pages, rendered offline from the case."""

from __future__ import annotations

import argparse
import sys

from workstation.commands._common import (
    add_case_argument,
    add_json_flag,
    console_progress,
    open_case,
    parse_ids,
    print_json,
)
from workstation.errors import Cancelled


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "render",
        help="screenshots of captured pages (viewport and full page), rendered offline by headless Chromium "
        "with every request answered from the case",
    )
    add_case_argument(p)
    p.add_argument(
        "--item",
        type=parse_ids,
        default=None,
        metavar="IDS",
        help="only these pages (comma-separated ids), rendered again even if they have a rendering",
    )
    p.add_argument(
        "--javascript",
        action="store_true",
        help="run the page's scripts (still offline: every request is answered from the case or refused)",
    )
    p.add_argument("--timeout", type=float, default=None, help="seconds per page (default 15)")
    add_json_flag(p)
    p.set_defaults(func=cmd_render)


def run_stage(case, args: argparse.Namespace, *, item_ids=None, again: bool = False):  # type: ignore[no-untyped-def]
    from workstation.rendering import chromium
    from workstation.rendering.stage import run_render_stage

    bar = console_progress("render")
    try:
        return run_render_stage(
            case,
            bar.progress,
            item_ids=item_ids,
            again=again,
            javascript=bool(getattr(args, "javascript", False)),
            timeout=getattr(args, "timeout", None) or chromium.PAGE_TIMEOUT,
        )
    finally:
        bar.finish()


def cmd_render(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        try:
            result = run_stage(case, args, item_ids=args.item, again=args.item is not None)
        except Cancelled:
            print("rendering cancelled; finished pages are kept", file=sys.stderr)
            return 130
    if args.json:
        print_json(result.to_json())
    else:
        if result.status == "unavailable":
            print(f"cannot render: {result.notice}", file=sys.stderr)
            return 1
        engine = result.engine or "Chromium"
        where = "in a network namespace without interfaces" if result.isolated else "offline by request interception"
        print(
            f"rendered {result.rendered} of {result.pages} page(s) with {engine}, "
            f"JavaScript {'on' if result.javascript else 'off'}, {where}"
        )
        for shot in result.screenshots:
            print(f"  page #{shot['page']}: {shot['rendering']} screenshot item #{shot['id']} sha256 {shot['sha256']}")
        for err in result.errors:
            print(f"  error: page #{err['id']} {err['name']}: {err['error']}", file=sys.stderr)
    return 0 if result.status != "unavailable" and not result.errors else 1
