"""Video decoding throughput and memory: 720p H.264 made from real photographs, in the sandbox.

Two slideshows of Debian wallpaper photos at 1280x720, 30 fps, every frame moving (a slow zoom,
cross-fades), encoded with libx264: a short one and one four times as long. Each is analysed by
the import's decoder sandbox (PyAV, keyframes, signature, contact sheet) and measured: wall time
and CPU of the sandbox process against the video's duration (the real-time factor), and the
sandbox's peak resident memory, which must not grow with the video's length.

Run: ``PYTHONPATH=. python -m benchmarks.video_throughput [--seconds 20]``
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from benchmarks import dedup_data
from workstation.video import sandbox
from workstation.video import synthetic as syn


def _child(path: str, conn: Any) -> None:
    """In a fresh process under the sandbox's memory limit, as the import runs it."""
    resource.setrlimit(resource.RLIMIT_AS, (sandbox.MEMORY_LIMIT, sandbox.MEMORY_LIMIT))
    from workstation.video import decode

    cpu0, t0 = time.process_time(), time.monotonic()
    answer = decode.analyse(path)
    conn.send(
        {
            "wall": time.monotonic() - t0,
            "cpu": time.process_time() - cpu0,  # all threads of the process (FFmpeg decodes with 2)
            "keyframes": len(answer["keyframes"]),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def _measure(path: Path, duration: float) -> dict[str, float]:
    ctx = get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_child, args=(str(path), child))
    proc.start()
    got = parent.recv()
    proc.join()
    return {
        "duration_s": duration,
        "wall_s": round(got["wall"], 2),
        "cpu_s": round(got["cpu"], 2),
        "realtime_factor_wall": round(duration / got["wall"], 1),
        "realtime_factor_cpu": round(duration / got["cpu"], 1),
        "keyframes": got["keyframes"],
        "peak_rss_mb": round(got["rss_mb"], 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    photos = [dedup_data.load(p, max_side=1600) for p in dedup_data.photo_paths()[:40]]
    out = {}
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent / "data") as tmp:
        for factor in (1, 4):
            seconds = args.seconds * factor
            n = int(seconds / 2.5)
            slides = [syn.Slide(photos[i % len(photos)], 2.5, zoom=1.1) for i in range(n)]
            path = Path(tmp) / f"hd_{int(seconds)}s.mp4"
            t0 = time.monotonic()
            syn.slideshow(path, slides, size=(1280, 720), fps=30, fade=0.5, options={"preset": "veryfast"})
            made = time.monotonic() - t0
            result = _measure(path, seconds)
            result["made_s"] = round(made, 1)
            result["mb"] = round(path.stat().st_size / 1e6, 1)
            out[f"{int(seconds)} s"] = result
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
