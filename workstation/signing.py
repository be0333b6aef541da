"""The analyst's key signs the audit head at the end of every writing command, when it can.

No identity yet, or no key passphrase (``WORKSTATION_KEY_PASSPHRASE`` unset and no terminal to
ask on): the head stays unsigned and ``verify`` says so plainly; nothing else changes.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from datetime import UTC, datetime
from typing import Any

from storage import audit as audit_log
from workstation.identity import Identity, IdentityError, home, key_passphrase, load_public, unlock


def analyst_signer() -> Identity | None:
    """The unlocked identity, or None when there is none or no way to ask for its passphrase.

    Raises:
        IdentityError: an identity exists but the passphrase does not unlock it.
    """
    try:
        load_public()
    except IdentityError:
        return None
    if not os.environ.get("WORKSTATION_KEY_PASSPHRASE") and not sys.stdin.isatty():
        return None
    passphrase = key_passphrase()
    # Unlocking is slow on purpose (scrypt); one process (the window, a test run) unlocks once.
    key = (str(home()), hashlib.sha256(passphrase.encode("utf-8")).hexdigest())
    if key not in _UNLOCKED:
        _UNLOCKED[key] = unlock(passphrase)
    return _UNLOCKED[key]


_UNLOCKED: dict[tuple[str, str], Identity] = {}


def sign_head(db: Any, identity: Any) -> audit_log.HeadSignature | None:
    """Sign the current audit head with ``identity`` (an unlocked Identity) and store the signature.

    Runs in the caller's transaction (or autocommit); returns None for an empty log.
    """
    seq, digest = audit_log.head(db)
    if not seq:
        return None
    public = identity.public
    sig = audit_log.HeadSignature(
        seq=seq,
        hash=digest,
        sign_key=public.sign_key_b64,
        fingerprint=public.fingerprint,
        label=identity.label,
        signed_at=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        signature=base64.urlsafe_b64encode(identity.sign(audit_log.signed_bytes(seq, digest))).decode("ascii"),
    )
    audit_log.add_signature(db, sig)
    return sig
