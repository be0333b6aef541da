"""Fidelity and cost of the offline page renderer (issue 20).

Builds pages with CSS grid and flex layouts, a web font (@font-face, Liberation TTF from Debian),
CSS background images and lazy-loaded <img loading=lazy> photos (synthetic, drawn here), captures
them all in one WARC, imports it into a fresh case and renders every page with
``workstation.rendering.stage.run_render_stage`` (offline: requests answered from the case).

Reference: the same files served by a local http.server on 127.0.0.1 and screenshotted by the same
Chromium binary the ordinary way (``--screenshot``, normal network stack; scripts on, as
``--screenshot`` needs them: the pages have none). Difference
per page, on the 1280x800 viewport: mean absolute difference of the RGB channels (0-255), the share
of pixels whose largest channel difference exceeds 32, and the Hamming distance of a 256-bit
difference hash (16x16 dHash of the greyscale picture). Designs 0-5 are the tuning part, 6-9 the
held-out part (never looked at while writing the renderer).

Cost: pages per second of the render stage (load, two screenshots, hashing, storing encrypted) and
the peak resident memory of the browser process tree, sampled after every page.

    PYTHONPATH=$PWD /work/venv/bin/python benchmarks/render_fidelity.py [--variants 4]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from PIL import Image, ImageDraw

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
ORIGIN = "https://bench.example.net"
TUNING, HELD_OUT = range(0, 6), range(6, 10)


def photo(seed: int, size: tuple[int, int] = (480, 320)) -> bytes:
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for y in range(size[1]):
        draw.line([(0, y), (size[0], y)], fill=((seed * 37 + y) % 256, (seed * 91 + y // 2) % 256, (seed * 53) % 256))
    for k in range(6):
        x, y = (seed * 61 + k * 83) % size[0], (seed * 29 + k * 47) % size[1]
        draw.ellipse([x, y, x + 60 + k * 9, y + 40 + k * 7], fill=((k * 70) % 256, 200 - k * 20, (seed * k) % 256))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


def page_html(design: int, variant: int) -> str:
    words = " ".join(f"woord{(design * 7 + variant * 3 + i) % 97}" for i in range(40))
    font = "@font-face{font-family:Bench;src:url('/assets/bench.ttf') format('truetype')}"
    base = f"{font} body{{margin:0;font-family:Bench,serif;background:#f4f1ea}} h1{{font-size:{28 + design}px}}"
    imgs = "".join(
        f"<img loading=lazy src='/assets/p{(design + variant + k) % 12}.jpg' width=240 height=160 alt=''>"
        for k in range(6)
    )
    if design % 5 == 0:  # grid of cards
        css = (
            ".g{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;padding:16px}.c{background:#fff;padding:8px}"
        )
        body = (
            "<div class=g>"
            + "".join(f"<div class=c>{imgs[:0]}<p>{words}</p></div>" for _ in range(6))
            + "</div>"
            + imgs
        )
    elif design % 5 == 1:  # flex header + sidebar
        css = (
            "header{display:flex;justify-content:space-between;background:#223;color:#fff;padding:12px}"
            ".m{display:flex}.s{width:260px;background:#dde}.x{flex:1;padding:10px}"
        )
        body = (
            f"<header><b>Bench {design}</b><span>{variant}</span></header><div class=m><div class=s>{words}</div>"
            f"<div class=x>{imgs}<p>{words}</p></div></div>"
        )
    elif design % 5 == 2:  # background image hero
        css = (
            f".h{{height:360px;background:url('/assets/p{design % 12}.jpg') center/cover;color:#fff}}"
            ".h h1{margin:0;padding:120px 40px;text-shadow:0 0 4px #000}"
        )
        body = f"<div class=h><h1>Vacature {design}-{variant}</h1></div><p>{words}</p>{imgs}"
    elif design % 5 == 3:  # grid areas
        css = (
            ".l{display:grid;grid-template-areas:'a a b' 'c d b';grid-template-columns:2fr 1fr 1fr;gap:8px}"
            ".l>div{background:#fff;border:2px solid #987;padding:6px;min-height:120px}"
        )
        body = (
            "<div class=l>"
            + "".join(f"<div style='grid-area:{a}'>{words[:80]}</div>" for a in "abcd")
            + f"</div>{imgs}"
        )
    else:  # flex wrap gallery
        css = ".w{display:flex;flex-wrap:wrap;gap:6px;padding:6px}.w img{border-radius:8px}"
        body = f"<h1>Galerij {design}</h1><div class=w>{imgs}{imgs}</div><p>{words}</p>"
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>Bench {design}/{variant}</title>"
        f"<style>{base}{css}</style></head><body><h1>Advertentie {design}.{variant}</h1>{body}</body></html>"
    )


def build(root: Path, variants: int) -> dict[str, bytes]:
    files: dict[str, bytes] = {"/assets/bench.ttf": FONT.read_bytes()}
    for k in range(12):
        files[f"/assets/p{k}.jpg"] = photo(k)
    for design in range(10):
        for variant in range(variants):
            files[f"/d{design}/v{variant}/index.html"] = page_html(design, variant).encode()
    for path, data in files.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return files


def write_warc(path: Path, files: dict[str, bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    types = {".html": "text/html; charset=utf-8", ".jpg": "image/jpeg", ".ttf": "font/ttf"}
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, data in files.items():
            http = StatusAndHeaders("200 OK", [("Content-Type", types[Path(name).suffix])], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(ORIGIN + name, "response", payload=io.BytesIO(data), http_headers=http)
            )


def diff(a: Image.Image, b: Image.Image) -> tuple[float, float, int]:
    import numpy as np

    x = np.asarray(a.convert("RGB"), dtype=np.int16)
    y = np.asarray(b.convert("RGB").resize(a.size), dtype=np.int16)
    d = np.abs(x - y)
    mad = float(d.mean())
    share = float((d.max(axis=2) > 32).mean())

    def dhash(img: Image.Image) -> np.ndarray:
        g = np.asarray(img.convert("L").resize((17, 16)), dtype=np.int16)
        return g[:, 1:] > g[:, :-1]

    return mad, share, int((dhash(a) != dhash(b)).sum())


def main() -> None:
    from workstation.case import Case
    from workstation.importing.pipeline import run_import
    from workstation.rendering import chromium
    from workstation.rendering.stage import page_ids, renderings_of, run_render_stage

    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--keep", default="", help="folder to keep the viewport pairs of variant 0 in")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="render-bench-"))
    try:
        site = tmp / "site"
        files = build(site, args.variants)
        write_warc(tmp / "capture.warc.gz", files)
        case = Case.create(tmp / "b.case", "benchmark passphrase 2026!", title="render bench", analyst="bench")
        run_import(case, [tmp / "capture.warc.gz"], workers=0)
        ids = page_ids(case)
        # cost: the render stage over every page, peak RSS of the browser tree sampled per page
        peak = [0]
        browser = chromium.Browser()
        browser.start()
        original = browser.render

        def sampled(*a, **k):  # type: ignore[no-untyped-def]
            result = original(*a, **k)
            if browser.proc is not None:
                rss = 0
                for pid in chromium.browser_pids(browser.proc.pid):
                    try:
                        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                            if line.startswith("VmRSS:"):
                                rss += int(line.split()[1])
                    except OSError:
                        pass
                peak[0] = max(peak[0], rss)
            return result

        browser.render = sampled  # type: ignore[method-assign]
        started = time.monotonic()
        result = run_render_stage(case, browser=browser)
        elapsed = time.monotonic() - started
        browser.close()
        print(
            f"{result.rendered}/{len(ids)} pages rendered in {elapsed:.1f} s = "
            f"{result.rendered / elapsed:.2f} pages/s; "
            f"errors {len(result.errors)}; browser tree peak RSS {peak[0] / 1024:.0f} MiB; {result.engine}"
        )
        # fidelity: the same files served on 127.0.0.1, screenshotted by Chromium the ordinary way
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
        handler = functools.partial(handler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        exe = chromium.find_browser()
        by_url = {case.item(i)["source_url"]: i for i in ids}
        rows: dict[str, list[tuple[float, float, int]]] = {"tuning": [], "held-out": []}
        for design in range(10):
            for variant in range(min(args.variants, 2)):
                path = f"/d{design}/v{variant}/index.html"
                out = tmp / f"ref-{design}-{variant}.png"
                proc = subprocess.run(
                    [
                        str(exe),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        f"--user-data-dir={tmp / 'ref-profile'}",
                        "--window-size=1280,800",
                        f"--screenshot={out}",
                        f"http://127.0.0.1:{server.server_port}{path}",
                    ],
                    capture_output=True,
                    timeout=60,
                    check=False,
                    text=True,
                )
                if not out.exists():
                    raise SystemExit(f"reference screenshot failed: {proc.stderr[-800:]}")
                ours_id = renderings_of(case, by_url[ORIGIN + path])["viewport"]
                ours = Image.open(io.BytesIO(case.blobs.read(case.item(ours_id)["sha256"])))
                rows["tuning" if design in TUNING else "held-out"].append(diff(Image.open(out), ours))
                if args.keep and variant == 0:
                    Image.open(out).save(Path(args.keep) / f"ref-{design}.png")
                    ours.save(Path(args.keep) / f"ours-{design}.png")
        server.shutdown()
        for part, values in rows.items():
            n = len(values)
            print(
                f"{part}: {n} pages; mean abs diff {sum(v[0] for v in values) / n:.2f}/255 (max "
                f"{max(v[0] for v in values):.2f}); pixels off by >32: mean "
                f"{100 * sum(v[1] for v in values) / n:.2f} % "
                f"(max {100 * max(v[1] for v in values):.2f} %); dHash-256 distance mean "
                f"{sum(v[2] for v in values) / n:.1f} (max {max(v[2] for v in values)})"
            )
        case.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
