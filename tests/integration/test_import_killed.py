"""An import killed with SIGKILL mid-batch resumes on the next run, with nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = Path(__file__).resolve().parent / "import_plugins"


def run(*args, extra_env=None):
    env = dict(
        os.environ,
        WORKSTATION_PASSPHRASE="kill-test",
        PYTHONPATH=f"{ROOT}{os.pathsep}{PLUGINS}",
        WORKSTATION_IMPORT_BATCH="4",
        **(extra_env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "workstation.cli", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_sigkill_mid_import_then_resume(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for i in range(24):
        Image.new("RGB", (64 + i, 48), (i * 10, 50, 200 - i * 5)).save(folder / f"p{i:02d}.jpg")
    case = tmp_path / "k.case"
    assert run("new", case, "--title", "Kill").returncode == 0
    killed = run(
        "import",
        case,
        folder,
        "--workers",
        "0",
        extra_env={"WORKSTATION_EXTRA_PLUGINS": "kill_after_items", "KILL_AFTER_ITEMS": "10"},
    )
    assert killed.returncode == -signal.SIGKILL
    resumed = run("import", case, folder, "--json", "--workers", "0")
    assert resumed.returncode == 0, resumed.stderr
    data = json.loads(resumed.stdout)
    assert 0 < data["already_imported"] < 24  # the committed batches survived the kill
    assert data["imported"] + data["already_imported"] == 24
    items = json.loads(run("items", case, "--json").stdout)["items"]
    assert len(items) == 24 and len({i["source_path"] for i in items}) == 24
    verify = run("verify", case, "--json")
    assert verify.returncode == 0 and json.loads(verify.stdout)["ok"] is True
