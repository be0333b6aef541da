"""Reportlab flowables, styles and page furniture (Bates number, "Page N of M") for a Report."""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports import fonts
from reports.model import Exhibit, ImageSpec, ItemRef, Region, Report

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
IMAGE_MAX_HEIGHT = 120 * mm

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")
MARK = colors.HexColor("#b00020")
REGION = colors.HexColor("#e4002b")

# The renderer's answer for one picture: JPEG bytes to embed, or a reason it cannot be shown.
ImageResult = tuple[bytes | None, str]
ImageRenderer = Callable[[ImageSpec], ImageResult]


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": fonts.SANS,
        "fontSize": 9,
        "leading": 12,
        "textColor": INK,
        "splitLongWords": 1,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "body": _style("body"),
    "small": _style("small", fontSize=7.5, leading=9.5),
    "muted": _style("muted", fontSize=7.5, leading=9.5, textColor=MUTED),
    "mono": _style("mono", fontName=fonts.MONO, fontSize=7.5, leading=9.5),
    "mono-small": _style("mono-small", fontName=fonts.MONO, fontSize=6.5, leading=8),
    "label": _style("label", fontName=fonts.SANS_BOLD, fontSize=7.5, leading=9.5),
    "cell-head": _style("cell-head", fontName=fonts.SANS_BOLD, fontSize=7.5, leading=9.5),
    "h1": _style("h1", fontName=fonts.SANS_BOLD, fontSize=15, leading=19, spaceBefore=4, spaceAfter=8),
    "h2": _style("h2", fontName=fonts.SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=4),
    "title": _style("title", fontName=fonts.SANS_BOLD, fontSize=22, leading=28, alignment=TA_CENTER, spaceAfter=6),
    "subtitle": _style("subtitle", fontSize=13, leading=17, alignment=TA_CENTER, spaceAfter=16),
    "marking": _style(
        "marking", fontName=fonts.SANS_BOLD, fontSize=13, leading=17, alignment=TA_CENTER, textColor=MARK
    ),
    "caption": _style("caption", fontSize=7.5, leading=9.5, textColor=MUTED, alignment=TA_CENTER),
}


def _has_cjk(text: str) -> bool:
    return any(
        0x2E80 <= ord(c) <= 0x9FFF
        or 0xF900 <= ord(c) <= 0xFAFF
        or 0xFF00 <= ord(c) <= 0xFFEF
        or 0x20000 <= ord(c) <= 0x3FFFF
        for c in text
    )


def _cjk_style(style: ParagraphStyle) -> ParagraphStyle:
    # Chinese has no spaces between words: let lines break between any two characters.
    return ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")


def clean(text: str) -> str:
    """Normalise text for printing: NFC, control characters shown, not interpreted."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for c in text:
        if c in "\n\t":
            out.append(c)
        elif unicodedata.category(c) == "Cc":
            out.append(fonts.placeholder(c))
        else:
            out.append(c)
    return "".join(out).replace("\r\n", "\n").replace("\t", "    ")


class BidiParagraph(Flowable):
    """A paragraph holding right-to-left script.

    reportlab draws glyphs left to right, so the text is broken into lines in logical order
    first, then each line is shaped and reordered (Unicode bidi algorithm) for display.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._para: Paragraph | None = None
        self._width = -1.0

    def _lines(self, width: float) -> list[str]:
        size = self.style.fontSize
        limit = max(width - 2.0, 10.0)
        lines: list[str] = []
        for logical in self.text.split("\n"):
            current = ""
            for word in logical.split(" "):
                candidate = f"{current} {word}" if current else word
                if not current or fonts.string_width(fonts.shaped(candidate), self.style.fontName, size) <= limit:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
        return lines

    def _build(self, width: float) -> Paragraph:
        if self._para is None or width != self._width:
            lines = self._lines(width)
            body = "<br/>".join(fonts.markup(fonts.visual(line), self.style.fontName) for line in lines)
            style = self.style
            if fonts.base_rtl(self.text):
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            if _has_cjk(self.text):
                style = _cjk_style(style)
            self._para = Paragraph(body, style)
            self._width = width
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._build(availWidth).wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._build(availWidth).split(availWidth, availHeight)  # type: ignore[no-any-return]

    def draw(self) -> None:
        assert self._para is not None
        self._para.drawOn(self.canv, 0, 0)


def para(text: str, style: str | ParagraphStyle = "body") -> Flowable:
    """A paragraph of plain text in any script, with fallback fonts and bidi handled."""
    st = STYLES[style] if isinstance(style, str) else style
    text = clean(text)
    if fonts.needs_bidi(text):
        return BidiParagraph(text, st)
    if _has_cjk(text):
        st = _cjk_style(st)
    return Paragraph(fonts.markup(text, st.fontName), st)


class Heading(Paragraph):  # type: ignore[misc]
    """A section heading; the document records its page for the contents and the outline."""

    def __init__(self, text: str, style: str, key: str, level: int, toc: bool) -> None:
        st = STYLES[style]
        shown = fonts.visual(clean(text))
        if _has_cjk(shown):
            st = _cjk_style(st)
        super().__init__(fonts.markup(shown, st.fontName), st)
        self.toc_key = key
        self.toc_title = clean(text)
        self.toc_level = level
        self.in_toc = toc


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class PageRefs:
    """Facts learnt from the previous layout pass: pages of headings and the page count."""

    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def page(self, key: str) -> str:
        n = self.pages.get(key)
        return str(n) if n else "–"


def draw_jpeg(canvas: Any, data: bytes, width: float, height: float) -> None:
    """Place JPEG bytes on the canvas at (0, 0), embedded as they are (DCTDecode).

    reportlab's drawImage would decode the JPEG to raw RGB just to name it, and keep that
    decoded copy alive until the document is saved (megabytes per picture); here the name is
    the SHA-256 of the JPEG bytes and only those bytes are kept.
    """
    name = "Im" + hashlib.sha256(data).hexdigest()[:24]
    doc = canvas._doc
    reg_name = doc.getXObjectName(name)
    if doc.idToObject.get(reg_name) is None:
        width_px, height_px, components = readJPEGInfo(io.BytesIO(data))[:3]
        xobj = PDFImageXObject(name)
        xobj.width, xobj.height = width_px, height_px
        xobj.bitsPerComponent = 8
        xobj.colorSpace = "DeviceGray" if components == 1 else "DeviceRGB"
        # Raw DCT data as Pillow wrote it; reportlab's loader would ASCII85-encode it in pure
        # Python (slow, and a quarter larger).
        xobj.streamContent = data
        xobj._filters = ("DCTDecode",)
        xobj.mask = None
        xobj.name = name
        canvas._setXObjects(xobj)
        doc.Reference(xobj, reg_name)
        doc.addForm(name, xobj)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.scale(width, height)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


class ExhibitImage(Flowable):
    """The exhibit's picture, scaled to fit, with annotated regions drawn over it as vectors.

    The picture is loaded only when the page is drawn (``renderer``), and dropped right after:
    the layout knows its size from the ImageSpec, so no pixels are held while laying out.
    """

    def __init__(
        self,
        spec: ImageSpec,
        regions: Iterable[Region],
        renderer: ImageRenderer | None,
        max_width: float = FRAME_WIDTH,
        max_height: float = IMAGE_MAX_HEIGHT,
    ) -> None:
        super().__init__()
        self.spec = spec
        self.regions = tuple(regions)
        self.renderer = renderer
        # Never enlarge beyond 1.5 pt per pixel (48 dpi): a small thumbnail stays small.
        scale = min(max_width / max(spec.width, 1), max_height / max(spec.height, 1), 1.5)
        self.draw_width = max(spec.width * scale, 24.0)
        self.draw_height = max(spec.height * scale, 24.0)
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.draw_width > availWidth:
            ratio = availWidth / self.draw_width
            self.draw_width *= ratio
            self.draw_height *= ratio
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        canvas = self.canv
        w, h = self.draw_width, self.draw_height
        if self.renderer is not None:
            data, reason = self.renderer(self.spec)
            if data is not None:
                draw_jpeg(canvas, data, w, h)
            else:
                canvas.setFillColor(SHADE)
                canvas.rect(0, 0, w, h, stroke=0, fill=1)
                canvas.setFillColor(MUTED)
                fonts.draw_string(canvas, w / 2, h / 2, _short(reason, 90), size=8, align="centre")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, w, h, stroke=1, fill=0)
        for region in self.regions:
            rx, ry = region.x * w, (1 - region.y - region.h) * h
            canvas.setStrokeColor(REGION)
            canvas.setLineWidth(1.5)
            canvas.rect(rx, ry, region.w * w, region.h * h, stroke=1, fill=0)
            label_w = fonts.string_width(region.label, fonts.SANS_BOLD, 7) + 4
            top = ry + region.h * h
            canvas.setFillColor(REGION)
            canvas.rect(rx, top - 10, label_w, 10, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            fonts.draw_string(canvas, rx + 2, top - 8, region.label, font_name=fonts.SANS_BOLD, size=7)
        canvas.setFillColor(INK)


def _table(rows: list[list[Flowable]], widths: list[float], header: bool = False, zebra: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Cells hold paragraphs; the table's own font would otherwise be the non-embedded
        # Helvetica that reportlab selects before drawing a cell.
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 9),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK)]
    if zebra:
        for r in range(2 if header else 1, len(rows), 2):
            style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f7f7f7")))
    table.setStyle(TableStyle(style))
    return table


# A table row cannot be split across pages: a cell longer than this is cut (and says so), so a
# hostile 100 kB URL cannot make the layout fail. Long free text (notes, excerpts) is not in tables.
CELL_LIMIT = 1500


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    """Text for a table cell, cut with a visible notice when it is too long for one page."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters; see the case file]"


def kv_table(rows: Iterable[tuple[str, str, str]], label_width: float = 42 * mm) -> Table:
    """A two-column table of label/value rows; the third element names the value style."""
    data = [[para(label, "label"), para(cell(value), style)] for label, value, style in rows]
    return _table(data, [label_width, FRAME_WIDTH - label_width])


def grid(header: list[str], rows: Iterable[list[tuple[str, str]]], widths: list[float]) -> Table:
    """A table with a repeated header row; each cell is (text, style)."""
    data: list[list[Flowable]] = [[para(h, "cell-head") for h in header]]
    data += [[para(cell(text), style) for text, style in row] for row in rows]
    return _table(data, widths, header=True, zebra=True)


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 1024 else f"{n:,} bytes ({_human(n)})"


def _human(n: float) -> str:
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        n /= 1024
        if n < 1024:
            return f"{n:.1f} {unit}"
    return f"{n:.1f} PiB"


def _ref(ref: ItemRef) -> str:
    head = f"Exhibit {ref.exhibit_number}" if ref.exhibit_number else f"Item {ref.item_id}"
    return f"{head} ({ref.kind}): {_short(ref.label, 90)} — SHA-256 {ref.sha256}"


def _exhibit_story(report: Report, ex: Exhibit, renderer: ImageRenderer | None) -> list[Flowable]:
    story: list[Flowable] = [PageBreak()]
    story.append(Heading(f"Exhibit {ex.number} — {_short(ex.label, 80)}", "h1", f"exhibit-{ex.number}", 0, toc=False))
    if ex.image is not None:
        story.append(ExhibitImage(ex.image, ex.regions, renderer))
        caption = f"Exhibit {ex.number}: {ex.kind}"
        if ex.image.source != "original":
            caption += f" — {ex.image.source} rendering, not the original bytes"
        if ex.image.redaction != "none":
            caption += (
                f" — {'PIXELATED' if ex.image.redaction == 'pixelate' else 'BLURRED'} "
                f"in this report ({ex.image.redaction_reason}); the original in the case "
                "file is unaltered"
            )
        if ex.regions:
            caption += f" — {len(ex.regions)} annotated region(s) outlined in red"
        story += [Spacer(1, 2), para(caption, "caption"), Spacer(1, 6)]
        for part in ex.more_images:  # a page's full-page rendering, one report page per part
            story.append(PageBreak())
            story.append(ExhibitImage(part, (), renderer))
            text = f"Exhibit {ex.number}: {part.source} rendering, not the original bytes"
            if part.redaction != "none":
                text += f" — {'PIXELATED' if part.redaction == 'pixelate' else 'BLURRED'} in this report"
            story += [Spacer(1, 2), para(text, "caption"), Spacer(1, 6)]

    rows: list[tuple[str, str, str]] = [
        ("Exhibit number", str(ex.number), "body"),
        ("Item id", str(ex.item_id), "body"),
        ("Kind", ex.kind, "body"),
        ("SHA-256", ex.sha256, "mono"),
        ("MD5", ex.md5, "mono"),
        ("Size", _size(ex.size), "body"),
        ("MIME type", ex.mime or "unknown", "body"),
    ]
    optional = [
        ("Title", ex.title, "body"),
        ("Original name", ex.original_name, "body"),
        ("Source URL", ex.source_url, "mono"),
        ("Final URL", ex.final_url if ex.final_url != ex.source_url else "", "mono"),
        ("Source path", ex.source_path, "mono"),
        ("Capture method", ex.capture_method, "body"),
        (
            "Captured (UTC)",
            ex.captured_at + (f"  (source time zone {ex.captured_tz})" if ex.captured_tz else ""),
            "body",
        ),
        ("Imported (UTC)", ex.imported_at, "body"),
        ("Imported by", ex.imported_by, "body"),
        ("Importer", ex.importer, "body"),
        ("Dimensions", f"{ex.width} × {ex.height} px" if ex.width and ex.height else "", "body"),
        ("Language", ex.language, "body"),
        ("Marked as exhibit", f"{ex.added_at} by {ex.added_by}" if ex.added_at else "", "body"),
        ("Tags", ", ".join(ex.tags), "body"),
    ]
    rows += [r for r in optional if r[1].strip()]
    if ex.gps is not None:
        origin = "container metadata" if ex.kind == "video" else "EXIF"
        rows.append(("GPS position", f"{ex.gps[0]:.6f}, {ex.gps[1]:.6f} ({origin}, WGS 84)", "body"))
    story.append(kv_table(rows))

    def block(title: str, flowables: list[Flowable]) -> None:
        story.append(KeepTogether([Heading(title, "h2", f"exhibit-{ex.number}-{title}", 2, toc=False), *flowables[:1]]))
        story.extend(flowables[1:])

    if ex.exif:
        title = "Video metadata" if ex.kind in ("video", "frame") else "EXIF metadata"
        block(title, [kv_table((f.name, f.value, "small") for f in ex.exif)])
    if ex.container:
        block("Evidence container", [kv_table((f.name, f.value, "small") for f in ex.container)])
    relations: list[tuple[str, str, str]] = []
    if ex.parent:
        relations.append(("Parent", _ref(ex.parent), "small"))
    for child in ex.children:
        relations.append(("Child", _ref(child), "small"))
    if relations:
        block("Provenance: parent and children", [kv_table(relations)])
    confirmed = [f for f in ex.indicators if f.status == "confirmed"]
    suggested = [f for f in ex.indicators if f.status != "confirmed"]
    if confirmed:
        block(
            "Indicators confirmed by the analyst",
            [
                grid(
                    ["Indicator", "Evidence", "Confirmed by"],
                    (
                        [(f"{f.label} ({f.code})", "body"), (f.evidence, "small"), (f"{f.by} {f.at}".strip(), "small")]
                        for f in confirmed
                    ),
                    [60 * mm, FRAME_WIDTH - 105 * mm, 45 * mm],
                )
            ],
        )
    if suggested and report.options.include_suggestions:
        block(
            "Machine suggestions (NOT confirmed by an analyst)",
            [
                grid(
                    ["Suggested indicator", "Matched text", "Status"],
                    (
                        [(f"{f.label} ({f.code})", "body"), (f.evidence, "small"), ("machine suggestion", "small")]
                        for f in suggested
                    ),
                    [60 * mm, FRAME_WIDTH - 100 * mm, 40 * mm],
                )
            ],
        )
    if ex.regions:
        block(
            "Annotated regions",
            [
                grid(
                    ["Region", "Note", "Position (x, y, w, h of image)", "By"],
                    (
                        [
                            (r.label, "body"),
                            (r.text, "small"),
                            (f"{r.x:.3f}, {r.y:.3f}, {r.w:.3f}, {r.h:.3f}", "mono-small"),
                            (f"{r.author} {r.created_at}".strip(), "small"),
                        ]
                        for r in ex.regions
                    ),
                    [18 * mm, FRAME_WIDTH - 108 * mm, 50 * mm, 40 * mm],
                )
            ],
        )
    if ex.notes:
        # Paragraphs, not a table: a long note may run over several pages.
        notes: list[Flowable] = []
        for n in ex.notes:
            notes += [para(f"{n.author} — {n.created_at}", "label"), para(n.text, "body"), Spacer(1, 4)]
        block("Analyst notes", notes)
    if ex.selectors:
        block(
            "Selectors",
            [
                grid(
                    ["Kind", "Value"],
                    ([(s.kind, "body"), (s.value, "mono")] for s in ex.selectors),
                    [35 * mm, FRAME_WIDTH - 35 * mm],
                )
            ],
        )
    if ex.near_duplicates:
        block(
            "Near-duplicates (perceptual hash)",
            [
                grid(
                    ["Item", "How it matches", "Distance"],
                    (
                        [(_ref(d.ref), "small"), (d.algorithm, "small"), (f"{d.distance:g}", "body")]
                        for d in ex.near_duplicates
                    ),
                    [FRAME_WIDTH - 55 * mm, 35 * mm, 20 * mm],
                )
            ],
        )
    if ex.hashset_matches:
        block(
            "Known-image hash-set matches",
            [
                grid(
                    ["Hash set — label", "Match"],
                    ([(f.name, "body"), (f.value, "small")] for f in ex.hashset_matches),
                    [FRAME_WIDTH - 45 * mm, 45 * mm],
                )
            ],
        )
    if ex.watchlist_hits:
        block(
            "Watchlist hits",
            [
                grid(
                    ["Watchlist (agency) — label", "Matched"],
                    ([(f.name, "body"), (f.value, "small")] for f in ex.watchlist_hits),
                    [FRAME_WIDTH - 60 * mm, 60 * mm],
                )
            ],
        )
    if ex.unavailable:
        block("Not available", [kv_table((f.name, f.value, "small") for f in ex.unavailable)])
    if ex.text_excerpt:
        block("Extracted text (excerpt)", [para(ex.text_excerpt, "small")])
    return story


def _is_utc(timezone: str) -> bool:
    return (timezone or "UTC").upper() in ("UTC", "ETC/UTC", "Z", "GMT", "ETC/GMT", "UNIVERSAL", "ZULU")


def header_case_label(case_number: str) -> str:
    """Top-left of every page: "Case N", or a plain statement when the case has no number."""
    return f"Case {case_number}" if case_number.strip() else "Case without a number"


def _cover(report: Report, refs: PageRefs) -> list[Flowable]:
    case, opts = report.case, report.options
    story: list[Flowable] = [Spacer(1, 18 * mm)]
    if opts.classification:
        story.append(para(opts.classification, "marking"))
    story += [
        Spacer(1, 10 * mm),
        para("Evidence report", "title"),
        para(case.title, "subtitle"),
    ]
    last = opts.bates(max(refs.total, 1) - 1)
    rows = [
        ("Case number", case.case_number or "none given", "body"),
        ("Case title", case.title, "body"),
        ("Agency", case.agency or "none given", "body"),
        ("Analyst", case.analyst, "body"),
    ]
    if opts.classification:  # only a marking the analyst chose; none is printed otherwise
        rows.append(("Classification", opts.classification, "body"))
    rows.append(("Generated (UTC)", report.generated_at_utc, "body"))
    if not _is_utc(case.timezone):  # a case kept in UTC needs the time once, not twice
        rows.append((f"Generated ({case.timezone})", report.generated_at_local, "body"))
    rows += [
        ("Tool", f"{report.tool_name} {report.tool_version}", "body"),
        ("Exhibits", str(len(report.exhibits)), "body"),
        ("Pages", f"{refs.total}  (Bates {opts.bates(0)} to {last})", "body"),
        ("Document ID", report.document_id, "mono"),
    ]
    story.append(kv_table(rows))
    story.append(Spacer(1, 8 * mm))
    story.append(
        para(
            "The generation time is the time of the last change recorded in the case's audit log "
            "(reading the case is not a change), "
            "so the same case and the same options always produce the same file, byte for byte. "
            "The SHA-256 of this PDF is recorded in the case's audit log (action "
            '"report.generated").',
            "muted",
        )
    )
    if report.redaction.statements:
        story.append(Spacer(1, 4 * mm))
        redacted = bool(report.redaction.images_redacted or report.redaction.selectors_masked)
        story.append(para("This report contains redactions:" if redacted else "Redaction:", "label"))
        for line in report.redaction.statements:
            story.append(para(f"• {line}", "small"))
    return story


def _toc(report: Report, refs: PageRefs, entries: list[tuple[str, str]]) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Heading("Contents", "h1", "contents", 0, toc=False)]
    rows = [[para(title, "body"), para(refs.page(key), "body")] for key, title in entries]
    table = _table(rows, [FRAME_WIDTH - 25 * mm, 25 * mm])
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    story.append(table)
    return story


def _summary(report: Report) -> list[Flowable]:
    s = report.summary
    story: list[Flowable] = [PageBreak(), Heading("Summary", "h1", "summary", 0, toc=True)]
    rows = [
        ("Exhibits in this report", str(s.exhibit_count), "body"),
        ("Items in the case", str(s.case_item_count), "body"),
        ("Captured from", s.first_capture or "–", "body"),
        ("Captured until", s.last_capture or "–", "body"),
    ]
    rows += [(f"Exhibits of kind “{f.name}”", f.value, "body") for f in s.by_kind]
    story.append(kv_table(rows, 55 * mm))
    if s.platforms:
        story.append(Heading("Platforms and sites", "h2", "summary-platforms", 1, toc=False))
        story.append(
            grid(
                ["Site", "Exhibits"],
                ([(f.name, "body"), (f.value, "body")] for f in s.platforms),
                [FRAME_WIDTH - 30 * mm, 30 * mm],
            )
        )
    story.append(Heading("Indicator findings", "h2", "summary-indicators", 1, toc=False))
    if s.indicator_findings:
        story.append(
            grid(
                ["Indicator", "Exhibits"],
                ([(f.name, "body"), (f.value, "body")] for f in s.indicator_findings),
                [FRAME_WIDTH - 30 * mm, 30 * mm],
            )
        )
    else:
        story.append(para("No indicator was confirmed on these exhibits.", "body"))
    if s.key_selectors:
        story.append(Heading("Key selectors", "h2", "summary-selectors", 1, toc=False))
        story.append(
            grid(
                ["Selector", "Exhibits"],
                ([(f.name, "mono"), (f.value, "body")] for f in s.key_selectors),
                [FRAME_WIDTH - 30 * mm, 30 * mm],
            )
        )
    for remark in s.remarks:
        story.append(Spacer(1, 3))
        story.append(para(remark, "muted"))
    if report.redaction.statements:
        story.append(Heading("Redactions", "h2", "summary-redactions", 1, toc=False))
        for line in report.redaction.statements:
            story.append(para(f"• {line}", "body"))
    return story


def _exhibit_list(report: Report, refs: PageRefs) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Heading("Exhibit list", "h1", "exhibit-list", 0, toc=True)]
    if not report.exhibits:
        story.append(para("No exhibits were selected for this report.", "body"))
        return story
    with_pages = report.has("exhibits")
    header = ["No.", "Description", "Kind", "SHA-256"] + (["Page"] if with_pages else [])
    sha_w = 91 * mm  # 64 hex digits of DejaVu Sans Mono 6.5 pt on one line
    widths = [10 * mm, FRAME_WIDTH - 10 * mm - 14 * mm - sha_w - (11 * mm if with_pages else 0), 14 * mm, sha_w] + (
        [11 * mm] if with_pages else []
    )
    rows = []
    for ex in report.exhibits:
        row = [
            (str(ex.number), "body"),
            (_short(ex.label, 160), "small"),
            (ex.kind, "small"),
            (ex.sha256, "mono-small"),
        ]
        if with_pages:
            row.append((refs.page(f"exhibit-{ex.number}"), "small"))
        rows.append(row)
    story.append(grid(header, rows, widths))
    return story


def _selectors(report: Report) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Heading("Appendix A — Selectors", "h1", "selectors", 0, toc=True)]
    if report.selectors is None:
        story.append(
            para(
                report.selectors_note
                or "Selectors are not available in this case file (selector extraction has not been run).",
                "body",
            )
        )
        return story
    story.append(
        para(
            "Which selector (phone number, e-mail address, account, URL) appears on "
            "which exhibit. “Items” counts every item of the case that holds it, "
            "exhibits or not.",
            "muted",
        )
    )
    story.append(Spacer(1, 4))
    if not report.selectors:
        story.append(para("No selector was found on these exhibits.", "body"))
        return story
    story.append(
        grid(
            ["Kind", "Selector", "On exhibits", "Items"],
            (
                [
                    (r.kind, "small"),
                    (r.value, "mono"),
                    (", ".join(str(n) for n in r.exhibit_numbers), "small"),
                    (str(r.item_count), "small"),
                ]
                for r in report.selectors
            ),
            [25 * mm, FRAME_WIDTH - 85 * mm, 45 * mm, 15 * mm],
        )
    )
    return story


def _custody(report: Report) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Heading("Appendix B — Chain of custody", "h1", "custody", 0, toc=True)]
    c = report.custody
    if c is None:
        story.append(para("The audit log is not available.", "body"))
        return story
    state = {
        True: "verified: every entry's hash matches its content and its predecessor",
        False: "FAILED: the chain is broken",
        None: "not checked",
    }[c.chain_verified]
    rows = [
        ("Entries", str(len(c.entries)), "body"),
        ("Head hash", c.head_hash, "mono"),
        ("Chain check", state + (f" ({c.verify_note})" if c.verify_note else ""), "body"),
    ]
    story.append(kv_table(rows))
    story.append(Spacer(1, 4))
    text = (
        "Every change to the case writes an audit entry (UTC time, analyst, action, details) "
        "whose hash covers its content and the hash of the entry before it, so no entry can "
        "be altered, removed or reordered without breaking the chain. The head hash is the "
        "hash of the last entry listed here: the last change to the case before this "
        "report. Entries after it that only record reading the case (report generations, "
        "including this one's, hash verifications, extractions) are not listed, so that "
        "regenerating this report gives the same file."
    )
    story.append(para(text, "muted"))
    story.append(Spacer(1, 4))
    rows2 = []
    for e in c.entries:
        rows2.append(
            [
                (f"{e.seq}", "small"),
                (f"{e.at}\n{e.analyst}", "small"),
                (f"{e.action}\n{_short(e.details, 1400)}", "small"),
                (e.entry_hash, "mono-small"),
            ]
        )
    story.append(
        grid(
            ["#", "Time (UTC), analyst", "Action and details", "Entry hash"],
            rows2,
            [10 * mm, 36 * mm, FRAME_WIDTH - 46 * mm - 50 * mm, 50 * mm],
        )
    )
    return story


def _method(report: Report) -> list[Flowable]:
    m = report.method
    story: list[Flowable] = [PageBreak(), Heading("Appendix C — Method statement", "h1", "method", 0, toc=True)]
    paras = [
        f"This report was produced by {report.tool_name} {report.tool_version}, an offline "
        "workstation. Material was imported into an encrypted case file (SQLCipher); the "
        "workstation opens no network connection, so viewing a captured page never contacted "
        "the site it came from.",
        f"Hashes: {m.hash_algorithms}. The original bytes are stored unaltered in the case file "
        "and can be re-checked against these hashes at any time. Pictures in this report are "
        "reduced copies for reading; their hashes differ from the originals by design.",
    ]
    if m.perceptual_hashing:
        paras.append(f"Near-duplicates: {m.perceptual_hashing}")
    if m.indicator_method:
        paras.append(f"Indicators: {m.indicator_method}")
    if m.selector_method:
        paras.append(f"Selectors: {m.selector_method}")
    for p in paras:
        story.append(para(p, "body"))
        story.append(Spacer(1, 4))
    if m.capture_methods:
        story.append(Heading("Capture methods of the exhibits", "h2", "method-capture", 1, toc=False))
        story.append(
            grid(
                ["Capture method", "Exhibits"],
                ([(f.name, "body"), (f.value, "body")] for f in m.capture_methods),
                [FRAME_WIDTH - 30 * mm, 30 * mm],
            )
        )
    if m.importers:
        story.append(Heading("Importers", "h2", "method-importers", 1, toc=False))
        story.append(
            grid(
                ["Importer", "Exhibits"],
                ([(f.name, "body"), (f.value, "body")] for f in m.importers),
                [FRAME_WIDTH - 30 * mm, 30 * mm],
            )
        )
    story.append(Heading("Fonts", "h2", "method-fonts", 1, toc=False))
    story.append(
        para(
            "Text is set in embedded fonts so that every script appears as written "
            "and stays searchable: "
            + "; ".join(f"{f.family} ({f.covers})" for f in fonts.FONT_FILES if not f.family.endswith("Bold"))
            + ". A character none of them can "
            "draw is written as its Unicode code point, e.g. [U+1F9FF].",
            "small",
        )
    )
    return story


def _verification(report: Report) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        Heading("Appendix D — Verification statement", "h1", "verification", 0, toc=True),
    ]
    steps = [
        "Each exhibit section gives the SHA-256 and MD5 of the original bytes as imported. "
        "Anyone holding the case file and its passphrase can re-check them:",
        "1. Check every stored original against its recorded hash, and the audit chain:",
        "    workstation verify CASE",
        "2. Or extract one original and hash it with standard tools, independent of this software:",
        "    workstation extract CASE ITEM_ID --out exhibit.bin\n    sha256sum exhibit.bin\n    md5sum exhibit.bin",
        "   The printed SHA-256 must equal the one in the exhibit section.",
        "3. Check this report: its SHA-256 is recorded in the case's audit log (action "
        '"report.generated", with the options used). Regenerating it with those options from the '
        "same case state produces a byte-identical file (verifying, extracting and generating "
        "reports do not change the state):",
        "    workstation report CASE --out again.pdf [same options]\n    sha256sum again.pdf",
        "4. The chain-of-custody appendix lists the audit log up to its head hash. In the case "
        "(workstation audit CASE), the entry with the same number must have the same hash and the "
        "chain must verify: every entry's hash covers the one before it, so the listed entries "
        "cannot have been altered since.",
    ]
    for s in steps:
        style = "mono" if s.startswith("    ") else "body"
        story.append(para(s.strip("\n") if style == "body" else s.strip(), style))
        story.append(Spacer(1, 3))
    return story


def build_story(report: Report, refs: PageRefs, renderer: ImageRenderer | None) -> list[Flowable]:
    """All flowables of the report, in order.

    Args:
        report: the report data.
        refs: page numbers from the previous layout pass (empty on the first pass).
        renderer: draws pictures; None on a layout-only pass.
    """
    toc_entries: list[tuple[str, str]] = []
    if report.has("summary"):
        toc_entries.append(("summary", "Summary"))
    if report.has("exhibit-list"):
        toc_entries.append(("exhibit-list", "Exhibit list"))
    if report.has("exhibits"):
        toc_entries += [
            (f"exhibit-{ex.number}", f"Exhibit {ex.number} — {_short(ex.label, 70)}") for ex in report.exhibits
        ]
    if report.has("transcripts") and report.transcripts:
        toc_entries.append(("transcripts", "Chat transcripts"))
    appendices = [
        ("selectors", "Appendix A — Selectors"),
        ("custody", "Appendix B — Chain of custody"),
        ("method", "Appendix C — Method statement"),
        ("verification", "Appendix D — Verification statement"),
        ("networks", "Appendix E — Networks and persons"),
    ]
    toc_entries += [(k, t) for k, t in appendices if report.has(k)]

    story = _cover(report, refs)
    if report.has("toc"):
        story += _toc(report, refs, toc_entries)
    if report.has("summary"):
        story += _summary(report)
    if report.has("exhibit-list"):
        story += _exhibit_list(report, refs)
    if report.has("exhibits"):
        for ex in report.exhibits:
            story += _exhibit_story(report, ex, renderer)
    if report.has("transcripts") and report.transcripts:
        from reports.transcripts import story as transcript_story

        story += transcript_story(report.transcripts)
    if report.has("selectors"):
        story += _selectors(report)
    if report.has("custody"):
        story += _custody(report)
    if report.has("method"):
        story += _method(report)
    if report.has("verification"):
        story += _verification(report)
    if report.has("networks"):
        from reports.networks_appendix import story as networks_story

        story += networks_story(report.networks)
    return story


class ReportDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages with the case number, classification, Bates number and "Page N of M"."""

    def __init__(self, target: Any, report: Report, refs: PageRefs, **kw: Any) -> None:
        self.report = report
        self.refs = refs
        self.found = PageRefs()
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def _furniture(self, canvas: Any, doc: Any) -> None:
        report, opts = self.report, self.report.options
        page = canvas.getPageNumber()
        width, height = PAGE_SIZE
        canvas.saveState()
        top = height - 12 * mm
        canvas.setFillColor(INK)
        fonts.draw_string(
            canvas, MARGIN_X, top, header_case_label(report.case.case_number), font_name=fonts.SANS_BOLD, size=8
        )
        canvas.setFillColor(MARK)
        fonts.draw_string(
            canvas, width / 2, top, opts.classification, font_name=fonts.SANS_BOLD, size=8, align="centre"
        )
        canvas.setFillColor(MUTED)
        fonts.draw_string(canvas, width - MARGIN_X, top, _short(report.case.title, 45), size=7.5, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, top - 3, width - MARGIN_X, top - 3)
        bottom = 10 * mm
        canvas.line(MARGIN_X, bottom + 9, width - MARGIN_X, bottom + 9)
        canvas.setFillColor(INK)
        fonts.draw_string(canvas, MARGIN_X, bottom, opts.bates(page - 1), font_name=fonts.MONO_BOLD, size=8)
        total = self.refs.total or 0
        fonts.draw_string(canvas, width / 2, bottom, f"Page {page} of {total or '?'}", size=8, align="centre")
        canvas.setFillColor(MARK)
        fonts.draw_string(
            canvas, width - MARGIN_X, bottom, opts.classification, font_name=fonts.SANS_BOLD, size=7.5, align="right"
        )
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, Heading):
            page = self.canv.getPageNumber()
            if flowable.toc_key not in self.found.pages:
                self.found.pages[flowable.toc_key] = page
            if flowable.toc_level == 0:
                key = flowable.toc_key
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(_short(flowable.toc_title, 120), key, level=flowable.toc_level, closed=True)

    def handle_documentBegin(self) -> None:  # noqa: N802
        self.found = PageRefs()
        super().handle_documentBegin()


__all__ = [
    "TA_LEFT",
    "BidiParagraph",
    "CondPageBreak",
    "ExhibitImage",
    "Heading",
    "ImageRenderer",
    "PageRefs",
    "ReportDocTemplate",
    "build_story",
    "para",
]
