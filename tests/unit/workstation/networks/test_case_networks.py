"""Networks, decisions, register and statistics on a real encrypted case with imported pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.workstation.networks.adfixture import write_ads
from workstation import networks as nw
from workstation.errors import UsageError
from workstation.importing.pipeline import run_import


@pytest.fixture
def ads_case(case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    truth = write_ads(tmp_path / "ads")
    run_import(case, [tmp_path / "ads"], workers=1)
    names = {r["original_name"]: r["id"] for r in case.db.query("SELECT id, original_name FROM items")}
    return case, {names[n]: label for n, label in truth.items()}


def _actions(case) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[0] for r in case.db.execute("SELECT action FROM audit ORDER BY seq")]


def test_networks_follow_operations_not_site_chrome(ads_case) -> None:  # type: ignore[no-untyped-def]
    case, truth = ads_case
    found = nw.networks(case)
    groups = sorted(sorted(truth[i.id] for i in n.items) for n in found)
    assert groups == [["A", "A", "A", "A"], ["B", "B", "B"]]  # lone ads and the sites' own phone join nothing
    assert [len(n.items) for n in found] == [4, 3]
    vias = {lk.via for n in found for lk in n.links}
    assert vias == {"phone", "text"}
    assert all(lk.value != "+31205550100" for n in found for lk in n.links)
    j = found[0].to_json()
    assert set(j) == {"id", "items", "links"}
    assert set(j["items"][0]) == {"id", "sha256", "original_name", "source_path", "kind"}
    assert set(j["links"][0]) == {"a", "b", "via", "value", "score"}
    templates = nw.template_clusters(case)
    assert [len(t.items) for t in templates] == [4, 3]
    assert {s.kind for s in templates[0].slots} >= {"name", "age", "city", "price", "phone"}


def test_split_and_join_survive_a_rerun_and_are_audited(ads_case) -> None:  # type: ignore[no-untyped-def]
    case, truth = ads_case
    big = nw.networks(case)[0]
    part = list(big.item_ids[:2])
    nw.split_network(case, big.id, part, note="different handwriting")
    after = nw.networks(case)
    sizes = sorted(len(n.items) for n in after)
    assert sizes == [2, 2, 3]
    assert any(set(n.item_ids) == set(part) for n in after)
    small_a = next(n for n in after if set(n.item_ids) == set(part))
    b_net = next(n for n in after if truth[n.item_ids[0]] == "B")
    d = nw.join_networks(case, small_a.id, b_net.id)
    joined = nw.networks(case)
    assert len(joined[0].items) == 5 and any(lk.via == "analyst" for lk in joined[0].links)
    nw.revoke_decision(case, d.id)
    assert sorted(len(n.items) for n in nw.networks(case)) == [2, 2, 3]
    with pytest.raises(UsageError):
        nw.split_network(case, big.id, [999])
    assert {"network.split", "network.join", "network.decision_revoked"} <= set(_actions(case))


def test_register_and_stats(ads_case) -> None:  # type: ignore[no-untyped-def]
    case, truth = ads_case
    b_net = next(n for n in nw.networks(case) if truth[n.item_ids[0]] == "B")
    p = nw.add_person(case, "Victim A", "victim", nationality="ua", age_band="18-24", aliases=["Katya"])
    assert p.role == "possible_victim" and p.nationality == "UA"
    nw.add_person(case, "Pimp", "suspect", nationality="NL")
    nw.link_person(case, p.id, "network", b_net.id)
    nw.link_person(case, p.id, "selector", "phone:+31641235401")
    with pytest.raises(UsageError):
        nw.link_person(case, p.id, "selector", "phone:+31600000000")
    with pytest.raises(UsageError):
        nw.add_person(case, "X", "boss")
    acct = nw.add_account(case, "whatsapp", "phone", "+31 6 4123 5401", person_id=p.id)
    assert acct.value == "+31641235401" and acct.persons == (p.id,) and len(acct.items) == 2
    nw.set_platform(case, "redlights.example", type="escort_site", status="suspected")
    nw.set_platform(case, "redlights.example", status="involved")
    plats = {x.name: x for x in nw.platforms(case)}
    assert plats["redlights.example"].status == "involved" and plats["whatsapp"].type == "messenger"
    assert plats["nachtclub.example"].status is None and plats["nachtclub.example"].items == 5
    s = nw.action_day_stats(case).to_json()
    assert s["platforms"]["involved"] == 1 and s["platforms"]["checked"] == 1
    assert s["persons"]["by_role"]["possible_victim"] == 1 and s["persons"]["by_role"]["suspect"] == 1
    assert s["persons"]["possible_victims_by_nationality"] == {"UA": 1}
    assert s["networks"] == {"count": 2, "items": 7, "largest": 4}
    assert s["phone_numbers_checked"] >= 5 and s["items"]["page"] == 9
    links = nw.person(case, p.id).links
    assert [lk.target_type for lk in links] == ["network", "selector", "account"]
    nw.unlink(case, links[0].id)
    assert len(nw.person(case, p.id).links) == 2
    assert {
        "person.added",
        "person.linked",
        "person.unlinked",
        "account.added",
        "platform.added",
        "platform.changed",
    } <= set(_actions(case))
    t = nw.network_timeline(b_net)
    assert t.first_seen is not None and sum(n for _, n in t.per_day) == 3
