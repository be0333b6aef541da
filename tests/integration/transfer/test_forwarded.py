"""A bundle re-encrypted by one of its recipients to a third key is refused unless accepted as forwarded."""

from __future__ import annotations

import pyrage

from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE, as_json
from workstation.case import Case
from workstation.transfer.export import export_bundle


def test_forwarded_bundle_is_refused_then_recorded(tmp_path, analysts, cli, sender_case) -> None:  # type: ignore[no-untyped-def]
    bundle = tmp_path / "for-bogdan.wsbundle"
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        export_bundle(case, bundle, identity=analysts["ann"].unlock(),
                      recipients=[("Bogdan", analysts["bogdan"].public.age_recipient)])
    # Bogdan, a legitimate recipient, decrypts it and re-encrypts it to Chen.
    plain = pyrage.decrypt(bundle.read_bytes(), [analysts["bogdan"].unlock().age_identity])
    forwarded = tmp_path / "forwarded.wsbundle"
    forwarded.write_bytes(pyrage.encrypt(plain, [analysts["chen"].public.recipient()]))

    out = tmp_path / "chen.case"
    code, _, err = cli(analysts["chen"], "receive", forwarded, "--out", out)
    assert code != 0 and "not for your key" in err and "Bogdan" in err and "--accept-forwarded" in err
    assert not out.exists() and not list(tmp_path.glob(".chen.case.receiving-*"))

    code, out_text, err = cli(analysts["chen"], "receive", forwarded, "--out", out, "--accept-forwarded", "Bogdan",
                              "--json")
    assert code == 0, err
    summary = as_json(out_text)
    assert summary["forwarded"]["by"] == "Bogdan" and summary["sender"]["contact"] == "Ann"
    with Case.open(out, CASE_PASSPHRASE) as case:
        last = [e for e in case.db.execute("SELECT action, details FROM audit ORDER BY seq")][-1]
        assert case.meta["received_forwarded_by"] == "Bogdan"
    assert last[0] == "transfer.received" and '"forwarded"' in last[1] and "Bogdan" in last[1]
    code, out_text, err = cli(analysts["chen"], "verify", out, "--json")
    report = as_json(out_text)
    assert code == 0 and report["ok"], report["problems"]
    assert any(s["known_as"] == "you" for s in report["signature"]["signers"])

