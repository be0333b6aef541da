"""Perceptual hashes: formats, dihedral variants, frame trimming, distances on real transforms."""

import io

import imagehash
import numpy as np
import pytest
from PIL import Image

from workstation.dedup import phash as ph
from workstation.dedup import synthetic
from workstation.dedup.index import hamming

TRANSPOSES = [
    None,
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_180,
    Image.Transpose.ROTATE_270,
    Image.Transpose.FLIP_TOP_BOTTOM,
    Image.Transpose.FLIP_LEFT_RIGHT,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
]


@pytest.fixture(scope="module")
def base() -> Image.Image:
    return synthetic.photo(11)


def _jpeg(img: Image.Image, quality: int = 85) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def test_identity_phash_is_imagehash_phash(base: Image.Image) -> None:
    h = ph.compute(base)
    assert h.phash == str(imagehash.phash(ph._reduce(base, ph.WORK_SIDE)))
    assert len(h.pdq) == 64 and 0 <= h.pdq_quality <= 100


@pytest.mark.parametrize("k", range(8))
def test_dihedral_variant_k_is_the_hash_of_that_transform(base: Image.Image, k: int) -> None:
    op = TRANSPOSES[k]
    moved = base if op is None else base.transpose(op)
    a, b = ph.compute(base).views[0], ph.compute(moved).views[0]
    assert int(np.bitwise_count(a.phash[k] ^ b.phash[0])) <= 2
    assert int(hamming(a.pdq[k], b.pdq[0])) <= 16  # of 256; unrelated ~128
    if k:
        assert int(np.bitwise_count(a.phash[0] ^ b.phash[0])) > 10


def test_json_round_trip(base: Image.Image) -> None:
    h = ph.compute(synthetic.in_viewer_screenshot(base))
    again = ph.ImageHashes.from_json(h.to_json())
    assert again.to_json() == h.to_json()
    assert again.views[-1].name == "trim"


def test_frame_box_finds_the_photo_inside_a_viewer_screenshot(base: Image.Image) -> None:
    shot = _jpeg(synthetic.in_viewer_screenshot(base))
    h = ph.compute(shot)
    x0, y0, x1, y1 = h.main.box
    # The 640x480 photo is pasted unscaled, centred below the toolbar.
    assert h.main.name == "trim"
    assert abs((x1 - x0) - 640) < 12 and abs((y1 - y0) - 480) < 12
    assert [v.name for v in h.views] == ["full", "trim"]
    assert h.framed  # the frame covers more than FRAME_LARGE of the screenshot
    d = int(np.bitwise_count(h.main.phash[0] ^ ph.compute(base).views[0].phash[0]))
    assert d <= 6


def test_uniform_border_is_trimmed() -> None:
    img = synthetic.photo(3, (400, 300))
    framed = Image.new("RGB", (480, 380), (255, 255, 255))
    framed.paste(img, (40, 40))
    h = ph.compute(framed)
    assert h.main.name == "trim"
    assert h.main.box == pytest.approx((40, 40, 440, 340), abs=3)


def test_plain_photo_has_no_trim_view(base: Image.Image) -> None:
    assert [v.name for v in ph.compute(base).views] == ["full"]


def test_flat_image_is_flagged() -> None:
    assert ph.compute(Image.new("RGB", (300, 200), (120, 130, 140))).flat
    assert not ph.compute(synthetic.photo(5)).flat


def test_windows_cover_a_corner_crop(base: Image.Image) -> None:
    h = ph.compute(base)
    crop = ph.compute(synthetic.cropped(base, 0.1, corner=3))
    d = np.bitwise_count(crop.views[0].phash[0] ^ h.windows)
    assert h.windows.shape == (ph.WINDOW_GRID**2,)
    assert int(d.min()) <= 4
    assert int(d.argmin()) == ph.WINDOW_GRID**2 - 1  # bottom-right window


def test_hex_helpers_round_trip() -> None:
    words = np.array([1, 2**64 - 1, 0, 12345], np.uint64)
    assert np.array_equal(ph.hex_to_words(ph.words_to_hex(words)), words)
    with pytest.raises(ValueError):
        ph.hex_to_words("abc")
