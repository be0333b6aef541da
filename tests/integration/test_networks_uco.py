"""Persons, roles, accounts and platforms in the CASE/UCO export, checked with case_validate."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.transfer.test_interop_exports import case_validate
from tests.unit.workstation.networks.test_case_networks import ads_case  # noqa: F401 - fixture
from workstation import networks as nw
from workstation.interop.caseuco import export_case_uco


def test_register_in_case_uco_export_validates(ads_case, tmp_path: Path) -> None:  # noqa: F811
    case, _ = ads_case
    victim = nw.add_person(case, "Victim A", "possible_victim", nationality="UA", aliases=["Katya"])
    nw.add_person(case, "Boss", "suspect")
    nw.link_person(case, victim.id, "item", "3")
    nw.add_account(case, "whatsapp", "phone", "+31 6 4123 5401", person_id=victim.id)
    nw.set_platform(case, "redlights.example", type="escort_site", status="involved")
    out = tmp_path / "case.jsonld"
    summary = export_case_uco(case, out)
    assert summary["persons"] == 2 and summary["accounts"] == 1 and summary["platforms"] == 2
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    types = [n["@type"] for n in graph]
    assert types.count("uco-identity:Person") == 2 and types.count("uco-role:Role") == 2
    account = next(n for n in graph if n["@type"] == "uco-observable:Account")
    assert account["uco-core:hasFacet"][0]["uco-observable:accountIdentifier"] == "+31641235401"
    result = case_validate(out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
