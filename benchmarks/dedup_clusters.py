"""Cluster-level dedup accuracy on real photographs: what the analyst sees, not pairs.

    /work/venv/bin/python -m benchmarks.dedup_clusters            # fetches its photos once

Two sets of real photographs, each photo with the edits of ``EDITS`` written to disk as files an
analyst would receive, decoded, hashed and thumbnailed exactly as the import does:

* ``wallpapers`` (tuning): the Debian 12 wallpaper photos of ``benchmarks.dedup_data``;
* ``held-out`` (never tuned on): sample photographs and scans shipped by Debian's ``opencv-doc``
  and ``python3-skimage`` packages — people, a street, shop fronts and signs, rooms, a document
  page, a sudoku photo, food, animals — one file per scene (stereo pairs and frame sequences
  keep one frame).

Clusters are scored over all pairs of files inside each printed cluster (a pair is true when both
come from the same photo): precision = true pairs in clusters / pairs in clusters, recall = true
pairs in clusters / all true pairs. Per edit: the share of that edit's files printed in the same
cluster as their original, and the false pairs inside clusters that involve a file with that edit.
Compared in the same run: ours (the linkage rule), ours with single-link clusters (connected
components of the same matches: what ``dedupe`` printed before), and ``imagehash.phash`` at
distance <= 10 with connected components — imagededup's ``PHash`` default
(``max_distance_threshold=10``, the same 32x32 DCT hash); imagededup itself needs torch and
torchvision from PyPI (several GB), so it is not installed. The pair-level table follows.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image

from benchmarks.dedup_data import DATA, VARIANTS, load, photo_paths
from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph
from workstation.dedup.verify import thumbnail_image
from workstation.importing.images import analyse_image

HELD_OUT_PACKAGES = ["opencv-doc", "python3-skimage"]
_CV = "usr/share/doc/opencv-doc/examples/"
_SK = "usr/lib/python3/dist-packages/skimage/data/"
HELD_OUT_FILES = [
    _SK + "astronaut.png",  # a person, portrait
    _SK + "camera.png",  # a person with a camera
    _SK + "chelsea.png",
    _SK + "coffee.png",
    _SK + "coins.png",
    _SK + "motorcycle_left.png",
    _SK + "page.png",  # a scanned document page
    _SK + "rocket.jpg",
    _CV + "alphamat/input_images/plant.jpg",
    _CV + "data/aero1.jpg",
    _CV + "data/aloeL.jpg",
    _CV + "data/apple.jpg",
    _CV + "data/baboon.jpg",
    _CV + "data/basketball1.png",  # two people in a room
    _CV + "data/board.jpg",
    _CV + "data/box_in_scene.png",
    _CV + "data/building.jpg",
    _CV + "data/butterfly.jpg",
    _CV + "data/chicky_512.png",
    _CV + "data/ela_original.jpg",
    _CV + "data/fruits.jpg",
    _CV + "data/graf1.png",
    _CV + "data/leuvenA.jpg",  # a street
    _CV + "data/licenseplate_motion.jpg",
    _CV + "data/messi5.jpg",  # a person
    _CV + "data/orange.jpg",
    _CV + "data/rubberwhale1.png",
    _CV + "data/squirrel_cls.jpg",
    _CV + "data/starry_night.jpg",
    _CV + "data/sudoku.png",  # a photographed document
    _CV + "hfs/data/000.jpg",
    _CV + "reg/home.png",  # a house on a street
    _CV + "text/scenetext01.jpg",  # street scenes with signs
    _CV + "text/scenetext02.jpg",
    _CV + "text/scenetext03.jpg",
    _CV + "text/scenetext04.jpg",
    _CV + "text/scenetext05.jpg",
    _CV + "text/scenetext06.jpg",
    _CV + "text/scenetext_segmented_word01.jpg",
    _CV + "text/scenetext_segmented_word02.jpg",
    _CV + "text/scenetext_segmented_word03.jpg",
    _CV + "text/scenetext_segmented_word04.jpg",
    _CV + "text/scenetext_segmented_word05.jpg",
]


def padded(img: Image.Image, rng: random.Random) -> Image.Image:
    """The photo, scaled down, inside a larger plain canvas (a collage tile, a letterboxed post)."""
    colour = rng.choice([(255, 255, 255), (0, 0, 0), (24, 119, 242), (240, 240, 240)])
    cw, ch = round(img.width * rng.uniform(1.3, 1.6)), round(img.height * rng.uniform(1.3, 1.6))
    canvas = Image.new("RGB", (cw, ch), colour)
    x, y = rng.randint(0, cw - img.width), rng.randint(0, ch - img.height)
    canvas.paste(img, (x, y))
    return canvas


EDITS = {**VARIANTS, "padded": padded}


def fetch_held_out() -> Path:
    root = DATA / "heldout" / "root"
    done = DATA / "heldout" / ".unpacked"
    if not done.exists():
        debs = DATA / "heldout" / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", *HELD_OUT_PACKAGES], cwd=debs, check=True)
        root.mkdir(parents=True, exist_ok=True)
        for deb in sorted(debs.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        done.write_text("ok\n")
    return root


def prepare(name: str, photos: Sequence[Path], max_side: int) -> list[tuple[int, str, Path]]:
    """Write each photo and its edits once; (group, edit, file)."""
    out = []
    for g, path in enumerate(photos):
        folder = DATA / "clusters" / name / f"{g:03d}"
        if not (folder / ".done").exists():
            folder.mkdir(parents=True, exist_ok=True)
            img = load(path, max_side)
            img.save(folder / "orig.jpg", quality=92)
            for edit, fn in EDITS.items():
                fn(img, random.Random(f"{g}:{edit}")).convert("RGB").save(folder / f"{edit}.jpg", quality=95)
            (folder / ".done").write_text("ok")
        out.append((g, "orig", folder / "orig.jpg"))
        out.extend((g, edit, folder / f"{edit}.jpg") for edit in EDITS)
    return out


def components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def score_clusters(items: list[tuple[int, str, Path]], clusters: list[list[int]]) -> dict[str, object]:
    groups = np.array([g for g, _, _ in items])
    edits = [e for _, e, _ in items]
    label = np.full(len(items), -1)
    for k, members in enumerate(clusters):
        label[members] = k
    iu = np.triu_indices(len(items), 1)
    same = groups[iu[0]] == groups[iu[1]]
    together = (label[iu[0]] == label[iu[1]]) & (label[iu[0]] >= 0)
    tp, fp = int((together & same).sum()), int((together & ~same).sum())
    origin = {g: i for i, (g, e, _) in enumerate(items) if e == "orig"}
    per = {}
    for edit in EDITS:
        files = [i for i, e in enumerate(edits) if e == edit]
        with_original = [label[i] >= 0 and label[i] == label[origin[groups[i]]] for i in files]
        mask = np.array([e == edit for e in edits])
        involved = mask[iu[0]] | mask[iu[1]]
        per[edit] = (float(np.mean(with_original)), int((together & ~same & involved).sum()))
    largest_false = max((len({groups[m] for m in c}) for c in clusters), default=0)
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / int(same.sum()),
        "fp": fp,
        "clusters": len(clusters),
        "mixed": sum(1 for c in clusters if len({groups[m] for m in c}) > 1),
        "most_photos": largest_false,
        "per": per,
    }


def score_pairs(items: list[tuple[int, str, Path]], matched: set[tuple[int, int]]) -> dict[str, object]:
    groups = [g for g, _, _ in items]
    origin = {g: i for i, (g, e, _) in enumerate(items) if e == "orig"}
    tp = sum(1 for i, j in matched if groups[i] == groups[j])
    per = {}
    for edit in EDITS:
        hits = [tuple(sorted((origin[g], i))) in matched for i, (g, e, _) in enumerate(items) if e == edit]
        per[edit] = float(np.mean(hits))
    recall = float(
        np.mean([tuple(sorted((origin[g], i))) in matched for i, (g, e, _) in enumerate(items) if e != "orig"])
    )
    return {"precision": tp / len(matched) if matched else 1.0, "recall": recall, "fp": len(matched) - tp, "per": per}


def run_set(name: str, items: list[tuple[int, str, Path]]) -> None:
    n = len(items)
    print(f"\n## {name}: {len({g for g, _, _ in items})} photos, {n} files, {n * (n - 1) // 2} pairs\n")
    ours, thumbs = [], []
    for _, _, p in items:
        derived = analyse_image(str(p), {"dedup": ph.analyze})
        ours.append(ph.ImageHashes.from_json(derived["analysis"]["dedup"]))
        thumbs.append(derived["thumbnail"][0])
    plain = np.array([int(str(imagehash.phash(Image.open(p))), 16) for _, _, p in items], np.uint64)

    def pixels(i: int) -> Image.Image | None:
        return thumbnail_image(thumbs[i])

    t0 = time.perf_counter()
    matches = cl.find_matches(ours, cl.DEFAULT_THRESHOLD, pixels=pixels)
    linkage = cl.link_clusters(ours, matches, [str(p) for _, _, p in items], pixels)
    seconds = time.perf_counter() - t0
    hashes_only = cl.find_matches(ours, cl.DEFAULT_THRESHOLD)
    d = np.bitwise_count(plain[:, None] ^ plain[None, :])
    plain_pairs = [(int(i), int(j)) for i, j in zip(*np.nonzero(np.triu(d <= 10, 1)), strict=True)]

    rows = [
        ("ours: linkage rule, local-feature check (default)", [[m.index for m in c.members] for c in linkage.clusters]),
        ("ours: single-link (connected components, before)", components(n, ((i, j) for i, j, _ in matches))),
        (
            "ours: linkage rule, hashes only",
            [[m.index for m in c.members] for c in cl.build_clusters(ours, hashes_only)],
        ),
        ("ours: single-link, hashes only", components(n, ((i, j) for i, j, _ in hashes_only))),
        ("imagehash.phash <= 10, connected components (= imagededup PHash default)", components(n, plain_pairs)),
    ]
    fast = cl.find_matches(ours, cl.DEFAULT_THRESHOLD, pixels=pixels, exact=False)
    rows.insert(
        1,
        (
            "ours: same, chunk-capped search (as above 20,000 images)",
            [
                [m.index for m in c.members]
                for c in cl.build_clusters(ours, fast, [str(p) for _, _, p in items], pixels)
            ],
        ),
    )
    edits = list(EDITS)
    print("Cluster level (all pairs inside the clusters; per edit: share clustered with its original / false pairs)\n")
    print("| method | precision | recall | false pairs | clusters (mixed) | " + " | ".join(edits) + " |")
    print("|" + "---|" * (len(edits) + 5))
    for label, clusters in rows:
        r = score_clusters(items, clusters)
        per = r["per"]
        assert isinstance(per, dict)
        print(
            f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['fp']} | {r['clusters']} ({r['mixed']}) | "
            + " | ".join(f"{per[e][0]:.2f} / {per[e][1]}" for e in edits)
            + " |"
        )
    print(
        f"\nmatching + linkage with the local-feature check: {seconds:.1f} s; "
        f"{len(linkage.held_apart)} links held apart"
    )
    for h in linkage.held_apart:
        same = items[h.a][0] == items[h.b][0]
        print(
            f"  held apart: {items[h.a][2].parent.name}/{items[h.a][1]} ~ {items[h.b][2].parent.name}/{items[h.b][1]} "
            f"d={h.evidence.distance} {h.evidence.kind} sizes {h.sizes} support {h.support} features {h.features}"
            f" -> {'SAME photo (recall lost)' if same else 'different photos (chain avoided)'}"
        )
    print("\nPair level (as benchmarks/dedup_accuracy.py: precision over all pairs, recall over original-edit pairs)\n")
    print("| method | precision | recall | false pairs | " + " | ".join(EDITS) + " |")
    print("|" + "---|" * (len(EDITS) + 4))
    pair_rows = [
        ("imagehash.phash <= 10", set(plain_pairs)),
        ("ours <= 12, hashes only", {(i, j) for i, j, _ in hashes_only}),
        ("ours <= 12 + local-feature check (default)", {(i, j) for i, j, _ in matches}),
        ("ours <= 12 + local-feature check, chunk-capped search", {(i, j) for i, j, _ in fast}),
    ]
    for label, matched in pair_rows:
        r = score_pairs(items, matched)
        per = r["per"]
        assert isinstance(per, dict)
        print(
            f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['fp']} | "
            + " | ".join(f"{per[e]:.2f}" for e in EDITS)
            + " |"
        )
    false = sorted(
        (
            (
                ev.distance,
                ev.kind,
                ev.verified,
                items[i][2].parent.name,
                items[i][1],
                items[j][2].parent.name,
                items[j][1],
            )
            for i, j, ev in matches
            if items[i][0] != items[j][0]
        ),
    )
    for f in false:
        print(f"  false pair: d={f[0]} {f[1]} features={f[2]} {f[3]}/{f[4]} ~ {f[5]}/{f[6]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=("wallpapers", "held-out", "both"), default="both")
    parser.add_argument(
        "--analysis-size", type=int, default=None, help="decode JPEGs to at least this (the import's ANALYSIS_SIZE)"
    )
    args = parser.parse_args()
    if args.analysis_size:
        from workstation.importing import images

        images.ANALYSIS_SIZE = args.analysis_size
        print(f"ANALYSIS_SIZE = {args.analysis_size}")
    if args.set in ("wallpapers", "both"):
        run_set("wallpapers (tuning set)", prepare("wallpapers", photo_paths(), 2400))
    if args.set in ("held-out", "both"):
        root = fetch_held_out()
        run_set("held-out (never tuned on)", prepare("heldout", [root / f for f in HELD_OUT_FILES], 2400))


if __name__ == "__main__":
    main()
