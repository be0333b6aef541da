"""The PDF, read back: text in every script, embedded fonts, page furniture, determinism,
redaction that really removes pixels, metadata, atomic write."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports import render
from reports.model import Report
from reports.render import ReportRenderError, redact, render_pdf
from tests import pdfcheck
from tests.unit.reports.conftest import ARABIC, CHINESE, EMOJI, GREEK, UKRAINIAN, photo

pytestmark = pdfcheck.needs_poppler


def test_case_number_hashes_and_scripts_are_text(rendered: Path, sample_report: Report) -> None:
    text = pdfcheck.text(rendered)
    assert sample_report.case.case_number in text
    for ex in sample_report.exhibits:
        assert ex.sha256 in text
        assert ex.md5 in text
    flat = " ".join(text.split())
    assert UKRAINIAN in flat
    # pdfcheck.text is NFKC-normalised (Arabic presentation forms back to letters), which also
    # turns the full-width comma into ","; compare like with like.
    assert unicodedata.normalize("NFKC", CHINESE) in text.replace("\n", "")
    assert GREEK in flat
    assert EMOJI in text
    # Arabic is drawn shaped and in visual order; poppler gives it back in reading order.
    assert ARABIC in flat


def test_all_fonts_embedded_no_base14(rendered: Path) -> None:
    rows = pdfcheck.fonts(rendered)
    assert rows, "no fonts listed"
    assert all(r["emb"] == "yes" for r in rows), rows
    assert all(r["type"] == "TrueType" for r in rows), rows
    names = {r["name"].split("+")[-1] for r in rows}
    assert {"DejaVuSans", "DroidSansFallback", "NotoSansArabic-Regular"} <= names


def test_every_page_has_case_classification_bates_and_page_n_of_m(rendered: Path, sample_report: Report) -> None:
    pages = pdfcheck.pages_text(rendered)
    total = len(PdfReader(str(rendered)).pages)
    assert len(pages) == total > 8
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {total}" in page
        assert f"ZW-{100 + n:06d}" in page  # bates_start=101
        assert f"Case {sample_report.case.case_number}" in page
        assert "OFFICIAL-SENSITIVE" in page


def test_toc_and_exhibit_list_point_to_the_right_pages(rendered: Path) -> None:
    pages = pdfcheck.pages_text(rendered)
    contents = pages[1]
    for n in range(1, 5):
        listed = re.search(rf"Exhibit {n} —.*?\n\s*(\d+)\s*$", contents, re.M | re.S)
        assert listed, contents
        page = int(listed.group(1))
        assert re.search(rf"Exhibit {n} —", pages[page - 1])


def test_two_builds_are_byte_identical(tmp_path: Path, sample_report: Report, provider) -> None:  # type: ignore[no-untyped-def]
    a = render_pdf(sample_report, tmp_path / "a.pdf", provider)
    b = render_pdf(sample_report, tmp_path / "b.pdf", provider)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert a.sha256 == b.sha256 == hashlib.sha256((tmp_path / "a.pdf").read_bytes()).hexdigest()
    assert a.pages == b.pages


def test_document_id_and_dates_come_from_the_report(rendered: Path, sample_report: Report) -> None:
    reader = PdfReader(str(rendered))
    ids = reader.trailer["/ID"]
    assert ids[0].original_bytes.hex() == sample_report.document_id
    meta = reader.metadata
    assert meta is not None
    assert meta["/CreationDate"].startswith("D:20260305120000")
    assert sample_report.case.case_number in meta.title
    assert meta.author == "Ann Analyst"
    assert "Politie Amsterdam" in meta.subject
    assert "NL-2026-0042" in meta["/Keywords"]
    assert "Evidence Workstation" in meta.creator


def _exhibit_page_image(pdf: Path, number: int):  # type: ignore[no-untyped-def]
    pages = pdfcheck.pages_text(pdf)
    images = pdfcheck.page_images(pdf)
    for text, imgs in zip(pages, images, strict=True):
        if re.search(rf"^Exhibit {number} —", text, re.M) and imgs:
            return imgs[0]
    raise AssertionError(f"no picture for exhibit {number}")


def test_redaction_really_removes_the_pixels(rendered: Path, pictures) -> None:  # type: ignore[no-untyped-def]
    clear = _exhibit_page_image(rendered, 1)
    pixelated = _exhibit_page_image(rendered, 2)
    blurred = _exhibit_page_image(rendered, 4)
    # Unredacted: the embedded copy keeps the original's detail.
    assert pdfcheck.detail_correlation(pictures[101], clear) > 0.8
    # Redacted: the detail is gone from the data itself, not hidden under something.
    assert pdfcheck.detail_correlation(pictures[102], pixelated) < 0.2
    assert pdfcheck.detail_correlation(pictures[104], blurred) < 0.2
    assert pdfcheck.mean_abs_difference(pictures[102], pixelated) > 20
    assert pdfcheck.mean_abs_difference(pictures[104], blurred) > 20


def test_redact_function_leaves_few_distinct_blocks() -> None:
    img = photo(7, (640, 480))
    out = redact(img, "pixelate")
    assert out.size == img.size
    assert len(out.getcolors(maxcolors=1 << 16) or []) <= 16 * 12
    assert redact(img, "none") is img
    with pytest.raises(ValueError):
        redact(img, "swirl")


def test_report_states_what_was_redacted(rendered: Path) -> None:
    text = " ".join(pdfcheck.text(rendered).split())
    assert "PIXELATED in this report (tagged 'minor')" in text
    assert "BLURRED in this report" in text
    assert "Machine suggestions (NOT confirmed by an analyst)" in text
    assert "Youthful language" in text


def test_missing_or_broken_picture_is_stated_on_the_page(tmp_path: Path, sample_report: Report) -> None:  # type: ignore[no-untyped-def]
    def broken(spec):  # type: ignore[no-untyped-def]
        if spec.item_id == 101:
            raise LookupError("blob missing")
        import io

        from PIL import Image

        return Image.open(io.BytesIO(b"\xff\xd8\xff\xe0 not really a jpeg"))

    out = tmp_path / "r.pdf"
    render_pdf(sample_report, out, broken)
    text = " ".join(pdfcheck.text(out).split())
    assert "The picture is not available: blob missing" in text
    assert "The picture could not be drawn" in text


def test_atomic_write_leaves_no_temp_and_refuses_missing_folder(
    tmp_path: Path, sample_report: Report, provider
) -> None:  # type: ignore[no-untyped-def]
    render_pdf(sample_report, tmp_path / "r.pdf", provider)
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
    with pytest.raises(ReportRenderError, match="does not exist"):
        render_pdf(sample_report, tmp_path / "nope" / "r.pdf", provider)


def test_cancel_leaves_no_file(tmp_path: Path, sample_report: Report, provider) -> None:  # type: ignore[no-untyped-def]
    from workstation.errors import Cancelled
    from workstation.progress import Progress

    progress = Progress()
    calls = []

    def cancelling(spec):  # type: ignore[no-untyped-def]
        calls.append(spec.item_id)
        if len(calls) == 2:
            progress.cancel()
        return provider(spec)

    (tmp_path / "r.pdf").write_bytes(b"previous report")
    with pytest.raises(Cancelled):
        render_pdf(sample_report, tmp_path / "r.pdf", cancelling, progress)
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
    assert (tmp_path / "r.pdf").read_bytes() == b"previous report"


def test_images_are_reduced_before_embedding(tmp_path: Path, sample_report: Report) -> None:  # type: ignore[no-untyped-def]
    import io

    from PIL import Image

    def big(spec):  # type: ignore[no-untyped-def]
        buf = io.BytesIO()
        photo(1, (4000, 3000)).save(buf, "JPEG")
        buf.seek(0)
        return Image.open(buf)

    out = tmp_path / "r.pdf"
    render_pdf(sample_report, out, big)
    sizes = [img.size for page in pdfcheck.page_images(out) for img in page]
    assert sizes and max(max(s) for s in sizes) <= sample_report.options.image_max_px


def test_sections_can_be_left_out(tmp_path: Path, sample_report: Report, provider) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    short = replace(sample_report, options=replace(sample_report.options, sections=("summary", "custody")))
    out = tmp_path / "r.pdf"
    render_pdf(short, out, provider)
    text = pdfcheck.text(out)
    assert "Appendix B — Chain of custody" in text
    assert "Exhibit list" not in text
    assert "Appendix C" not in text
    assert len(PdfReader(str(out)).pages) < 6


def test_renderer_module_has_no_network_or_qt() -> None:
    source = Path(render.__file__).read_text()
    assert "PySide6" not in source and "socket" not in source


def test_hostile_lengths_do_not_break_the_layout(tmp_path: Path, sample_report: Report, provider) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from reports.model import Note

    first = replace(
        sample_report.exhibits[0],
        source_url="https://x.example/?" + "a" * 50_000,
        notes=(Note("Ann", "2026-03-03T09:00:00Z", "Довга нотатка. " * 3000),),
        title="T" * 5000,
    )
    report = replace(sample_report, exhibits=(first,))
    out = tmp_path / "long.pdf"
    render_pdf(report, out, provider)
    text = " ".join(pdfcheck.text(out).split())
    assert "more characters; see the case file]" in text
    assert text.count("Довга нотатка.") > 2000  # the whole note, over several pages


def test_streamed_output_equals_reportlabs_own(sample_report: Report, provider) -> None:  # type: ignore[no-untyped-def]
    import io

    from reports.render import _build, _renderer, layout_pages

    refs = layout_pages(sample_report)
    streamed, assembled = io.BytesIO(), io.BytesIO()
    _build(sample_report, streamed, refs, _renderer(provider, 1200, None), stream=True)
    _build(sample_report, assembled, refs, _renderer(provider, 1200, None), stream=False)
    assert len(streamed.getvalue()) > 100_000
    assert streamed.getvalue() == assembled.getvalue()
