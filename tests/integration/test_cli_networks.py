"""The networks commands in real subprocesses against a real encrypted case."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.workstation.networks.adfixture import write_ads


def ws(*args: str, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", *args, "--json"], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_networks_register_and_stats_from_the_cli(tmp_path: Path, case_env: dict[str, str]) -> None:
    env = dict(case_env, WORKSTATION_OCR="off")
    write_ads(tmp_path / "ads")
    case = str(tmp_path / "ads.case")
    subprocess.run(
        [sys.executable, "-m", "workstation.cli", "new", case, "--title", "Ads", "--region", "NL"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    subprocess.run(
        [sys.executable, "-m", "workstation.cli", "import", case, str(tmp_path / "ads")],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = ws("networks", case, env=env)
    assert [len(n["items"]) for n in out["networks"]] == [4, 3]
    assert set(out["networks"][0]["links"][0]) == {"a", "b", "via", "value", "score"}
    person = ws("person", "add", case, "Victim A", "--role", "victim", "--nationality", "UA", env=env)
    assert person["role"] == "possible_victim"
    stats = ws("stats", case, env=env)
    assert stats["networks"]["count"] == 2 and stats["persons"]["possible_victims_by_nationality"] == {"UA": 1}
