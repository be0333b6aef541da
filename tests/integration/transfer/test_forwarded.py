"""Forwarded bundles and leftovers of killed runs (one sender case for both: it is slow to make).

A bundle re-encrypted by one of its recipients to a third key is refused unless accepted as
forwarded; what a killed export or receive left behind is cleaned up by the next run, and a run
still going on is named by its pid.
"""

from __future__ import annotations

import subprocess
import sys

import pyrage

from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE, as_json
from workstation.case import Case


def test_leftovers_cleaned_then_forwarded_bundle_refused_then_recorded(  # type: ignore[no-untyped-def]
    tmp_path, analysts, cli, sender_case
) -> None:
    bundle = tmp_path / "out.wsbundle"
    # A SIGKILLed export leaves its .partial; a killed receive its hidden case with -wal/-shm.
    (tmp_path / "out.wsbundle.partial").write_bytes(b"\x00" * 4096)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for suffix in ("", "-wal", "-shm"):
        (inbox / (".bogdan.case.receiving-1a2b3c4d" + suffix)).write_bytes(b"\x01" * 1024)
    (inbox / ".bogdan.case.receiving-deadbeef-wal").write_bytes(b"\x02")  # a sidecar alone

    # A run still going on keeps its file, and the message names it.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; f=open(sys.argv[1],'rb'); print('ready', flush=True); time.sleep(60)",
            str(tmp_path / "out.wsbundle.partial"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        code, _, err = cli(analysts["ann"], "export", sender_case.path, "--to", "Bogdan", "--out", bundle)
        assert code != 0 and f"pid {holder.pid}" in err, err
    finally:
        holder.kill()
        holder.wait()

    code, _, err = cli(analysts["ann"], "export", sender_case.path, "--to", "Bogdan", "--out", bundle)
    assert code == 0, err
    assert bundle.exists() and not (tmp_path / "out.wsbundle.partial").exists()
    code, out, err = cli(analysts["bogdan"], "receive", bundle, "--out", inbox / "bogdan.case", "--json")
    assert code == 0, err
    assert as_json(out)["forwarded"] is None
    assert sorted(p.name for p in inbox.iterdir()) == ["bogdan.case"]

    # Bogdan, a legitimate recipient, decrypts it and re-encrypts it to Chen.
    plain = pyrage.decrypt(bundle.read_bytes(), [analysts["bogdan"].unlock().age_identity])
    forwarded = tmp_path / "forwarded.wsbundle"
    forwarded.write_bytes(pyrage.encrypt(plain, [analysts["chen"].public.recipient()]))

    out = tmp_path / "chen.case"
    code, _, err = cli(analysts["chen"], "receive", forwarded, "--out", out)
    assert code != 0 and "not for your key" in err and "Bogdan" in err and "--accept-forwarded" in err
    assert not out.exists() and not list(tmp_path.glob(".chen.case.receiving-*"))

    code, out_text, err = cli(
        analysts["chen"], "receive", forwarded, "--out", out, "--accept-forwarded", "Bogdan", "--json"
    )
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
