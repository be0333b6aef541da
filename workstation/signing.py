"""The analyst's key signs the audit head at the end of every writing command, when it can.

No identity yet, or no key passphrase (``WORKSTATION_KEY_PASSPHRASE`` unset and no terminal to
ask on): the head stays unsigned and ``verify`` says so plainly; nothing else changes.
"""

from __future__ import annotations

import os
import sys

from workstation.identity import Identity, IdentityError, key_passphrase, load_public, unlock


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
    return unlock(key_passphrase())
