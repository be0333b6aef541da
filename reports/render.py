"""Deterministic, atomic PDF write of a Report, with images streamed one at a time.

Determinism: reportlab runs in invariant mode, the PDF's dates are the report's generation time
(taken from the case, not the clock), the document ID is the report's ``document_id``, and every
picture is re-encoded by Pillow with fixed settings. The same report data therefore gives the same
bytes, so a court can regenerate the file and compare hashes.

Memory: the layout knows each picture's size from the report data; a picture is loaded, reduced,
redacted and encoded only while its page is drawn, then dropped. Two passes are made: a fast one
without pictures to learn page numbers (contents, exhibit list, "Page N of M", Bates range), then
the real one.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PIL import Image, ImageFilter, ImageOps
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import DummyDoc, PDFText
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import LayoutError

from reports import fonts
from reports.layout import ImageResult, PageRefs, ReportDocTemplate, build_story
from reports.model import ImageSpec, Report
from workstation.atomicfile import FolderNotWritable, replacing, sync
from workstation.errors import WorkstationError
from workstation.hashing import hash_file

JPEG_QUALITY = 80
MAX_PASSES = 4

ImageProvider = Callable[[ImageSpec], Image.Image]


class ProgressLike(Protocol):
    """The part of workstation.progress.Progress the renderer uses."""

    def start(self, total: int | None, note: str = "") -> None: ...

    def step(self, n: int = 1, note: str = "") -> None: ...


class ReportRenderError(WorkstationError):
    """The PDF could not be written (folder missing, not writable, disk full)."""


@dataclass(frozen=True)
class RenderResult:
    """What was written."""

    path: Path
    sha256: str
    size: int
    pages: int


class _FixedTime:
    """Stands in for reportlab's TimeStamp: the report's generation time, in UTC."""

    def __init__(self, iso_utc: str) -> None:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
        self.t = moment.timestamp()
        self.YMDhms = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
        self.lt = moment.utctimetuple()
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


class _StreamingFile(pdfdoc.PDFFile):  # type: ignore[misc]
    """reportlab's output collector, writing each object to the file as soon as it is formatted."""

    strings: list[Any]

    def __init__(self, fh: Any, version: Any) -> None:
        super().__init__(version)
        for piece in self.strings:  # the header, collected by the base class
            fh.write(piece)
        self.strings = []
        self.write = fh.write

    def format(self, document: Any) -> bytes:
        return b""


def _format_streaming(doc: Any, fh: Any) -> bytes:
    """reportlab's PDFDocument.format, streamed: the file is never assembled in memory.

    Same bytes as reportlab's own (a test compares them). Each picture's data is dropped as soon
    as it is written, so the peak memory is the pictures not yet written, not the whole file twice.
    """
    doc.encrypt.prepare(doc)
    cat, info = doc.Catalog, doc.info
    doc.Reference(cat)
    doc.Reference(info)
    encryptref = None
    encryptinfo = doc.encrypt.info()
    if encryptinfo:
        encryptref = doc.Reference(encryptinfo)
    counter = 0
    ids = []
    numbertoid, id_to_ob, id_to_of = doc.numberToId, doc.idToObject, doc.idToOffset
    out = _StreamingFile(fh, doc._pdfVersion)
    doc._PDFDocument__accum__ = out
    while True:
        counter += 1
        if counter not in numbertoid:
            break
        oid = numbertoid[counter]
        obj = id_to_ob[oid]
        id_to_of[oid] = out.add(pdfdoc.PDFIndirectObject(oid, obj).format(doc))
        ids.append(oid)
        if isinstance(obj, pdfdoc.PDFImageXObject):
            obj.streamContent = b""
    del doc._PDFDocument__accum__
    if counter - 1 != len(numbertoid):
        raise ValueError(f"object counter {counter} does not match {len(numbertoid)} objects")
    xref = pdfdoc.PDFCrossReferenceTable()
    xref.addsection(0, ids)
    xref_offset = out.add(xref.format(doc))
    trailer = pdfdoc.PDFTrailer(
        startxref=xref_offset,
        Size=len(numbertoid) + 1,
        Root=doc.Reference(cat),
        Info=doc.Reference(info),
        Encrypt=encryptref,
        ID=doc.ID(),
    )
    out.add(trailer.format(doc))
    return b""


def _canvas_maker(report: Report, stream: bool = True) -> Callable[..., Canvas]:
    stamp = _FixedTime(report.generated_at_utc)
    digest = bytes.fromhex(report.document_id)[:16]
    ident = PDFText(digest, enc="raw").format(DummyDoc())
    trailer_id = b"\n[" + ident + ident + b"]\n% ReportLab generated PDF document -- digest (opensource)\n"

    def make(*args: Any, **kwargs: Any) -> Canvas:
        kwargs["invariant"] = 1
        kwargs["initialFontName"] = fonts.SANS
        canvas = Canvas(*args, **kwargs)
        doc = canvas._doc
        doc._timeStamp = stamp
        doc._ID = trailer_id
        canvas.setCreator(f"{report.tool_name} {report.tool_version}")
        canvas.setProducer(f"{report.tool_name} {report.tool_version} (ReportLab)")
        target = args[0] if args else kwargs.get("filename")
        if stream and hasattr(target, "write"):
            doc.format = lambda: _format_streaming(doc, target)
        return canvas

    return make


def redact(img: Image.Image, mode: str) -> Image.Image:
    """Destroy the detail of a picture: "pixelate" (large blocks) or "blur".

    Both first reduce the picture to a few dozen pixels across, so the detail is gone from the
    data, not just hidden; blur then smooths the blocks.
    """
    if mode == "none":
        return img
    w, h = img.size
    cells = 16 if mode == "pixelate" else 12
    scale = cells / max(w, h)
    small = img.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.BOX)
    if mode == "pixelate":
        return small.resize((w, h), Image.Resampling.NEAREST)
    if mode == "blur":
        up = small.resize((w, h), Image.Resampling.BICUBIC)
        return up.filter(ImageFilter.GaussianBlur(radius=max(w, h) / 40))
    raise ValueError(f"unknown redaction mode {mode!r}")


def prepare_image(img: Image.Image, spec: ImageSpec, max_px: int) -> bytes:
    """Upright, reduced, redacted RGB JPEG bytes of one picture, ready to embed."""
    if img.getexif().get(0x0112, 1) not in (1, None):
        img = ImageOps.exif_transpose(img)
    if img.mode not in ("RGB", "L"):
        if img.mode in ("RGBA", "LA", "P", "PA"):
            rgba = img.convert("RGBA")
            base = Image.new("RGB", rgba.size, (255, 255, 255))
            base.paste(rgba, mask=rgba.getchannel("A"))
            img = base
        else:
            img = img.convert("RGB")
    if max(img.size) > max_px:
        scale = max_px / max(img.size)
        img = img.resize(
            (
                max(1, round(img.width * scale)),
                max(1, round(img.height * scale)),
            ),  # Bicubic with a reducing gap: sharp enough for reading, twice as fast as Lanczos.
            Image.Resampling.BICUBIC,
            reducing_gap=3.0,
        )
    img = redact(img, spec.redaction)
    out = io.BytesIO()
    img.save(
        out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False, subsampling=2 if img.mode == "RGB" else 0
    )
    return out.getvalue()


def _renderer(
    provider: ImageProvider, max_px: int, progress: ProgressLike | None
) -> Callable[[ImageSpec], ImageResult]:
    def render(spec: ImageSpec) -> ImageResult:
        try:
            with provider(spec) as img:
                if img.mode in ("RGB", "L"):
                    img.draft(img.mode, (max_px, max_px))
                data = prepare_image(img, spec, max_px)
        except LookupError as exc:
            reason = f"The picture is not available: {exc}"
        except Exception as exc:  # noqa: BLE001 - hostile or damaged pictures: say so on the page
            # Any decoder failure (Pillow raises many types on hostile input) or a damaged page
            # of the case file is printed where the picture would be, and reported as a warning.
            reason = f"The picture could not be drawn: {type(exc).__name__}: {exc}"
        else:
            return data, ""
        finally:
            if progress is not None:
                progress.step(1, f"item {spec.item_id}")
        if progress is not None and hasattr(progress, "warn"):
            progress.warn(f"item {spec.item_id}", reason)
        return None, reason

    return render


def pdf_title(report: Report) -> str:
    """The PDF's Title: "Evidence report N: title", without a dangling number when there is none."""
    case = report.case
    number = f" {case.case_number}" if case.case_number else ""
    return f"Evidence report{number}: {case.title}" if case.title else f"Evidence report{number}"


def pdf_subject(report: Report) -> str:
    """The PDF's Subject: the parts that are known, joined by dashes (no empty "— case" parts)."""
    case = report.case
    parts = [
        case.agency,
        f"case {case.case_number}" if case.case_number else "",
        f"{len(report.exhibits)} exhibit(s)",
        report.options.classification,
    ]
    return " — ".join(p for p in parts if p)


def _build(
    report: Report,
    target: Any,
    refs: PageRefs,
    renderer: Callable[[ImageSpec], ImageResult] | None,
    stream: bool = True,
) -> PageRefs:
    case = report.case
    doc = ReportDocTemplate(
        target,
        report,
        refs,
        title=pdf_title(report),
        author=case.analyst,
        subject=pdf_subject(report),
        keywords=[
            k
            for k in (
                case.case_number,
                report.options.classification,
                "evidence report",
                f"document-id {report.document_id}",
            )
            if k
        ],
        creator=f"{report.tool_name} {report.tool_version}",
        invariant=1,
        initialFontName=fonts.SANS,
        lang="en",
    )
    doc.build(build_story(report, refs, renderer), canvasmaker=_canvas_maker(report, stream))
    found = doc.found
    found.total = doc.page
    return found


def layout_pages(report: Report, refs: PageRefs | None = None) -> PageRefs:
    """Lay the report out without pictures and return the page numbers it found."""
    fonts.register_fonts()
    return _build(report, io.BytesIO(), refs or PageRefs(), None)


def render_pdf(report: Report, out: Path, images: ImageProvider, progress: ProgressLike | None = None) -> RenderResult:
    """Write the report as a PDF, atomically (temp file in the target folder, then rename).

    Args:
        report: the report data.
        out: the PDF path; its folder must exist.
        images: opens the picture of an ImageSpec (a context-managed PIL image); raises
            LookupError if there is none, OSError/ValueError if it cannot be decoded.
        progress: optional progress (one step per picture, plus one for the layout pass).

    Returns:
        Path, SHA-256, size and page count of the written file.

    Raises:
        ReportRenderError: the target folder is missing or not writable.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportRenderError("the folder for the report does not exist", out)
    pictures = sum(1 for ex in report.exhibits if ex.image is not None) if report.has("exhibits") else 0
    if progress is not None:
        progress.start(pictures + 1, "laying out the report")
    refs = layout_pages(report)
    if progress is not None:
        progress.step(1, "drawing pages")
    renderer = _renderer(images, report.options.image_max_px, progress)
    try:
        with replacing(out) as tmp:
            # The first layout pass printed placeholders for page numbers (contents, exhibit
            # list, "of M"); if filling them in moved anything, draw again with the numbers found.
            for _ in range(MAX_PASSES):
                with open(tmp, "wb") as fh:
                    found = _build(report, fh, refs, renderer)
                    sync(fh)
                if found.pages == refs.pages and found.total == refs.total:
                    break
                refs = found
            else:
                raise ReportRenderError("page numbers did not settle between layout passes", out)
            sha256, _md5, size = hash_file(tmp)
    except FolderNotWritable as exc:
        raise ReportRenderError(f"cannot write in this folder: {exc.strerror}", out) from exc
    except OSError as exc:
        raise ReportRenderError(f"cannot write the report: {exc.strerror or exc}", out) from exc
    except LayoutError as exc:
        raise ReportRenderError(f"the report cannot be laid out: {str(exc)[:200]}", out) from exc
    return RenderResult(path=out, sha256=sha256, size=size, pages=found.total)
