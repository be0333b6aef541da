"""What a captured HTML page says: title, visible text, language, links, image references.

Parsing uses selectolax (the lexbor HTML5 engine, linear on hostile markup where the stdlib
html.parser is quadratic). Lexbor itself slows down on extremely deep nesting (100 000 unclosed
``<div>``), so such pages go through a linear plain-text fallback instead. Entities are only the
standard HTML ones: a "billion laughs" DTD in a page is inert text, never expanded.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from workstation.importing import limits
from workstation.importing.textutil import decode, detect_language

# Form feed: ASCII whitespace to the HTML parser (never foster-parented out of a table, never
# ends <head>), so it marks block boundaries without changing the tree.
_BREAK = "\x0c"
_BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|div|br|li|tr|td|th|h[1-6]|section|article|header|footer|nav|aside|main|ul|ol|"
    r"dl|dt|dd|table|caption|blockquote|pre|hr|form|fieldset|figure|figcaption|address|option|"
    r"body)[\s/>])",
    re.IGNORECASE,
)
_OPEN_TAG = re.compile(r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)[\s/>])[a-zA-Z]")
_CLOSE_TAG = re.compile(r"</[a-zA-Z]")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(
    r"<!--\s*Page saved with SingleFile\s*url:\s*(\S+)\s*saved date:\s*([^\n(]+?)\s*(?:\([^)]*\))?\s*-->",
    re.IGNORECASE,
)
_DROP = ("script", "style", "template", "noscript", "head")


@dataclass
class PageInfo:
    """Extracted from one HTML page (nothing here alters the stored original)."""

    title: str | None = None
    text: str | None = None
    language: str | None = None
    links: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    source_url: str | None = None  # what the page says about where it came from
    captured_at: str | None = None
    captured_tz: str | None = None


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes are an HTML document (after BOM, whitespace and comments)."""
    sample = head[:4096]
    for bom in (b"\xef\xbb\xbf",):
        if sample.startswith(bom):
            sample = sample[len(bom) :]
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            sample = sample.decode("utf-16").encode("ascii", "ignore")
        except UnicodeDecodeError:
            return False
    lowered = sample.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return True
    return any(tag in lowered for tag in (b"<html", b"<head>", b"<body", b"<title>", b"<meta "))


def extract_page(data: bytes, *, charset: str | None = None, base_url: str | None = None) -> PageInfo:
    """Decode and parse one page; bounded in time and memory whatever the input.

    Args:
        data: the page's original bytes.
        charset: a charset from the transport (HTTP header in a WARC, MHTML part header).
        base_url: the URL the page was captured from, to resolve relative links.
    """
    info = PageInfo()
    if len(data) > limits.MAX_HTML_BYTES:
        info.metadata["text_extracted"] = False
        info.metadata["text_skipped"] = f"page larger than {limits.MAX_HTML_BYTES >> 20} MiB"
        return info
    text, how = decode(data, charset, html=True)
    info.metadata.update(how)
    _provenance_comments(text[:8192], info)
    if text.count("<") > limits.MAX_HTML_UNCLOSED and _unclosed(text) > limits.MAX_HTML_UNCLOSED:
        info.metadata["parser"] = "plain-text fallback (nesting too deep for the HTML parser)"
        info.text = _plain_text(text)
    else:
        _parse(text, info, base_url)
    if info.text and len(info.text) > limits.MAX_TEXT_CHARS:
        info.text = info.text[: limits.MAX_TEXT_CHARS]
        info.metadata["text_truncated"] = True
    language, lang_info = detect_language(info.text or info.title)
    info.language = language
    info.metadata.update(lang_info)
    return info


def _unclosed(text: str) -> int:
    return len(_OPEN_TAG.findall(text)) - len(_CLOSE_TAG.findall(text))


def _parse(text: str, info: PageInfo, base_url: str | None) -> None:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_BLOCK_TAG.sub(_BREAK + "<", text.replace(_BREAK, " ")))
    info.metadata["parser"] = "lexbor"
    root = tree.css_first("html")
    if root is not None:
        lang = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "").strip()
        if lang:
            info.metadata["language_declared"] = lang[:35]
    title_node = tree.css_first("title")
    if title_node is not None:
        title = " ".join(title_node.text(deep=True).replace(_BREAK, " ").split())
        info.title = title[:1000] or None
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        href = (base_node.attributes.get("href") or "").strip()
        if href:
            info.metadata["base_href"] = href[:2000]
            base = _join(base, href) or base
    metas: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").lower()
        if key in (
            "description",
            "og:url",
            "og:title",
            "og:image",
            "refresh",
            "author",
            "content-language",
            "keywords",
            "generator",
        ) and attrs.get("content"):
            metas[key] = (attrs.get("content") or "")[:2000]
    if metas:
        info.metadata["meta"] = metas
    canonical = tree.css_first("link[rel=canonical]")
    if canonical is not None and canonical.attributes.get("href"):
        info.metadata["canonical"] = _join(base, canonical.attributes.get("href") or "")
    links: list[str] = []
    n_links = 0
    for node in tree.css("a[href], area[href]"):
        n_links += 1
        if len(links) < limits.MAX_LINKS:
            url = _join(base, node.attributes.get("href") or "")
            if url and url not in links:
                links.append(url)
    info.links = links
    images: list[dict[str, str]] = []
    n_images = 0
    for node in tree.css("img, source[srcset], image, input[type=image]"):
        attrs = node.attributes
        for raw in _image_refs(attrs):
            n_images += 1
            if len(images) >= limits.MAX_LINKS:
                continue
            ref = {"src": raw[:2000]}
            url = _join(base, raw)
            if url and url != raw:
                ref["url"] = url
            alt = attrs.get("alt")
            if alt:
                ref["alt"] = alt[:500]
            images.append(ref)
    info.images = images
    info.metadata["links_total"] = n_links
    info.metadata["images_total"] = n_images
    for tag in _DROP:
        for node in tree.css(tag):
            node.decompose()
    body = tree.body if tree.body is not None else tree.root
    raw_text = body.text(deep=True, separator="", strip=False) if body is not None else ""
    info.text = _tidy(raw_text) or None


def _image_refs(attrs: dict[str, str | None]) -> list[str]:
    refs = []
    for key in ("src", "data-src", "href", "xlink:href"):
        value = (attrs.get(key) or "").strip()
        if value and not value.startswith("data:"):
            refs.append(value)
            break
    srcset = attrs.get("srcset") or ""
    for part in srcset.split(",")[:20]:
        candidate = part.strip().split(" ")[0]
        if candidate and not candidate.startswith("data:") and candidate not in refs:
            refs.append(candidate)
    return refs


def _join(base: str | None, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "data:")):
        return None
    try:
        return urljoin(base, href)[:2000] if base else href[:2000]
    except ValueError:  # e.g. a malformed IPv6 host in a hostile link
        return href[:2000]


def _tidy(raw: str) -> str:
    lines = []
    for piece in raw.split(_BREAK):
        line = " ".join(piece.split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def _plain_text(text: str) -> str:
    """Linear tag stripper for pathological pages: drops script/style bodies, tags, entities."""
    lower = text.lower()
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:lt])
        for tag in ("script", "style"):
            if lower.startswith(tag, lt + 1):
                end = lower.find(f"</{tag}", lt)
                lt = n if end < 0 else end
                break
        gt = text.find(">", lt)
        if gt < 0:
            break
        out.append(" ")
        pos = gt + 1
    return _tidy(html.unescape("".join(out).replace(_BREAK, " ")).replace("\n", _BREAK))


def _provenance_comments(head: str, info: PageInfo) -> None:
    """Where the browser said it saved the page from (Chrome/IE MOTW, SingleFile)."""
    m = _SINGLEFILE.search(head)
    if m:
        info.source_url = m.group(1)
        info.metadata["saved_by"] = "SingleFile"
        parsed = _js_date(m.group(2))
        if parsed:
            info.captured_at, info.captured_tz = parsed
        return
    m = _SAVED_FROM.search(head)
    if m:
        info.source_url = m.group(1)
        info.metadata["saved_from_url"] = m.group(1)


def _js_date(value: str) -> tuple[str, str] | None:
    """'Wed Jan 03 2024 10:00:00 GMT+0100' -> ('2024-01-03T09:00:00Z', '+01:00')."""
    from workstation.importing.timeutil import split_utc

    try:
        dt = datetime.strptime(value.strip(), "%a %b %d %Y %H:%M:%S GMT%z")
    except ValueError:
        return None
    return split_utc(dt)
