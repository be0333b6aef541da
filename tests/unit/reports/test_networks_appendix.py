"""Appendix E of the report: networks with the evidence of each link, persons redactable."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from reports.model import DEFAULT_SECTIONS, ReportOptions
from reports.service import generate_report
from tests.unit.workstation.networks.test_case_networks import ads_case  # noqa: F401 - fixture
from workstation import networks as nw


def test_appendix_lists_links_and_redacts_persons(ads_case, tmp_path: Path) -> None:  # noqa: F811
    case, truth = ads_case
    b_net = next(n for n in nw.networks(case) if truth[n.item_ids[0]] == "B")
    p = nw.add_person(case, "Katya Petrova", "possible_victim", nationality="UA", aliases=["Kate"])
    nw.link_person(case, p.id, "network", b_net.id)
    case.db.execute(
        "INSERT INTO exhibits (item_id, number, added_at, added_by) VALUES (?, 1, '2026-12-03T00:00:00Z', 'x')",
        [b_net.item_ids[0]],
    )
    case.db.conn.commit()
    sections = (*DEFAULT_SECTIONS, "networks")
    out = tmp_path / "r.pdf"
    generate_report(case, out, ReportOptions(sections=sections, redact_persons=True, mask_selectors=("+31641235401",)))
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Appendix E" in text and f"Network {b_net.id}" in text and "template" in text
    assert "Person 1" in text and "possible victim" in text
    assert "Katya Petrova" not in text and "Kate" not in text.replace("Katya", "")
    assert "+31641235401" not in text
    plain = tmp_path / "plain.pdf"
    generate_report(case, plain, ReportOptions())
    assert "Appendix E" not in " ".join(page.extract_text() for page in PdfReader(plain).pages)
