"""Import throughput on real photographs, side by side with a plain imagehash.phash loop.

Prepares its data itself: JPEG photographs from Debian wallpaper packages (apt-get download +
dpkg-deb -x, into benchmarks/data/, which git ignores), scaled to about 3 MP like phone photos.
Then, in separate processes (so peak memory is measured per phase):

  loop    for each file: imagehash.phash(Image.open(path))  (what a user would otherwise script)
  import  workstation import into a fresh encrypted case, worker processes, with a phash analyzer
          registered as the dedup area does (benchmarks/bench_phash_plugin.py)

Run:  /work/venv/bin/python benchmarks/import_photos.py [--workers N] [--limit N] [--record]
--record appends the figures to benchmarks/RESULTS.md under "Import".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
PHOTOS = DATA / "photos-3mp"
PACKAGES = (
    "ukui-wallpapers",
    "lomiri-wallpapers-20.04",
    "lomiri-wallpapers-16.04",
    "mate-backgrounds",
    "plasma-workspace-wallpapers",
)
TARGET_PIXELS = 3_000_000


def prepare(limit: int) -> list[Path]:
    files = sorted(PHOTOS.glob("*.jpg"))
    if len(files) >= limit or (PHOTOS / ".prepared").exists():
        return files[:limit]
    from PIL import Image, ImageOps

    debs = DATA / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    if not list(debs.glob("*.deb")):
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True)
    extract = DATA / "extract"
    if not extract.exists():
        for deb in debs.glob("*.deb"):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(extract)], check=True)
    PHOTOS.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in extract.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg"))
    n = 0
    for src in sources:
        with Image.open(src) as im:
            if im.width * im.height < 1_500_000:
                continue  # thumbnails and previews, not photographs
            exif = im.info.get("exif", b"")
            scale = (TARGET_PIXELS / (im.width * im.height)) ** 0.5
            img = ImageOps.exif_transpose(im).convert("RGB")
            if scale < 1:
                img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
            img.save(PHOTOS / f"{n:04d}_{src.stem[:40]}.jpg", "JPEG", quality=90, exif=exif)
        n += 1
    (PHOTOS / ".prepared").touch()
    return sorted(PHOTOS.glob("*.jpg"))[:limit]


def phase_loop(files: list[Path]) -> dict:
    import imagehash
    from PIL import Image

    start = time.perf_counter()
    for path in files:
        with Image.open(path) as im:
            imagehash.phash(im)
    return {"seconds": time.perf_counter() - start}


def phase_import(files: list[Path], workers: int) -> dict:
    os.environ["WORKSTATION_EXTRA_PLUGINS"] = "bench_phash_plugin"
    sys.path.insert(0, str(HERE))
    from workstation.case import Case
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder = tmp / "photos"
    folder.mkdir()
    for f in files:
        os.link(f, folder / f.name) if f.stat().st_dev == folder.stat().st_dev else shutil.copy(f, folder)
    try:
        case = Case.create(tmp / "bench.case", "benchmark", title="bench", analyst="bench")
        start = time.perf_counter()
        result = run_import(case, [folder], Progress(), workers=workers)
        seconds = time.perf_counter() - start
        hashed = case.db.execute("SELECT count(*) FROM items WHERE kind='image'").fetchone()[0]
        case.close()
        assert not result.errors and hashed == len(files), result.errors[:3]
        return {"seconds": seconds, "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_phase(name: str, limit: int, workers: int) -> dict:
    cmd = [sys.executable, str(Path(__file__)), "--phase", name, "--limit", str(limit), "--workers", str(workers)]
    out = subprocess.run(
        cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--phase", choices=["loop", "import"])
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    files = prepare(args.limit)
    if args.phase:
        fn = phase_loop if args.phase == "loop" else (lambda f: phase_import(f, args.workers))
        out = fn(files)
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return 0
    total_mb = sum(f.stat().st_size for f in files) / (1 << 20)
    from PIL import Image

    mp = sum(Image.open(f).width * Image.open(f).height for f in files) / len(files) / 1e6
    loop = run_phase("loop", args.limit, args.workers)
    imp = run_phase("import", args.limit, args.workers)
    rows = []
    for label, r in (
        ("imagehash.phash loop (1 process)", loop),
        (f"workstation import ({args.workers} workers, phash analyzer, encrypted case)", imp),
    ):
        peak = f"{r['peak_mb']:.0f} MB" + (
            f" (+ each worker ≤ {r['children_peak_mb']:.0f} MB)" if "children_peak_mb" in r else ""
        )
        rows.append(f"| {label} | {len(files) / r['seconds']:.1f} | {total_mb / r['seconds']:.1f} | {peak} |")
    ratio = loop["seconds"] / imp["seconds"]
    load = os.getloadavg()
    text = "\n".join(
        [
            f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
            f"{os.cpu_count()} cores, load average before/while {load[0]:.1f}/{load[1]:.1f} "
            "(other engineers' work was running on the same 2 cores).",
            f"{len(files)} real photographs (Debian wallpaper packages, scaled to {mp:.1f} MP on average), "
            f"{total_mb:.0f} MB of JPEG.",
            "",
            "| phase | images/s | MB/s | peak memory |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
            f"Import is **{ratio:.1f}×** the plain loop's images/s (target ≥ 4×).",
            "Reproduce: `/work/venv/bin/python benchmarks/import_photos.py --record`",
        ]
    )
    print(text)
    if args.record:
        results = HERE / "RESULTS.md"
        existing = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
        if "\n## Import\n" not in existing:
            existing += "\n## Import\n"
        results.write_text(existing.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
