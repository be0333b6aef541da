"""Local-feature check of pairs just beyond the threshold, on real photographs.

The two photos are Debian wallpaper previews (tests/data/import/README.md gives source and
licence). The altered copy is what the hashes find hardest: mirrored, cropped, written over with
a phone number, brightened and re-encoded at low quality.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph
from workstation.dedup.verify import MIN_INLIERS, Verifier, agreeing_features, features
from workstation.importing.images import thumbnail_of

REAL = Path(__file__).resolve().parents[3] / "data" / "import" / "real"


def _photo(name: str) -> Image.Image:
    with Image.open(REAL / name) as im:
        return im.convert("RGB")


def _altered(img: Image.Image) -> Image.Image:
    w, h = img.size
    out = ImageOps.mirror(img.crop((w // 20, h // 25, w - w // 40, h - h // 30)))
    draw = ImageDraw.Draw(out)
    font = ImageFont.load_default(size=out.height // 9)
    draw.text(
        (out.width // 8, out.height * 2 // 3),
        "+31 6 1234 5678",
        font=font,
        fill=(255, 255, 255),
        stroke_width=2,
        stroke_fill=(0, 0, 0),
    )
    out = ImageEnhance.Brightness(out).enhance(1.15)
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=50)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


@pytest.fixture(scope="module")
def trio() -> list[Image.Image]:
    leaf = _photo("kde-fallenleaf-preview.jpg")
    return [leaf, _altered(leaf), _photo("kde-path-preview.jpg")]


def test_same_photo_agrees_and_different_photos_do_not(trio: list[Image.Image]) -> None:
    original, altered, other = (thumbnail_of(im) for im in trio)
    same = agreeing_features(features(original), features(altered, reflect=True))
    unrelated = agreeing_features(features(original), features(other))
    assert same >= MIN_INLIERS
    assert unrelated < MIN_INLIERS
    # Without undoing the mirror, ORB's descriptors do not line up: the reflection matters.
    assert agreeing_features(features(original), features(altered)) < same


def test_verifier_is_deterministic_and_computes_features_once(trio: list[Image.Image]) -> None:
    thumbs = [thumbnail_of(im) for im in trio]
    calls: list[int] = []

    def pixels(i: int) -> Image.Image:
        calls.append(i)
        return thumbs[i]

    verifier = Verifier(pixels)
    first = verifier.agreeing(0, 1, "mirror")
    assert verifier.agreeing(0, 1, "mirror") == first
    assert Verifier(lambda i: thumbs[i]).agreeing(0, 1, "mirror") == first
    assert sorted(calls) == [0, 1]
    assert Verifier(lambda i: None).agreeing(0, 1, "mirror") == 0


def test_find_matches_confirms_a_pair_just_beyond_the_threshold(trio: list[Image.Image]) -> None:
    hashes = [ph.compute(im) for im in trio]
    thumbs = [thumbnail_of(im) for im in trio]
    distance = cl.compare(hashes[0], hashes[1]).distance
    assert distance >= 2, "the altered copy must not be a hash match at any threshold"
    threshold = distance - 2  # the pair now lies just beyond the threshold

    hashes_only = cl.find_matches(hashes, threshold)
    assert (0, 1) not in {(i, j) for i, j, _ in hashes_only}

    checked = cl.find_matches(hashes, threshold, pixels=lambda i: thumbs[i])
    found = {(i, j): ev for i, j, ev in checked}
    assert (0, 1) in found
    ev = found[(0, 1)]
    assert ev.distance == distance > threshold
    assert ev.verified >= MIN_INLIERS
    assert "matching local features" in ev.describe()
    assert ev.to_json()["verified_features"] == ev.verified
    assert not any(ev.verified and 2 in (i, j) for i, j, ev in checked)

    query = cl.query_matches(hashes[1], hashes[:1] + [None, hashes[2]], threshold, thumbs[1], lambda i: thumbs[i])
    assert [i for i, _ in query] == [0]
    assert cl.query_matches(hashes[1], hashes[:1] + [None, hashes[2]], threshold) == []
