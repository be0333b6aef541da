"""verify: re-hash every original, walk the audit chain, recompute every item's state from it,
and check the analyst's signatures of the head. Reads only; never changes the case.

Every difference is reported by item: an item whose fields differ from the state its last audit
entry committed to (with the fields named), an item no entry records (planted), an item an entry
records that is gone (deleted), an original whose bytes no longer hash to their key.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storage import audit as audit_log
from storage import casefile
from storage import state as item_state
from workstation.case import Case
from workstation.progress import Progress

MISSING = object()


@dataclass(frozen=True)
class SignerInfo:
    """Who signed the head: fingerprint, label as signed, and the name in contacts if known."""

    fingerprint: str
    label: str
    known_as: str | None
    last_seq: int

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "label": self.label,
            "known_as": self.known_as,
            "last_signed_entry": self.last_seq,
        }


def _problem(what: str, problem: str, **extra: Any) -> dict[str, Any]:
    return {"what": what, "problem": problem, **extra}


def verify_case(case: Case, progress: Progress | None = None) -> dict[str, Any]:
    """The full verification report (plain JSON-able dict; the CLI prints it whole).

    Returns:
        {"ok", "blobs_checked", "items_checked", "audit_entries", "audit_head", "problems",
         "items_with_problems", "signature", "read_only"}; each problem has "what" and "problem",
         and "item" (id) with "fields" when it concerns an item.
    """
    problems: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []  # not proof of tampering, but worth a look (unsigned entries)
    report: dict[str, Any] = {
        "ok": False,
        "blobs_checked": 0,
        "items_checked": 0,
        "audit_entries": None,
        "audit_head": None,
        "problems": problems,
        "warnings": warnings,
        "items_with_problems": [],
        "signature": {"status": "unsigned", "signers": [], "unsigned_entries": None},
        "read_only": case.read_only,
    }
    for text in _guard(problems, "file", lambda: casefile.integrity_problems(case.db)) or []:
        problems.append(_problem("file", text))
    if any(p["what"] == "file" for p in problems):
        problems.append(
            _problem(
                "file",
                "the case file is damaged: restore it from a copy (the checks below read what can still be read)",
            )
        )
    names = _guard(problems, "items", lambda: _names(case)) or {}
    _check_blobs(case, problems, report, names, progress)
    entries = _guard(problems, "audit", lambda: audit_log.entries(case.db))
    if entries is not None:
        for text in _guard(problems, "audit", lambda: audit_log.verify_chain(case.db)) or []:
            problems.append(_problem("audit", text))
        seq, head = entries[-1].seq if entries else 0, entries[-1].hash if entries else audit_log.GENESIS
        report["audit_entries"], report["audit_head"] = seq, head
        if _guard(problems, "state", lambda: item_state.enabled(case.db)):
            _guard(problems, "items' state", lambda: _check_state(case, entries, problems, report, names))
        signature = _guard(problems, "signature", lambda: _check_signatures(case, entries, problems, warnings))
        report["signature"] = signature or report["signature"]
    report["items_with_problems"] = sorted({p["item"] for p in problems if isinstance(p.get("item"), int)})
    report["ok"] = not problems
    return report


def _guard(problems: list[dict[str, Any]], what: str, fn: Any) -> Any:
    """Run one check; a damaged page becomes a problem in the report instead of ending it."""
    try:
        return fn()
    except casefile.DAMAGE_ERRORS as exc:
        problems.append(_problem("file", f"cannot read the {what}: damaged pages ({type(exc).__name__}: {exc})"))
        return None


def _names(case: Case) -> dict[int, str]:
    return {int(r[0]): r[1] or "" for r in case.db.execute("SELECT id, original_name FROM items")}


def _check_blobs(
    case: Case, problems: list[dict[str, Any]], report: dict[str, Any], names: dict[int, str], progress: Progress | None
) -> None:
    shas = _guard(problems, "blob index", case.blobs.all_sha256)
    if shas is None:
        return
    if progress is not None:
        progress.start(len(shas), "verifying blobs")
    for sha in shas:
        reason = _guard(problems, f"blob {sha[:16]}", lambda s=sha: case.blobs.verify(s))
        if reason:
            rows = case.db.execute("SELECT id, original_name FROM items WHERE sha256 = ?", [sha]).fetchall()
            for item_id, name in rows or [(None, None)]:
                problems.append(
                    _problem(
                        "blob",
                        f"the original's bytes do not match their SHA-256: {reason}",
                        sha256=sha,
                        item=item_id,
                        name=name,
                        fields=["original"],
                    )
                )
        if progress is not None:
            progress.step()
    report["blobs_checked"] = len(shas)
    missing = (
        _guard(
            problems,
            "items",
            lambda: case.db.execute(
                "SELECT items.id, items.sha256, items.original_name FROM items LEFT JOIN blobs "
                "ON blobs.sha256 = items.sha256 WHERE blobs.id IS NULL"
            ).fetchall(),
        )
        or []
    )
    for item_id, sha, name in missing:
        problems.append(
            _problem("item", "its original (blob) is missing", item=item_id, sha256=sha, name=name, fields=["original"])
        )


def expected_state(entries: list[audit_log.AuditEntry]) -> tuple[dict[int, tuple[str | None, int]], bool]:
    """Each item's digest as the chain last committed it, with the entry's sequence number.

    Returns:
        ({item_id: (digest or None if deleted, seq)}, whether any entry binds state at all).
    """
    expected: dict[int, tuple[str | None, int]] = {}
    bound = False
    for entry in entries:
        state = entry.details.get(audit_log.STATE_KEY) if isinstance(entry.details, dict) else None
        if not isinstance(state, list):
            continue
        bound = True
        for pair in state:
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int):
                expected[pair[0]] = (pair[1], entry.seq)
    return expected, bound


def _recorded_names(entries: list[audit_log.AuditEntry]) -> dict[int, str]:
    """Item names and paths as import entries recorded them (to name a deleted item)."""
    out: dict[int, str] = {}
    for entry in entries:
        items = entry.details.get("items") if isinstance(entry.details, dict) else None
        if isinstance(items, list):
            for row in items:
                if isinstance(row, list) and len(row) >= 3 and isinstance(row[0], int):
                    out[row[0]] = str(row[2])
    return out


def _check_state(
    case: Case,
    entries: list[audit_log.AuditEntry],
    problems: list[dict[str, Any]],
    report: dict[str, Any],
    names: dict[int, str],
) -> None:
    expected, bound = expected_state(entries)
    if not bound:
        if names:
            problems.append(
                _problem(
                    "state",
                    "no audit entry commits to the items' state (the binding was removed, or the entries that made it)",
                )
            )
        return
    current = item_state.components(case.db)
    report["items_checked"] = len(current)
    stored = {
        int(r[0]): (r[1], r[2], int(r[3]))
        for r in case.db.execute("SELECT item_id, digest, components, seq FROM item_state")
    }
    recorded = _recorded_names(entries)
    for item_id in sorted(set(expected) | set(current)):
        want, seq = expected.get(item_id, (MISSING, 0))
        comp = current.get(item_id)
        name = names.get(item_id) or recorded.get(item_id) or ""
        if comp is None:
            if want is MISSING or want is None:
                continue
            problems.append(
                _problem(
                    "item",
                    f"deleted without an audit entry (entry {seq} recorded it)",
                    item=item_id,
                    name=name,
                    fields=["item"],
                )
            )
            continue
        have = item_state.digest(comp)
        if want is MISSING or want is None:
            problems.append(
                _problem(
                    "item",
                    "in the case but recorded by no audit entry (planted, or added outside the workstation)"
                    if want is MISSING
                    else f"in the case although entry {seq} recorded it as deleted",
                    item=item_id,
                    name=name,
                    fields=["item"],
                )
            )
            continue
        if have == want:
            continue
        record = stored.get(item_id)
        if record is not None and record[0] == have and record[2] > seq:
            problems.append(
                _problem(
                    "item",
                    f"changed since entry {seq} by an entry that is no longer in the chain (entry {record[2]} "
                    "recorded its current state: entries were removed or replaced)",
                    item=item_id,
                    name=name,
                    fields=["(fields unknown)"],
                    expected_state=want,
                    actual_state=have,
                )
            )
            continue
        fields = _changed_fields(comp, record, str(want))
        problems.append(
            _problem(
                "item",
                f"changed without an audit entry since entry {seq}: {_describe(fields)}",
                item=item_id,
                name=name,
                fields=fields,
                expected_state=want,
                actual_state=have,
            )
        )


def _changed_fields(comp: dict[str, str], stored: tuple[str, str, int] | None, want: str) -> list[str]:
    if stored is None or stored[0] != want:
        return ["(fields unknown: the state record was altered too)"]
    try:
        old = json.loads(stored[1])
    except ValueError:
        return ["(fields unknown: the state record is unreadable)"]
    if item_state.digest(old) != want:
        return ["(fields unknown: the state record was altered too)"]
    return sorted(k for k in set(old) | set(comp) if old.get(k) != comp.get(k))


def _describe(fields: list[str]) -> str:
    parts: list[str] = []
    fs = set(fields)
    if fs & set(item_state.ORIGINAL_FIELDS):
        parts.append("original replaced or its hashes edited")
    if fs & set(item_state.PROVENANCE_FIELDS):
        parts.append("provenance edited")
    if fs & set(item_state.TEXT_FIELDS):
        parts.append("extracted text edited")
    if "exhibits" in fs:
        parts.append("exhibit added or removed")
    if fs & {"notes", "tags", "annotations", "selector_links"}:
        parts.append("annotations edited")
    return "; ".join(parts + [f"fields: {', '.join(fields)}"])


def _check_signatures(
    case: Case, entries: list[audit_log.AuditEntry], problems: list[dict[str, Any]], warnings: list[dict[str, Any]]
) -> dict[str, Any]:
    """Check every head signature against the chain; name the signers."""
    from workstation.identity import Contacts, IdentityError, PublicIdentity, load_public

    by_seq = {e.seq: e.hash for e in entries}
    sigs = audit_log.signatures(case.db)
    try:
        contacts: Contacts | None = Contacts()
    except (IdentityError, OSError, ValueError):
        contacts = None
    try:
        own: PublicIdentity | None = load_public()[0]
    except (IdentityError, OSError, ValueError):
        own = None
    signers: dict[str, SignerInfo] = {}
    last_good = last_match = 0
    for sig in sigs:
        try:
            key = base64.urlsafe_b64decode(sig.sign_key + "=" * (-len(sig.sign_key) % 4))
            raw = base64.urlsafe_b64decode(sig.signature + "=" * (-len(sig.signature) % 4))
        except ValueError:
            problems.append(_problem("signature", f"the signature of entry {sig.seq} is unreadable"))
            continue
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(key).verify(raw, audit_log.signed_bytes(sig.seq, sig.hash))
        except (InvalidSignature, ValueError):
            problems.append(
                _problem(
                    "signature",
                    f"the signature of entry {sig.seq} ({sig.label}, {sig.fingerprint}) is not valid: altered",
                )
            )
            continue
        if by_seq.get(sig.seq) != sig.hash:
            affected = _entry_items(entries, last_match, sig.seq)
            now = "no such entry" if sig.seq not in by_seq else by_seq[sig.seq][:16] + "…"
            problems.append(
                _problem(
                    "signature",
                    f"{sig.label or 'the analyst'} ({sig.fingerprint}) signed entry {sig.seq} as {sig.hash[:16]}…, "
                    f"but the chain now has {now}: "
                    "the history was rewritten after it was signed",
                    seq=sig.seq,
                    items=affected,
                )
            )
            continue
        last_good = max(last_good, sig.seq)
        last_match = max(last_match, sig.seq)
        known = None
        if own is not None and own.sign_key_b64 == sig.sign_key:
            known = "you"
        elif contacts is not None:
            contact = contacts.by_sign_key(key)
            known = contact.name if contact is not None else None
        prior = signers.get(sig.sign_key)
        last = max(sig.seq, prior.last_seq if prior else 0)
        signers[sig.sign_key] = SignerInfo(sig.fingerprint, sig.label, known, last)
    total = len(entries)
    last_seq = entries[-1].seq if entries else 0
    if last_good and last_seq > last_good:
        affected = _entry_items(entries, last_good, last_seq)
        warnings.append(
            _problem(
                "signature",
                f"entries {last_good + 1}–{last_seq} were added after the last signature and are not signed "
                "(made without the analyst's key: the window, a command without the key passphrase, or someone else)",
                items=affected,
            )
        )
    status = (
        "signed"
        if last_good and last_good == (entries[-1].seq if entries else 0)
        else ("partly signed" if last_good else "unsigned")
    )
    return {
        "status": status,
        "signers": [s.to_json() for s in signers.values()],
        "last_signed_entry": last_good or None,
        "unsigned_entries": total - sum(1 for e in entries if e.seq <= last_good),
    }


def _entry_items(entries: list[audit_log.AuditEntry], after: int, upto: int) -> list[int]:
    """Items whose state entries ``after``+1 .. ``upto`` commit to (where a rewrite happened)."""
    out: set[int] = set()
    for e in entries:
        if not after < e.seq <= upto:
            continue
        state = e.details.get(audit_log.STATE_KEY) if isinstance(e.details, dict) else None
        for pair in state if isinstance(state, list) else []:
            if isinstance(pair, list) and pair and isinstance(pair[0], int):
                out.add(pair[0])
    return sorted(out)


def iter_lines(report: dict[str, Any]) -> Iterator[str]:
    """The report as lines for a terminal, by item."""
    sig = report["signature"]
    if sig["signers"]:
        who = ", ".join(
            f"{s['known_as'] or s['label'] or '?'} ({s['fingerprint']}) up to entry {s['last_signed_entry']}"
            for s in sig["signers"]
        )
        yield f"signature: {sig['status']} by {who}; {sig['unsigned_entries']} entr(y/ies) after it unsigned"
    else:
        yield "signature: unsigned (no analyst key signed this case's audit head)"
    for p in report.get("warnings", []):
        items = f" (items {', '.join(map(str, p['items']))})" if p.get("items") else ""
        yield f"  warning: {p['problem']}{items}"
    for p in report["problems"]:
        where = f"item {p['item']}" + (f" ({p['name']})" if p.get("name") else "") if p.get("item") else p["what"]
        yield f"  {where}: {p['problem']}"
