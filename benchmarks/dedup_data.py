"""Real photographs for the dedup benchmarks, and the near-duplicate variants made from them.

The photos come from Debian 12 wallpaper packages (fetched with ``apt-get download`` and unpacked
with ``dpkg-deb -x`` into ``benchmarks/data/``, which git ignores). Each source photo is kept once:
symlinks, preview screenshots, "dark" renditions and the same picture at several resolutions are
skipped, so two different files in the set are two different pictures.

Run ``python -m benchmarks.dedup_data`` to fetch and list them.
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

DATA = Path(__file__).resolve().parent / "data" / "dedup"
PACKAGES = [
    "mate-backgrounds",
    "ukui-wallpapers",
    "lomiri-wallpapers",
    "lomiri-wallpapers-16.04",
    "lomiri-wallpapers-20.04",
    "plasma-workspace-wallpapers",
]
MIN_BYTES = 60_000


def fetch() -> Path:
    """Download and unpack the wallpaper packages once; return the unpack root."""
    root = DATA / "root"
    done = DATA / ".unpacked"
    if done.exists():
        return root
    debs = DATA / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True)
    root.mkdir(parents=True, exist_ok=True)
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    done.write_text("ok\n")
    return root


def photo_paths() -> list[Path]:
    """One JPEG per distinct picture, sorted by path."""
    root = fetch()
    chosen: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if path.suffix.lower() not in {".jpg", ".jpeg"} or path.stat().st_size < MIN_BYTES:
            continue
        rel = path.relative_to(root).as_posix()
        if "screenshot" in rel or "images_dark" in rel:
            continue
        m = re.search(r"wallpapers/([^/]+)/contents/images/", rel)
        if m:  # Plasma: one picture at many resolutions -> keep the largest file
            key = "plasma:" + m.group(1)
        else:  # MATE ships Elephants.jpg, Elephants_3840x2160.jpg, ...: one picture
            key = re.sub(r"_\d+x\d+$", "", path.stem).lower()
        best = chosen.get(key)
        if best is None or path.stat().st_size > best.stat().st_size:
            chosen[key] = path
    return sorted(chosen.values())


def load(path: Path, max_side: int = 1600) -> Image.Image:
    """Open a photo upright in RGB, scaled so its long side is at most ``max_side``."""
    with Image.open(path) as im:
        im.draft("RGB", (max_side, max_side))
        img = ImageOps.exif_transpose(im).convert("RGB")
    img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return img


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _text_overlay(img: Image.Image, rng: random.Random) -> Image.Image:
    out = img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    size = max(12, h // 10)
    text = f"+31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    font = _font(size)
    x = rng.randint(0, max(1, w // 3))
    y = rng.randint(h // 2, max(h // 2 + 1, h - size - 4))
    draw.text(
        (x, y),
        text,
        font=font,
        fill=(255, 255, 255),
        stroke_width=max(1, size // 12),
        stroke_fill=(0, 0, 0),
    )
    draw.text((w // 20, h // 20), "WhatsApp 24/7", font=_font(max(10, h // 16)), fill=(255, 40, 90))
    return out


def _crop(img: Image.Image, rng: random.Random, fraction: float = 0.10) -> Image.Image:
    w, h = img.size
    cw, ch = round(w * (1 - fraction)), round(h * (1 - fraction))
    x, y = rng.randint(0, w - cw), rng.randint(0, h - ch)
    return img.crop((x, y, x + cw, y + ch))


def screenshot(img: Image.Image, rng: random.Random) -> Image.Image:
    """The photo as it looks in a screenshot of an image-viewer window (title, toolbar, status)."""
    sw, sh = rng.choice([(1366, 768), (1280, 800), (1440, 900)])
    dark = rng.random() < 0.5
    canvas_bg = (30, 30, 30) if dark else (236, 236, 236)
    shot = Image.new("RGB", (sw, sh), canvas_bg)
    draw = ImageDraw.Draw(shot)
    title_h, tool_h, status_h = 32, 40, 24
    draw.rectangle((0, 0, sw, title_h), fill=(43, 43, 43) if dark else (214, 214, 214))
    fg = (220, 220, 220) if dark else (30, 30, 30)
    draw.text((sw // 2 - 120, 8), "IMG_20230411_2231.jpg - Image Viewer", font=_font(14), fill=fg)
    for i, colour in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        draw.ellipse((sw - 90 + i * 26, 9, sw - 76 + i * 26, 23), fill=colour)
    draw.rectangle((0, title_h, sw, title_h + tool_h), fill=(55, 55, 55) if dark else (245, 245, 245))
    for i in range(9):
        x = 12 + i * 40
        draw.rounded_rectangle((x, title_h + 8, x + 24, title_h + 32), 4, outline=fg, width=2)
    draw.rectangle((0, sh - status_h, sw, sh), fill=(43, 43, 43) if dark else (214, 214, 214))
    draw.text(
        (10, sh - status_h + 5),
        f"3 / 17    {img.width} x {img.height}    87%",
        font=_font(12),
        fill=fg,
    )
    area_w, area_h = sw - 2 * 20, sh - title_h - tool_h - status_h - 2 * 16
    photo = img.copy()
    photo.thumbnail((area_w, area_h), Image.Resampling.BILINEAR)
    px = 20 + (area_w - photo.width) // 2
    py = title_h + tool_h + 16 + (area_h - photo.height) // 2
    shot.paste(photo, (px, py))
    return _jpeg(shot, 85)


def _combo(img: Image.Image, rng: random.Random) -> Image.Image:
    out = ImageOps.mirror(_crop(img, rng, 0.06))
    out = out.resize((out.width // 2, out.height // 2), Image.Resampling.BILINEAR)
    out = ImageEnhance.Brightness(_text_overlay(out, rng)).enhance(1.15)
    return _jpeg(out, 50)


VARIANTS: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
    "resize50": lambda im, r: _jpeg(im.resize((im.width // 2, im.height // 2), Image.Resampling.LANCZOS), 90),
    "jpeg40": lambda im, r: _jpeg(im, 40),
    "crop10": lambda im, r: _jpeg(_crop(im, r), 90),
    "mirror": lambda im, r: _jpeg(ImageOps.mirror(im), 90),
    "rotate90": lambda im, r: _jpeg(im.transpose(Image.Transpose.ROTATE_90), 90),
    "text": lambda im, r: _jpeg(_text_overlay(im, r), 90),
    "brightness": lambda im, r: _jpeg(ImageEnhance.Brightness(im).enhance(1.35), 90),
    "grayscale": lambda im, r: _jpeg(ImageOps.grayscale(im).convert("RGB"), 90),
    "screenshot": screenshot,
    "combo": _combo,
}


def variants(img: Image.Image, seed: int) -> dict[str, Image.Image]:
    """Every variant of one photo, deterministic for a seed."""
    return {name: fn(img, random.Random(f"{seed}:{name}")) for name, fn in VARIANTS.items()}


if __name__ == "__main__":
    paths = photo_paths()
    for p in paths:
        print(p.relative_to(DATA / "root"))
    print(len(paths), "photos", file=sys.stderr)
