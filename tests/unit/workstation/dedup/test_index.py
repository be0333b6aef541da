"""The Hamming index returns exactly what a brute-force scan returns."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.dedup import index as ix


def _planted(n: int, words: int, seed: int, near: int, max_flips: int) -> np.ndarray:
    """Random hashes plus ``near`` copies of earlier rows with a few bits flipped."""
    rng = np.random.default_rng(seed)
    h = rng.integers(0, 2**64, size=(n, words), dtype=np.uint64)
    for _ in range(near):
        i, j = rng.integers(0, n, size=2)
        h[j] = h[i]
        for bit in rng.integers(0, words * 64, size=rng.integers(0, max_flips + 1)):
            h[j, bit // 64] ^= np.uint64(1) << np.uint64(bit % 64)
    return h


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 1200),
    words=st.sampled_from([1, 4]),
    radius=st.integers(0, 40),
    seed=st.integers(0, 2**32 - 1),
)
def test_all_pairs_equals_brute_force(n: int, words: int, radius: int, seed: int) -> None:
    h = _planted(n, words, seed, near=n // 3, max_flips=radius + 3)
    got = ix.all_pairs(h, radius)
    want = ix.brute_force_pairs(h, radius)
    assert got.tolist() == want.tolist()


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(0, 900),
    m=st.integers(1, 20),
    words=st.sampled_from([1, 4]),
    radius=st.integers(0, 40),
    seed=st.integers(0, 2**32 - 1),
)
def test_query_equals_brute_force(n: int, m: int, words: int, radius: int, seed: int) -> None:
    h = _planted(n + m, words, seed, near=(n + m) // 2, max_flips=radius + 3)
    index, queries = ix.HammingIndex.build(h[:n]), h[n:]
    got = index.query(queries, radius)
    d = ix.hamming(queries[:, None, :], h[None, :n, :]) if n else np.zeros((m, 0), int)
    qi, hj = np.nonzero(d <= radius)
    want = sorted(zip(qi.tolist(), hj.tolist(), d[qi, hj].tolist(), strict=True))
    assert [tuple(r) for r in got.tolist()] == want


def test_duplicate_rows_are_distance_zero_pairs() -> None:
    h = np.tile(ix.random_hashes(1, 4, seed=7), (600, 1))
    pairs = ix.all_pairs(h, 0)
    assert len(pairs) == 600 * 599 // 2
    assert set(pairs[:, 2].tolist()) == {0}


def test_rejects_wrong_dtype() -> None:
    with pytest.raises(ValueError, match="uint64"):
        ix.all_pairs(np.zeros((3, 4), np.int64), 3)


def test_chunk_radius_follows_pigeonhole() -> None:
    assert ix.chunk_radius(31, 4) == 1
    assert ix.chunk_radius(15, 4) == 0
    assert ix.chunk_radius(10, 1) == 2
