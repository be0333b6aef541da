"""Team hub commands: hub publish, hub matches, hub team-key new (docs/hub.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.commands._common import add_case_argument, add_json_flag, open_case, print_json
from workstation.commands._groups import group


def _hub_args(p: argparse.ArgumentParser) -> None:
    add_case_argument(p)
    p.add_argument("--hub", required=True, metavar="URL", help="the hub's PostgreSQL URL (postgresql://user@host/db)")
    p.add_argument("--team-key", required=True, type=Path, metavar="FILE", help="the team key shared out of band")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = group(subparsers, "hub", "team hub on PostgreSQL: match selectors and photos across agencies as keyed hashes")
    p = sub.add_parser("publish", help="publish the case's keyed selectors and photo hashes (replaces the last)")
    _hub_args(p)
    p.add_argument("--agency", default=None, help="the agency shown to others (default: the case's agency)")
    p.add_argument("--contact", default=None, help="whom others call about a match (default: the analyst)")
    add_json_flag(p)
    p.set_defaults(func=cmd_publish)
    p = sub.add_parser("matches", help="what other agencies' publications share with the case")
    _hub_args(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_matches)
    keys = sub.add_parser("team-key", help="team keys").add_subparsers(dest="team_key_action", metavar="ACTION")
    k = keys.add_parser("new", help="write a fresh random team key to FILE (share it out of band)")
    k.add_argument("file", type=Path)
    k.set_defaults(func=cmd_team_key_new)


def cmd_publish(args: argparse.Namespace) -> int:
    from workstation.hub import client

    with open_case(args) as case:
        result = client.publish(case, args.hub, args.team_key, args.agency, args.contact)
    if args.json:
        print_json(result)
    else:
        print(
            f"published to {result['hub']} as {result['agency']} ({result['contact']}): "
            f"{result['selectors']} selector(s), {result['photos']} photo(s), {result['tokens']} keyed hashes"
        )
    return 0


def cmd_matches(args: argparse.Namespace) -> int:
    from workstation.hub import client

    with open_case(args) as case:
        result = client.matches(case, args.hub, args.team_key)
    if args.json:
        print_json(result)
        return 0
    if not result["matches"]:
        print("no matches on the hub")
    for m in result["matches"]:
        who = "; ".join(f"{a['agency']} ({a['contact']}, {a['published_at']})" for a in m["agencies"])
        print(f"{m['kind']:<7} {m['value']:<30} items {m['items']}  also at {who}")
    return 0


def cmd_team_key_new(args: argparse.Namespace) -> int:
    from workstation.hub.tokens import new_team_key

    new_team_key(args.file)
    print(f"team key written to {args.file} (share it with the team out of band, never through the hub)")
    return 0
