"""#22: photos with a phone number written over them are queued for OCR; plain photos are not;
`ocr-status CASE` says what was skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from workstation import ocr
from workstation.dedup.synthetic import photo
from workstation.textdetect import likely_text, text_lines

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "DejaVuSans-Bold.ttf"


def with_number(img: Image.Image, text: str = "+31 6 1234 5678", where: float = 0.7) -> Image.Image:
    out = img.copy()
    draw = ImageDraw.Draw(out)
    font = ImageFont.truetype(str(FONT), int(out.height * 0.07))
    draw.text(
        (out.width * 0.08, out.height * where),
        text,
        font=font,
        fill=(255, 255, 255),
        stroke_width=2,
        stroke_fill=(0, 0, 0),
    )
    return out


def test_a_number_over_a_photo_is_a_text_line_and_plain_photos_are_not() -> None:
    plain = [photo(seed) for seed in (0, 2, 3, 4)]
    assert [likely_text(p) for p in plain] == [False] * 4
    for p in plain:
        lines = text_lines(with_number(p))
        assert lines and max(line.chars for line in lines) >= 8  # the digits of the number, one line
        line = max(lines, key=lambda found: found.chars)
        assert line.y > 0.55 * 512 * p.height / max(p.size)  # found where it was drawn (lower part)


def test_import_queues_text_on_photos_and_ocr_status_names_the_skipped(
    tmp_path: Path,
    case,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from workstation.cli import main
    from workstation.importing.pipeline import run_import

    assert ocr.status().available, "Tesseract is installed by .ci/run"
    monkeypatch.setenv("WORKSTATION_OCR", "auto")
    folder = tmp_path / "ads"
    folder.mkdir()
    photo(2).save(folder / "plain.jpg", quality=90)
    with_number(photo(3)).save(folder / "number.jpg", quality=90)
    run_import(case, [folder], workers=0)
    ids = {r["original_name"]: r["id"] for r in case.items()}
    reasons = dict(case.db.execute("SELECT item_id, reason FROM ocr_queue").fetchall())
    assert reasons == {ids["number.jpg"]: "text on photo"}
    case.close()
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "correct horse battery staple")
    assert main(["ocr-status", str(case.path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["case"]
    assert out["images"] == 2 and out["queued"] == {"text on photo": 1}
    assert out["skipped"] == 1 and out["skipped_items"] == [ids["plain.jpg"]]
    assert main(["ocr-status", str(case.path)]) == 0
    text = capsys.readouterr().out
    assert "1 skipped: photos on which no text was detected" in text and "scan CASE --ocr" in text
