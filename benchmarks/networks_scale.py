"""Templates and networks of many ads: time and peak memory.

    /work/venv/bin/python -m benchmarks.networks_scale [--ads 100000] [--keep DIR]

Builds a case of ``--ads`` synthetic ad pages straight through the core (rows with text, a site
URL, and their phone selectors inserted directly: the import pipeline is benchmarked elsewhere):
ads of operations (one template each, sentences reordered, name/age/city/price/phone slots,
rotating phones) and single ads, on 40 sites that wrap each ad in their own chrome (menus,
footer with the site's phone and a disclaimer) and with stock phrases. Then times
``template_clusters`` and ``networks`` (no photos: photo clusters are the dedup benchmark's).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from workstation.case import Case, utc_now
from workstation.networks import networks, template_clusters

PASSPHRASE = "benchmark"
STOCK = [
    "100% real photos, no rush.",
    "Discretion guaranteed.",
    "No SMS, no hidden numbers.",
    "Call me now, available 24/7.",
    "Hygiene is very important to me.",
]


def _words(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvwyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(n)]


def build(path: Path, n: int, batch: int = 5000) -> dict[int, int]:
    """The case; returns item id -> operation (0 for single ads)."""
    rng = random.Random(14)
    vocab = _words(rng, 8000)
    names = [w.title() for w in _words(rng, 400)]
    cities = [w.title() for w in _words(rng, 120)]
    n_ops = max(1, n // 25)

    def sentence() -> str:
        return " ".join(rng.choice(vocab) for _ in range(rng.randint(7, 15))).capitalize() + "."

    ops = [[sentence() for _ in range(rng.randint(4, 7))] for _ in range(n_ops)]
    sites = [f"site{k:02d}.example" for k in range(40)]
    case = Case.create(path, PASSPHRASE, title=f"networks scale {n}", default_region="NL")
    now = utc_now()
    truth: dict[int, int] = {}
    db = case.db
    started = time.perf_counter()
    for start in range(0, n, batch):
        blobs, items, links = [], [], []
        for i in range(start, min(n, start + batch)):
            op = rng.randrange(n_ops) + 1 if rng.random() < 0.6 else 0
            phone = f"+316{rng.randrange(10_000_000, 99_999_999)}"
            if op:
                body = list(ops[op - 1])
                rng.shuffle(body)
                head = f"Hi, I am {rng.choice(names)}, {rng.randint(18, 35)} years, new in {rng.choice(cities)}."
                text = " ".join([head, *body, f"Only {rng.randint(8, 30) * 10} euro.", rng.choice(STOCK)])
                if rng.random() < 0.3:  # the operation's phone, reused
                    phone = f"+3161{op:07d}"
            else:
                text = " ".join([sentence() for _ in range(rng.randint(3, 6))] + [rng.choice(STOCK)])
            site = rng.choice(sites)
            page = (
                f"Home | Ladies | Men | Post an ad | Login\n{text}\nWhatsApp {phone}\n"
                f"All advertisers are 18+. Helpdesk +3120{sites.index(site):07d}. © 2026 {site}"
            )
            sha = hashlib.sha256(f"ad{i}".encode()).hexdigest()
            blobs.append((sha, None, len(page), 1 << 20, now))
            item_id = i + 1
            truth[item_id] = op
            items.append(
                (
                    item_id,
                    "page",
                    sha,
                    f"ad{i}.html",
                    f"/pages/{site}/ad{i}.html",
                    f"https://{site}/ad/{i}",
                    f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00Z",
                    now,
                    f"bench:{i}",
                    page,
                )
            )
            links.append((phone, item_id, page.index("WhatsApp") + 9, f"{phone}"))
        with case.transaction():
            db.conn.executemany(
                "INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES (?,?,?,?,?)", blobs
            )
            db.conn.executemany(
                "INSERT INTO items (id, kind, sha256, original_name, source_path, source_url, captured_at, "
                "imported_at, import_key, text) VALUES (?,?,?,?,?,?,?,?,?,?)",
                items,
            )
            db.conn.executemany(
                "INSERT OR IGNORE INTO selectors (kind, value, created_at) VALUES ('phone', ?, ?)",
                [(p, now) for p, *_ in links],
            )
            db.conn.executemany(
                "INSERT INTO selector_links (selector_id, item_id, source, span_start, span_end, raw, created_at) "
                "SELECT id, ?, 'text', ?, ?, ?, ? FROM selectors WHERE kind = 'phone' AND value = ?",
                [(item, pos, pos + len(raw), raw, now, p) for p, item, pos, raw in links],
            )
        print(f"  {min(n, start + batch)} ads ({time.perf_counter() - started:.0f} s)", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    case.close()
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ads", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="keep the case in this folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="networks_scale_")) if args.keep is None else args.keep
    try:
        path = tmp / f"scale{args.ads}.case"
        if path.exists():  # --keep: measure again without building again
            print(f"reusing {path}")
        else:
            truth = build(path, args.ads)
            in_op = sum(1 for v in truth.values() if v)
            print(f"{args.ads} ads ({in_op} in {len(set(truth.values()) - {0})} operations)")
        case = Case.open(path, PASSPHRASE)
        # Wall clock and this process's CPU time: on a shared machine the CPU time is the figure.
        w0, c0 = time.perf_counter(), time.process_time()
        templates = template_clusters(case)
        w1, c1 = time.perf_counter(), time.process_time()
        found = networks(case)
        w2, c2 = time.perf_counter(), time.process_time()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"templates: {w1 - w0:.1f} s wall, {c1 - c0:.1f} s CPU ({len(templates)} clusters, described); "
            f"networks: {w2 - w1:.1f} s wall, {c2 - c1:.1f} s CPU ({len(found)} networks); "
            f"peak RSS {rss:.0f} MB"
        )
        case.close()
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
