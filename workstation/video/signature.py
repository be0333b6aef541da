"""Frame-hash signatures of videos and their temporal matching.

A video's signature is the 64-bit pHash of frames sampled at a fixed rate (``SAMPLE_RATE`` per
second of the video's own clock, so frame rate and re-encoding do not matter) and the pHash of
the same frames mirrored. Two videos are the same clip when, at one offset, a long run of their
samples has close hashes: a re-encode, resize or trim keeps the sequence and shifts it; a
mirrored copy matches the other's mirrored sequence. Near-uniform frames (black, fades) carry no
identity and are left out of the count, so two videos that merely share black frames never link.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 2.0  # samples per second of video
MATCH_DISTANCE = 10  # bits of 64: two samples show the same picture
MIN_MATCHED_SECONDS = 3.0  # a link needs at least this much matching, informative video
MIN_COVERAGE = 0.6  # of the overlap at the offset, the share of informative samples that match
MIN_DISTINCT = 2  # distinct pictures (hash groups) among the matched samples
UNINFORMATIVE = np.uint64(0)  # stored for flat frames


def _dct_matrix(n: int) -> npt.NDArray[np.float64]:
    k = np.arange(n)
    m = np.cos(np.pi / n * (k[:, None]) * (k[None, :] + 0.5))
    return np.asarray(m, dtype=np.float64)


_DCT32 = _dct_matrix(32)
_BITS = (np.uint64(1) << np.arange(64, dtype=np.uint64))[::-1]


def phash64(gray32: npt.NDArray[np.float64]) -> int:
    """pHash (8x8 lowest DCT frequencies of a 32x32 grey image, bits above the median)."""
    coeffs = _DCT32 @ gray32 @ _DCT32.T
    low = coeffs[:8, :8].ravel()
    bits = low > np.median(low)
    return int(np.sum(_BITS[bits]))


def frame_hashes(gray32: npt.NDArray[np.float64]) -> tuple[int, int]:
    """(pHash, pHash of the mirrored frame), or (0, 0) for a flat, uninformative frame."""
    if float(gray32.std()) < 6.0:
        return 0, 0
    return phash64(gray32), phash64(gray32[:, ::-1])


def pack(values: list[int]) -> bytes:
    return np.asarray(values, dtype=np.uint64).astype("<u8").tobytes()


def unpack(data: bytes | None) -> npt.NDArray[np.uint64]:
    if not data:
        return np.zeros(0, dtype=np.uint64)
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def _popcount(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    return np.asarray(np.bitwise_count(x), dtype=np.int64)


@dataclass(frozen=True)
class VideoMatch:
    """Video ``b`` shows the clip of video ``a``: b's sample ``j`` is a's sample ``j + offset``.

    ``offset_seconds`` > 0: b starts that far into a (b was trimmed at the start, or a has extra
    material before); < 0: a starts that far into b.
    """

    offset_seconds: float
    mirrored: bool
    matched_seconds: float
    coverage: float
    mean_distance: float


def match(
    a: npt.NDArray[np.uint64],
    b: npt.NDArray[np.uint64],
    b_mirrored: npt.NDArray[np.uint64],
    rate: float = SAMPLE_RATE,
) -> VideoMatch | None:
    """The best temporal alignment of two signatures, or None when they are not the same clip."""
    best: VideoMatch | None = None
    for mirrored, other in ((False, b), (True, b_mirrored)):
        found = _align(a, other, rate)
        if found is not None and (best is None or found[1] > best.matched_seconds):
            offset, seconds, coverage, mean = found
            best = VideoMatch(round(offset / rate, 2), mirrored, seconds, coverage, mean)
    return best


def _align(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64], rate: float) -> tuple[int, float, float, float] | None:
    if len(a) == 0 or len(b) == 0:
        return None
    # Distances of every sample pair, in blocks so memory stays bounded for hour-long videos.
    inf_a = a != UNINFORMATIVE
    inf_b = b != UNINFORMATIVE
    if inf_a.sum() < MIN_MATCHED_SECONDS * rate or inf_b.sum() < MIN_MATCHED_SECONDS * rate:
        return None
    hits: dict[int, list[tuple[int, int]]] = {}
    block = 2048
    for start in range(0, len(a), block):
        chunk = a[start : start + block]
        dist = _popcount(chunk[:, None] ^ b[None, :])
        ok = (dist <= MATCH_DISTANCE) & inf_a[start : start + block, None] & inf_b[None, :]
        ii, jj = np.nonzero(ok)
        for i, j, d in zip(ii.tolist(), jj.tolist(), dist[ii, jj].tolist(), strict=True):
            hits.setdefault(start + i - j, []).append((start + i, d))
    best: tuple[int, float, float, float] | None = None
    best_key: tuple[float, int, float] | None = None
    for offset in sorted(hits):
        # Two sampling grids out of phase put a's sample next to b's j or j+1: take the
        # neighbouring offsets together, each sample of either video counted once.
        matched: dict[int, int] = {}
        used_b: set[int] = set()
        for near in (offset, offset - 1, offset + 1):
            for i, d in hits.get(near, ()):
                j = i - near
                if i in matched or j in used_b:
                    continue
                matched[i] = d
                used_b.add(j)
        if len(matched) < MIN_MATCHED_SECONDS * rate or len(hits[offset]) * 2 < len(matched):
            continue
        lo_a, hi_a = max(0, offset), min(len(a), len(b) + offset)
        overlap = int(inf_a[lo_a:hi_a].sum()) if hi_a > lo_a else 0
        if _distinct([int(a[i]) for i in matched]) < MIN_DISTINCT:
            continue
        coverage = min(1.0, len(matched) / max(overlap, 1))
        if coverage < MIN_COVERAGE:
            continue
        seconds = len(matched) / rate
        mean = float(np.mean(list(matched.values())))
        key = (seconds, len(hits[offset]), -mean)
        if best_key is None or key > best_key:
            best, best_key = (offset, seconds, round(coverage, 3), round(mean, 2)), key
    return best


def _distinct(values: list[int], apart: int = 2 * MATCH_DISTANCE) -> int:
    """How many different pictures a list of hashes shows (greedy groups, up to 3 counted)."""
    groups: list[int] = []
    for v in values:
        if all(bin(v ^ g).count("1") > apart for g in groups):
            groups.append(v)
            if len(groups) >= 3:
                break
    return len(groups)
