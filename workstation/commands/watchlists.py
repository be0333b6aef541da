"""Watchlist commands: watchlist import, watchlist hits."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.commands._common import add_case_argument, add_json_flag, open_case, print_json
from workstation.commands._groups import group


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = group(subparsers, "watchlist", "partners' lists of phones, accounts, wallets, IBANs, URLs and image hashes")
    q = sub.add_parser("import", help="import a watchlist (CSV or JSON) and flag the items it matches")
    add_case_argument(q)
    q.add_argument("file", type=Path)
    q.add_argument("--name", default=None, help="name shown for the list (default: the file's name)")
    add_json_flag(q)
    q.set_defaults(func=cmd_import)
    q = sub.add_parser("hits", help="match every watchlist against the case and list the hits")
    add_case_argument(q)
    add_json_flag(q)
    q.set_defaults(func=cmd_hits)


def cmd_import(args: argparse.Namespace) -> int:
    from workstation.watchlists import service

    with open_case(args) as case:
        result = service.import_watchlist(case, args.file, args.name)
    if args.json:
        print_json(result)
        return 0
    counts = ", ".join(f"{n} {k}" for k, n in sorted(result["entries"].items())) or "no entries"
    print(f"imported watchlist {result['name']!r} ({result['format']}): {counts}; {len(result['hits'])} hit(s)")
    for err in result["errors"]:
        print(f"  rejected {err}")
    for h in result["hits"]:
        print(f"  {h['kind']:<7} {h['value']:<30} {h['label']:<20} items {h['items']}")
    return 0


def cmd_hits(args: argparse.Namespace) -> int:
    from workstation.watchlists import service

    with open_case(args) as case:
        found = service.run_hits(case)
    if args.json:
        print_json({"hits": [h.as_json() for h in found]})
        return 0
    if not found:
        print("no watchlist hits")
    for h in found:
        print(f"{h.kind:<7} {h.value:<30} {h.list:<20} {h.label:<20} items {list(h.items)}")
    return 0
