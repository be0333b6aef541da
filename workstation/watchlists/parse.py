"""Watchlist files: CSV or JSON lists of selectors and image hashes from partners.

CSV: a header naming the columns ``kind`` (or ``type``), ``value`` (or ``selector``), and
optionally ``label``, ``agency`` (or ``source``) and ``platform``. JSON: a list of objects with
the same keys, or ``{"name": ..., "agency": ..., "entries": [...]}`` (a top-level agency is the
default of every entry).

Every value is normalised the way the case's own selectors are (workstation/selectors.py), so a
list's ``0612 345 678`` meets the ``+31612345678`` found in an ad. A malformed line is a clear
error for that line; the rest is imported.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers

from workstation.errors import WorkstationError
from workstation.selectors import canonical_url, registrable_domain

KINDS = ("phone", "email", "handle", "wallet", "iban", "url", "domain", "sha256", "md5", "phash", "pdq")
SELECTOR_KINDS = ("phone", "email", "handle", "wallet", "url")  # stored in the case's selectors table
HASH_KINDS = ("sha256", "md5", "phash", "pdq")
_HEX_LENGTH = {"sha256": 64, "md5": 32, "phash": 16, "pdq": 64}
_ALIASES = {
    "msisdn": "phone",
    "tel": "phone",
    "telephone": "phone",
    "mobile": "phone",
    "number": "phone",
    "e-mail": "email",
    "mail": "email",
    "username": "handle",
    "account": "handle",
    "user": "handle",
    "crypto": "wallet",
    "address": "wallet",
    "btc": "wallet",
    "eth": "wallet",
    "website": "url",
    "link": "url",
    "host": "domain",
    "sha-256": "sha256",
    "md-5": "md5",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
_WALLET = re.compile(r"^(?:0x[0-9a-fA-F]{40}|bc1[0-9a-zA-Z]{8,87}|[13T][1-9A-HJ-NP-Za-km-z]{25,34})$")


class WatchlistError(WorkstationError):
    """The watchlist file cannot be read at all (not one bad line: those are listed)."""


@dataclass(frozen=True)
class Entry:
    kind: str
    value: str
    label: str = ""
    agency: str = ""
    platform: str | None = None


@dataclass
class Watchlist:
    entries: list[Entry]
    format: str
    name: str | None = None
    errors: list[str] = field(default_factory=list)  # "line 4: ..." one per rejected line

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        return out


def iban_valid(iban: str) -> bool:
    """ISO 13616 check digits (mod 97)."""
    if not _IBAN.match(iban):
        return False
    moved = iban[4:] + iban[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def normalise(kind: str, value: str, region: str | None = None, platform: str | None = None) -> tuple[str, str]:
    """(kind, normalised value); ``ValueError`` with a reason when it is not one.

    Phones without a country code are read in ``region`` (the case's default region).
    """
    kind = kind.strip().lower()
    kind = _ALIASES.get(kind, kind)
    value = value.strip()
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if not value:
        raise ValueError("empty value")
    if kind == "phone":
        try:
            num = phonenumbers.parse(value, (region or None) if not value.startswith("+") else None)
        except phonenumbers.NumberParseException as exc:
            raise ValueError(f"not a phone number: {value!r} ({exc})") from exc
        if not phonenumbers.is_possible_number(num):
            raise ValueError(f"not a possible phone number: {value!r}")
        return kind, phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    if kind == "email":
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if not _EMAIL.match(value):
            raise ValueError(f"not an e-mail address: {value!r}")
        return kind, value.lower()
    if kind == "handle":
        name = value.lstrip("@").strip().lower()
        if not re.fullmatch(r"[\w.\-]{1,64}", name):
            raise ValueError(f"not a handle: {value!r}")
        return kind, "@" + name
    if kind == "wallet":
        if not _WALLET.match(value):
            raise ValueError(f"not a wallet address: {value!r}")
        return kind, value.lower() if value[:2].lower() in ("0x", "bc") else value
    if kind == "iban":
        iban = re.sub(r"[\s\-]", "", value).upper()
        if not iban_valid(iban):
            raise ValueError(f"not a valid IBAN: {value!r}")
        return kind, iban
    if kind == "url":
        url = value if "//" in value else "https://" + value
        try:
            if not urlsplit(url).hostname:
                raise ValueError
        except ValueError:
            raise ValueError(f"not a URL: {value!r}") from None
        return kind, canonical_url(url)
    if kind == "domain":
        host = value.lower()
        if "//" in host:
            host = urlsplit(host).hostname or ""
        host = host.strip("./")
        if not re.fullmatch(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+", host):
            raise ValueError(f"not a domain: {value!r}")
        return kind, registrable_domain(host)
    # image hashes
    hexv = value.lower()
    if not re.fullmatch(r"[0-9a-f]+", hexv) or len(hexv) != _HEX_LENGTH[kind]:
        raise ValueError(f"not a {kind} ({_HEX_LENGTH[kind]} hex digits): {value!r}")
    return kind, hexv


def _entry(row: dict[str, Any], region: str | None, default_agency: str) -> Entry:
    low = {str(k).strip().lower(): ("" if v is None else str(v)) for k, v in row.items() if k is not None}
    kind = low.get("kind") or low.get("type") or ""
    value = low.get("value") or low.get("selector") or ""
    if not kind:
        raise ValueError("no kind")
    platform = (low.get("platform") or "").strip().lower() or None
    kind, norm = normalise(kind, value, region, platform)
    return Entry(
        kind,
        norm,
        low.get("label", "").strip(),
        (low.get("agency") or low.get("source") or default_agency).strip(),
        platform if kind == "handle" else None,
    )


def parse_text(text: str, region: str | None = None, *, default_agency: str = "") -> Watchlist:
    """Parse CSV or JSON text (sniffed by content)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("[", "{")):
        return _parse_json(stripped, region, default_agency)
    return _parse_csv(text.lstrip("\ufeff"), region, default_agency)


def parse(path: Path, region: str | None = None, *, default_agency: str = "") -> Watchlist:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise WatchlistError(f"cannot read the watchlist: {exc.strerror}", path) from exc
    except UnicodeDecodeError as exc:
        raise WatchlistError("the watchlist is not UTF-8 text", path) from exc
    return parse_text(text, region, default_agency=default_agency)


def _parse_json(text: str, region: str | None, default_agency: str) -> Watchlist:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WatchlistError(f"the watchlist is not valid JSON: {exc}") from exc
    name = None
    rows: Any = doc
    if isinstance(doc, dict):
        name = doc.get("name")
        default_agency = str(doc.get("agency") or default_agency)
        rows = doc.get("entries", doc.get("selectors"))
    if not isinstance(rows, list):
        raise WatchlistError('a JSON watchlist is a list of entries or {"entries": [...]}')
    out = Watchlist([], "json", str(name) if name else None)
    for n, row in enumerate(rows, 1):
        try:
            if not isinstance(row, dict):
                raise ValueError("not an object")
            out.entries.append(_entry(row, region, default_agency))
        except ValueError as exc:
            out.errors.append(f"entry {n}: {exc}")
    return out


def _parse_csv(text: str, region: str | None, default_agency: str) -> Watchlist:
    first = text.splitlines()[0] if text.strip() else ""
    delim = max((";", "\t", ","), key=first.count) if first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delim)
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if not ({"kind", "type"} & set(fields) and {"value", "selector"} & set(fields)):
        raise WatchlistError("a CSV watchlist needs a header with the columns kind and value")
    out = Watchlist([], "csv")
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        try:
            out.entries.append(_entry(row, region, default_agency))
        except ValueError as exc:
            out.errors.append(f"line {line}: {exc}")
    return out
