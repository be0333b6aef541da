"""Export a case (or selected exhibits) as a signed, age-encrypted bundle for a partner agency.

Members of the tar inside the age stream, in this order (docs/transfer.md has the full format):

    bundle.json                 format, sender identity, time, case metadata, selection
    blobs/<sha256>              every original, byte for byte (streamed, 1 MiB at a time)
    tables/<table>/<n>.jsonl    rows of every table (generic: new tables travel unchanged)
    audit.jsonl                 the sender's audit entries, verbatim (the chain verifies)
    manifest.json               every member's name, size and SHA-256; blobs; item count;
                                audit head; sender; time; format version
    manifest.sig                the sender's Ed25519 signature over manifest.json's bytes

The manifest comes last so the export is one pass (a table part is hashed as it is written);
the receiver checks everything against it before the new case is given its final name.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage import audit as audit_log
from storage import migrations
from workstation.case import Case, utc_now
from workstation.errors import UsageError, WorkstationError
from workstation.identity import Identity
from workstation.progress import Progress
from workstation.transfer import tables as tbl
from workstation.transfer.container import (
    BundleError,
    Entry,
    EntryRecord,
    tar_stream,
    write_bundle,
)

FORMAT = "evidence-workstation-bundle"
VERSION = 1
MIB = 1 << 20


def canonical(obj: Any) -> bytes:
    """The one JSON spelling that is hashed and signed."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def export_bundle(
    case: Case,
    out: Path,
    *,
    identity: Identity,
    recipients: list[tuple[str, str]] | None = None,
    passphrase: str | None = None,
    item_ids: list[int] | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write ``out`` for the recipients (or a passphrase); audit it in the sender's case.

    Args:
        case: the open case.
        out: the bundle file to create (refused if it exists).
        identity: the sender's unlocked identity (signs the manifest).
        recipients: (label, age1… key) pairs; or ``passphrase`` for passphrase mode.
        item_ids: exhibits to send (with descendants and ancestors); None = the whole case.
        progress: counts MiB written.

    Returns:
        A summary: bundle path, SHA-256, size, items, blobs, recipients, audit head.

    Raises:
        BundleError, UsageError: nothing was written.
    """
    progress = progress or Progress()
    out = Path(out)
    if out.exists():
        raise BundleError("a file with this name already exists; choose another name", out)
    db = case.db
    if item_ids is not None:
        if not item_ids:
            raise UsageError("--exhibits needs at least one item id")
        known = {
            r[0] for r in db.execute(f"SELECT id FROM items WHERE id IN ({','.join('?' * len(item_ids))})", item_ids)
        }
        missing = sorted(set(item_ids) - known)
        if missing:
            raise UsageError(f"no item with id {', '.join(map(str, missing))} in this case")
    mode = "passphrase" if passphrase else "recipients"
    recipient_json = [{"label": label, "age_recipient": key} for label, key in recipients or []]
    # The sender's log says what left the case, to whom, before the bytes leave: this entry is
    # the last one shipped, so the receiver's copy of the chain shows the hand-over too.
    case.audit(
        "transfer.export",
        {
            "bundle": out.name,
            "mode": mode,
            "recipients": recipient_json,
            "sender_fingerprint": identity.public.fingerprint,
            "selection": "all" if item_ids is None else sorted(set(item_ids)),
        },
    )
    try:
        summary = _write(case, out, identity, recipients, passphrase, item_ids, progress, mode)
    except WorkstationError as exc:
        case.audit("transfer.export_failed", {"bundle": out.name, "reason": exc.reason})
        raise
    except BaseException as exc:
        case.audit("transfer.export_failed", {"bundle": out.name, "reason": type(exc).__name__})
        raise
    case.audit(
        "transfer.exported",
        {
            "bundle": out.name,
            "bundle_sha256": summary["bundle_sha256"],
            "bundle_size": summary["bundle_size"],
            "manifest_sha256": summary["manifest_sha256"],
            "items": summary["items"],
            "blobs": summary["blobs"],
        },
    )
    return summary


def _write(
    case: Case,
    out: Path,
    identity: Identity,
    recipients: list[tuple[str, str]] | None,
    passphrase: str | None,
    item_ids: list[int] | None,
    progress: Progress,
    mode: str,
) -> dict[str, Any]:
    db = case.db
    conn = db.conn
    conn.commit()
    # One read snapshot for the whole export (WAL: writers are not blocked meanwhile).
    conn.execute("BEGIN")
    try:
        selection = tbl.select_items(db, item_ids) if item_ids is not None else None
        tables = tbl.schema(db)
        filters = tbl.row_filters(tables, selection is not None)
        if selection is None:
            blob_rows = db.execute("SELECT sha256, size FROM blobs WHERE sha256 IS NOT NULL ORDER BY sha256").fetchall()
        else:
            blob_rows = db.execute(tbl.blob_sql(tables, filters)).fetchall()
        items_where = filters.get("items", "")
        item_count = db.execute(
            "SELECT count(*) FROM items" + (f" WHERE {items_where}" if items_where else "")
        ).fetchone()[0]
        head_seq, head_hash = audit_log.head(db)
        created_at = utc_now()
        sender = {"label": identity.label, **identity.public.to_json()}
        header = canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "created_at": created_at,
                "sender": sender,
                "mode": mode,
                "recipients": [{"label": lb, "age_recipient": k} for lb, k in recipients or []],
                "case": {k: v for k, v in case.meta.items() if k != "audit_head"},
                "schema": sorted(migrations.applied_names(db)),
                "selection": selection,
                # A part of the case: the audit entries' details are withheld (they name what was
                # not sent); their times, analysts, actions and hashes travel and still verify.
                "audit_details": "complete" if selection is None else "withheld",
            }
        )
        total_mib = max(1, sum(size for _, size in blob_rows) // MIB)
        progress.start(total_mib, "exporting")
        records: list[EntryRecord] = []
        counts: dict[str, int] = {}
        state: dict[str, Any] = {}

        def entries() -> Iterator[Entry]:
            yield Entry("bundle.json", len(header), [header])
            for sha, size in blob_rows:
                yield Entry(f"blobs/{sha}", size, _blob_chunks(case, sha, progress))
            for name in sorted(tables):
                info = tables[name]
                for part, data, rows in tbl.dump_parts(db, info, filters[name]):
                    counts[name] = counts.get(name, 0) + rows
                    yield Entry(f"tables/{name}/{part:05d}.jsonl", len(data), [data])
            withhold = selection is not None
            yield Entry("audit.jsonl", _audit_size(db, withhold), _audit_lines(db, withhold))
            manifest = canonical(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "created_at": created_at,
                    "sender": sender,
                    "item_count": item_count,
                    "rows": counts,
                    "audit_head": {"seq": head_seq, "hash": head_hash},
                    "blobs": [{"sha256": s, "size": n} for s, n in blob_rows],
                    "entries": [r.to_json() for r in records],
                }
            )
            state["manifest_sha256"] = hashlib.sha256(manifest).hexdigest()
            yield Entry("manifest.json", len(manifest), [manifest])
            signature = identity.sign(manifest)
            yield Entry("manifest.sig", len(signature), [signature])

        stream = tar_stream(entries(), records, int(time.time()))
        keys = [k for _, k in recipients or []]
        written = write_bundle(out, stream, recipients=keys or None, passphrase=passphrase)
    finally:
        conn.commit()  # ends the read snapshot; nothing was written in it
    return {
        "bundle": str(written.path),
        "bundle_sha256": written.sha256,
        "bundle_size": written.size,
        "manifest_sha256": state.get("manifest_sha256"),
        "mode": mode,
        "recipients": [{"label": lb, "age_recipient": k} for lb, k in recipients or []],
        "sender_fingerprint": identity.public.fingerprint,
        "items": item_count,
        "blobs": len(blob_rows),
        "blob_bytes": sum(size for _, size in blob_rows),
        "rows": counts,
        "audit_head": {"seq": head_seq, "hash": head_hash},
        "selection": selection,
    }


def _blob_chunks(case: Case, sha: str, progress: Progress) -> Iterator[bytes]:
    pending = 0
    for chunk in case.blobs.iter_chunks(sha):
        pending += len(chunk)
        if pending >= MIB:
            progress.step(pending // MIB, nbytes=pending)
            pending %= MIB
        yield chunk


_AUDIT_SQL = "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit ORDER BY seq"


def _audit_lines(db: Any, withhold: bool = False) -> Iterator[bytes]:
    """Audit entries as JSON lines of the stored columns, verbatim (details stay a string), or
    with every entry's details replaced by ``audit_log.WITHHELD`` for a partial bundle."""
    for row in db.execute(_AUDIT_SQL):
        out = list(row)
        if withhold:
            out[4] = audit_log.WITHHELD
        yield (json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8")


def _audit_size(db: Any, withhold: bool = False) -> int:
    # Two passes over the (read-snapshot) log instead of holding a long chain in memory.
    return sum(len(line) for line in _audit_lines(db, withhold))
