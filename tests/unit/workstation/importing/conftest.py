"""Fixtures for importer tests: a fresh encrypted case and a helper that imports into it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # import_samples: fixture builders


@pytest.fixture()
def case(tmp_path):
    from workstation.case import Case

    c = Case.create(tmp_path / "t.case", "pw", title="T", analyst="Tester")
    yield c
    c.close()


@pytest.fixture()
def do_import(case):
    """Import paths in this process (workers=0); returns (result, progress)."""
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    def run(*paths, workers=0, progress=None):
        progress = progress or Progress()
        return run_import(case, [Path(p) for p in paths], progress, workers=workers), progress

    return run
