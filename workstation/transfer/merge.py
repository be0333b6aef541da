"""Merge a received bundle into an existing case (``workstation receive BUNDLE --into CASE``).

The bundle is first received exactly as ``receive --out`` does it (signature, every hash, the
sender's audit chain), into a staging case next to the target, encrypted with a one-time random
passphrase and deleted afterwards. Then, in one transaction of the target case:

- items are deduplicated by SHA-256: an item whose original is already in the case is mapped to
  the existing item; others are added with their originals (parents mapped to the new ids);
- tags are added (a set: no conflict); the sender's notes are added beside the receiver's;
- indicator annotations: added where the receiver has none for that item and indicator; where the
  receiver has one with another status, the receiver's stays and the pair is listed as a conflict;
  exhibits marked by the sender but not here are listed, never numbered silently;
- the sender's custody chain (the staging case's whole audit log: the sender's entries and the
  receipt) is kept verbatim in ``received_custody`` and verifiable on its own (:func:`verify_custody`);
- one ``transfer.merged`` audit entry in the receiver's own chain names the bundle, the sender and
  the head of their chain.

Merging the same bundle again changes nothing (``already_merged``).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage import audit as audit_log
from workstation.case import Case, utc_now
from workstation.identity import Contacts, Identity, PublicIdentity
from workstation.progress import Progress
from workstation.transfer.receive import receive_bundle

_ITEM_COLUMNS = (
    "kind sha256 md5 size mime original_name source_path source_url final_url capture_method captured_at "
    "captured_tz imported_at analyst importer width height title language text metadata"
).split()
_ANNOTATION_COLUMNS = (
    "indicator status origin note field span_start span_end matched_text region_x region_y region_w region_h "
    "detail taxonomy_version author created_at updated_at reviewed_by reviewed_at"
).split()


def merge_bundle(
    path: Path,
    into: Case,
    *,
    identity: Identity | None = None,
    bundle_passphrase: Callable[[], str] | None = None,
    contacts: Contacts,
    own: PublicIdentity | None = None,
    accept_unknown_sender: bool = False,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Check bundle ``path`` and merge it into the open case ``into``; returns a summary.

    Raises what :func:`receive_bundle` raises (nothing is changed in ``into`` then).
    """
    path = Path(path)
    staging = into.path.with_name(f".{into.path.name}.merging-{secrets.token_hex(4)}")
    one_time = secrets.token_urlsafe(24)
    try:
        summary = receive_bundle(
            path,
            staging,
            case_passphrase=one_time,
            identity=identity,
            bundle_passphrase=bundle_passphrase,
            contacts=contacts,
            own=own,
            accept_unknown_sender=accept_unknown_sender,
            analyst=into.analyst,
            progress=progress,
        )
        with Case.open(staging, one_time) as sent:
            return _merge(sent, into, summary)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(staging) + suffix).unlink(missing_ok=True)


def _merge(sent: Case, into: Case, summary: dict[str, Any]) -> dict[str, Any]:
    bundle_sha = str(summary["bundle_sha256"])
    sender = summary["sender"]
    done = into.db.execute(
        "SELECT id, items_new, items_deduplicated FROM received_merges WHERE bundle_sha256 = ?", [bundle_sha]
    ).fetchone()
    if done:
        return {
            "case": str(into.path),
            "bundle_sha256": bundle_sha,
            "sender": sender,
            "already_merged": True,
            "merge_id": done[0],
            "new": 0,
            "deduplicated": 0,
            "conflicts": [],
        }
    head_seq, head_hash = summary["sender_audit_head"]["seq"], summary["sender_audit_head"]["hash"]
    withheld = sent.db.execute("SELECT value FROM case_meta WHERE key = ?", [audit_log.WITHHELD_META]).fetchone()
    conn = into.db.conn
    mapping: dict[int, tuple[int, bool]] = {}
    conflicts: list[dict[str, Any]] = []
    with into.transaction():
        cur = conn.execute(
            "INSERT INTO received_merges (bundle_sha256, sender_contact, sender_label, sender_fingerprint,"
            " sender_verified, sender_audit_seq, sender_audit_hash, withheld_until, merged_at, analyst,"
            " items_new, items_deduplicated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
            [
                bundle_sha,
                sender["contact"],
                sender["label"],
                sender["fingerprint"],
                int(bool(sender["verified"])),
                head_seq,
                head_hash,
                int(withheld[0]) if withheld and str(withheld[0]).isdigit() else 0,
                utc_now(),
                into.analyst,
            ],
        )
        merge_id = int(cur.lastrowid or 0)
        cols = ", ".join(_ITEM_COLUMNS)
        for row in sent.db.execute(f"SELECT id, parent_id, {cols} FROM items ORDER BY id").fetchall():
            old_id, parent, values = int(row[0]), row[1], list(row[2:])
            sha = values[1]
            have = conn.execute("SELECT id FROM items WHERE sha256 = ? ORDER BY id LIMIT 1", [sha]).fetchone()
            if have:
                mapping[old_id] = (int(have[0]), False)
                continue
            if not into.blobs.exists(sha):
                into.blobs.put_stream(sent.blobs.open(sha), expected_sha256=sha)
            new_parent = mapping[parent][0] if parent is not None and parent in mapping else None
            ins = conn.execute(
                f"INSERT INTO items ({cols}, parent_id, import_key)"
                f" VALUES ({', '.join('?' * len(_ITEM_COLUMNS))}, ?, ?)",
                [*values, new_parent, f"merged:{bundle_sha[:16]}:{old_id}"],
            )
            mapping[old_id] = (int(ins.lastrowid or 0), True)
        conn.executemany(
            "INSERT INTO received_merge_items (merge_id, sender_item_id, item_id, new) VALUES (?, ?, ?, ?)",
            [(merge_id, old, new, int(is_new)) for old, (new, is_new) in mapping.items()],
        )
        # Tags: a set per item, nothing to conflict.
        for item_id, tag in sent.db.execute("SELECT item_id, tag FROM tags"):
            conn.execute("INSERT OR IGNORE INTO tags (item_id, tag) VALUES (?, ?)", [mapping[item_id][0], tag])
        # Notes: the sender's beside the receiver's, once.
        for item_id, author, created_at, text in sent.db.execute("SELECT item_id, author, created_at, text FROM notes"):
            target = mapping[item_id][0]
            if not conn.execute(
                "SELECT 1 FROM notes WHERE item_id = ? AND author = ? AND created_at = ? AND text = ?",
                [target, author, created_at, text],
            ).fetchone():
                conn.execute(
                    "INSERT INTO notes (item_id, author, created_at, text) VALUES (?, ?, ?, ?)",
                    [target, author, created_at, text],
                )
        conflicts += _merge_annotations(sent, into, mapping)
        for (item_id,) in sent.db.execute("SELECT item_id FROM exhibits ORDER BY number"):
            target = mapping[item_id][0]
            if not conn.execute("SELECT 1 FROM exhibits WHERE item_id = ?", [target]).fetchone():
                conflicts.append(
                    {
                        "kind": "exhibit",
                        "item": target,
                        "ours": None,
                        "theirs": "exhibit",
                        "note": "marked as an exhibit by the sender, not here; left unmarked",
                    }
                )
        _copy_dedup_hashes(sent, into, mapping)
        new_ids = [new for new, is_new in mapping.values() if is_new]
        conn.executemany(
            "INSERT INTO received_custody (merge_id, seq, at, analyst, action, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (merge_id, *r)
                for r in sent.db.execute(
                    "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit ORDER BY seq"
                )
            ],
        )
        deduplicated = len(mapping) - len(new_ids)
        conn.execute(
            "UPDATE received_merges SET items_new = ?, items_deduplicated = ?, conflicts = ? WHERE id = ?",
            [len(new_ids), deduplicated, json.dumps(conflicts, ensure_ascii=False), merge_id],
        )
        into.audit(
            "transfer.merged",
            {
                "merge_id": merge_id,
                "bundle_sha256": bundle_sha,
                "from": sender["contact"],
                "sender_fingerprint": sender["fingerprint"],
                "sender_verified": sender["verified"],
                "sender_audit_head": {"seq": head_seq, "hash": head_hash},
                "items_new": len(new_ids),
                "items_deduplicated": deduplicated,
                "conflicts": len(conflicts),
            },
        )
    if new_ids and os.environ.get("WORKSTATION_PLUGINS", "").lower() != "none":
        from workstation import annotations

        annotations.scan_batch(into, new_ids)  # selectors and suggestions of the new items
    problems = verify_custody(into, merge_id)
    return {
        "case": str(into.path),
        "bundle_sha256": bundle_sha,
        "sender": sender,
        "already_merged": False,
        "merge_id": merge_id,
        "new": len(new_ids),
        "deduplicated": deduplicated,
        "items": {str(old): new for old, (new, _) in sorted(mapping.items())},
        "conflicts": conflicts,
        "custody": {"entries": summary["audit_entries"], "verified": not problems, "problems": problems},
    }


def _merge_annotations(sent: Case, into: Case, mapping: dict[int, tuple[int, bool]]) -> list[dict[str, Any]]:
    conflicts: list[dict[str, Any]] = []
    conn = into.db.conn
    cols = ", ".join(_ANNOTATION_COLUMNS)
    for row in sent.db.execute(f"SELECT item_id, {cols} FROM annotations ORDER BY id").fetchall():
        target = mapping[int(row[0])][0]
        values = list(row[1:])
        indicator, status = values[0], values[1]
        ours = conn.execute(
            "SELECT status FROM annotations WHERE item_id = ? AND indicator = ? ORDER BY origin = 'analyst' DESC, id",
            [target, indicator],
        ).fetchall()
        if not ours:
            conn.execute(
                f"INSERT OR IGNORE INTO annotations (item_id, {cols}) VALUES (?, {', '.join('?' * len(values))})",
                [target, *values],
            )
        elif status not in {r[0] for r in ours}:
            conflicts.append(
                {
                    "kind": "annotation",
                    "item": target,
                    "indicator": indicator,
                    "ours": ours[0][0],
                    "theirs": status,
                    "note": "kept ours; the sender's status is listed here only",
                }
            )
    return conflicts


def _copy_dedup_hashes(sent: Case, into: Case, mapping: dict[int, tuple[int, bool]]) -> None:
    for row in sent.db.execute("SELECT item_id, version, phash, pdq, pdq_quality, data FROM dedup_hashes"):
        target, is_new = mapping[int(row[0])]
        if is_new:
            into.db.conn.execute(
                "INSERT OR IGNORE INTO dedup_hashes (item_id, version, phash, pdq, pdq_quality, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [target, *row[1:]],
            )


def verify_custody(case: Case, merge_id: int) -> list[str]:
    """Check a kept sender's chain on its own: links, every entry's hash, and that it reaches the
    head the bundle's signed manifest named. Empty when intact."""
    merge = case.db.execute(
        "SELECT sender_audit_seq, sender_audit_hash, withheld_until FROM received_merges WHERE id = ?", [merge_id]
    ).fetchone()
    if merge is None:
        return [f"no merge {merge_id}"]
    problems: list[str] = []
    prev, expected = audit_log.GENESIS, 1
    hashes: dict[int, str] = {}
    for seq, at, analyst, action, details, prev_hash, digest in case.db.execute(
        "SELECT seq, at, analyst, action, details, prev_hash, hash FROM received_custody"
        " WHERE merge_id = ? ORDER BY seq",
        [merge_id],
    ):
        if seq != expected:
            problems.append(f"sender's entry {expected} is missing")
        if prev_hash != prev:
            problems.append(f"sender's entry {seq} does not follow the one before")
        recomputed = audit_log.entry_hash(seq, at, analyst, action, details, prev_hash)
        if details == audit_log.WITHHELD and seq <= merge[2]:
            recomputed = digest
        if recomputed != digest:
            problems.append(f"sender's entry {seq} was altered")
        hashes[seq] = digest
        prev, expected = digest, seq + 1
    if hashes.get(merge[0]) != merge[1]:
        problems.append("the kept chain does not reach the head the sender signed")
    return problems


def merges(case: Case) -> list[dict[str, Any]]:
    """Bundles merged into the case, with their conflicts (read function)."""
    out = []
    for row in case.db.execute(
        "SELECT id, bundle_sha256, sender_contact, sender_fingerprint, sender_verified, merged_at, items_new,"
        " items_deduplicated, conflicts FROM received_merges ORDER BY id"
    ):
        out.append(
            {
                "merge_id": row[0],
                "bundle_sha256": row[1],
                "from": row[2],
                "sender_fingerprint": row[3],
                "sender_verified": bool(row[4]),
                "merged_at": row[5],
                "new": row[6],
                "deduplicated": row[7],
                "conflicts": json.loads(row[8]),
            }
        )
    return out
