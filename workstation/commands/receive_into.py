"""`workstation receive BUNDLE --into CASE`: merge a received bundle into an existing case
(the option lives on the receive command in transfer.py; the work in workstation/transfer/merge.py)."""

from __future__ import annotations

import argparse
import sys

from workstation.commands._common import console_progress, open_case, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """No command of its own: --into is an option of `receive`."""


def cmd_receive_into(args: argparse.Namespace) -> int:
    from workstation import identity as ident
    from workstation.commands.transfer import _bundle_passphrase
    from workstation.transfer.container import bundle_mode
    from workstation.transfer.merge import merge_bundle

    mode = bundle_mode(args.bundle)
    contacts = ident.Contacts()
    try:
        own, _ = ident.load_public()
    except ident.IdentityError:
        if mode == "recipients":
            raise
        own = None
    identity = ident.unlock(ident.key_passphrase()) if mode == "recipients" else None
    passphrase_file = args.bundle_passphrase_file

    def bundle_passphrase() -> str:
        return _bundle_passphrase(passphrase_file, confirm=False)

    args.case = args.into
    with open_case(args) as case:
        bar = console_progress("receive")
        try:
            summary = merge_bundle(
                args.bundle,
                case,
                identity=identity,
                bundle_passphrase=bundle_passphrase,
                contacts=contacts,
                own=own,
                accept_unknown_sender=args.accept_unknown_sender,
                progress=bar.progress,
            )
        finally:
            bar.finish()
    if not summary["sender"]["verified"]:
        print(
            "workstation receive: warning: the sender is NOT in your contacts (fingerprint "
            f"{summary['sender']['fingerprint']}); the merge is flagged as from an unverified sender",
            file=sys.stderr,
        )
    if args.json:
        print_json(summary)
        return 0
    if summary["already_merged"]:
        print(f"this bundle was merged into {summary['case']} before (merge {summary['merge_id']}); nothing changed")
        return 0
    print(
        f"merged into {summary['case']}: {summary['new']} new item(s), {summary['deduplicated']} already here "
        f"(same SHA-256); sender's custody chain kept ({summary['custody']['entries']} entries, "
        f"{'verified' if summary['custody']['verified'] else 'NOT verified'})"
    )
    for c in summary["conflicts"]:
        print(
            f"  conflict: item {c['item']} {c['kind']} {c.get('indicator', '')}: ours {c['ours']}, theirs {c['theirs']}"
        )
    return 0
