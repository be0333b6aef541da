"""Transfer commands: keys, contacts, export (signed, encrypted bundle) and receive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workstation.commands._common import (
    add_case_argument,
    add_json_flag,
    add_passphrase_file,
    console_progress,
    open_case,
    parse_ids,
    print_json,
    read_passphrase,
    secret_from,
)
from workstation.commands._groups import group
from workstation.errors import UsageError

BUNDLE_PASSPHRASE_ENV = "WORKSTATION_BUNDLE_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    keys = group(subparsers, "keys", "your identity: encryption and signing keys")
    p = keys.add_parser("new", help="create your key pairs (age X25519 + Ed25519)")
    p.add_argument("--label", default="", help="your name and agency, shown to partners")
    p.add_argument("--force", action="store_true", help="replace an existing identity")
    add_json_flag(p)
    p.set_defaults(func=cmd_keys_new)
    p = keys.add_parser("show", help="your public keys and fingerprint")
    p.add_argument("--export", action="store_true", help="one line for a partner's 'contacts add'")
    add_json_flag(p)
    p.set_defaults(func=cmd_keys_show)

    contacts = group(subparsers, "contacts", "partners you exchange bundles with")
    p = contacts.add_parser("add", help="add a partner from their 'keys show --export' line")
    p.add_argument("name", help="the name you know them by")
    p.add_argument("line", help="their identity line (wsid1:…)")
    add_json_flag(p)
    p.set_defaults(func=cmd_contacts_add)
    p = contacts.add_parser("list", help="your contacts and their fingerprints")
    add_json_flag(p)
    p.set_defaults(func=cmd_contacts_list)
    p = contacts.add_parser("remove", help="forget a contact")
    p.add_argument("name")
    add_json_flag(p)
    p.set_defaults(func=cmd_contacts_remove)

    p = subparsers.add_parser("export", help="write a signed, encrypted bundle of the case for partner agencies")
    add_case_argument(p)
    p.add_argument(
        "--to",
        nargs="+",
        action="extend",
        default=[],
        metavar="RECIPIENT",
        help="contact names or age1… public keys (several allowed)",
    )
    p.add_argument("--exhibits", help="item ids to send (with their children and provenance)")
    p.add_argument(
        "--passphrase-mode",
        action="store_true",
        help=f"encrypt with a passphrase instead (${BUNDLE_PASSPHRASE_ENV}, file, or prompt)",
    )
    p.add_argument("--bundle-passphrase-file", type=Path, help="passphrase for --passphrase-mode")
    p.add_argument("--out", required=True, type=Path, help="the bundle file (.wsbundle)")
    add_json_flag(p)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("receive", help="check a bundle and make a new case from it (or merge it: --into)")
    p.add_argument("bundle", type=Path, help="the .wsbundle file")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="the new case file")
    target.add_argument("--into", type=Path, help="merge into this existing case (items deduplicated by SHA-256)")
    add_passphrase_file(p)
    p.add_argument("--bundle-passphrase-file", type=Path, help="for passphrase-mode bundles")
    p.add_argument(
        "--accept-unknown-sender",
        action="store_true",
        help="receive from a key not in your contacts (the case is flagged)",
    )
    p.add_argument(
        "--accept-forwarded",
        metavar="NAME",
        default=None,
        help="receive a bundle signed for other recipients, forwarded to you by NAME (recorded in custody)",
    )
    p.add_argument("--analyst", default=None, help="your name, written into the audit log")
    add_json_flag(p)
    p.set_defaults(func=cmd_receive)


# -- keys and contacts -------------------------------------------------------------------------
def cmd_keys_new(args: argparse.Namespace) -> int:
    from workstation import identity as ident

    passphrase = ident.key_passphrase(confirm=True)
    public = ident.create_identity(passphrase, label=args.label, force=args.force)
    data = {"home": str(ident.home()), "label": args.label, **public.to_json(), "line": public.export_line()}
    if args.json:
        print_json(data)
    else:
        print(f"created your identity in {data['home']}")
        print(f"fingerprint: {public.fingerprint}")
        print("give partners this line (workstation keys show --export):")
        print(public.export_line())
    return 0


def cmd_keys_show(args: argparse.Namespace) -> int:
    from workstation import identity as ident

    public, record = ident.load_public()
    if args.export:
        print(public.export_line())
        return 0
    data = {
        "label": record.get("label", ""),
        "created_at": record.get("created_at"),
        **public.to_json(),
        "line": public.export_line(),
    }
    if args.json:
        print_json(data)
    else:
        print(f"label:        {data['label']}")
        print(f"fingerprint:  {public.fingerprint}   (read this out over the phone)")
        print(f"encryption:   {public.age_recipient}")
        print(f"signing:      ed25519:{public.sign_key_b64}")
    return 0


def cmd_contacts_add(args: argparse.Namespace) -> int:
    from workstation.identity import Contacts

    contact = Contacts().add(args.name, args.line)
    if args.json:
        print_json(contact.to_json())
    else:
        print(f"added {contact.name}, fingerprint {contact.identity.fingerprint}")
        print("confirm this fingerprint with them by phone before you trust their bundles")
    return 0


def cmd_contacts_list(args: argparse.Namespace) -> int:
    from workstation.identity import Contacts

    contacts = list(Contacts())
    if args.json:
        print_json({"contacts": [c.to_json() for c in contacts]})
    else:
        for c in contacts:
            print(f"{c.name:<24} {c.identity.fingerprint}  added {c.added_at}")
        if not contacts:
            print("no contacts yet: add one with 'workstation contacts add NAME LINE'")
    return 0


def cmd_contacts_remove(args: argparse.Namespace) -> int:
    from workstation.identity import Contacts

    contact = Contacts().remove(args.name)
    if args.json:
        print_json({"removed": contact.to_json()})
    else:
        print(f"removed {contact.name} ({contact.identity.fingerprint})")
    return 0


# -- export and receive ------------------------------------------------------------------------
def _bundle_passphrase(file: Path | None, *, confirm: bool) -> str:
    return secret_from(
        file,
        BUNDLE_PASSPHRASE_ENV,
        "--bundle-passphrase-file",
        what="bundle passphrase",
        prompt="Bundle passphrase: ",
        confirm=confirm,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from workstation import identity as ident
    from workstation.errors import Cancelled
    from workstation.transfer.export import export_bundle

    if args.passphrase_mode and args.to:
        raise UsageError("use either --to or --passphrase-mode, not both")
    if not args.passphrase_mode and not args.to:
        raise UsageError("name the recipients with --to (contact names or age1… keys)")
    if args.out.exists():
        raise UsageError("a file with this name already exists; choose another name", args.out)
    recipients = None if args.passphrase_mode else ident.resolve_recipients(args.to, ident.Contacts())
    item_ids = parse_ids(args.exhibits) if args.exhibits is not None else None
    ident.load_public()  # a clear "no identity yet" before any passphrase is asked
    with open_case(args) as case:
        identity = ident.unlock(ident.key_passphrase())
        passphrase = _bundle_passphrase(args.bundle_passphrase_file, confirm=True) if args.passphrase_mode else None
        bar = console_progress("export")
        try:
            summary = export_bundle(
                case,
                args.out,
                identity=identity,
                recipients=recipients,
                passphrase=passphrase,
                item_ids=item_ids,
                progress=bar.progress,
            )
        except Cancelled:
            bar.finish()
            print("export cancelled; no bundle was written", file=sys.stderr)
            return 130
        bar.finish()
    if args.json:
        print_json(summary)
    else:
        to = ", ".join(r["label"] for r in summary["recipients"]) or "passphrase holders"
        print(
            f"wrote {summary['bundle']}: {summary['items']} item(s), {summary['blobs']} original(s), "
            f"{summary['bundle_size']} bytes, for {to}"
        )
        print(f"bundle SHA-256: {summary['bundle_sha256']}")
        print(f"signed by you, fingerprint {summary['sender_fingerprint']}")
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from workstation import identity as ident
    from workstation.case import default_analyst
    from workstation.transfer.container import bundle_mode
    from workstation.transfer.receive import receive_bundle

    if getattr(args, "into", None) is not None:
        from workstation.commands.receive_into import cmd_receive_into

        return cmd_receive_into(args)
    if args.out.exists():
        raise UsageError("a file with this name already exists; choose another name", args.out)
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

    case_passphrase = read_passphrase(args, confirm=True, prompt="Passphrase for the new case: ")
    bar = console_progress("receive")
    try:
        summary = receive_bundle(
            args.bundle,
            args.out,
            case_passphrase=case_passphrase,
            identity=identity,
            bundle_passphrase=bundle_passphrase,
            contacts=contacts,
            own=own,
            accept_unknown_sender=args.accept_unknown_sender,
            accept_forwarded=args.accept_forwarded,
            analyst=args.analyst or default_analyst(),
            progress=bar.progress,
        )
    finally:
        bar.finish()
    if summary["flagged"]:
        print(
            "workstation receive: warning: the sender is NOT in your contacts (fingerprint "
            f"{summary['sender']['fingerprint']}); the case is flagged as from an unverified sender",
            file=sys.stderr,
        )
    if args.json:
        print_json(summary)
    else:
        who = summary["sender"]["contact"] or "an UNKNOWN sender"
        print(
            f"received {summary['items']} item(s), {summary['blobs']} original(s) from {who} "
            f"(fingerprint {summary['sender']['fingerprint']}) into {summary['case']}"
        )
        print("signature, hashes and audit chain verified")
        if summary.get("forwarded"):
            print(f"forwarded to you by {summary['forwarded']['by']} (not addressed to your key); recorded in custody")
    return 0
