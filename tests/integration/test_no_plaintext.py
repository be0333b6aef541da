"""No plaintext evidence on disk: import and verify with TMPDIR pointed at an empty folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, make_jpeg

MARKER = "ZZ-UNIQUE-EVIDENCE-MARKER-Лідія-莉迪亚-7731"


def _all_bytes(folder: Path) -> bytes:
    out = b""
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                out += (Path(root) / name).read_bytes()
            except OSError:
                pass
    return out


def test_import_and_verify_leave_nothing_in_tmpdir(tmp_path: Path) -> None:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    evidence = tmp_path / "evidence"
    photo = make_jpeg(evidence / "victim_photo.jpg", seed=42)
    (evidence / "chat.txt").write_text(f"call me {MARKER}", encoding="utf-8")
    env = dict(os.environ, WORKSTATION_PASSPHRASE=PASSPHRASE, TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir))
    case = tmp_path / "case.case"

    def run(*args: str) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "workstation.cli", *args], env=env, capture_output=True, text=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr

    run("new", str(case), "--title", "T")
    run("import", str(case), str(evidence), "--workers", "2")
    run("verify", str(case))
    run("search", str(case), "Лідія")

    leftovers = _all_bytes(tmpdir)
    assert MARKER.encode("utf-8") not in leftovers
    assert photo.read_bytes()[200:264] not in leftovers
    case_bytes = case.read_bytes()
    assert MARKER.encode("utf-8") not in case_bytes  # and the case itself is encrypted
    assert b"victim_photo" not in case_bytes
    for suffix in ("-wal", "-shm"):
        side = Path(str(case) + suffix)
        if side.exists():
            assert MARKER.encode("utf-8") not in side.read_bytes()
