"""#22 in the report: neutral cover and header, clean PDF metadata, the custody appendix in words,
a warning when there are no exhibits."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from reports.custody import describe
from reports.model import ReportOptions
from reports.service import NO_EXHIBITS_WARNING, generate_report
from tests.conftest import PASSPHRASE, make_jpeg
from workstation.case import Case
from workstation.exhibits import add_exhibits
from workstation.importing.pipeline import run_import


def _text(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages]


def test_report_of_a_plain_utc_case_reads_sensibly(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "plain.case", PASSPHRASE, title="Plain", analyst="Creator", timezone="UTC")
    case.close()
    with Case.open(tmp_path / "plain.case", PASSPHRASE, analyst="Bea Reporter") as case:
        empty = generate_report(case, tmp_path / "empty.pdf", ReportOptions())
        assert empty.warnings[0] == NO_EXHIBITS_WARNING
        assert empty.as_dict()["warnings"][0].startswith("the report has no")
        make_jpeg(tmp_path / "in" / "a.jpg", seed=3)
        run_import(case, [tmp_path / "in"], workers=0)
        add_exhibits(case, [1])
        result = generate_report(case, tmp_path / "r.pdf", ReportOptions())
        assert not result.warnings
    pages = _text(tmp_path / "r.pdf")
    cover = pages[0]
    assert cover.count("Generated (UTC)") == 1
    assert "Case without a number" in pages[1] and "Case without a number" in cover
    assert "Classification" not in cover and "OFFICIAL" not in "".join(pages)
    assert "Bea Reporter" in cover
    meta = PdfReader(str(tmp_path / "r.pdf")).metadata
    assert meta is not None
    assert meta.author == "Bea Reporter"
    assert meta.subject == "1 exhibit(s)"  # no stray " — case" when agency and number are empty
    assert meta.title == "Evidence report: Plain"


def test_marked_case_keeps_number_marking_and_both_times(tmp_path: Path) -> None:
    with Case.create(
        tmp_path / "m.case",
        PASSPHRASE,
        title="Op",
        case_number="OP-7",
        agency="KMar",
        analyst="Ann",
        timezone="Europe/Amsterdam",
    ) as case:
        make_jpeg(tmp_path / "in" / "a.jpg", seed=4)
        run_import(case, [tmp_path / "in"], workers=0)
        add_exhibits(case, [1])
        generate_report(case, tmp_path / "m.pdf", ReportOptions(classification="VERTROUWELIJK"))
    pages = _text(tmp_path / "m.pdf")
    assert "Generated (UTC)" in pages[0] and "Generated (Europe/Amsterdam)" in pages[0]
    assert all("Case OP-7" in p and "VERTROUWELIJK" in p for p in pages)
    meta = PdfReader(str(tmp_path / "m.pdf")).metadata
    assert meta is not None and meta.subject == "KMar — case OP-7 — 1 exhibit(s) — VERTROUWELIJK"
    custody = "\n".join(p for p in pages if "Chain of custody" in p or "import.finished" in p)
    assert "Import run 1 finished (done): 1 item imported" in custody
    assert '{"' not in "".join(pages)  # no raw JSON anywhere


def test_custody_sentences_keep_hashes_and_never_show_json() -> None:
    sha = "ab" * 32
    stored = {"items": [[4, sha, "/in/a.jpg"]], "errors": [], "already_imported": 0}
    batch = describe("import.batch", json.dumps(stored))
    assert batch == f"Stored 1 item: item 4 from /in/a.jpg (SHA-256 {sha})."
    made = describe("case.created", {"title": "Op", "case_number": "", "analyst": "Ann", "timezone": "UTC"})
    assert made == "Case “Op” created: no case number, analyst Ann, time zone UTC."
    marked = {"exhibits": [{"item": 1, "number": 1}, {"item": 3, "number": 2}], "reason": "demo"}
    exhibits = describe("exhibit.added", marked)
    assert exhibits == "Marked as exhibits (reason: demo): item 1 as exhibit 1, item 3 as exhibit 2."
    unknown = describe("network.split", {"network": 4, "members": [1, 2], "evidence": {"sha256": sha}})
    assert unknown == f"Network: 4. Members: 1, 2. Evidence: SHA-256 {sha}."
    assert describe("x", "not json") == "not json"
    assert "{" not in describe("tag.added", '{"items": [1, 2], "tag": "minor"}')
