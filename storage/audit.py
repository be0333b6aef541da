"""Append-only, hash-chained audit log: every change to a case leaves one entry."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from storage import state as item_state

GENESIS = "0" * 64
# A bundle of part of a case carries the sender's whole chain with every entry's details replaced
# by this (they name items, files and people the partner was not sent). The entry keeps its
# sequence, time, analyst, action and hash; the chain's links still verify, and the bundle's
# signature covers the head. Accepted only in a case marked as received that way.
WITHHELD = '{"withheld_by_sender":true}'
WITHHELD_META = "audit_details_withheld"
# Key of an entry's details holding [[item_id, digest|None], ...]: the items' state after it.
STATE_KEY = "state"
SIGNATURE_DOMAIN = b"evidence-workstation audit head v1\x00"


def canonical(obj: Any) -> str:
    """The one JSON spelling hashed and stored: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(seq: int, at: str, analyst: str, action: str, details: str, prev_hash: str) -> str:
    payload = canonical([seq, at, analyst, action, details, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    analyst: str
    action: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


def append(db: sqlite_utils.Database, analyst: str, action: str, details: dict[str, Any]) -> AuditEntry:
    """Append one entry in the caller's transaction.

    The head (last sequence and hash) is also kept in ``case_meta`` so that deleting the newest
    entries is detected, not only edits in the middle.
    """
    conn = db.conn
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
    at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    # The entry commits to the new state of every item changed since the previous entry.
    changed = item_state.take(db, seq)
    if changed:
        details = {**details, STATE_KEY: changed}
    details_json = canonical(details)
    digest = entry_hash(seq, at, analyst, action, details_json, prev)
    conn.execute(
        "INSERT INTO audit (seq, at, analyst, action, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
        (seq, at, analyst, action, details_json, prev, digest),
    )
    conn.execute(
        "INSERT INTO case_meta (key, value) VALUES ('audit_head', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (f"{seq}:{digest}",),
    )
    return AuditEntry(seq, at, analyst, action, details, prev, digest)


def entries(db: sqlite_utils.Database, *, since: int = 0) -> list[AuditEntry]:
    rows = db.execute(
        "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq",
        [since],
    ).fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def verify_chain(db: sqlite_utils.Database, *, genesis: str = GENESIS) -> list[str]:
    """Walk the chain from the first entry. Returns every problem found (empty when intact).

    In a case received from a partial bundle (``case_meta`` holds ``WITHHELD_META`` up to the
    sender's last entry), entries whose details are ``WITHHELD`` are taken with their stored hash:
    their links are checked, their contents cannot be. Anywhere else such an entry is an alteration.
    """
    problems: list[str] = []
    mark = db.execute("SELECT value FROM case_meta WHERE key = ?", [WITHHELD_META]).fetchone()
    withheld_until = int(mark[0]) if mark is not None and str(mark[0]).isdigit() else 0
    expected_seq, prev = None, None
    for seq, at, analyst, action, details, prev_hash, digest in db.execute(
        "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit ORDER BY seq"
    ):
        if expected_seq is None:
            expected_seq, prev = seq, (genesis if seq == 1 else prev_hash)
        if seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing (next present is {seq})")
            expected_seq = seq
        if prev_hash != prev:
            problems.append(f"audit entry {seq} does not follow entry {seq - 1} (chain broken)")
        recomputed = entry_hash(seq, at, analyst, action, details, prev_hash)
        if details == WITHHELD and seq <= withheld_until:
            recomputed = digest
        if recomputed != digest:
            problems.append(f"audit entry {seq} was altered (hash mismatch)")
        prev = digest
        expected_seq = seq + 1
    recorded = db.execute("SELECT value FROM case_meta WHERE key = 'audit_head'").fetchone()
    if recorded is not None:
        last_seq, last_hash = head(db)
        if recorded[0] != f"{last_seq}:{last_hash}":
            problems.append(
                f"audit head recorded as {recorded[0]} but the log ends at {last_seq}:{last_hash}"
                " (entries removed or replaced)"
            )
    return problems


# -- signatures of the head ---------------------------------------------------------------------
@dataclass(frozen=True)
class HeadSignature:
    seq: int
    hash: str
    sign_key: str  # base64url raw Ed25519 public key
    fingerprint: str
    label: str
    signed_at: str
    signature: str  # base64url


def signed_bytes(seq: int, digest: str) -> bytes:
    """What the analyst's key signs: the head's sequence and hash (which commit to all before)."""
    return SIGNATURE_DOMAIN + f"{seq}:{digest}".encode("ascii")


def add_signature(db: sqlite_utils.Database, sig: HeadSignature) -> None:
    db.conn.execute(
        "INSERT OR REPLACE INTO audit_signatures (seq, hash, sign_key, fingerprint, label, signed_at, signature) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sig.seq, sig.hash, sig.sign_key, sig.fingerprint, sig.label, sig.signed_at, sig.signature),
    )


def signatures(db: sqlite_utils.Database) -> list[HeadSignature]:
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_signatures'").fetchone() is None:
        return []
    return [
        HeadSignature(int(r[0]), r[1], r[2], r[3], r[4] or "", r[5], r[6])
        for r in db.execute(
            "SELECT seq, hash, sign_key, fingerprint, label, signed_at, signature FROM audit_signatures ORDER BY seq"
        )
    ]
