"""Case-work commands: tag, triage, note, same-photo (the analyst's actions of the window)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from workstation import casework
from workstation.commands._common import add_case_argument, add_json_flag, open_case, parse_ids, print_json
from workstation.errors import UsageError


def _ids(text: str) -> list[int]:
    try:
        return parse_ids(text)
    except UsageError as exc:  # argparse reports it as a usage error (exit 2, one line)
        raise argparse.ArgumentTypeError(exc.reason) from exc


def _items(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("items", metavar="ITEMS", type=_ids, help="item ids, comma-separated (e.g. 3,7,12)")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("tag", help="tag items (or untag them with --remove)")
    add_case_argument(p)
    _items(p)
    p.add_argument("tag", help=f"the tag; {casework.CATEGORY_PREFIX}NAME files items under a category")
    p.add_argument("--remove", action="store_true", help="take the tag off instead")
    add_json_flag(p)
    p.set_defaults(func=cmd_tag)

    p = subparsers.add_parser("triage", help="mark items relevant, not relevant, or clear the mark")
    add_case_argument(p)
    _items(p)
    p.add_argument("mark", choices=(*casework.TRIAGE_TAGS, "none"))
    add_json_flag(p)
    p.set_defaults(func=cmd_triage)

    p = subparsers.add_parser("note", help="add a note to items")
    add_case_argument(p)
    _items(p)
    p.add_argument("text", help="the note (quote it)")
    add_json_flag(p)
    p.set_defaults(func=cmd_note)

    p = subparsers.add_parser("same-photo", help="record that two items are the same photo")
    add_case_argument(p)
    p.add_argument("item_a", type=int)
    p.add_argument("item_b", type=int)
    p.add_argument("--reason", default="")
    add_json_flag(p)
    p.set_defaults(func=cmd_same_photo)


def cmd_tag(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        fn = casework.remove_tag if args.remove else casework.add_tag
        change = fn(case, args.items, args.tag)
    verb = "removed" if args.remove else "added"
    if args.json:
        print_json({"tag": change.tag, verb: list(change.item_ids)})
    else:
        unchanged = len(set(args.items)) - len(change.item_ids)
        print(
            f"tag {change.tag!r} {verb} on {len(change.item_ids)} item(s)"
            + (f", {unchanged} unchanged" if unchanged else "")
        )
    return 0


def cmd_triage(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        changes = casework.set_triage(case, args.items, casework.parse_state(args.mark))
    if args.json:
        print_json({"mark": args.mark, "changes": [asdict(c) for c in changes]})
    else:
        print(f"{len(changes)} item(s) marked {args.mark}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        notes = casework.add_note(case, args.items, args.text)
    if args.json:
        print_json({"notes": [asdict(n) for n in notes]})
    else:
        print(f"note added to {len(notes)} item(s)")
    return 0


def cmd_same_photo(args: argparse.Namespace) -> int:
    with open_case(args) as case:
        decision = casework.mark_same_photo(case, args.item_a, args.item_b, args.reason)
    if args.json:
        print_json({"same_photo": list(decision.pair), "reason": decision.reason})
    else:
        print(f"recorded: items {args.item_a} and {args.item_b} are the same photo")
    return 0
