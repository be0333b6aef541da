"""Pairwise precision/recall of `workstation networks` on the labelled networks eval set.

    /work/venv/bin/python -m benchmarks.networks_eval [--split dev|test|both] [--tune]

The set (benchmarks/data/networks_eval, see its generator) holds ad pages of fictional sites with
known operations; the pages name their photos (``photos/<name>``) but ship none. Here each page
is saved the way a browser saves it, with a ``<page>_files`` folder holding its photos: one
photo-like JPEG per photo name (the same name gives the same picture, re-encoded per ad at
another size and quality, so a recurring photo is a near-duplicate, not an exact copy). The pages
are imported into a fresh encrypted case (import, selector scan and dedup hashing as usual), the
evidence is collected once, and networks are assembled per evidence kind.

A pair of ads is *true* when both belong to the same operation (single ads belong to none);
*predicted* when both are in the same network. Precision and recall are over the pairs of ads
of one split (operations lie wholly in one split). Tune on dev only; report test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
import zlib
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from workstation.case import Case
from workstation.importing.pipeline import run_import
from workstation.networks import NetworkParams, collect_links
from workstation.networks.linking import _item_refs, assemble, decisions

DATA = Path(__file__).resolve().parent / "data" / "networks_eval"
KINDS = {
    "phone only": frozenset({"phone"}),
    "photo only": frozenset({"photo"}),
    "text only": frozenset({"text"}),
    "phone or photo": frozenset({"phone", "photo"}),
    "all": frozenset({"phone", "handle", "email", "wallet", "device", "photo", "text"}),
}


def photo(name: str, variant: int) -> Image.Image:
    """A photo-like picture unique per name; ``variant`` changes its size (a re-upload)."""
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    w, h = 320, 400
    # Smooth random colour fields: unrelated names give unrelated perceptual hashes.
    coarse = Image.fromarray(rng.integers(0, 256, (6, 5, 3), dtype=np.uint8)).resize((w, h), Image.BICUBIC)
    arr = np.asarray(coarse).astype(float) + rng.normal(0, 6, (h, w, 3))
    img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w - 60)), int(rng.integers(0, h - 60))
        box = (x0, y0, x0 + int(rng.integers(30, 140)), y0 + int(rng.integers(30, 140)))
        fill = tuple(int(v) for v in rng.integers(0, 255, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=fill)
    if variant:
        scale = float(np.random.default_rng(variant).uniform(0.6, 1.0))
        img = img.resize((int(w * scale), int(h * scale)))
    return img


def stage(work: Path) -> dict[str, dict[str, str | None]]:
    """Pages as a browser saves them (with ``_files`` folders); returns file name -> truth."""
    truth = json.loads((DATA / "ground_truth.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, str | None]] = {}
    for n, ad in enumerate(truth["ads"]):
        src = DATA / ad["file"]
        dst = work / ad["file"]
        dst.parent.mkdir(parents=True, exist_ok=True)
        html = src.read_text(encoding="utf-8")
        files = dst.with_name(dst.stem + "_files")
        names = sorted({p.split('"')[0] for p in html.split('src="photos/')[1:]})
        if names:
            files.mkdir()
            for name in names:
                photo(name, n + 1).save(files / name, "JPEG", quality=70 + n % 25)
            html = html.replace('src="photos/', f'src="{files.name}/')
        dst.write_text(html, encoding="utf-8")
        out[dst.name] = {"operation": ad["operation"], "split": ad["split"], "site": ad["site"]}
    return out


def pairwise(groups: dict[int, int | None], truth: dict[int, str | None], ids: list[int]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_true = truth[a] is not None and truth[a] == truth[b]
        same_pred = groups.get(a) is not None and groups.get(a) == groups.get(b)
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="both", choices=("dev", "test", "both"))
    ap.add_argument("--tune", action="store_true", help="sweep min_score and the text threshold (dev only)")
    ap.add_argument("--keep", type=Path, help="keep the staged pages and case in this folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="networks_eval_")) if args.keep is None else args.keep
    try:
        t0 = time.perf_counter()
        staged = stage(tmp / "pages")
        import os

        os.environ["WORKSTATION_OCR"] = "off"
        case = Case.create(tmp / "eval.case", "benchmark-passphrase", title="networks eval", default_region="NL")
        run_import(case, [tmp / "pages"])
        t_import = time.perf_counter() - t0
        names = {
            r["original_name"]: r["id"] for r in case.db.query("SELECT id, original_name FROM items WHERE kind='page'")
        }
        truth = {names[n]: v["operation"] for n, v in staged.items()}
        split_of = {names[n]: v["split"] for n, v in staged.items()}
        splits = ["dev", "test"] if args.split == "both" else [args.split]
        base = NetworkParams()
        if args.tune:
            tune(case, truth, split_of, base)
            return
        t0 = time.perf_counter()
        links, timings = collect_links(case, base)
        t_links = time.perf_counter() - t0
        refs = _item_refs(case, {i for lk in links for i in (lk.a, lk.b)})
        rules = decisions(case)
        rows = []
        for label, use in KINDS.items():
            chosen = [lk for lk in links if lk.via in use]
            found = assemble(chosen, refs, rules, base.min_score)
            groups = {i: n for n, nw in enumerate(found) for i in nw.item_ids}
            row = {"evidence": label}
            for s in splits:
                ids = sorted(i for i in truth if split_of[i] == s)
                row[s] = pairwise(groups, truth, ids)
            rows.append(row)
        print(
            f"{len(truth)} ads, {case.count_items('image')} photos; import {t_import:.1f} s, "
            f"links {t_links:.1f} s {timings}"
        )
        for row in rows:
            cells = "  ".join(
                f"{s}: P {row[s]['precision']:.3f} R {row[s]['recall']:.3f} "
                f"(tp {row[s]['tp']}, fp {row[s]['fp']}, fn {row[s]['fn']})"
                for s in splits
            )
            print(f"{row['evidence']:15} {cells}")
        case.close()
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def tune(case: Case, truth: dict[int, str | None], split_of: dict[int, str], base: NetworkParams) -> None:
    """Sweep on the dev split only."""
    ids = sorted(i for i in truth if split_of[i] == "dev")
    for thr in (0.3, 0.35, 0.4, 0.45, 0.5):
        params = replace(base, templates=replace(base.templates, threshold=thr))
        links, _ = collect_links(case, params)
        refs = _item_refs(case, {i for lk in links for i in (lk.a, lk.b)})
        for min_score in (0.2, 0.3, 0.4):
            found = assemble(links, refs, [], min_score)
            groups = {i: n for n, nw in enumerate(found) for i in nw.item_ids}
            text = assemble([lk for lk in links if lk.via == "text"], refs, [], min_score)
            tg = {i: n for n, nw in enumerate(text) for i in nw.item_ids}
            print(f"text≥{thr} score≥{min_score}: all {pairwise(groups, truth, ids)} text {pairwise(tg, truth, ids)}")


if __name__ == "__main__":
    main()
