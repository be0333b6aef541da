"""Near-duplicate matches between images, and the connected groups (clusters) they form.

One distance scale for the analyst: bits of a 64-bit pHash (0 = same picture, 32 = unrelated).
A pair's distance is the smallest of three kinds of evidence, each over every dihedral variant
(mirror, rotations) and every view (whole image, frame-trimmed):

- ``phash``: whole-view pHash distance.
- ``window``: one image's view against a 90 % sub-window of the other (a crop), plus
  ``WINDOW_PENALTY`` because windows of unrelated photos meet a little more often.
- ``pdq``: PDQ distance divided by 4 (256 bits to the 64-bit scale), rounded up; only within
  47 (PDQ's own reference distance is 31).

The default threshold is calibrated on real photos (benchmarks/dedup_accuracy.py; docs/dedup.md).
Exact duplicates (same SHA-256) always match, with distance 0 and kind ``exact``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from workstation.dedup.index import HammingIndex
from workstation.dedup.phash import DIHEDRAL, ImageHashes
from workstation.progress import Progress

if TYPE_CHECKING:
    from PIL import Image

    from workstation.dedup.verify import PixelSource

from workstation.dedup import DEFAULT_THRESHOLD  # noqa: E402,F401  (re-exported)

WINDOW_PENALTY = 4
PDQ_BITS_PER_UNIT = 4
# PDQ counts as evidence only up to 47 of 256 bits: on the benchmark nothing beyond it was a true
# match that pHash had missed, and 47 keeps the search at 2 bits per 16-bit chunk (48 would make
# it 3, five times slower). Meta's reference matching distance is 31.
PDQ_MAX = 47
# Dihedral variant k turns A into B; the variant that turns B back into A.
DIHEDRAL_INVERSE = (0, 3, 2, 1, 4, 5, 6, 7)
# The local-feature check looks this far beyond the threshold, at pairs whose best PDQ distance
# is within the gate (unrelated photos: 80-256 on the benchmark; checked true pairs: 14-100).
VERIFY_MARGIN = 10
VERIFY_PDQ_GATE = 100
# A size change this large (relative, long side) is named in the description.
RESIZE_NOTED = 0.05
_KIND_ORDER = {"exact": 0, "phash": 1, "pdq": 2, "window": 3}


@dataclass(frozen=True)
class Evidence:
    """Why two images match: the best evidence found, on the 64-bit pHash scale.

    Attributes:
        distance: comparable across kinds; a match when <= the threshold.
        kind: ``exact``, ``phash``, ``pdq`` or ``window``.
        transform: how the second image is oriented relative to the first (``DIHEDRAL`` name).
        trimmed: a border or UI frame was peeled off one of the two before matching.
        cropped: one image matches a sub-window of the other.
        raw: the distance in the hash that matched (bits of 64 or of 256).
        verified: for a pair beyond the threshold that the local-feature check confirmed, how
            many features agreed (0: matched on hashes alone).
        scale: the second image's long side relative to the first's (1.0: same size).
    """

    distance: int
    kind: str
    transform: str = "identity"
    trimmed: bool = False
    cropped: bool = False
    raw: int = 0
    verified: int = 0
    scale: float = 1.0

    def describe(self) -> str:
        """Short human text, e.g. ``mirror, cropped, re-encoded/edited``."""
        if self.kind == "exact":
            return "exact copy (same SHA-256)"
        parts = [] if self.transform == "identity" else [self.transform]
        if self.trimmed:
            parts.append("border/frame removed")
        if self.cropped:
            parts.append("cropped")
        if abs(self.scale - 1) >= RESIZE_NOTED:
            parts.append(f"resized to {round(self.scale * 100)} %")
        # Not the same file (that would be ``exact``): never "same picture", which an analyst
        # reads as identical. Equal hashes still mean a re-encoded (or resized) copy.
        parts.append("re-encoded/edited" if self.raw else "re-encoded, hashes equal")
        if self.verified:
            parts.append(f"confirmed by {self.verified} matching local features")
        return ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "distance": self.distance,
            "kind": self.kind,
            "transformation": self.describe(),
            "orientation": self.transform,
            "trimmed": self.trimmed,
            "cropped": self.cropped,
            "raw_distance": self.raw,
            "verified_features": self.verified,
            "scale": self.scale,
        }


EXACT = Evidence(0, "exact")


def _better(a: Evidence | None, b: Evidence) -> Evidence:
    if a is None:
        return b
    return b if (b.distance, _KIND_ORDER[b.kind]) < (a.distance, _KIND_ORDER[a.kind]) else a


def _pop(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x)


def compare(a: ImageHashes, b: ImageHashes) -> Evidence:
    """The best evidence that ``b`` is a near-duplicate of ``a`` (any distance)."""
    best: Evidence | None = None
    for va in a.views:
        for vb in b.views:
            trimmed = va.name != "full" or vb.name != "full"
            if not trimmed and a.framed and b.framed:
                continue
            d = _pop(va.phash ^ vb.phash[0]).astype(int)
            k = int(np.argmin(d))
            best = _better(best, Evidence(int(d[k]), "phash", DIHEDRAL[k], trimmed, False, int(d[k])))
            dq = _pop(va.pdq ^ vb.pdq[0]).sum(axis=1).astype(int)
            k = int(np.argmin(dq))
            if dq[k] <= PDQ_MAX:
                scaled = -(-int(dq[k]) // PDQ_BITS_PER_UNIT)
                best = _better(best, Evidence(scaled, "pdq", DIHEDRAL[k], trimmed, False, int(dq[k])))
    for x, y in ((a, b), (b, a)):
        if len(y.windows) == 0:
            continue
        for v in x.views:
            d = _pop(v.phash[:, None] ^ y.windows[None, :]).astype(int)
            k, _ = np.unravel_index(int(np.argmin(d)), d.shape)
            raw = int(d.min())
            # x transformed by k matches a window of y; express b relative to a.
            transform = DIHEDRAL[k] if x is a else DIHEDRAL[DIHEDRAL_INVERSE[k]]
            ev = Evidence(raw + WINDOW_PENALTY, "window", transform, v.name != "full", True, raw)
            best = _better(best, ev)
    assert best is not None  # every ImageHashes has at least one view
    long_a, long_b = max(a.width, a.height), max(b.width, b.height)
    return replace(best, scale=round(long_b / long_a, 2)) if long_a > 0 and long_b != long_a else best


@dataclass
class _Table:
    """Flattened hashes of many images, for the index joins."""

    view_owner: np.ndarray  # (V,) image index of each view
    view_phash: np.ndarray  # (V, 8) uint64
    view_pdq: np.ndarray  # (V, 8, 4) uint64
    window_owner: np.ndarray  # (W,)
    windows: np.ndarray  # (W,) uint64

    @classmethod
    def build(cls, hashes: Sequence[ImageHashes | None]) -> _Table:
        owners, ph, pdq, w_owner, wins = [], [], [], [], []
        for i, h in enumerate(hashes):
            if h is None or h.flat:
                continue
            for v in h.views:
                owners.append(i)
                ph.append(v.phash)
                pdq.append(v.pdq)
            w_owner.extend([i] * len(h.windows))
            wins.extend(h.windows.tolist())
        return cls(
            np.array(owners, np.int64),
            np.array(ph, np.uint64).reshape(-1, 8),
            np.array(pdq, np.uint64).reshape(-1, 8, 4),
            np.array(w_owner, np.int64),
            np.array(wins, np.uint64),
        )


# Above this many images the search probes each 16-bit chunk of a hash less far than the
# pigeonhole principle needs (``SEARCH_CHUNK_RADIUS``): the exact search's candidates grow with
# the square of the case (at threshold 12 each 16-bit chunk is probed 3 bits deep, ~4 % of all
# pairs are candidates); probing 2 bits deep still finds every pHash pair up to 11 bits (pHash
# distances are even: every pair up to 10) and ~97 % of those at exactly 12, windows up to 7 raw
# bits (~95 % at 8), PDQ up to 31. Measured on the real benchmark photos: benchmarks/RESULTS.md.
EXACT_SEARCH_MAX = 20_000
SEARCH_CHUNK_RADIUS = {"phash": 2, "window": 1, "pdq": 1}


def _caps(n: int, exact: bool | None) -> dict[str, int | None]:
    if exact is None:
        exact = n <= EXACT_SEARCH_MAX
    return {k: None if exact else v for k, v in SEARCH_CHUNK_RADIUS.items()}


def candidate_pairs(hashes: Sequence[ImageHashes | None], threshold: int, exact: bool | None = None) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, that some evidence puts within ``threshold``.

    Args:
        exact: every such pair (True), or the chunk-capped search (False; see
            ``EXACT_SEARCH_MAX``); None: exact up to ``EXACT_SEARCH_MAX`` images.
    """
    t = _Table.build(hashes)
    if len(t.view_owner) == 0:
        return np.empty((0, 2), np.int64)
    caps = _caps(len(hashes), exact)
    found = []
    q_owner = np.repeat(t.view_owner, 8)
    ph_index = HammingIndex.build(t.view_phash[:, 0].copy())
    hits = ph_index.query(t.view_phash.reshape(-1, 1), threshold, caps["phash"])
    found.append(np.stack([q_owner[hits[:, 0]], t.view_owner[hits[:, 1]]], axis=1))
    if len(t.windows) and threshold >= WINDOW_PENALTY:
        w_index = HammingIndex.build(t.windows)
        hits = w_index.query(t.view_phash.reshape(-1, 1), threshold - WINDOW_PENALTY, caps["window"])
        found.append(np.stack([q_owner[hits[:, 0]], t.window_owner[hits[:, 1]]], axis=1))
    pdq_index = HammingIndex.build(t.view_pdq[:, 0].copy())
    radius = min(threshold * PDQ_BITS_PER_UNIT, PDQ_MAX)
    hits = pdq_index.query(t.view_pdq.reshape(-1, 4), radius, caps["pdq"])
    found.append(np.stack([q_owner[hits[:, 0]], t.view_owner[hits[:, 1]]], axis=1))
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.sort(pairs, axis=1)
    return np.unique(pairs, axis=0) if len(pairs) else np.empty((0, 2), np.int64)


def find_matches(
    hashes: Sequence[ImageHashes | None],
    threshold: int = DEFAULT_THRESHOLD,
    pixels: PixelSource | None = None,
    progress: Progress | None = None,
    exact: bool | None = None,
) -> list[tuple[int, int, Evidence]]:
    """Every pair of images within ``threshold``, with its evidence.

    Args:
        hashes: one entry per image (``None`` for images without hashes).
        threshold: largest distance that matches (64-bit pHash scale).
        pixels: image index -> its thumbnail. When given, pairs up to ``VERIFY_MARGIN`` beyond
            the threshold are checked on local features (:mod:`workstation.dedup.verify`) and
            match when enough features agree; their evidence keeps the hash distance and
            carries ``verified``.
        progress: reports the feature check.
        exact: as :func:`candidate_pairs`.

    Returns:
        ``(i, j, evidence)`` with ``i < j`` indexes into ``hashes``, sorted.
    """
    out = []
    for i, j in candidate_pairs(hashes, threshold, exact).tolist():
        a, b = hashes[i], hashes[j]
        assert a is not None and b is not None
        ev = compare(a, b)
        if ev.distance <= threshold:
            out.append((i, j, ev))
    if pixels is not None:
        out.extend(verified_matches(hashes, threshold, pixels, {(i, j) for i, j, _ in out}, progress, exact))
        out.sort(key=lambda m: (m[0], m[1]))
    return out


def _pdq_views(hashes: Sequence[ImageHashes | None]) -> tuple[np.ndarray, np.ndarray]:
    """(n, 8, 4) PDQ of every image's first and last view (zeros for images without hashes)."""
    n = len(hashes)
    first = np.zeros((n, 8, 4), np.uint64)
    last = np.zeros((n, 8, 4), np.uint64)
    for i, h in enumerate(hashes):
        if h is not None:
            first[i] = h.views[0].pdq
            last[i] = h.views[-1].pdq
    return first, last


def _pdq_min(views: tuple[np.ndarray, np.ndarray], pairs: np.ndarray) -> np.ndarray:
    """Per pair, the smallest PDQ distance over both images' views and every orientation."""
    a, b = pairs[:, 0], pairs[:, 1]
    best = np.full(len(pairs), 256, np.int64)
    for va in views:
        for vb in views:
            d = np.bitwise_count(va[a] ^ vb[b][:, None, 0, :]).sum(-1).min(-1)
            best = np.minimum(best, d)
    return best


def trimmed_pixels(hashes: Sequence[ImageHashes | None], pixels: PixelSource) -> PixelSource:
    """The thumbnails cut to each image's trimmed view (borders, canvas and UI frames removed).

    The local-feature check must look at the picture, not at its frame: a photo pasted on a plain
    canvas has sharp corners where the canvas meets it, and those matched the corners of unrelated
    photos' edges often enough (17 agreeing features on one benchmark pair) to pass the check.
    """

    def source(index: int) -> Image.Image | None:
        img = pixels(index)
        h = hashes[index] if 0 <= index < len(hashes) else None
        if img is None or h is None or len(h.views) < 2 or h.width <= 0 or h.height <= 0:
            return img
        x0, y0, x1, y1 = h.views[-1].box
        fx, fy = img.width / h.width, img.height / h.height
        box = (round(x0 * fx), round(y0 * fy), round(x1 * fx), round(y1 * fy))
        if box[2] - box[0] < 16 or box[3] - box[1] < 16:
            return img
        return img.crop(box)

    return source


# Query rows per step of the search beyond the threshold: its raw hits (most pairs of a case lie
# within threshold + margin of *some* orientation or window) are gated on PDQ step by step, so
# memory stays bounded.
_GREY_STEP = 2048


def _grey_candidates(hashes: Sequence[ImageHashes | None], reach: int, exact: bool | None = None) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, within ``reach`` on pHash views or windows whose best PDQ
    distance passes ``VERIFY_PDQ_GATE`` (all of them, or the chunk-capped search's: see
    :func:`candidate_pairs`)."""
    caps = _caps(len(hashes), exact)
    t = _Table.build(hashes)
    if len(t.view_owner) == 0:
        return np.empty((0, 2), np.int64)
    pdq = _pdq_views(hashes)
    ph_index = HammingIndex.build(t.view_phash[:, 0].copy())
    w_index = HammingIndex.build(t.windows) if len(t.windows) and reach >= WINDOW_PENALTY else None
    queries = t.view_phash.reshape(-1, 1)
    q_owner = np.repeat(t.view_owner, 8)
    kept = []
    for start in range(0, len(queries), _GREY_STEP):
        q, owner = queries[start : start + _GREY_STEP], q_owner[start : start + _GREY_STEP]
        hits = ph_index.query(q, reach, caps["phash"])
        parts = [np.stack([owner[hits[:, 0]], t.view_owner[hits[:, 1]]], axis=1)]
        if w_index is not None:
            hits = w_index.query(q, reach - WINDOW_PENALTY, caps["window"])
            parts.append(np.stack([owner[hits[:, 0]], t.window_owner[hits[:, 1]]], axis=1))
        pairs = np.concatenate(parts)
        pairs = np.sort(pairs[pairs[:, 0] != pairs[:, 1]], axis=1)
        if len(pairs):
            pairs = np.unique(pairs, axis=0)
            kept.append(pairs[_pdq_min(pdq, pairs) <= VERIFY_PDQ_GATE])
    if not kept:
        return np.empty((0, 2), np.int64)
    return np.unique(np.concatenate(kept), axis=0)


def verified_matches(
    hashes: Sequence[ImageHashes | None],
    threshold: int,
    pixels: PixelSource,
    known: set[tuple[int, int]] | None = None,
    progress: Progress | None = None,
    exact: bool | None = None,
) -> list[tuple[int, int, Evidence]]:
    """Pairs just beyond ``threshold`` that the local-feature check confirms.

    Candidates are pairs within ``threshold + VERIFY_MARGIN`` on the hashes whose best PDQ
    distance is at most ``VERIFY_PDQ_GATE`` (cheap evidence that the pictures are related at
    all: it keeps the slower check to a few pairs per image). ``known`` pairs are skipped.
    """
    from workstation.dedup.verify import MIN_INLIERS, Verifier

    known = known or set()
    todo = []
    for i, j in _grey_candidates(hashes, threshold + VERIFY_MARGIN, exact).tolist():
        if (i, j) in known:
            continue
        a, b = hashes[i], hashes[j]
        assert a is not None and b is not None
        ev = compare(a, b)
        if threshold < ev.distance <= threshold + VERIFY_MARGIN:
            todo.append((i, j, ev))
    verifier = Verifier(trimmed_pixels(hashes, pixels))
    out = []
    if progress is not None:
        progress.start(len(todo), "checking local features")
    for i, j, ev in todo:
        agreeing = verifier.agreeing(i, j, ev.transform)
        if agreeing >= MIN_INLIERS:
            out.append((i, j, replace(ev, verified=agreeing)))
        if progress is not None:
            progress.step()
    return out


@dataclass(frozen=True)
class Member:
    """One image in a cluster.

    Attributes:
        index: position in the ``hashes`` given to :func:`build_clusters`.
        evidence: direct comparison with the cluster's first member (None for the first).
        linked_to: the member whose link brought this one into the cluster (its parent in the
            cluster's tree of accepted links, rooted at the first member); None for the first.
        link: the evidence of that link. Following ``linked_to`` from any member reaches the
            first one, so every member's place in the cluster is explained pair by pair.
    """

    index: int
    evidence: Evidence | None  # None for the first member
    linked_to: int | None = None
    link: Evidence | None = None


@dataclass(frozen=True)
class Cluster:
    members: list[Member]
    pairs: list[tuple[int, int, Evidence]] = field(default_factory=list)


@dataclass(frozen=True)
class HeldApart:
    """A match that would have joined two clusters but lacked the evidence to (not chained).

    Attributes:
        a, b: the two images of the match (indexes, ``a < b``).
        evidence: the match's evidence.
        sizes: sizes of the two clusters it would have joined, at that moment.
        support: members of the smaller cluster that match the other one directly.
        features: agreeing local features when the check was run on the pair (-1: not run).
    """

    a: int
    b: int
    evidence: Evidence
    sizes: tuple[int, int]
    support: int
    features: int = -1


@dataclass(frozen=True)
class Linkage:
    clusters: list[Cluster]
    held_apart: list[HeldApart]


# A match joins two clusters of two or more images only with stronger evidence than a match
# inside one (otherwise one false match merges two groups of copies: every pair across them would
# be reported as a duplicate). Any one of these is enough:
# - the link is an exact copy or within STRONG_DISTANCE (hash distances this small did not occur
#   between unrelated photos on the benchmarks: benchmarks/RESULTS.md, "Clusters"),
# - the local-feature check confirms the linking pair (already, or when it is run on it now),
# - SUPPORT: at least half, and at least two, of the smaller cluster's members match the other
#   cluster directly (a merge backed by several member pairs, not by one).
# A single image joining a cluster needs the match alone: a copy more edited than the rest
# (text, crop, combined edits) often matches only its original.
STRONG_DISTANCE = 6
# Agreeing local features that let one link join two clusters (a single image joins on the
# check's own MIN_INLIERS, 15): unrelated benchmark pairs reached 15-17 once the padded and
# framed copies were added, true copies have dozens to hundreds.
MERGE_FEATURES = 30
SUPPORT_SHARE = 0.5
SUPPORT_MIN = 2


def _strength(ev: Evidence) -> tuple[int, int, int]:
    """Sort key: exact copies, then closest, confirmed pairs before unconfirmed at one distance."""
    return (ev.distance, 0 if ev.verified else 1, _KIND_ORDER[ev.kind])


def _support(
    small: list[int], large: int, neighbours: dict[int, set[int]], find: Callable[[int], int]
) -> tuple[int, int]:
    """(members of ``small`` matching the cluster ``large`` directly, matching pairs across)."""
    covered = cross = 0
    for x in small:
        k = sum(1 for y in neighbours.get(x, ()) if find(y) == large)
        covered += k > 0
        cross += k
    return covered, cross


def link_clusters(
    hashes: Sequence[ImageHashes | None],
    matches: Sequence[tuple[int, int, Evidence]],
    sha256s: Sequence[str] | None = None,
    pixels: PixelSource | None = None,
) -> Linkage:
    """Clusters from matches without chaining, and the matches held apart.

    Matches are taken strongest first (Kruskal's order). A match between two images already in
    one cluster only adds a pair; one that brings a single image into a cluster joins it; one
    that would join two clusters of two or more images needs stronger evidence (see
    ``STRONG_DISTANCE``): when it has none it is *held apart* and reported as such.

    Args:
        hashes: as given to :func:`find_matches`.
        matches: its result (pairs ``i < j``).
        sha256s: content hash per image; equal ones are exact copies and always together.
        pixels: thumbnails for the local-feature check of a contested link (optional).

    Returns:
        Clusters of two or more images, members in index order; the first member is the
        reference every other member's ``evidence`` (direct comparison) is relative to, and
        ``linked_to``/``link`` name the accepted link that brought each member in. Sorted by
        size (largest first), then by first member.
    """
    n = len(hashes)
    links: dict[tuple[int, int], Evidence] = {}
    for i, j, ev in matches:
        key = (min(i, j), max(i, j))
        links[key] = ev if key not in links else _better(links[key], ev)
    if sha256s is not None:
        first_of: dict[str, int] = {}
        for i, sha in enumerate(sha256s):
            if sha in first_of:
                links[(first_of[sha], i)] = EXACT
            else:
                first_of[sha] = i
    neighbours: dict[int, set[int]] = {}
    for i, j in links:
        neighbours.setdefault(i, set()).add(j)
        neighbours.setdefault(j, set()).add(i)

    parent = list(range(n))
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def group(root: int) -> list[int]:
        return members.get(root) or [root]

    verifier = None
    if pixels is not None:
        from workstation.dedup.verify import Verifier

        verifier = Verifier(trimmed_pixels(hashes, pixels))

    tree: dict[int, list[tuple[int, Evidence]]] = {}
    held: list[HeldApart] = []
    for (i, j), ev in sorted(links.items(), key=lambda kv: (_strength(kv[1]), kv[0])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        small, large = sorted((ri, rj), key=lambda r: (len(group(r)), r))
        size_small, size_large = len(group(small)), len(group(large))
        accept = (
            size_large == 1
            or ev.kind == "exact"
            or ev.distance <= STRONG_DISTANCE
            or ev.verified >= (MERGE_FEATURES if size_small > 1 else 1)
        )
        support = 0
        features = -1
        if not accept:
            support, cross = _support(group(small), large, neighbours, find)
            need = max(SUPPORT_MIN if size_small > 1 else 1, SUPPORT_SHARE * size_small)
            accept = support >= need and cross >= SUPPORT_MIN
        if not accept and verifier is not None:
            from workstation.dedup.verify import MIN_INLIERS

            features = verifier.agreeing(i, j, ev.transform)
            accept = features >= (MERGE_FEATURES if size_small > 1 else MIN_INLIERS)
        if not accept:
            held.append(HeldApart(i, j, ev, (len(group(ri)), len(group(rj))), support, features))
            continue
        parent[small] = large
        members.setdefault(large, [large]).extend(members.pop(small, [small]))
        tree.setdefault(i, []).append((j, ev))
        tree.setdefault(j, []).append((i, ev))

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    pairs_of: dict[int, list[tuple[int, int, Evidence]]] = {}
    for (i, j), ev in sorted(links.items()):
        if find(i) == find(j):
            pairs_of.setdefault(groups[find(i)][0], []).append((i, j, ev))
    clusters = []
    for group_members in groups.values():
        if len(group_members) < 2:
            continue
        first = group_members[0]
        # Each member's parent on the tree of accepted links, walked from the first member.
        via: dict[int, tuple[int, Evidence]] = {}
        todo, seen = [first], {first}
        while todo:
            x = todo.pop()
            for y, ev in tree.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    via[y] = (x, ev)
                    todo.append(y)
        out = [Member(first, None)]
        for m in group_members[1:]:
            direct = _direct(hashes, sha256s, first, m)
            confirmed = links.get((first, m))
            if confirmed is not None and confirmed.verified and direct is not None and direct.kind != "exact":
                direct = confirmed  # the hashes alone put it beyond the threshold: keep the check's result
            linked, link = via[m]
            out.append(Member(m, direct, linked, link))
        clusters.append(Cluster(out, pairs_of.get(first, [])))
    clusters.sort(key=lambda c: (-len(c.members), c.members[0].index))
    return Linkage(clusters, held)


def build_clusters(
    hashes: Sequence[ImageHashes | None],
    matches: Sequence[tuple[int, int, Evidence]],
    sha256s: Sequence[str] | None = None,
    pixels: PixelSource | None = None,
) -> list[Cluster]:
    """Groups of matching images, exact copies included, without chained merges.

    See :func:`link_clusters` (this returns its clusters only).
    """
    return link_clusters(hashes, matches, sha256s, pixels).clusters


def _direct(hashes: Sequence[ImageHashes | None], sha256s: Sequence[str] | None, a: int, b: int) -> Evidence | None:
    if sha256s is not None and sha256s[a] == sha256s[b]:
        return EXACT
    ha, hb = hashes[a], hashes[b]
    if ha is None or hb is None:
        return None
    return compare(ha, hb)


def query_matches(
    query: ImageHashes,
    hashes: Sequence[ImageHashes | None],
    threshold: int = DEFAULT_THRESHOLD,
    query_pixels: Image.Image | None = None,
    pixels: PixelSource | None = None,
) -> list[tuple[int, Evidence]]:
    """Images among ``hashes`` that match one query image, best first.

    Args:
        query_pixels, pixels: the query's thumbnail and the collection's; when both are given,
            images up to ``VERIFY_MARGIN`` beyond the threshold match if the local-feature check
            confirms them (see :func:`find_matches`).

    Returns:
        ``(index into hashes, evidence of that image relative to the query)``.
    """
    if query.flat:
        return []
    t = _Table.build(hashes)
    if len(t.view_owner) == 0:
        return []
    verify = query_pixels is not None and pixels is not None
    reach = threshold + VERIFY_MARGIN if verify else threshold
    q_ph = np.concatenate([v.phash for v in query.views]).reshape(-1, 1)
    q_pdq = np.concatenate([v.pdq for v in query.views])
    owners: set[int] = set()
    hits = HammingIndex.build(t.view_phash[:, 0].copy()).query(q_ph, reach)
    owners.update(t.view_owner[hits[:, 1]].tolist())
    pdq_radius = min(threshold * PDQ_BITS_PER_UNIT, PDQ_MAX)
    hits = HammingIndex.build(t.view_pdq[:, 0].copy()).query(q_pdq, pdq_radius)
    owners.update(t.view_owner[hits[:, 1]].tolist())
    if reach >= WINDOW_PENALTY:
        radius = reach - WINDOW_PENALTY
        if len(t.windows):
            hits = HammingIndex.build(t.windows).query(q_ph, radius)
            owners.update(t.window_owner[hits[:, 1]].tolist())
        if len(query.windows):
            # The query as a crop of a case image: its windows against every orientation.
            all_variants = t.view_phash.reshape(-1, 1)
            hits = HammingIndex.build(all_variants).query(query.windows.reshape(-1, 1), radius)
            owners.update(np.repeat(t.view_owner, 8)[hits[:, 1]].tolist())
    out = []
    grey = []
    for i in sorted(owners):
        h = hashes[i]
        assert h is not None
        ev = compare(query, h)
        if ev.distance <= threshold:
            out.append((i, ev))
        elif ev.distance <= reach:
            grey.append((i, ev))
    if verify and grey:
        from workstation.dedup.verify import MIN_INLIERS, Verifier

        assert pixels is not None
        # Only the query and the few images beyond the threshold, not the whole collection.
        involved = [query, *(hashes[i] for i, _ in grey)]
        gate = _pdq_min(_pdq_views(involved), np.array([(0, k + 1) for k in range(len(grey))], np.int64))
        query_trimmed = trimmed_pixels([query], lambda k: query_pixels)(0)
        collection = trimmed_pixels(hashes, pixels)
        verifier = Verifier(lambda k: query_trimmed if k < 0 else collection(k))
        for (i, ev), pdq in zip(grey, gate.tolist(), strict=True):
            if pdq <= VERIFY_PDQ_GATE:
                agreeing = verifier.agreeing(-1, i, ev.transform)
                if agreeing >= MIN_INLIERS:
                    out.append((i, replace(ev, verified=agreeing)))
    out.sort(key=lambda r: (r[1].distance, r[0]))
    return out
