"""Procedural photo-like images and their near-duplicate variants (tests, demo material).

Nothing here is a real photograph: textured landscapes made with numpy (multi-scale noise, a
horizon, a sun, "buildings"), so tests and the demo can show every transformation dedup handles.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps


def photo(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A photo-like RGB image, different for every seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    acc = np.zeros((h, w, 3))
    for s in (3, 6, 12, 24, 48, 96):
        cells = rng.random((max(2, s * h // w), s, 3))
        layer = Image.fromarray((cells * 255).astype("uint8")).resize((w, h), Image.Resampling.BICUBIC)
        acc += np.asarray(layer, float) / s**0.6
    acc = (acc - acc.min()) / (acc.max() - acc.min())
    sky = np.array(rng.uniform(0.3, 1.0, 3))
    ground = np.array(rng.uniform(0.1, 0.7, 3))
    horizon = int(h * rng.uniform(0.35, 0.65))
    tint = np.where(np.arange(h)[:, None, None] < horizon, sky, ground)
    img = Image.fromarray(np.clip((0.55 * acc + 0.45 * tint) * 255, 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(3, 7))):
        bw, bh = int(rng.integers(w // 12, w // 5)), int(rng.integers(h // 6, h // 2))
        x = int(rng.integers(0, w - bw))
        colour = tuple(int(v) for v in rng.integers(20, 235, 3))
        draw.rectangle((x, horizon - bh, x + bw, horizon + h // 20), fill=colour)
        for wy in range(horizon - bh + 8, horizon - 8, 16):
            for wx in range(x + 6, x + bw - 8, 14):
                if rng.random() < 0.6:
                    draw.rectangle((wx, wy, wx + 6, wy + 8), fill=(250, 230, 150))
    r = int(rng.integers(h // 16, h // 7))
    cx, cy = int(rng.integers(r, w - r)), int(rng.integers(r, max(r + 1, horizon - r)))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 240, 200))
    return img.filter(ImageFilter.GaussianBlur(0.8))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def with_phone_number(img: Image.Image, text: str = "+31 6 0000 0000") -> Image.Image:
    out = img.copy()
    draw = ImageDraw.Draw(out)
    size = max(12, out.height // 12)
    draw.text(
        (out.width // 12, out.height * 3 // 4),
        text,
        font=_font(size),
        fill=(255, 255, 255),
        stroke_width=max(1, size // 12),
        stroke_fill=(0, 0, 0),
    )
    return out


def cropped(img: Image.Image, fraction: float = 0.1, corner: int = 0) -> Image.Image:
    w, h = img.size
    cw, ch = round(w * (1 - fraction)), round(h * (1 - fraction))
    x = 0 if corner in (0, 2) else w - cw
    y = 0 if corner in (0, 1) else h - ch
    return img.crop((x, y, x + cw, y + ch))


def in_viewer_screenshot(img: Image.Image, size: tuple[int, int] = (1280, 800)) -> Image.Image:
    """The image as shown in a (fake) image-viewer window: title bar, toolbar, canvas, status."""
    sw, sh = size
    shot = Image.new("RGB", size, (32, 32, 36))
    draw = ImageDraw.Draw(shot)
    draw.rectangle((0, 0, sw, 30), fill=(50, 50, 56))
    draw.text((sw // 2 - 90, 8), "IMG_4471.jpg - Viewer", font=_font(14), fill=(230, 230, 230))
    draw.rectangle((0, 30, sw, 70), fill=(64, 64, 70))
    for i in range(8):
        draw.rounded_rectangle((12 + 40 * i, 38, 36 + 40 * i, 62), 4, outline=(200, 200, 200), width=2)
    draw.rectangle((0, sh - 24, sw, sh), fill=(50, 50, 56))
    draw.text((10, sh - 19), f"1 / 9   {img.width} x {img.height}", font=_font(12), fill=(220, 220, 220))
    photo_img = img.copy()
    photo_img.thumbnail((sw - 60, sh - 130))
    shot.paste(photo_img, ((sw - photo_img.width) // 2, 70 + (sh - 94 - photo_img.height) // 2))
    return shot


def variants(img: Image.Image) -> dict[str, Image.Image]:
    """The demo/test set of near-duplicates of one photo."""
    return {
        "resized": img.resize((img.width // 2, img.height // 2), Image.Resampling.LANCZOS),
        "mirrored": ImageOps.mirror(img),
        "rotated": img.transpose(Image.Transpose.ROTATE_90),
        "cropped": cropped(img, 0.1, corner=3),
        "phone": with_phone_number(img),
        "brighter": ImageEnhance.Brightness(img).enhance(1.3),
        "screenshot": in_viewer_screenshot(img),
    }


def job_offer_ad_photo() -> Image.Image:
    """The photo of the demo job ad as captured (saved page, MHTML, WARC): the hotel room, cropped."""
    return ImageEnhance.Brightness(cropped(photo(102, (720, 540)), 0.1, corner=2)).enhance(1.12)


def write_demo(folder: str) -> list[str]:
    """Write the demo photos (three "photos", their reuses in "ads", two unrelated ones).

    Regenerate with ``python -c "from workstation.dedup.synthetic import write_demo;
    write_demo('resources/demo/photos')"``.
    """
    from pathlib import Path

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(img: Image.Image, name: str, quality: int = 82) -> None:
        img.convert("RGB").save(out / name, "JPEG", quality=quality, optimize=True)
        written.append(name)

    a, b, c = synthetic_set = [photo(s, (720, 540)) for s in (101, 102, 103)]
    del synthetic_set
    save(a, "anna_profile.jpg")
    save(ImageOps.mirror(a).resize((480, 360), Image.Resampling.LANCZOS), "ad_rotterdam_mirrored.jpg", 70)
    save(with_phone_number(cropped(a, 0.1, corner=1), "+31 6 1234 5678"), "ad_utrecht_phone.jpg", 75)
    shot = in_viewer_screenshot(a, (1024, 700))
    save(shot, "screenshot_from_chat.jpg", 80)
    save(b, "hotel_room.jpg")
    save(b.transpose(Image.Transpose.ROTATE_90).resize((300, 400)), "job_offer_rotated.jpg", 70)
    # The job ad's own photo (resources/demo/captures, scripts/make_demo_captures.py) brightened
    # again for a re-post: a near-duplicate of the captured one, not a byte-identical copy.
    save(ImageEnhance.Brightness(job_offer_ad_photo()).enhance(1.35), "job_offer_bright.jpg", 78)
    save(c, "street_view.jpg")
    save(photo(104, (640, 480)), "unrelated_park.jpg")
    save(photo(105, (640, 480)), "unrelated_beach.jpg")
    return written
