"""Text helpers shared by the importers: charset decoding, script census, language detection.

Decoding follows the order browsers use (WHATWG "encoding sniffing"): a byte-order mark wins,
then a charset declared by the transport (the HTTP header stored in a WARC, an MHTML part header),
then one declared inside the document (``<meta charset>``), then detection (charset-normalizer).
A declaration that the bytes contradict (invalid in that charset) falls back to detection, because
captured pages often lie about their charset.

Language: py3langid (a small naive-Bayes model shipped in the package, 97 languages, offline);
when it is not installed, a heuristic by script (Han, Kana, Hangul, Cyrillic letters unique to
Ukrainian, ...). The method used is recorded with the result.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any

# WHATWG treats these labels as the wider Windows/Microsoft code pages browsers actually use.
_WIDER = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "x-user-defined": "cp1252",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{1,40})""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}encoding\s*=\s*["']([a-zA-Z0-9_\-.]{1,40})""")
DETECT_SAMPLE = 1 << 20  # bytes given to charset detection


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(value: str | None) -> str | None:
    """The charset parameter of a Content-Type header value (``text/html; charset=koi8-r``)."""
    if not value:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", value, re.IGNORECASE)
    return m.group(1) if m else None


def sniff_html_charset(data: bytes) -> str | None:
    """A charset declared in the first 4 KiB of an HTML/XML document (meta or XML declaration)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> tuple[str, dict[str, Any]]:
    """Decode captured bytes to text, choosing the charset as a browser would.

    Args:
        data: the bytes.
        declared: a charset from the transport (HTTP header), if any.
        html: also look for a charset declared inside the document.

    Returns:
        The text and ``{"charset": codec, "charset_source": "bom|http-header|meta|detected|..."}``.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), {
                "charset": codec,
                "charset_source": "bom",
            }
    candidates: list[tuple[str, str]] = []
    if declared:
        candidates.append((declared, "http-header"))
    if html:
        inner = sniff_html_charset(data)
        if inner:
            candidates.append((inner, "meta"))
    for label, where in candidates:
        codec = normalise_charset(label)
        if codec is None:
            continue
        if codec.startswith("utf-16") or codec.startswith("utf-32"):
            # A document that could declare it in ASCII is not UTF-16 (WHATWG rule).
            codec = "utf-8"
        try:
            return data.decode(codec), {"charset": codec, "charset_source": where}
        except UnicodeDecodeError:
            continue  # the declaration is wrong for these bytes: detect instead
    try:
        return data.decode("utf-8"), {"charset": "utf-8", "charset_source": "valid-utf-8"}
    except UnicodeDecodeError:
        pass
    codec = _detect(data)
    if codec:
        return data.decode(codec, "replace"), {"charset": codec, "charset_source": "detected"}
    fallback = normalise_charset(candidates[0][0]) if candidates else None
    codec = fallback or "cp1252"
    return data.decode(codec, "replace"), {"charset": codec, "charset_source": "fallback"}


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_SAMPLE]).best()
    if best is None:
        return None
    return normalise_charset(best.encoding)


# -- scripts and language ------------------------------------------------------------------------
_SCRIPT_RANGES = (
    ("Latin", ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))),
    ("Cyrillic", ((0x400, 0x52F),)),
    ("Greek", ((0x370, 0x3FF),)),
    ("Arabic", ((0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Hebrew", ((0x590, 0x5FF),)),
    ("Han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))),
    ("Kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))),
    ("Hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("Thai", ((0xE00, 0xE7F),)),
    ("Devanagari", ((0x900, 0x97F),)),
)


def _script_of(cp: int) -> str | None:
    for name, ranges in _SCRIPT_RANGES:
        for lo, hi in ranges:
            if lo <= cp <= hi:
                return name
    return None


def scripts(text: str, sample: int = 50_000) -> dict[str, float]:
    """Share of letters per writing system in (a sample of) the text, largest first."""
    counts: dict[str, int] = {}
    total = 0
    for ch in text[:sample]:
        cp = ord(ch)
        if cp < 0x41:
            continue
        name = _script_of(cp)
        if name:
            counts[name] = counts.get(name, 0) + 1
            total += 1
    if not total:
        return {}
    return {k: round(v / total, 3) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # pragma: no cover - py3langid is a dependency
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None, sample: int = 20_000) -> tuple[str | None, dict[str, Any]]:
    """ISO 639-1 code of the main language of ``text`` (or None) and how it was found."""
    if not text:
        return None, {}
    snippet = " ".join(text[:sample].split())
    letters = sum(1 for ch in snippet if ch.isalpha())
    if letters < 12:
        return None, {}
    census = scripts(snippet)
    ident = _identifier()
    if ident is not None:
        lang, prob = ident.classify(snippet)
        info: dict[str, Any] = {
            "language_method": "py3langid",
            "language_confidence": round(float(prob), 3),
        }
        if census:
            info["scripts"] = census
        if prob >= 0.3:
            return str(lang), info
        return None, info
    return _by_script(snippet, census)


def _by_script(text: str, census: dict[str, float]) -> tuple[str | None, dict[str, Any]]:
    info: dict[str, Any] = {"language_method": "script-heuristic", "scripts": census}
    if not census:
        return None, info
    main = next(iter(census))
    if census.get("Kana", 0) > 0.05:
        return "ja", info
    simple = {
        "Han": "zh",
        "Hangul": "ko",
        "Greek": "el",
        "Hebrew": "he",
        "Thai": "th",
        "Devanagari": "hi",
        "Arabic": "ar",
    }
    if main in simple:
        return simple[main], info
    if main == "Cyrillic":
        return ("uk" if re.search("[іїєґІЇЄҐ]", text) else "ru"), info
    return None, info
