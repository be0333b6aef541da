"""Dedup accuracy and hashing speed on real photographs with generated near-duplicates.

    /work/venv/bin/python -m benchmarks.dedup_accuracy            # fetches Debian wallpapers once

Every source photo gets the variants of ``benchmarks.dedup_data.VARIANTS``, written to disk as
the files an analyst would receive, then decoded the way the import pipeline decodes them.
Pairs are all pairs of all images (originals and variants): a pair is a true duplicate when both
come from the same source photo. Recall per variant is over (original, variant) pairs. Our
matcher is compared, in the same run, with plain ``imagehash.phash`` (distance <= 10) and plain
PDQ (distance <= 31, as Meta's reference recommends), with and without its dihedral variants.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import imagehash
import numpy as np
import pdqhash
from PIL import Image

from benchmarks.dedup_data import DATA, VARIANTS, load, photo_paths, variants
from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph
from workstation.dedup.verify import thumbnail_image
from workstation.importing.images import analyse_image

VARIANT_DIR = DATA / "variants"


def prepare() -> list[tuple[int, str, Path]]:
    """Write originals and variants once; (group, variant name, file)."""
    out = []
    for g, path in enumerate(photo_paths()):
        folder = VARIANT_DIR / f"{g:03d}"
        done = folder / ".done"
        if not done.exists():
            folder.mkdir(parents=True, exist_ok=True)
            img = load(path, 2400)
            img.save(folder / "orig.jpg", quality=92)
            for name, v in variants(img, g).items():
                v.save(folder / f"{name}.jpg", quality=95)
            done.write_text("ok")
        out.append((g, "orig", folder / "orig.jpg"))
        out.extend((g, name, folder / f"{name}.jpg") for name in VARIANTS)
    return out


def _bits(h: np.ndarray) -> np.ndarray:
    return ph.bits_to_words(h)


def plain_phash(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.array([int(str(imagehash.phash(im)), 16)], np.uint64)


def plain_pdq(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        hashes, _ = pdqhash.compute_dihedral(np.asarray(im.convert("RGB")))
    return np.stack([_bits(h) for h in hashes])


def _pairs_from_distance(dist: np.ndarray, threshold: int) -> np.ndarray:
    iu = np.triu_indices(len(dist), 1)
    return dist[iu] <= threshold


def evaluate(items: list[tuple[int, str, Path]], decide: np.ndarray, label: str) -> dict[str, object]:
    """decide: (n, n) bool, symmetric."""
    groups = np.array([g for g, _, _ in items])
    names = [n for _, n, _ in items]
    iu = np.triu_indices(len(items), 1)
    same = groups[iu[0]] == groups[iu[1]]
    pred = decide[iu]
    tp, fp = int((pred & same).sum()), int((pred & ~same).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    per: dict[str, float] = {}
    origin = {g: i for i, (g, n, _) in enumerate(items) if n == "orig"}
    for v in VARIANTS:
        hits = [decide[origin[g], i] for i, (g, n, _) in enumerate(items) if n == v]
        per[v] = float(np.mean(hits))
    overall = float(np.mean([decide[origin[g], i] for i, (g, n, _) in enumerate(items) if n != "orig"]))
    all_pairs_recall = tp / int(same.sum())
    return {
        "label": label,
        "precision": precision,
        "recall": overall,
        "per": per,
        "fp": fp,
        "tp": tp,
        "all_pairs_recall": all_pairs_recall,
        "names": names,
    }


def _matrix(n: int, fn: Callable[[int, int], bool]) -> np.ndarray:
    m = np.zeros((n, n), bool)
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = m[j, i] = fn(i, j)
    return m


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default="8,10,12,14", help="hashes only")
    parser.add_argument("--verify-thresholds", default="10,12", help="with the local-feature check")
    args = parser.parse_args()
    items = prepare()
    n = len(items)
    print(f"{len({g for g, _, _ in items})} photos, {n} images, {n * (n - 1) // 2} pairs")

    t0 = time.perf_counter()
    ours, thumbs = [], []
    for _, _, p in items:  # decoded, hashed and thumbnailed exactly as the import does
        derived = analyse_image(str(p), {"dedup": ph.analyze})
        ours.append(ph.ImageHashes.from_json(derived["analysis"]["dedup"]))
        thumbs.append(derived["thumbnail"][0])
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    p_plain = np.stack([plain_phash(p) for _, _, p in items])
    t_plain = time.perf_counter() - t0
    pdq_plain = np.stack([plain_pdq(p) for _, _, p in items])

    results = []
    dist_ph = np.bitwise_count(p_plain[:, None, 0] ^ p_plain[None, :, 0])
    results.append(evaluate(items, dist_ph <= 10, "imagehash.phash <= 10"))
    d_pdq = np.bitwise_count(pdq_plain[:, None, 0, :] ^ pdq_plain[None, :, 0, :]).sum(-1)
    results.append(evaluate(items, d_pdq <= 31, "PDQ <= 31"))
    d_pdq8 = np.bitwise_count(pdq_plain[:, None, :, :] ^ pdq_plain[None, :, :1, :]).sum(-1).min(-1)
    d_pdq8 = np.minimum(d_pdq8, d_pdq8.T)
    results.append(evaluate(items, d_pdq8 <= 31, "PDQ dihedral <= 31"))
    for t in [int(x) for x in args.thresholds.split(",")]:
        matched = {(i, j) for i, j, _ in cl.find_matches(ours, t)}
        decide = _matrix(n, lambda i, j, m=matched: (i, j) in m)
        results.append(evaluate(items, decide, f"ours <= {t}, hashes only"))
    checks = []
    for t in [int(x) for x in args.verify_thresholds.split(",")]:
        t0 = time.perf_counter()
        found = cl.find_matches(ours, t, pixels=lambda i: thumbnail_image(thumbs[i]))
        seconds = time.perf_counter() - t0
        checked = sum(1 for *_, ev in found if ev.verified)
        checks.append((t, seconds, checked))
        matched = {(i, j) for i, j, _ in found}
        decide = _matrix(n, lambda i, j, m=matched: (i, j) in m)
        default = " **(default)**" if t == cl.DEFAULT_THRESHOLD else ""
        results.append(evaluate(items, decide, f"ours <= {t} + local-feature check{default}"))

    header = "| method | precision | recall | " + " | ".join(VARIANTS) + " | false pairs |"
    print(header)
    print("|" + "---|" * (len(VARIANTS) + 4))
    for r in results:
        per = r["per"]
        assert isinstance(per, dict)
        print(
            f"| {r['label']} | {r['precision']:.3f} | {r['recall']:.3f} | "
            + " | ".join(f"{per[v]:.2f}" for v in VARIANTS)
            + f" | {r['fp']} |"
        )
    print()
    for t, seconds, confirmed in checks:
        print(
            f"find_matches at {t} with the local-feature check: {seconds:.1f} s for {n} images "
            f"({confirmed} pairs confirmed by local features)"
        )
    print(
        f"hashing, {n} files from disk, one process: ours {n / t_ours:.1f} images/s "
        f"({t_ours / n * 1000:.1f} ms: the import's decode, EXIF, thumbnail + all hashes); plain imagehash.phash loop "
        f"{n / t_plain:.1f} images/s ({t_plain / n * 1000:.1f} ms: full decode + pHash)"
    )
    import_speed([p for _, name, p in items if name == "orig"])


def import_speed(paths: list[Path]) -> None:
    """Whole import (SHA-256, metadata, thumbnail, all hashes, stored) vs a plain pHash loop."""
    from workstation.case import Case
    from workstation.importing.pipeline import run_import

    t0 = time.perf_counter()
    for p in paths:
        data = p.read_bytes()
        hashlib.sha256(data)
        with Image.open(io.BytesIO(data)) as im:
            imagehash.phash(im)
    t_plain = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.create(
            Path(tmp) / "b.case",
            "bench",
            title="bench",
            case_number="B",
            agency="A",
            analyst="bench",
            timezone="UTC",
            default_region="NL",
        )
        t0 = time.perf_counter()
        result = run_import(case, paths)
        t_imp = time.perf_counter() - t0
        stored = case.db.execute("SELECT count(*) FROM dedup_hashes").fetchone()[0]
        case.close()
    n = len(paths)
    print(
        f"import of {n} original photos (~2400 px, 2 workers): {n / t_imp:.1f} images/s "
        f"({result.imported} items, {stored} with dedup hashes); plain imagehash.phash loop with "
        f"SHA-256 on the same files: {n / t_plain:.1f} images/s; ratio {t_plain / t_imp:.2f}x"
    )


if __name__ == "__main__":
    main()
