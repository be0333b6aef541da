"""Perceptual hashes of one image: pHash and PDQ with their 8 dihedral variants, and crop windows.

What is computed, and why (measured on real photos, benchmarks/RESULTS.md "Dedup"):

- ``phash`` / ``pdq`` / ``pdq_quality``: the image as it is, in the formats partners exchange
  (pHash exactly as ``imagehash.phash``, PDQ as Meta's reference via ``pdqhash``), for matching
  partner hash lists.
- ``views``: what near-duplicate matching compares. View ``full`` is the whole image; view
  ``trim`` is the image with uniform borders and UI frames (title bars, toolbars, status bars,
  the letterbox canvas of an image-viewer screenshot) peeled off, present when peeling removed
  something. Each view stores the 8 dihedral variants of both hashes, so mirrored and rotated
  copies match: variant ``k`` is the hash of the view transformed by ``DIHEDRAL[k]``.
- ``windows``: pHashes of nine sub-windows of the main view, each ``WINDOW_FRACTION`` of its width
  and height, on a 3x3 grid of offsets. A copy cropped by up to ~10 % lines up with one of them
  to within a few per cent, where a whole-image hash of the crop is already far away.

pHash (8x8 lowest DCT frequencies of a 32x32 thumbnail) carries the matching: on the benchmark
photos it survives crops, text overlays and frames far better than PDQ, whose 16x16 frequencies
move under a 10 % crop as much as between unrelated photos. PDQ adds confirmation for the
variants it does survive and the format partners share. Hashes are computed on a copy reduced
to a long side of ``WORK_SIDE``; both hashes work on tiny thumbnails anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pdqhash
from PIL import Image, ImageOps

# Same order as pdqhash.compute_dihedral; the unit tests check it against Pillow transposes.
DIHEDRAL = (
    "identity",
    "rotate 90",
    "rotate 180",
    "rotate 270",
    "flip vertical",
    "mirror",
    "transpose",
    "transverse",
)
WORK_SIDE = 256
WINDOW_FRACTION = 0.9
WINDOW_GRID = 3
# A row/column belongs to a frame when at least this share of it is one flat colour; tried from
# the strictest (pure bars) to the most tolerant (bars with text and icons).
FRAME_SHARES = (0.97, 0.85, 0.75, 0.6)
FRAME_TOLERANCE = 3
# Trimming must leave at least this share of each side, and remove at least MIN_TRIM of one.
MIN_KEEP = 0.25
MIN_TRIM = 0.02
# A frame covering more than this share of the image makes it "framed": two framed images are
# not compared whole (their frames, e.g. the same viewer's window, would match each other).
FRAME_LARGE = 0.25

Box = tuple[int, int, int, int]


def bits_to_words(bits: np.ndarray) -> np.ndarray:
    """A 0/1 vector (length a multiple of 64, most significant bit first) as uint64 words."""
    packed = np.packbits(np.asarray(bits, dtype=np.uint8).reshape(-1, 8), axis=1).reshape(-1)
    return packed.view(">u8").astype(np.uint64)


def words_to_hex(words: np.ndarray) -> str:
    return "".join(f"{int(w):016x}" for w in np.asarray(words, dtype=np.uint64).reshape(-1))


def hex_to_words(text: str) -> np.ndarray:
    text = text.strip().lower()
    if len(text) % 16 or not text:
        raise ValueError(f"hash of {len(text)} hex digits is not a whole number of 64-bit words")
    return np.array([int(text[i : i + 16], 16) for i in range(0, len(text), 16)], np.uint64)


@dataclass(frozen=True)
class View:
    """One region of the image hashed for matching, each hash in its 8 dihedral variants.

    Attributes:
        name: ``full`` or ``trim``.
        box: the region in image pixels (x0, y0, x1, y1).
        phash: (8,) uint64.
        pdq: (8, 4) uint64.
        quality: PDQ quality of the region (0-100; flat images score low).
    """

    name: str
    box: Box
    phash: np.ndarray
    pdq: np.ndarray
    quality: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "box": list(self.box),
            "quality": self.quality,
            "phash": [f"{int(v):016x}" for v in self.phash],
            "pdq": [words_to_hex(row) for row in self.pdq],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> View:
        x0, y0, x1, y1 = (int(v) for v in data["box"])
        return cls(
            name=str(data["name"]),
            box=(x0, y0, x1, y1),
            phash=np.array([int(h, 16) for h in data["phash"]], np.uint64),
            pdq=np.stack([hex_to_words(h) for h in data["pdq"]]),
            quality=int(data["quality"]),
        )


@dataclass(frozen=True)
class ImageHashes:
    """Everything dedup keeps about one image."""

    width: int
    height: int
    phash: str
    pdq: str
    pdq_quality: int
    views: tuple[View, ...]
    windows: np.ndarray  # (WINDOW_GRID**2,) uint64 pHashes, identity orientation
    framed: bool = False  # a border/frame covers more than FRAME_LARGE of the image
    flat: bool = False  # too little structure to match on hashes alone

    @property
    def main(self) -> View:
        """The view the windows are cut from: the trimmed one when there is one."""
        return self.views[-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": HASH_VERSION,
            "width": self.width,
            "height": self.height,
            "phash": self.phash,
            "pdq": self.pdq,
            "pdq_quality": self.pdq_quality,
            "views": [v.to_json() for v in self.views],
            "windows": [f"{int(v):016x}" for v in self.windows],
            "framed": self.framed,
            "flat": self.flat,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImageHashes:
        return cls(
            width=int(data["width"]),
            height=int(data["height"]),
            phash=str(data["phash"]),
            pdq=str(data["pdq"]),
            pdq_quality=int(data["pdq_quality"]),
            views=tuple(View.from_json(v) for v in data["views"]),
            windows=np.array([int(h, 16) for h in data["windows"]], np.uint64),
            framed=bool(data.get("framed", False)),
            flat=bool(data.get("flat", False)),
        )


# 2: windows from one block-averaged 320 px grey canvas; pHash/PDQ and the views unchanged.
HASH_VERSION = 2
# PDQ's reference ignores quality < 50; on the benchmark photos that drops smooth but perfectly
# matchable pictures (a wallpaper of quality 9 matched its variants at distance 0-2). What makes
# pHash meaningless is a (nearly) uniform picture: its DCT is noise. Measured on the 32x32 grey
# thumbnail: a solid colour has standard deviation 0, the smoothest benchmark photo 9.
FLAT_STD = 3.0


def _reduce(img: Image.Image, side: int) -> Image.Image:
    if max(img.size) <= side:
        return img
    scale = side / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.resize(size, Image.Resampling.BOX)


def _flat_share(lines: np.ndarray) -> np.ndarray:
    """Per line (axis 0 of a 2-D grey array) the share of pixels close to the line's median."""
    step = max(1, lines.shape[1] // 64)
    median = np.median(lines[:, ::step], axis=1, keepdims=True)
    return (np.abs(lines - median) <= FRAME_TOLERANCE).mean(axis=1)


def frame_box(gray: np.ndarray) -> Box:
    """The box left after peeling uniform borders and UI frames off an (h, w) grey image.

    A frame row (or column) is one where most pixels share one flat colour: letterbox bars,
    window title bars with a line of text, toolbars with a few icons, status bars. Lines are
    peeled from all four edges, strictest test first (pure bars), then more tolerant ones (bars
    with text), each time on what is left: a portrait photo shown in a landscape viewer loses
    its side canvas before its rows are judged. Returns the whole image when too little would
    be left.
    """
    h, w = gray.shape
    gray = gray.astype(np.int16)
    y0, y1, x0, x1 = 0, h, 0, w
    # The shares of a region do not depend on the threshold tried: most photos have no frame,
    # and the same region is measured once instead of once per threshold.
    measured: dict[tuple[int, int, int, int, int], np.ndarray] = {}

    def flat_share(axis: int) -> np.ndarray:
        key = (axis, y0, y1, x0, x1)
        if key not in measured:
            region = gray[y0:y1, x0:x1]
            measured[key] = _flat_share(region if axis == 0 else region.T)
        return measured[key]

    for share in FRAME_SHARES:
        for _ in range(3):
            before = (y0, y1, x0, x1)
            rows = flat_share(0) >= share
            y0, y1 = _peel(rows, y0)
            if y1 - y0 < MIN_KEEP * h:
                return (0, 0, w, h)
            cols = flat_share(1) >= share
            x0, x1 = _peel(cols, x0)
            if x1 - x0 < MIN_KEEP * w:
                return (0, 0, w, h)
            if (y0, y1, x0, x1) == before:
                break
    return (x0, y0, x1, y1)


def _peel(frame: np.ndarray, offset: int) -> tuple[int, int]:
    """First and last non-frame line, as a half-open range shifted by ``offset``."""
    keep = np.nonzero(~frame)[0]
    if len(keep) == 0:
        return offset, offset
    return offset + int(keep[0]), offset + int(keep[-1]) + 1


def _pdq(img: Image.Image) -> tuple[np.ndarray, int]:
    # PDQ reduces to 64x64 itself; doing it first with a box filter keeps its dihedral variants
    # exact (on small inputs its own filter is asymmetric: 30-50 bits off for a mirror) and stays
    # within a few bits of the reference hash of the full-size image.
    small = img.convert("RGB").resize((64, 64), Image.Resampling.BOX)
    hashes, quality = pdqhash.compute_dihedral(np.asarray(small))
    return np.stack([bits_to_words(h) for h in hashes]), int(quality)


def _gray32(img: Image.Image) -> np.ndarray:
    # Exactly imagehash.phash's input, so the identity variant equals imagehash.phash(img).
    return np.asarray(img.convert("L").resize((32, 32), Image.Resampling.LANCZOS))


def _dihedral_arrays(a: np.ndarray) -> list[np.ndarray]:
    return [
        a,
        np.rot90(a, 1),
        np.rot90(a, 2),
        np.rot90(a, 3),
        np.flipud(a),
        np.fliplr(a),
        a.T,
        np.rot90(a, 2).T,
    ]


# Every dihedral transform of an image maps its 2-D DCT-II onto the same coefficients with some
# signs flipped and possibly transposed: flipping the rows negates the odd rows (coefficient
# (u, v) of a flipped N-point signal is (-1)^u times the original). So the 8 variants of a pHash
# come from one DCT. _SIGNS[k] and _TRANSPOSED[k] give variant k of ``DIHEDRAL``.
_ODD = (-1.0) ** np.arange(8)
_ROWS = _ODD[:, None] * np.ones((1, 8))
_COLS = np.ones((8, 1)) * _ODD[None, :]
_SIGNS = (
    np.ones((8, 8)),  # identity
    _ROWS,  # rotate 90 (counter-clockwise: np.rot90): the transposed DCT, odd rows negated
    _ROWS * _COLS,  # rotate 180
    _COLS,  # rotate 270
    _ROWS,  # flip vertical
    _COLS,  # mirror
    np.ones((8, 8)),  # transpose
    _ROWS * _COLS,  # transverse
)
_TRANSPOSED = (False, True, False, True, False, False, True, True)


# The 8 lowest rows of the (unnormalised, scipy.fftpack type II) DCT matrix for 32 samples: the
# low 8x8 block of a 32x32 DCT is then two small products. The same numbers as scipy's FFT-based
# transform up to rounding in the last bits; numpy alone keeps scipy (~0.35 s to import) out of
# the import's worker processes.
_DCT_ROWS = 2.0 * np.cos(np.pi * np.arange(8)[:, None] * (2 * np.arange(32)[None, :] + 1) / 64)


def _low_dct(pixels: np.ndarray) -> np.ndarray:
    """The 8x8 lowest frequencies of the 2-D DCT-II of a 32x32 array (as scipy.fftpack.dct)."""
    return _DCT_ROWS @ np.asarray(pixels, np.float64) @ _DCT_ROWS.T


def _phash_bits(pixels: np.ndarray) -> np.ndarray:
    dct = _low_dct(pixels)
    return (dct > np.median(dct)).reshape(-1)


def phash_dihedral(img: Image.Image, gray: np.ndarray | None = None) -> np.ndarray:
    """(8,) uint64: pHash of the image under each transform of ``DIHEDRAL``.

    Args:
        gray: ``_gray32(img)`` when the caller has it already.
    """
    gray = _gray32(img) if gray is None else gray
    dct = _low_dct(gray)
    variants = np.stack([(dct.T if t else dct) * sign for sign, t in zip(_SIGNS, _TRANSPOSED, strict=True)])
    bits = variants.reshape(8, 64) > np.median(variants.reshape(8, 64), axis=1, keepdims=True)
    packed = np.packbits(bits.astype(np.uint8), axis=1)
    return packed.view(">u8").reshape(8).astype(np.uint64)


# Windows are cut from one grey canvas of WINDOW_CANVAS px a side: a window is 90 % of it
# (288 px), averaged in 9 x 9 px blocks to the 32 x 32 pHash input, at offsets of 0, 16 and 32 px
# (0, 5 and 10 %). The block sums come from one summed-area table, so one resample and one
# cumulative sum serve all nine windows.
WINDOW_CANVAS = 320
_WINDOW_PIXELS = round(WINDOW_CANVAS * WINDOW_FRACTION)
_WINDOW_BLOCK = _WINDOW_PIXELS // 32


def _windows(img: Image.Image) -> np.ndarray:
    canvas = np.asarray(img.convert("L").resize((WINDOW_CANVAS, WINDOW_CANVAS), Image.Resampling.BILINEAR))
    table = np.zeros((WINDOW_CANVAS + 1, WINDOW_CANVAS + 1), np.int64)
    table[1:, 1:] = canvas.cumsum(0, dtype=np.int64).cumsum(1)
    edges = np.arange(33) * _WINDOW_BLOCK
    step = (WINDOW_CANVAS - _WINDOW_PIXELS) // (WINDOW_GRID - 1)
    out = []
    for i in range(WINDOW_GRID):
        for j in range(WINDOW_GRID):
            ys, xs = edges + i * step, edges + j * step
            corners = table[np.ix_(ys, xs)]
            sums = corners[1:, 1:] - corners[:-1, 1:] - corners[1:, :-1] + corners[:-1, :-1]
            out.append(bits_to_words(_phash_bits(sums / float(_WINDOW_BLOCK * _WINDOW_BLOCK)))[0])
    return np.array(out, np.uint64)


def _view(name: str, box: Box, img: Image.Image, gray: np.ndarray | None = None) -> View:
    pdq, quality = _pdq(img)
    return View(name, box, phash_dihedral(img, gray), pdq, quality)


def compute(img: Image.Image) -> ImageHashes:
    """Hash one upright image (any mode).

    Args:
        img: the decoded image, EXIF orientation already applied.

    Returns:
        The hashes; near-flat images have ``flat`` set and are matched only as exact copies.
    """
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    work = _reduce(rgb, WORK_SIDE)
    main_gray = _gray32(work)
    full = _view("full", (0, 0, rgb.width, rgb.height), work, main_gray)
    views = [full]
    framed = False
    main = work

    bx0, by0, bx1, by1 = frame_box(np.asarray(work.convert("L")))
    sw, sh = work.size
    if (bx1 - bx0) < (1 - MIN_TRIM) * sw or (by1 - by0) < (1 - MIN_TRIM) * sh:
        fx, fy = rgb.width / sw, rgb.height / sh
        box = (round(bx0 * fx), round(by0 * fy), round(bx1 * fx), round(by1 * fy))
        main = work.crop((bx0, by0, bx1, by1))
        main_gray = _gray32(main)
        views.append(_view("trim", box, main, main_gray))
        framed = (bx1 - bx0) * (by1 - by0) < (1 - FRAME_LARGE) * sw * sh

    return ImageHashes(
        width=rgb.width,
        height=rgb.height,
        phash=f"{int(full.phash[0]):016x}",
        pdq=words_to_hex(full.pdq[0]),
        pdq_quality=full.quality,
        views=tuple(views),
        windows=_windows(main),
        framed=framed,
        flat=float(np.std(main_gray)) < FLAT_STD,
    )


def open_image(path: Path | BinaryIO, min_side: int = 512) -> Image.Image:
    """Decode an image file the way the import pipeline does: upright RGB, JPEGs draft-decoded.

    Raises:
        OSError: the file is not a readable image (Pillow's own errors).
    """
    with Image.open(path) as im:
        if im.format == "JPEG" and min(im.size) > 2 * min_side:
            scale = min_side / min(im.size)
            im.draft("RGB", (max(1, round(im.width * scale)), max(1, round(im.height * scale))))
        im.load()
        return ImageOps.exif_transpose(im).convert("RGB")


def analyze(img: Image.Image) -> dict[str, Any]:
    """The import-pipeline analyzer: JSON-able hashes of one image."""
    return compute(img).to_json()
