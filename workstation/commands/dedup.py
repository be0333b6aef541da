"""Dedup commands: dedupe, match, not-duplicate, hashset import/list."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.commands._common import add_case_argument, add_json_flag, console_progress, open_case, print_json
from workstation.commands._groups import group
from workstation.dedup import DEFAULT_THRESHOLD


def _threshold(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--threshold",
        type=int,
        default=DEFAULT_THRESHOLD,
        help=f"largest distance (bits of a 64-bit pHash, 0-32) counted as the same photo; "
        f"default {DEFAULT_THRESHOLD}, calibrated on real photos (docs/dedup.md)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("dedupe", help="clusters of near-duplicate and identical photos")
    add_case_argument(p)
    _threshold(p)
    check = p.add_mutually_exclusive_group()
    check.add_argument(
        "--verify",
        dest="verify",
        action="store_true",
        default=None,
        help="check pairs just beyond the threshold on local features even in a very large case",
    )
    check.add_argument(
        "--no-verify",
        dest="verify",
        action="store_false",
        help="match on hashes alone (no local-feature check, neither of pairs just beyond the threshold "
        "nor of a match that would join two clusters)",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_dedupe)

    p = subparsers.add_parser("match", help="find the case's copies of one photo (query by image)")
    add_case_argument(p)
    p.add_argument("image", type=Path, help="an image file outside the case")
    _threshold(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_match)

    p = subparsers.add_parser("not-duplicate", help="record that two items are not the same photo")
    add_case_argument(p)
    p.add_argument("item_a", type=int)
    p.add_argument("item_b", type=int)
    p.add_argument("--reason", default="")
    add_json_flag(p)
    p.set_defaults(func=cmd_not_duplicate)

    # The hashset group is shared with the interop commands (hashset export).
    sub = group(subparsers, "hashset", "known-image hash lists (PDQ, pHash, SHA-256, MD5): import, list, export")
    q = sub.add_parser("import", help="import a hash list (CSV or Project VIC VICS JSON)")
    add_case_argument(q)
    q.add_argument("file", type=Path)
    q.add_argument("--name", default=None, help="name shown for the list (default: file name)")
    q.add_argument(
        "--hex64",
        choices=("sha256", "pdq"),
        default="sha256",
        help="what 64-hex-digit values are in a CSV without a header (default sha256)",
    )
    add_json_flag(q)
    q.set_defaults(func=cmd_hashset_import)
    q = sub.add_parser("list", help="imported hash lists and their matches")
    add_case_argument(q)
    add_json_flag(q)
    q.set_defaults(func=cmd_hashset_list)


def cmd_dedupe(args: argparse.Namespace) -> int:
    from workstation.dedup import service

    with open_case(args) as case:
        bar = console_progress("hashing")
        service.ensure_hashes(case, bar.progress)
        bar.finish()
        images = service.image_count(case)
        verify = service.verifies(images, args.verify)
        bar = console_progress("matching")
        linkage = service.linkage_for_case(
            case, args.threshold, bar.progress, verify, check_links=args.verify is not False
        )
        bar.finish()
    clusters = linkage["clusters"]
    if args.json:
        print_json(
            {
                "threshold": args.threshold,
                "feature_check": verify,
                "clusters": clusters,
                "held_apart": linkage["held_apart"],
            }
        )
        return 0
    if not verify and args.verify is None:
        print(
            f"note: {images:,} images: pairs just beyond the threshold were not checked on local features "
            f"(automatic up to {service.VERIFY_MAX_IMAGES:,}; --verify forces it)"
        )
    if not clusters:
        print(f"no duplicate photos at threshold {args.threshold}")
    for n, members in enumerate(clusters, 1):
        print(
            f"cluster {n}: {len(members)} images (d = distance to #{members[0]['id']}; each linked by the pair named)"
        )
        for m in members:
            print(
                f"  #{m['id']:<6} d={m['distance']:<3} {m['transformation']:<40} "
                f"{m['original_name'] or ''}  {m['source_path'] or ''}"
            )
            if m.get("linked_to") is not None:
                link = m["link_evidence"]
                print(
                    f"  {'':7} linked: #{m['linked_to']} ~ #{m['id']} d={m['link_distance']} {link['transformation']}"
                )
    held = linkage["held_apart"]
    if held:
        print(f"{len(held)} match(es) held apart: each would have joined two clusters on one weak link")
        for h in held:
            a, b = h["items"]
            ev = h["evidence"]
            print(
                f"  #{a} ~ #{b} d={ev['distance']} {ev['transformation']} "
                f"(clusters of {h['cluster_sizes'][0]} and {h['cluster_sizes'][1]})"
            )
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    from workstation.dedup import service

    with open_case(args) as case:
        result = service.match_image(case, args.image, args.threshold)
        case.audit(
            "dedup.query",
            {
                "image": str(args.image),
                "sha256": result["sha256"],
                "threshold": args.threshold,
                "matches": [m["id"] for m in result["matches"]],
            },
        )
    if args.json:
        print_json(result)
        return 0
    if result["flat"]:
        print("the image is nearly flat: only exact copies can be matched")
    if not result["matches"]:
        print(f"no copy of {args.image} in the case at threshold {args.threshold}")
    for m in result["matches"]:
        print(f"#{m['id']:<6} d={m['distance']:<3} {m['transformation']:<40} {m['original_name'] or ''}")
    return 0


def cmd_not_duplicate(args: argparse.Namespace) -> int:
    from workstation.dedup import service

    with open_case(args) as case:
        service.mark_not_duplicate(case, args.item_a, args.item_b, args.reason)
    if args.json:
        print_json({"not_duplicate": sorted((args.item_a, args.item_b)), "reason": args.reason})
    else:
        print(f"recorded: items {args.item_a} and {args.item_b} are not the same photo")
    return 0


def cmd_hashset_import(args: argparse.Namespace) -> int:
    from workstation.dedup import service

    with open_case(args) as case:
        result = service.import_hashset(case, args.file, args.name, default_64=args.hex64)
    if args.json:
        print_json(result)
        return 0
    counts = ", ".join(f"{n} {k}" for k, n in sorted(result["entries"].items()))
    print(
        f"imported hash list {result['name']!r} ({result['format']}): {counts}; "
        f"{result['skipped']} line(s) skipped; {len(result['matches'])} match(es) in the case"
    )
    for m in result["matches"]:
        print(f"  #{m['item_id']:<6} {m['kind']:<6} d={m['distance']:<3} {m['original_name'] or ''}  {m['label']}")
    return 0


def cmd_hashset_list(args: argparse.Namespace) -> int:
    from workstation.dedup import service

    with open_case(args) as case:
        sets = service.list_hashsets(case)
        matches = service.hashset_matches(case)
    if args.json:
        print_json({"hashsets": sets, "matches": matches})
        return 0
    if not sets:
        print("no hash list imported")
    for s in sets:
        print(
            f"{s['id']:<4} {s['name']:<30} {s['format']:<10} {s['entries']:>8} entries  "
            f"{s['matches']:>5} match(es)  imported {s['imported_at']} by {s['analyst']}"
        )
    return 0
