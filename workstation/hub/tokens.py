"""Keyed tokens of a case: what the hub stores and compares instead of selectors and photos.

- a selector: HMAC-SHA256(team key, "sel" | kind | normalised value);
- an exact photo: HMAC-SHA256(team key, "sha256" | SHA-256 of the file);
- a near-duplicate photo: the 256-bit PDQ split into 8 bands of 32 bits, each band
  HMAC-SHA256(team key, "pdq-band" | band index | band bits). Publishers send the bands of each
  view's upright PDQ; a querier sends the bands of all 8 dihedral orientations, so a mirrored or
  rotated copy still meets. One equal band is a candidate match: a resized or recompressed copy
  differs in a few bits of 256, so some band is usually untouched; an unrelated photo agrees on a
  32-bit band by chance about once in 2^32 comparisons.

Pure functions; no hub, no psycopg.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation.case import Case
from workstation.errors import WorkstationError

KEY_BYTES = 32
BANDS = 8


class HubError(WorkstationError):
    """The team hub cannot be used (no psycopg, unreachable, bad team key)."""


@dataclass(frozen=True)
class Holding:
    """What a token stands for on this side: never sent to the hub."""

    kind: str  # a selector kind, or "photo"
    value: str  # the normalised selector, or the photo's SHA-256
    item_id: int


def new_team_key(path: Path) -> None:
    """Write a fresh random team key (64 hex digits) to ``path``, readable by the owner only."""
    path = Path(path)
    if path.exists():
        raise HubError("the team key file exists already; not overwritten", path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(KEY_BYTES) + "\n")


def read_team_key(path: Path) -> bytes:
    try:
        text = Path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise HubError(f"cannot read the team key: {exc}", path) from exc
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise HubError(f"a team key is {KEY_BYTES * 2} hex digits (make one with 'hub team-key new')", path)
    return key


def _mac(key: bytes, *parts: bytes) -> bytes:
    return hmac.new(key, b"\x00".join(parts), hashlib.sha256).digest()


def selector_token(key: bytes, kind: str, value: str) -> bytes:
    return _mac(key, b"sel", kind.encode(), value.encode())


def photo_token(key: bytes, sha256: str) -> bytes:
    return _mac(key, b"sha256", sha256.lower().encode())


def band_tokens(key: bytes, pdq_words: np.ndarray) -> list[bytes]:
    """The 8 keyed 32-bit bands of one 256-bit PDQ (4 uint64 words)."""
    raw = b"".join(int(w).to_bytes(8, "big") for w in np.asarray(pdq_words, dtype=np.uint64).reshape(-1))
    return [_mac(key, b"pdq-band", bytes([i]), raw[i * 4 : i * 4 + 4]) for i in range(BANDS)]


def publisher_token(key: bytes, case: Case) -> bytes:
    """Who published, as the hub sees it: stable per case and team key, meaningless without the key."""
    ident = "\x00".join(case.meta.get(k, "") for k in ("case_number", "title", "created_at"))
    return _mac(key, b"case", ident.encode())


def case_tokens(key: bytes, case: Case, *, querying: bool) -> dict[bytes, list[Holding]]:
    """Every token of the case and what it stands for here.

    Args:
        querying: also the bands of the 7 other orientations (a querier's side); a publisher
            sends the upright ones only, so the hub holds 8 bands per view.
    """
    out: dict[bytes, list[Holding]] = {}
    for h, token in _selector_tokens(key, case):
        out.setdefault(token, []).append(h)
    for h, token in _photo_tokens(key, case, querying):
        out.setdefault(token, []).append(h)
    return out


def _selector_tokens(key: bytes, case: Case) -> Iterator[tuple[Holding, bytes]]:
    cache: dict[tuple[str, str], bytes] = {}
    for kind, value, item_id in case.db.execute(
        "SELECT s.kind, s.value, l.item_id FROM selectors s JOIN selector_links l ON l.selector_id = s.id"
    ):
        token = cache.get((kind, value))
        if token is None:
            token = cache[(kind, value)] = selector_token(key, kind, value)
        yield Holding(kind, value, int(item_id)), token


def _photo_tokens(key: bytes, case: Case, querying: bool) -> Iterator[tuple[Holding, bytes]]:
    from workstation.dedup.phash import ImageHashes

    for item_id, sha, data in case.db.execute(
        "SELECT i.id, i.sha256, d.data FROM items i LEFT JOIN dedup_hashes d ON d.item_id = i.id"
        " WHERE i.kind = 'image' OR d.item_id IS NOT NULL"
    ):
        holding = Holding("photo", sha, int(item_id))
        yield holding, photo_token(key, sha)
        if not data:
            continue
        hashes = ImageHashes.from_json(json.loads(data))
        if hashes.flat:  # too little structure: exact copies only
            continue
        seen: set[bytes] = set()
        for view in hashes.views:
            variants = view.pdq if querying else view.pdq[:1]
            for words in variants:
                for token in band_tokens(key, words):
                    if token not in seen:
                        seen.add(token)
                        yield holding, token
