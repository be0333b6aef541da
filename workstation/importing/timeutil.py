"""Capture times: stored as ISO 8601 UTC ("...Z") plus the original offset ("+02:00")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime


def split_utc(dt: datetime) -> tuple[str, str] | None:
    """An aware datetime as (UTC ISO string with Z, original offset like '+02:00')."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        return None
    offset = dt.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    tz = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    utc = dt.astimezone(UTC).replace(microsecond=0)
    return utc.isoformat().replace("+00:00", "Z"), tz


def parse_iso(value: str | None) -> tuple[str, str] | None:
    """WARC-Date and other ISO 8601 strings ('2024-01-03T09:00:00Z', with fractions or offset)."""
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if dt.tzinfo is None:
        return None
    return split_utc(dt)


def parse_rfc2822(value: str | None) -> tuple[str, str] | None:
    """An e-mail/HTTP date ('Wed, 3 Jan 2024 10:00:00 +0100'), as MHTML writes it."""
    if not value:
        return None
    try:
        dt = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if dt is None or dt.tzinfo is None:
        return None
    return split_utc(dt)


_EXIF_DT = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_TZ = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def exif_local(value: object) -> datetime | None:
    """An EXIF 'YYYY:MM:DD HH:MM:SS' (camera local time, no zone) as a naive datetime."""
    if not isinstance(value, str):
        return None
    m = _EXIF_DT.match(value.strip())
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in m.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def exif_offset(value: object) -> timezone | None:
    if not isinstance(value, str):
        return None
    m = _EXIF_TZ.match(value.strip())
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3))
    if hours > 14 or minutes >= 60:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m.group(1) == "-" else delta)
