"""A hand-made Report in many scripts, and the pictures its exhibits show."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reports.model import (
    AuditEntry,
    CaseInfo,
    Custody,
    Exhibit,
    Field,
    ImageSpec,
    IndicatorFinding,
    ItemRef,
    NearDuplicate,
    Note,
    Region,
    Report,
    ReportOptions,
    SelectorRef,
    SelectorRow,
    Summary,
)

UKRAINIAN = "Робота в Польщі для молодих дівчат, житло безкоштовно"
CHINESE = "高薪工作，包吃包住，年轻女孩优先"
ARABIC = "وظيفة في الخارج براتب مرتفع"
GREEK = "Εργασία στο εξωτερικό"
EMOJI = "💋🌹"


def photo(seed: int, size: tuple[int, int] = (900, 600)) -> Image.Image:
    """A photo-like picture with fine detail (noise, stripes, text) unique per seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x / w * 200, y / h * 200, (np.sin(x / 7.0 + seed) * 60 + 120)], -1)
    base = base + rng.normal(0, 25, (h, w, 3))
    img = Image.fromarray(np.clip(base, 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(img)
    for k in range(0, w, 13):
        draw.line([(k, 0), (k + 40, h)], fill=(255, 255, 255), width=2)
    for _ in range(5):
        x0, y0 = int(rng.integers(0, w - 80)), int(rng.integers(0, h - 80))
        draw.ellipse((x0, y0, x0 + 80, y0 + 80), fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    return img


def _exhibit(n: int, title: str, redaction: str = "none", **kw: object) -> Exhibit:
    return Exhibit(
        number=n,
        item_id=100 + n,
        kind="image",
        title=title,
        sha256=f"{n:02d}" + "ab" * 31,
        md5=f"{n:02d}" + "cd" * 15,
        size=150_000 + n,
        mime="image/jpeg",
        original_name=f"ad_{n}.jpg",
        source_url=f"https://ads.example.org/listing/{n}?city=Amsterdam&lang=uk",
        capture_method="WARC",
        captured_at="2026-03-01T10:00:00Z",
        captured_tz="+01:00",
        imported_at="2026-03-02T11:00:00Z",
        imported_by="Ann Analyst",
        importer="warc/image",
        width=900,
        height=600,
        exif=(Field("Make", "Canon"), Field("Model", "EOS 5D")),
        gps=(52.3702, 4.8952),
        image=ImageSpec(100 + n, "original", 900, 600, redaction, "tagged 'minor'" if redaction != "none" else ""),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def sample_report() -> Report:
    parent = ItemRef(99, "Listing page", "ee" * 32, "page")
    exhibits = (
        _exhibit(
            1,
            UKRAINIAN,
            notes=(Note("Ann Analyst", "2026-03-03T09:00:00Z", f"{CHINESE} — {UKRAINIAN}"),),
            parent=parent,
            regions=(Region("R1", 0.1, 0.2, 0.3, 0.3, "tattoo on the wrist"),),
            indicators=(
                IndicatorFinding(
                    "REC-01",
                    "Deceptive job offer",
                    "confirmed",
                    "житло безкоштовно",
                    "Ann Analyst",
                    "2026-03-03T09:05:00Z",
                ),
                IndicatorFinding("MIN-02", "Youthful language", "suggested", "молодих дівчат"),
            ),
            selectors=(SelectorRef("phone", "+48600111222"),),
            near_duplicates=(NearDuplicate(ItemRef(102, CHINESE, "02" + "ab" * 31, "image", 2), 12, "pdq"),),
        ),
        _exhibit(2, CHINESE, redaction="pixelate"),
        _exhibit(3, ARABIC, text_excerpt=f"{ARABIC}. {ARABIC}. {GREEK} {EMOJI}"),
        _exhibit(4, f"{GREEK} {EMOJI}", redaction="blur"),
    )
    return Report(
        case=CaseInfo(
            "NL-2026-0042",
            "Operatie Zwaluw / Операція Ластівка / 燕子行动",
            "Politie Amsterdam",
            "Ann Analyst",
            "Europe/Amsterdam",
            "2026-01-05T08:00:00Z",
        ),
        options=ReportOptions(
            bates_prefix="ZW-", bates_start=101, include_suggestions=True, classification="OFFICIAL-SENSITIVE"
        ),
        generated_at_utc="2026-03-05T12:00:00Z",
        generated_at_local="2026-03-05 13:00:00 CET (UTC+01:00)",
        tool_name="Evidence Workstation",
        tool_version="0.1.0",
        document_id="0123456789abcdef0123456789abcdef",
        summary=Summary(4, 120, by_kind=(Field("image", "4"),), platforms=(Field("ads.example.org", "4"),)),
        exhibits=exhibits,
        selectors=(SelectorRow("phone", "+48600111222", (1, 3), 5),),
        custody=Custody(
            (AuditEntry(1, "2026-01-05T08:00:00Z", "Ann Analyst", "case.created", '{"title":"Операція"}', "f" * 64),),
            "f" * 64,
            True,
        ),
    )


@pytest.fixture(scope="module")
def pictures() -> dict[int, Image.Image]:
    return {100 + n: photo(n) for n in range(1, 5)}


@pytest.fixture(scope="module")
def provider(pictures: dict[int, Image.Image]) -> Callable[[ImageSpec], Image.Image]:
    def provide(spec: ImageSpec) -> Image.Image:
        if spec.item_id not in pictures:
            raise LookupError("no such picture")
        buf = io.BytesIO()
        pictures[spec.item_id].save(buf, "PNG")
        buf.seek(0)
        return Image.open(buf)

    return provide


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, sample_report: Report, provider) -> Path:  # type: ignore[no-untyped-def]
    from reports.render import render_pdf

    out = tmp_path_factory.mktemp("rendered") / "report.pdf"
    render_pdf(sample_report, out, provider)
    return out
