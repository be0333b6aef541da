"""Report content gathered from a real encrypted case: exhibits, snapshot, masking, near-duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from reports.builder import Masker, build_report, snapshot
from reports.model import ReportOptions
from tests.conftest import make_jpeg
from workstation.case import utc_now
from workstation.dedup.clusters import DEFAULT_THRESHOLD
from workstation.errors import UsageError
from workstation.exhibits import add_exhibits, list_exhibits, remove_exhibits
from workstation.importing.pipeline import run_import


@pytest.fixture
def filled(case, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "seized"
    original = make_jpeg(folder / "a_original.jpg", seed=11, size=(400, 300))
    ImageOps.mirror(Image.open(original)).save(folder / "b_mirrored.jpg", quality=90)
    make_jpeg(folder / "c_other.jpg", seed=12, size=(400, 300))
    (folder / "d_note.txt").write_text("Дзвоніть +31 6 1234 5678 — 电话", encoding="utf-8")
    run_import(case, [folder], workers=1)
    ids = {row["original_name"]: row["id"] for row in case.items()}
    return case, ids


def test_exhibit_numbers_are_given_once(filled) -> None:  # type: ignore[no-untyped-def]
    case, ids = filled
    add_exhibits(case, [ids["c_other.jpg"], ids["a_original.jpg"]])
    assert [(e["number"], e["item"]) for e in list_exhibits(case)] == [
        (1, ids["c_other.jpg"]),
        (2, ids["a_original.jpg"]),
    ]
    again = add_exhibits(case, [ids["a_original.jpg"]])
    assert not again[0].changed and again[0].number == 2
    remove_exhibits(case, [ids["a_original.jpg"]])
    add_exhibits(case, [ids["b_mirrored.jpg"], ids["a_original.jpg"]])
    assert [(e["number"], e["item"]) for e in list_exhibits(case)] == [
        (1, ids["c_other.jpg"]),
        (3, ids["b_mirrored.jpg"]),
        (4, ids["a_original.jpg"]),
    ]
    with pytest.raises(UsageError, match="no item with id 999"):
        add_exhibits(case, [999])
    actions = [r[0] for r in case.db.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-3:] == ["exhibit.added", "exhibit.removed", "exhibit.added"]


def test_report_data_from_the_case(filled) -> None:  # type: ignore[no-untyped-def]
    case, ids = filled
    add_exhibits(case, [ids["a_original.jpg"], ids["d_note.txt"]])
    with case.transaction():
        case.db.execute("INSERT INTO tags (item_id, tag) VALUES (?, 'minor')", [ids["a_original.jpg"]])
        case.db.execute(
            "INSERT INTO notes (item_id, author, created_at, text) VALUES (?, 'Ann', ?, 'Zelfde foto')",
            [ids["a_original.jpg"], utc_now()],
        )
        case.audit("test.annotated", {})
    report = build_report(case, ReportOptions(redact="sensitive"))
    photo, note = report.exhibits
    assert (photo.number, note.number) == (1, 2)
    item = case.item(ids["a_original.jpg"])
    assert photo.sha256 == item["sha256"] and photo.md5 == item["md5"] and photo.size == item["size"]
    assert photo.image is not None and photo.image.redaction == "pixelate"
    assert "'minor'" in photo.image.redaction_reason
    assert note.image is None or note.image.redaction == "none"
    assert [n.text for n in photo.notes] == ["Zelfde foto"]
    assert "电话" in note.text_excerpt
    assert report.redaction.images_redacted == (1,)
    # Near-duplicates from the dedup hashes: the mirrored copy, with its transformation.
    near = {d.ref.item_id: d for d in photo.near_duplicates}
    assert ids["b_mirrored.jpg"] in near and ids["c_other.jpg"] not in near
    assert "mirror" in near[ids["b_mirrored.jpg"]].algorithm
    assert near[ids["b_mirrored.jpg"]].distance <= DEFAULT_THRESHOLD
    assert f"at most {DEFAULT_THRESHOLD} on the 64-bit pHash scale" in report.method.perceptual_hashing
    assert report.custody is not None and report.custody.chain_verified
    assert report.custody.entries[-1].action == "test.annotated"


def test_reading_the_case_does_not_move_the_snapshot(filled) -> None:  # type: ignore[no-untyped-def]
    case, ids = filled
    add_exhibits(case, [ids["a_original.jpg"]])
    before = snapshot(case)
    case.audit("report.generated", {"sha256": "0" * 64})
    case.audit("case.verified", {"ok": True})
    case.audit("item.extracted", {"item": 1})
    seq, head, at, trailing = snapshot(case)
    assert (seq, head, at) == before[:3] and trailing == 3
    first = build_report(case, ReportOptions())
    case.audit("report.generated", {"sha256": "1" * 64})
    assert build_report(case, ReportOptions()) == first
    case.audit("note.added", {"item": 1})
    assert snapshot(case)[0] > seq
    assert build_report(case, ReportOptions()).document_id != first.document_id


def test_chosen_items_must_be_exhibits(filled) -> None:  # type: ignore[no-untyped-def]
    case, ids = filled
    with pytest.raises(UsageError, match="not exhibits"):
        build_report(case, ReportOptions(item_ids=(ids["c_other.jpg"],), all_exhibits=False))
    with pytest.raises(UsageError, match="unknown redaction mode"):
        build_report(case, ReportOptions(redact="swirl"))


@pytest.mark.parametrize(
    "written", ["+31612345678", "+31 6 1234 5678", "06 12 34 56 78", "0031-6-12345678", "06-1234.5678"]
)
def test_masker_finds_a_phone_however_it_is_written(written: str) -> None:
    mask = Masker(["+31612345678"])
    assert mask(f"Bel {written} nu") == "Bel [REDACTED selector 1] nu"


def test_masker_leaves_other_numbers_alone() -> None:
    mask = Masker(["+31612345678", "anna@example.org"])
    assert mask("0612345679 and 106123456789") == "0612345679 and 106123456789"
    assert mask("Mail ANNA@example.org") == "Mail [REDACTED selector 2]"
    assert mask.label("+31612345678") == "[REDACTED selector 1]"


def test_a_copy_confirmed_on_local_features_is_listed_and_explained(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The report matches as `dedupe` does: a heavily altered copy just beyond the threshold on
    hashes is listed when its local features agree, and the method section says so."""
    from PIL import ImageDraw, ImageEnhance, ImageFont

    real = Path(__file__).resolve().parents[2] / "data" / "import" / "real" / "kde-fallenleaf-preview.jpg"
    folder = tmp_path / "ads"
    folder.mkdir()
    photo = Image.open(real).convert("RGB")
    photo.save(folder / "original.jpg", quality=92)
    w, h = photo.size
    copy = ImageOps.mirror(photo.crop((w // 20, h // 25, w - w // 40, h - h // 30)))
    ImageDraw.Draw(copy).text(
        (copy.width // 8, copy.height * 2 // 3),
        "+31 6 1234 5678",
        fill=(255, 255, 255),
        font=ImageFont.load_default(size=copy.height // 9),
        stroke_width=2,
        stroke_fill=(0, 0, 0),
    )
    ImageEnhance.Brightness(copy).enhance(1.15).save(folder / "repost.jpg", quality=50)
    run_import(case, [folder], workers=1)
    ids = {row["original_name"]: row["id"] for row in case.items()}
    add_exhibits(case, [ids["original.jpg"]])

    report = build_report(case, ReportOptions())
    near = {d.ref.item_id: d for d in report.exhibits[0].near_duplicates}
    assert ids["repost.jpg"] in near
    assert near[ids["repost.jpg"]].distance > DEFAULT_THRESHOLD
    assert "matching local features" in near[ids["repost.jpg"]].algorithm
    assert "local features (ORB keypoints)" in report.method.perceptual_hashing
