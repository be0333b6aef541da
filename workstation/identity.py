"""Analyst identity (age X25519 + Ed25519 key pairs) and the contacts list of partner analysts.

The identity lives in the user's data directory (``platformdirs``), or in ``WORKSTATION_HOME``
when set, so two identities can share one machine in scripts and tests::

    <home>/identity.json         public parts, label, creation time (plain: nothing secret)
    <home>/identity.secret       both private keys, sealed with the key passphrase
                                 (Argon2id + ChaCha20-Poly1305, see workstation.sealing)
    <home>/contacts.json         partners' public identities, keyed by the name you gave them

A public identity travels as ONE line (``keys show --export``)::

    wsid1:<age1… recipient>:<Ed25519 public key, base64url>:<fingerprint>

The fingerprint closes the line, so a line damaged by e-mail or a typo is refused rather than
silently trusted; the same fingerprint is what two analysts read to each other over the phone.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from workstation.errors import UsageError, WorkstationError
from workstation.paths import data_home
from workstation.sealing import SealError, seal, unseal

LINE_PREFIX = "wsid1"
_FP_DOMAIN = b"evidence-workstation identity v1\x00"
IDENTITY_FILE = "identity.json"
SECRET_FILE = "identity.secret"
SECRET_CONTEXT = "evidence-workstation identity private keys v1"
CONTACTS_FILE = "contacts.json"


class IdentityError(WorkstationError):
    """No identity, a wrong key passphrase, a damaged key file or a bad identity line."""

    exit_code = 2  # like a wrong case passphrase (workstation.errors); 3 means "a check found problems"


# -- where keys live ---------------------------------------------------------------------------
def home() -> Path:
    """The directory holding this analyst's identity and contacts."""
    return data_home()


def _write_private(path: Path, data: bytes) -> None:
    """Write atomically, readable by the owner only (keys, contacts)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# -- public identity ---------------------------------------------------------------------------
def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class PublicIdentity:
    """What a partner needs to encrypt to you and to check your signature."""

    age_recipient: str  # "age1…" (bech32, carries its own checksum)
    sign_key: bytes  # raw 32-byte Ed25519 public key

    @property
    def fingerprint(self) -> str:
        """80 bits of SHA-256 over both keys, base32 in four groups: read it out over the phone."""
        digest = hashlib.sha256(_FP_DOMAIN + self.age_recipient.encode("ascii") + b"\x00" + self.sign_key).digest()
        text = base64.b32encode(digest[:10]).decode("ascii")
        return "-".join(text[i : i + 4] for i in range(0, 16, 4))

    @property
    def sign_key_b64(self) -> str:
        return _b64url(self.sign_key)

    def export_line(self) -> str:
        return ":".join([LINE_PREFIX, self.age_recipient, self.sign_key_b64, self.fingerprint.replace("-", "")])

    @classmethod
    def parse_line(cls, line: str) -> PublicIdentity:
        """Read a line made by ``keys show --export``; refuses anything damaged.

        Raises:
            IdentityError: not an identity line, a broken key, or a fingerprint that does not match.
        """
        parts = "".join(line.split()).split(":")
        if len(parts) != 4 or parts[0] != LINE_PREFIX:
            raise IdentityError(
                "not a workstation identity line (expected wsid1:age1…:…:…, as printed by "
                "'workstation keys show --export')"
            )
        _, recipient, sign_b64, check = parts
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except pyrage.RecipientError as exc:
            raise IdentityError(f"the encryption key in the identity line is damaged: {exc}") from exc
        try:
            sign_key = _unb64url(sign_b64)
            Ed25519PublicKey.from_public_bytes(sign_key)
        except ValueError as exc:
            raise IdentityError("the signing key in the identity line is damaged") from exc
        ident = cls(recipient, sign_key)
        if ident.fingerprint.replace("-", "") != check.upper():
            raise IdentityError("the identity line does not match its fingerprint (copied incompletely or altered)")
        return ident

    def to_json(self) -> dict[str, str]:
        return {
            "age_recipient": self.age_recipient,
            "ed25519": self.sign_key_b64,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublicIdentity:
        try:
            ident = cls(str(data["age_recipient"]), _unb64url(str(data["ed25519"])))
            Ed25519PublicKey.from_public_bytes(ident.sign_key)
        except (KeyError, ValueError) as exc:
            raise IdentityError(f"damaged public identity record: {exc}") from exc
        return ident

    def recipient(self) -> pyrage.x25519.Recipient:
        return pyrage.x25519.Recipient.from_str(self.age_recipient)

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` is this identity's Ed25519 signature over ``data``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.sign_key).verify(signature, data)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Identity:
    """An unlocked identity: can decrypt bundles sent to it and sign bundles it sends."""

    public: PublicIdentity
    label: str
    age_identity: pyrage.x25519.Identity
    _signing_key: Ed25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        return self._signing_key.sign(data)


# -- creating and loading ----------------------------------------------------------------------
def create_identity(
    passphrase: str, *, label: str = "", force: bool = False, where: Path | None = None
) -> PublicIdentity:
    """Make a new key pair for encryption (age X25519) and one for signing (Ed25519).

    Args:
        passphrase: protects both private keys (sealed: Argon2id + ChaCha20-Poly1305).
        label: free text shown to partners (name, agency); not part of the keys.
        force: replace an existing identity; the old files are kept next to it as ``*.old``.
        where: the identity directory (default :func:`home`).

    Raises:
        IdentityError: an identity exists and ``force`` is false, or the passphrase is empty.
    """
    base = where or home()
    public_file, secret_file = base / IDENTITY_FILE, base / SECRET_FILE
    if not passphrase:
        raise IdentityError("an empty key passphrase is not allowed")
    if public_file.exists() or secret_file.exists():
        if not force:
            raise IdentityError(
                "an identity already exists here; partners know it by its fingerprint. "
                "Use --force to replace it (the old files are kept as *.old)",
                base,
            )
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        for f in (public_file, secret_file):
            if f.exists():
                os.replace(f, f.with_name(f"{f.name}.{stamp}.old"))
    age_id = pyrage.x25519.Identity.generate()
    signing = Ed25519PrivateKey.generate()
    sign_pub = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    public = PublicIdentity(str(age_id.to_public()), sign_pub)
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    secret = json.dumps(
        {
            "version": 1,
            "age_identity": str(age_id),
            "ed25519_private": _b64url(signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())),
        }
    ).encode("utf-8")
    _write_private(secret_file, seal(secret, passphrase, context=SECRET_CONTEXT))
    record = {"version": 1, "label": label, "created_at": utc_now(), **public.to_json()}
    _write_private(public_file, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
    return public


def _read_record(base: Path) -> dict[str, Any]:
    path = base / IDENTITY_FILE
    if not path.exists():
        raise IdentityError("no identity yet: create one with 'workstation keys new' (or set WORKSTATION_HOME)", base)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IdentityError(f"cannot read the identity file: {exc}", path) from exc
    if not isinstance(data, dict):
        raise IdentityError("damaged identity file", path)
    return data


def load_public(where: Path | None = None) -> tuple[PublicIdentity, dict[str, Any]]:
    """This analyst's public identity and its record (label, created_at)."""
    record = _read_record(where or home())
    return PublicIdentity.from_json(record), record


def unlock(passphrase: str, where: Path | None = None) -> Identity:
    """Decrypt the private keys.

    Raises:
        IdentityError: no identity, wrong passphrase, or key files that do not belong together.
    """
    base = where or home()
    public, record = load_public(base)
    secret_file = base / SECRET_FILE
    try:
        blob = secret_file.read_bytes()
    except OSError as exc:
        raise IdentityError(f"cannot read the private key file: {exc.strerror}", secret_file) from exc
    try:
        secret = json.loads(unseal(blob, passphrase, context=SECRET_CONTEXT))
    except SealError as exc:
        raise IdentityError(f"cannot unlock your keys: {exc}", secret_file) from exc
    except ValueError as exc:
        raise IdentityError("damaged private key file", secret_file) from exc
    try:
        age_id = pyrage.x25519.Identity.from_str(secret["age_identity"])
        signing = Ed25519PrivateKey.from_private_bytes(_unb64url(secret["ed25519_private"]))
    except (KeyError, ValueError, pyrage.IdentityError) as exc:
        raise IdentityError("damaged private key file", secret_file) from exc
    sign_pub = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if str(age_id.to_public()) != public.age_recipient or sign_pub != public.sign_key:
        raise IdentityError("the private keys do not belong to the public identity next to them", secret_file)
    return Identity(public, str(record.get("label") or ""), age_id, signing)


def key_passphrase(*, confirm: bool = False) -> str:
    """The key passphrase: ``WORKSTATION_KEY_PASSPHRASE``, else a no-echo prompt.

    Raises:
        UsageError: no environment variable and no terminal to ask on; or the two entries differ.
    """
    value = os.environ.get("WORKSTATION_KEY_PASSPHRASE")
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError("no key passphrase: set WORKSTATION_KEY_PASSPHRASE or run in a terminal")
    first = getpass.getpass("Key passphrase: ")
    if confirm and getpass.getpass("Repeat key passphrase: ") != first:
        raise UsageError("the two key passphrases differ")
    return first


# -- contacts ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Contact:
    name: str
    identity: PublicIdentity
    added_at: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "added_at": self.added_at, **self.identity.to_json()}


class Contacts:
    """The partners this analyst exchanges bundles with, by the name the analyst gave them."""

    def __init__(self, where: Path | None = None) -> None:
        self.path = (where or home()) / CONTACTS_FILE
        self._items: list[Contact] = []
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                for row in data.get("contacts", []):
                    self._items.append(Contact(str(row["name"]), PublicIdentity.from_json(row), str(row["added_at"])))
            except (OSError, ValueError, KeyError, AttributeError) as exc:
                raise IdentityError(f"cannot read the contacts list: {exc}", self.path) from exc

    def __iter__(self) -> Iterator[Contact]:
        return iter(sorted(self._items, key=lambda c: c.name.casefold()))

    def __len__(self) -> int:
        return len(self._items)

    def get(self, name: str) -> Contact | None:
        for contact in self._items:
            if contact.name.casefold() == name.casefold():
                return contact
        return None

    def by_sign_key(self, sign_key: bytes) -> Contact | None:
        for contact in self._items:
            if contact.identity.sign_key == sign_key:
                return contact
        return None

    def by_age_recipient(self, recipient: str) -> Contact | None:
        for contact in self._items:
            if contact.identity.age_recipient == recipient:
                return contact
        return None

    def add(self, name: str, line: str) -> Contact:
        """Add a partner from their ``keys show --export`` line.

        Raises:
            IdentityError: a bad line, a name already used, or keys already known under another name.
        """
        name = name.strip()
        if not name:
            raise UsageError("a contact needs a name")
        identity = PublicIdentity.parse_line(line)
        if self.get(name) is not None:
            raise IdentityError(f"a contact named {name!r} exists; remove it first", self.path)
        for other in self._items:
            if other.identity.sign_key == identity.sign_key or other.identity.age_recipient == identity.age_recipient:
                raise IdentityError(f"these keys are already in your contacts as {other.name!r}")
        contact = Contact(name, identity, utc_now())
        self._items.append(contact)
        self._save()
        return contact

    def remove(self, name: str) -> Contact:
        contact = self.get(name)
        if contact is None:
            raise IdentityError(f"no contact named {name!r}", self.path)
        self._items.remove(contact)
        self._save()
        return contact

    def _save(self) -> None:
        data = {"version": 1, "contacts": [c.to_json() for c in self]}
        _write_private(self.path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def resolve_recipients(names: list[str], contacts: Contacts) -> list[tuple[str, str]]:
    """Turn ``--to`` values (contact names or ``age1…`` keys) into (label, age recipient).

    Raises:
        IdentityError: an unknown name or a malformed key.
    """
    out: list[tuple[str, str]] = []
    for raw in names:
        for value in (v.strip() for v in raw.split(",")):
            if not value:
                continue
            contact = contacts.get(value)
            if contact is not None:
                out.append((contact.name, contact.identity.age_recipient))
                continue
            if value.startswith("age1"):
                try:
                    pyrage.x25519.Recipient.from_str(value)
                except pyrage.RecipientError as exc:
                    raise IdentityError(f"not a valid age public key: {value}") from exc
                known = contacts.by_age_recipient(value)
                out.append((known.name if known else value, value))
                continue
            if value.startswith(LINE_PREFIX + ":"):
                ident = PublicIdentity.parse_line(value)
                known = contacts.by_age_recipient(ident.age_recipient)
                out.append((known.name if known else ident.fingerprint, ident.age_recipient))
                continue
            raise IdentityError(
                f"unknown recipient {value!r}: not in your contacts (workstation contacts list) "
                "and not an age1… public key"
            )
    if not out:
        raise UsageError("name at least one recipient with --to")
    seen: set[str] = set()
    unique = []
    for label, rec in out:
        if rec not in seen:
            seen.add(rec)
            unique.append((label, rec))
    return unique
