"""Video import: metadata, poster, contact sheet, keyframes into dedup, video-to-video matches,
text in frames, hostile files. Tiny videos written by PyAV in tmp_path keep it fast."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from workstation import ocr
from workstation.case import Case
from workstation.dedup import service as dedup
from workstation.importing.model import Source
from workstation.importing.pipeline import run_import
from workstation.importing.registry import choose
from workstation.video import sandbox, signature
from workstation.video import service as video
from workstation.video import synthetic as syn

SIZE = (192, 108)


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("videos")
    pics = syn.noise_pictures(6, seed=11, size=(384, 216))
    src = syn.slideshow(d / "src.mp4", [syn.Slide(p, 2.5, zoom=1.05) for p in pics[:4]], size=SIZE, fade=0.3)
    syn.transcode(src, d / "trimmed.mkv", start=1.3, end=8.5, container="matroska", size=(160, 90))
    syn.transcode(src, d / "mirrored.avi", mirror=True, codec="mpeg4", container="avi", bit_rate=150_000)
    syn.slideshow(d / "unrelated.mov", [syn.Slide(p, 2.5) for p in pics[4:]], size=SIZE, container="mov")
    pics[1].save(d / "still.jpg", quality=85)
    return d


def _import(case: Case, *paths: Path) -> dict[int, dict]:
    result = run_import(case, list(paths), workers=0)
    assert result.errors == []
    return {i["id"]: i for i in result.items}


def test_videos_import_with_keyframes_that_cluster_with_the_still_and_link_the_copies(
    case: Case, material: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    items = _import(case, material)
    kinds = sorted(i["kind"] for i in items.values())
    assert kinds.count("video") == 4 and kinds.count("image") == 1 and kinds.count("frame") >= 10
    by_name = {i["original_name"]: i["id"] for i in items.values()}
    src = by_name["src.mp4"]
    row = case.db.execute("SELECT width, height, mime, metadata FROM items WHERE id = ?", [src]).fetchone()
    meta = json.loads(row[3])["video"]
    assert (row[0], row[1], row[2]) == (192, 108, "video/mp4")
    assert meta["codec"] == "h264" and meta["frame_rate"] == 10.0 and abs(meta["duration"] - 10.0) < 0.2
    assert case.db.execute("SELECT count(*) FROM thumbnails WHERE item_id = ?", [src]).fetchone()[0] == 1
    info = video.video_info(case, src)
    assert info is not None and len(info.keyframes) == 4  # one per slide, the fades and zoom ignored
    assert [round(k.timecode) for k in info.keyframes] == [0, 3, 5, 8] or all(
        abs(k.timecode - 2.5 * n) < 1.0 for n, k in enumerate(info.keyframes)
    )
    sheet = Image.open(io.BytesIO(video.contact_sheet(case, src) or b""))
    assert sheet.width > 400 and len(info.sheet_timecodes) == 4

    # The still photo (shown from 2.5 s to 5 s) clusters with that keyframe of every copy.
    clusters = dedup.clusters_for_case(case)
    still = next(c for c in clusters if by_name["still.jpg"] in [m["id"] for m in c])
    frames = [m for m in still if "timecode" in m]
    videos_in = {m["video_id"] for m in frames}
    assert {src, by_name["trimmed.mkv"], by_name["mirrored.avi"]} <= videos_in
    assert all(2.0 <= m["timecode"] <= 5.0 for m in frames if m["video_id"] == src)
    assert by_name["unrelated.mov"] not in videos_in

    links = {(link.video_a, link.video_b): link for link in video.video_matches(case)}
    pair = tuple(sorted((src, by_name["trimmed.mkv"])))
    assert pair in links and not links[pair].mirrored
    trim = links[pair]
    assert abs(abs(trim.offset_seconds) - 1.3) <= 0.5 and trim.matched_seconds >= 5
    pair_m = tuple(sorted((src, by_name["mirrored.avi"])))
    assert pair_m in links and links[pair_m].mirrored and abs(links[pair_m].offset_seconds) <= 0.5
    assert not any(by_name["unrelated.mov"] in p for p in links)  # no false link


def test_signature_match_offsets_and_refuses_flat_or_unrelated() -> None:
    rng = np.random.default_rng(3)
    a = rng.integers(1, 2**63, size=40, dtype=np.uint64)
    b = a[10:30].copy()
    found = signature.match(a, b, np.zeros_like(b))
    assert found is not None and found.offset_seconds == 5.0 and found.matched_seconds == 10.0
    assert signature.match(a, rng.integers(1, 2**63, size=20, dtype=np.uint64), np.zeros(20, np.uint64)) is None
    flat = np.zeros(40, dtype=np.uint64)  # black frames only: never a link
    assert signature.match(flat, flat, flat) is None


def test_animated_gif_stays_an_image_with_frame_children(case: Case, tmp_path: Path) -> None:
    pics = [p.resize((96, 54)) for p in syn.noise_pictures(3, seed=5)]
    gif = tmp_path / "anim.gif"
    pics[0].save(gif, save_all=True, append_images=pics[1:], duration=2000, loop=0)
    assert choose(Source.from_path(gif)).name == "video"
    items = _import(case, gif)
    kinds = sorted(i["kind"] for i in items.values())
    assert kinds == ["frame", "frame", "image"]  # first frame is the image itself
    parent = next(i for i in items.values() if i["kind"] == "image")["id"]
    times = [k.timecode for k in video.keyframes(case, parent)]
    assert times == [pytest.approx(2.0, abs=0.3), pytest.approx(4.0, abs=0.3)]


def test_hostile_videos_get_a_clear_error_and_the_rest_goes_on(case: Case, material: Path, tmp_path: Path) -> None:
    data = (material / "src.mp4").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "truncated.mp4").write_bytes(data[: len(data) // 3])
    (bad / "garbage.mp4").write_bytes(data[:32] + bytes(range(256)) * 40)
    (bad / "ok.mkv").write_bytes((material / "trimmed.mkv").read_bytes())
    result = run_import(case, [bad], workers=0)
    errors = {Path(e["path"]).name: e["error"] for e in result.errors}
    assert "garbage.mp4" in errors and "video" in errors["garbage.mp4"]
    names = {i["original_name"]: i["kind"] for i in result.items}
    assert names["ok.mkv"] == "video"
    # A truncated file keeps what decodes (or is refused with a reason): never a crash.
    assert "truncated.mp4" in names or "truncated.mp4" in errors


def test_sandbox_memory_limit_and_time_limit(material: Path) -> None:
    tight = sandbox.DecoderSandbox(memory_limit=80 << 20)
    try:
        answer = tight.analyse(str(material / "src.mp4"))
    finally:
        tight.close()
    assert "error" in answer and ("memory" in answer["error"] or "crashed" in answer["error"])
    quick = sandbox.DecoderSandbox(time_limit=0.0)
    try:
        partial = quick.analyse(str(material / "src.mp4"))
    finally:
        quick.close()
    assert "ok" in partial and any("stopped" in n for n in partial["ok"]["metadata"]["video"]["notes"])


@pytest.mark.skipif(not ocr.status().available, reason="Tesseract is not installed")
def test_phone_number_burned_into_a_frame_becomes_a_selector_at_its_timecode(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workstation.importing.ocrstage import run_ocr_stage

    monkeypatch.setenv("WORKSTATION_OCR", "auto")
    pics = syn.noise_pictures(2, seed=8, size=(640, 360))
    promo = syn.slideshow(
        tmp_path / "promo.mp4",
        [syn.Slide(pics[0], 2.5), syn.Slide(pics[1], 2.5, caption="WhatsApp +31 6 12345678")],
        size=(480, 270),
    )
    items = _import(case, promo)
    video_id = next(i["id"] for i in items.values() if i["kind"] == "video")
    run_ocr_stage(case)
    frames = video.keyframes(case, video_id)
    hits = [(k.timecode, s["value"]) for k in frames for s in k.selectors if s["kind"] == "phone"]
    assert hits and hits[0][1] == "+31612345678" and 2.0 <= hits[0][0] <= 4.0


def test_container_metadata_gps_creation_time_and_rotation(case: Case, tmp_path: Path) -> None:
    import av

    path = tmp_path / "phone.mov"
    with av.open(str(path), "w", format="mov") as out:
        out.metadata["location"] = "+52.3676+004.9041/"
        out.metadata["creation_time"] = "2026-11-02T10:11:12.000000Z"
        out.metadata["make"] = "Apple"
        stream = out.add_stream("h264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 96, 64, "yuv420p"
        stream.set_display_rotation(90)
        pic = np.asarray(syn.noise_pictures(1, seed=2, size=(96, 64))[0])
        for _ in range(15):
            for packet in stream.encode(av.VideoFrame.from_ndarray(pic, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    items = _import(case, path)
    vid = next(i["id"] for i in items.values() if i["kind"] == "video")
    row = case.db.execute("SELECT width, height, captured_at, mime, metadata FROM items WHERE id = ?", [vid]).fetchone()
    meta = json.loads(row[4])["video"]
    assert (row[0], row[1]) == (64, 96)  # shown upright: portrait
    assert row[2] == "2026-11-02T10:11:12Z" and row[3] == "video/quicktime"
    assert meta["gps"] == {"latitude": 52.3676, "longitude": 4.9041} and meta["rotation"] == 90
    assert meta["make"] == "Apple" and meta["duration"] == pytest.approx(1.5, abs=0.1)
    frame = video.keyframes(case, vid)[0]
    assert (frame.width, frame.height) == (64, 96)


def test_absurd_declared_size_is_refused_and_absurd_duration_noted(
    material: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workstation.video import decode

    monkeypatch.setattr(decode, "MAX_VIDEO_PIXELS", 100 * 100)  # the 192x108 clip counts as a bomb here
    with pytest.raises(decode.VideoError, match="decompression bomb: declared frame size 192x108"):
        decode.analyse(str(material / "src.mp4"))
    monkeypatch.setattr(decode, "MAX_VIDEO_PIXELS", 8192 * 8192)
    monkeypatch.setattr(decode, "MAX_PLAUSIBLE_SECONDS", 5)
    notes = decode.analyse(str(material / "src.mp4"))["metadata"]["video"]["notes"]
    assert any("implausible" in n for n in notes)
