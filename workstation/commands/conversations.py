"""Conversation commands: conversations, messages, excerpt (chat excerpt as an exhibit)."""

from __future__ import annotations

import argparse

from workstation.commands._common import add_case_argument, add_json_flag, open_case, parse_ids, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("conversations", help="chats imported from WhatsApp/Telegram exports and phone databases")
    add_case_argument(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_conversations)

    p = subparsers.add_parser("messages", help="the messages of one conversation, in chat order")
    add_case_argument(p)
    p.add_argument("conversation_id", type=int, metavar="CONVERSATION_ID", help="id from `workstation conversations`")
    p.add_argument("--offset", type=int, default=0, help="skip this many messages")
    p.add_argument("--limit", type=int, default=None, help="at most this many messages")
    add_json_flag(p)
    p.set_defaults(func=cmd_messages)

    p = subparsers.add_parser("excerpt", help="add messages of one conversation as an exhibit (a chat transcript)")
    add_case_argument(p)
    p.add_argument("message_ids", metavar="IDS", help="message item ids, comma-separated (e.g. 12,13,14)")
    p.add_argument("--title", default=None, help="a title for the transcript in the report")
    add_json_flag(p)
    p.set_defaults(func=cmd_excerpt)


def cmd_conversations(args: argparse.Namespace) -> int:
    from workstation.conversations import list_conversations

    with open_case(args) as case:
        records = list_conversations(case)
    if args.json:
        print_json({"conversations": [r.to_json() for r in records]})
        return 0
    if not records:
        print("no conversations in this case")
    for r in records:
        who = ", ".join(r.participants[:4]) + (" …" if len(r.participants) > 4 else "")
        print(
            f"#{r.id:<6} {r.platform:<9} {r.messages:>7} msg  {r.first or '-'} .. {r.last or '-'}  "
            f"{r.title or ''}  [{who}]"
        )
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    from workstation.conversations import list_messages

    with open_case(args) as case:
        records = list_messages(case, args.conversation_id, offset=args.offset, limit=args.limit)
    if args.json:
        print_json({"messages": [r.to_json() for r in records]})
        return 0
    for r in records:
        who = r.sender or "(system)"
        mark = " [system]" if r.system else ""
        files = f"  +{len(r.attachments)} attachment(s)" if r.attachments else ""
        print(f"#{r.id:<7} {r.sent_at or '?':<20} {who}{mark}: {r.text}{files}")
    return 0


def cmd_excerpt(args: argparse.Namespace) -> int:
    from workstation.conversations import add_excerpt

    with open_case(args) as case:
        excerpt = add_excerpt(case, parse_ids(args.message_ids), title=args.title)
    data = {
        "excerpt": excerpt.id,
        "conversation": excerpt.conversation_id,
        "exhibit": excerpt.exhibit_number,
        "messages": list(excerpt.message_ids),
    }
    if args.json:
        print_json(data)
    else:
        print(
            f"excerpt {excerpt.id}: {len(excerpt.message_ids)} message(s) of conversation "
            f"#{excerpt.conversation_id}, exhibit {excerpt.exhibit_number}"
        )
    return 0
