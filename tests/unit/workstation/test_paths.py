"""One data home for settings, logs, identity and the demo case."""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation import demo, identity
from workstation.paths import data_home


def test_every_part_uses_the_one_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSTATION_HOME", str(tmp_path / "home"))
    assert data_home() == tmp_path / "home"
    assert identity.home() == demo.data_home() == data_home()
    monkeypatch.delenv("WORKSTATION_HOME")
    assert data_home().name == "evidence-workstation"
