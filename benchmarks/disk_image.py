"""Disk-image reading speed: how close the file-system walk and hashing come to the disk's own speed.

Builds a raw ext4 image with the real tool (mkfs.ext4 -d from a folder of N files of mixed sizes,
random content so nothing compresses or deduplicates), then measures in one run:

  sequential   reading the image file start to end in 8 MiB blocks (the disk's sequential speed,
               as far as the page cache allows; the cache is dropped first when we are root)
  hashing      the hashing stage of a disk-image import: every file found through Dissect
               (partition table, ext4, inodes, extents), read and SHA-256 + MD5 hashed
  import       the whole `run_import` of the image into a fresh encrypted case (stores the image
               itself and every file, with their analysis), for information

Run:  /work/venv/bin/python benchmarks/disk_image.py [--files N] [--mib TOTAL_MIB]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(folder: Path, files: int, total_mib: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    src = folder / "src"
    sizes = [max(1, int(rng.lognormvariate(0, 1.2) * 1000)) for _ in range(files)]
    scale = total_mib * (1 << 20) / sum(sizes)
    for n, size in enumerate(sizes):
        path = src / f"d{n // 500:03d}" / f"f{n:06d}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(max(1, int(size * scale))))
    image = folder / "disk.img"
    image_mib = int(total_mib * 1.25) + 64
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-N", str(files + 1000), "-d", str(src), str(image), f"{image_mib}M"], check=True
    )
    subprocess.run(["rm", "-rf", str(src)], check=True)
    return image


def drop_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def sequential(image: Path) -> float:
    dropped = drop_cache()
    start = time.perf_counter()
    with image.open("rb", buffering=0) as fh:
        while fh.read(8 << 20):
            pass
    seconds = time.perf_counter() - start
    print(f"  (page cache dropped: {dropped})")
    return image.stat().st_size / seconds / (1 << 20)


def hashing(image: Path) -> tuple[float, int, int]:
    from workstation.importing import filesystems as fsmod
    from workstation.importing.disk import volumes

    drop_cache()
    start = time.perf_counter()
    count = total = 0
    with image.open("rb") as media:
        for volume in volumes(media, image.stat().st_size):
            kind = fsmod.detect(volume.stream)
            assert kind is not None
            for entry in fsmod.walk(volume.stream, kind, limit=10_000_000):
                sha, md5 = hashlib.sha256(), hashlib.md5(usedforsecurity=False)
                with entry.opener() as fh:
                    while block := fh.read(1 << 20):
                        sha.update(block)
                        md5.update(block)
                count += 1
                total += entry.size
    seconds = time.perf_counter() - start
    return total / seconds / (1 << 20), count, total


def whole_import(image: Path, folder: Path) -> tuple[float, int]:
    from workstation.case import Case
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    case = Case.create(folder / "bench.case", "benchmark passphrase", title="bench", analyst="bench")
    try:
        start = time.perf_counter()
        result = run_import(case, [image], Progress())
        seconds = time.perf_counter() - start
        return seconds, result.imported
    finally:
        case.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--mib", type=int, default=512)
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        image = build(folder, args.files, args.mib)
        print(f"image: {image.stat().st_size >> 20} MiB, {args.files} files, built in {time.perf_counter() - t0:.0f} s")
        seq = sequential(image)
        print(f"sequential read: {seq:.0f} MiB/s")
        rate, count, total = hashing(image)
        print(
            f"hashing stage: {count} files, {total >> 20} MiB of content at {rate:.0f} MiB/s"
            f" = {rate / seq:.0%} of sequential"
        )
        if not args.no_import:
            seconds, imported = whole_import(image, folder)
            print(
                f"whole import: {imported} items in {seconds:.0f} s"
                f" ({image.stat().st_size / seconds / (1 << 20):.0f} MiB/s of image)"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
