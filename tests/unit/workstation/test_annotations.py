"""The case-level API for the UI and reports: scan, annotations, review, scores, selectors, graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from workstation import annotations as ann
from workstation.errors import UsageError
from workstation.importing.pipeline import run_import
from workstation.indicators import TaxonomyError


@pytest.fixture
def loaded(case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Escort, young girl, new in town. WhatsApp 06 12 34 56 78", encoding="utf-8")
    (folder / "b.txt").write_text("Incall 24/7, bel nul zes een twee drie vier vijf zes zeven acht", encoding="utf-8")
    (folder / "c.txt").write_text("Bakery assistant wanted, 06 23 45 67 89", encoding="utf-8")
    run_import(case, [folder], workers=0)
    ids = {i["original_name"]: i["id"] for i in case.items()}
    return case, ids


def test_import_hook_scans_and_records_the_taxonomy(loaded) -> None:  # type: ignore[no-untyped-def]
    case, ids = loaded
    codes = {a["indicator"] for a in ann.annotations_for(case, ids["a.txt"])}
    assert {"SEX-01", "MIN-01", "SEX-05"} <= codes
    assert ann.annotations_for(case, ids["c.txt"]) == []
    versions = ann.taxonomy_versions(case)
    assert len(versions) == 1 and len(versions[0]["sha256"]) == 64


def test_review_changes_the_score_and_is_audited(loaded) -> None:  # type: ignore[no-untyped-def]
    case, ids = loaded
    a = ids["a.txt"]
    by_code = {x["indicator"]: x for x in ann.annotations_for(case, a)}
    before = ann.item_score(case, a)
    ann.reject(case, by_code["MIN-01"]["id"], "adult, checked")
    ann.confirm(case, by_code["SEX-01"]["id"])
    after = ann.item_score(case, a)
    assert after.score < before.score
    assert after.confirmed_score == pytest.approx(0.05)
    assert [x["indicator"] for x in ann.annotations_for(case, status="rejected")] == ["MIN-01"]
    reopened = ann.set_status(case, by_code["MIN-01"]["id"], "suggested")
    assert reopened["status"] == "suggested" and reopened["reviewed_by"] is None
    actions = [r[0] for r in case.db.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions.count("annotation.rejected") == 1 and "annotation.reopened" in actions
    ranked = ann.ranked_items(case)
    assert ranked[0]["item"] in (ids["a.txt"], ids["b.txt"]) and ids["c.txt"] not in [r["item"] for r in ranked]


def test_analyst_annotations_and_errors(loaded) -> None:  # type: ignore[no-untyped-def]
    case, ids = loaded
    row = ann.annotate(case, ids["c.txt"], "LAB-06", note="told by witness", span=(0, 6))
    assert row["span"]["text"] == "Bakery" and row["origin"] == "analyst" and row["status"] == "confirmed"
    with pytest.raises(TaxonomyError):
        ann.annotate(case, ids["c.txt"], "NOPE-1")
    with pytest.raises(UsageError, match="outside"):
        ann.annotate(case, ids["c.txt"], "LAB-06", span=(0, 999))
    with pytest.raises(UsageError, match="x,y,w,h"):
        ann.annotate(case, ids["c.txt"], "LAB-06", region="1,2,3")
    with pytest.raises(UsageError, match="no item"):
        ann.annotations_for(case, 999)
    with pytest.raises(UsageError, match="no annotation"):
        ann.confirm(case, 999)


def test_selectors_link_items_and_graph(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, ids = loaded
    rows = ann.selectors_for(case)
    top = rows[0]
    assert top["value"] == "+31612345678" and top["items"] == sorted([ids["a.txt"], ids["b.txt"]])
    assert top["platforms"] == ["whatsapp"] and top["obscured"] is True
    assert [r["value"] for r in ann.selectors_for(case, "phone", min_items=2)] == ["+31612345678"]
    on_b = ann.selectors_of_item(case, ids["b.txt"])
    assert on_b[0]["raw"].startswith("nul zes") and on_b[0]["linked_items"] == 2
    g = ann.link_graph(case)
    assert nx.has_path(g, f"item:{ids['a.txt']}", f"item:{ids['b.txt']}")
    assert not nx.has_path(g, f"item:{ids['a.txt']}", f"item:{ids['c.txt']}")
    counts = ann.export_graphml(case, tmp_path / "g.graphml")
    assert counts["nodes"] == nx.read_graphml(tmp_path / "g.graphml").number_of_nodes()


def test_custom_indicators_are_stored_per_case(loaded) -> None:  # type: ignore[no-untyped-def]
    case, ids = loaded
    ann.add_custom_indicator(
        case,
        "CASE-01",
        "Bakery front",
        category="labour_exploitation",
        patterns={"en": ["bakery assistant"]},
        weight=0.3,
    )
    with pytest.raises(TaxonomyError, match="already in use"):
        ann.add_custom_indicator(case, "CASE-01", "again", category="minors")
    summary = ann.scan_items(case)
    assert summary.suggestions_added == 1
    assert [a["indicator"] for a in ann.annotations_for(case, ids["c.txt"])] == ["CASE-01"]
    assert "CASE-01" in ann.taxonomy_for(case).indicators
