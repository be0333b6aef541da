"""Bundles that must not be trusted are refused with one clear line, and nothing is created."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE, as_json, case_rows, leftovers
from workstation.case import Case
from workstation.identity import Identity
from workstation.transfer.container import BundleError
from workstation.transfer.export import export_bundle
from workstation.transfer.receive import UnknownSender, receive_bundle


@pytest.fixture
def bundle(tmp_path, analysts, sender_case) -> Path:  # type: ignore[no-untyped-def]
    """Ann's whole case, for Bogdan, made through the core API."""
    out = tmp_path / "for-bogdan.wsbundle"
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        export_bundle(
            case,
            out,
            identity=analysts["ann"].unlock(),
            recipients=[("Bogdan", analysts["bogdan"].public.age_recipient)],
        )
    return out


@pytest.fixture
def inbox(tmp_path) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def bogdan_receives(analysts, inbox):  # type: ignore[no-untyped-def]
    """Receive as Bogdan through the core API (his key unlocked once: scrypt is slow on purpose)."""
    bogdan = analysts["bogdan"]
    identity = bogdan.unlock()

    def receive(path: Path, **kwargs):  # type: ignore[no-untyped-def]
        return receive_bundle(
            path,
            inbox / "received.case",
            case_passphrase=CASE_PASSPHRASE,
            identity=identity,
            contacts=bogdan.contacts(),
            own=bogdan.public,
            **kwargs,
        )

    return receive


def test_intact_bundle_is_received(bundle, bogdan_receives, inbox):  # type: ignore[no-untyped-def]
    """The control for every refusal below: the same bundle, unaltered, is accepted."""
    assert bogdan_receives(bundle)["sender"]["verified"] is True
    assert leftovers(inbox) == ["received.case"]


def test_wrong_identity_is_refused(bundle, analysts, cli, inbox):  # type: ignore[no-untyped-def]
    target = inbox / "chen.case"
    code, out, err = cli(analysts["chen"], "receive", bundle, "--out", target)
    assert code == 4
    assert "not addressed to your key" in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert leftovers(inbox) == []


@pytest.mark.parametrize(
    "where",
    [
        0,  # "age-encryption.org/v1" line
        30,  # inside the recipient stanza
        "mac",  # the header MAC
        "payload-start",  # the first payload chunk (nonce / first bytes)
        "middle",
        "last",  # the final authenticated chunk's tag
    ],
)
def test_one_flipped_byte_is_refused(bundle, bogdan_receives, inbox, where):  # type: ignore[no-untyped-def]
    data = bytearray(bundle.read_bytes())
    header_end = data.index(b"\n---") + 1
    mac_line_end = data.index(b"\n", header_end) + 1
    pos = {
        "mac": header_end + 8,
        "payload-start": mac_line_end + 2,
        "middle": len(data) // 2,
        "last": len(data) - 3,
    }.get(where, where)
    assert isinstance(pos, int)
    data[pos] ^= 0x01
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError) as info:
        bogdan_receives(bundle)
    assert "\n" not in str(info.value)
    assert leftovers(inbox) == []


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, -1])
def test_truncated_bundle_is_refused(bundle, bogdan_receives, inbox, keep):  # type: ignore[no-untyped-def]
    data = bundle.read_bytes()
    cut = len(data) - 1 if keep == -1 else int(len(data) * keep)
    bundle.write_bytes(data[:cut])
    with pytest.raises(BundleError, match="damaged or truncated|truncated"):
        bogdan_receives(bundle)
    assert leftovers(inbox) == []


def test_bytes_appended_are_refused(bundle, bogdan_receives, inbox):  # type: ignore[no-untyped-def]
    bundle.write_bytes(bundle.read_bytes() + b"\x00")
    with pytest.raises(BundleError):
        bogdan_receives(bundle)
    assert leftovers(inbox) == []


def test_truncated_bundle_refused_from_cli(bundle, analysts, cli, inbox):  # type: ignore[no-untyped-def]
    bundle.write_bytes(bundle.read_bytes()[:-100])
    code, _, err = cli(analysts["bogdan"], "receive", bundle, "--out", inbox / "x.case")
    assert code == 4 and "truncated" in err and len(err.strip().splitlines()) == 1
    assert leftovers(inbox) == []


def test_unknown_sender_is_refused_then_flagged(tmp_path, analysts, cli, sender_case, inbox):  # type: ignore[no-untyped-def]
    """Mallory is not in Bogdan's contacts: refused; accepted on request, the case is flagged."""
    mallory = analysts["mallory"]
    mallory.contacts().add("Bogdan", analysts["bogdan"].public.export_line())
    # Mallory has a copy of the case (say, stolen); she sends it to Bogdan under her own key.
    bundle = tmp_path / "from-mallory.wsbundle"
    code, _, err = cli(mallory, "export", sender_case.path, "--to", "Bogdan", "--out", bundle)
    assert code == 0, err

    code, _, err = cli(analysts["bogdan"], "receive", bundle, "--out", inbox / "m.case")
    assert code == 4
    assert "unknown sender (Mallory, fingerprint " + mallory.public.fingerprint + ")" in err
    assert len(err.strip().splitlines()) == 1
    assert leftovers(inbox) == []

    code, out, err = cli(
        analysts["bogdan"], "receive", bundle, "--out", inbox / "m.case", "--accept-unknown-sender", "--json"
    )
    assert code == 0, err
    summary = as_json(out)
    assert summary["flagged"] is True and summary["sender"]["verified"] is False
    assert summary["sender"]["contact"] is None
    assert "NOT in your contacts" in err
    last = case_rows(inbox / "m.case", "SELECT action, details FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert last[0] == "transfer.received_unverified" and mallory.public.fingerprint in last[1]
    assert case_rows(inbox / "m.case", "SELECT value FROM case_meta WHERE key = 'sender_verified'") == [("no",)]


def _forge(case_path: Path, out: Path, claimed: Identity, signer: Identity, to: str) -> None:
    """A bundle whose header names ``claimed`` as sender but which ``signer`` signed."""
    forged = Identity(claimed.public, claimed.label, signer.age_identity, signer._signing_key)
    with Case.open(case_path, CASE_PASSPHRASE) as case:
        export_bundle(case, out, identity=forged, recipients=[("Bogdan", to)])


def test_signature_by_another_key_than_the_claimed_sender_is_refused(
    tmp_path, analysts, sender_case, bogdan_receives, inbox
):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "forged.wsbundle"
    ann_public_only = Identity(analysts["ann"].public, "Ann de Vries, Politie NL", None, None)  # type: ignore[arg-type]
    _forge(
        sender_case.path, bundle, ann_public_only, analysts["mallory"].unlock(), analysts["bogdan"].public.age_recipient
    )
    with pytest.raises(BundleError, match="bad signature: the manifest was not signed by the sender"):
        bogdan_receives(bundle)
    # Even the "accept unknown sender" escape hatch does not accept a signature that lies.
    with pytest.raises(BundleError, match="bad signature"):
        bogdan_receives(bundle, accept_unknown_sender=True)
    assert leftovers(inbox) == []


def test_unknown_sender_refused_before_anything_is_stored(tmp_path, analysts, sender_case, bogdan_receives, inbox):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "m.wsbundle"
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        export_bundle(
            case,
            bundle,
            identity=analysts["mallory"].unlock(),
            recipients=[("Bogdan", analysts["bogdan"].public.age_recipient)],
        )
    with pytest.raises(UnknownSender) as refused:
        bogdan_receives(bundle)
    assert refused.value.fingerprint == analysts["mallory"].public.fingerprint
    assert refused.value.fingerprint in refused.value.reason and refused.value.label
    import pickle

    again = pickle.loads(pickle.dumps(refused.value))
    assert (again.reason, again.label, again.fingerprint) == (
        refused.value.reason,
        refused.value.label,
        refused.value.fingerprint,
    )
    assert leftovers(inbox) == []


def test_passphrase_envelope_damage_is_refused(tmp_path, analysts, sender_case, inbox, monkeypatch):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "p.wsbundle"
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        export_bundle(case, bundle, identity=analysts["ann"].unlock(), passphrase="s3cret words")
    data = bytearray(bundle.read_bytes())
    data[40] ^= 0x01  # inside the passphrase-encrypted one-off key
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError):
        receive_bundle(
            bundle,
            inbox / "p.case",
            case_passphrase=CASE_PASSPHRASE,
            bundle_passphrase=lambda: "s3cret words",
            contacts=analysts["bogdan"].contacts(),
        )
    assert leftovers(inbox) == []


def test_existing_target_is_never_overwritten(bundle, analysts, cli, inbox):  # type: ignore[no-untyped-def]
    target = inbox / "exists.case"
    target.write_bytes(b"keep me")
    code, _, err = cli(analysts["bogdan"], "receive", bundle, "--out", target)
    assert code != 0 and "already exists" in err
    assert target.read_bytes() == b"keep me"
