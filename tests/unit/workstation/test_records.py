"""The read layer: frozen records of items, details, grid rows, exhibits, audit and counts."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from tests.conftest import make_jpeg
from workstation import casework, records
from workstation.case import Case
from workstation.errors import UsageError
from workstation.importing.pipeline import run_import
from workstation.search import ItemQuery, count_items, item_ids, search, search_items


@pytest.fixture
def filled(case: Case, tmp_path: Path) -> tuple[Case, dict[str, int]]:
    folder = tmp_path / "in"
    make_jpeg(folder / "a.jpg", seed=1)
    make_jpeg(folder / "b.jpg", seed=2)
    (folder / "copy_of_a.jpg").write_bytes((folder / "a.jpg").read_bytes())
    (folder / "ad.txt").write_text("Робота в Польщі, житло безкоштовно. 高薪工作 ok", encoding="utf-8")
    run_import(case, [folder], workers=1)
    return case, {r["original_name"]: r["id"] for r in case.items()}


def test_item_details_gather_what_the_inspector_shows(filled: tuple[Case, dict[str, int]]) -> None:
    case, ids = filled
    a = ids["a.jpg"]
    casework.add_tag(case, [a], "city:Kyiv")
    casework.add_exhibits(case, [a])
    casework.add_note(case, [a], "seen twice")
    details = records.item_details(case, a)
    assert details.item == records.item_record(case, a)
    assert details.item.name == "a.jpg" and details.item.kind == "image" and details.item.width == 320
    assert [r.id for r in details.exact_copies] == [ids["copy_of_a.jpg"]]
    assert details.tags == ("city:Kyiv",) and details.exhibit == 1
    assert [n.text for n in details.notes] == ["seen twice"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        details.exhibit = 2  # type: ignore[misc]
    with pytest.raises(UsageError, match="no item with id 999"):
        records.item_record(case, 999)


def test_grid_rows_carry_badges(filled: tuple[Case, dict[str, int]]) -> None:
    case, ids = filled
    a = ids["a.jpg"]
    casework.set_triage(case, [a], casework.RELEVANT)
    casework.add_note(case, [a], "n")
    rows = records.item_rows(case, [a, ids["ad.txt"], 999])
    assert set(rows) == {a, ids["ad.txt"]}
    assert rows[a].tags == ("relevant",) and rows[a].notes == 1 and rows[a].has_thumbnail
    assert rows[ids["ad.txt"]].kind != "image" and rows[ids["ad.txt"]].notes == 0


def test_exhibit_rows_audit_rows_and_counts(filled: tuple[Case, dict[str, int]]) -> None:
    case, ids = filled
    casework.add_exhibits(case, [ids["b.jpg"], ids["a.jpg"]])
    assert [(r.number, r.name) for r in records.exhibit_rows(case)] == [(1, "b.jpg"), (2, "a.jpg")]
    assert [r.number for r in records.exhibit_rows(case, [ids["ad.txt"], ids["a.jpg"]])] == [2, None]
    assert records.exhibit_ids(case) == [ids["b.jpg"], ids["a.jpg"]] and records.exhibit_count(case) == 2
    rows = records.audit_rows(case)
    assert len(rows) == records.audit_count(case) and rows[-1].action == "exhibit.added"
    assert json.loads(rows[-1].details)["exhibits"][0]["number"] == 1
    assert records.audit_rows(case, after=rows[-2].seq) == [rows[-1]]
    status = records.chain_status(case)
    assert status.intact and status.entries == rows[-1].seq and status.head == rows[-1].entry_hash
    counts = records.case_counts(case)
    assert counts.total == 4 and counts.kinds["image"] == 3 and counts.untriaged == 4 and counts.exhibits == 2


def test_one_search_for_the_command_line_and_the_window(filled: tuple[Case, dict[str, int]]) -> None:
    case, ids = filled
    ad = ids["ad.txt"]
    # words in any order, any script; short words by a case-folded scan
    assert [h.id for h in search(case, "безкоштовно Польщі")] == [ad]
    assert [h.id for h in search(case, "OK 高薪")] == [ad]
    assert search_items(case, "житло")[0] == {
        "id": ad,
        "original_name": "ad.txt",
        "kind": search(case, "житло")[0].kind,
        "snippet": search(case, "житло")[0].snippet,
    }
    assert "[житло]" in search(case, "житло")[0].snippet
    with pytest.raises(UsageError):
        search(case, "  ")
    # the window's query: the same text semantics, plus filters and sorts
    assert list(item_ids(case, ItemQuery(text="безкоштовно Польщі"))) == [ad]
    assert list(item_ids(case, ItemQuery(text="OK 高薪"))) == [ad]
    images = ItemQuery(kind="image", sort="name", descending=True)
    assert list(item_ids(case, images)) == [ids["copy_of_a.jpg"], ids["b.jpg"], ids["a.jpg"]]
    casework.set_triage(case, [ids["a.jpg"]], casework.RELEVANT)
    assert count_items(case, ItemQuery(untriaged=True)) == 3
    assert list(item_ids(case, ItemQuery(ids=(ids["b.jpg"], ad)))) == sorted((ids["b.jpg"], ad))
    casework.add_exhibits(case, [ids["b.jpg"], ids["a.jpg"]])
    assert list(item_ids(case, ItemQuery(exhibits=True))) == [ids["b.jpg"], ids["a.jpg"]]
