"""Indicator and selector commands: indicators, annotate, review, annotations, score, scan, selectors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workstation.commands._common import (
    add_case_argument,
    add_json_flag,
    add_passphrase_file,
    console_progress,
    open_case,
    parse_ids,
    print_json,
)
from workstation.errors import Cancelled, UsageError

CATEGORIES = (
    "recruitment",
    "sexual_exploitation",
    "labour_exploitation",
    "control_coercion",
    "minors",
    "migrants_refugees",
    "platform_technical",
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("indicators", help="list the trafficking-indicator taxonomy (no case needed)")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--language", default="en", choices=("en", "nl"), help="language of labels in text output")
    p.add_argument("--case", type=Path, help="also list this case's own indicators")
    add_passphrase_file(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_indicators)

    p = subparsers.add_parser(
        "annotate",
        help="mark an indicator on an item (or confirm/reject a suggestion)",
        description="Mark an indicator on an item as the analyst (a confirmed finding), optionally on an "
        "image region or a text span; or confirm/reject an existing (machine-suggested) annotation.",
    )
    add_case_argument(p)
    p.add_argument("item", nargs="?", type=int, help="item id")
    p.add_argument("--indicator", help="indicator code, e.g. MIN-01 (see `workstation indicators`)")
    p.add_argument("--note", help="analyst note")
    p.add_argument("--region", help="image region x,y,w,h in pixels of the original")
    p.add_argument("--span", help="text span START:END in the item's text (see --field)")
    p.add_argument("--field", default="text", choices=("text", "title", "ocr", "file_name"))
    p.add_argument("--confirm", type=int, metavar="ANNOTATION_ID", help="confirm this annotation")
    p.add_argument("--reject", type=int, metavar="ANNOTATION_ID", help="reject this annotation")
    add_json_flag(p)
    p.set_defaults(func=cmd_annotate)

    p = subparsers.add_parser("review", help="confirm, reject or re-open an annotation")
    add_case_argument(p)
    p.add_argument("annotation", type=int, help="annotation id")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--confirm", action="store_true")
    g.add_argument("--reject", action="store_true")
    g.add_argument("--reopen", action="store_true", help="back to 'suggested'")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_review)

    p = subparsers.add_parser("annotations", help="list indicator annotations (suggested, confirmed, rejected)")
    add_case_argument(p)
    p.add_argument("--item", type=int)
    p.add_argument("--status", choices=("suggested", "confirmed", "rejected"))
    p.add_argument("--language", default="en", choices=("en", "nl"))
    add_json_flag(p)
    p.set_defaults(func=cmd_annotations)

    p = subparsers.add_parser("score", help="combined indicator score of an item (explained), or items ranked")
    add_case_argument(p)
    p.add_argument("item", nargs="?", type=int)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--language", default="en", choices=("en", "nl"))
    add_json_flag(p)
    p.set_defaults(func=cmd_score)

    p = subparsers.add_parser("scan", help="(re)scan items for indicator suggestions and selectors")
    add_case_argument(p)
    p.add_argument("--item", help="item ids, comma-separated (default: all)")
    p.add_argument(
        "--ocr",
        action="store_true",
        help="first OCR images queued at import and those never read yet (Tesseract)",
    )
    p.add_argument(
        "--ocr-again",
        action="store_true",
        help="like --ocr, but read the images (all, or --item) again even if read before "
        "(e.g. after installing more Tesseract languages)",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_scan)

    p = subparsers.add_parser("selectors", help="phones, e-mails, accounts, URLs, wallets linking items")
    add_case_argument(p)
    p.add_argument(
        "--kind", choices=("phone", "email", "url", "handle", "wallet", "device", "iban", "payment", "vehicle")
    )
    p.add_argument("--item", type=int, help="only selectors on this item (with context)")
    p.add_argument("--min-items", type=int, default=1, help="only selectors on at least N items")
    p.add_argument("--graphml", type=Path, metavar="FILE", help="also write the item-selector-platform graph")
    add_json_flag(p)
    p.set_defaults(func=cmd_selectors)

    p = subparsers.add_parser("custom-indicator", help="add a case's own indicator (with optional patterns)")
    add_case_argument(p)
    p.add_argument("code", help="e.g. CASE-01")
    p.add_argument("--label", required=True)
    p.add_argument("--label-nl")
    p.add_argument("--category", required=True, choices=CATEGORIES)
    p.add_argument("--description", default="")
    p.add_argument("--weight", type=float, default=0.2)
    p.add_argument(
        "--pattern",
        action="append",
        default=[],
        metavar="LANG:REGEX",
        help="text pattern, e.g. en:golden tickets? (repeatable)",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_custom)

    p = subparsers.add_parser(
        "ocr-status",
        help="is OCR (Tesseract) available, with which languages; with CASE: what was read and what skipped",
    )
    p.add_argument("case", nargs="?", type=Path, help="also count the case's images read, waiting and skipped")
    add_passphrase_file(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_ocr_status)


# -- handlers ----------------------------------------------------------------------------------
def cmd_indicators(args: argparse.Namespace) -> int:
    from workstation.indicators import load_taxonomy

    tax = load_taxonomy()
    if args.case is not None:
        from workstation import annotations

        with open_case(args) as case:
            tax = annotations.taxonomy_for(case)
    rows = [i for i in tax if not args.category or i.category == args.category]
    if args.json:
        print_json(
            {
                "version": tax.version,
                "categories": {k: dict(v) for k, v in tax.categories.items()},
                "sources": {k: dict(v) for k, v in tax.sources.items()},
                "indicators": [i.to_json() for i in rows],
            }
        )
        return 0
    print(f"Online trafficking indicators, taxonomy {tax.version} ({len(rows)} indicators)")
    current = None
    for ind in rows:
        if ind.category != current:
            current = ind.category
            print(f"\n{tax.categories.get(current, {}).get(args.language, current)}")
        flag = " (case)" if ind.custom else ""
        print(f"  {ind.code:<8} w={ind.weight:.2f} {ind.evidence_level:<14} {ind.label_in(args.language)}{flag}")
    return 0


def _print_annotation(a: dict[str, Any]) -> None:
    where = ""
    if "span" in a:
        where = f" {a['span']['field']}[{a['span']['start']}:{a['span']['end']}] “{a['span']['text']}”"
    if "region" in a:
        r = a["region"]
        where += f" region {r['x']},{r['y']},{r['w']},{r['h']}"
    note = f" — {a['note']}" if a.get("note") else ""
    print(
        f"{a['id']:>6}  item {a['item']:<5} {a['indicator']:<8} {a['status']:<9} {a['origin']:<7} "
        f"{a.get('label', '')}{where}{note}"
    )


def cmd_annotate(args: argparse.Namespace) -> int:
    from workstation import annotations

    if args.confirm is not None and args.reject is not None:
        raise UsageError("use either --confirm or --reject")
    with open_case(args) as case:
        if args.confirm is not None or args.reject is not None:
            ann_id = args.confirm if args.confirm is not None else args.reject
            row = annotations.set_status(
                case, ann_id, "confirmed" if args.confirm is not None else "rejected", args.note
            )
            if args.item is not None and row["item"] != args.item:
                raise UsageError(f"annotation {ann_id} belongs to item {row['item']}, not {args.item}")
        else:
            if args.item is None or not args.indicator:
                raise UsageError("give ITEM and --indicator CODE (or --confirm/--reject ANNOTATION_ID)")
            span = None
            if args.span:
                try:
                    s, e = (int(x) for x in args.span.split(":"))
                except ValueError as exc:
                    raise UsageError(f"--span must be START:END, not {args.span!r}") from exc
                span = (s, e)
            row = annotations.annotate(
                case, args.item, args.indicator, note=args.note, region=args.region, span=span, field_name=args.field
            )
    if args.json:
        print_json(row)
    else:
        _print_annotation(row)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from workstation import annotations

    status = "confirmed" if args.confirm else "rejected" if args.reject else "suggested"
    with open_case(args) as case:
        row = annotations.set_status(case, args.annotation, status, args.note)
    if args.json:
        print_json(row)
    else:
        _print_annotation(row)
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    from workstation import annotations

    with open_case(args) as case:
        rows = annotations.annotations_for(case, args.item, args.status, language=args.language)
    if args.json:
        print_json({"annotations": rows})
    else:
        for a in rows:
            _print_annotation(a)
        if not rows:
            print("no annotations")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from workstation import annotations

    with open_case(args) as case:
        if args.item is not None:
            result: Any = annotations.item_score(case, args.item, language=args.language).to_json()
            result["item"] = args.item
        else:
            result = {"items": annotations.ranked_items(case, args.limit)}
    if args.json:
        print_json(result)
    elif args.item is not None:
        print(f"item {args.item}: {result['explanation']}")
    else:
        for r in result["items"]:
            print(
                f"{r['item']:>6}  {r['score']:.2f} (confirmed {r['confirmed_score']:.2f})  {', '.join(r['indicators'])}"
            )
        if not result["items"]:
            print("no item has indicators")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from workstation import annotations

    ids = parse_ids(args.item) if args.item else None
    with open_case(args) as case:
        stage = None
        if args.ocr or args.ocr_again:
            # Images queued at import plus every image without OCR text (photos too), read in
            # parallel by the OCR stage, which also scans the text it finds.
            from workstation.importing import ocrstage

            ocrstage.enqueue_unread(case, ids)
            if args.ocr_again:
                ocrstage.enqueue_again(case, ids)
            bar = console_progress("ocr")
            try:
                stage = ocrstage.run_ocr_stage(case, bar.progress, item_ids=ids)
            except Cancelled:
                bar.finish()
                print("OCR cancelled; finished batches are kept, the rest stays queued", file=sys.stderr)
                return 130
            bar.finish()
        bar = console_progress("scan")
        try:
            summary = annotations.scan_items(case, ids, bar.progress)
        except Cancelled:
            bar.finish()
            print("scan cancelled; finished batches are kept", file=sys.stderr)
            return 130
        bar.finish()
    if stage is not None:
        summary.ocr_done, summary.ocr_notice = stage.with_text, stage.notice
    data = summary.to_json()
    if args.json:
        print_json(data)
    else:
        print(
            f"scanned {data['items']} item(s) with taxonomy {data['taxonomy_version']}: "
            f"{data['suggestions_added']} new suggestion(s), {data['selector_links_added']} new selector link(s)"
            + (f", OCR of {data['ocr_done']} image(s)" if args.ocr else "")
        )
        if args.ocr and data["ocr_notice"]:
            print(data["ocr_notice"], file=sys.stderr)
    return 0


def cmd_selectors(args: argparse.Namespace) -> int:
    from workstation import annotations

    with open_case(args) as case:
        if args.item is not None:
            rows: list[dict[str, Any]] = annotations.selectors_of_item(case, args.item)
        else:
            rows = annotations.selectors_for(case, args.kind, min_items=args.min_items)
        graph = annotations.export_graphml(case, args.graphml, min_items=args.min_items) if args.graphml else None
    if args.json:
        print_json({"selectors": rows} if args.item is None else {"item": args.item, "selectors": rows})
    else:
        for s in rows:
            if args.item is not None:
                print(
                    f"{s['kind']:<7} {s['value']:<30} {s['source']:<9} on {s['linked_items']} item(s)  “{s['raw']}”"
                    + (" [obscured]" if s["obscured"] else "")
                )
            else:
                seen = f"{s['first_seen'] or ''} … {s['last_seen'] or ''}"
                if s.get("seen_from") == "import":
                    seen += " (import time: no capture time known)"
                print(
                    f"{s['kind']:<7} {s['value']:<30} {len(s['items'])} item(s) {s['items']}  "
                    f"{', '.join(s['platforms'])}  {seen}"
                    + ("" if s.get("verified", True) else " [unverified]")
                    + "".join(f"  ({n})" for n in s.get("notes") or [])
                )
        if not rows:
            print("no selectors")
    if graph is not None:
        print(f"graph written to {args.graphml}: {graph['nodes']} nodes, {graph['edges']} edges", file=sys.stderr)
    return 0


def cmd_custom(args: argparse.Namespace) -> int:
    from workstation import annotations

    patterns: dict[str, list[str]] = {}
    for spec in args.pattern:
        lang, sep, rx = spec.partition(":")
        if not sep or not rx:
            raise UsageError(f"--pattern must be LANG:REGEX, not {spec!r}")
        patterns.setdefault(lang, []).append(rx)
    with open_case(args) as case:
        ind = annotations.add_custom_indicator(
            case,
            args.code,
            args.label,
            category=args.category,
            label_nl=args.label_nl,
            description=args.description,
            weight=args.weight,
            patterns=patterns,
        )
    if args.json:
        print_json(ind.to_json())
    else:
        print(f"added {ind.code}: {ind.label_in('en')} ({ind.category}, weight {ind.weight:.2f})")
    return 0


def cmd_ocr_status(args: argparse.Namespace) -> int:
    from workstation import ocr

    st = ocr.status()
    cover = None
    if args.case is not None:
        from workstation.ocrcoverage import coverage

        with open_case(args) as case:
            cover = coverage(case)
    if args.json:
        print_json({**st.to_json(), **({"case": cover.to_json()} if cover is not None else {})})
    else:
        print(st.notice)
        for line in cover.lines() if cover is not None else []:
            print(line)
    return 0 if st.available else 1
