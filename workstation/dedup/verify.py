"""Local-feature check for pairs the hashes put just beyond the threshold.

A photo that is mirrored, cropped *and* written over (a phone number across it) can move further
from its original in every global hash than two unrelated photos do: on the benchmark the
"combo" variant reached 14-22 bits where the first unrelated pairs appear at 12-14. Hashes
cannot separate those; the picture's local structure can. For a candidate pair we detect ORB
keypoints (OpenCV) on both images' stored thumbnails, match their binary descriptors with
Lowe's ratio test and ask RANSAC for one similarity transform (rotation, scale, shift) that
carries enough of the matches onto each other. Unrelated photos give a few scattered matches;
the same photo gives dozens that agree on one geometry.

ORB descriptors follow a rotation but not a reflection, so the second image is mirrored first
when the hash evidence says the pair differs by a reflection.

Everything is deterministic (fixed RANSAC seed, one thread): the same case gives the same
clusters, which a report must be able to show again.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# Measured on the benchmark photos (benchmarks/RESULTS.md "Dedup"): of 952 unrelated pairs in the
# checked zone the highest reached 13 agreeing features (all others <= 11); 149 of the 177 true
# pairs there had some, most of them 15 to several hundred.
MIN_INLIERS = 15
ORB_FEATURES = 500
RATIO = 0.8  # Lowe's ratio test on the two nearest descriptors
RANSAC_PIXELS = 3.0  # on the 256 px thumbnail
SCALE_RANGE = (0.25, 4.0)  # a plausible resize between two copies
REFLECTIONS = frozenset({"flip vertical", "mirror", "transpose", "transverse"})

PixelSource = Callable[[int], Image.Image | None]


@dataclass(frozen=True)
class Features:
    points: np.ndarray  # (n, 2) float32 keypoint positions
    descriptors: np.ndarray | None  # (n, 32) uint8 ORB descriptors


def _cv2() -> Any:
    import cv2

    cv2.setNumThreads(1)
    return cv2


def thumbnail_image(data: bytes) -> Image.Image | None:
    """A stored JPEG thumbnail as a greyscale image, or None when it cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.convert("L")
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def features(img: Image.Image, reflect: bool = False) -> Features:
    """ORB keypoints of an image (any mode), mirrored first when ``reflect``."""
    cv2 = _cv2()
    grey = img.convert("L")
    if reflect:
        grey = ImageOps.mirror(grey)
    orb = cv2.ORB_create(nfeatures=ORB_FEATURES, edgeThreshold=15, patchSize=15, fastThreshold=10)
    keypoints, descriptors = orb.detectAndCompute(np.asarray(grey), None)
    points = np.array([k.pt for k in keypoints], np.float32).reshape(-1, 2)
    return Features(points, descriptors)


def agreeing_features(a: Features, b: Features) -> int:
    """How many of ``a``'s features land on their match in ``b`` under one similarity transform."""
    if a.descriptors is None or b.descriptors is None or len(a.points) < 8 or len(b.points) < 8:
        return 0
    cv2 = _cv2()
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = matcher.knnMatch(a.descriptors, b.descriptors, k=2)
    good = [m[0] for m in pairs if len(m) == 2 and m[0].distance < RATIO * m[1].distance]
    if len(good) < 6:
        return 0
    src = a.points[[m.queryIdx for m in good]]
    dst = b.points[[m.trainIdx for m in good]]
    cv2.setRNGSeed(0)
    matrix, inliers = cv2.estimateAffinePartial2D(src, dst, method=cv2.RANSAC, ransacReprojThreshold=RANSAC_PIXELS)
    if matrix is None or inliers is None:
        return 0
    scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
    if not SCALE_RANGE[0] < scale < SCALE_RANGE[1]:
        return 0
    return int(inliers.sum())


class Verifier:
    """Checks candidate pairs of one collection, computing each image's features once.

    Args:
        pixels: image index -> its picture (the stored thumbnail), or None when unavailable.
    """

    def __init__(self, pixels: PixelSource) -> None:
        self._pixels = pixels
        self._cache: dict[tuple[int, bool], Features | None] = {}

    def _features(self, index: int, reflect: bool) -> Features | None:
        key = (index, reflect)
        if key not in self._cache:
            img = self._pixels(index)
            self._cache[key] = None if img is None else features(img, reflect)
        return self._cache[key]

    def agreeing(self, i: int, j: int, transform: str) -> int:
        """Agreeing features between images ``i`` and ``j`` (``transform``: the hash evidence's)."""
        a = self._features(i, False)
        b = self._features(j, transform in REFLECTIONS)
        if a is None or b is None:
            return 0
        return agreeing_features(a, b)
