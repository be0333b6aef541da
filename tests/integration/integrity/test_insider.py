"""Hostile insider: edits made with the case passphrase through SQLCipher directly.

Each edit is made on a fresh copy of one signed case; ``verify`` must find it and name the item.
The figures of the issue's target (x of 14+) come from this suite.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from storage import audit as audit_log
from tests.conftest import PASSPHRASE, make_jpeg
from workstation import identity as ident
from workstation.case import Case
from workstation.exhibits import add_exhibits
from workstation.importing.pipeline import run_import


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A case made by three signed commands: import, exhibit, note (the last one writes last)."""
    root = tmp_path_factory.mktemp("insider")
    home = root / "home"
    ident.create_identity("key-pass", label="Analyst A", where=home)
    me = ident.unlock("key-pass", where=home)
    src = root / "seized"
    for i in range(3):
        make_jpeg(src / f"photo_{i}.jpg", seed=10 + i)
    (src / "ad.txt").write_text("Work in NL, call +31 6 11112222", encoding="utf-8")
    path = root / "base.case"
    Case.create(path, PASSPHRASE, title="insider", analyst="Analyst A").close()

    def session(fn: Callable[[Case], Any]) -> Any:
        case = Case.open(path, PASSPHRASE)
        case.signer = lambda: me
        try:
            return fn(case)
        finally:
            case.close()

    session(lambda c: run_import(c, [src], workers=0))
    ids = session(lambda c: {i["original_name"]: i["id"] for i in c.items()})
    session(lambda c: add_exhibits(c, [ids["photo_0.jpg"], ids["ad.txt"]]))
    session(
        lambda c: c.db.execute(
            "INSERT INTO notes (item_id, author, created_at, text) VALUES (?, 'A', 'now', ?)",
            [ids["photo_1.jpg"], "seen on two platforms"],
        )
    )
    case = Case.open(path, PASSPHRASE, read_only=True)
    report = case.verify()
    case.close()
    assert report["ok"], report["problems"]
    assert report["signature"]["status"] == "signed"
    return {"path": path, "ids": ids, "root": root, "home": home}


Edit = Callable[[sqlcipher3.Connection, dict[str, int]], None]


def _edit(base: dict[str, Any], name: str, sql: Edit) -> dict[str, Any]:
    copy = Path(base["root"]) / f"{name}.case"
    shutil.copy(base["path"], copy)
    conn = sqlcipher3.connect(str(copy))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    conn.execute("PRAGMA foreign_keys = OFF")
    sql(conn, base["ids"])
    conn.commit()
    conn.close()
    case = Case.open(copy, PASSPHRASE, read_only=True)
    try:
        return case.verify()
    finally:
        case.close()


def _rehash(conn: sqlcipher3.Connection, start: int) -> None:
    prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", [start - 1]).fetchone()
    prev_hash = prev[0] if prev else audit_log.GENESIS
    rows = conn.execute(
        "SELECT seq, at, analyst, action, details FROM audit WHERE seq >= ? ORDER BY seq", [start]
    ).fetchall()
    for seq, at, analyst, action, details in rows:
        digest = audit_log.entry_hash(seq, at, analyst, action, details, prev_hash)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev_hash, digest, seq])
        prev_hash = digest
    seq = rows[-1][0]
    conn.execute("UPDATE case_meta SET value = ? WHERE key = 'audit_head'", [f"{seq}:{prev_hash}"])


def _replace_original(conn: sqlcipher3.Connection, ids: dict[str, int]) -> None:
    item = ids["photo_2.jpg"]
    sha = conn.execute("SELECT sha256 FROM items WHERE id = ?", [item]).fetchone()[0]
    fake = b"\xff\xd8 a different photo \xff\xd9"
    new_sha, new_md5 = hashlib.sha256(fake).hexdigest(), hashlib.md5(fake).hexdigest()  # noqa: S324
    blob_id = conn.execute("SELECT id FROM blobs WHERE sha256 = ?", [sha]).fetchone()[0]
    conn.execute("DELETE FROM blob_chunks WHERE blob_id = ?", [blob_id])
    conn.execute("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, 0, ?)", [blob_id, fake])
    conn.execute("UPDATE blobs SET sha256 = ?, md5 = ?, size = ? WHERE id = ?", [new_sha, new_md5, len(fake), blob_id])
    conn.execute("UPDATE items SET sha256 = ?, md5 = ?, size = ? WHERE id = ?", [new_sha, new_md5, len(fake), item])


def _plant(conn: sqlcipher3.Connection, ids: dict[str, int]) -> None:
    data = b"planted evidence"
    sha = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data).hexdigest()  # noqa: S324
    cur = conn.execute(
        "INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES (?, ?, ?, 1048576, '2026-01-01')",
        [sha, md5, len(data)],
    )
    conn.execute("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, 0, ?)", [cur.lastrowid, data])
    conn.execute(
        "INSERT INTO items (id, kind, sha256, md5, size, original_name, source_path, imported_at, metadata) "
        "VALUES (900, 'file', ?, ?, ?, 'planted.txt', '/seized/planted.txt', '2026-01-01T00:00:00Z', '{}')",
        [sha, md5, len(data)],
    )


def _delete_last_entry(conn: sqlcipher3.Connection, ids: dict[str, int]) -> None:
    seq = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.execute("DELETE FROM audit WHERE seq = ?", [seq])
    conn.execute("DELETE FROM audit_signatures WHERE seq = ?", [seq])
    prev = conn.execute("SELECT seq, hash FROM audit WHERE seq = ?", [seq - 1]).fetchone()
    conn.execute("UPDATE case_meta SET value = ? WHERE key = 'audit_head'", [f"{prev[0]}:{prev[1]}"])


def _backdate_and_rehash(conn: sqlcipher3.Connection, ids: dict[str, int]) -> None:
    seq = conn.execute("SELECT min(seq) FROM audit WHERE action = 'import.batch'").fetchone()[0]
    conn.execute("UPDATE audit SET at = '2026-01-02T03:04:05.000000Z' WHERE seq = ?", [seq])
    _rehash(conn, seq)


def _forge_entry(conn: sqlcipher3.Connection, ids: dict[str, int]) -> None:
    """Edit provenance, then append a well-formed entry committing to the new state (no key)."""
    from storage import state

    item = ids["photo_1.jpg"]
    conn.execute("UPDATE items SET source_url = 'https://elsewhere.example/ad' WHERE id = ?", [item])
    db = __import__("sqlite_utils").Database(conn)
    comp = state.components(db, [item])[item]
    seq, prev = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    details = audit_log.canonical({"state": [[item, state.digest(comp)]]})
    at = "2026-12-01T00:00:00.000000Z"
    digest = audit_log.entry_hash(seq + 1, at, "Analyst A", "state.recorded", details, prev)
    conn.execute(
        "INSERT INTO audit VALUES (?, ?, 'Analyst A', 'state.recorded', ?, ?, ?)", [seq + 1, at, details, prev, digest]
    )
    conn.execute(
        "UPDATE item_state SET digest = ?, components = ? WHERE item_id = ?",
        [state.digest(comp), json.dumps(comp, sort_keys=True, separators=(",", ":")), item],
    )
    conn.execute("UPDATE case_meta SET value = ? WHERE key = 'audit_head'", [f"{seq + 1}:{digest}"])


def _set(sql: str, name: str) -> Callable[[sqlcipher3.Connection, dict[str, int]], None]:
    return lambda conn, ids: conn.execute(sql, [ids[name]])


# (edit, item the verify report must name, what the report must say)
EDITS: dict[str, tuple[Callable[[sqlcipher3.Connection, dict[str, int]], None], str, str]] = {
    "original_replaced_with_hash_rows": (_replace_original, "photo_2.jpg", "original replaced"),
    "original_bytes_only": (
        lambda c, ids: c.execute(
            "UPDATE blob_chunks SET data = x'00' || data WHERE blob_id = (SELECT blobs.id FROM blobs "
            "JOIN items ON items.sha256 = blobs.sha256 WHERE items.id = ?)",
            [ids["photo_0.jpg"]],
        ),
        "photo_0.jpg",
        "SHA-256",
    ),
    "source_url": (
        _set("UPDATE items SET source_url = 'https://x.example/' WHERE id = ?", "photo_0.jpg"),
        "photo_0.jpg",
        "source_url",
    ),
    "captured_at": (
        _set("UPDATE items SET captured_at = '2020-01-01T00:00:00Z' WHERE id = ?", "photo_1.jpg"),
        "photo_1.jpg",
        "captured_at",
    ),
    "source_path": (
        _set("UPDATE items SET source_path = '/other/disk/x.jpg' WHERE id = ?", "photo_1.jpg"),
        "photo_1.jpg",
        "source_path",
    ),
    "original_name": (
        _set("UPDATE items SET original_name = 'innocent.jpg' WHERE id = ?", "photo_2.jpg"),
        "photo_2.jpg",
        "original_name",
    ),
    "item_deleted": (
        lambda c, ids: (
            c.execute("DELETE FROM thumbnails WHERE item_id = ?", [ids["photo_2.jpg"]]),
            c.execute("DELETE FROM items WHERE id = ?", [ids["photo_2.jpg"]]),
        ),
        "photo_2.jpg",
        "deleted",
    ),
    "item_planted": (_plant, "planted.txt", "recorded by no audit entry"),
    "exhibit_removed": (_set("DELETE FROM exhibits WHERE item_id = ?", "ad.txt"), "ad.txt", "exhibit"),
    "extracted_text": (_set("UPDATE items SET text = 'nothing to see' WHERE id = ?", "ad.txt"), "ad.txt", "text"),
    "note_edited": (
        _set("UPDATE notes SET text = 'never seen' WHERE item_id = ?", "photo_1.jpg"),
        "photo_1.jpg",
        "notes",
    ),
    "last_entry_deleted": (_delete_last_entry, "photo_1.jpg", "no longer in the chain"),
    "entry_backdated_rehashed": (_backdate_and_rehash, "photo_0.jpg", "rewritten"),
    "state_record_edited_too": (
        lambda c, ids: (
            c.execute("UPDATE items SET captured_at = '2019-05-05T00:00:00Z' WHERE id = ?", [ids["photo_0.jpg"]]),
            c.execute("UPDATE item_state SET components = '{}' WHERE item_id = ?", [ids["photo_0.jpg"]]),
        ),
        "photo_0.jpg",
        "changed without an audit entry",
    ),
}


def test_forged_entry_without_the_key_is_flagged_unsigned(base: dict[str, Any]) -> None:
    """An entry appended with the passphrase but without the analyst's key: the chain and the
    state agree, so it is not proof of tampering; verify flags it as unsigned, with its item."""
    report = _edit(base, "forged", _forge_entry)
    assert report["signature"]["status"] == "partly signed"
    flagged = [w for w in report["warnings"] if base["ids"]["photo_1.jpg"] in w.get("items", [])]
    assert flagged and "not signed" in flagged[0]["problem"]


@pytest.mark.parametrize("name", sorted(EDITS))
def test_insider_edit_is_detected_and_attributed(base: dict[str, Any], name: str) -> None:
    edit, target, says = EDITS[name]
    report = _edit(base, name, edit)
    assert not report["ok"], f"{name}: not detected"
    item_id = 900 if target == "planted.txt" else base["ids"][target]
    about = [p for p in report["problems"] if p.get("item") == item_id or item_id in p.get("items", [])]
    assert about, f"{name}: detected but not attributed to item {item_id}: {report['problems']}"
    assert any(says in p["problem"] or says in " ".join(p.get("fields", [])) for p in about), about
