"""The report honours the analyst's duplicate decisions (the core table, workstation.casework)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from reports.builder import build_report
from reports.model import ReportOptions
from tests.conftest import make_jpeg
from workstation import casework
from workstation.importing.pipeline import run_import


@pytest.fixture
def filled(case, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "seized"
    original = make_jpeg(folder / "a_original.jpg", seed=11, size=(400, 300))
    ImageOps.mirror(Image.open(original)).save(folder / "b_mirrored.jpg", quality=90)
    make_jpeg(folder / "c_other.jpg", seed=12, size=(400, 300))
    run_import(case, [folder], workers=1)
    return case, {row["original_name"]: row["id"] for row in case.items()}


def test_not_the_same_photo_leaves_the_near_duplicate_section(filled) -> None:  # type: ignore[no-untyped-def]
    case, ids = filled
    original, mirrored = ids["a_original.jpg"], ids["b_mirrored.jpg"]
    casework.add_exhibits(case, [original])
    before = build_report(case, ReportOptions())
    assert mirrored in {d.ref.item_id for d in before.exhibits[0].near_duplicates}

    casework.mark_not_duplicate(case, mirrored, original, "different room")
    after = build_report(case, ReportOptions())
    assert mirrored not in {d.ref.item_id for d in after.exhibits[0].near_duplicates}
    assert "marked as not the same picture (1)" in after.method.perceptual_hashing
