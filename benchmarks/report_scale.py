"""Report at scale: a PDF of 1,000 photo exhibits — wall time and peak memory.

    python benchmarks/report_scale.py                 # 1,000 exhibits (and 100 for comparison)
    python benchmarks/report_scale.py --exhibits 200 --compare 0

The case (synthetic 1600x1200 JPEG photos with noise and detail, imported through the real import
pipeline) is built once under benchmarks/data/ and reused. Each report is generated in a fresh
child process (the code `workstation report CASE --redact sensitive` runs), so its peak resident
memory (ru_maxrss) is the report's own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data" / "report_scale"
PASSPHRASE = "benchmark passphrase"


def make_photos(folder: Path, n: int) -> None:
    import numpy as np
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        path = folder / f"photo_{i:05d}.jpg"
        if path.exists():
            continue
        rng = np.random.default_rng(i)
        w, h = 1600, 1200
        y, x = np.mgrid[0:h, 0:w]
        base = np.stack(
            [x / w * rng.uniform(80, 220), y / h * rng.uniform(80, 220), np.sin(x / rng.uniform(8, 40)) * 60 + 120],
            -1,
        ) + rng.normal(0, 12, (h, w, 3))
        img = Image.fromarray(np.clip(base, 0, 255).astype("uint8"))
        draw = ImageDraw.Draw(img)
        for _ in range(6):
            x0, y0 = int(rng.integers(0, w - 300)), int(rng.integers(0, h - 300))
            draw.ellipse(
                (x0, y0, x0 + int(rng.integers(50, 300)), y0 + int(rng.integers(50, 300))),
                fill=tuple(int(v) for v in rng.integers(0, 255, 3)),
            )
        draw.text((40, 40), f"Оголошення {i} 广告 {i}", fill=(255, 255, 255))
        img.save(path, "JPEG", quality=88)


def build_case(n: int) -> Path:
    from workstation.case import Case
    from workstation.exhibits import add_exhibits, list_exhibits
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    path = DATA / f"report_{n}.case"
    if path.exists():
        return path
    photos = DATA / "photos"
    make_photos(photos, n)
    case = Case.create(
        path,
        PASSPHRASE,
        title="Benchmark: 1,000 exhibits / 1 000 доказів / 千件证物",
        case_number="BENCH-0001",
        agency="Benchmark",
        analyst="Bench",
        timezone="Europe/Amsterdam",
    )
    with case:
        files = sorted(photos.glob("photo_*.jpg"))[:n]
        t = time.perf_counter()
        run_import(case, files, Progress())
        print(f"imported {n} photos in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        ids = [r[0] for r in case.db.execute("SELECT id FROM items ORDER BY id")]
        if not list_exhibits(case):
            add_exhibits(case, ids)
        with case.transaction():
            for item_id in ids[::10]:
                case.db.execute("INSERT INTO tags (item_id, tag) VALUES (?, 'minor')", [item_id])
            case.audit("tag.added", {"items": ids[::10], "tag": "minor"})
    return path


CHILD = """
import json, sys
from reports.model import ReportOptions
from reports.service import generate_report
from workstation.case import Case
from workstation.progress import Progress
with Case.open(sys.argv[1], sys.argv[3]) as case:
    result = generate_report(case, sys.argv[2], ReportOptions(redact="sensitive"), Progress())
print(json.dumps(result.as_dict()))
"""


def run_report(case: Path, out: Path) -> dict[str, object]:
    """One report in a fresh child process (what `workstation report CASE --redact sensitive` runs)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-c", CHILD, str(case), str(out), PASSPHRASE]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    result = json.loads(proc.stdout)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == result["sha256"]
    return {
        "exhibits": len(result["exhibits"]),
        "pages": result["pages"],
        "pdf_mb": round(result["size"] / 1e6, 1),
        "seconds": round(wall, 1),
        "exhibits_per_s": round(len(result["exhibits"]) / wall, 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 0),  # max over children so far (Linux: KiB)
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exhibits", type=int, default=1000)
    parser.add_argument(
        "--compare", type=int, default=100, help="also a smaller report, to show memory does not grow with exhibits"
    )
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    rows = []
    # Smaller first: ru_maxrss of children is a running maximum.
    for n in sorted({args.exhibits, args.compare} - {0}):
        case = build_case(n)
        out = DATA / f"report_{n}.pdf"
        rows.append(run_report(case, out))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print("| exhibits | pages | PDF MB | seconds | exhibits/s | CPU s | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['exhibits']} | {r['pages']} | {r['pdf_mb']} | {r['seconds']} | "
            f"{r['exhibits_per_s']} | {r['cpu_s']} | {r['peak_rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
