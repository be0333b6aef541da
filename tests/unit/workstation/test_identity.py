"""Analyst identities, identity lines, contacts and passphrase sealing."""

from __future__ import annotations

import json

import pytest

from workstation import identity as ident
from workstation.sealing import SealError, seal, unseal


@pytest.fixture(scope="module")
def home(tmp_path_factory):  # type: ignore[no-untyped-def]
    where = tmp_path_factory.mktemp("me")
    ident.create_identity("pass one", label="Ann", where=where)
    return where


def test_identity_line_round_trips_and_fingerprint_is_phone_friendly(home):  # type: ignore[no-untyped-def]
    public, record = ident.load_public(home)
    line = public.export_line()
    assert " " not in line and line.startswith("wsid1:age1")
    assert ident.PublicIdentity.parse_line(line) == public
    assert ident.PublicIdentity.parse_line(f"  {line[:40]}\n{line[40:]} ") == public  # wrapped in mail
    groups = public.fingerprint.split("-")
    assert len(groups) == 4 and all(len(g) == 4 and g.isalnum() and g.isupper() for g in groups)
    assert record["label"] == "Ann"


@pytest.mark.parametrize("damage", ["drop-char", "swap-key", "not-a-line"])
def test_damaged_identity_line_is_refused(home, damage):  # type: ignore[no-untyped-def]
    line = ident.load_public(home)[0].export_line()
    prefix, age, sign, check = line.split(":")
    bad = {
        "drop-char": line[:-1],
        "swap-key": ":".join([prefix, age, sign[:-2] + ("AA" if sign[-2:] != "AA" else "BB"), check]),
        "not-a-line": "age1qqqq",
    }[damage]
    with pytest.raises(ident.IdentityError):
        ident.PublicIdentity.parse_line(bad)


def test_unlock_needs_the_right_passphrase_and_keys_sign(home):  # type: ignore[no-untyped-def]
    with pytest.raises(ident.IdentityError, match="cannot unlock your keys"):
        ident.unlock("wrong", home)
    me = ident.unlock("pass one", home)
    signature = me.sign(b"manifest")
    assert me.public.verify(signature, b"manifest")
    assert not me.public.verify(signature, b"manifest!")
    # The private key file holds no key in the clear.
    secret = (home / ident.SECRET_FILE).read_text()
    assert "AGE-SECRET-KEY" not in secret.upper()
    assert json.loads(secret)["kdf"]["name"] == "argon2id"


def test_existing_identity_is_not_replaced_without_force(home):  # type: ignore[no-untyped-def]
    with pytest.raises(ident.IdentityError, match="already exists"):
        ident.create_identity("x", where=home)


def test_contacts_add_list_remove(tmp_path, home):  # type: ignore[no-untyped-def]
    line = ident.load_public(home)[0].export_line()
    book = ident.Contacts(tmp_path)
    contact = book.add("Ann NL", line)
    assert contact.identity.fingerprint == ident.load_public(home)[0].fingerprint
    with pytest.raises(ident.IdentityError, match="exists"):
        book.add("ann nl", line)
    with pytest.raises(ident.IdentityError, match="already in your contacts"):
        book.add("Other", line)
    again = ident.Contacts(tmp_path)  # persisted
    assert [c.name for c in again] == ["Ann NL"]
    assert again.by_sign_key(contact.identity.sign_key) is not None
    assert ident.resolve_recipients(["Ann NL"], again) == [("Ann NL", contact.identity.age_recipient)]
    with pytest.raises(ident.IdentityError, match="unknown recipient"):
        ident.resolve_recipients(["Nobody"], again)
    again.remove("Ann NL")
    assert len(ident.Contacts(tmp_path)) == 0


def test_sealing_binds_passphrase_and_context():  # type: ignore[no-untyped-def]
    blob = seal(b"secret", "pw", context="keys")
    assert unseal(blob, "pw", context="keys") == b"secret"
    with pytest.raises(SealError):
        unseal(blob, "other", context="keys")
    with pytest.raises(SealError):
        unseal(blob, "pw", context="bundle")
    doc = json.loads(blob)
    doc["kdf"]["memory_kib"] = 64 * 1024 * 1024  # a hostile file asking for 64 GiB
    with pytest.raises(SealError, match="limits"):
        unseal(json.dumps(doc).encode(), "pw", context="keys")
