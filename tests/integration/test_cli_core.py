"""The CLI contract end to end, in real subprocesses: new, import, items, info, verify, passwd, search."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_jpeg

PASS = "correct horse battery staple"


def ws(
    *args: str, env: dict[str, str], check: bool = True, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"workstation {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture
def made_case(tmp_path: Path, case_env: dict[str, str]) -> Path:
    path = tmp_path / "op.case"
    ws("new", str(path), "--title", "Operation Test", "--case-number", "OT-1", "--analyst", "Ann", env=case_env)
    return path


def test_import_items_verify_round_trip(made_case: Path, photos: Path, case_env: dict[str, str]) -> None:
    (photos / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    proc = ws("import", str(made_case), str(photos), "--json", env=case_env, check=False)
    assert proc.returncode == 1  # one bad file: non-zero, the rest imported
    out = json.loads(proc.stdout)
    assert out["imported"] == 6
    assert out["exact_duplicates"] == 1
    assert [e["path"] for e in out["errors"]] == [str(photos / "broken.jpg")]
    assert "corrupt or truncated" in out["errors"][0]["error"]
    for item in out["items"]:
        assert set(item) >= {"id", "sha256", "original_name", "source_path", "kind"}
        assert item["kind"] == "image"

    items = json.loads(ws("items", str(made_case), "--json", env=case_env).stdout)["items"]
    assert len(items) == 6
    first = items[0]
    for field in (
        "id",
        "kind",
        "sha256",
        "md5",
        "size",
        "mime",
        "original_name",
        "source_path",
        "source_url",
        "parent_id",
        "captured_at",
        "imported_at",
        "metadata",
    ):
        assert field in first
    on_disk = (photos / first["original_name"]).read_bytes()
    import hashlib

    assert first["sha256"] == hashlib.sha256(on_disk).hexdigest()
    assert first["md5"] == hashlib.md5(on_disk).hexdigest()
    assert first["mime"] == "image/jpeg" and first["metadata"]["format"] == "JPEG"
    assert first["imported_at"].endswith("Z")

    again = json.loads(ws("import", str(made_case), str(photos), "--json", env=case_env, check=False).stdout)
    assert again["imported"] == 0 and again["already_imported"] == 6

    verify = ws("verify", str(made_case), "--json", env=case_env)
    report = json.loads(verify.stdout)
    assert report["ok"] and report["blobs_checked"] == 5

    info = json.loads(ws("info", str(made_case), "--json", env=case_env).stdout)
    assert info["items"] == 6 and info["title"] == "Operation Test"


def test_wrong_passphrase_exit_code_and_message(made_case: Path, case_env: dict[str, str]) -> None:
    env = dict(case_env, WORKSTATION_PASSPHRASE="wrong")
    before = made_case.read_bytes()
    proc = ws("info", str(made_case), env=env, check=False)
    assert proc.returncode == 2
    assert "wrong passphrase" in proc.stderr
    assert proc.stderr.count("\n") == 1  # one line, no traceback
    assert made_case.read_bytes() == before


def test_passphrase_file_and_passwd(made_case: Path, tmp_path: Path, case_env: dict[str, str]) -> None:
    env = {k: v for k, v in case_env.items() if k != "WORKSTATION_PASSPHRASE"}
    old = tmp_path / "old.txt"
    old.write_text(PASS + "\n")
    new = tmp_path / "new.txt"
    new.write_text("a new long passphrase\n")
    ws("passwd", str(made_case), "--passphrase-file", str(old), "--new-passphrase-file", str(new), env=env)
    assert ws("info", str(made_case), "--passphrase-file", str(old), env=env, check=False).returncode == 2
    ws("info", str(made_case), "--passphrase-file", str(new), env=env)


def test_no_passphrase_without_terminal_is_a_clear_error(made_case: Path, case_env: dict[str, str]) -> None:
    env = {k: v for k, v in case_env.items() if k != "WORKSTATION_PASSPHRASE"}
    proc = ws("info", str(made_case), env=env, check=False, stdin="")
    assert proc.returncode == 2
    assert "WORKSTATION_PASSPHRASE" in proc.stderr


def test_search_finds_text_in_any_script(made_case: Path, tmp_path: Path, case_env: dict[str, str]) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "ua.txt").write_text("Робота в Амстердамі, житло безкоштовно", encoding="utf-8")
    (folder / "zh.txt").write_text("高薪招聘女服务员，包吃包住", encoding="utf-8")
    (folder / "nl.txt").write_text("Wij zoeken meisjes voor een café in Rotterdam", encoding="utf-8")
    ws("import", str(made_case), str(folder), env=case_env)
    for query, name in (
        ("житло", "ua.txt"),
        ("包吃包住", "zh.txt"),
        ("女服务员", "zh.txt"),
        ("高薪", "zh.txt"),
        ("meisjes", "nl.txt"),
        ("rotterdam", "nl.txt"),
    ):
        hits = json.loads(ws("search", str(made_case), query, "--json", env=case_env).stdout)["hits"]
        assert [h["original_name"] for h in hits] == [name], query
        assert set(hits[0]) >= {"id", "original_name", "kind", "snippet"}


def test_missing_path_is_reported_per_file(made_case: Path, tmp_path: Path, case_env: dict[str, str]) -> None:
    good = make_jpeg(tmp_path / "good.jpg", seed=3)
    proc = ws("import", str(made_case), str(good), str(tmp_path / "nope.jpg"), "--json", env=case_env, check=False)
    out = json.loads(proc.stdout)
    assert out["imported"] == 1
    assert out["errors"] == [{"path": str(tmp_path / "nope.jpg"), "error": "no such file or folder"}]
