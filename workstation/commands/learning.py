"""`workstation learn`: train on the analyst's decisions and propose similar sentences (issue 15)."""

from __future__ import annotations

import argparse

from workstation.commands._common import add_case_argument, add_json_flag, open_case, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from workstation.learning import THRESHOLD

    p = subparsers.add_parser(
        "learn",
        help="learn from confirmed/rejected suggestions and propose similar sentences in the case",
        description="Train a per-case model (character n-grams) on the indicators the analyst confirmed "
        "or rejected, and add its proposals as suggestions marked 'learned from your decisions'. "
        "They are never findings until confirmed.",
    )
    add_case_argument(p)
    p.add_argument(
        "--threshold",
        type=float,
        default=THRESHOLD,
        help=f"probability a proposal needs (default {THRESHOLD})",
    )
    add_json_flag(p)
    p.set_defaults(func=cmd_learn)


def cmd_learn(args: argparse.Namespace) -> int:
    from workstation.learning import learn_and_propose

    with open_case(args) as case:
        summary = learn_and_propose(case, threshold=args.threshold)
    if args.json:
        print_json(summary.to_json())
    elif not summary.classes:
        print(f"{summary.decisions} decision(s): confirm or reject more suggestions first (need both kinds)")
    else:
        codes = ", ".join(c for c in summary.classes if c != "__none__")
        print(
            f"learned from {summary.decisions} decision(s) ({codes}); {summary.proposed} new suggestion(s) "
            f"on {len(summary.items)} item(s), marked 'learned from your decisions'"
        )
    return 0
