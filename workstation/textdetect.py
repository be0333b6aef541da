"""Is there a line of text on this photo? A cheap detector that decides which photos go to OCR.

Ads often write a phone number or a handle over a photo. The screenshot test in
:func:`workstation.ocr.looks_like_text_image` (large flat backgrounds) never fires on those, and
reading every photo with Tesseract costs about a second each. This detector runs at import on a
small greyscale copy (long side 512 px, some tens of milliseconds): OpenCV's MSER finds stable
blobs in both polarities, blobs shaped like characters and standing out from their surroundings
are kept, and the photo is queued when enough of them line up as a line of text (similar
heights, a common centre line, regular gaps). Foliage, gravel and windows make many blobs too,
but rarely a run of equal-height, evenly spaced, high-contrast ones. (Top-hat/black-hat strokes
with connected components cost a third but found a quarter fewer numbers on the tuning photos.)
Measured in benchmarks/RESULTS.md ("#22 OCR of photos with text over them").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LONG_SIDE = 512
MIN_CHARS = 6  # a phone number, a handle or a price: six characters or more in one line
MIN_CHAR_HEIGHT = 7  # pixels at LONG_SIDE
MAX_CHAR_HEIGHT_FRACTION = 0.25
MIN_CONTRAST = 40.0  # grey levels within a character blob (strokes against their background)


@dataclass(frozen=True)
class TextLine:
    """A run of character-like blobs on one line, in analysis-copy pixels."""

    x: int
    y: int
    w: int
    h: int
    chars: int


def _grey(img: Any) -> Any:
    import numpy as np
    from PIL import Image

    w, h = img.size
    scale = LONG_SIDE / max(w, h, 1)
    small = img
    if scale < 1:
        small = img.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.BILINEAR)
    return np.asarray(small.convert("L"), dtype=np.uint8)


def _char_boxes(grey: Any) -> list[tuple[int, int, int, int]]:
    """Character-like blobs: MSER regions (stable in both polarities) with a character's size and
    shape, and enough contrast with their surroundings."""
    import cv2
    import numpy as np

    height = grey.shape[0]
    max_h = max(MIN_CHAR_HEIGHT + 1, int(height * MAX_CHAR_HEIGHT_FRACTION))
    mser = cv2.MSER.create(5, 20, int(grey.size * 0.02))
    _, found = mser.detectRegions(grey)
    if len(found) == 0:
        return []
    boxes = np.asarray(found).reshape(-1, 4)
    w, h = boxes[:, 2], boxes[:, 3]
    boxes = boxes[(h >= MIN_CHAR_HEIGHT) & (h <= max_h) & (w >= 0.15 * h) & (w <= 1.2 * h)]
    kept: list[tuple[int, int, int, int]] = []
    seen: set[tuple[int, int, int, int]] = set()
    for x, y, bw, bh in boxes.tolist():
        key = (x // 2, y // 2, bw // 2, bh // 2)  # MSER reports nested near-copies of one blob
        if key in seen:
            continue
        seen.add(key)
        inner = grey[y : y + bh, x : x + bw]
        pad = max(2, bh // 4)
        ring = grey[max(0, y - pad) : y + bh + pad, max(0, x - pad) : x + bw + pad]
        if int(inner.max()) - int(inner.min()) < MIN_CONTRAST or float(ring.std()) < MIN_CONTRAST / 3:
            continue
        kept.append((x, y, bw, bh))
    return _suppress(kept)


def _suppress(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Keep one box of each group of strongly overlapping ones (the largest)."""
    out: list[tuple[int, int, int, int]] = []
    for box in sorted(boxes, key=lambda b: -b[2] * b[3]):
        x, y, w, h = box
        if any(
            min(x + w, ox + ow) - max(x, ox) > 0.5 * min(w, ow) and min(y + h, oy + oh) - max(y, oy) > 0.5 * min(h, oh)
            for ox, oy, ow, oh in out
        ):
            continue
        out.append(box)
    return out


def text_lines(img: Any) -> list[TextLine]:
    """Lines of at least MIN_CHARS character-like blobs on the image (PIL image, any mode)."""
    grey = _grey(img)
    boxes = sorted(_char_boxes(grey), key=lambda b: b[0])
    lines: list[list[tuple[int, int, int, int]]] = []
    for box in boxes:
        x, y, w, h = box
        cy = y + h / 2
        best = None
        for line in lines:
            lx, ly, lw, lh = line[-1]
            gap = x - (lx + lw)
            if (
                -0.2 * lh <= gap <= 1.1 * max(h, lh)
                and abs((ly + lh / 2) - cy) <= 0.25 * max(h, lh)
                and 0.7 <= h / lh <= 1.45
            ):
                best = line
                break
        if best is None:
            lines.append([box])
        else:
            best.append(box)
    found = []
    for line in lines:
        if len(line) < MIN_CHARS:
            continue
        heights = sorted(b[3] for b in line)
        median = heights[len(heights) // 2]
        steady = [b for b in line if 0.75 * median <= b[3] <= 1.3 * median]
        chars = len(steady)
        if chars < MIN_CHARS:
            continue
        x0 = min(b[0] for b in steady)
        y0 = min(b[1] for b in steady)
        x1 = max(b[0] + b[2] for b in steady)
        y1 = max(b[1] + b[3] for b in steady)
        if (x1 - x0) < 2.5 * median:
            continue
        found.append(TextLine(x0, y0, x1 - x0, y1 - y0, chars))
    return found


def likely_text(img: Any) -> bool:
    """Whether the photo probably carries written text worth reading with OCR."""
    return bool(text_lines(img))
