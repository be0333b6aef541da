"""Embedded fonts per script, with per-character fallback so no glyph is ever missing.

Every string that reaches the PDF is cut into runs; each run is drawn with the first font of a
fallback chain that has a glyph for its characters (Latin/Cyrillic/Greek → DejaVu, Arabic → Noto
Sans Arabic, Chinese/Japanese → Droid Sans Fallback, emoji and symbols → Symbola). A character no
shipped font covers is written as its code point, ``[U+1F9FF]``, so the reader still learns what
was there instead of seeing an empty box. Arabic and Hebrew are shaped (presentation forms) and
reordered for display with the Unicode bidi algorithm, because reportlab draws glyphs left to right.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

SANS = "EW-Sans"
SANS_BOLD = "EW-Sans-Bold"
MONO = "EW-Mono"
MONO_BOLD = "EW-Mono-Bold"
ARABIC = "EW-Arabic"
ARABIC_BOLD = "EW-Arabic-Bold"
CJK = "EW-CJK"
SYMBOL = "EW-Symbol"


@dataclass(frozen=True)
class FontFile:
    """One shipped font file and where it came from."""

    name: str
    filename: str
    family: str
    covers: str
    licence: str
    debian_package: str


FONT_FILES: tuple[FontFile, ...] = (
    FontFile(
        SANS,
        "DejaVuSans.ttf",
        "DejaVu Sans",
        "Latin, Cyrillic, Greek, Hebrew, Arabic (basic)",
        "LICENSE-DejaVu.txt",
        "fonts-dejavu-core 2.37",
    ),
    FontFile(
        SANS_BOLD,
        "DejaVuSans-Bold.ttf",
        "DejaVu Sans Bold",
        "Latin, Cyrillic, Greek",
        "LICENSE-DejaVu.txt",
        "fonts-dejavu-core 2.37",
    ),
    FontFile(
        MONO,
        "DejaVuSansMono.ttf",
        "DejaVu Sans Mono",
        "hashes, identifiers",
        "LICENSE-DejaVu.txt",
        "fonts-dejavu-core 2.37",
    ),
    FontFile(
        MONO_BOLD,
        "DejaVuSansMono-Bold.ttf",
        "DejaVu Sans Mono Bold",
        "hashes, identifiers",
        "LICENSE-DejaVu.txt",
        "fonts-dejavu-core 2.37",
    ),
    FontFile(
        ARABIC,
        "NotoSansArabic-Regular.ttf",
        "Noto Sans Arabic",
        "Arabic, Persian, Urdu",
        "LICENSE-Noto-OFL-1.1.txt",
        "fonts-noto-core 20201225",
    ),
    FontFile(
        ARABIC_BOLD,
        "NotoSansArabic-Bold.ttf",
        "Noto Sans Arabic Bold",
        "Arabic, Persian, Urdu",
        "LICENSE-Noto-OFL-1.1.txt",
        "fonts-noto-core 20201225",
    ),
    FontFile(
        CJK,
        "DroidSansFallbackFull.ttf",
        "Droid Sans Fallback",
        "Chinese (simplified and traditional), Japanese kana",
        "LICENSE-DroidSansFallback-Apache-2.0.txt",
        "fonts-droid-fallback 6.0.1r16",
    ),
    FontFile(
        SYMBOL, "Symbola.ttf", "Symbola", "emoji and symbols (monochrome)", "LICENSE-Symbola.txt", "fonts-symbola 2.60"
    ),
)

# Fallback chains: the style's own font first, then by script. Bold text falls back to the
# regular face of a script when no bold face is shipped for it.
_CHAINS: dict[str, tuple[str, ...]] = {
    SANS: (SANS, ARABIC, CJK, SYMBOL, MONO),
    SANS_BOLD: (SANS_BOLD, SANS, ARABIC_BOLD, ARABIC, CJK, SYMBOL, MONO),
    MONO: (MONO, SANS, ARABIC, CJK, SYMBOL),
    MONO_BOLD: (MONO_BOLD, MONO, SANS_BOLD, SANS, ARABIC_BOLD, CJK, SYMBOL),
}

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}

# Bidi classes that make a string need reshaping and reordering.
_RTL_CLASSES = frozenset({"R", "AL"})


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, fixed for characters beyond U+FFFF.

    reportlab writes ``<%04X>``, which gives five hex digits for an emoji and breaks text
    extraction (copy/paste, search) of every such character; PDF wants UTF-16BE, i.e. a
    surrogate pair.
    """

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def font_dir() -> Path:
    """Return the folder that holds the shipped fonts and their licences."""
    return Path(str(resources.files("resources") / "fonts"))


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (idempotent, thread-safe)."""
    with _lock:
        if _coverage:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        folder = font_dir()
        for spec in FONT_FILES:
            font = TTFont(spec.name, str(folder / spec.filename))
            pdfmetrics.registerFont(font)
            _coverage[spec.name] = frozenset(font.face.charToGlyph)
        for regular, bold in ((SANS, SANS_BOLD), (MONO, MONO_BOLD), (ARABIC, ARABIC_BOLD)):
            pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)


def has_glyph(font_name: str, char: str) -> bool:
    """Tell whether a registered font has a glyph for one character."""
    register_fonts()
    return ord(char) in _coverage[font_name]


def _invisible(char: str) -> bool:
    # Format characters (ZWJ, bidi marks, BOM) and variation selectors draw nothing;
    # dropping them when no font maps them keeps the text as the reader would see it.
    code = ord(char)
    return unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or (0xE0100 <= code <= 0xE01EF)


def _is_arabic(code: int) -> bool:
    return 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def placeholder(char: str) -> str:
    """The visible stand-in for a character no shipped font can draw."""
    return f"[U+{ord(char):04X}]"


def runs(text: str, font_name: str = SANS) -> list[tuple[str, str]]:
    """Cut text into (text, font) runs so that every character has a glyph in its font.

    Args:
        text: the text in display order (already reordered if it holds right-to-left script).
        font_name: the style's font; it comes first in the fallback chain.

    Returns:
        Consecutive runs; uncovered characters appear as ``[U+XXXX]`` in the style's font,
        invisible format characters without a glyph are left out.
    """
    register_fonts()
    chain = _CHAINS.get(font_name, (font_name, *_CHAINS[SANS]))
    bold = font_name.endswith("-Bold")
    arabic_chain = (ARABIC_BOLD, ARABIC, *chain) if bold else (ARABIC, *chain)
    out: list[tuple[str, str]] = []
    current_font: str | None = None
    buffer: list[str] = []

    def emit(piece: str, font: str) -> None:
        nonlocal current_font
        if font != current_font and buffer:
            out.append(("".join(buffer), current_font or font))
            buffer.clear()
        current_font = font
        buffer.append(piece)

    for char in text:
        code = ord(char)
        if char in "\n\t":
            emit(char, current_font or font_name)
            continue
        # Spaces, digits, punctuation and combining marks stay in the current font when it has
        # them: fewer switches, and marks stay with their base letter. Letters always follow
        # the chain, so Latin after an emoji goes back to DejaVu.
        if current_font is not None and unicodedata.category(char)[0] in "ZPNMS" and code in _coverage[current_font]:
            emit(char, current_font)
            continue
        order = arabic_chain if _is_arabic(code) else chain
        chosen = next((f for f in order if code in _coverage[f]), None)
        if chosen is not None:
            emit(char, chosen)
        elif _invisible(char):
            continue
        else:
            emit(placeholder(char), font_name)
    if buffer:
        out.append(("".join(buffer), current_font or font_name))
    return out


def uncovered(text: str) -> list[str]:
    """Return the characters of text that no shipped font can draw (for tests and warnings)."""
    register_fonts()
    return [
        c
        for c in text
        if c not in "\n\t" and not _invisible(c) and not any(ord(c) in cov for cov in _coverage.values())
    ]


def needs_bidi(text: str) -> bool:
    """Tell whether text holds right-to-left characters (Arabic, Hebrew, …)."""
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def base_rtl(text: str) -> bool:
    """Tell whether the first strong character of text is right-to-left."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def visual(line: str) -> str:
    """Shape Arabic letters and reorder one line for left-to-right drawing.

    Must be called per displayed line (after line breaking), never on a whole paragraph.
    """
    if not needs_bidi(line):
        return line
    return str(get_display(arabic_reshaper.reshape(line)))


def shaped(text: str) -> str:
    """Arabic letters in their contextual forms, still in logical order (for measuring)."""
    if not needs_bidi(text):
        return text
    return str(arabic_reshaper.reshape(text))


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, font_name: str = SANS) -> str:
    """Paragraph markup for text in display order, with a ``<font>`` tag per fallback run."""
    parts: list[str] = []
    for piece, font in runs(text, font_name):
        body = escape(piece).replace("\n", "<br/>")
        parts.append(body if font == font_name else f'<font face="{font}">{body}</font>')
    return "".join(parts)


def string_width(text: str, font_name: str, size: float) -> float:
    """Width in points of text in display order, drawn with fallback fonts."""
    return float(sum(pdfmetrics.stringWidth(piece, font, size) for piece, font in runs(text, font_name)))


def draw_string(
    canvas: Canvas, x: float, y: float, text: str, *, font_name: str = SANS, size: float = 8.0, align: str = "left"
) -> float:
    """Draw one line of text with fallback fonts; returns its width.

    Args:
        canvas: the reportlab canvas.
        x: left edge, centre or right edge according to ``align``.
        y: baseline.
        text: logical-order text; right-to-left script is shaped and reordered here.
        font_name: the preferred font.
        size: font size in points.
        align: "left", "centre" or "right".
    """
    line = visual(text)
    width = string_width(line, font_name, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for piece, font in runs(line, font_name):
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, font, size)
    return width


def iter_font_files() -> Iterator[Path]:
    """Every shipped font file (for packaging checks)."""
    folder = font_dir()
    for spec in FONT_FILES:
        yield folder / spec.filename
