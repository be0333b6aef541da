"""OCR of screenshots and photos with Tesseract, so numbers and handles written on images are found.

The image goes to the ``tesseract`` program through a pipe (stdin) and the text comes back on
stdout: no evidence is written to a temporary file. When Tesseract is not installed, every entry
point says so clearly (:func:`status`, :class:`OcrUnavailable`) and the rest of the workstation
works without OCR.

Debian packages: ``tesseract-ocr`` plus language packs, e.g. ``tesseract-ocr-eng tesseract-ocr-nld
tesseract-ocr-ukr tesseract-ocr-rus tesseract-ocr-chi-sim tesseract-ocr-ron tesseract-ocr-bul
tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-spa tesseract-ocr-ita``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from workstation.errors import WorkstationError

ENGINE = "tesseract"
# Language packs tried by default, in order; only installed ones are used. Latin-script packs
# read digits and Latin handles; Cyrillic and Chinese packs add the scripts of the material.
DEFAULT_LANGUAGES = ("eng", "nld", "ukr", "rus")
TIMEOUT_S = 60
MIN_WIDTH = 1200  # small screenshots are upscaled: Tesseract wants ~30 px high capitals
MAX_PIXELS = 40_000_000
INSTALL_HINT = (
    "OCR is not available: install Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng "
    "tesseract-ocr-nld tesseract-ocr-ukr tesseract-ocr-rus tesseract-ocr-chi-sim ...); "
    "text in images is not searched until then"
)


class OcrUnavailable(WorkstationError):
    """Tesseract (or a requested language pack) is not installed."""


class OcrFailed(WorkstationError):
    """Tesseract ran but could not read the image."""


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    version: str | None
    languages: tuple[str, ...]
    notice: str

    def to_json(self) -> dict[str, Any]:
        return {
            "available": self.available,
            "version": self.version,
            "languages": list(self.languages),
            "notice": self.notice,
        }


@dataclass(frozen=True)
class OcrWord:
    text: str
    x: int
    y: int
    w: int
    h: int
    confidence: float


@dataclass(frozen=True)
class OcrResult:
    """Text read from one image; word boxes are in the pixels of the image given."""

    text: str
    words: tuple[OcrWord, ...] = field(default_factory=tuple)
    languages: tuple[str, ...] = ()
    engine: str = ENGINE
    version: str | None = None
    scale: float = 1.0

    def region_of(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """Bounding box (x, y, w, h) of the words covering ``text[start:end]``, if known."""
        boxes = [
            w
            for w, (s, e) in zip(self.words, _word_offsets(self.text, self.words), strict=False)
            if s < end and start < e
        ]
        if not boxes:
            return None
        x0 = min(b.x for b in boxes)
        y0 = min(b.y for b in boxes)
        x1 = max(b.x + b.w for b in boxes)
        y1 = max(b.y + b.h for b in boxes)
        return (x0, y0, x1 - x0, y1 - y0)


def _word_offsets(text: str, words: tuple[OcrWord, ...]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        i = text.find(w.text, pos)
        if i < 0:
            out.append((-1, -1))
            continue
        out.append((i, i + len(w.text)))
        pos = i + len(w.text)
    return out


def binary() -> str | None:
    """Path of the tesseract program (``WORKSTATION_TESSERACT`` overrides; "" disables OCR)."""
    env = os.environ.get("WORKSTATION_TESSERACT")
    if env is not None:
        return shutil.which(env) if env else None
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def _probe(path: str) -> tuple[str | None, tuple[str, ...]]:
    env = _env()
    try:
        ver = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20, env=env)
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=20, env=env)
    except (OSError, subprocess.SubprocessError):
        return None, ()
    version = (ver.stdout or ver.stderr).splitlines()[0].strip() if (ver.stdout or ver.stderr) else None
    names = tuple(
        sorted(line.strip() for line in langs.stdout.splitlines()[1:] if line.strip() and line.strip() != "osd")
    )
    return version, names


def status() -> OcrStatus:
    """Whether OCR works here, with which version and languages, and a notice for the analyst."""
    path = binary()
    if not path:
        return OcrStatus(False, None, (), INSTALL_HINT)
    version, langs = _probe(path)
    if version is None:
        return OcrStatus(False, None, (), f"OCR is not available: {path} does not run")
    if not langs:
        return OcrStatus(False, version, (), "OCR is not available: Tesseract has no language packs installed")
    return OcrStatus(True, version, langs, f"OCR with {version} ({', '.join(langs)})")


def choose_languages(requested: list[str] | tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Installed languages to use: the requested ones (must be installed) or the defaults."""
    st = status()
    if not st.available:
        raise OcrUnavailable(st.notice)
    env = os.environ.get("WORKSTATION_OCR_LANGS")
    wanted = tuple(requested) if requested else tuple(env.split("+")) if env else DEFAULT_LANGUAGES
    missing = [lang for lang in wanted if lang not in st.languages]
    if requested and missing:
        raise OcrUnavailable(
            f"Tesseract language pack(s) not installed: {', '.join(missing)} "
            f"(Debian: tesseract-ocr-{missing[0].replace('_', '-')})"
        )
    chosen = tuple(lang for lang in wanted if lang in st.languages)
    return chosen or st.languages[:1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"  # one thread per process: the import already runs one per core
    return env


def _grey(image: Any) -> tuple[Any, float]:
    """The image in grey, upscaled when small (Tesseract wants ~30 px high capitals)."""
    from PIL import Image

    if isinstance(image, (bytes, bytearray)):
        image = Image.open(io.BytesIO(image))
    img = image.convert("L")
    scale = 1.0
    if img.width < MIN_WIDTH and img.width * img.height * 4 <= MAX_PIXELS:
        scale = min(3.0, MIN_WIDTH / max(1, img.width))
        img = img.resize((int(img.width * scale), int(img.height * scale)), Image.Resampling.LANCZOS)
    return img, scale


def _png(img: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _bright_text(img: Any) -> Any:
    """Light text over a busy photo (the usual phone-number overlay) as dark text on white."""
    from PIL import ImageFilter

    return img.filter(ImageFilter.MedianFilter(3)).point(lambda p: 0 if p > 205 else 255)


def ocr_image(
    image: Any,
    languages: list[str] | tuple[str, ...] | None = None,
    *,
    timeout: int = TIMEOUT_S,
    bright_pass: bool = True,
) -> OcrResult:
    """Read the text of an image.

    Args:
        image: a PIL image or encoded image bytes.
        languages: Tesseract language codes (eng, nld, ukr, rus, chi_sim, ...); default: installed
            ones of DEFAULT_LANGUAGES (or ``WORKSTATION_OCR_LANGS``, e.g. ``eng+ukr``).
        timeout: seconds before the image is given up.
        bright_pass: also read light text over busy backgrounds (a second Tesseract run).

    Raises:
        OcrUnavailable: Tesseract or a requested language is not installed.
        OcrFailed: Tesseract could not read the image.
    """
    path = binary()
    if not path:
        raise OcrUnavailable(INSTALL_HINT)
    langs = choose_languages(languages)
    img, scale = _grey(image)
    version = _probe(path)[0]
    first = _parse_tsv(_run(path, _png(img), langs, timeout), langs, version, scale)
    if not bright_pass:
        return first
    second = _parse_tsv(_run(path, _png(_bright_text(img)), langs, timeout), langs, version, scale)
    # Keep the plain reading and add the lines only the bright-text pass found.
    seen = {" ".join(line.split()) for line in first.text.splitlines()}
    extra = [line for line in second.text.splitlines() if line.strip() and " ".join(line.split()) not in seen]
    if not extra:
        return first
    extra_words = tuple(w for w in second.words if any(w.text in line for line in extra))
    text = (first.text + "\n\n" if first.text else "") + "\n".join(extra)
    return OcrResult(text, first.words + extra_words, langs, ENGINE, version, scale)


def _run(path: str, png: bytes, langs: tuple[str, ...], timeout: int) -> str:
    cmd = [path, "stdin", "stdout", "-l", "+".join(langs), "--psm", "3", "tsv"]
    try:
        proc = subprocess.run(cmd, input=png, capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"OCR gave up after {timeout} s") from exc
    except OSError as exc:
        raise OcrUnavailable(f"cannot run Tesseract: {exc.strerror or exc}") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"Tesseract failed: {err[-1] if err else proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def _parse_tsv(tsv: str, langs: tuple[str, ...], version: str | None, scale: float) -> OcrResult:
    lines: dict[tuple[int, int, int, int], list[OcrWord]] = {}
    order: list[tuple[int, int, int, int]] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        key = (int(cols[1]), int(cols[2]), int(cols[3]), int(cols[4]))
        x, y, w, h = (int(int(c) / scale) for c in cols[6:10])
        word = OcrWord(cols[11].strip(), x, y, w, h, float(cols[10]))
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(word)
    words: list[OcrWord] = []
    text_lines: list[str] = []
    last_block: tuple[int, int] | None = None
    for key in order:
        if last_block is not None and key[:2] != last_block:
            text_lines.append("")
        last_block = key[:2]
        text_lines.append(" ".join(w.text for w in lines[key]))
        words.extend(lines[key])
    return OcrResult("\n".join(text_lines).strip(), tuple(words), langs, ENGINE, version, scale)


def import_mode() -> str:
    """``WORKSTATION_OCR``: ``auto`` (default: screenshots and graphics only), ``all`` or ``off``."""
    mode = os.environ.get("WORKSTATION_OCR", "auto").lower()
    if mode in ("off", "0", "no", "false"):
        return "off"
    return "all" if mode in ("all", "1", "yes", "true", "on") else "auto"


def import_enabled() -> bool:
    """Images are queued for OCR at import when Tesseract is here and OCR is not switched off."""
    return import_mode() != "off" and status().available


def looks_like_text_image(img: Any) -> bool:
    """Cheap guess whether an image is a screenshot or graphic (worth OCR) rather than a photo.

    Screenshots and ad graphics have large areas of one exact colour (backgrounds); camera photos
    almost never do. Measured on a ~128 px nearest-neighbour sample (exact colours kept, no
    filtering: about 0.3 ms for a 3 MP photo decoded at reduced scale, it runs on every image at
    import).
    """
    import numpy as np
    from PIL import Image

    w, h = img.size
    scale = 128 / max(w, h, 1)
    small = img
    if scale < 1:
        small = img.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.NEAREST)
    if small.mode != "RGB":
        small = small.convert("RGB")
    rgb = np.asarray(small, dtype=np.uint32)
    # The most frequent exact colour, counted with numpy (getcolors took longer than the sample).
    _, counts = np.unique((rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2], return_counts=True)
    return bool(int(counts.max()) / (small.width * small.height) >= 0.25)


def analyse(img: Any) -> dict[str, Any]:
    """Image analyzer for the import pipeline (runs in worker processes): whether the image goes
    to the OCR stage (``{"queue": reason}``) or why not (``{"skipped": reason}``).

    Screenshots and graphics are queued ("graphic"), and photos on which the cheap text detector
    (:mod:`workstation.textdetect`) finds a line of text ("text on photo"). Only these cheap tests run
    here; Tesseract runs in the OCR stage after the
    import stored the items (:mod:`workstation.importing.ocrstage`).
    """
    if not import_enabled():
        st = status()
        return {"skipped": "disabled by WORKSTATION_OCR" if st.available else st.notice}
    if import_mode() == "all":
        return {"queue": "all"}
    if looks_like_text_image(img):
        return {"queue": "graphic"}
    from workstation.textdetect import likely_text

    if likely_text(img):  # a photo with a line of text over it (a phone number, a handle)
        return {"queue": "text on photo"}
    return {"skipped": "a photo without visible text; run `workstation scan CASE --ocr` to read it too"}


def read(img: Any) -> dict[str, Any]:
    """OCR as a JSON-able dict (text, languages, engine, version, word boxes) or {"error": reason}."""
    try:
        result = ocr_image(img)
    except (OcrUnavailable, OcrFailed) as exc:
        return {"error": exc.reason}
    boxes = [[w.text, w.x, w.y, w.w, w.h, w.confidence] for w in result.words]
    return {
        "text": result.text,
        "languages": list(result.languages),
        "engine": ENGINE,
        "version": result.version,
        "words": boxes,
    }
