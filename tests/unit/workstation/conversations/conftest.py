"""Fixtures for conversation tests: a case in the Amsterdam zone and the chat export generator."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[3]))  # tests/chatgen.py


@pytest.fixture()
def case(tmp_path):
    from workstation.case import Case

    c = Case.create(tmp_path / "t.case", "pw", title="T", analyst="Tester", timezone="Europe/Amsterdam")
    yield c
    c.close()


@pytest.fixture()
def do_import(case):
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    def run(*paths, timezone=None):
        progress = Progress()
        return run_import(case, [Path(p) for p in paths], progress, workers=0, timezone=timezone), progress

    return run


@pytest.fixture()
def messages_json(case):
    from workstation.conversations import list_conversations, list_messages

    def get(title_part: str = "") -> tuple[list[dict], dict[int, str]]:
        convs = [c for c in list_conversations(case) if title_part in (c.source_path or "")]
        assert len(convs) == 1, [c.source_path for c in list_conversations(case)]
        records = [m.to_json() for m in list_messages(case, convs[0].id)]
        names = {r[0]: r[1] for r in case.db.execute("SELECT id, original_name FROM items WHERE kind != 'message'")}
        return records, names

    return get
