"""Report commands: `workstation report` (court-ready PDF) and `workstation exhibit`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workstation.case import Case
from workstation.commands._common import (
    add_case_argument,
    add_json_flag,
    console_progress,
    open_case,
    parse_ids,
    print_json,
)
from workstation.demo import register_demo_step
from workstation.errors import Cancelled, UsageError
from workstation.exhibits import add_exhibits, list_exhibits, remove_exhibits

DEMO_REPORT_NAME = "demo-report.pdf"
DEMO_EXHIBITS = 8


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from reports.model import IMAGE_REDACTION_MODES, SECTIONS

    p = subparsers.add_parser(
        "report",
        help="write a court-ready PDF report of the exhibits",
        description="Write a court-ready PDF report. The same case and options always give a "
        "byte-identical file; its SHA-256 is printed and recorded in the audit log.",
    )
    add_case_argument(p)
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--exhibits", metavar="ID,ID,…", help="report these items (marked as exhibits first if they are not yet)"
    )
    which.add_argument("--all-exhibits", action="store_true", help="report every marked exhibit (default)")
    p.add_argument(
        "--redact",
        default="none",
        choices=IMAGE_REDACTION_MODES,
        help="pixelate (or blur) images tagged sensitive/minor, or all images (default: none)",
    )
    p.add_argument(
        "--mask-selector",
        action="append",
        default=[],
        metavar="VALUE",
        help="mask this selector (e.g. +31612345678) wherever it appears; repeatable",
    )
    p.add_argument("--mask-all-selectors", action="store_true", help="mask every selector found on the exhibits")
    p.add_argument(
        "--sections",
        metavar="NAME,…",
        help=f"optional sections to include (default all but networks): {','.join(SECTIONS)}",
    )
    p.add_argument(
        "--redact-persons", action="store_true", help="networks appendix: persons by number and role, no names"
    )
    p.add_argument(
        "--page-full",
        action="store_true",
        help="page exhibits also print their full-page rendering, split over report pages",
    )
    p.add_argument("--bates-prefix", default="EW-", help="text before the Bates number (default: EW-)")
    p.add_argument("--bates-start", type=int, default=1, help="first Bates number (default: 1)")
    p.add_argument(
        "--classification",
        default=None,
        metavar="MARKING",
        help="security marking printed on the cover and every page, as your agency requires, e.g. "
        "OFFICIAL-SENSITIVE or DEPARTEMENTAAL VERTROUWELIJK (default: the case's, set with `new "
        "--classification`; else none, no marking is printed)",
    )
    p.add_argument(
        "--analyst",
        default=None,
        help="your name on the cover, in the PDF's Author and the audit log (default: "
        "$WORKSTATION_ANALYST, else the case's analyst)",
    )
    p.add_argument(
        "--suggestions",
        action="store_true",
        help="also list machine-suggested indicators, marked as such (default: off)",
    )
    p.add_argument(
        "--sensitive-tags",
        default="sensitive,minor",
        metavar="TAG,…",
        help="tags that make an image sensitive for --redact sensitive (default: sensitive,minor)",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_report)

    p = subparsers.add_parser("exhibit", help="mark items as exhibits for the report (or unmark)")
    add_case_argument(p)
    p.add_argument("ids", nargs="*", help="item ids (spaces or commas)")
    p.add_argument("--remove", action="store_true", help="unmark; the numbers are not reused")
    p.add_argument("--list", action="store_true", help="list the exhibits")
    add_json_flag(p)
    p.set_defaults(func=cmd_exhibit)

    p = subparsers.add_parser(
        "extract",
        help="write an item's original bytes to a file (to re-check its hash with sha256sum)",
        description="Write the original bytes of an item, as stored, to a file of your choice. "
        "The SHA-256 is checked while writing and printed; the extraction is audited. The file "
        "is plaintext evidence outside the encrypted case: keep it safe.",
    )
    add_case_argument(p)
    p.add_argument("item", type=int, help="item id")
    p.add_argument("--out", type=Path, required=True, help="the file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_json_flag(p)
    p.set_defaults(func=cmd_extract)

    register_demo_step(900, "report", demo_report)


def _options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reports.model import DEFAULT_SECTIONS, SECTIONS, ReportOptions

    sections = DEFAULT_SECTIONS
    if args.sections:
        sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
        unknown = [s for s in sections if s not in SECTIONS]
        if unknown:
            raise UsageError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    if args.bates_start < 0:
        raise UsageError("--bates-start must be 0 or more")
    ids = tuple(parse_ids(args.exhibits)) if args.exhibits else None
    if ids is not None and not ids:
        raise UsageError("--exhibits needs at least one item id")
    masks = tuple(args.mask_selector) + (("*",) if args.mask_all_selectors else ())
    return ReportOptions(
        item_ids=ids,
        all_exhibits=ids is None,
        redact=args.redact,
        mask_selectors=masks,
        sections=sections,
        bates_prefix=args.bates_prefix,
        bates_start=args.bates_start,
        classification=args.classification or "",
        include_suggestions=args.suggestions,
        sensitive_tags=tuple(t.strip() for t in args.sensitive_tags.split(",") if t.strip()),
        redact_persons=getattr(args, "redact_persons", False),
        page_full=getattr(args, "page_full", False),
    )


def cmd_report(args: argparse.Namespace) -> int:
    from reports.service import generate_report

    options = _options(args)
    with open_case(args) as case:
        if args.classification is None and case.meta.get("classification"):
            from dataclasses import replace

            options = replace(options, classification=case.meta["classification"])
        bar = console_progress("report")
        try:
            result = generate_report(case, args.out, options, bar.progress)
        except Cancelled:
            bar.finish()
            print("report cancelled; no file was written", file=sys.stderr)
            return 130
        bar.finish()
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"{result.sha256}  {result.path}")
        print(
            f"{result.pages} pages, {len(result.exhibits)} exhibit(s), "
            f"{result.size:,} bytes; SHA-256 recorded in the audit log"
        )
    for warning in result.warnings:  # on stderr with --json too (the JSON has them in "warnings")
        print(f"workstation report: warning: {warning}", file=sys.stderr)
    return 0


def cmd_exhibit(args: argparse.Namespace) -> int:
    ids = [i for part in args.ids for i in parse_ids(part)]
    with open_case(args) as case:
        if ids:
            changes = remove_exhibits(case, ids) if args.remove else add_exhibits(case, ids)
        elif not args.list:
            raise UsageError("give item ids to mark (or --remove them), or --list")
        else:
            changes = []
        exhibits = list_exhibits(case)
    if args.json:
        print_json(
            {
                "changed": [{"item": c.item_id, "number": c.number, "changed": c.changed} for c in changes],
                "exhibits": exhibits,
            }
        )
        return 0
    for c in changes:
        verb = (
            ("unmarked" if args.remove else "marked")
            if c.changed
            else ("was not an exhibit" if args.remove else "already exhibit")
        )
        print(f"item {c.item_id}: {verb}" + (f" (exhibit {c.number})" if c.number else ""))
    if args.list or not ids:
        for e in exhibits:
            print(f"{e['number']:>5}  item {e['item']:<7} {e['kind']:<8} {e['sha256'][:16]}  {e['name']}")
    return 0


def demo_report(case: Case, out_dir: Path) -> list[str]:
    """Demo step: mark a few demo items as exhibits (if none are) and write the sample report."""
    from reports.model import ReportOptions
    from reports.service import generate_report

    if not list_exhibits(case):
        rows = case.db.execute(
            "SELECT id FROM items WHERE kind IN ('image', 'page', 'document') "
            "ORDER BY CASE kind WHEN 'page' THEN 0 WHEN 'image' THEN 1 ELSE 2 END, id LIMIT ?",
            [DEMO_EXHIBITS],
        ).fetchall()
        if rows:
            add_exhibits(case, [r[0] for r in rows], reason="demo")
    result = generate_report(
        case, out_dir / DEMO_REPORT_NAME, ReportOptions(redact="sensitive", include_suggestions=True)
    )
    return [f"report: {result.path} ({result.pages} pages, SHA-256 {result.sha256})"]


def cmd_extract(args: argparse.Namespace) -> int:
    from workstation.exhibits import extract_original

    with open_case(args) as case:
        result = extract_original(case, args.item, args.out, overwrite=args.force)
    if args.json:
        print_json(result)
    else:
        print(f"{result['sha256']}  {result['path']}")
    return 0
