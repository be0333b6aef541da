"""The OCR stage: screenshots are queued at import and read after the items are stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.conftest import PASSPHRASE, make_jpeg
from tests.integration.test_cli_indicators import js, ws
from workstation import ocr
from workstation.case import Case
from workstation.errors import Cancelled
from workstation.importing import ocrstage
from workstation.importing.pipeline import run_import
from workstation.progress import Progress

pytestmark = pytest.mark.skipif(not ocr.status().available, reason="Tesseract is not installed")


def screenshot(path: Path, number: str = "06 12 34 56 78") -> Path:
    img = Image.new("RGB", (720, 240), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=32)
    draw.text((20, 30), "Escort Utrecht, real photos", fill="black", font=font)
    draw.text((20, 110), f"WhatsApp {number}", fill="black", font=font)
    img.save(path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    screenshot(d / "a_screenshot_ad.png")
    make_jpeg(d / "b_photo.jpg", seed=5)
    return d


def audit_actions(path: Path) -> list[tuple[str, dict]]:
    with Case.open(path, PASSPHRASE) as case:
        return [(a, json.loads(d)) for a, d in case.db.execute("SELECT action, details FROM audit ORDER BY seq")]


def test_import_reads_queued_screenshots_in_a_second_phase(tmp_path: Path, folder: Path, case_env: dict) -> None:
    env = dict(case_env, WORKSTATION_OCR="auto")
    path = tmp_path / "c.case"
    ws("new", str(path), "--title", "OCR", "--region", "NL", env=env)
    out = js("import", str(path), str(folder), env=env)
    assert out["imported"] == 2
    # Only the screenshot was queued (the photo failed the photo-or-graphic test), and read.
    assert out["ocr"]["queued"] == 1 and out["ocr"]["read"] == 1 and out["ocr"]["with_text"] == 1
    assert out["ocr"]["status"] == "done" and out["ocr"]["errors"] == []
    shot = next(i["id"] for i in out["items"] if i["original_name"] == "a_screenshot_ad.png")
    phone = [s for s in js("selectors", str(path), "--item", str(shot), env=env) if s["kind"] == "phone"]
    assert phone and phone[0]["value"] == "+31612345678" and phone[0]["source"] == "ocr"
    actions = audit_actions(path)
    names = [a for a, _ in actions]
    # The stage runs after the import finished, and is audited.
    assert names.index("import.finished") < names.index("ocr.started") < names.index("ocr.batch")
    batch = next(d for a, d in actions if a == "ocr.batch")
    assert batch["with_text"] == [shot] and batch["errors"] == []
    finished = next(d for a, d in actions if a == "ocr.finished")
    assert finished == {"status": "done", "read": 1, "with_text": 1, "errors": 0}


def test_ocr_later_leaves_the_queue_for_scan(tmp_path: Path, folder: Path, case_env: dict) -> None:
    env = dict(case_env, WORKSTATION_OCR="auto")
    path = tmp_path / "c.case"
    ws("new", str(path), "--title", "OCR", "--region", "NL", env=env)
    out = js("import", str(path), str(folder), "--ocr", "later", env=env)
    assert out["ocr"]["status"] == "later" and out["ocr"]["queued"] == 1 and out["ocr"]["read"] == 0
    shot = next(i["id"] for i in out["items"] if i["original_name"] == "a_screenshot_ad.png")
    assert not [s for s in js("selectors", str(path), "--item", str(shot), env=env) if s["source"] == "ocr"]
    text = ws("import", str(path), str(folder), "--ocr", "later", env=env).stdout
    assert "1 image(s) queued for OCR" in text  # still queued; nothing imported twice
    # scan --ocr reads the queue, and the photo too (the analyst asked for every image).
    scan = js("scan", str(path), "--ocr", env=env)
    assert scan["ocr_done"] == 1
    phone = [s for s in js("selectors", str(path), "--item", str(shot), env=env) if s["kind"] == "phone"]
    assert phone and phone[0]["value"] == "+31612345678" and phone[0]["source"] == "ocr"
    with Case.open(path, PASSPHRASE) as case:
        assert ocrstage.pending(case) == []
        assert case.db.execute("SELECT count(*) FROM ocr_queue WHERE done_at IS NOT NULL").fetchone()[0] == 2
    # Read once: a second scan --ocr does not run Tesseract on the same images again.
    batches = sum(1 for a, _ in audit_actions(path) if a == "ocr.batch")
    assert batches >= 1
    assert js("scan", str(path), "--ocr", env=env)["ocr_done"] == 0
    assert sum(1 for a, _ in audit_actions(path) if a == "ocr.batch") == batches
    # --ocr-again reads them once more (new language packs, say), and says so in the audit log.
    again = js("scan", str(path), "--item", str(shot), "--ocr-again", env=env)
    assert again["ocr_done"] == 1
    actions = audit_actions(path)
    assert [d for a, d in actions if a == "ocr.requeued"] == [{"items": [shot], "count": 1}]
    assert sum(1 for a, _ in actions if a == "ocr.batch") == batches + 1


def test_ocr_off_queues_nothing(tmp_path: Path, folder: Path, case_env: dict) -> None:
    path = tmp_path / "c.case"
    ws("new", str(path), "--title", "OCR", env=case_env)
    out = js("import", str(path), str(folder), "--ocr", "off", env=case_env)
    assert out["imported"] == 2 and out["ocr"]["queued"] == 0 and out["ocr"]["read"] == 0
    env_off = dict(case_env, WORKSTATION_OCR="off")
    path2 = tmp_path / "d.case"
    ws("new", str(path2), "--title", "OCR", env=env_off)
    assert js("import", str(path2), str(folder), env=env_off)["ocr"]["queued"] == 0


def test_cancelled_stage_keeps_finished_reads_and_the_rest_queued(
    case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "auto")
    d = tmp_path / "shots"
    d.mkdir()
    screenshot(d / "a.png", "06 12 34 56 78")
    screenshot(d / "b.png", "06 87 65 43 21")
    run_import(case, [d], workers=0)
    queued = ocrstage.pending(case)
    assert len(queued) == 2
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        ocrstage.run_ocr_stage(case, progress, threads=1)
    # The image read before the cancel was seen is stored; the other stays queued.
    assert ocrstage.pending(case) == queued[1:]
    assert [r[0] for r in case.db.execute("SELECT item_id FROM ocr_text")] == queued[:1]
    result = ocrstage.run_ocr_stage(case)
    assert (result.queued, result.read, result.with_text) == (1, 1, 1)
    assert ocrstage.pending(case) == []
    cancelled = [json.loads(d) for a, d in case.db.execute("SELECT action, details FROM audit") if a == "ocr.finished"]
    assert [c["status"] for c in cancelled] == ["cancelled", "done"]


def test_an_unreadable_image_is_reported_and_the_stage_goes_on(case, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "auto")
    d = tmp_path / "shots"
    d.mkdir()
    screenshot(d / "a.png")
    screenshot(d / "b.png", "06 87 65 43 21")
    run_import(case, [d], workers=0)
    first, second = ocrstage.pending(case)
    sha = case.item(first)["sha256"]
    with case.transaction():  # the stored bytes of the first image no longer decode
        case.db.execute(
            "UPDATE blob_chunks SET data = ? WHERE blob_id = (SELECT id FROM blobs WHERE sha256 = ?)",
            [b"not an image any more", sha],
        )
    result = ocrstage.run_ocr_stage(case)
    assert result.read == 1 and result.with_text == 1
    assert [e["id"] for e in result.errors] == [first] and "cannot decode" in result.errors[0]["error"]
    assert ocrstage.pending(case) == []  # a failed image is not retried by every stage
    # scan --ocr (enqueue_unread) tries failed images again.
    assert ocrstage.enqueue_unread(case) == 1 and ocrstage.pending(case) == [first]
    assert second not in ocrstage.pending(case)


def test_the_desktop_import_job_reads_the_queue_after_storing(case, folder: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.jobs import import_job  # the job the desktop runs in its child process (no Qt in it)

    monkeypatch.setenv("WORKSTATION_OCR", "auto")
    notes: list[str] = []
    progress = Progress(on_change=lambda done, total, note: notes.append(note))
    result = import_job(case, progress, [str(folder)])
    assert result.imported == 2
    shot = next(i["id"] for i in result.items if i["original_name"] == "a_screenshot_ad.png")
    assert ocrstage.pending(case) == []
    text = case.db.execute("SELECT text FROM ocr_text WHERE item_id = ?", [shot]).fetchone()[0]
    assert "WhatsApp" in text
    # Two stages, each with its own progress: storing first, then OCR.
    assert "importing" in notes and notes.index("importing") < notes.index("reading text in images (OCR)")
