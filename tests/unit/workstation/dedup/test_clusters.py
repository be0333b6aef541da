"""Matches, their evidence, and clusters on real Pillow-made variants."""

import pytest

from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph
from workstation.dedup import synthetic


@pytest.fixture(scope="module")
def family() -> dict[str, ph.ImageHashes]:
    base = synthetic.photo(21)
    out = {"original": ph.compute(base)}
    out.update({name: ph.compute(img) for name, img in synthetic.variants(base).items()})
    for seed in (22, 23, 24):
        out[f"other{seed}"] = ph.compute(synthetic.photo(seed))
    return out


@pytest.mark.parametrize(
    ("variant", "transform", "kind"),
    [
        ("resized", "identity", None),
        ("mirrored", "mirror", None),
        ("rotated", "rotate 90", None),
        ("cropped", "identity", "window"),
        ("phone", "identity", None),
        ("brighter", "identity", None),
        ("screenshot", "identity", None),
    ],
)
def test_each_variant_matches_with_its_transformation(
    family: dict[str, ph.ImageHashes], variant: str, transform: str, kind: str | None
) -> None:
    ev = cl.compare(family["original"], family[variant])
    assert ev.distance <= cl.DEFAULT_THRESHOLD
    assert ev.transform == transform
    if kind:
        assert ev.kind == kind and ev.cropped
    if variant == "screenshot":
        assert ev.trimmed


def test_reverse_direction_names_the_inverse_rotation(family: dict[str, ph.ImageHashes]) -> None:
    assert cl.compare(family["rotated"], family["original"]).transform == "rotate 270"


def test_distinct_photos_do_not_match(family: dict[str, ph.ImageHashes]) -> None:
    for name in ("other22", "other23", "other24"):
        assert cl.compare(family["original"], family[name]).distance > cl.DEFAULT_THRESHOLD


def test_find_matches_equals_pairwise_compare(family: dict[str, ph.ImageHashes]) -> None:
    hashes = list(family.values())
    got = {(i, j): ev for i, j, ev in cl.find_matches(hashes, cl.DEFAULT_THRESHOLD)}
    want = {
        (i, j): cl.compare(hashes[i], hashes[j])
        for i in range(len(hashes))
        for j in range(i + 1, len(hashes))
        if cl.compare(hashes[i], hashes[j]).distance <= cl.DEFAULT_THRESHOLD
    }
    assert got == want


def test_clusters_group_variants_and_exact_copies(family: dict[str, ph.ImageHashes]) -> None:
    names = list(family)
    hashes: list[ph.ImageHashes | None] = list(family.values()) + [family["other22"], None]
    shas = [f"sha-{n}" for n in names] + ["sha-other22", "sha-nohash"]
    groups = cl.build_clusters(hashes, cl.find_matches(hashes), shas)
    assert len(groups) == 2
    big, pair = groups
    assert {names[m.index] for m in big.members} == {
        "original",
        "resized",
        "mirrored",
        "rotated",
        "cropped",
        "phone",
        "brighter",
        "screenshot",
    }
    assert big.members[0].evidence is None  # the reference
    assert [m.index for m in pair.members] == [names.index("other22"), len(names)]
    assert pair.members[1].evidence == cl.EXACT
    assert pair.members[1].evidence.describe() == "exact copy (same SHA-256)"


def test_flat_images_only_match_exactly() -> None:
    from PIL import Image

    flat = ph.compute(Image.new("RGB", (200, 200), (90, 90, 90)))
    assert cl.find_matches([flat, flat]) == []
    groups = cl.build_clusters([flat, flat], [], ["a", "a"])
    assert len(groups) == 1


def test_query_matches_finds_the_family(family: dict[str, ph.ImageHashes]) -> None:
    names = list(family)
    hashes = [family[n] for n in names if n != "original"]
    found = cl.query_matches(family["original"], hashes)
    got = {names[1:][i] for i, _ in found}
    assert got == {"resized", "mirrored", "rotated", "cropped", "phone", "brighter", "screenshot"}
    assert found[0][1].distance <= found[-1][1].distance


def test_screenshots_of_different_photos_in_the_same_viewer_do_not_match() -> None:
    a = ph.compute(synthetic.in_viewer_screenshot(synthetic.photo(51)))
    b = ph.compute(synthetic.in_viewer_screenshot(synthetic.photo(52)))
    assert a.framed and b.framed
    assert cl.compare(a, b).distance > cl.DEFAULT_THRESHOLD
