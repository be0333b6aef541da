"""Shipped fonts: TrueType, licensed, and together they draw every script the material comes in."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.pdfbase import pdfmetrics

from reports import fonts

SAMPLES = {
    "latin": "Dutch: Ĳsselmeer, Romanian: țară și învățătură, German: Straße",
    "cyrillic": "Українська: їжак, ґанок, Є; Русский: щёлк; Български: ъгъл",
    "greek": "Ελληνικά: Καλημέρα κόσμε",
    "arabic": "العربية: وظيفة براتب مرتفع، فارسی: پژوهش",
    "hebrew": "עברית: שלום",
    "chinese": "简体：高薪工作，包吃包住；繁體：高薪工作",
    "japanese": "ひらがな カタカナ 漢字",
    "emoji": "💋🌹😀📞✈️",
}


def test_every_font_is_truetype_with_a_licence() -> None:
    folder = fonts.font_dir()
    total = 0
    for spec in fonts.FONT_FILES:
        path = folder / spec.filename
        head = path.read_bytes()[:4]
        # reportlab embeds TrueType outlines only; CFF-flavoured OpenType ('OTTO') would fail.
        assert head in (b"\x00\x01\x00\x00", b"true"), spec.filename
        assert (folder / spec.licence).stat().st_size > 500, spec.licence
        total += path.stat().st_size
    assert total < 25 * 1024 * 1024


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_every_character_has_a_glyph_in_its_run(script: str) -> None:
    text = fonts.visual(SAMPLES[script])
    assert fonts.uncovered(text) == []
    pieces = fonts.runs(text)
    assert "[U+" not in "".join(p for p, _ in pieces)
    for piece, font in pieces:
        for char in piece:
            assert fonts.has_glyph(font, char), (script, char, font)


def test_scripts_go_to_their_fonts() -> None:
    assert {f for _, f in fonts.runs("Привіт Γειά")} == {fonts.SANS}
    assert [f for _, f in fonts.runs("中文")] == [fonts.CJK]
    assert [f for _, f in fonts.runs(fonts.visual("مرحبا"))] == [fonts.ARABIC]
    assert [f for _, f in fonts.runs(fonts.visual("مرحبا"), fonts.SANS_BOLD)] == [fonts.ARABIC_BOLD]
    # Latin after an emoji goes back to the text font.
    assert fonts.runs("🌹 rose")[-1] == ("rose", fonts.SANS)


def test_uncovered_character_is_written_as_its_code_point() -> None:
    # Hangul syllables are not in the shipped fonts: the reader sees the code point, not a box.
    assert fonts.uncovered("한") == ["한"]
    assert fonts.runs("a한b") == [("a[U+D55C]b", fonts.SANS)]
    # Invisible format characters without a glyph are dropped, not turned into boxes.
    assert "".join(p for p, _ in fonts.runs("a\u2066b")) in ("ab", "a\u2066b")


def test_arabic_is_shaped_and_reordered_per_line() -> None:
    shown = fonts.visual("شمس")
    # Contextual presentation forms, drawn left to right in visual order.
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in shown)
    assert unicodedata.normalize("NFKC", shown) == "سمش"
    assert fonts.visual("plain text") == "plain text"
    assert fonts.base_rtl("سلام world") and not fonts.base_rtl("world سلام")


def test_markup_escapes_and_tags_fallback_runs() -> None:
    fonts.register_fonts()
    out = fonts.markup("a<b>&c 中")
    assert out == f'a&lt;b&gt;&amp;c <font face="{fonts.CJK}">中</font>'


def test_string_width_uses_fallback_fonts() -> None:
    fonts.register_fonts()
    assert fonts.string_width("中", fonts.SANS, 10) == pytest.approx(pdfmetrics.stringWidth("中", fonts.CJK, 10))
