"""Passphrase sealing of small secrets (private keys, a bundle's one-off key): Argon2id + ChaCha20.

Why not age's own passphrase (scrypt) mode: rage picks the scrypt work factor itself and it needs
about 512 MB of memory on an ordinary laptop, for every unlock; the workstation promises to stay
under 500 MB while streaming a case. Argon2id (RFC 9106) with explicit, recorded parameters is
the current recommendation for passphrase hashing and costs 64 MiB here.

A sealed blob is one JSON object (so it can be read and checked by hand)::

    {"format": "ews-sealed", "version": 1,
     "kdf": {"name": "argon2id", "salt": b64, "memory_kib": 65536, "iterations": 3, "lanes": 4},
     "cipher": "chacha20-poly1305", "nonce": b64, "ciphertext": b64}

The ``context`` (what the secret is for) is authenticated data: a sealed key cannot be passed off
as a bundle envelope or the other way round.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

FORMAT = "ews-sealed"
MEMORY_KIB = 64 * 1024
ITERATIONS = 3
LANES = 4
# Refuse parameters from a file that would make opening it a denial of service.
MAX_MEMORY_KIB = 512 * 1024
MAX_ITERATIONS = 16
MAX_LANES = 16


class SealError(ValueError):
    """Wrong passphrase, damaged data, or parameters outside the accepted limits."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _key(passphrase: str, salt: bytes, memory_kib: int, iterations: int, lanes: int) -> bytes:
    return Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory_kib).derive(
        passphrase.encode("utf-8")
    )


def seal(data: bytes, passphrase: str, *, context: str) -> bytes:
    """Encrypt ``data`` under ``passphrase``; returns the JSON bytes."""
    if not passphrase:
        raise SealError("an empty passphrase is not allowed")
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _key(passphrase, salt, MEMORY_KIB, ITERATIONS, LANES)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, data, context.encode("utf-8"))
    doc = {
        "format": FORMAT,
        "version": 1,
        "kdf": {
            "name": "argon2id",
            "salt": _b64(salt),
            "memory_kib": MEMORY_KIB,
            "iterations": ITERATIONS,
            "lanes": LANES,
        },
        "cipher": "chacha20-poly1305",
        "nonce": _b64(nonce),
        "ciphertext": _b64(sealed),
    }
    return (json.dumps(doc, indent=1) + "\n").encode("ascii")


def unseal(blob: bytes, passphrase: str, *, context: str) -> bytes:
    """Decrypt what :func:`seal` made.

    Raises:
        SealError: wrong passphrase (or context), damaged blob, unacceptable parameters.
    """
    try:
        doc: dict[str, Any] = json.loads(blob)
        kdf = doc["kdf"]
        if doc.get("format") != FORMAT or doc.get("version") != 1 or kdf.get("name") != "argon2id":
            raise SealError("not a sealed secret of a known kind")
        if doc.get("cipher") != "chacha20-poly1305":
            raise SealError("unknown cipher")
        memory, iterations, lanes = int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        ciphertext = base64.b64decode(doc["ciphertext"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, SealError):
            raise
        raise SealError("damaged sealed secret") from exc
    if not (
        8 * lanes <= memory <= MAX_MEMORY_KIB
        and 1 <= iterations <= MAX_ITERATIONS
        and 1 <= lanes <= MAX_LANES
        and len(salt) >= 8
        and len(nonce) == 12
    ):
        raise SealError("sealed secret with parameters outside the accepted limits")
    key = _key(passphrase, salt, memory, iterations, lanes)
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, context.encode("utf-8"))
    except InvalidTag as exc:
        raise SealError("wrong passphrase, or the sealed secret is damaged") from exc
