"""#22: photos with a phone number written over them: how many does the import queue for OCR,
how many plain photos does it queue by mistake, and does Tesseract read the numbers.

Data (built here, nothing downloaded but Debian packages): the 56 Debian wallpaper photographs of
benchmarks/dedup_data.py, scaled to 1600 px; each photo once plain and twice with a phone number
drawn with Pillow in a real TrueType font (size, colour, outline, band and position vary per
image, seeded). Photos with an even index are the tuning part (DejaVu Sans Bold); odd ones are
held out (never looked at while tuning), drawn in other fonts (DejaVu Serif Bold, DejaVu Sans
Mono Bold, Noto Sans Arabic Bold's Latin digits) and number formats.

    PYTHONPATH=. /work/venv/bin/python -m benchmarks.ocr_photos [--read 20] [--part tuning|held-out|both]

Queued/false-queue figures use the import's own analyzer (workstation.ocr.analyse on the image
as the import decodes it); "read" runs Tesseract on up to --read queued text photos per part and
counts those whose recognised digits contain the drawn number's digits.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS_TUNING = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")]
FONTS_HELD_OUT = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
    ROOT / "resources/fonts/DejaVuSansMono-Bold.ttf",
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"),
]
FORMATS_TUNING = ["+31 6 {a} {b}", "06-{a}{b}", "+44 7700 {c}", "Tel {a} {b}"]
FORMATS_HELD_OUT = ["+48 512 {c}", "0031 6 {a}{b}", "+380 67 {c} {d}", "WhatsApp {a}-{b}"]
COLOURS = [
    ((255, 255, 255), (0, 0, 0)),
    ((255, 230, 0), (40, 40, 40)),
    ((230, 20, 60), (255, 255, 255)),
    ((20, 20, 20), (255, 255, 255)),
]


def number(rng: random.Random, formats: list[str]) -> str:
    return rng.choice(formats).format(
        a=f"{rng.randint(1000, 9999)}",
        b=f"{rng.randint(1000, 9999)}",
        c=f"{rng.randint(100000, 999999)}",
        d=f"{rng.randint(10, 99)}",
    )


def draw_number(
    photo: Image.Image, rng: random.Random, fonts: list[Path], formats: list[str]
) -> tuple[Image.Image, str]:
    img = photo.copy()
    text = number(rng, formats)
    size = int(img.height * rng.uniform(0.04, 0.09))
    font = ImageFont.truetype(str(rng.choice(fonts)), size)
    fill, outline = rng.choice(COLOURS)
    draw = ImageDraw.Draw(img, "RGBA")
    box = draw.textbbox((0, 0), text, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    x = rng.randint(int(img.width * 0.03), max(int(img.width * 0.03) + 1, img.width - tw - int(img.width * 0.03)))
    y = rng.randint(int(img.height * 0.05), max(int(img.height * 0.05) + 1, img.height - th - int(img.height * 0.08)))
    style = rng.random()
    if style < 0.3:  # a translucent band behind the text, as many ad templates do
        draw.rectangle((x - size // 3, y - size // 4, x + tw + size // 3, y + th + size // 2), fill=(*outline, 150))
        draw.text((x, y), text, font=font, fill=fill)
    elif style < 0.7:  # outlined text
        draw.text((x, y), text, font=font, fill=fill, stroke_width=max(1, size // 14), stroke_fill=outline)
    else:  # plain text straight on the photo
        draw.text((x, y), text, font=font, fill=fill)
    return img, text


def jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def build(limit: int | None = None) -> dict[str, list[tuple[str, bytes, str]]]:
    """{"tuning"|"held-out": [(name, jpeg bytes, drawn number or "")]}."""
    from benchmarks.dedup_data import photo_paths

    parts: dict[str, list[tuple[str, bytes, str]]] = {"tuning": [], "held-out": []}
    for i, path in enumerate(photo_paths()[:limit]):
        part = "tuning" if i % 2 == 0 else "held-out"
        rng = random.Random(f"ocr22-{i}")
        with Image.open(path) as im:
            im.draft("RGB", (1600, 1600))
            photo = im.convert("RGB")
        photo.thumbnail((1600, 1600))
        fonts, formats = (FONTS_TUNING, FORMATS_TUNING) if part == "tuning" else (FONTS_HELD_OUT, FORMATS_HELD_OUT)
        parts[part].append((f"{path.stem}-plain", jpeg(photo), ""))
        for k in range(2):
            img, text = draw_number(photo, rng, fonts, formats)
            parts[part].append((f"{path.stem}-number{k}", jpeg(img), text))
    return parts


def analysed(data: bytes) -> tuple[Any, dict[str, Any], float]:
    """The import's own decode and OCR decision for one image (and the analyzer's time)."""
    from workstation import ocr
    from workstation.importing.images import analyse_image

    start = time.perf_counter()
    out = analyse_image(io.BytesIO(data), {"ocr": ocr.analyse})
    return out, out["analysis"]["ocr"], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--read", type=int, default=20, help="queued text photos per part read with Tesseract")
    parser.add_argument("--part", choices=("tuning", "held-out", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="photos used (default all 56)")
    args = parser.parse_args()
    from workstation import ocr

    parts = build(args.limit)
    for part, images in parts.items():
        if args.part != "both" and part != args.part:
            continue
        with_text = [(n, d, t) for n, d, t in images if t]
        plain = [(n, d, t) for n, d, t in images if not t]
        queued_text, queued_plain, seconds = [], [], []
        for name, data, text in images:
            _, decision, took = analysed(data)
            seconds.append(took)
            if "queue" in decision:
                (queued_text if text else queued_plain).append((name, data, text))
        read_ok = read_tried = 0
        for _name, data, text in queued_text[: args.read]:
            with Image.open(io.BytesIO(data)) as im:
                result = ocr.read(im.convert("RGB"))
            read_tried += 1
            digits = re.sub(r"\D", "", text)
            got = re.sub(r"\D", "", result.get("text", ""))
            read_ok += int(digits in got)
        print(
            f"{part}: {len(with_text)} photos with a number, {len(queued_text)} queued "
            f"({len(queued_text) / max(1, len(with_text)):.0%}); {len(plain)} plain photos, {len(queued_plain)} queued "
            f"by mistake ({len(queued_plain) / max(1, len(plain)):.0%}); Tesseract read the number on {read_ok} of "
            f"{read_tried} queued; decode+analyse {1000 * sum(seconds) / len(seconds):.0f} ms/image"
        )
        missed = [n for n, _d, _t in with_text if n not in {q[0] for q in queued_text}]
        print(f"  missed: {', '.join(missed[:12])}{' …' if len(missed) > 12 else ''}")
        print(f"  false: {', '.join(q[0] for q in queued_plain)}")


if __name__ == "__main__":
    main()
