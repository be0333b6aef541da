"""Local chat times (no zone in the export) to UTC, in a named zone, across DST changes.

WhatsApp and Telegram exports write the phone's or computer's wall-clock time without any zone.
The analyst's case zone (or ``import --timezone``) is assumed; every message records which zone
was assumed and whether its local time was ambiguous (the repeated hour when clocks go back) or
did not exist (the skipped hour when clocks go forward).
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The zone chat importers assume for local times during one import run (set by run_import).
ASSUMED_ZONE: contextvars.ContextVar[str] = contextvars.ContextVar("chat_assumed_zone", default="UTC")


@dataclass(frozen=True)
class Resolved:
    """One local time placed in UTC."""

    utc: datetime  # aware, UTC
    offset: str  # "+02:00"
    note: str | None  # None, "ambiguous" (repeated hour), "nonexistent" (skipped hour)


def offset_text(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class LocalClock:
    """Turns a sequence of naive local times into UTC in one zone.

    In the repeated hour the earlier reading is taken unless that would put a message before the
    one preceding it in the export (chats are written in sending order): then the later reading.
    """

    def __init__(self, zone: str) -> None:
        self.zone_name = zone
        self.zone = ZoneInfo(zone)
        self._last: datetime | None = None

    def resolve(self, local: datetime) -> Resolved:
        first = local.replace(tzinfo=self.zone, fold=0)
        second = local.replace(tzinfo=self.zone, fold=1)
        note = None
        chosen = first
        if first.utcoffset() != second.utcoffset():
            back = first.astimezone(UTC).astimezone(self.zone).replace(tzinfo=None)
            if back != local:
                note = "nonexistent"  # clocks went forward: the offset before the change is used
            else:
                note = "ambiguous"
                if self._last is not None and first.astimezone(UTC) < self._last <= second.astimezone(UTC):
                    chosen = second
        utc = chosen.astimezone(UTC)
        self._last = utc
        return Resolved(utc=utc, offset=offset_text(chosen.utcoffset()), note=note)


def assumed_zone(case: Any, override: str | None) -> str:
    """The zone for local chat times: ``import --timezone`` if given, else the case's zone.

    Raises:
        UsageError: an unknown zone name.
    """
    from workstation.errors import UsageError

    name = override or (case.meta.get("timezone") if case is not None else None) or "UTC"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(f"unknown time zone {name!r}") from exc
    return name
