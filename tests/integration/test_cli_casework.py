"""The analyst's case actions from the command line, in real subprocesses: tag, triage, note,
same-photo and not-duplicate (one core table), each audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.integration.test_cli_core import ws
from workstation import casework, records
from workstation.case import Case
from workstation.importing.pipeline import run_import


def test_case_actions_from_the_command_line(tmp_path: Path, photos: Path, case_env: dict[str, str]) -> None:
    path = tmp_path / "c.case"
    with Case.create(path, PASSPHRASE, title="C", analyst="Ann") as case:
        run_import(case, [photos], workers=1)
        a, b, c = [int(r["id"]) for r in case.items()][:3]
    case_env = {**case_env, "WORKSTATION_ANALYST": "Ann"}

    out = json.loads(ws("tag", str(path), f"{a},{b}", "city:Rotterdam", "--json", env=case_env).stdout)
    assert out == {"tag": "city:Rotterdam", "added": [a, b]}
    out = json.loads(ws("triage", str(path), f"{a},{c}", "relevant", "--json", env=case_env).stdout)
    assert out == {
        "mark": "relevant",
        "changes": [
            {"item_id": a, "before": None, "after": "relevant"},
            {"item_id": c, "before": None, "after": "relevant"},
        ],
    }
    out = json.loads(ws("note", str(path), str(c), "Same room as ad 17", "--json", env=case_env).stdout)
    [note] = out["notes"]
    assert (note["item_id"], note["author"], note["text"]) == (c, "Ann", "Same room as ad 17")
    out = json.loads(ws("same-photo", str(path), str(b), str(a), "--json", env=case_env).stdout)
    assert out == {"same_photo": [a, b], "reason": ""}
    ws("not-duplicate", str(path), str(a), str(c), "--reason", "other tattoo", env=case_env)
    proc = ws("tag", str(path), "999", "x", env=case_env, check=False)
    assert proc.returncode != 0 and "no item with id 999" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1

    with Case.open(path, PASSPHRASE) as case:
        assert records.tags_of(case, a) == ["city:Rotterdam", "relevant"]
        assert [(d.pair, d.decision, d.reason) for d in casework.decisions(case)] == [
            ((a, b), "same", ""),
            ((a, c), "different", "other tattoo"),
        ]
        actions = [r.action for r in records.audit_rows(case)]
        for action in ("tag.added", "triage.marked", "note.added", "dedup.confirmed_same", "dedup.not_duplicate"):
            assert action in actions
        assert records.chain_status(case).intact


def test_item_ids_that_are_not_numbers_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["triage", "x.case", "3,abc", "relevant"])
    assert exit_info.value.code == 2
    assert "item ids must be numbers separated by commas, not '3,abc'" in capsys.readouterr().err
