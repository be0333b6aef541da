"""`workstation seen`: what of a case is also in the analyst's other cases (the local index)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.commands._common import add_json_flag, add_passphrase_file, open_case, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "seen", help="selectors and photos of the case also in your other cases (local encrypted index)"
    )
    p.add_argument("case", type=Path, help="the case file (.case)")
    add_passphrase_file(p)
    p.add_argument("--forget", action="store_true", help="remove the case from the index (the case is not opened)")
    add_json_flag(p)
    p.set_defaults(func=cmd_seen)


def cmd_seen(args: argparse.Namespace) -> int:
    from workstation.crosscase import index

    if args.forget:
        removed = index.forget(args.case)
        if args.json:
            print_json({"forgotten": removed, "path": str(args.case.resolve())})
        else:
            print(f"{args.case}: {'removed from' if removed else 'was not in'} the index of your cases")
        return 0
    with open_case(args) as case:
        found = index.seen(case)
    if args.json:
        print_json({"seen": [s.as_json() for s in found]})
        return 0
    if not found:
        print("nothing of this case is in your other indexed cases")
    for s in found:
        where = "; ".join(f"{c.title} ({c.items} item(s), {c.first_seen[:10]}..{c.last_seen[:10]})" for c in s.cases)
        print(f"{s.kind:<7} {s.value:<30} items {list(s.items)}  also in {where}")
    return 0
