"""Register commands: person add|list|link|update, platform list|set, account add|list, stats, timeline."""

from __future__ import annotations

import argparse

from workstation.commands._common import add_case_argument, add_json_flag, open_case, print_json
from workstation.commands._groups import group
from workstation.errors import UsageError

ROLE_CHOICES = ("possible_victim", "victim", "suspect", "facilitator", "buyer", "witness", "unknown")
AGE_CHOICES = ("minor", "18-24", "25-34", "35-44", "45+", "unknown")
TYPE_CHOICES = ("escort_site", "dating_app", "job_board", "marketplace", "messenger", "social_network", "other")
STATUS_CHOICES = ("checked", "suspected", "involved")
TARGETS = ("item", "selector", "photo_cluster", "network", "account", "platform")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    persons = group(subparsers, "person", "the register of persons: add, list, link, update")
    p = persons.add_parser("add", help="add a person (possible victim, suspect, facilitator, buyer, witness)")
    add_case_argument(p)
    p.add_argument("name", help='a name or label ("victim A")')
    p.add_argument("--role", required=True, choices=ROLE_CHOICES)
    p.add_argument("--nationality", help="ISO 3166 country code, e.g. UA")
    p.add_argument("--age-band", choices=AGE_CHOICES)
    p.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_person_add)

    p = persons.add_parser("update", help="change a person's name, role, nationality, age band, aliases")
    add_case_argument(p)
    p.add_argument("person", type=int)
    p.add_argument("--name")
    p.add_argument("--role", choices=ROLE_CHOICES)
    p.add_argument("--nationality")
    p.add_argument("--age-band", choices=AGE_CHOICES)
    p.add_argument("--alias", action="append", help="replaces the aliases (repeatable)")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_person_update)

    p = persons.add_parser("list", help="list persons with their links")
    add_case_argument(p)
    p.add_argument("--role", choices=ROLE_CHOICES)
    add_json_flag(p)
    p.set_defaults(func=cmd_person_list)

    p = persons.add_parser(
        "link",
        help="link a person to an item, selector, photo cluster, network, account or platform",
        description="Photo clusters and networks are named by an item in them (networks also N<item id>), "
        "selectors as kind:value (phone:+31612345678).",
    )
    add_case_argument(p)
    p.add_argument("person", type=int)
    p.add_argument("type", choices=TARGETS)
    p.add_argument("target", help="item id, kind:value, account id or platform name")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_person_link)

    p = persons.add_parser("unlink", help="remove a link of a person or account (by link id)")
    add_case_argument(p)
    p.add_argument("link", type=int)
    add_json_flag(p)
    p.set_defaults(func=cmd_unlink)

    plats = group(subparsers, "platform", "platforms checked: list, set type and status")
    p = plats.add_parser("list", help="registered platforms and those the case's items show")
    add_case_argument(p)
    p.add_argument("--registered", action="store_true", help="only registered platforms")
    add_json_flag(p)
    p.set_defaults(func=cmd_platform_list)

    p = plats.add_parser("set", help="add a platform or change its type/status (checked → suspected → involved)")
    add_case_argument(p)
    p.add_argument("name", help="site domain or messenger name")
    p.add_argument("--type", choices=TYPE_CHOICES)
    p.add_argument("--status", choices=STATUS_CHOICES)
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_platform_set)

    accts = group(subparsers, "account", "accounts (a handle or phone on a platform): add, list, link")
    p = accts.add_parser("add", help="register an account on a platform")
    add_case_argument(p)
    p.add_argument("platform", help="site domain or messenger name")
    p.add_argument("kind", choices=("handle", "phone", "email", "wallet", "other"))
    p.add_argument("value")
    p.add_argument("--person", type=int, help="the person using it")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_account_add)

    p = accts.add_parser("list", help="list accounts with their persons and items")
    add_case_argument(p)
    p.add_argument("--platform")
    add_json_flag(p)
    p.set_defaults(func=cmd_account_list)

    p = accts.add_parser("link", help="link an account to an item, selector, photo cluster or network")
    add_case_argument(p)
    p.add_argument("account", type=int)
    p.add_argument("type", choices=TARGETS)
    p.add_argument("target")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(func=cmd_account_link)

    p = subparsers.add_parser(
        "stats",
        help="action-day statistics: platforms, phone numbers and usernames checked, persons, networks",
    )
    add_case_argument(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser("timeline", help="first/last seen and items per day of a network or selector")
    add_case_argument(p)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--network", help="N<item id> or an item id in it")
    g.add_argument("--selector", help="kind:value, e.g. phone:+31612345678")
    add_json_flag(p)
    p.set_defaults(func=cmd_timeline)


def _print_person(p: object) -> None:
    from workstation.networks.register import Person

    assert isinstance(p, Person)
    extra = ", ".join(x for x in (p.nationality, p.age_band) if x)
    aliases = f" aka {', '.join(p.aliases)}" if p.aliases else ""
    print(f"{p.id}: {p.name} [{p.role}] {extra}{aliases}")
    for lk in p.links:
        print(f"    link {lk.id}: {lk.target_type} {lk.target}")


def cmd_person_add(args: argparse.Namespace) -> int:
    from workstation.networks.register import add_person

    with open_case(args) as case:
        p = add_person(
            case,
            args.name,
            args.role,
            nationality=args.nationality,
            age_band=args.age_band,
            aliases=args.alias,
            note=args.note,
        )
    print_json(p.to_json()) if args.json else _print_person(p)
    return 0


def cmd_person_update(args: argparse.Namespace) -> int:
    from workstation.networks.register import update_person

    with open_case(args) as case:
        p = update_person(
            case,
            args.person,
            name=args.name,
            role=args.role,
            nationality=args.nationality,
            age_band=args.age_band,
            aliases=args.alias,
            note=args.note,
        )
    print_json(p.to_json()) if args.json else _print_person(p)
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    from workstation.networks.register import persons

    with open_case(args) as case:
        found = persons(case, args.role)
    if args.json:
        print_json({"persons": [p.to_json() for p in found]})
    else:
        for p in found:
            _print_person(p)
    return 0


def cmd_person_link(args: argparse.Namespace) -> int:
    from workstation.networks.register import link_person

    with open_case(args) as case:
        lk = link_person(case, args.person, args.type, args.target, args.note)
    print_json(lk.to_json()) if args.json else print(
        f"link {lk.id}: person {args.person} → {lk.target_type} {lk.target}"
    )
    return 0


def cmd_account_link(args: argparse.Namespace) -> int:
    from workstation.networks.register import link

    with open_case(args) as case:
        lk = link(case, "account", args.account, args.type, args.target, args.note)
    print_json(lk.to_json()) if args.json else print(
        f"link {lk.id}: account {args.account} → {lk.target_type} {lk.target}"
    )
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    from workstation.networks.register import unlink

    with open_case(args) as case:
        unlink(case, args.link)
    print_json({"unlinked": args.link}) if args.json else print(f"link {args.link} removed")
    return 0


def cmd_platform_list(args: argparse.Namespace) -> int:
    from workstation.networks.register import platforms

    with open_case(args) as case:
        found = platforms(case, include_seen=not args.registered)
    if args.json:
        print_json({"platforms": [p.to_json() for p in found]})
        return 0
    for p in found:
        print(
            f"{p.name:32} {p.type or '-':15} {p.status or 'not registered':15} "
            f"{p.items:6} items {p.accounts:4} accounts"
        )
    return 0


def cmd_platform_set(args: argparse.Namespace) -> int:
    from workstation.networks.register import set_platform

    if args.type is None and args.status is None and args.note is None:
        args.status = None  # registering with the defaults is allowed
    with open_case(args) as case:
        p = set_platform(case, args.name, type=args.type, status=args.status, note=args.note)
    print_json(p.to_json()) if args.json else print(f"{p.name}: {p.type or '-'} {p.status}")
    return 0


def cmd_account_add(args: argparse.Namespace) -> int:
    from workstation.networks.register import add_account

    with open_case(args) as case:
        a = add_account(case, args.platform, args.kind, args.value, person_id=args.person, note=args.note)
    print_json(a.to_json()) if args.json else print(f"account {a.id}: {a.kind} {a.value} on {a.platform}")
    return 0


def cmd_account_list(args: argparse.Namespace) -> int:
    from workstation.networks.register import accounts

    with open_case(args) as case:
        found = accounts(case, args.platform)
    if args.json:
        print_json({"accounts": [a.to_json() for a in found]})
        return 0
    for a in found:
        print(f"{a.id}: {a.platform} {a.kind} {a.value}  persons {list(a.persons)}  items {list(a.items)}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from workstation.networks.stats import action_day_stats

    with open_case(args) as case:
        s = action_day_stats(case)
    if args.json:
        print_json(s.to_json())
        return 0
    j = s.to_json()
    p = j["platforms"]
    print(
        f"Platforms: {p['registered']} registered ({p['checked']} checked, {p['suspected']} suspected, "
        f"{p['involved']} involved); {p['seen_not_registered']} more seen in the items"
    )
    print(
        f"Phone numbers checked: {s.phones_checked}; usernames checked: {s.usernames_checked}; "
        f"e-mails: {s.emails_checked}"
    )
    print("Persons by role: " + ", ".join(f"{k} {v}" for k, v in s.persons_by_role.items() if v) or "none")
    if s.victims_by_nationality:
        print("Possible victims by nationality: " + ", ".join(f"{k} {v}" for k, v in s.victims_by_nationality.items()))
    print(f"Networks: {s.networks} ({s.items_in_networks} items; largest {s.largest_network})")
    print("Items: " + ", ".join(f"{k} {v}" for k, v in s.items.items()))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from workstation.networks.linking import find_network, networks
    from workstation.networks.stats import network_timeline, selector_timeline

    with open_case(args) as case:
        if args.network:
            t = network_timeline(find_network(networks(case), args.network))
        else:
            kind, _, value = args.selector.partition(":")
            if not value:
                raise UsageError("a selector is kind:value, e.g. phone:+31612345678")
            t = selector_timeline(case, kind, value)
    if args.json:
        print_json(t.to_json())
        return 0
    print(f"{t.subject}: first seen {t.first_seen}, last seen {t.last_seen}")
    for day, n in t.per_day:
        print(f"  {day} {'█' * min(n, 60)} {n}")
    return 0
