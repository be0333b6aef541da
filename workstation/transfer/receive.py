"""Receive a bundle: decrypt, check the sender and every hash, and make a new case from it.

The new case is built under a temporary name in the target folder (it is encrypted with the
receiver's passphrase from the first byte, so nothing readable touches the disk) and renamed
only after every check passed: the signature by a known sender, every member against the signed
manifest, every blob against its SHA-256, the audit chain, foreign keys. Any failure deletes it.
"""

from __future__ import annotations

import glob
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from storage import audit as audit_log
from storage import casefile, migrations
from storage import state as item_state
from storage.blobs import BlobStore
from storage.errors import BlobMismatch, StorageError
from workstation.case import default_analyst, utc_now
from workstation.errors import CaseError, CaseExists
from workstation.identity import Contacts, Identity, IdentityError, PublicIdentity
from workstation.progress import Progress
from workstation.signing import sign_head
from workstation.transfer import tables as tbl
from workstation.transfer.container import (
    BundleError,
    BundleReader,
    EntryRecord,
    bundle_mode,
    clear_stale,
    read_limited,
)
from workstation.transfer.export import FORMAT, VERSION, canonical

MIB = 1 << 20
HEADER_LIMIT = 16 * MIB
MANIFEST_LIMIT = 512 * MIB
LINE_LIMIT = 512 * MIB
BLOB_NAME = re.compile(r"blobs/([0-9a-f]{64})")
PART_NAME = re.compile(r"tables/([A-Za-z_][A-Za-z0-9_]*)/(\d{5})\.jsonl")


class NotAddressed(BundleError):
    """The bundle's signed recipient list does not include the receiving key (it was forwarded)."""


class UnknownSender(BundleError):
    """The bundle is signed by a key that is not in the contacts list.

    Attributes:
        label: the name the sender's key carries (their own words, not verified).
        fingerprint: the signing key's fingerprint, to check with the sender by phone.
    """

    def __init__(self, reason: str, path: str | Path | None = None, label: str = "", fingerprint: str = "") -> None:
        super().__init__(reason, path)
        self.label = label
        self.fingerprint = fingerprint

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.reason, self.path, self.label, self.fingerprint))


class _Lines:
    """JSON lines of one member, hashed as they are read, each line bounded in size."""

    def __init__(self, fileobj: IO[bytes], name: str, path: Path) -> None:
        import hashlib

        self._f, self._name, self._path = fileobj, name, path
        self.sha256 = hashlib.sha256()
        self.size = 0

    def __iter__(self) -> Iterator[Any]:
        while True:
            line = self._f.readline(LINE_LIMIT + 1)
            if not line:
                return
            if len(line) > LINE_LIMIT:
                raise BundleError(f"{self._name}: a line longer than {LINE_LIMIT} bytes", self._path)
            self.sha256.update(line)
            self.size += len(line)
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise BundleError(f"{self._name}: not valid JSON lines", self._path) from exc


def receive_bundle(
    path: Path,
    out: Path,
    *,
    case_passphrase: str,
    identity: Identity | None = None,
    bundle_passphrase: Callable[[], str] | None = None,
    contacts: Contacts,
    own: PublicIdentity | None = None,
    accept_unknown_sender: bool = False,
    accept_forwarded: str | None = None,
    analyst: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Create the case ``out`` from bundle ``path``.

    Args:
        path: the .wsbundle file.
        out: the new case file (refused if it exists).
        case_passphrase: encrypts the new case.
        identity: the receiver's unlocked identity (recipient mode).
        bundle_passphrase: asked for in passphrase mode only.
        contacts: who the receiver trusts; the sender's signing key must be among them.
        own: the receiver's own public identity (a bundle one sent oneself is known).
        accept_unknown_sender: receive from an unknown key anyway; the case is flagged.
        accept_forwarded: who forwarded it (the receiver's word): receive a bundle whose signed
            recipient list does not include the receiving key; recorded in custody. Without it
            such a bundle is refused (a recipient decrypted it and re-encrypted it to you).
        analyst: name written into the "received" audit entry.

    Returns:
        Summary: case path, sender (contact name, fingerprint, verified), counts, bundle hash.

    Raises:
        BundleError (UnknownSender), CaseExists: nothing was created.
    """
    path, out = Path(path), Path(out)
    progress = progress or Progress()
    if out.exists():
        raise CaseExists("a file with this name already exists; choose another name", out)
    mode = bundle_mode(path)
    if mode == "recipients" and identity is None:
        raise IdentityError("receiving needs your key: create one with 'workstation keys new'")
    if not out.parent.is_dir():
        raise CaseError("the target folder does not exist", out.parent)
    # A receive into this name that was killed left its hidden case behind: remove it (unless a
    # process still has it open: then that receive is still running).
    for stale in out.parent.glob(f".{glob.escape(out.name)}.receiving-*"):
        if not stale.name.endswith(("-wal", "-shm", "-journal")):
            clear_stale(stale, sidecars=("-wal", "-shm", "-journal"))
    for orphan in out.parent.glob(f".{glob.escape(out.name)}.receiving-*-*"):
        base = Path(str(orphan).rsplit("-", 1)[0])
        if orphan.name.endswith(("-wal", "-shm", "-journal")) and not base.exists():
            clear_stale(orphan)
    tmp = out.with_name(f".{out.name}.receiving-{secrets.token_hex(4)}")
    try:
        db = casefile.open_database(tmp, case_passphrase, create=True)
    except StorageError as exc:
        raise CaseError(exc.reason, out) from exc
    try:
        summary = _receive(
            db,
            path,
            out,
            mode,
            identity,
            bundle_passphrase,
            contacts,
            own,
            accept_unknown_sender,
            analyst or default_analyst(),
            progress,
            accept_forwarded,
        )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.close()
        _remove_sidecars(tmp)
        os.replace(tmp, out)
    except BaseException:
        try:
            db.conn.close()
        except casefile.DatabaseError:  # already closed or broken: the file goes anyway
            pass
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
        raise
    summary["case"] = str(out)
    return summary


def _remove_sidecars(tmp: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)


def _receive(
    db: Any,
    path: Path,
    out: Path,
    mode: str,
    identity: Identity | None,
    bundle_passphrase: Callable[[], str] | None,
    contacts: Contacts,
    own: PublicIdentity | None,
    accept_unknown_sender: bool,
    analyst: str,
    progress: Progress,
    accept_forwarded: str | None = None,
) -> dict[str, Any]:
    conn = db.conn
    migrations.migrate(db)
    known_migrations = {name for name, _ in migrations.MIGRATIONS}
    conn.commit()
    # Rows arrive table by table; references are checked all at once at the end instead.
    conn.execute("PRAGMA foreign_keys = OFF")
    local = tbl.schema(db)
    seeded = {
        n
        for n, info in local.items()
        if not info.virtual and db.execute(f"SELECT 1 FROM {tbl._q(n)} LIMIT 1").fetchone()
    }
    blobs = BlobStore(db)
    progress.start(max(1, path.stat().st_size // MIB), "receiving")

    header: dict[str, Any] | None = None
    sender: PublicIdentity | None = None
    contact_name: str | None = None
    records: list[EntryRecord] = []
    blob_records: list[dict[str, Any]] = []
    rows: dict[str, int] = {}
    manifest_bytes: bytes | None = None
    signature: bytes | None = None
    audit_entries = 0

    reader = BundleReader(
        path,
        identities=[identity.age_identity] if identity is not None else None,
        passphrase=bundle_passphrase,
    )
    with reader:
        for member, fileobj in reader.members():
            name = member.name
            if signature is not None:
                raise BundleError(f"unexpected member {name} after the signature", path)
            if manifest_bytes is not None and name != "manifest.sig":
                raise BundleError(f"unexpected member {name} after the manifest", path)
            if header is None:
                if name != "bundle.json":
                    raise BundleError("not a workstation bundle (no bundle.json first)", path)
                raw = read_limited(fileobj, HEADER_LIMIT, "bundle.json", path)
                header = _parse_header(raw, path)
                sender, contact_name = _check_sender(header, contacts, own, accept_unknown_sender, path)
                forwarded = _check_addressed(header, identity, accept_forwarded, path)
                newer = set(header.get("schema") or []) - known_migrations
                if newer:
                    raise BundleError(
                        "the bundle was made by a newer Evidence Workstation (schema "
                        f"{sorted(newer)[-1]}); update this one to receive it",
                        path,
                    )
                records.append(_record(name, raw))
                continue
            if name == "manifest.json":
                manifest_bytes = read_limited(fileobj, MANIFEST_LIMIT, "manifest.json", path)
                continue
            if name == "manifest.sig":
                if manifest_bytes is None:
                    raise BundleError("signature without a manifest", path)
                signature = read_limited(fileobj, 1024, "manifest.sig", path)
                continue
            match = BLOB_NAME.fullmatch(name)
            if match:
                sha = match.group(1)
                try:
                    info = blobs.put_stream(fileobj, expected_sha256=sha)  # type: ignore[arg-type]
                except BlobMismatch as exc:
                    raise BundleError(f"{name}: content does not match its SHA-256", path) from exc
                conn.commit()
                if info.size != member.size:
                    raise BundleError(f"{name}: size differs from the archive header", path)
                records.append(EntryRecord(name, info.size, info.sha256))
                blob_records.append({"sha256": info.sha256, "size": info.size})
                progress.step(info.size // MIB, nbytes=info.size)
                continue
            match = PART_NAME.fullmatch(name)
            if match:
                lines = _Lines(fileobj, name, path)
                rows[match.group(1)] = rows.get(match.group(1), 0) + _load_part(
                    db, local, seeded, match.group(1), lines, path
                )
                conn.commit()
                records.append(EntryRecord(name, lines.size, lines.sha256.hexdigest()))
                continue
            if name == "audit.jsonl":
                lines = _Lines(fileobj, name, path)
                audit_entries = _load_audit(db, lines, path)
                conn.commit()
                records.append(EntryRecord(name, lines.size, lines.sha256.hexdigest()))
                continue
            raise BundleError(f"unexpected member {name} in bundle", path)
        bundle_sha256, bundle_size = reader.finish()

    if header is None or sender is None:
        raise BundleError("empty or truncated bundle", path)
    if manifest_bytes is None or signature is None:
        raise BundleError("the bundle is truncated: its signed manifest is missing", path)
    if not sender.verify(signature, manifest_bytes):
        raise BundleError(
            "bad signature: the manifest was not signed by the sender the bundle names "
            f"({header['sender'].get('label') or '?'}, fingerprint {sender.fingerprint})",
            path,
        )
    manifest = _parse_json(manifest_bytes, "manifest.json", path)
    _check_manifest(db, manifest, header, records, blob_records, rows, path)

    # A partial bundle: the sender withheld the entries' details, all of theirs up to the head.
    # (A case received that way and sent on whole carries its earlier mark in its metadata.)
    withheld = str((header.get("case") or {}).get(audit_log.WITHHELD_META) or "")
    if header.get("audit_details") == "withheld":
        withheld = str(audit_log.head(db)[0])
    if withheld:
        db.conn.execute(
            "INSERT OR REPLACE INTO case_meta (key, value) VALUES (?, ?)", [audit_log.WITHHELD_META, withheld]
        )
    problems = audit_log.verify_chain(db)
    if problems:
        raise BundleError(f"the sender's audit chain does not verify: {problems[0]}", path)
    head_seq, head_hash = audit_log.head(db)
    claimed = manifest.get("audit_head") or {}
    if (head_seq, head_hash) != (claimed.get("seq"), claimed.get("hash")):
        raise BundleError("the audit log does not end at the head named in the manifest", path)
    # Table by table: blob_chunks (written by the blob store itself, gigabytes) is not re-read.
    for name in sorted(set(local) | {"blobs"}):
        if local.get(name) is not None and local[name].virtual:
            continue
        broken = db.execute(f"PRAGMA foreign_key_check({tbl._q(name)})").fetchall()
        if broken:
            raise BundleError(f"the bundle's rows do not fit together (table {broken[0][0]})", path)
    missing = db.execute(
        "SELECT count(*) FROM items LEFT JOIN blobs ON blobs.sha256 = items.sha256 WHERE blobs.id IS NULL"
    ).fetchone()[0]
    if missing:
        raise BundleError(f"{missing} item(s) arrive without their original", path)

    verified = contact_name is not None
    received_at = utc_now()
    sender_label = str(header["sender"].get("label") or "")
    meta = {
        k: str(v) for k, v in (header.get("case") or {}).items() if k not in ("audit_head", audit_log.WITHHELD_META)
    }
    meta.update(
        {
            "analyst": analyst,
            "received_at": received_at,
            "received_from": contact_name or f"UNKNOWN SENDER {sender.fingerprint}",
            "received_from_fingerprint": sender.fingerprint,
            "received_bundle_sha256": bundle_sha256,
            "sender_verified": "yes" if verified else "no",
        }
    )
    for key, value in meta.items():
        conn.execute(
            "INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    conn.commit()
    conn.execute("PRAGMA foreign_keys = ON")
    details = {
        "from": contact_name,
        "sender_label": sender_label,
        "sender_fingerprint": sender.fingerprint,
        "sender_verified": verified,
        "bundle": path.name,
        "bundle_sha256": bundle_sha256,
        "bundle_size": bundle_size,
        "manifest_sha256": _sha256(manifest_bytes),
        "bundle_created_at": header.get("created_at"),
        "sender_audit_head": {"seq": head_seq, "hash": head_hash},
        "items": manifest.get("item_count"),
        "blobs": len(blob_records),
        "selection": header.get("selection"),
    }
    if forwarded is not None:
        details["forwarded"] = forwarded
        conn.execute(
            "INSERT OR REPLACE INTO case_meta (key, value) VALUES ('received_forwarded_by', ?)", [forwarded["by"]]
        )
    action = "transfer.received" if verified else "transfer.received_unverified"
    with_label = contact_name or f"an UNKNOWN sender ({sender.fingerprint})"
    details["summary"] = f"received from {with_label}" + (
        f", forwarded by {forwarded['by']} (not addressed to this key)" if forwarded else ""
    )
    # The received entry commits to the state of every item as it arrived (a partial bundle's
    # chain withholds the sender's details, so this is where the binding starts).
    item_state.mark_all(db)
    audit_log.append(db, analyst, action, details)
    conn.commit()
    if identity is not None:
        sign_head(db, identity)
        conn.commit()
    return {
        "sender": {
            "contact": contact_name,
            "label": sender_label,
            "fingerprint": sender.fingerprint,
            "verified": verified,
        },
        "flagged": not verified,
        "items": manifest.get("item_count"),
        "blobs": len(blob_records),
        "rows": rows,
        "audit_entries": audit_entries + 1,
        "sender_audit_head": {"seq": head_seq, "hash": head_hash},
        "bundle_sha256": bundle_sha256,
        "bundle_size": bundle_size,
        "mode": mode,
        "selection": header.get("selection"),
        "forwarded": forwarded,
    }


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _record(name: str, data: bytes) -> EntryRecord:
    return EntryRecord(name, len(data), _sha256(data))


def _parse_json(raw: bytes, what: str, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise BundleError(f"{what} is not valid JSON", path) from exc
    if not isinstance(data, dict):
        raise BundleError(f"{what} is not a JSON object", path)
    return data


def _parse_header(raw: bytes, path: Path) -> dict[str, Any]:
    header = _parse_json(raw, "bundle.json", path)
    if header.get("format") != FORMAT:
        raise BundleError("not a workstation bundle (unknown format name)", path)
    if header.get("version") != VERSION:
        raise BundleError(
            f"bundle format version {header.get('version')} is not supported (this program reads version {VERSION})",
            path,
        )
    if not isinstance(header.get("sender"), dict):
        raise BundleError("the bundle does not name its sender", path)
    return header


def _check_addressed(
    header: dict[str, Any], identity: Identity | None, accept_forwarded: str | None, path: Path
) -> dict[str, Any] | None:
    """Compare the signed recipient list with the receiving key.

    Returns:
        None when the bundle was addressed to this key (or is a passphrase bundle); else the
        custody record of a forwarded bundle the analyst accepted.

    Raises:
        NotAddressed: the bundle was made for others and the analyst did not accept it as forwarded.
    """
    listed = header.get("recipients")
    if identity is None or not isinstance(listed, list) or not listed:
        return None
    keys = [str(r.get("age_recipient")) for r in listed if isinstance(r, dict)]
    if identity.public.age_recipient in keys:
        return None
    labels = ", ".join(str(r.get("label") or r.get("age_recipient")) for r in listed if isinstance(r, dict))
    if not accept_forwarded:
        raise NotAddressed(
            f"this bundle was signed for {labels}, not for your key: someone who could open it "
            "re-encrypted it to you (forwarded). Receive it only if you know who forwarded it, with "
            '--accept-forwarded "NAME" (recorded in the case\'s custody)',
            path,
        )
    return {"by": accept_forwarded, "signed_recipients": listed, "received_with_key": identity.public.fingerprint}


def _check_sender(
    header: dict[str, Any],
    contacts: Contacts,
    own: PublicIdentity | None,
    accept_unknown: bool,
    path: Path,
) -> tuple[PublicIdentity, str | None]:
    try:
        sender = PublicIdentity.from_json(header["sender"])
    except IdentityError as exc:
        raise BundleError(f"the sender's identity in the bundle is damaged ({exc.reason})", path) from exc
    claimed_fp = header["sender"].get("fingerprint")
    if claimed_fp is not None and claimed_fp != sender.fingerprint:
        raise BundleError("the sender's fingerprint does not match the sender's keys", path)
    if own is not None and own.sign_key == sender.sign_key:
        if own.age_recipient != sender.age_recipient:
            raise BundleError("the bundle claims your signing key with another encryption key", path)
        return sender, "yourself"
    contact = contacts.by_sign_key(sender.sign_key)
    if contact is not None:
        if contact.identity.age_recipient != sender.age_recipient:
            raise BundleError(
                f"the sender's keys do not match your contact {contact.name!r} (fingerprint "
                f"{contact.identity.fingerprint}, bundle says {sender.fingerprint})",
                path,
            )
        return sender, contact.name
    label = header["sender"].get("label") or "no name given"
    if not accept_unknown:
        raise UnknownSender(
            f"unknown sender ({label}, fingerprint {sender.fingerprint}): not in your contacts. "
            "Check the fingerprint with them by phone and add them with 'workstation contacts add', "
            "or receive anyway with --accept-unknown-sender (the case is then flagged)",
            path,
            label=label,
            fingerprint=sender.fingerprint,
        )
    return sender, None


def _load_part(
    db: Any,
    local: dict[str, tbl.TableInfo],
    seeded: set[str],
    table: str,
    lines: _Lines,
    path: Path,
) -> int:
    it = iter(lines)
    try:
        head = next(it)
    except StopIteration:
        raise BundleError(f"empty table part for {table}", path) from None
    if not isinstance(head, dict) or head.get("table") != table:
        raise BundleError(f"table part for {table} has a wrong header", path)
    columns = head.get("columns")
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        raise BundleError(f"table part for {table} lists no columns", path)
    info = local.get(table)
    if info is None:
        raise BundleError(
            f"the bundle holds table {table!r}, unknown to this Evidence Workstation; update it",
            path,
        )
    allowed = set(info.columns) | ({"rowid"} if info.virtual else set())
    unknown = [c for c in columns if c not in allowed]
    if unknown:
        raise BundleError(
            f"the bundle's table {table!r} has column(s) {', '.join(unknown)} unknown here; "
            "update this Evidence Workstation",
            path,
        )

    def rows() -> Iterator[list[Any]]:
        for row in it:
            if not isinstance(row, list) or len(row) != len(columns):
                raise BundleError(f"a row of {table} does not match its columns", path)
            yield row

    try:
        return tbl.insert_rows(db, info, columns, rows(), replace=table in seeded)
    except casefile.DatabaseError as exc:
        raise BundleError(f"rows of {table} cannot be stored: {exc}", path) from exc


def _load_audit(db: Any, lines: _Lines, path: Path) -> int:
    count = 0
    for row in lines:
        if not isinstance(row, list) or len(row) != 7:
            raise BundleError("audit.jsonl: an entry does not have the 7 stored fields", path)
        try:
            db.conn.execute(
                "INSERT INTO audit (seq, at, analyst, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        except casefile.DatabaseError as exc:
            raise BundleError(f"audit.jsonl: entry cannot be stored: {exc}", path) from exc
        count += 1
    return count


def _check_manifest(
    db: Any,
    manifest: dict[str, Any],
    header: dict[str, Any],
    records: list[EntryRecord],
    blob_records: list[dict[str, Any]],
    rows: dict[str, int],
    path: Path,
) -> None:
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BundleError("the manifest's format does not match the bundle", path)
    if canonical(manifest.get("sender")) != canonical(header.get("sender")):
        raise BundleError("the manifest names another sender than the bundle header", path)
    listed = manifest.get("entries")
    seen = [r.to_json() for r in records]
    if listed != seen:
        names = {e.get("name") for e in listed or [] if isinstance(e, dict)}
        got = {r.name for r in records}
        if names - got:
            raise BundleError(
                f"member {sorted(names - got)[0]} listed in the manifest is missing (truncated?)",
                path,
            )
        if got - names:
            raise BundleError(f"member {sorted(got - names)[0]} is not in the manifest", path)
        for want, have in zip(listed or [], seen, strict=False):
            if want != have:
                raise BundleError(f"member {have['name']} does not match the manifest (size or SHA-256)", path)
        raise BundleError("the members are not in the manifest's order", path)
    if manifest.get("blobs") != blob_records:
        raise BundleError("the blobs received differ from the manifest's list", path)
    count = db.execute("SELECT count(*) FROM items").fetchone()[0]
    if manifest.get("item_count") != count:
        raise BundleError(
            f"the manifest counts {manifest.get('item_count')} item(s); the bundle holds {count}",
            path,
        )
    if manifest.get("rows") != rows:
        raise BundleError("row counts differ from the manifest", path)
