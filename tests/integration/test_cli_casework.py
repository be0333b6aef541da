"""The analyst's case actions from the command line, in real subprocesses: tag, triage, note,
same-photo and not-duplicate (one core table), each audited."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.test_cli_core import ws


def test_case_actions_from_the_command_line(tmp_path: Path, photos: Path, case_env: dict[str, str]) -> None:
    case = tmp_path / "c.case"
    ws("new", str(case), "--title", "C", "--analyst", "Ann", env=case_env)
    ws("import", str(case), str(photos), "--ocr", "off", env=case_env, check=False)
    a, b, c = (i["id"] for i in json.loads(ws("items", str(case), "--json", env=case_env).stdout)["items"][:3])

    out = json.loads(ws("tag", str(case), f"{a},{b}", "city:Rotterdam", "--json", env=case_env).stdout)
    assert out == {"tag": "city:Rotterdam", "added": [a, b]}
    out = json.loads(ws("tag", str(case), f"{b}", "city:Rotterdam", "--remove", "--json", env=case_env).stdout)
    assert out == {"tag": "city:Rotterdam", "removed": [b]}

    out = json.loads(ws("triage", str(case), f"{a},{c}", "relevant", "--json", env=case_env).stdout)
    assert out["changes"] == [
        {"item_id": a, "before": None, "after": "relevant"},
        {"item_id": c, "before": None, "after": "relevant"},
    ]
    out = json.loads(ws("triage", str(case), str(a), "none", "--json", env=case_env).stdout)
    assert out["changes"] == [{"item_id": a, "before": "relevant", "after": None}]

    out = json.loads(ws("note", str(case), str(c), "Same room as ad 17", "--json", env=case_env).stdout)
    [note] = out["notes"]
    assert (note["item_id"], note["author"], note["text"]) == (
        c,
        case_env.get("WORKSTATION_ANALYST", "Ann"),
        "Same room as ad 17",
    )

    out = json.loads(ws("same-photo", str(case), str(b), str(a), "--json", env=case_env).stdout)
    assert out == {"same_photo": [a, b], "reason": ""}
    ws("not-duplicate", str(case), str(a), str(c), "--reason", "other tattoo", env=case_env)

    entries = json.loads(ws("audit", str(case), "--json", env=case_env).stdout)
    assert json.loads(ws("audit", str(case), "--json", env=case_env).stdout)["intact"]
    actions = [e["action"] for e in entries["entries"]]
    for action in (
        "tag.added",
        "tag.removed",
        "triage.marked",
        "note.added",
        "dedup.confirmed_same",
        "dedup.not_duplicate",
    ):
        assert action in actions

    proc = ws("tag", str(case), "999", "x", env=case_env, check=False)
    assert proc.returncode != 0 and "no item with id 999" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = ws("same-photo", str(case), str(a), str(a), env=case_env, check=False)
    assert proc.returncode != 0
