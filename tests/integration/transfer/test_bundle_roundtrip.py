"""A case travels from Ann to partner analysts and arrives whole, verified and with its history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage import audit as audit_log
from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE, as_json, case_rows, leftovers
from workstation.case import Case
from workstation.transfer import tables as tbl

ITEM_COLUMNS = (
    "id, kind, sha256, md5, size, mime, original_name, source_path, source_url, captured_at, "
    "imported_at, analyst, parent_id, importer, title, text, metadata"
)


def sender_audit(path: Path) -> list[tuple]:  # type: ignore[type-arg]
    return case_rows(path, "SELECT seq, at, analyst, action, details, prev_hash, hash FROM audit ORDER BY seq")


def test_whole_case_round_trip(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "lantern.wsbundle"
    code, out, err = cli(analysts["ann"], "export", sender_case.path, "--to", "Bogdan", "--out", bundle, "--json")
    assert code == 0, err
    sent = as_json(out)
    assert sent["items"] == 7 and sent["recipients"][0]["label"] == "Bogdan"
    assert not bundle.read_bytes().count(b"Operation Lantern")  # encrypted, not merely packed

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    received = inbox / "lantern.case"
    code, out, err = cli(analysts["bogdan"], "receive", bundle, "--out", received, "--json")
    assert code == 0, err
    summary = as_json(out)
    assert summary["sender"] == {
        "contact": "Ann",
        "label": "Ann de Vries, Politie NL",
        "fingerprint": analysts["ann"].public.fingerprint,
        "verified": True,
    }
    assert summary["flagged"] is False
    assert summary["bundle_sha256"] == sent["bundle_sha256"]
    assert leftovers(inbox) == ["lantern.case"]

    # Items, provenance, notes, tags, exhibits and thumbnails arrive exactly as they left.
    for sql in (
        f"SELECT {ITEM_COLUMNS} FROM items ORDER BY id",
        "SELECT item_id, author, created_at, text FROM notes ORDER BY id",
        "SELECT item_id, tag FROM tags ORDER BY item_id, tag",
        "SELECT item_id, number, added_at, added_by FROM exhibits ORDER BY number",
        "SELECT item_id, width, height, data FROM thumbnails ORDER BY item_id",
        "SELECT sha256, md5, size FROM blobs ORDER BY sha256",
    ):
        assert case_rows(received, sql) == case_rows(sender_case.path, sql), sql
    assert case_rows(received, "SELECT count(*) FROM notes") == [(2,)]

    # The received case passes `verify`; its chain is the sender's chain plus "received from Ann".
    code, out, err = cli(analysts["bogdan"], "verify", received, "--json")
    assert code == 0, err
    assert as_json(out)["ok"] is True
    theirs = sender_audit(sender_case.path)
    ours = sender_audit(received)
    shipped = [e for e in theirs if e[0] <= sent["audit_head"]["seq"]]
    assert ours[: len(shipped)] == shipped
    assert shipped[-1][3] == "transfer.export"
    received_entry = ours[len(shipped)]
    assert received_entry[3] == "transfer.received" and received_entry[2] == "Bogdan"
    details = json.loads(received_entry[4])
    assert details["from"] == "Ann" and details["summary"] == "received from Ann"
    assert details["bundle_sha256"] == sent["bundle_sha256"]
    # The sender's own log records the same bundle hash: the two logs link up.
    exported = [json.loads(e[4]) for e in theirs if e[3] == "transfer.exported"]
    assert exported and exported[-1]["bundle_sha256"] == sent["bundle_sha256"]

    # Full-text search works in the new case (the index is rebuilt from the rows).
    code, out, _ = cli(analysts["bogdan"], "search", received, "Амстердаме", "--json")
    assert code == 0 and as_json(out)["hits"]

    with Case.open(received, CASE_PASSPHRASE) as case:
        assert case.meta["received_from"] == "Ann"
        assert case.meta["sender_verified"] == "yes"
        assert case.meta["title"] == "Operation Lantern"
        assert case.meta["analyst"] == "Bogdan"


def test_selected_exhibits_travel_with_children_and_provenance(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    photo, page = sender_case.exhibit_ids
    bundle = tmp_path / "page.wsbundle"
    code, out, err = cli(
        analysts["ann"],
        "export",
        sender_case.path,
        "--to",
        "Bogdan",
        "--exhibits",
        str(page),
        "--out",
        bundle,
        "--json",
    )
    assert code == 0, err
    assert as_json(out)["items"] == 3
    received = tmp_path / "page.case"
    code, out, err = cli(analysts["bogdan"], "receive", bundle, "--out", received, "--json")
    assert code == 0, err
    summary = as_json(out)
    assert summary["selection"]["selected"] == [page]
    assert summary["selection"]["descendants"] == sender_case.child_ids

    assert [r[0] for r in case_rows(received, "SELECT id FROM items ORDER BY id")] == [page, *sender_case.child_ids]
    assert case_rows(received, "SELECT item_id, tag FROM tags") == [(page, "recruitment")]
    assert case_rows(received, "SELECT item_id FROM exhibits") == [(page,)]
    assert case_rows(received, "SELECT count(*) FROM notes") == [(0,)]
    # Only the originals of the items sent: not the photos left behind.
    sent_blobs = case_rows(
        sender_case.path,
        "SELECT DISTINCT sha256 FROM items WHERE id IN (?, ?, ?) ORDER BY sha256",
        (page, *sender_case.child_ids),
    )
    assert case_rows(received, "SELECT sha256 FROM blobs ORDER BY sha256") == sent_blobs
    code, out, err = cli(analysts["bogdan"], "verify", received, "--json")
    assert code == 0 and as_json(out)["ok"], err
    # The sender's chain travels with its details withheld: they name the photo left behind.
    (left_behind,) = case_rows(sender_case.path, "SELECT original_name FROM items WHERE id = ?", (photo,))[0]
    assert any(left_behind in e[4] for e in sender_audit(sender_case.path))
    head = summary["sender_audit_head"]["seq"]  # after it: Bogdan's own entries (received, verified)
    theirs = [e for e in sender_audit(received) if e[0] <= head]
    assert theirs and all(e[4] == audit_log.WITHHELD for e in theirs)
    assert [e[6] for e in theirs] == [e[6] for e in sender_audit(sender_case.path)[: len(theirs)]]
    assert not any(left_behind in e[4] for e in sender_audit(received))
    # Sent on whole, the case keeps its mark: Chen's copy verifies too.
    onward = tmp_path / "onward.wsbundle"
    code, out, err = cli(analysts["bogdan"], "export", received, "--to", "Chen", "--out", onward, "--json")
    assert code == 0, err
    third = tmp_path / "third.case"
    code, out, err = cli(analysts["chen"], "receive", onward, "--out", third, "--json")
    assert code == 0, err
    code, out, err = cli(analysts["chen"], "verify", third, "--json")
    assert code == 0 and as_json(out)["ok"], err


def test_withheld_details_are_an_alteration_in_a_case_of_ones_own(sender_case):  # type: ignore[no-untyped-def]
    from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE
    from workstation.case import Case

    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        conn = case.db.conn
        conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        conn.execute("UPDATE audit SET details = ? WHERE seq = 2", [audit_log.WITHHELD])
        conn.commit()
        assert "audit entry 2 was altered (hash mismatch)" in audit_log.verify_chain(case.db)


def test_child_exhibit_brings_its_page_as_provenance(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    child = sender_case.child_ids[0]
    photo = sender_case.exhibit_ids[0]
    bundle = tmp_path / "child.wsbundle"
    code, _, err = cli(
        analysts["ann"],
        "export",
        sender_case.path,
        "--to",
        "Chen",
        "--exhibits",
        f"{child},{photo}",
        "--out",
        bundle,
    )
    assert code == 0, err
    received = tmp_path / "child.case"
    code, out, err = cli(analysts["chen"], "receive", bundle, "--out", received, "--json")
    assert code == 0, err
    ids = [r[0] for r in case_rows(received, "SELECT id FROM items ORDER BY id")]
    assert ids == sorted([photo, sender_case.page_id, child])  # the page it came from, not its sibling
    assert as_json(out)["selection"]["ancestors"] == [sender_case.page_id]
    assert case_rows(received, "SELECT text FROM notes") == [("Same face as in ad 123 — 同一个人",)]


def test_several_recipients_each_can_open(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "team.wsbundle"
    chen_key = analysts["chen"].public.age_recipient
    code, out, err = cli(
        analysts["ann"], "export", sender_case.path, "--to", "Bogdan", chen_key, "--out", bundle, "--json"
    )
    assert code == 0, err
    assert [r["label"] for r in as_json(out)["recipients"]] == ["Bogdan", "Chen"]
    for who in ("bogdan", "chen"):
        target = tmp_path / f"{who}.case"
        code, out, err = cli(analysts[who], "receive", bundle, "--out", target, "--json")
        assert code == 0, err
        assert as_json(out)["sender"]["contact"] == "Ann"
        assert as_json(out)["items"] == 7


def test_passphrase_mode_round_trip(tmp_path, analysts, cli, sender_case, monkeypatch):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "pass.wsbundle"
    monkeypatch.setenv("WORKSTATION_BUNDLE_PASSPHRASE", "correct horse battery staple")
    code, _, err = cli(analysts["ann"], "export", sender_case.path, "--passphrase-mode", "--out", bundle)
    assert code == 0, err
    assert bundle.read_bytes().startswith(b"WSBUNDLE-PASSPHRASE/1\n")

    monkeypatch.setenv("WORKSTATION_BUNDLE_PASSPHRASE", "wrong guess")
    code, _, err = cli(analysts["chen"], "receive", bundle, "--out", tmp_path / "no.case")
    assert code != 0 and "wrong bundle passphrase" in err
    assert not (tmp_path / "no.case").exists()

    monkeypatch.setenv("WORKSTATION_BUNDLE_PASSPHRASE", "correct horse battery staple")
    code, out, err = cli(analysts["chen"], "receive", bundle, "--out", tmp_path / "yes.case", "--json")
    assert code == 0, err
    assert as_json(out)["mode"] == "passphrase" and as_json(out)["sender"]["contact"] == "Ann"


def test_tables_of_other_areas_travel_without_code_changes(tmp_path, analysts, cli, sender_case, monkeypatch):  # type: ignore[no-untyped-def]
    """A table added later by another area (here: a test migration) is copied generically."""
    from storage import migrations

    extra = (
        "0499_test_annotations",
        "CREATE TABLE test_labels (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
        "CREATE TABLE test_annotations (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL "
        "REFERENCES items(id), label_id INTEGER REFERENCES test_labels(id), score REAL, raw BLOB);\n",
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    page = sender_case.page_id
    photo = sender_case.exhibit_ids[0]
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:  # migrates: the table appears
        with case.transaction():
            case.db.conn.executemany(
                "INSERT INTO test_labels (id, name) VALUES (?, ?)", [(1, "debt bondage"), (2, "minor")]
            )
            case.db.conn.executemany(
                "INSERT INTO test_annotations (item_id, label_id, score, raw) VALUES (?, ?, ?, ?)",
                [(page, 1, 0.75, b"\x00\xffbytes"), (photo, 2, 0.5, None)],
            )
            case.audit("test.annotated", {"items": [page, photo]})
    bundle = tmp_path / "extra.wsbundle"
    code, _, err = cli(
        analysts["ann"], "export", sender_case.path, "--to", "Bogdan", "--exhibits", str(page), "--out", bundle
    )
    assert code == 0, err
    received = tmp_path / "extra.case"
    code, _, err = cli(analysts["bogdan"], "receive", bundle, "--out", received)
    assert code == 0, err
    assert case_rows(received, "SELECT item_id, label_id, score, raw FROM test_annotations") == [
        (page, 1, 0.75, b"\x00\xffbytes")
    ]
    # The label the kept annotation points at travels; the other one does not.
    assert case_rows(received, "SELECT id, name FROM test_labels") == [(1, "debt bondage")]


def test_schema_walk_skips_fulltext_shadow_tables(sender_case):  # type: ignore[no-untyped-def]
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        names = set(tbl.schema(case.db))
        assert {"items", "notes", "tags", "exhibits", "thumbnails"} <= names
        assert not {"items_fts_data", "items_fts_idx", "blobs", "blob_chunks", "audit"} & names
        assert audit_log.verify_chain(case.db) == []


@pytest.mark.parametrize("bad", ["999", "abc"])
def test_export_refuses_unknown_exhibits(tmp_path, analysts, cli, sender_case, bad):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "x.wsbundle"
    code, _, err = cli(
        analysts["ann"], "export", sender_case.path, "--to", "Bogdan", "--exhibits", bad, "--out", bundle
    )
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert not bundle.exists() and not (tmp_path / "x.wsbundle.partial").exists()
