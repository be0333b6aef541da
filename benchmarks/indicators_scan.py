"""Benchmark: indicator scanning, selector extraction and OCR speed (issue 6).

Reproduce (prints a Markdown table; other work on the machine slows it, so note the load):

    /work/venv/bin/python benchmarks/indicators_scan.py
    /work/venv/bin/python benchmarks/indicators_scan.py --no-ocr --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workstation.indicators import Scanner, load_taxonomy  # noqa: E402
from workstation.selectors import extract  # noqa: E402


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-ocr", action="store_true")
    args = ap.parse_args()

    ads = json.loads((ROOT / "tests/data/indicators/labelled_ads.json").read_text(encoding="utf-8"))["ads"]
    texts = [a["text"] for a in ads]
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    scanner = Scanner(load_taxonomy())
    compile_s = time.perf_counter() - t0
    rows = [("compile taxonomy (34 indicators, 11 languages)", f"{compile_s * 1000:.0f} ms", "once per scan/import")]

    s = timed(lambda: [scanner.scan(t, region="NL") for t in texts], args.repeat)
    rows.append(
        (
            f"scan {len(texts)} ads ({chars / 1000:.0f} kB)",
            f"{s * 1000 / len(texts):.1f} ms/ad",
            f"{chars / s / 1e3:.0f} kB/s",
        )
    )
    page = ("<div><p>" + " ".join(texts) + "</p></div>\n") * 8
    s = timed(lambda: scanner.scan(page, region="NL"), args.repeat)
    rows.append(
        (f"scan one {len(page) / 1000:.0f} kB HTML page", f"{s * 1000:.0f} ms", f"{len(page) / s / 1e3:.0f} kB/s")
    )
    s = timed(lambda: [extract(t, "NL") for t in texts], args.repeat)
    rows.append(
        (f"selectors from {len(texts)} ads", f"{s * 1000 / len(texts):.1f} ms/ad", f"{chars / s / 1e3:.0f} kB/s")
    )
    s = timed(lambda: extract(page, "NL"), args.repeat)
    rows.append(
        (f"selectors from one {len(page) / 1000:.0f} kB page", f"{s * 1000:.0f} ms", f"{len(page) / s / 1e3:.0f} kB/s")
    )

    if not args.no_ocr:
        from PIL import Image, ImageDraw, ImageFont

        from workstation import ocr

        st = ocr.status()
        if st.available:
            img = Image.new("RGB", (1080, 1920), "white")
            draw = ImageDraw.Draw(img)
            font = ImageFont.load_default(size=40)
            for n, line in enumerate(texts[:20]):
                draw.text((30, 40 + n * 90), line[:40], fill="black", font=font)
            for langs, bright in (
                (("eng",), False),
                (("eng", "nld", "ukr", "rus"), False),
                (("eng", "nld", "ukr", "rus"), True),
            ):
                s = timed(lambda: ocr.ocr_image(img, langs, bright_pass=bright), 1)  # noqa: B023
                rows.append(
                    (
                        f"OCR 1080x1920 screenshot, {'+'.join(langs)}{', 2 passes' if bright else ''}",
                        f"{s:.1f} s",
                        "OMP_THREAD_LIMIT=1",
                    )
                )
        else:
            rows.append(("OCR", "n/a", st.notice))

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print("| step | time | throughput / note |\n| --- | ---: | --- |")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")


if __name__ == "__main__":
    main()
