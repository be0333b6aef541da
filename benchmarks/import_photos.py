"""Import throughput on real photographs, side by side with a plain imagehash.phash loop.

Prepares its data itself: JPEG photographs from Debian wallpaper packages (apt-get download +
dpkg-deb -x, into benchmarks/data/, which git ignores), scaled to about 3 MP like phone photos.
Then, in separate processes (so peak memory is measured per phase):

  loop    for each file: imagehash.phash(Image.open(path))  (what a user would otherwise script)
  import  workstation import into a fresh encrypted case, worker processes, with every plug-in of
          this build, timed in its two stages as `workstation import` runs them:
          storage  SHA-256/MD5, metadata, thumbnail, dedup's perceptual hashes, the indicator and
                   selector scan, everything stored encrypted: the whole import as issues 3 and 4
                   define it; screenshots and graphics are queued for OCR here
          ocr      the OCR stage: Tesseract reads the queued images afterwards
  bare    the storage stage without plug-ins (hash, decode, EXIF, thumbnail, encrypted store)
  size256 for information: storage with JPEGs draft-decoded to >= 256 px instead of 512
          (ANALYSIS_SIZE; not adopted: dedup's accuracy depends on it)

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


def phase_import(files: list[Path], workers: int, ocr_stage: bool = True) -> dict:
    from workstation.case import Case
    from workstation.importing import ocrstage
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
        out = {
            "seconds": seconds,
            "cpu": cpu,
            "steady_per_s": steady,
            "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
        if ocr_stage:
            # The OCR stage as `workstation import` runs it after storing (Tesseract processes
            # are children that have ended when it returns: their CPU is counted).
            start, cpu = time.perf_counter(), _cpu()
            stage = ocrstage.run_ocr_stage(case, Progress())
            out["ocr"] = {
                "seconds": time.perf_counter() - start,
                "cpu": _cpu() - cpu,
                "queued": stage.queued,
                "read": stage.read,
                "with_text": stage.with_text,
                "status": stage.status,
            }
        case.close()
        assert not result.errors and hashed == len(files), result.errors[:3]
        return out
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
    ap.add_argument("--phase", choices=["prepare", "megapixels", "loop", "import", "bare", "size256"])
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
        if args.phase == "size256":
            # Loaded by hooks.load() in every worker: sets images.ANALYSIS_SIZE = 256 there.
            os.environ["WORKSTATION_EXTRA_PLUGINS"] = "benchmarks.analysis256"
        if args.phase == "loop":
            out = phase_loop(files)
        else:
            out = phase_import(files, args.workers, ocr_stage=args.phase == "import")
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return 0
    load_before = os.getloadavg()[0]
    total_mb = sum(f.stat().st_size for f in files) / (1 << 20)
    mp = run_phase("megapixels", args.limit, args.workers)["megapixels"]
    loop = run_phase("loop", args.limit, args.workers)
    imp = run_phase("import", args.limit, args.workers)
    bare = run_phase("bare", args.limit, args.workers)
    small = run_phase("size256", args.limit, args.workers)
    ocr = imp["ocr"]
    n = len(files)
    both = {"seconds": imp["seconds"] + ocr["seconds"], "cpu": imp["cpu"] + ocr["cpu"], "peak_mb": imp["peak_mb"]}

    def row(label: str, r: dict) -> str:
        peak = f"{r['peak_mb']:.0f} MB" + (
            f" (+ each worker ≤ {r['children_peak_mb']:.0f} MB)" if "children_peak_mb" in r else ""
        )
        steady = f" ({r['steady_per_s']:.1f} once the workers are up)" if "steady_per_s" in r else ""
        rate = f"{n / r['seconds']:.1f}{steady}"
        return f"| {label} | {rate} | {total_mb / r['seconds']:.1f} | {r['cpu'] / n * 1000:.1f} ms | {peak} |"

    ocr_row = (
        f"| OCR stage after it (Tesseract on the {ocr['queued']} queued graphics, {args.workers} at a time; "
        f"text in {ocr['with_text']}) | {n / ocr['seconds']:.1f} (of all {n} photos; "
        f"{ocr['queued'] / ocr['seconds']:.1f} graphics/s) | {total_mb / ocr['seconds']:.1f} | "
        f"{ocr['cpu'] / n * 1000:.1f} ms ({ocr['cpu'] / max(1, ocr['queued']) * 1000:.0f} ms per graphic) | – |"
    )
    rows = [
        row("imagehash.phash loop (1 process)", loop),
        row(f"**workstation import, storage** ({args.workers} workers, all plug-ins, encrypted case)", imp),
        ocr_row,
        row("import + OCR stage (what `workstation import` runs by default)", both),
        row("storage without plug-ins (hash, decode, EXIF, thumbnail, encrypted store)", bare),
        row("storage with ANALYSIS_SIZE 256 instead of 512 (not adopted; for information)", small),
    ]
    load = os.getloadavg()

    def times(r: dict) -> str:
        whole = loop["seconds"] / r["seconds"]
        text = f"**{whole:.1f}×** over the whole run"
        if "steady_per_s" in r:
            text += f", **{r['steady_per_s'] * loop['seconds'] / n:.1f}×** once its workers are up"
        return text

    def cpu_ratio(r: dict) -> str:
        return f"{loop['cpu'] / r['cpu']:.2f}"

    text = "\n".join(
        [
            f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
            f"{os.cpu_count()} cores, load average {load_before:.1f} before, {load[0]:.1f} after, "
            f"{load[1]:.1f} over the last 5 minutes"
            + (" (other work was running on the same cores)." if load_before >= 0.5 else " (a quiet machine)."),
            f"{n} real photographs (Debian wallpaper packages, scaled to {mp:.1f} MP on average), "
            f"{total_mb:.0f} MB of JPEG.",
            "",
            "| phase | images/s | MB/s | CPU per image (all processes) | peak memory |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"The import (storage: SHA-256, metadata, thumbnail, all hashes, stored): {times(imp)} of the plain "
            f"loop's images/s (target ≥ 4×); loop CPU ÷ import CPU per image = {cpu_ratio(imp)} "
            f"(on 2 idle cores the import can reach about 2 × that). With the OCR stage: {times(both)}. "
            f"Without plug-ins: {times(bare)}. With ANALYSIS_SIZE 256: {times(small)}.",
            "Reproduce: `/work/venv/bin/python benchmarks/import_photos.py --record`",
        ]
    )
    print(text)
    if args.record:
        results = HERE / "RESULTS.md"
        existing = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
        if "\n## Import\n" not in existing:
            existing = existing.rstrip("\n") + "\n\n## Import\n"
        # At the end of the Import section, before the next section's heading.
        start = existing.index("\n## Import\n") + len("\n## Import\n")
        end = existing.find("\n## ", start)
        end = len(existing) if end < 0 else end + 1
        section = existing[start:end].rstrip("\n") + "\n\n" + text + "\n\n"
        results.write_text(existing[:start] + section + existing[end:].lstrip("\n"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
