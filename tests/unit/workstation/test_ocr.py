"""OCR with Tesseract on an image the test renders; graceful notice when Tesseract is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from workstation import ocr
from workstation.selectors import extract_phones

needs_tesseract = pytest.mark.skipif(not ocr.status().available, reason="Tesseract is not installed")


def render(lines: list[str], size: tuple[int, int] = (700, 220)) -> Image.Image:
    img = Image.new("RGB", size, (250, 248, 240))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=30)
    for n, line in enumerate(lines):
        draw.text((24, 24 + n * 60), line, fill=(20, 20, 20), font=font)
    return img


@needs_tesseract
def test_ocr_reads_a_phone_number_from_a_rendered_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Evidence must not touch the disk in plaintext: run with an empty private temp dir and check it.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    img = render(["Anna - new in town", "WhatsApp: 06 12 34 56 78"])
    result = ocr.ocr_image(img, ["eng"])
    assert "WhatsApp" in result.text
    phones = extract_phones(result.text, "NL")
    assert [p.value for p in phones] == ["+31612345678"]
    box = result.region_of(phones[0].start, phones[0].end)
    assert box is not None
    x, y, w, h = box
    assert 150 < x < 400 and 60 < y < 130 and w > 150 and 15 < h < 60  # the second line, right of "WhatsApp:"
    assert list(tmp_path.iterdir()) == []
    assert result.engine == "tesseract" and result.version and result.languages == ("eng",)


@needs_tesseract
def test_ocr_accepts_encoded_bytes_and_cyrillic() -> None:
    import io

    if "ukr" not in ocr.status().languages:
        pytest.skip("Ukrainian language pack not installed")
    buf = io.BytesIO()
    render(["Телефон: +380 50 123 45 67"]).save(buf, "PNG")
    result = ocr.ocr_image(buf.getvalue(), ["ukr"])
    assert {p.value for p in extract_phones(result.text)} == {"+380501234567"}


@needs_tesseract
def test_requesting_a_missing_language_pack_is_a_clear_error() -> None:
    with pytest.raises(ocr.OcrUnavailable, match="tesseract-ocr-xyz"):
        ocr.ocr_image(render(["x"]), ["xyz"])


def test_without_tesseract_ocr_degrades_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSTATION_TESSERACT", "")
    st = ocr.status()
    assert not st.available and "apt-get install tesseract-ocr" in st.notice
    with pytest.raises(ocr.OcrUnavailable, match="install Tesseract"):
        ocr.ocr_image(render(["06 12 34 56 78"]))
    assert "install Tesseract" in ocr.analyse(render(["06 12 34 56 78"]))["skipped"]


def test_screenshot_guess_separates_graphics_from_photos(tmp_path: Path) -> None:
    from tests.conftest import make_jpeg

    assert ocr.looks_like_text_image(render(["06 12 34 56 78"]))
    assert not ocr.looks_like_text_image(Image.open(make_jpeg(tmp_path / "photo.jpg", seed=3)))


def test_import_mode_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    assert ocr.import_mode() == "off" and not ocr.import_enabled()
    assert ocr.analyse(render(["x"]))["skipped"]
    monkeypatch.setenv("WORKSTATION_OCR", "all")
    assert ocr.import_mode() == "all"
    monkeypatch.delenv("WORKSTATION_OCR")
    assert ocr.import_mode() == "auto"
