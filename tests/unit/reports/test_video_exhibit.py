"""A video exhibit prints its metadata, hashes and contact sheet with timecodes; a frame exhibit
prints the keyframe itself (the stored JPEG) with its timecode."""

from __future__ import annotations

from pathlib import Path

from reports.model import ReportOptions
from reports.service import generate_report
from tests.pdfcheck import text
from workstation.case import Case
from workstation.importing.pipeline import run_import
from workstation.video import service as video
from workstation.video import synthetic as syn


def test_video_and_frame_exhibits_in_the_report(case: Case, tmp_path: Path) -> None:
    pics = syn.noise_pictures(3, seed=9, size=(320, 180))
    clip = syn.slideshow(tmp_path / "recruit.mp4", [syn.Slide(p, 2.0) for p in pics], size=(160, 90))
    run_import(case, [clip], workers=0)
    vid = case.db.execute("SELECT id, sha256 FROM items WHERE kind = 'video'").fetchone()
    frames = video.keyframes(case, vid[0])
    report = generate_report(case, tmp_path / "r.pdf", ReportOptions(item_ids=(vid[0], frames[1].id)))
    body = " ".join(text(report.path).split())
    assert "Video metadata" in body and "Video codec h264" in body and "Frame rate 10.0" in body
    assert vid[1][:16] in body.replace(" ", "")  # the SHA-256 of the original video
    timecodes = ", ".join(k.timecode_text for k in frames)
    assert f"Contact sheet timecodes {timecodes}" in body
    assert "contact sheet rendering, not the original bytes" in body
    assert f"Timecode {frames[1].timecode_text}" in body and "Keyframe of recruit.mp4" in body
    assert "Exhibit 2: frame" in body and "Exhibit 2: frame —" not in body  # the frame itself, full size
