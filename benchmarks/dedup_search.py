"""Near-duplicate search scaling: all pairs and queries over 10k / 100k / 1M hashes.

    /work/venv/bin/python -m benchmarks.dedup_search            # every size, each in a subprocess
    /work/venv/bin/python -m benchmarks.dedup_search --one all_pairs 1000000 4 31

Hashes are uniform random with 1 % planted near-duplicates (a copy with a few bits flipped),
which is the favourable case for bucket balance; real hashes of similar-looking photos crowd
some buckets. Each measurement runs in a fresh process so its peak memory (ru_maxrss, minus
the interpreter and numba baseline measured the same way) is its own. The numba functions are
compiled and cached before timing (``warm``).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import numpy as np

from workstation.dedup import index as ix


def planted(n: int, words: int, seed: int = 0) -> np.ndarray:
    h = ix.random_hashes(n, words, seed)
    rng = np.random.default_rng(seed + 1)
    k = n // 100
    src, dst = rng.integers(0, n, k), rng.integers(0, n, k)
    h[dst] = h[src]
    flips = rng.integers(0, words * 64, (k, 4))
    for c in range(4):
        w, b = flips[:, c] // 64, (flips[:, c] % 64).astype(np.uint64)
        h[dst, w] ^= np.uint64(1) << b
    return h


def synthetic_image_hashes(n: int) -> list:
    """What ``dedupe`` sees for n images: 1 view (8 pHash + 8 PDQ variants) and 9 windows each,
    random, with 1 % planted near-copies (a few bits flipped in every hash)."""
    from workstation.dedup.phash import ImageHashes, View

    ph = planted(n, 1, 5)[:, 0]
    pdq = planted(n, 4, 6)
    rng = np.random.default_rng(7)
    wins = rng.integers(0, 2**64, (n, 9), dtype=np.uint64)
    var_ph = rng.integers(0, 2**64, (n, 8), dtype=np.uint64)
    var_pdq = rng.integers(0, 2**64, (n, 8, 4), dtype=np.uint64)
    var_ph[:, 0], var_pdq[:, 0] = ph, pdq
    out = []
    for i in range(n):
        view = View("full", (0, 0, 640, 480), var_ph[i], var_pdq[i], 100)
        out.append(ImageHashes(640, 480, f"{int(ph[i]):016x}", "", 100, (view,), wins[i]))
    return out


def warm() -> None:
    h = planted(2000, 4)
    ix.all_pairs(h, 31)
    ix.all_pairs(h[:, :1].copy(), 10)
    ix.HammingIndex.build(h).query(h[:2], 31)
    ix.HammingIndex.build(h[:, :1].copy()).query(h[:2, :1].copy(), 10)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(what: str, n: int, words: int, radius: int) -> dict[str, object]:
    warm()
    h = planted(n, words)
    base = peak_mb()
    t0 = time.perf_counter()
    if what == "all_pairs":
        pairs = ix.all_pairs(h, radius)
        extra = {"pairs": len(pairs)}
    elif what == "numpy_brute":
        rows = 0
        for i in range(0, n, 512):  # blocked XOR+popcount, the plain numpy approach
            d = np.bitwise_count(h[i : i + 512, None, :] ^ h[None, :, :]).sum(-1)
            rows += int((d <= radius).sum())
        extra = {"pairs": (rows - n) // 2}
    elif what in ("query", "query8"):
        index = ix.HammingIndex.build(h)
        build = time.perf_counter() - t0
        q = h[:8] if what == "query8" else h[:1]
        times = []
        for k in range(30):
            t1 = time.perf_counter()
            index.query(h[k : k + len(q)], radius)
            times.append(time.perf_counter() - t1)
        extra = {
            "build_s": round(build, 2),
            "median_ms": round(float(np.median(times)) * 1000, 2),
            "index_mb": round(index.nbytes / 1e6, 1),
        }
    elif what == "dedupe":
        from workstation.dedup import clusters as cl

        hashes = synthetic_image_hashes(n)
        base = peak_mb()
        t0 = time.perf_counter()
        matches = cl.find_matches(hashes, radius)
        extra = {"pairs": len(matches)}
    elif what in ("dedupe_full", "dedupe_full_exact"):
        # What `dedupe` does after reading the rows: decode each image's stored JSON, match
        # (chunk-capped search above 20,000 images unless _exact), build the clusters.
        import json

        from workstation.dedup import clusters as cl
        from workstation.dedup.phash import ImageHashes

        stored = [json.dumps(x.to_json()) for x in synthetic_image_hashes(n)]
        base = peak_mb()
        t0 = time.perf_counter()
        c0 = time.process_time()
        hashes = [ImageHashes.from_json(json.loads(x)) for x in stored]
        t_load = time.perf_counter() - t0
        matches = cl.find_matches(hashes, radius, exact=True if what == "dedupe_full_exact" else None)
        t_match = time.perf_counter() - t0 - t_load
        linkage = cl.link_clusters(hashes, matches)
        extra = {
            "pairs": len(matches),
            "clusters": len(linkage.clusters),
            "decode_s": round(t_load, 1),
            "match_s": round(t_match, 1),
            "cpu_s": round(time.process_time() - c0, 1),
        }
    elif what == "dedupe_checked":
        # With the local-feature check's candidate search (threshold + margin, PDQ gate); the
        # synthetic images have no pixels, so this is the search's cost, not the ORB check's.
        from workstation.dedup import clusters as cl

        hashes = synthetic_image_hashes(n)
        base = peak_mb()
        t0 = time.perf_counter()
        matches = cl.find_matches(hashes, radius, pixels=lambda i: None)
        extra = {"pairs": len(matches)}
    else:
        raise SystemExit(f"unknown measurement {what}")
    seconds = time.perf_counter() - t0
    return {
        "what": what,
        "n": n,
        "bits": words * 64,
        "radius": radius,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb(), 0),
        "data_mb": round(h.nbytes / 1e6, 1),
        "above_baseline_mb": round(peak_mb() - base, 0),
        **extra,
    }


PLAN = [
    ("all_pairs", 10_000, 1, 10),
    ("all_pairs", 100_000, 1, 10),
    ("all_pairs", 1_000_000, 1, 10),
    ("all_pairs", 10_000, 4, 31),
    ("all_pairs", 100_000, 4, 31),
    ("all_pairs", 1_000_000, 4, 31),
    ("numpy_brute", 10_000, 1, 10),
    ("numpy_brute", 100_000, 1, 10),
    ("query", 1_000_000, 1, 10),
    ("query8", 1_000_000, 1, 10),
    ("query", 1_000_000, 4, 31),
    ("query8", 1_000_000, 4, 31),
    ("dedupe", 10_000, 1, 12),
    ("dedupe_checked", 10_000, 1, 12),
    ("dedupe", 20_000, 1, 12),
    ("dedupe_checked", 20_000, 1, 12),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", nargs=4, metavar=("WHAT", "N", "WORDS", "RADIUS"))
    parser.add_argument("--quick", action="store_true", help="skip the 1M sizes")
    args = parser.parse_args()
    if args.one:
        what, n, words, radius = args.one
        print(json.dumps(one(what, int(n), int(words), int(radius))))
        return
    print("| measurement | hashes | bits | radius | time | peak RSS | detail |")
    print("|---|---|---|---|---|---|---|")
    for what, n, words, radius in PLAN:
        if args.quick and n >= 1_000_000:
            continue
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.dedup_search", "--one", what, str(n), str(words), str(radius)],
            capture_output=True,
            text=True,
        )
        if proc.returncode:
            print(f"| {what} | {n:,} | {words * 64} | {radius} | failed: {proc.stderr.strip()[-200:]} |")
            continue
        r = json.loads(proc.stdout)
        detail = ", ".join(f"{k}={r[k]}" for k in ("pairs", "median_ms", "build_s", "index_mb") if k in r)
        print(
            f"| {what} | {n:,} | {r['bits']} | {radius} | {r['seconds']} s | {r['peak_mb']:.0f} MB | {detail} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
