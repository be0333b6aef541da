# ruff: noqa: E501 - locale tables and SQL fixtures read best one record per line
"""Chat export generator for tests and the accuracy benchmark: WhatsApp exports as the apps write them.

Formats follow what Android and iOS WhatsApp write per app language (date order and separators,
12-hour clock with U+202F in en-US, iOS brackets and U+200E marks, localised system lines and
attachment labels). A *script* is a list of :class:`Msg` with the true UTC time; the writer turns
it into local wall-clock lines in a zone, so a parser's UTC times can be checked exactly.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo  # noqa: F401 - used by benchmarks/chat_import.py

NNBSP = "\u202f"
LRM = "\u200e"


@dataclass(frozen=True)
class Msg:
    sender: str | None  # None: a system line without sender (Android)
    utc: datetime
    text: str = ""
    attachment: str | None = None  # a media file name (sent with the zip)
    event: str | None = None  # None (someone's words), encryption, media_omitted, deleted


@dataclass(frozen=True)
class Locale:
    code: str
    android_date: str  # strftime-like with {d} {m} {y} {Y} {dd} {mm}
    ios_date: str
    twelve_hour: bool
    android_sep: str  # between date and time
    ios_sep: str
    omitted_android: str
    omitted_ios: str
    deleted: str
    encryption: str
    attached_android: str
    attached_ios: str


LOCALES: dict[str, Locale] = {
    "en-US": Locale(
        "en-US",
        "{m}/{d}/{y}",
        "{m}/{d}/{y}",
        True,
        ", ",
        ", ",
        "<Media omitted>",
        "image omitted",
        "This message was deleted",
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
        "file attached",
        "attached",
    ),
    "en-GB": Locale(
        "en-GB",
        "{dd}/{mm}/{Y}",
        "{dd}/{mm}/{Y}",
        False,
        ", ",
        ", ",
        "<Media omitted>",
        "image omitted",
        "This message was deleted",
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
        "file attached",
        "attached",
    ),
    "nl": Locale(
        "nl",
        "{dd}-{mm}-{Y}",
        "{dd}-{mm}-{Y}",
        False,
        " ",
        " ",
        "<Media weggelaten>",
        "afbeelding weggelaten",
        "Dit bericht is verwijderd",
        "Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat, zelfs WhatsApp niet, kan ze lezen of beluisteren.",
        "bestand bijgevoegd",
        "bijgevoegd",
    ),
    "de": Locale(
        "de",
        "{dd}.{mm}.{y2}",
        "{dd}.{mm}.{y2}",
        False,
        ", ",
        ", ",
        "<Medien ausgeschlossen>",
        "Bild weggelassen",
        "Diese Nachricht wurde gelöscht.",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
        "Datei angehängt",
        "Anhang",
    ),
    "fr": Locale(
        "fr",
        "{dd}/{mm}/{Y}",
        "{dd}/{mm}/{Y}",
        False,
        " ",
        " ",
        "<Médias omis>",
        "image absente",
        "Ce message a été supprimé",
        "Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter.",
        "fichier joint",
        "pièce jointe",
    ),
    "es": Locale(
        "es",
        "{dd}/{mm}/{y2}",
        "{dd}/{mm}/{y2}",
        False,
        ", ",
        ", ",
        "<Multimedia omitido>",
        "imagen omitida",
        "Se eliminó este mensaje.",
        "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
        "archivo adjunto",
        "adjunto",
    ),
    "it": Locale(
        "it",
        "{dd}/{mm}/{y2}",
        "{dd}/{mm}/{y2}",
        False,
        ", ",
        ", ",
        "<Media omessi>",
        "immagine omessa",
        "Questo messaggio è stato eliminato",
        "I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
        "file allegato",
        "allegato",
    ),
    "pl": Locale(
        "pl",
        "{dd}.{mm}.{Y}",
        "{dd}.{mm}.{Y}",
        False,
        ", ",
        ", ",
        "<Pominięto multimedia>",
        "pominięto obraz",
        "Ta wiadomość została usunięta",
        "Wiadomości i połączenia są szyfrowane end-to-end. Nikt spoza tego czatu, nawet WhatsApp, nie może ich odczytać ani odsłuchać.",
        "załączono plik",
        "załącznik",
    ),
    "ro": Locale(
        "ro",
        "{dd}.{mm}.{Y}",
        "{dd}.{mm}.{Y}",
        False,
        ", ",
        ", ",
        "<Media omise>",
        "imagine omisă",
        "Acest mesaj a fost șters",
        "Mesajele și apelurile sunt criptate integral. Nimeni din afara acestui chat, nici chiar WhatsApp, nu le poate citi sau asculta.",
        "fișier atașat",
        "atașat",
    ),
    "ru": Locale(
        "ru",
        "{dd}.{mm}.{Y}",
        "{dd}.{mm}.{Y}",
        False,
        ", ",
        ", ",
        "<Без медиафайлов>",
        "изображение отсутствует",
        "Данное сообщение удалено",
        "Сообщения и звонки защищены сквозным шифрованием. Никто вне этого чата, даже WhatsApp, не может прочитать или прослушать их.",
        "файл добавлен",
        "прикреплено",
    ),
    "uk": Locale(
        "uk",
        "{dd}.{mm}.{y2}",
        "{dd}.{mm}.{y2}",
        False,
        ", ",
        ", ",
        "<Медіа пропущено>",
        "зображення пропущено",
        "Це повідомлення видалено",
        "Повідомлення та дзвінки захищені наскрізним шифруванням. Ніхто поза цим чатом, навіть WhatsApp, не може їх прочитати чи прослухати.",
        "файл додано",
        "додано",
    ),
}


def _date(fmt: str, t: datetime) -> str:
    return fmt.format(
        d=t.day,
        m=t.month,
        dd=f"{t.day:02d}",
        mm=f"{t.month:02d}",
        y=f"{t.year % 100}",
        y2=f"{t.year % 100:02d}",
        Y=f"{t.year}",
    )


def _time(loc: Locale, t: datetime, seconds: bool) -> str:
    if loc.twelve_hour:
        hour = t.hour % 12 or 12
        base = f"{hour}:{t.minute:02d}" + (f":{t.second:02d}" if seconds else "")
        return base + NNBSP + ("PM" if t.hour >= 12 else "AM")
    return f"{t.hour:02d}:{t.minute:02d}" + (f":{t.second:02d}" if seconds else "")


def render(script: list[Msg], locale: str, platform: str, zone: str, title: str = "Chat") -> str:
    """The export text of ``script`` as WhatsApp on ``platform`` (android/ios) in ``locale`` writes it."""
    loc = LOCALES[locale]
    tz = ZoneInfo(zone)
    out = []
    for msg in script:
        local = msg.utc.astimezone(tz).replace(tzinfo=None)
        if platform == "android":
            stamp = f"{_date(loc.android_date, local)}{loc.android_sep}{_time(loc, local, False)} - "
        else:
            stamp = f"[{_date(loc.ios_date, local)}{loc.ios_sep}{_time(loc, local, True)}] "
        if msg.event == "encryption":
            body = loc.encryption if platform == "android" else f"{title}: {LRM}{loc.encryption}"
        elif msg.event == "media_omitted":
            body = f"{msg.sender}: " + (loc.omitted_android if platform == "android" else f"{LRM}{loc.omitted_ios}")
        elif msg.event == "deleted":
            body = f"{msg.sender}: " + (loc.deleted if platform == "android" else f"{LRM}{loc.deleted}")
        elif msg.attachment:
            if platform == "android":
                body = f"{msg.sender}: {msg.attachment} ({loc.attached_android})" + (
                    f"\n{msg.text}" if msg.text else ""
                )
            else:
                body = f"{msg.sender}: {LRM}<{loc.attached_ios}: {msg.attachment}>"
        elif msg.sender is None:
            body = msg.text
        else:
            body = f"{msg.sender}: {msg.text}"
        prefix = LRM if platform == "ios" and (msg.attachment or msg.event) else ""
        out.append(prefix + stamp + body)
    return "\n".join(out) + "\n"


def export_zip(script: list[Msg], locale: str, platform: str, zone: str, media: dict[str, bytes]) -> bytes:
    """The ``.zip`` export: chat text plus the media files the script names."""
    buf = io.BytesIO()
    name = "_chat.txt" if platform == "ios" else "WhatsApp Chat with Maria.txt"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, render(script, locale, platform, zone))
        for msg in script:
            if msg.attachment:
                zf.writestr(msg.attachment, media[msg.attachment])
    return buf.getvalue()


def expected_text(msg: Msg, locale: str, platform: str) -> str | None:
    """What the parser should report as the message's text (None: not checked for system lines)."""
    loc = LOCALES[locale]
    if msg.event:
        return None
    if msg.attachment:
        if platform == "android":
            return f"{msg.attachment} ({loc.attached_android})" + (f"\n{msg.text}" if msg.text else "")
        return None
    return msg.text


def _t(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def main_script() -> list[Msg]:
    """A hand-written chat: recruitment talk, multi-line, attachments, system lines, DST changes
    of Europe/Amsterdam (31 Mar and 27 Oct 2024), days after the 12th, midnight and noon."""
    photo = "IMG-20240105-WA0001.jpg"
    return [
        Msg(None, _t("2024-01-05T08:00:00"), event="encryption"),
        Msg("Maria", _t("2024-01-05T08:01:00"), "Hi! I saw your ad for the job in Amsterdam"),
        Msg(
            "+31 6 12345678",
            _t("2024-01-05T08:03:00"),
            "Yes, hotel work, 2000 euro a month.\nFree housing.\nCall me: +31 6 12345678",
        ),
        Msg("Maria", _t("2024-01-05T08:04:00"), attachment=photo),
        Msg("+31 6 12345678", _t("2024-01-05T08:05:00"), event="media_omitted"),
        Msg("Maria", _t("2024-01-05T11:59:00"), "Is it legal? time: 12:00 tomorrow?"),
        Msg("+31 6 12345678", _t("2024-01-05T12:00:00"), "Don't worry. Bring your passport 🙂"),
        Msg("Maria", _t("2024-01-05T23:00:00"), "ok"),
        Msg("+31 6 12345678", _t("2024-01-13T23:30:00"), event="deleted"),
        Msg("Maria", _t("2024-03-31T00:59:00"), "before the clocks go forward"),
        Msg("Maria", _t("2024-03-31T01:01:00"), "after the clocks went forward"),
        Msg("+31 6 12345678", _t("2024-07-21T14:15:00"), "Привіт! Робота в Польщі, 15 zł/h"),
        Msg("Maria", _t("2024-10-27T00:30:00"), "first 02:30 (summer time)"),
        Msg("Maria", _t("2024-10-27T01:10:00"), "second 02:10 (winter time)"),
        Msg("+31 6 12345678", _t("2024-12-31T22:59:00"), "Happy new year\n\nsee you 1/1"),
    ]


def held_out_script(seed: int = 20261203, n: int = 60) -> list[Msg]:
    """A random chat never used for tuning: random senders, times (any day, any hour), texts."""
    rng = random.Random(seed)
    senders = ["Olena", "Ion Popescu", "王芳", "Karim", "+40 721 000 111", "Ania K."]
    words = ["work", "visa", "pay", "праця", "muncă", "praca", "room", "ok", "tomorrow", "cash", "🙂", "€500"]
    t = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 500_000))
    out: list[Msg] = []
    for k in range(n):
        t += timedelta(minutes=rng.randrange(1, 20_000))
        sender = rng.choice(senders)
        roll = rng.random()
        if roll < 0.08:
            out.append(Msg(sender, t, attachment=f"IMG-{t:%Y%m%d}-WA{k:04d}.jpg"))
        elif roll < 0.12:
            out.append(Msg(sender, t, event="media_omitted"))
        elif roll < 0.15:
            out.append(Msg(sender, t, event="deleted"))
        else:
            lines = [
                " ".join(rng.choice(words) for _ in range(rng.randrange(1, 8)))
                for _ in range(rng.choice([1, 1, 1, 2, 3]))
            ]
            out.append(Msg(sender, t, "\n".join(lines)))
    return out


def jpeg(seed: int) -> bytes:
    """A small real JPEG (distinct per seed) for attachments."""
    from PIL import Image

    rng = random.Random(seed)
    img = Image.new("RGB", (64, 48), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    for x in range(0, 64, 8):
        for y in range(0, 48, 8):
            img.putpixel((x, y), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def media_for(script: list[Msg]) -> dict[str, bytes]:
    return {m.attachment: jpeg(n) for n, m in enumerate(script) if m.attachment}


def score(
    script: list[Msg], locale: str, platform: str, records: list[dict], names: dict[int, str], *, media: bool
) -> list[str]:
    """Every difference between the script and what was imported (empty: all right).

    ``records`` are ``messages --json`` rows; ``names`` maps attachment item ids to file names.
    Checked per message: sender, UTC time, text, system flag and the attachment.
    """
    wrong: list[str] = []
    if len(records) != len(script):
        return [f"{len(records)} messages imported, {len(script)} in the script"]
    for n, (want, got) in enumerate(zip(script, records, strict=True), 1):
        sender = None if want.event == "encryption" else want.sender
        if want.event == "encryption" and platform == "ios":
            sender = got["sender"]  # iOS names the chat as the sender of its notice; not checked
        if got["sender"] != sender:
            wrong.append(f"#{n} sender {got['sender']!r} != {sender!r}")
        utc = want.utc.strftime("%Y-%m-%dT%H:%M:") + ("00" if platform == "android" else f"{want.utc.second:02d}")
        if got["sent_at"] != utc + "Z":
            wrong.append(f"#{n} time {got['sent_at']} != {utc}Z")
        if got["system"] != bool(want.event):
            wrong.append(f"#{n} system {got['system']} != {bool(want.event)}")
        text = expected_text(want, locale, platform)
        if text is not None and got["text"] != text:
            wrong.append(f"#{n} text {got['text']!r} != {text!r}")
        files = [names.get(i) for i in got["attachments"]]
        if media and files != ([want.attachment] if want.attachment else []):
            wrong.append(f"#{n} attachments {files} != {want.attachment}")
    return wrong
