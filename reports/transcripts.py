"""Chat transcripts: the messages an analyst made an exhibit (a chat excerpt), as the report prints them.

Each transcript names the exhibit (the conversation), the export's provenance (where it came
from, its SHA-256, the importer, the zone its local times were read in) and lists every message
with its time in UTC and in the case's zone, the sender, the text and the SHA-256 of the message
as stored (its lines in the export, or its database record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workstation.case import Case

TEXT_LIMIT = 4000  # characters of one message printed (the rest: "see the case file")


@dataclass(frozen=True)
class TranscriptMessage:
    seq: int
    item_id: int
    sender: str
    sent_at_utc: str
    sent_at_case: str
    local_as_written: str
    text: str
    sha256: str
    system: bool
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class Transcript:
    exhibit_number: int
    conversation_id: int
    title: str
    platform: str
    source_path: str
    sha256: str
    importer: str
    source_format: str
    zone_assumed: str
    case_zone: str
    added_at: str
    added_by: str
    messages: tuple[TranscriptMessage, ...]


def _in_zone(iso: str | None, zone: ZoneInfo) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(zone)
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"


def gather(case: Case, numbers: dict[int, int], mask: Callable[[str], str]) -> tuple[Transcript, ...]:
    """Transcripts of the chat excerpts whose conversation is an exhibit in this report.

    Args:
        numbers: conversation item id -> exhibit number, for the exhibits in this report.
        mask: the report's selector masking, applied to senders and texts.
    """
    from workstation.conversations import attachments_of, conversation, list_excerpts, messages_by_id

    case_zone_name = case.meta.get("timezone") or "UTC"
    try:
        zone = ZoneInfo(case_zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone, case_zone_name = ZoneInfo("UTC"), "UTC"
    out = []
    for excerpt in list_excerpts(case):
        number = numbers.get(excerpt.conversation_id)
        if number is None:
            continue
        chat = conversation(case, excerpt.conversation_id)
        item: dict[str, Any] = case.item(excerpt.conversation_id)
        messages = messages_by_id(case, excerpt.message_ids)
        names: dict[int, list[str]] = {}
        for att in attachments_of(case, [m.id for m in messages]):
            names.setdefault(att.message_id, []).append(f"#{att.id} {att.original_name or att.kind}")
        rows = []
        for m in messages:
            written = f"{m.local_time} ({m.zone})" if m.local_time and m.zone else (m.local_time or "")
            if m.time_note:
                written += f" [{m.time_note} local time]"
            text = m.text if len(m.text) <= TEXT_LIMIT else m.text[:TEXT_LIMIT] + " … [see the case file]"
            rows.append(
                TranscriptMessage(
                    seq=m.seq,
                    item_id=m.id,
                    sender=mask(m.sender or "(system)"),
                    sent_at_utc=(m.sent_at or "").replace("T", " ").replace("Z", " UTC"),
                    sent_at_case=_in_zone(m.sent_at, zone),
                    local_as_written=written,
                    text=mask(text),
                    sha256=m.sha256,
                    system=m.system,
                    attachments=tuple(names.get(m.id, ())),
                )
            )
        out.append(
            Transcript(
                exhibit_number=number,
                conversation_id=excerpt.conversation_id,
                title=mask(chat.title or ""),
                platform=chat.platform,
                source_path=chat.source_path or "",
                sha256=chat.sha256,
                importer=str(item.get("importer") or ""),
                source_format=chat.source_format or "",
                zone_assumed=chat.zone or "none: the source records UTC",
                case_zone=case_zone_name,
                added_at=excerpt.created_at,
                added_by=excerpt.analyst,
                messages=tuple(rows),
            )
        )
    return tuple(out)


def story(transcripts: tuple[Transcript, ...]) -> list[Any]:
    """The report's "Chat transcripts" section (reportlab flowables)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer

    from reports.layout import FRAME_WIDTH, Heading, grid, kv_table, para

    flow: list[Any] = [PageBreak(), Heading("Chat transcripts", "h1", "transcripts", 0, toc=True)]
    if not transcripts:
        flow.append(para("No chat excerpt was made an exhibit.", "body"))
        return flow
    flow.append(
        para(
            "Messages the analyst selected from a conversation, in the order of the chat. Times are given "
            "in UTC and in the case's time zone; “as written” is the time the export shows, with the zone it "
            "was read in (exports record local times without a zone). Each message's SHA-256 is that of "
            "the message as stored in the case (its lines in the export, or its database record).",
            "muted",
        )
    )
    for t in transcripts:
        platform = {"whatsapp": "WhatsApp", "telegram": "Telegram"}.get(t.platform, t.platform)
        flow.append(
            Heading(
                f"Exhibit {t.exhibit_number} — {platform} chat “{t.title}”",
                "h2",
                f"transcript-{t.exhibit_number}-{t.conversation_id}",
                1,
                toc=False,
            )
        )
        flow.append(
            kv_table(
                [
                    ("Source", t.source_path, "mono"),
                    ("SHA-256 of the export", t.sha256, "mono"),
                    ("Read by", f"{t.importer} ({t.source_format})", "body"),
                    ("Local times read in", t.zone_assumed, "body"),
                    ("Case time zone", t.case_zone, "body"),
                    ("Excerpt made", f"{t.added_at} by {t.added_by}", "body"),
                ]
            )
        )
        flow.append(Spacer(1, 4))
        flow.append(
            grid(
                ["#", "Time (UTC / case zone / as written)", "Sender", "Message", "SHA-256 of the message"],
                (
                    [
                        (str(m.seq), "small"),
                        (f"{m.sent_at_utc}\n{m.sent_at_case}\n{m.local_as_written}", "small"),
                        (m.sender, "small"),
                        (
                            ("[system] " if m.system else "")
                            + m.text
                            + (f"\nAttachments: {', '.join(m.attachments)}" if m.attachments else ""),
                            "body",
                        ),
                        (m.sha256, "mono-small"),
                    ]
                    for m in t.messages
                ),
                [8 * mm, 42 * mm, 26 * mm, FRAME_WIDTH - 8 * mm - 42 * mm - 26 * mm - 34 * mm, 34 * mm],
            )
        )
    return flow
