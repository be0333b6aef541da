"""Videos written with PyAV from still pictures, for tests, benchmarks and the demo.

A slideshow shows each picture for some seconds, optionally zooming in slowly (Ken Burns) or
letterboxed into a portrait "story" frame, mirrored, with a caption burned in; the same clip can
be re-encoded at another size and bitrate, or trimmed. Everything is written where the caller
says (tests: pytest's tmp_path; benchmarks: their data folder); nothing here touches a case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageOps


@dataclass(frozen=True)
class Slide:
    picture: Image.Image
    seconds: float = 2.5
    zoom: float = 1.0  # final zoom at the end of the slide (1.08 = 8 % closer)
    caption: str | None = None


def _frame(slide: Slide, progress: float, size: tuple[int, int], story: bool, mirror: bool) -> Image.Image:
    pic = slide.picture.convert("RGB")
    if mirror:
        pic = ImageOps.mirror(pic)
    zoom = 1.0 + (slide.zoom - 1.0) * progress
    if zoom > 1.0:
        w, h = pic.size
        cw, ch = w / zoom, h / zoom
        left, top = (w - cw) / 2, (h - ch) / 2
        pic = pic.crop((round(left), round(top), round(left + cw), round(top + ch)))
    if story:
        canvas = Image.new("RGB", size, (0, 0, 0))
        fitted = ImageOps.contain(pic, size)
        canvas.paste(fitted, ((size[0] - fitted.width) // 2, (size[1] - fitted.height) // 2))
        out = canvas
    else:
        out = ImageOps.fit(pic, size)
    if slide.caption:
        draw = ImageDraw.Draw(out)
        font = ImageFont.load_default(size=max(14, size[1] // 12))
        box = draw.textbbox((0, 0), slide.caption, font=font)
        x = (size[0] - (box[2] - box[0])) // 2
        y = size[1] - (box[3] - box[1]) - size[1] // 10
        draw.rectangle((x - 8, y - 6, x + box[2] - box[0] + 8, y + box[3] - box[1] + 10), fill=(255, 255, 255))
        draw.text((x, y), slide.caption, fill=(0, 0, 0), font=font)
    return out


def slideshow(
    path: Path,
    slides: Sequence[Slide],
    *,
    size: tuple[int, int] = (320, 180),
    fps: int = 10,
    codec: str = "h264",
    container: str | None = None,
    bit_rate: int | None = None,
    story: bool = False,
    mirror: bool = False,
    fade: float = 0.0,
    options: dict[str, str] | None = None,
) -> Path:
    """Write a slideshow; ``fade`` seconds of cross-fade between slides; ``options`` for the
    encoder (e.g. ``{"preset": "veryfast"}``)."""
    import av

    with av.open(str(path), "w", format=container) as out:
        stream: Any = out.add_stream(codec, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        if bit_rate:
            stream.bit_rate = bit_rate
        if options:
            stream.options = options
        previous: np.ndarray | None = None
        for slide in slides:
            n = max(1, round(slide.seconds * fps))
            n_fade = round(fade * fps) if previous is not None else 0
            for i in range(n):
                arr = np.asarray(_frame(slide, i / max(n - 1, 1), size, story, mirror), dtype=np.uint8)
                if i < n_fade and previous is not None:
                    alpha = (i + 1) / (n_fade + 1)
                    arr = (arr * alpha + previous * (1 - alpha)).astype(np.uint8)
                for packet in stream.encode(av.VideoFrame.from_ndarray(arr, format="rgb24")):
                    out.mux(packet)
                last = arr
            previous = last
        for packet in stream.encode():
            out.mux(packet)
    return path


def transcode(
    src: Path,
    dst: Path,
    *,
    size: tuple[int, int] | None = None,
    start: float = 0.0,
    end: float | None = None,
    mirror: bool = False,
    bit_rate: int | None = None,
    fps: int | None = None,
    codec: str = "h264",
    container: str | None = None,
) -> Path:
    """Re-encode ``src``: resized, trimmed to [start, end), mirrored, at another bitrate/rate."""
    import av

    with av.open(str(src)) as inp, av.open(str(dst), "w", format=container) as out:
        ins = inp.streams.video[0]
        rate = fps or int(round(float(ins.average_rate or 25)))
        stream: Any = out.add_stream(codec, rate=rate)
        w, h = size or (ins.codec_context.width, ins.codec_context.height)
        stream.width, stream.height = w, h
        stream.pix_fmt = "yuv420p"
        if bit_rate:
            stream.bit_rate = bit_rate
        in_step = 1.0 / float(ins.average_rate or 25)
        next_t = start
        decoded: Any = inp.decode(ins)
        for frame in decoded:
            t = float(frame.time or 0.0)
            if t + in_step <= start + 1e-6 or (end is not None and t >= end):
                continue
            img: Image.Image | None = None
            while next_t < t + in_step - 1e-6 and (end is None or next_t < end):
                next_t += 1.0 / rate  # each output frame shows the input frame on screen then
                if img is None:
                    img = frame.to_image().resize((w, h))
                    if mirror:
                        img = ImageOps.mirror(img)
                for packet in stream.encode(av.VideoFrame.from_image(img)):  # type: ignore[no-untyped-call]
                    out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return dst


def noise_pictures(count: int, seed: int = 0, size: tuple[int, int] = (640, 360)) -> list[Image.Image]:
    """Distinct smooth random pictures (for tests; benchmarks use real photographs)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        small = (rng.random((9, 16, 3)) * 255).astype(np.uint8)
        out.append(Image.fromarray(small).resize(size, Image.Resampling.BICUBIC))
    return out
