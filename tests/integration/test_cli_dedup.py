"""Dedup through the CLI on real JPEGs written by Pillow: dedupe, match, not-duplicate, hash sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

from tests.integration.test_cli_core import ws
from workstation.dedup import synthetic


@pytest.fixture
def seized(tmp_path: Path) -> Path:
    folder = tmp_path / "seized"
    folder.mkdir()
    base = synthetic.photo(41)
    base.save(folder / "ad_amsterdam.jpg", quality=90)
    ImageOps.mirror(base).save(folder / "ad_rotterdam_mirrored.jpg", quality=75)
    synthetic.with_phone_number(base.resize((320, 240))).save(folder / "ad_small_phone.jpg", quality=60)
    synthetic.in_viewer_screenshot(base).save(folder / "screenshot.png")
    synthetic.cropped(base, 0.1, corner=1).save(folder / "cropped.jpg", quality=85)
    (folder / "copy.jpg").write_bytes((folder / "ad_amsterdam.jpg").read_bytes())
    for seed in (42, 43):
        synthetic.photo(seed).save(folder / f"unrelated_{seed}.jpg", quality=90)
    return folder


def test_dedupe_match_decisions_and_hashsets(tmp_path: Path, seized: Path, case_env: dict[str, str]) -> None:
    case = tmp_path / "d.case"
    ws("new", str(case), "--title", "Dedup", "--analyst", "Ann", env=case_env)
    ws("import", str(case), str(seized), env=case_env)

    out = json.loads(ws("dedupe", str(case), "--json", env=case_env).stdout)
    assert out["threshold"] == 12
    assert len(out["clusters"]) == 1
    members = out["clusters"][0]
    names = {m["original_name"] for m in members}
    assert names == {
        "ad_amsterdam.jpg",
        "ad_rotterdam_mirrored.jpg",
        "ad_small_phone.jpg",
        "screenshot.png",
        "cropped.jpg",
        "copy.jpg",
    }
    for m in members:
        assert set(m) >= {"id", "sha256", "original_name", "source_path", "distance"}
        assert m["distance"] <= 12
    by_name = {m["original_name"]: m for m in members}
    assert members[0]["distance"] == 0
    assert by_name["ad_rotterdam_mirrored.jpg"]["evidence"]["orientation"] == "mirror"
    assert by_name["cropped.jpg"]["evidence"]["cropped"] is True
    assert by_name["screenshot.png"]["evidence"]["trimmed"] is True
    first = members[0]["original_name"]
    twin = "copy.jpg" if first == "ad_amsterdam.jpg" else "ad_amsterdam.jpg"
    assert by_name[twin]["exact"] is True
    # Every member names the match that brought it in; the reference has none.
    ids_in = {m["id"] for m in members}
    assert members[0]["linked_to"] is None and out["held_apart"] == []
    for m in members[1:]:
        assert m["linked_to"] in ids_in and m["link_evidence"]["distance"] == m["link_distance"] <= 12
    # The byte-identical copy is linked to its twin as an exact copy, not to a third photo.
    assert by_name[twin]["linked_to"] == by_name[first]["id"]
    assert by_name[twin]["link_evidence"]["kind"] == "exact"
    assert all("same picture" not in m["transformation"] for m in members)

    strict = json.loads(ws("dedupe", str(case), "--threshold", "0", "--json", env=case_env).stdout)
    assert sum(len(c) for c in strict["clusters"]) < len(members)

    query = tmp_path / "query.jpg"
    ImageOps.mirror(synthetic.photo(41)).resize((400, 300)).save(query, quality=70)
    found = json.loads(ws("match", str(case), str(query), "--json", env=case_env).stdout)
    assert {m["original_name"] for m in found["matches"]} == names

    ids = {m["original_name"]: m["id"] for m in members}
    a, b = ids["ad_amsterdam.jpg"], ids["ad_small_phone.jpg"]
    ws("not-duplicate", str(case), str(a), str(b), "--reason", "different person", env=case_env)
    after = json.loads(ws("dedupe", str(case), "--json", env=case_env).stdout)
    pairs = [(m.get("linked_to"), m["id"]) for c in after["clusters"] for m in c]
    assert (a, b) not in pairs and (b, a) not in pairs

    listing = seized / "partner.csv"
    listing.write_text("sha256,label\n" + by_name["ad_amsterdam.jpg"]["sha256"] + ",series 7\n")
    imported = json.loads(ws("hashset", "import", str(case), str(listing), "--json", env=case_env).stdout)
    assert {m["item_id"] for m in imported["matches"]} == {ids["ad_amsterdam.jpg"], ids["copy.jpg"]}
    assert all(m["label"] == "series 7" for m in imported["matches"])
    listed = json.loads(ws("hashset", "list", str(case), "--json", env=case_env).stdout)
    assert listed["hashsets"][0]["matches"] == 2

    audit = ws("audit", str(case), env=case_env).stdout
    for action in ("dedup.query", "dedup.not_duplicate", "dedup.hashset_imported"):
        assert action in audit


def test_errors_are_one_line(tmp_path: Path, case_env: dict[str, str]) -> None:
    case = tmp_path / "e.case"
    ws("new", str(case), "--title", "E", env=case_env)
    bad = tmp_path / "not_an_image.jpg"
    bad.write_bytes(b"hello")
    proc = ws("match", str(case), str(bad), env=case_env, check=False)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = ws("hashset", "import", str(case), str(tmp_path / "missing.csv"), env=case_env, check=False)
    assert proc.returncode != 0 and "cannot read" in proc.stderr
    proc = ws("not-duplicate", str(case), "1", "1", env=case_env, check=False)
    assert proc.returncode != 0


def test_dedupe_confirms_a_heavily_altered_copy_on_local_features(tmp_path: Path, case_env: dict[str, str]) -> None:
    """A real photo and its mirrored, cropped, captioned, re-encoded copy: beyond the default
    threshold on hashes, confirmed by the local-feature check; `--no-verify` leaves it apart."""
    real = Path(__file__).resolve().parents[1] / "data" / "import" / "real"
    folder = tmp_path / "ads"
    folder.mkdir()
    with Image.open(real / "kde-fallenleaf-preview.jpg") as im:
        photo = im.convert("RGB")
    photo.save(folder / "original.jpg", quality=92)
    w, h = photo.size
    copy = ImageOps.mirror(photo.crop((w // 20, h // 25, w - w // 40, h - h // 30)))
    draw = ImageDraw.Draw(copy)
    draw.text(
        (copy.width // 8, copy.height * 2 // 3),
        "+31 6 1234 5678",
        fill=(255, 255, 255),
        font=ImageFont.load_default(size=copy.height // 9),
        stroke_width=2,
        stroke_fill=(0, 0, 0),
    )
    ImageEnhance.Brightness(copy).enhance(1.15).save(folder / "repost.jpg", quality=50)
    with Image.open(real / "kde-path-preview.jpg") as im:
        im.save(folder / "other.jpg")
    case = tmp_path / "v.case"
    ws("new", str(case), "--title", "Verify", env=case_env)
    ws("import", str(case), str(folder), env=case_env)

    out = json.loads(ws("dedupe", str(case), "--json", env=case_env).stdout)
    assert out["feature_check"] is True
    assert [sorted(m["original_name"] for m in c) for c in out["clusters"]] == [["original.jpg", "repost.jpg"]]
    repost = next(m for m in out["clusters"][0] if m["distance"] > 0)
    assert repost["distance"] > 12  # beyond the threshold on hashes ...
    assert repost["evidence"]["verified_features"] >= 15  # ... confirmed on local features
    assert "matching local features" in repost["transformation"]

    hashes_only = json.loads(ws("dedupe", str(case), "--no-verify", "--json", env=case_env).stdout)
    assert hashes_only["feature_check"] is False
    assert hashes_only["clusters"] == []

    found = json.loads(ws("match", str(case), str(folder / "repost.jpg"), "--json", env=case_env).stdout)
    assert {m["original_name"] for m in found["matches"]} == {"original.jpg", "repost.jpg"}
