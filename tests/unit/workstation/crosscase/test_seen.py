"""My cases index: shared selectors and photos across cases, kept in step, forgettable, encrypted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, make_jpeg
from workstation.case import Case
from workstation.crosscase import index
from workstation.importing.pipeline import run_import


def _case(tmp_path: Path, name: str, files: dict[str, str | bytes]) -> Case:
    folder = tmp_path / f"{name}-in"
    folder.mkdir()
    for fname, data in files.items():
        (folder / fname).write_bytes(data if isinstance(data, bytes) else data.encode())
    case = Case.create(
        tmp_path / f"{name}.case",
        PASSPHRASE,
        title=name.title(),
        case_number=name,
        agency="A",
        analyst="An",
        timezone="UTC",
        default_region="NL",
    )
    run_import(case, [folder], workers=0)
    return case


def test_seen_across_cases_kept_in_step_and_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case_env: dict[str, str]
) -> None:
    monkeypatch.setenv("WORKSTATION_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    photo = make_jpeg(tmp_path / "p.jpg", seed=5).read_bytes()
    a = _case(tmp_path, "alpha", {"ad.txt": "WhatsApp 06 12 34 56 78", "girl.jpg": photo})
    b = _case(tmp_path, "bravo", {"x.txt": "call +31612345678 or mail x@example.org", "same.jpg": photo})
    assert index.seen(a) == []  # only a is indexed yet
    found = {(s.kind, s.value): s for s in index.seen(b)}
    same = next(i for i in b.items() if i["original_name"] == "same.jpg")
    assert set(found) >= {("phone", "+31612345678"), ("photo", same["sha256"])}
    assert found[("photo", same["sha256"])].items == (same["id"],)
    phone = found[("phone", "+31612345678")]
    assert [(c.title, c.items) for c in phone.cases] == [("Alpha", 1)]
    assert phone.cases[0].path == str((tmp_path / "alpha.case").resolve())

    # A changes (a new import): the batch hook adds it, B sees it without A being opened again.
    more = tmp_path / "more"
    more.mkdir()
    (more / "mail.txt").write_text("X@example.org", encoding="utf-8")
    run_import(a, [more], workers=0)
    found = {(s.kind, s.value): s for s in index.seen(b)}
    assert [c.items for c in found[("email", "x@example.org")].cases] == [1]
    assert index.refresh(a) is False  # the hook kept the fingerprint in step

    # A case the index has never seen is indexed whole by its first import.
    c = _case(tmp_path, "charlie", {"c.txt": "bel 0612345678"})
    found = {(s.kind, s.value): s for s in index.seen(a)}
    assert "Charlie" in {case.title for case in found[("phone", "+31612345678")].cases}
    c.close()
    assert index.forget(tmp_path / "charlie.case")

    # The index is encrypted: no selector in the file.
    raw = b"".join(p.read_bytes() for p in (tmp_path / "home" / "crosscase").glob("index.db*"))
    assert b"+31612345678" not in raw and b"example.org" not in raw and b"SQLite format 3" not in raw

    a.close()
    out = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "seen", "--forget", str(tmp_path / "alpha.case")],
        capture_output=True,
        text=True,
        env={**case_env, "WORKSTATION_HOME": str(tmp_path / "home")},
        check=True,
    )
    assert "removed" in out.stdout
    b.close()
    out = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "seen", str(tmp_path / "bravo.case"), "--json"],
        capture_output=True,
        text=True,
        env={**case_env, "WORKSTATION_HOME": str(tmp_path / "home")},
        check=True,
    )
    assert json.loads(out.stdout) == {"seen": []}
