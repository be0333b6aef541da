"""Core commands: new, info, import, items, search, verify, passwd."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from workstation import records
from workstation.case import Case, default_analyst
from workstation.commands._common import (
    add_case_argument,
    add_json_flag,
    console_progress,
    open_case,
    print_json,
    read_passphrase,
)
from workstation.errors import Cancelled, UsageError, WorkstationError
from workstation.search import search_items


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "new",
        help="create a new encrypted case file",
        description="Create a new encrypted case file. The passphrase (from --passphrase-file, "
        "$WORKSTATION_PASSPHRASE or a prompt) must have at least 8 characters and not be easy to guess; "
        "a refused one exits 2 with the reason.",
    )
    add_case_argument(p)
    p.add_argument("--title", required=True, help="the case's title, shown on every report cover (required)")
    p.add_argument(
        "--case-number",
        default="",
        help="your agency's case or file number, printed on every report page (default: none)",
    )
    p.add_argument("--agency", default="", help="the agency or organisation the case belongs to (default: none)")
    p.add_argument(
        "--classification",
        default="",
        metavar="MARKING",
        help="the case's default security marking for reports, e.g. OFFICIAL-SENSITIVE (default: none)",
    )
    p.add_argument("--analyst", default=None, help="your name, written into every audit entry")
    p.add_argument("--timezone", default="UTC", help="display time zone, e.g. Europe/Amsterdam")
    p.add_argument("--region", default="", help="default phone region, e.g. NL, UA, RO")
    add_json_flag(p)
    p.set_defaults(func=cmd_new)

    p = subparsers.add_parser("info", help="case metadata and counts")
    add_case_argument(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_info)

    p = subparsers.add_parser("import", help="import files, folders and captures into the case")
    add_case_argument(p)
    p.add_argument("paths", nargs="+", help="files or folders")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU count)")
    p.add_argument(
        "--ocr",
        choices=("after", "later", "off"),
        default="after",
        help="text recognition of screenshots and graphics: after (default: a second phase once the "
        "items are stored), later (queue them for `workstation scan CASE --ocr`), off (do not queue)",
    )
    p.add_argument(
        "--render",
        choices=("after", "later", "off"),
        default="later",
        help="screenshots of captured pages in offline headless Chromium: after (a phase once the items are "
        "stored), later (default: `workstation render CASE`, or the page viewer on demand), off",
    )
    p.add_argument(
        "--timezone",
        metavar="TZ",
        default=None,
        help="time zone of local times in chat exports, e.g. Europe/Amsterdam (default: the case's)",
    )
    triage = p.add_argument_group("triage of disk images and extractions")
    triage.add_argument(
        "--only",
        metavar="KINDS",
        help="import only these kinds from disk images: images,videos,documents,pages,chats,archives "
        "(default: every kind)",
    )
    triage.add_argument("--min-size", type=int, metavar="BYTES", help="leave out files smaller than this")
    triage.add_argument("--max-size", type=int, metavar="BYTES", help="leave out files larger than this")
    triage.add_argument(
        "--skip-path",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out paths inside images matching this pattern, e.g. '/users/*/appdata/local/temp/*' "
        "(repeatable; added to the operating-system folders skipped by default)",
    )
    triage.add_argument(
        "--no-default-skips",
        action="store_true",
        help="also import operating-system folders (Windows, Program Files, /usr, /system ...)",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("items", help="list items with provenance")
    add_case_argument(p)
    p.add_argument("--kind", help="image, page, document, file")
    add_json_flag(p)
    p.set_defaults(func=cmd_items)

    p = subparsers.add_parser("search", help="full-text search (any script, Chinese included)")
    add_case_argument(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=100)
    add_json_flag(p)
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("verify", help="re-hash every blob and walk the audit chain")
    add_case_argument(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_verify)

    p = subparsers.add_parser(
        "passwd",
        help="change the case passphrase (re-encrypts the file)",
        description="Change the case passphrase. The new one must have at least 8 characters and not be "
        "easy to guess; a refused one exits 2 and leaves the case unchanged.",
    )
    add_case_argument(p)
    p.add_argument("--new-passphrase-file", help="read the new passphrase from this file")
    p.set_defaults(func=cmd_passwd)

    p = subparsers.add_parser("audit", help="show the audit log")
    add_case_argument(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_audit)


def cmd_new(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, confirm=True, prompt="New case passphrase: ")
    case = Case.create(
        args.case,
        passphrase,
        title=args.title,
        case_number=args.case_number,
        agency=args.agency,
        analyst=args.analyst or default_analyst(),
        timezone=args.timezone,
        default_region=args.region,
    )
    with case:
        if args.classification.strip():
            case.set_meta(classification=args.classification.strip())
        if args.json:
            print_json({"case": str(case.path), **case.meta})
        else:
            print(f"created {case.path} ({case.meta['title']})")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from storage import audit, migrations

    with open_case(args) as case:
        kinds = {k: n for k, n in case.db.execute("SELECT kind, count(*) FROM items GROUP BY kind")}
        seq, head = audit.head(case.db)
        info: dict[str, Any] = {
            "case": str(case.path),
            **{k: v for k, v in case.meta.items() if k != "audit_head"},
            "schema_version": migrations.current_version(case.db),
            "items": sum(kinds.values()),
            "kinds": kinds,
            "blobs": case.db.execute("SELECT count(*) FROM blobs").fetchone()[0],
            "audit_entries": seq,
            "audit_head": head,
            "read_only": case.read_only,
        }
        if args.json:
            print_json(info)
        else:
            for key, value in info.items():
                print(f"{key:>16}: {value}")
    return 0


def _triage(args: argparse.Namespace) -> Any:
    from workstation.importing.triage import DEFAULT_SKIP_PATHS, Triage, parse_kinds

    try:
        kinds = parse_kinds(args.only) if args.only else None
    except ValueError as exc:
        raise UsageError(f"--only: {exc}") from exc
    defaults = () if args.no_default_skips else DEFAULT_SKIP_PATHS
    return Triage(kinds=kinds, min_size=args.min_size, max_size=args.max_size, skip_paths=(*defaults, *args.skip_path))


def cmd_import(args: argparse.Namespace) -> int:
    import os

    from workstation import ocr
    from workstation.importing import ocrstage
    from workstation.importing.pipeline import run_import

    if args.ocr == "off":
        os.environ["WORKSTATION_OCR"] = "off"  # the worker processes inherit it: nothing is queued
    with open_case(args) as case:
        bar = console_progress("import")
        try:
            result = run_import(
                case, args.paths, bar.progress, workers=args.workers, timezone=args.timezone, triage=_triage(args)
            )
        except Cancelled:
            bar.finish()
            print("import cancelled; committed batches are kept, run it again to resume", file=sys.stderr)
            return 130
        bar.finish()
        stage = ocrstage.OcrStageResult(status=args.ocr if args.ocr != "after" else "done")
        if args.ocr == "after":
            bar = console_progress("ocr")
            try:
                stage = ocrstage.run_ocr_stage(case, bar.progress)
            except WorkstationError as exc:  # disk full, locked, ...: the imported items are kept
                bar.finish()
                stage = ocrstage.OcrStageResult(status="failed")
                stage.notice = exc.reason
                result.finish_error = result.finish_error or f"OCR stopped: {exc.reason}"
            except Cancelled:
                bar.finish()
                print(
                    "import done; OCR cancelled: the images not read yet stay queued for "
                    f"`workstation scan {args.case} --ocr`",
                    file=sys.stderr,
                )
                return 130
            bar.finish()
        else:
            stage.queued = len(ocrstage.pending(case))
            if args.ocr == "off" or ocr.import_mode() == "off":
                stage.notice = "OCR at import switched off"
        rendered = None
        if args.render == "after":
            from workstation.commands.render import run_stage

            try:
                rendered = run_stage(case, args, item_ids=[i["id"] for i in result.items if i["kind"] == "page"])
            except Cancelled:
                print(f"import done; rendering cancelled: run `workstation render {args.case}`", file=sys.stderr)
                return 130
    data = {
        "imported": result.imported,
        "exact_duplicates": result.exact_duplicates,
        "already_imported": result.already_imported,
        "errors": result.errors,
        "items": result.items,
        "messages": result.messages,
        "counts": {
            "imported": result.imported,
            "exact_duplicates": result.exact_duplicates,
            "already_imported": result.already_imported,
            "errors": len(result.errors),
        },
        "ocr": stage.to_json(),
        "finish_error": result.finish_error,
        "render": rendered.to_json() if rendered is not None else {"status": args.render},
    }
    if args.json:
        print_json(data)
    else:
        print(
            f"imported {result.imported} item(s), {result.exact_duplicates} exact duplicate(s), "
            f"{result.already_imported} already in the case, {len(result.errors)} error(s)"
        )
        for err in result.errors:
            print(f"  error: {err['path']}: {err['error']}", file=sys.stderr)
        if result.finish_error:
            print(f"  the {result.imported} item(s) above are in the case, but: {result.finish_error}", file=sys.stderr)
        if stage.read or stage.errors:
            print(f"OCR read {stage.read} image(s), text in {stage.with_text}, {len(stage.errors)} error(s)")
        elif stage.queued and stage.status == "later":
            print(f"{stage.queued} image(s) queued for OCR: run `workstation scan {args.case} --ocr`")
        elif stage.queued and stage.status == "unavailable":
            print(f"{stage.queued} image(s) queued for OCR; {stage.notice}", file=sys.stderr)
        for err in stage.errors:
            print(f"  OCR error: item {err['id']}: {err['error']}", file=sys.stderr)
    return 0 if not result.errors and not result.finish_error else 1


ITEM_FIELDS = (
    "id",
    "kind",
    "sha256",
    "md5",
    "size",
    "mime",
    "original_name",
    "source_path",
    "source_url",
    "final_url",
    "parent_id",
    "capture_method",
    "captured_at",
    "captured_tz",
    "imported_at",
    "analyst",
    "importer",
    "width",
    "height",
    "title",
    "language",
    "metadata",
)


def cmd_items(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        # The read layer's records: the same facts as the window's inspector shows.
        rows: list[dict[str, Any]] = [
            {k: getattr(item, k) for k in ITEM_FIELDS} for item in records.item_records(case, args.kind)
        ]
    if args.json:
        print_json({"items": rows})
    else:
        for r in rows:
            where = r["source_url"] or r["source_path"]
            print(f"{r['id']:>6}  {r['kind']:<8} {r['sha256'][:16]}  {r['original_name']}  {where}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        hits = search_items(case, args.query, args.limit)
    if args.json:
        print_json({"query": args.query, "hits": hits})
    else:
        for h in hits:
            print(f"{h['id']:>6}  {h['kind']:<8} {h['original_name']}: {h['snippet']}")
        if not hits:
            print("no hits")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Read-only check; the result is recorded in the audit only when the case is intact and writable.

    Exit codes: 0 intact, 3 problems found (the full report is printed, with --json too),
    2 wrong passphrase or not a case.
    """
    from storage import casefile
    from workstation.errors import CaseDamaged, CaseError, NotACase, WrongPassphrase
    from workstation.verify import iter_lines

    passphrase = read_passphrase(args)
    try:
        case = Case.open(args.case, passphrase, analyst=getattr(args, "analyst", None), read_only=True)
    except (WrongPassphrase, NotACase):
        raise
    except CaseError as exc:
        if not isinstance(exc, CaseDamaged):
            raise
        report = _damaged_report(exc.reason)
    else:
        bar = console_progress("verify")
        try:
            with case:
                report = case.verify(bar.progress)
        except casefile.DAMAGE_ERRORS as exc:
            report = _damaged_report(f"the case file is damaged ({type(exc).__name__}: {exc}); restore it from a copy")
        bar.finish()
        report["recorded"] = False
        if report["ok"] and casefile.read_only_reason(case.path) is None:
            try:
                with open_case(args) as writable:
                    report["recorded"] = writable.record_verified(report)
            except WorkstationError as exc:  # disk full, locked: the check itself stands
                report["not_recorded_because"] = exc.reason
    if args.json:
        print_json(report)
    else:
        print(
            f"{'intact' if report['ok'] else 'PROBLEMS FOUND'}: {report['blobs_checked']} blob(s) re-hashed, "
            f"{report['items_checked']} item(s) checked against the audit chain, "
            f"{report['audit_entries']} audit entries, head {report['audit_head']}"
        )
        for line in iter_lines(report):
            print(line, file=sys.stderr if line.startswith("  ") else sys.stdout)
        if report["items_with_problems"]:
            print(f"items with problems: {', '.join(map(str, report['items_with_problems']))}", file=sys.stderr)
        if not report["recorded"] and report["ok"]:
            why = report.get("not_recorded_because") or "the case is read-only"
            print(f"(not recorded in the case's audit log: {why})")
    return 0 if report["ok"] else 3


def _damaged_report(reason: str) -> dict[str, Any]:
    return {
        "ok": False,
        "blobs_checked": 0,
        "items_checked": 0,
        "audit_entries": None,
        "audit_head": None,
        "problems": [{"what": "file", "problem": reason}],
        "warnings": [],
        "items_with_problems": [],
        "signature": {"status": "unknown", "signers": [], "unsigned_entries": None},
        "read_only": None,
        "recorded": False,
    }


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        if args.new_passphrase_file:
            from pathlib import Path

            new = Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        elif sys.stdin.isatty():
            new = getpass.getpass("New passphrase: ")
            if getpass.getpass("Repeat new passphrase: ") != new:
                raise UsageError("the two passphrases differ")
        else:
            raise UsageError("give the new passphrase with --new-passphrase-file or run in a terminal")
        from workstation.passphrase import require_strong

        require_strong(new)
        case.rekey(new)
    print("passphrase changed")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from storage import audit

    with open_case(args) as case:
        entries = audit.entries(case.db)
        problems = audit.verify_chain(case.db)
    if args.json:
        print_json(
            {
                "intact": not problems,
                "problems": problems,
                "entries": [e.__dict__ for e in entries],
            }
        )
    else:
        for e in entries:
            print(f"{e.seq:>6} {e.at} {e.analyst:<12} {e.action:<24} {e.hash[:16]}")
        print("chain intact" if not problems else "CHAIN BROKEN: " + "; ".join(problems))
    return 0 if not problems else 3
