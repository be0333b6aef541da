"""WhatsApp "Export chat" text (Android and iOS, any app language), parsed as a stream.

Android writes ``31/12/2023, 23:59 - Alice: text`` (the date and time formats of the phone's
locale; en-US ``12/31/23, 11:59 PM`` with U+202F before AM/PM); iOS writes
``[31/12/2023, 23:59:59] Alice: text`` and marks attachments and system lines with U+200E
(left-to-right mark). Lines that do not start with a date continue the message before them.

The day/month order is decided from the whole file first (a cheap pass over the line starts), so a
chat whose first days are all before the 13th is not read month-first by mistake.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from workstation.conversations.model import ChatMessage
from workstation.importing.textutil import decode

MARKS = "\u200e\u200f\ufeff\u202a\u202c"
_HEADER = re.compile(
    r"^[\u200e\u200f\ufeff\u202a\u202c]*(?P<br>\[)?"
    r"(?P<d1>\d{1,4})(?P<s1>[./\-])(?P<d2>\d{1,2})(?P=s1)(?P<d3>\d{2,4})\.?,?\s(?:à\s|um\s|a las\s|в\s)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<se>\d{2}))?"
    r"(?:[\s\u202f\u00a0]*(?P<ap>[AaPp]\.?[\s\u202f\u00a0]?[Mm]\.?))?"
    r"(?(br)\][\s\u202f\u00a0]|[\s\u202f\u00a0][-–][\s\u202f\u00a0])"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
# iOS attachment: "<attached: 00000012-PHOTO-2023-12-31-23-59-59.jpg>" (localised label).
_IOS_ATTACHED = re.compile(r"<[^<>:\n]{1,40}:\s?(?P<name>[^<>\n/\\]{1,200}\.[A-Za-z0-9]{1,6})>")
# Android: "IMG-20231231-WA0001.jpg (file attached)" (localised label).
_ANDROID_ATTACHED = re.compile(r"^(?P<name>[^<>\n/\\:\"|?*]{1,200}\.[A-Za-z0-9]{1,6}) \([^()\n]{2,40}\)")
# Android placeholders when exported without media, in angle brackets: "<Media omitted>".
_OMITTED_WORDS = {
    "omitted",
    "omitido",
    "omitida",
    "omessi",
    "omessa",
    "omesso",
    "omis",
    "omise",
    "omisă",
    "weggelaten",
    "ausgeschlossen",
    "weggelassen",
    "absente",
    "absent",
    "pominięto",
    "pominięty",
    "pominięte",
    "отсутствует",
    "пропущено",
    "медиафайлов",
    "пропущений",
}
_DELETED = (
    "this message was deleted",
    "you deleted this message",
    "dit bericht is verwijderd",
    "je hebt dit bericht verwijderd",
    "u hebt dit bericht verwijderd",
    "diese nachricht wurde gelöscht",
    "du hast diese nachricht gelöscht",
    "ce message a été supprimé",
    "vous avez supprimé ce message",
    "se eliminó este mensaje",
    "eliminaste este mensaje",
    "este mensaje fue eliminado",
    "questo messaggio è stato eliminato",
    "hai eliminato questo messaggio",
    "ta wiadomość została usunięta",
    "usunąłeś tę wiadomość",
    "usunięto tę wiadomość",
    "acest mesaj a fost șters",
    "ai șters acest mesaj",
    "данное сообщение удалено",
    "это сообщение удалено",
    "вы удалили это сообщение",
    "це повідомлення видалено",
    "ви видалили це повідомлення",
)
_ENCRYPTION = (
    "end-to-end",
    "ende-zu-ende",
    "de bout en bout",
    "de extremo a extremo",
    "criptate integral",
    "сквозным шифрованием",
    "наскрізним шифруванням",
    "end-to-end-verschlüsselt",
)
_EDITED = re.compile(
    r"\s*<(?:This message was edited|Dit bericht is bewerkt|Diese Nachricht wurde bearbeitet|"
    r"Ce message a été modifié|Se editó este mensaje|Questo messaggio è stato modificato|"
    r"Wiadomość została edytowana|Acest mesaj a fost editat|Сообщение изменено|Повідомлення змінено)>\s*$"
)
_SENDER_BAD = re.compile(r"[\"“”«»]")
MAX_MESSAGE_BYTES = 4 << 20  # one message's text beyond this is cut (the whole file stays stored)


@dataclass
class DateOrder:
    """How the export writes dates, decided from all its line starts."""

    order: str = "dmy"  # dmy, mdy, ymd
    twelve_hour: bool = False
    platform: str = "android"  # android ([...] absent) or ios
    headers: int = 0
    evidence: dict[str, int] = field(default_factory=dict)


def header(line: str) -> re.Match[str] | None:
    if not line or not (line[0].isdigit() or line[0] in "[" + MARKS):
        return None
    return _HEADER.match(line)


def looks_like_chat(text: str) -> bool:
    """At least two of the first lines start like WhatsApp messages (for sniffing)."""
    lines = text.splitlines()[:40]
    hits = 0
    for line in lines:
        m = header(line)
        if m and (": " in m["rest"] or m["br"] is None):
            hits += 1
    return hits >= 2 or (hits == 1 and len(lines) <= 2)


def open_text(fh: BinaryIO) -> tuple[io.TextIOWrapper, dict[str, str]]:
    """The export as text lines, its encoding chosen from the first 64 KiB (BOM, UTF-8, detected)."""
    raw = fh.read(65536)
    if raw.startswith(codecs.BOM_UTF8):
        codec, source = "utf-8-sig", "bom"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec, source = "utf-16", "bom"
    else:
        cut = raw.rfind(b"\n")
        sample = raw[: cut + 1] if cut > 0 and len(raw) == 65536 else raw
        # WhatsApp writes UTF-8: a few damaged bytes do not make the whole export another charset.
        loose = sample.decode("utf-8", "replace")
        bad = loose.count("\ufffd")
        good = sum(1 for ch in loose if ord(ch) > 127) - bad
        if bad == 0 or good >= bad:
            codec, source = "utf-8", "valid-utf-8" if bad == 0 else "mostly-utf-8"
        else:
            _, how = decode(sample)
            codec, source = how.get("charset") or "utf-8", how.get("charset_source", "")
        try:
            codecs.lookup(codec)
        except LookupError:
            codec = "utf-8"
    stream = io.BufferedReader(_Prefixed(raw, fh))
    text = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="")
    return text, {"charset": codec, "charset_source": source}


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def scan_order(lines: Iterator[str]) -> DateOrder:
    """Decide day/month order and 12-hour clock from every message header of the export."""
    result = DateOrder()
    max1 = max2 = 0
    four_first = ios = ampm = 0
    for line in lines:
        m = header(line)
        if m is None:
            continue
        result.headers += 1
        d1, d2 = int(m["d1"]), int(m["d2"])
        if len(m["d1"]) == 4:
            four_first += 1
        max1, max2 = max(max1, d1), max(max2, d2)
        if m["br"]:
            ios += 1
        if m["ap"]:
            ampm += 1
    if four_first and four_first * 2 >= result.headers:
        result.order = "ymd"
    elif max1 > 12:
        result.order = "dmy"
    elif max2 > 12:
        result.order = "mdy"
    else:  # no day past the 12th: the 12-hour clock is the US format, otherwise day first
        result.order = "mdy" if ampm else "dmy"
    result.twelve_hour = ampm > 0
    result.platform = "ios" if ios * 2 > result.headers else "android"
    result.evidence = {"first_field_max": max1, "second_field_max": max2, "am_pm_lines": ampm}
    return result


def _local(m: re.Match[str], order: DateOrder) -> datetime:
    d1, d2, d3 = int(m["d1"]), int(m["d2"]), int(m["d3"])
    if order.order == "ymd":
        year, month, day = d1, d2, d3
    elif order.order == "mdy":
        month, day, year = d1, d2, d3
    else:
        day, month, year = d1, d2, d3
    if year < 100:
        year += 2000
    hour, minute, second = int(m["h"]), int(m["mi"]), int(m["se"] or 0)
    if m["ap"]:
        pm = m["ap"][0] in "Pp"
        hour = hour % 12 + (12 if pm else 0)
    return datetime(year, month, day, hour, minute, second)


def classify(msg: ChatMessage, ios: bool) -> None:
    """Mark system lines (not anyone's words) and find attachment names in the text."""
    text = msg.text
    bare = text.strip(MARKS + " \r\n")
    lowered = bare.lower().rstrip(".!")
    lrm = text.startswith("\u200e")
    edited = _EDITED.search(bare)
    if edited:
        msg.edited = "edited"
        bare = bare[: edited.start()]
        msg.text = text = text[: text.rfind("<")].rstrip()
    if msg.sender is None:
        msg.system = True
        msg.event = "encryption" if any(k in lowered for k in _ENCRYPTION) else "system"
        return
    first_line = bare.split("\n", 1)[0]
    ios_attach = _IOS_ATTACHED.search(first_line)
    if ios_attach:
        msg.attachments.append(ios_attach["name"].strip())
        return
    android_attach = _ANDROID_ATTACHED.match(first_line)
    if android_attach and not ios:
        msg.attachments.append(android_attach["name"].strip())
        return
    words = set(re.split(r"[\s<>]+", lowered))
    if len(bare) <= 45 and words & _OMITTED_WORDS and (lrm or bare.startswith("<") or ios):
        msg.system, msg.event = True, "media_omitted"
        return
    if lowered in _DELETED:
        msg.system, msg.event = True, "deleted"
        return
    if ios and lrm:  # iOS marks its own lines with U+200E: group events, the encryption notice
        msg.system = True
        msg.event = "encryption" if any(k in lowered for k in _ENCRYPTION) else "system"


@dataclass
class Parsed:
    """One message with the lines it came from."""

    raw: str
    message: ChatMessage
    line: int


def parse(lines: Iterator[str], order: DateOrder, warn: list[str]) -> Iterator[Parsed]:
    """Messages in export order; text before the first message is reported in ``warn``."""
    current: list[str] = []
    current_msg: ChatMessage | None = None
    start_line = 0
    size = 0
    cut = False
    ios = order.platform == "ios"

    def finish() -> Parsed | None:
        if current_msg is None:
            return None
        raw = "".join(current)
        body = raw
        m = header(body)
        assert m is not None
        rest = m["rest"].rstrip("\r\n")
        sender: str | None = None
        text = rest
        head, sep, tail = rest.partition(": ")
        if sep and 0 < len(head) <= 80 and not _SENDER_BAD.search(head) and "\n" not in head:
            sender, text = head.strip(MARKS + " "), tail
        current_msg.sender = sender
        current_msg.text = text.replace("\r\n", "\n")
        classify(current_msg, ios)
        if not current_msg.system:
            current_msg.text = current_msg.text.lstrip(MARKS)
        if cut:
            current_msg.extra["text_cut"] = f"message longer than {MAX_MESSAGE_BYTES >> 20} MiB: text cut"
        current_msg.raw = raw.encode("utf-8", "surrogateescape")
        return Parsed(raw=raw, message=current_msg, line=start_line)

    for number, line in enumerate(lines, 1):
        m = header(line)
        if m is not None:
            try:
                local = _local(m, order)
            except ValueError:
                m = None  # 31/02 or 25:00: not a message start, a line of text
        if m is not None:
            done = finish()
            if done is not None:
                yield done
            current, size, cut, start_line = [line], len(line), False, number
            current_msg = ChatMessage(raw=b"", local=local)
            continue
        if current_msg is None:
            if line.strip(MARKS + " \r\n"):
                warn.append(f"line {number}: text before the first message (kept in the stored export)")
            continue
        if size + len(line) > MAX_MESSAGE_BYTES:
            cut = True
            continue
        current.append(line)
        size += len(line)
    done = finish()
    if done is not None:
        yield done


_TITLE_PREFIXES = re.compile(
    r"^(?:WhatsApp Chat with|WhatsApp Chat mit|WhatsApp-chat met|WhatsApp chat met|Discussion WhatsApp avec|"
    r"Chat de WhatsApp con|Chat WhatsApp con|Chat di WhatsApp con|Czat WhatsApp z|Conversație WhatsApp cu|"
    r"Чат WhatsApp с|Чат WhatsApp з|WhatsApp Chat -|WhatsApp Chat)\s*",
    re.IGNORECASE,
)


def title_from_name(name: str) -> str:
    """``WhatsApp Chat with Alice.txt`` -> ``Alice`` (any app language); else the name."""
    stem = re.sub(r"\.(txt|zip)$", "", name, flags=re.IGNORECASE)
    title = _TITLE_PREFIXES.sub("", stem).strip(" -_")
    return title or stem
