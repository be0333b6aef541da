"""Crash safety: SIGKILL an import at random moments; the case stays sound and the import resumes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import casefile
from tests.conftest import PASSPHRASE, make_jpeg
from workstation.case import Case

N_PHOTOS = 60


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seizure")
    for i in range(N_PHOTOS):
        make_jpeg(folder / f"IMG_{i:04d}.jpg", seed=1000 + i, size=(900, 700))
    return folder


def _import_cmd(case: Path, folder: Path) -> list[str]:
    return [sys.executable, "-m", "workstation.cli", "import", str(case), str(folder), "--json"]


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(5))
def test_sigkill_during_import_leaves_a_sound_case(tmp_path: Path, big_folder: Path, trial: int) -> None:
    # small batches so that kills land between, and inside, many commits
    env = dict(os.environ, WORKSTATION_PASSPHRASE=PASSPHRASE, WORKSTATION_IMPORT_BATCH="5")
    path = tmp_path / "crash.case"
    Case.create(path, PASSPHRASE, title="Crash test").close()
    rng = random.Random(trial)
    # Whole process group: the writer and its worker processes die together, like a power cut.
    proc = subprocess.Popen(
        _import_cmd(path, big_folder),
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(rng.uniform(1.5, 4.5))
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)

    with Case.open(path, PASSPHRASE) as case:
        assert casefile.integrity_problems(case.db) == []
        assert case.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert case.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
        report = case.verify()
        assert report["ok"], report["problems"]
        before = case.count_items()
        print(f"trial {trial}: killed={killed} items_before={before}")
        # nothing half-written: every item has its blob, every blob has all its bytes
        assert case.db.execute("SELECT count(*) FROM blobs WHERE sha256 IS NULL").fetchone()[0] == 0

    out = subprocess.run(_import_cmd(path, big_folder), env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["imported"] + result["already_imported"] == N_PHOTOS
    assert result["already_imported"] == before

    with Case.open(path, PASSPHRASE) as case:
        assert case.count_items() == N_PHOTOS
        paths = [r[0] for r in case.db.execute("SELECT source_path FROM items")]
        assert len(set(paths)) == N_PHOTOS  # no duplicate items
        assert case.verify()["ok"]
