"""Watchlist hits reach the report (a block per exhibit), masked with the selectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.builder import build_report
from reports.model import ReportOptions
from reports.service import generate_report
from tests import pdfcheck
from workstation.exhibits import add_exhibits
from workstation.importing.pipeline import run_import
from workstation.watchlists import service


def test_watchlist_hits_in_the_report(case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ad.txt").write_text("Work abroad, call 06 12 34 56 78", encoding="utf-8")
    run_import(case, [folder], workers=0)
    ad = next(i["id"] for i in case.items())
    wl = tmp_path / "l.csv"
    wl.write_text("kind,value,label,agency\nphone,0612345678,recruiter,Europol\n", encoding="utf-8")
    service.import_watchlist(case, wl, "EMPACT")
    add_exhibits(case, [ad])
    (exhibit,) = build_report(case, ReportOptions()).exhibits
    assert [(f.name, f.value) for f in exhibit.watchlist_hits] == [
        ("EMPACT (Europol) — recruiter", "phone +31612345678")
    ]
    masked = build_report(case, ReportOptions(mask_selectors=("*",))).exhibits[0]
    assert "+31612345678" not in masked.watchlist_hits[0].value
    out = tmp_path / "r.pdf"
    generate_report(case, out, ReportOptions())
    text = " ".join(pdfcheck.text(out).split())
    assert "Watchlist hits" in text and "EMPACT (Europol) — recruiter" in text
