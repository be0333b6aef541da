"""Import throughput on real photographs, side by side with a plain imagehash.phash loop.

Prepares its data itself: JPEG photographs from Debian wallpaper packages (apt-get download +
dpkg-deb -x, into benchmarks/data/, which git ignores), scaled to about 3 MP like phone photos.
Then, in separate processes (so peak memory is measured per phase):

  loop    for each file: imagehash.phash(Image.open(path))  (what a user would otherwise script)
  import  workstation import into a fresh encrypted case, worker processes, with every plug-in of
          this build (dedup's perceptual hashes, the indicator and selector scanners, ...)

Run:  /work/venv/bin/python benchmarks/import_photos.py [--workers N] [--limit N] [--record]
--record appends the figures to benchmarks/RESULTS.md under "Import".
"""

from __future__ import annotations

import argparse
import hashlib
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
    seen: set[str] = set()
    n = 0
    for src in sources:
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        if digest in seen:
            continue  # the packages ship one photo under several names
        seen.add(digest)
        with Image.open(src) as im:
            if im.width * im.height < 1_500_000:
                continue  # thumbnails and previews, not photographs
            exif = im.info.get("exif", b"")
            img = ImageOps.exif_transpose(im).convert("RGB")
        # Up to three ~3 MP photographs per source: the whole frame scaled like a phone photo,
        # and, from larger sources, its left and right parts at native resolution.
        scale = min(1.0, (TARGET_PIXELS / (img.width * img.height)) ** 0.5)
        views = [img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)]
        if img.width * img.height >= 4_000_000:
            w = round((TARGET_PIXELS * img.width / img.height) ** 0.5)
            h = round(TARGET_PIXELS / w)
            if w < img.width and h <= img.height:
                dx, dy = img.width - w, img.height - h
                for x, y in ((0, 0), (dx, dy), (dx // 2, dy // 2), (dx, 0), (0, dy)):
                    views.append(img.crop((x, y, x + w, y + h)))
        for view in views:
            view.save(PHOTOS / f"{n:04d}_{src.stem[:40]}.jpg", "JPEG", quality=90, exif=exif)
            n += 1
    (PHOTOS / ".prepared").touch()
    return sorted(PHOTOS.glob("*.jpg"))[:limit]


def phase_loop(files: list[Path]) -> dict:
    import imagehash
    from PIL import Image

    start, cpu = time.perf_counter(), _cpu()
    for path in files:
        with Image.open(path) as im:
            imagehash.phash(im)
    return {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu}


def _cpu() -> float:
    """CPU seconds of this process and of its children that ended (workers, Tesseract): what a
    phase costs whatever else runs on the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def phase_import(files: list[Path], workers: int) -> dict:
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
        from workstation.importing import hooks

        # When each batch was stored (in its transaction), with how many items: the rate "once
        # the workers are up" counts stored items, not files read (reading runs ahead of the
        # workers by up to a window of items).
        stored: list[tuple[float, int]] = []

        def mark(case: object, item_ids: list[int]) -> None:
            stored.append((time.perf_counter(), (stored[-1][1] if stored else 0) + len(item_ids)))

        hooks.load()
        hooks.register_batch_hook(mark)

        start, cpu = time.perf_counter(), _cpu()
        result = run_import(case, [folder], Progress(), workers=workers)
        seconds = time.perf_counter() - start
        cpu = _cpu() - cpu  # the workers have ended: run_import shuts its pool down
        t0, n0 = next((t, n) for t, n in stored if n >= len(files) // 10)
        steady = (stored[-1][1] - n0) / (stored[-1][0] - t0) if stored[-1][0] > t0 else float("nan")
        hashed = case.db.execute("SELECT count(*) FROM items WHERE kind='image'").fetchone()[0]
        case.close()
        assert not result.errors and hashed == len(files), result.errors[:3]
        return {
            "seconds": seconds,
            "cpu": cpu,
            "steady_per_s": steady,
            "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
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
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--phase", choices=["prepare", "megapixels", "loop", "import", "noocr", "bare"])
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    if args.phase == "prepare":
        print(json.dumps({"files": len(prepare(args.limit))}))
        return 0
    if args.phase == "megapixels":
        from PIL import Image

        found = sorted(PHOTOS.glob("*.jpg"))[: args.limit]
        sizes = [Image.open(f).size for f in found]
        print(json.dumps({"megapixels": sum(w * h for w, h in sizes) / len(sizes) / 1e6}))
        return 0
    if not args.phase:
        # Every phase in its own process started from this small one: Linux children inherit
        # the parent's peak RSS, so the heavy preparation must not happen here either.
        run_phase("prepare", args.limit, args.workers)
    files = sorted(PHOTOS.glob("*.jpg"))[: args.limit]
    if args.phase:
        if args.phase == "bare":
            os.environ["WORKSTATION_PLUGINS"] = "none"
        if args.phase == "noocr":
            os.environ["WORKSTATION_OCR"] = "off"
        fn = phase_loop if args.phase == "loop" else (lambda f: phase_import(f, args.workers))
        out = fn(files)
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return 0
    load_before = os.getloadavg()[0]
    total_mb = sum(f.stat().st_size for f in files) / (1 << 20)
    mp = run_phase("megapixels", args.limit, args.workers)["megapixels"]
    loop = run_phase("loop", args.limit, args.workers)
    imp = run_phase("import", args.limit, args.workers)
    noocr = run_phase("noocr", args.limit, args.workers)
    bare = run_phase("bare", args.limit, args.workers)
    rows = []
    for label, r in (
        ("imagehash.phash loop (1 process)", loop),
        (f"workstation import ({args.workers} workers, all plug-ins, encrypted case)", imp),
        ("same, OCR of graphics at import switched off (WORKSTATION_OCR=off)", noocr),
        ("same, without plug-ins (hash, decode, EXIF, thumbnail, encrypted store)", bare),
    ):
        peak = f"{r['peak_mb']:.0f} MB" + (
            f" (+ each worker ≤ {r['children_peak_mb']:.0f} MB)" if "children_peak_mb" in r else ""
        )
        steady = f" ({r['steady_per_s']:.1f} once the workers are up)" if "steady_per_s" in r else ""
        cpu_ms = r["cpu"] / len(files) * 1000
        rate = f"{len(files) / r['seconds']:.1f}{steady}"
        rows.append(f"| {label} | {rate} | {total_mb / r['seconds']:.1f} | {cpu_ms:.1f} ms | {peak} |")
    load = os.getloadavg()

    def times(r: dict) -> str:
        whole = loop["seconds"] / r["seconds"]
        steady = r["steady_per_s"] * loop["seconds"] / len(files)
        return f"**{whole:.1f}×** over the whole run, **{steady:.1f}×** once its workers are up"

    text = "\n".join(
        [
            f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
            f"{os.cpu_count()} cores, load average {load_before:.1f} before, {load[0]:.1f} after, "
            f"{load[1]:.1f} over the last 5 minutes "
            "(other engineers' work was running on the same 2 cores).",
            f"{len(files)} real photographs (Debian wallpaper packages, scaled to {mp:.1f} MP on average), "
            f"{total_mb:.0f} MB of JPEG.",
            "",
            "| phase | images/s | MB/s | CPU per image (all processes) | peak memory |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"Import with every plug-in: {times(imp)} of the plain loop's images/s (target ≥ 4×); "
            f"with OCR at import off: {times(noocr)}; without plug-ins: {times(bare)}.",
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
