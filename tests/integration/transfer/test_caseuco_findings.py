"""CASE/UCO export carries selectors, confirmed indicator findings and watchlist hits, and validates."""

from __future__ import annotations

import json

from tests.integration.transfer.test_interop_exports import case_validate
from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE
from workstation.case import Case
from workstation.watchlists import service


def test_case_uco_with_selectors_findings_and_watchlist_hits(tmp_path, sender_case, analysts, cli):  # type: ignore[no-untyped-def]
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        chat = next(i["id"] for i in case.items() if i["original_name"] == "chat.txt")
        with case.transaction():
            case.db.conn.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, author, created_at, updated_at,"
                " reviewed_by, reviewed_at) VALUES (?, 'recruitment.job_abroad', 'confirmed', 'analyst', 'Ann',"
                " '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z', 'Ann', '2026-03-03T10:00:00Z')",
                [chat],
            )
            case.db.conn.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, author, created_at, updated_at)"
                " VALUES (?, 'control.debt', 'suggested', 'machine', 'machine', 't', 't')",
                [chat],
            )
        wl = tmp_path / "list.csv"
        wl.write_text("kind,value,label,agency\nphone,+31612345678,recruiter,Europol\n", encoding="utf-8")
        assert service.import_watchlist(case, wl, "EMPACT")["hits"]
    out = tmp_path / "case.jsonld"
    code, stdout, err = cli(analysts["ann"], "export-case", sender_case.path, "--out", out, "--json")
    assert code == 0, err
    summary = json.loads(stdout)
    assert summary["selectors"] >= 1 and summary["indicator_findings"] == 1 and summary["watchlist_hits"] == 1
    result = case_validate(out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    phones = [n for n in graph if n["@type"] == "uco-observable:PhoneAccount"]
    assert [n["uco-core:hasFacet"][0]["uco-observable:phoneNumber"] for n in phones] == ["+31612345678"]
    statements = [n.get("uco-core:statement", "") for n in graph if n["@type"] == "uco-core:Annotation"]
    assert any(s.startswith("indicator recruitment.job_abroad confirmed") for s in statements)
    assert not any("control.debt" in s for s in statements)  # suggestions are not findings
    assert any("watchlist hit: phone +31612345678 on list 'EMPACT' from Europol: recruiter" in s for s in statements)
