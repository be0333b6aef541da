"""Clusters do not chain: one weak match between two groups of copies does not merge them."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageEnhance

from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph
from workstation.dedup import synthetic


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


@pytest.fixture(scope="module")
def two_groups() -> tuple[list[ph.ImageHashes | None], list[int]]:
    """Two photos, each with its copies; group label per image."""
    hashes: list[ph.ImageHashes | None] = []
    groups = []
    for g, seed in enumerate((71, 72)):
        base = synthetic.photo(seed)
        hashes.append(ph.compute(base))
        groups.append(g)
        for name in ("resized", "mirrored", "phone", "brighter"):
            hashes.append(ph.compute(synthetic.variants(base)[name]))
            groups.append(g)
    return hashes, groups


def _sets(clusters: list[cl.Cluster]) -> list[set[int]]:
    return [{m.index for m in c.members} for c in clusters]


def test_one_weak_link_between_two_groups_is_held_apart(
    two_groups: tuple[list[ph.ImageHashes | None], list[int]],
) -> None:
    hashes, groups = two_groups
    matches = cl.find_matches(hashes)
    assert all(groups[i] == groups[j] for i, j, _ in matches)
    # One false match between a copy in each group, as unrelated photos produce at the threshold.
    a, b = groups.index(0) + 3, groups.index(1) + 2
    weak = cl.Evidence(12, "phash", "identity", raw=12)
    single_link = cl.link_clusters(hashes, [*matches, (a, b, weak)])
    assert _sets(single_link.clusters) == [
        {i for i, g in enumerate(groups) if g == 0},
        {i for i, g in enumerate(groups) if g == 1},
    ]
    assert [(h.a, h.b) for h in single_link.held_apart] == [(a, b)]
    assert single_link.held_apart[0].sizes == (5, 5) and single_link.held_apart[0].support == 1

    # The same link with strong evidence (many agreeing local features) does join them ...
    strong = cl.Evidence(12, "phash", "identity", raw=12, verified=cl.MERGE_FEATURES + 5)
    joined = cl.link_clusters(hashes, [*matches, (a, b, strong)])
    assert _sets(joined.clusters) == [set(range(len(hashes)))]
    # ... and the member it brought in names that link.
    crossing = [
        m for m in joined.clusters[0].members if m.linked_to is not None and groups[m.index] != groups[m.linked_to]
    ]
    assert len(crossing) == 1 and {crossing[0].index, crossing[0].linked_to} == {a, b}
    assert crossing[0].link == strong

    # A single image is not pulled into a group by one weak match either: it needs a second
    # member of the group to match it, or a confirmed link.
    lone = len(hashes)
    extra: list[ph.ImageHashes | None] = [*hashes, ph.compute(synthetic.photo(73))]
    held = cl.link_clusters(extra, [*matches, (a, lone, weak)])
    assert all(lone not in s for s in _sets(held.clusters))
    backed = cl.link_clusters(extra, [*matches, (a, lone, weak), (a - 1, lone, weak)])
    assert any(lone in s and a in s for s in _sets(backed.clusters))


def test_a_chain_of_genuine_copies_stays_together() -> None:
    """Copies of copies, each a little more edited: neighbours match, the ends do not."""
    imgs = [synthetic.photo(64)]
    for k in range(5):
        prev = imgs[-1]
        w, h = prev.size
        step = prev.crop((w // 25, h // 25, w, h)).resize((w, h))
        step = synthetic.with_phone_number(step, f"+31 6 {k}{k}{k}{k} 0000")
        imgs.append(_jpeg(ImageEnhance.Brightness(step).enhance(1.06), 70))
    hashes: list[ph.ImageHashes | None] = [ph.compute(i) for i in imgs]
    a0, a5 = hashes[0], hashes[-1]
    assert a0 is not None and a5 is not None
    assert cl.compare(a0, a5).distance > cl.DEFAULT_THRESHOLD  # a real chain
    thumbs = [i.resize((256, 192)) for i in imgs]  # as the import stores them

    def pixels(i: int) -> Image.Image:
        return thumbs[i]

    linkage = cl.link_clusters(hashes, cl.find_matches(hashes, pixels=pixels), pixels=pixels)
    groups = linkage.clusters
    assert _sets(groups) == [set(range(len(imgs)))]
    assert linkage.held_apart == []
    # On hashes alone a link between two halves of the chain is not enough: it is reported.
    alone = cl.link_clusters(hashes, cl.find_matches(hashes))
    if len(alone.clusters) > 1:
        assert alone.held_apart and all(h.features == -1 for h in alone.held_apart)
    members = {m.index: m for m in groups[0].members}
    for m in members.values():  # every member reaches the reference through accepted links
        seen = {m.index}
        while m.linked_to is not None:
            assert m.link is not None and m.link.distance <= cl.DEFAULT_THRESHOLD
            m = members[m.linked_to]
            assert m.index not in seen
            seen.add(m.index)
        assert m.index == groups[0].members[0].index


def test_exact_copies_are_linked_to_each_other() -> None:
    """Two byte-identical copies of an edited photo: one names the other as its exact copy."""
    base = synthetic.photo(81)
    edited = ph.compute(_jpeg(synthetic.with_phone_number(base), 60))
    hashes: list[ph.ImageHashes | None] = [ph.compute(base), edited, edited]
    groups = cl.build_clusters(hashes, cl.find_matches(hashes), ["sha-a", "sha-b", "sha-b"])
    (only,) = groups
    twin = next(m for m in only.members if m.linked_to is not None and m.link == cl.EXACT)
    assert {twin.index, twin.linked_to} == {1, 2}
    assert twin.link is not None and twin.link.describe() == "exact copy (same SHA-256)"


def test_a_resized_copy_is_not_called_the_same_picture() -> None:
    base = synthetic.photo(82)
    small = _jpeg(base.resize((base.width * 6 // 10, base.height * 6 // 10)), 70)
    ev = cl.compare(ph.compute(base), ph.compute(small))
    assert ev.distance <= cl.DEFAULT_THRESHOLD
    assert "same picture" not in ev.describe()
    assert "resized to 60 %" in ev.describe()


_link = st.tuples(st.integers(0, 11), st.integers(0, 11), st.integers(0, 12), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(_link, max_size=40))
def test_linkage_against_connected_components(raw: list[tuple[int, int, int, bool]]) -> None:
    """Oracle: with only strong links the clusters are the connected components (brute force);
    with any links they refine them, and every member reaches the first through accepted links."""
    n = 12
    hashes: list[ph.ImageHashes | None] = [None] * n
    matches = {}
    for i, j, d, verified in raw:
        if i != j:
            ev = cl.Evidence(d, "phash", raw=d, verified=cl.MERGE_FEATURES if verified else 0)
            matches[(min(i, j), max(i, j))] = ev

    def components(pairs: list[tuple[int, int]]) -> list[set[int]]:
        sets = [{i} for i in range(n)]
        for i, j in pairs:
            a = next(s for s in sets if i in s)
            b = next(s for s in sets if j in s)
            if a is not b:
                sets.remove(b)
                a |= b
        return sorted((s for s in sets if len(s) > 1), key=lambda s: (-len(s), min(s)))

    strong = [(i, j, ev) for (i, j), ev in matches.items() if ev.distance <= cl.STRONG_DISTANCE or ev.verified]
    assert _sets(cl.build_clusters(hashes, strong)) == components([(i, j) for i, j, _ in strong])

    every = [(i, j, ev) for (i, j), ev in matches.items()]
    got = cl.link_clusters(hashes, every)
    whole = components(list(matches))
    for s in _sets(got.clusters):
        assert any(s <= w for w in whole)
    for c in got.clusters:
        inside = {m.index: m for m in c.members}
        for m in c.members[1:]:
            assert m.linked_to in inside and m.link == matches[(min(m.index, m.linked_to), max(m.index, m.linked_to))]
    for h in got.held_apart:
        assert h.evidence.distance > cl.STRONG_DISTANCE and not h.evidence.verified
