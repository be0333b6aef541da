"""Template and network commands: templates, networks, network split|join|revoke|decisions."""

from __future__ import annotations

import argparse

from workstation.commands._common import add_case_argument, add_json_flag, open_case, parse_ids, print_json
from workstation.commands._groups import group


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "templates",
        help="ad-template clusters: near-identical ad text with its common phrases and slots",
        description="Clusters of ads (pages, documents, messages) written from one template, in any "
        "language or script; each site's own boilerplate and stock phrases shared by unrelated ads "
        "are ignored. Shows a representative text with the common phrases between « » and the slots "
        "that vary (names, ages, cities, prices, phones).",
    )
    add_case_argument(p)
    p.add_argument("--min-size", type=int, default=2, help="only clusters of at least N ads")
    add_json_flag(p)
    p.set_defaults(func=cmd_templates)

    p = subparsers.add_parser(
        "networks",
        help="networks of items linked by phones, handles, e-mails, wallets, photos and ad text",
        description="Connected items (largest first) with each link's evidence: via phone, handle, "
        "email, wallet, device, photo, text or analyst, its value and score. Values seen on a large "
        "share of the ads and site chrome link nothing; analyst splits and joins are applied.",
    )
    add_case_argument(p)
    p.add_argument("--min-score", type=float, help="links below this score join nothing (default 0.3)")
    add_json_flag(p)
    p.set_defaults(func=cmd_networks)

    actions = group(subparsers, "network", "split or join networks (audited decisions, kept over re-runs)")
    p = actions.add_parser("split", help="split items off their network")
    add_case_argument(p)
    p.add_argument("network", help="network id (N<item id>) or an item id in it")
    p.add_argument("--items", required=True, help="item ids to split off, comma-separated")
    p.add_argument("--note", help="why")
    add_json_flag(p)
    p.set_defaults(func=cmd_split)

    p = actions.add_parser("join", help="join two networks (or items) into one")
    add_case_argument(p)
    p.add_argument("first", help="network id (N<item id>) or item id")
    p.add_argument("second", help="network id (N<item id>) or item id")
    p.add_argument("--note", help="why")
    add_json_flag(p)
    p.set_defaults(func=cmd_join)

    p = actions.add_parser("decisions", help="list split and join decisions")
    add_case_argument(p)
    p.add_argument("--all", action="store_true", help="include revoked decisions")
    add_json_flag(p)
    p.set_defaults(func=cmd_decisions)

    p = actions.add_parser("revoke", help="withdraw a split or join decision")
    add_case_argument(p)
    p.add_argument("decision", type=int, help="decision id (see `network decisions`)")
    add_json_flag(p)
    p.set_defaults(func=cmd_revoke)


def cmd_templates(args: argparse.Namespace) -> int:
    from workstation.networks import template_clusters

    with open_case(args) as case:
        found = [t for t in template_clusters(case) if len(t.items) >= args.min_size]
    if args.json:
        print_json({"templates": [t.to_json() for t in found]})
        return 0
    if not found:
        print("no template clusters")
        return 0
    for t in found:
        print(
            f"{t.id}: {len(t.items)} ads on {', '.join(t.hosts) or 'unknown sites'} (similarity ≥ {t.similarity:.2f})"
        )
        print("  items: " + ", ".join(str(i.id) for i in t.items))
        text = " ".join(t.highlighted().split())
        print("  " + (text[:600] + "…" if len(text) > 600 else text))
        for s in t.slots:
            values = ", ".join(s.values[:6]) + (" …" if len(s.values) > 6 else "")
            print(f"  slot {s.kind}: {values}")
        print()
    return 0


def cmd_networks(args: argparse.Namespace) -> int:
    from workstation.networks import NetworkParams, networks

    params = NetworkParams() if args.min_score is None else NetworkParams(min_score=args.min_score)
    with open_case(args) as case:
        found = networks(case, params)
    if args.json:
        print_json({"networks": [n.to_json() for n in found]})
        return 0
    if not found:
        print("no networks")
        return 0
    for n in found:
        kinds = sorted({lk.via for lk in n.links})
        print(f"{n.id}: {len(n.items)} items, {len(n.links)} links via {', '.join(kinds)}")
        for i in n.items:
            print(f"  item {i.id} [{i.kind}] {i.original_name or ''} {i.host}")
        for lk in n.links:
            print(f"  {lk.a} — {lk.b}  {lk.via} {lk.value}  score {lk.score:.2f}")
        print()
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from workstation.networks import split_network

    with open_case(args) as case:
        d = split_network(case, args.network, parse_ids(args.items), args.note)
    if args.json:
        print_json(d.to_json())
    else:
        print(f"decision {d.id}: items {', '.join(map(str, d.items_a))} split off")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from workstation.networks import join_networks

    with open_case(args) as case:
        d = join_networks(case, args.first, args.second, args.note)
    if args.json:
        print_json(d.to_json())
    else:
        print(f"decision {d.id}: joined the networks of items {d.items_a[0]} and {d.items_b[0]}")
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    from workstation.networks import decisions

    with open_case(args) as case:
        found = decisions(case, include_revoked=args.all)
    if args.json:
        print_json({"decisions": [d.to_json() for d in found]})
        return 0
    for d in found:
        state = f" (revoked {d.revoked_at})" if d.revoked_at else ""
        print(f"{d.id} {d.action} {list(d.items_a)} | {list(d.items_b)} by {d.analyst} at {d.decided_at}{state}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from workstation.networks import revoke_decision

    with open_case(args) as case:
        d = revoke_decision(case, args.decision)
    if args.json:
        print_json(d.to_json())
    else:
        print(f"decision {d.id} revoked")
    return 0
