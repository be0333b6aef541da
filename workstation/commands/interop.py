"""Interop commands: export-case (CASE/UCO JSON-LD) and hashset export (CSV, VICS JSON)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.commands._common import add_case_argument, add_json_flag, console_progress, open_case, print_json
from workstation.commands._groups import group
from workstation.errors import UsageError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "export-case", help="export the case as CASE/UCO JSON-LD (files, hashes, provenance, notes)"
    )
    add_case_argument(p)
    p.add_argument("--out", required=True, type=Path, help="the .jsonld file to write")
    add_json_flag(p)
    p.set_defaults(func=cmd_export_case)

    hashset = group(subparsers, "hashset", "known-image hash lists: import, list, export")
    p = hashset.add_parser("export", help="write the case's hashes (SHA-256, MD5, pHash, PDQ) to share")
    add_case_argument(p)
    p.add_argument("--out", required=True, type=Path, help="the file to write")
    p.add_argument(
        "--format",
        choices=["csv", "vics"],
        default=None,
        help="csv (default; also chosen by a .csv name) or vics (Project VIC JSON)",
    )
    p.add_argument("--kind", help="only items of this kind, e.g. image")
    p.add_argument("--exhibits-only", action="store_true", help="only marked exhibits")
    p.add_argument("--label", help="a label for the whole set, added to every row")
    add_json_flag(p)
    p.set_defaults(func=cmd_hashset_export)


def cmd_export_case(args: argparse.Namespace) -> int:
    from workstation.interop.caseuco import export_case_uco

    if args.out.exists():
        raise UsageError("a file with this name already exists; choose another name", args.out)
    with open_case(args) as case:
        bar = console_progress("export-case")
        summary = export_case_uco(case, args.out, progress=bar.progress)
        bar.finish()
    if args.json:
        print_json(summary)
    else:
        print(
            f"wrote {summary['file']}: {summary['files']} file(s) with hashes, "
            f"{summary['provenance_records']} provenance record(s), {summary['exhibits']} exhibit(s), "
            f"{summary['annotations']} annotation(s)"
        )
    return 0


def cmd_hashset_export(args: argparse.Namespace) -> int:
    from workstation.interop.hashsets import export_hashset

    fmt = args.format or ("vics" if args.out.suffix.lower() == ".json" else "csv")
    if args.out.exists():
        raise UsageError("a file with this name already exists; choose another name", args.out)
    with open_case(args) as case:
        bar = console_progress("hashset export")
        summary = export_hashset(
            case,
            args.out,
            fmt=fmt,
            kind=args.kind,
            exhibits_only=args.exhibits_only,
            label=args.label,
            progress=bar.progress,
        )
        bar.finish()
    if args.json:
        print_json(summary)
    else:
        print(
            f"wrote {summary['file']} ({summary['format']}): {summary['rows']} row(s), "
            f"{summary['phash']} with pHash, {summary['pdq']} with PDQ"
        )
    return 0
