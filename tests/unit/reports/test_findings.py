"""Findings of the indicators area in the report: confirmed indicators, regions, selectors, masking.

Runs once the indicators area (workstation.annotations) is part of the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.builder import build_report
from reports.model import ReportOptions
from reports.service import generate_report
from reports.sources import upright_box
from tests import pdfcheck
from tests.conftest import make_jpeg
from workstation.exhibits import add_exhibits
from workstation.importing.pipeline import run_import


@pytest.mark.parametrize(
    ("orientation", "expected"),
    [
        (1, (0.1, 0.1, 0.25, 0.2)),
        (2, (0.65, 0.1, 0.25, 0.2)),
        (3, (0.65, 0.7, 0.25, 0.2)),
        (6, (0.7, 0.1, 0.2, 0.25)),
        (8, (0.1, 0.65, 0.2, 0.25)),
    ],
)
def test_regions_turn_with_the_picture(orientation: int, expected: tuple[float, ...]) -> None:
    # A 400x300 stored image, box at x=40, y=30, 100x60 pixels.
    assert upright_box((40, 30, 100, 60), 400, 300, orientation) == pytest.approx(expected)


def test_indicators_regions_and_selectors_reach_the_report(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workstation import annotations

    folder = tmp_path / "in"
    make_jpeg(folder / "a.jpg", seed=1, size=(400, 300))
    (folder / "ad.txt").write_text(
        "Робота в Польщі! Житло безкоштовно. Дзвоніть 06 12 34 56 78 або +31 6 1234 5678", encoding="utf-8"
    )
    run_import(case, [folder], workers=1)
    ids = {r["original_name"]: r["id"] for r in case.items()}
    tax = annotations.taxonomy_for(case)
    minors = next(i.code for i in tax if i.category == "minors")
    recruitment = next(i.code for i in tax if i.category == "recruitment")
    annotations.annotate(case, ids["a.jpg"], minors, note="looks young", region=(40, 30, 100, 60))
    annotations.annotate(case, ids["ad.txt"], recruitment, note="job offer")
    add_exhibits(case, [ids["a.jpg"], ids["ad.txt"]])
    options = ReportOptions(redact="sensitive", mask_selectors=("*",))

    photo, ad = build_report(case, options).exhibits
    assert [r.label for r in photo.regions] == ["R1"]
    assert (photo.regions[0].x, photo.regions[0].w) == pytest.approx((0.1, 0.25))
    # A confirmed indicator in the minors category makes the picture sensitive.
    assert photo.image is not None and photo.image.redaction == "pixelate"
    assert [f.code for f in ad.indicators if f.status == "confirmed"] == [recruitment]
    assert ad.selectors and all(s.masked for s in ad.selectors)
    assert "12 34 56" not in ad.text_excerpt and "[REDACTED selector 1]" in ad.text_excerpt

    out = tmp_path / "r.pdf"
    generate_report(case, out, options)
    text = " ".join(pdfcheck.text(out).split())
    assert "Indicators confirmed by the analyst" in text
    assert "Appendix A — Selectors" in text
    assert "+31612345678" not in text and "06 12 34 56 78" not in text
