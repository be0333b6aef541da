"""What a killed export or receive left behind is cleaned up by the next run; a running one is named."""

from __future__ import annotations

import subprocess
import sys

from tests.integration.transfer.transfer_helpers import as_json


def test_next_export_and_receive_clean_up_after_a_killed_run(tmp_path, analysts, cli, sender_case) -> None:  # type: ignore[no-untyped-def]
    bundle = tmp_path / "out.wsbundle"
    # A SIGKILLed export leaves its .partial; a killed receive its hidden case with -wal/-shm.
    (tmp_path / "out.wsbundle.partial").write_bytes(b"\x00" * 4096)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stale = inbox / ".bogdan.case.receiving-1a2b3c4d"
    for suffix in ("", "-wal", "-shm"):
        (inbox / (stale.name + suffix)).write_bytes(b"\x01" * 1024)
    (inbox / ".bogdan.case.receiving-deadbeef-wal").write_bytes(b"\x02")  # a sidecar alone

    # A run still going on keeps its file, and the message names it.
    holder = subprocess.Popen([sys.executable, "-c", "import sys,time; f=open(sys.argv[1],'rb'); "
                               "print('ready', flush=True); time.sleep(60)", str(tmp_path / "out.wsbundle.partial")],
                              stdout=subprocess.PIPE, text=True)
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
    assert as_json(out)["items"] >= 1
    assert sorted(p.name for p in inbox.iterdir()) == ["bogdan.case"]
