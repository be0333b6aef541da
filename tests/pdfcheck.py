"""Read produced PDFs back with poppler (pdftotext, pdffonts) and pypdf, for report tests."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter
from pypdf import PdfReader

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) not installed")


def text(pdf: Path, page: int | None = None) -> str:
    """Text of the whole PDF (or one 1-based page) as poppler extracts it, NFKC-normalised."""
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        cmd += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True).stdout
    return unicodedata.normalize("NFKC", out.decode("utf-8"))


def pages_text(pdf: Path) -> list[str]:
    """Text per page (split on form feeds)."""
    return [
        unicodedata.normalize("NFKC", p)
        for p in subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
        .stdout.decode("utf-8")
        .split("\f")[:-1]
    ]


def fonts(pdf: Path) -> list[dict[str, str]]:
    """Rows of pdffonts: name, type, emb."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        rows.append({"name": parts[0], "type": " ".join(parts[1:-6]), "emb": parts[-5]})
    return rows


def page_images(pdf: Path) -> list[list[Image.Image]]:
    """Embedded images per page, decoded."""
    reader = PdfReader(str(pdf))
    return [[img.image.convert("RGB") for img in page.images] for page in reader.pages]


def detail_correlation(a: Image.Image, b: Image.Image) -> float:
    """Correlation of fine detail (image minus its blur) of two pictures at a's size.

    Close to 1 when b shows the same picture as a, close to 0 when b's detail is gone.
    """
    b = b.resize(a.size, Image.Resampling.LANCZOS)

    def detail(img: Image.Image) -> np.ndarray:
        grey = img.convert("L")
        blurred = grey.filter(ImageFilter.GaussianBlur(radius=max(grey.size) / 100))
        return np.asarray(grey, dtype=float) - np.asarray(blurred, dtype=float)

    da, db = detail(a).ravel(), detail(b).ravel()
    if da.std() == 0 or db.std() == 0:
        return 0.0
    return float(np.corrcoef(da, db)[0, 1])


def mean_abs_difference(a: Image.Image, b: Image.Image) -> float:
    b = b.resize(a.size, Image.Resampling.LANCZOS)
    return float(np.abs(np.asarray(a.convert("L"), float) - np.asarray(b.convert("L"), float)).mean())
