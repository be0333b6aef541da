"""Hamming-distance neighbour search over perceptual hashes: all pairs within a radius, and queries.

Hashes are rows of a ``(n, words)`` ``uint64`` array (1 word for a 64-bit pHash, 4 for a 256-bit
PDQ). The structure is multi-index hashing (Norouzi, Punjani & Fleet, 2012): each hash is cut into
16-bit chunks; by the pigeonhole principle two hashes within distance ``r`` agree on at least one
chunk to within ``r // chunks`` bits, so only the items in a few buckets per chunk need their full
distance computed. All loops run compiled (numba), in parallel over chunks; a pair found through
several chunks is reported once, by the first chunk that could find it. The result is exact: the
tests compare it with a brute-force oracle.

Chosen by measurement (benchmarks/dedup_search.py, figures in benchmarks/RESULTS.md): numpy
XOR+popcount over all pairs needs ~10 minutes for a million 64-bit hashes on this machine, this
index about a tenth of that for 256-bit PDQ at the default radius.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

CHUNK_BITS = 16
_BUCKETS = 1 << CHUNK_BITS
# Above this per-chunk radius the buckets to visit outnumber the items: scan everything instead.
MAX_CHUNK_RADIUS = 3
# Relative cost of a random bucket visit against one sequential word comparison (measured).
PROBE_COST = 4


def _cheapest(queries: int, items: int, words: int, masks: int) -> str:
    """Pick scan, per-query probing or the bucket-order bulk join by a rough cost model."""
    chunks = words * 4
    candidates = queries * chunks * masks * items / _BUCKETS * words
    scan = queries * items * words
    probe = queries * chunks * masks * PROBE_COST + candidates
    bulk = chunks * _BUCKETS * masks * PROBE_COST / 4 + candidates
    return min((scan, "scan"), (probe, "probe"), (bulk, "bulk"))[1]


@intrinsic
def _popcount(typingctx, x):  # type: ignore[no-untyped-def]
    """LLVM's ctpop: one POPCNT instruction on the host CPU."""
    sig = types.uint64(types.uint64)

    def codegen(context, builder, signature, args):  # type: ignore[no-untyped-def]
        fnty = ir.FunctionType(ir.IntType(64), [ir.IntType(64)])
        fn = cgutils.get_or_insert_function(builder.module, fnty, "llvm.ctpop.i64")
        return builder.call(fn, args)

    return sig, codegen


@numba.njit(cache=True, inline="always")
def _distance(a: np.ndarray, i: int, b: np.ndarray, j: int) -> int:
    d = 0
    for w in range(a.shape[1]):
        d += _popcount(a[i, w] ^ b[j, w])
    return d


@numba.njit(cache=True, inline="always")
def _found_earlier(a: np.ndarray, i: int, b: np.ndarray, j: int, chunk: int, rho: int) -> bool:
    """True when an earlier chunk also has the pair within ``rho`` (it reports the pair then)."""
    for c in range(chunk):
        w = c >> 2
        shift = np.uint64((c & 3) * 16)
        x = ((a[i, w] ^ b[j, w]) >> shift) & np.uint64(0xFFFF)
        if _popcount(x) <= rho:
            return True
    return False


@numba.njit(cache=True)
def _chunk_keys(h: np.ndarray, chunk: int) -> np.ndarray:
    w = chunk >> 2
    shift = np.uint64((chunk & 3) * 16)
    out = np.empty(h.shape[0], np.int64)
    for i in range(h.shape[0]):
        out[i] = np.int64((h[i, w] >> shift) & np.uint64(0xFFFF))
    return out


@numba.njit(cache=True)
def _bucket(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counting sort by 16-bit key: (order, starts) with bucket k = order[starts[k]:starts[k+1]]."""
    starts = np.zeros(_BUCKETS + 1, np.int64)
    for k in keys:
        starts[k + 1] += 1
    for k in range(_BUCKETS):
        starts[k + 1] += starts[k]
    fill = starts[:-1].copy()
    order = np.empty(keys.shape[0], np.int64)
    for i in range(keys.shape[0]):
        k = keys[i]
        order[fill[k]] = i
        fill[k] += 1
    return order, starts


@numba.njit(cache=True)
def _grow(buf: np.ndarray, n: int) -> np.ndarray:
    if n < buf.shape[0]:
        return buf
    new = np.empty((buf.shape[0] * 2, 3), np.int64)
    new[: buf.shape[0]] = buf
    return new


@numba.njit(cache=True)
def _self_join_chunk(h: np.ndarray, chunk: int, rho: int, radius: int, masks: np.ndarray) -> np.ndarray:
    keys = _chunk_keys(h, chunk)
    order, starts = _bucket(keys)
    s = h[order]  # contiguous buckets: the inner loops read memory in order
    out = np.empty((1024, 3), np.int64)
    n = 0
    for u in range(_BUCKETS):
        a0, a1 = starts[u], starts[u + 1]
        if a0 == a1:
            continue
        for m in masks:
            v = u ^ m
            if v < u:
                continue
            b0, b1 = starts[v], starts[v + 1]
            for x in range(a0, a1):
                y0 = x + 1 if v == u else b0
                for y in range(y0, b1):
                    d = _distance(s, x, s, y)
                    if d <= radius and not _found_earlier(s, x, s, y, chunk, rho):
                        out = _grow(out, n)
                        i, j = order[x], order[y]
                        out[n, 0] = min(i, j)
                        out[n, 1] = max(i, j)
                        out[n, 2] = d
                        n += 1
    return out[:n]


@numba.njit(cache=True)
def _cross_join_chunk(
    q: np.ndarray,
    h: np.ndarray,
    chunk: int,
    rho: int,
    radius: int,
    masks: np.ndarray,
    order: np.ndarray,
    starts: np.ndarray,
) -> np.ndarray:
    qkeys = _chunk_keys(q, chunk)
    out = np.empty((64, 3), np.int64)
    n = 0
    for x in range(q.shape[0]):
        u = qkeys[x]
        for m in masks:
            v = u ^ m
            for y in range(starts[v], starts[v + 1]):
                j = order[y]
                d = _distance(q, x, h, j)
                if d <= radius and not _found_earlier(q, x, h, j, chunk, rho):
                    out = _grow(out, n)
                    out[n, 0] = x
                    out[n, 1] = j
                    out[n, 2] = d
                    n += 1
    return out[:n]


@numba.njit(cache=True)
def _bulk_join_chunk(
    q: np.ndarray,
    h: np.ndarray,
    chunk: int,
    rho: int,
    radius: int,
    masks: np.ndarray,
    order: np.ndarray,
    starts: np.ndarray,
) -> np.ndarray:
    """Many queries at once: walk the buckets in order, so memory is read sequentially."""
    q_order, q_starts = _bucket(_chunk_keys(q, chunk))
    qs = q[q_order]
    hs = h[order]
    out = np.empty((1024, 3), np.int64)
    n = 0
    for u in range(_BUCKETS):
        a0, a1 = q_starts[u], q_starts[u + 1]
        if a0 == a1:
            continue
        for m in masks:
            v = u ^ m
            b0, b1 = starts[v], starts[v + 1]
            for x in range(a0, a1):
                for y in range(b0, b1):
                    d = _distance(qs, x, hs, y)
                    if d <= radius and not _found_earlier(qs, x, hs, y, chunk, rho):
                        out = _grow(out, n)
                        out[n, 0] = q_order[x]
                        out[n, 1] = order[y]
                        out[n, 2] = d
                        n += 1
    return out[:n]


@numba.njit(cache=True, parallel=True)
def _bulk_join(q: np.ndarray, h: np.ndarray, rho: int, radius: int, masks: np.ndarray) -> list[np.ndarray]:
    chunks = h.shape[1] * 4
    parts = [np.empty((0, 3), np.int64) for _ in range(chunks)]
    for c in numba.prange(chunks):
        order, starts = _bucket(_chunk_keys(h, c))
        parts[c] = _bulk_join_chunk(q, h, c, rho, radius, masks, order, starts)
    return parts


@numba.njit(cache=True, parallel=True)
def _self_join(h: np.ndarray, rho: int, radius: int, masks: np.ndarray) -> list[np.ndarray]:
    chunks = h.shape[1] * 4
    parts = [np.empty((0, 3), np.int64) for _ in range(chunks)]
    for c in numba.prange(chunks):
        parts[c] = _self_join_chunk(h, c, rho, radius, masks)
    return parts


@numba.njit(cache=True)
def _brute_pairs(h: np.ndarray, radius: int) -> np.ndarray:
    out = np.empty((1024, 3), np.int64)
    n = 0
    for i in range(h.shape[0]):
        for j in range(i + 1, h.shape[0]):
            d = _distance(h, i, h, j)
            if d <= radius:
                out = _grow(out, n)
                out[n, 0], out[n, 1], out[n, 2] = i, j, d
                n += 1
    return out[:n]


@numba.njit(cache=True)
def _brute_cross(q: np.ndarray, h: np.ndarray, radius: int) -> np.ndarray:
    out = np.empty((64, 3), np.int64)
    n = 0
    for i in range(q.shape[0]):
        for j in range(h.shape[0]):
            d = _distance(q, i, h, j)
            if d <= radius:
                out = _grow(out, n)
                out[n, 0], out[n, 1], out[n, 2] = i, j, d
                n += 1
    return out[:n]


def _masks(rho: int) -> np.ndarray:
    values = np.arange(_BUCKETS, dtype=np.int64)
    weights = np.bitwise_count(values)
    return values[weights <= rho][np.argsort(weights[weights <= rho], kind="stable")]


def as_words(hashes: np.ndarray) -> np.ndarray:
    """Check and normalise a hash array to C-contiguous ``(n, words)`` uint64."""
    arr = np.ascontiguousarray(hashes)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.dtype != np.uint64 or arr.ndim != 2 or arr.shape[1] < 1:
        raise ValueError(f"hashes must be (n, words) uint64, got {arr.dtype} {arr.shape}")
    return arr


def chunk_radius(radius: int, words: int) -> int:
    """Per-chunk radius that the pigeonhole principle guarantees for a full radius."""
    return radius // (words * 64 // CHUNK_BITS)


def _empty() -> np.ndarray:
    return np.empty((0, 3), np.int64)


def _sorted(pairs: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return _empty()
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def all_pairs(hashes: np.ndarray, radius: int) -> np.ndarray:
    """Every pair of rows within Hamming distance ``radius``.

    Args:
        hashes: ``(n, words)`` uint64.
        radius: largest distance reported (inclusive).

    Returns:
        ``(k, 3)`` int64 rows ``(i, j, distance)`` with ``i < j``, sorted by ``(i, j)``.
    """
    h = as_words(hashes)
    if radius < 0 or len(h) < 2:
        return _empty()
    rho = chunk_radius(radius, h.shape[1])
    if rho > MAX_CHUNK_RADIUS or len(h) < 512:
        return _sorted(_brute_pairs(h, radius))
    parts = _self_join(h, rho, radius, _masks(rho))
    return _sorted(np.concatenate(list(parts)) if parts else _empty())


@dataclass
class HammingIndex:
    """A multi-index over fixed hashes for repeated queries (query-by-image, hash-set matching)."""

    hashes: np.ndarray
    _orders: list[np.ndarray]
    _starts: list[np.ndarray]

    @classmethod
    def build(cls, hashes: np.ndarray) -> HammingIndex:
        h = as_words(hashes)
        orders, starts = [], []
        for c in range(h.shape[1] * 4):
            order, start = _bucket(_chunk_keys(h, c))
            orders.append(order.astype(np.int32) if len(h) < 2**31 else order)
            starts.append(start)
        return cls(h, orders, starts)

    def __len__(self) -> int:
        return len(self.hashes)

    @property
    def nbytes(self) -> int:
        return int(self.hashes.nbytes + sum(o.nbytes for o in self._orders) + sum(s.nbytes for s in self._starts))

    def query(self, queries: np.ndarray, radius: int, max_chunk_radius: int | None = None) -> np.ndarray:
        """Rows of the index within ``radius`` of each query.

        Args:
            max_chunk_radius: probe each chunk only this far (fewer candidates, much faster on
                large collections). Pairs within ``radius`` are then found when at least one
                chunk is within it: all pairs up to ``(max_chunk_radius + 1) * chunks - 1``,
                most beyond. None: exact (the pigeonhole radius).

        Returns:
            ``(k, 3)`` int64 rows ``(query row, index row, distance)`` sorted by both rows.
        """
        q = as_words(queries)
        if q.shape[1] != self.hashes.shape[1]:
            raise ValueError("query and index hashes differ in length")
        if radius < 0 or len(self.hashes) == 0 or len(q) == 0:
            return _empty()
        rho = chunk_radius(radius, q.shape[1])
        if max_chunk_radius is not None and max_chunk_radius < rho:
            rho = max_chunk_radius
        elif rho > MAX_CHUNK_RADIUS or len(self.hashes) < 256:
            return _sorted(_brute_cross(q, self.hashes, radius))
        masks = _masks(rho)
        plan = _cheapest(len(q), len(self.hashes), q.shape[1], len(masks))
        if plan == "scan":
            return _sorted(_brute_cross(q, self.hashes, radius))
        if plan == "bulk":
            return _sorted(np.concatenate(list(_bulk_join(q, self.hashes, rho, radius, masks))))
        parts = [
            _cross_join_chunk(q, self.hashes, c, rho, radius, masks, self._orders[c], self._starts[c])
            for c in range(len(self._orders))
        ]
        return _sorted(np.concatenate(parts))


def brute_force_pairs(hashes: np.ndarray, radius: int) -> np.ndarray:
    """The oracle: plain numpy XOR + popcount over every pair (slow; tests and benchmarks only)."""
    h = as_words(hashes)
    rows = []
    for i in range(len(h) - 1):
        d = np.bitwise_count(h[i + 1 :] ^ h[i]).sum(axis=1)
        js = np.nonzero(d <= radius)[0]
        rows.extend((i, i + 1 + int(j), int(d[j])) for j in js)
    return np.array(rows, np.int64).reshape(-1, 3)


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distances between rows of ``a`` and ``b`` (broadcasting), numpy only."""
    return np.bitwise_count(np.bitwise_xor(a, b)).sum(axis=-1)


def random_hashes(n: int, words: int, seed: int = 0) -> np.ndarray:
    """Uniform random hashes (benchmarks and tests)."""
    return np.random.default_rng(seed).integers(0, 2**64, size=(n, words), dtype=np.uint64)


def expected_candidates(n: int, radius: int, words: int) -> float:
    """Rough count of chunk collisions all_pairs checks on uniform random data."""
    rho = chunk_radius(radius, words)
    per_chunk = sum(math.comb(CHUNK_BITS, k) for k in range(rho + 1)) / _BUCKETS
    return n * (n - 1) / 2 * per_chunk * words * 4
