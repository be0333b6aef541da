"""`receive BUNDLE --into CASE`: dedup by SHA-256, the sender's chain kept and verifiable,
annotation conflicts shown (ours kept), idempotent when merged twice."""

from __future__ import annotations

import json

from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE
from workstation.case import Case
from workstation.transfer.export import export_bundle
from workstation.transfer.merge import merges, verify_custody


def test_merge_into_an_existing_case(tmp_path, analysts, sender_case, cli):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "for-bogdan.wsbundle"
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        first_photo = case.item(1)
        with case.transaction():
            case.db.conn.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, author, created_at, updated_at)"
                " VALUES (1, 'recruitment.job_offer', 'confirmed', 'analyst', 'Ann', 't', 't')"
            )
        export_bundle(
            case,
            bundle,
            identity=analysts["ann"].unlock(),
            recipients=[("Bogdan", analysts["bogdan"].public.age_recipient)],
        )
    # Bogdan's own case already holds Ann's first photo (same bytes) with another verdict on it.
    seized = tmp_path / "bogdan-seized"
    seized.mkdir()
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        (seized / "mine.jpg").write_bytes(case.blobs.read(first_photo["sha256"]))
    target = tmp_path / "bogdan.case"
    assert cli(analysts["bogdan"], "new", target, "--title", "Bogdan's case")[0] == 0
    assert cli(analysts["bogdan"], "import", target, seized, "--workers", "1")[0] == 0
    with Case.open(target, CASE_PASSPHRASE) as case:
        mine = next(i["id"] for i in case.items() if i["original_name"] == "mine.jpg")
        with case.transaction():
            case.db.conn.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, author, created_at, updated_at)"
                " VALUES (?, 'recruitment.job_offer', 'rejected', 'analyst', 'Bogdan', 't', 't')",
                [mine],
            )
        before = case.count_items()

    code, out, err = cli(analysts["bogdan"], "receive", bundle, "--into", target, "--json")
    assert code == 0, err
    summary = json.loads(out)
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        sent_items = case.count_items()
    assert summary["deduplicated"] == 1 and summary["new"] == sent_items - 1
    assert summary["items"]["1"] == mine
    assert [
        (c["kind"], c["item"], c["ours"], c["theirs"]) for c in summary["conflicts"] if c["kind"] == "annotation"
    ] == [("annotation", mine, "rejected", "confirmed")]
    assert summary["custody"]["verified"] is True

    with Case.open(target, CASE_PASSPHRASE) as case:
        assert case.count_items() == before + summary["new"]
        status = case.db.execute(
            "SELECT status FROM annotations WHERE item_id = ? AND indicator = 'recruitment.job_offer'", [mine]
        ).fetchall()
        assert [r[0] for r in status] == ["rejected"]  # nothing overwritten
        notes = [r[0] for r in case.db.execute("SELECT text FROM notes WHERE item_id = ?", [mine])]
        assert notes == ["Same face as in ad 123 — 同一个人"]
        assert case.verify()["ok"]
        assert verify_custody(case, summary["merge_id"]) == []
        actions = [r[0] for r in case.db.execute("SELECT action FROM received_custody ORDER BY seq")]
        assert "exhibits.marked" in actions and actions[-1] == "transfer.received"
        merged = case.db.execute("SELECT details FROM audit WHERE action = 'transfer.merged'").fetchone()
        assert json.loads(merged[0])["items_new"] == summary["new"]
        # The kept chain is verifiable: an altered entry is found.
        case.db.conn.commit()
        case.db.conn.execute("BEGIN")
        case.db.conn.execute("DROP TRIGGER received_custody_no_update")
        case.db.conn.execute("UPDATE received_custody SET details = '{}' WHERE seq = 2")
        assert any("altered" in p for p in verify_custody(case, summary["merge_id"]))
        case.db.conn.rollback()

    # Merged twice: nothing changes.
    code, out, err = cli(analysts["bogdan"], "receive", bundle, "--into", target, "--json")
    assert code == 0, err
    again = json.loads(out)
    assert again["already_merged"] is True and again["new"] == 0
    with Case.open(target, CASE_PASSPHRASE) as case:
        assert case.count_items() == before + summary["new"]
        assert len(merges(case)) == 1
    assert not [p.name for p in tmp_path.iterdir() if ".merging-" in p.name]
