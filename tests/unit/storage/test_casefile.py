"""Encrypted case file: create, open, wrong passphrase, not-a-case files, rekey, damage."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from workstation.case import Case
from workstation.errors import CaseError, CaseExists, NotACase, WrongPassphrase

PASS = "correct horse battery staple"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_case_is_encrypted_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    case = Case.create(path, PASS, title="Operation Blue", case_number="2026/77", agency="KMar", analyst="Ann")
    case.close()
    head = path.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert b"Operation Blue" not in path.read_bytes()
    with Case.open(path, PASS) as reopened:
        assert reopened.meta["title"] == "Operation Blue"
        assert reopened.meta["case_number"] == "2026/77"
        assert reopened.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        actions = [r[0] for r in reopened.db.execute("SELECT action FROM audit ORDER BY seq")]
        assert actions[0] == "case.created"


def test_wrong_passphrase_is_clear_and_leaves_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    Case.create(path, PASS, title="T").close()
    before = digest(path)
    siblings_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WrongPassphrase) as info:
        Case.open(path, "not the passphrase")
    assert "wrong passphrase" in str(info.value)
    assert str(path) in str(info.value)
    assert info.value.exit_code == 2
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings_before


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"hello, this is a text file\n" * 100, "not a case"),
        (None, "plain (unencrypted) SQLite"),
    ],
)
def test_files_that_are_not_cases_are_refused(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "x.case"
    if content is None:
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(NotACase) as info:
        Case.open(path, PASS)
    assert expected in str(info.value)
    assert path.read_bytes() == before


def test_random_bytes_of_page_size_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.case"
    path.write_bytes(os.urandom(8192))
    before = path.read_bytes()
    with pytest.raises(CaseError):
        Case.open(path, PASS)
    assert path.read_bytes() == before


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    path.write_bytes(b"precious")
    with pytest.raises(CaseExists):
        Case.create(path, PASS, title="T")
    assert path.read_bytes() == b"precious"


def test_rekey_changes_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    with Case.create(path, PASS, title="T") as case:
        case.blobs.put_bytes(b"evidence")
        case.db.conn.commit()
        case.rekey("new passphrase 2")
    with pytest.raises(WrongPassphrase):
        Case.open(path, PASS)
    with Case.open(path, "new passphrase 2") as case:
        assert case.verify()["ok"]
        assert "case.passphrase_changed" in [r[0] for r in case.db.execute("SELECT action FROM audit")]


@pytest.mark.parametrize("where", [0.30, 0.55, 0.80, 0.97])
def test_flipped_byte_is_detected_with_a_clear_error(tmp_path: Path, where: float) -> None:
    path = tmp_path / "a.case"
    with Case.create(path, PASS, title="T") as case:
        with case.transaction():
            case.blobs.put_bytes(os.urandom(400_000))  # spans many pages
    data = bytearray(path.read_bytes())
    assert len(data) > 100_000
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))
    try:
        case = Case.open(path, PASS)
    except CaseError as exc:  # damage in the schema pages: refused at open, clearly
        assert "damaged" in str(exc) or "passphrase" in str(exc)
        return
    with case:
        report = case.verify()
    assert not report["ok"]
    assert any(p["what"] in ("file", "blob") for p in report["problems"])
    text = " ".join(p["problem"] for p in report["problems"]).lower()
    assert "hmac" in text or "cipher" in text or "damaged" in text


def test_damaged_first_page_is_refused_at_open(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    Case.create(path, PASS, title="T").close()
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(CaseError, match="damaged"):
        Case.open(path, PASS)


def test_cli_reports_damage_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "a.case"
    with Case.create(path, PASS, title="T") as case:
        with case.transaction():
            case.blobs.put_bytes(os.urandom(400_000))
    data = bytearray(path.read_bytes())
    data[int(len(data) * 0.6)] ^= 0x01
    path.write_bytes(bytes(data))
    env = dict(os.environ, WORKSTATION_PASSPHRASE=PASS)
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "verify", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (2, 3)
    assert "Traceback" not in proc.stderr
