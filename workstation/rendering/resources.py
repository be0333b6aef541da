"""What a captured page may show: its stored HTML and the case's own stored resources, nothing else.

Viewing a captured page must never fetch a remote resource: a request to the suspect's server
would tell them that someone is looking. The page viewer renders only from the case; this
module decodes the stored page and answers, for each URL the page references, with bytes stored
in the case (a child item captured with the page, an MHTML part, or another item captured from
exactly that URL) or with None, which the viewer records as blocked. No Qt here: the QTextBrowser
viewer, the Chromium renderer (:mod:`workstation.rendering.chromium`) and the tests share it.
"""

from __future__ import annotations

import email
import email.policy
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from workstation import records
from workstation.case import Case

MAX_RENDER_BYTES = 4 << 20  # larger pages open on the text tab; rendering them would stall the GUI
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.I | re.S)
_NOSCRIPT_OPEN = re.compile(r"</?noscript\b[^>]*>", re.I)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, then the declared charset, then <meta charset>, then detection.

    Returns:
        (text, encoding used)
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), enc
    candidates = []
    if declared:
        candidates.append(declared)
    match = _META_CHARSET.search(data[:8192])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    enc = best.encoding if best is not None else "windows-1252"
    return data.decode(enc, "replace"), enc


def strip_active_content(html_text: str) -> str:
    """Drop scripts (never run, and their text must not show) and unwrap <noscript>."""
    return _NOSCRIPT_OPEN.sub("", _SCRIPT.sub("", html_text))


@dataclass
class PageDocument:
    """A captured page ready to render offline.

    Attributes:
        html: the decoded HTML (scripts removed).
        source: the decoded HTML as stored, for the source tab.
        base_url: what relative URLs resolve against (final URL, else source URL).
        encoding: the character encoding used.
        too_large: the page is over MAX_RENDER_BYTES; render the text only.
        parts: MHTML parts by Content-Location and cid: (bytes, content type).
    """

    item: dict[str, Any]
    html: str
    source: str
    base_url: str
    encoding: str
    too_large: bool = False
    parts: dict[str, tuple[bytes, str]] = field(default_factory=dict)


def _looks_mime(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"mime-version:" in head and b"content-type:" in head and b"multipart/" in head


def load_page(case: Case, item: dict[str, Any]) -> PageDocument:
    """Read a page item's stored bytes (HTML or MHTML) and decode them for the viewer."""
    data = case.blobs.read(item["sha256"])
    base = item.get("final_url") or item.get("source_url") or ""
    declared = (item.get("metadata") or {}).get("charset")
    parts: dict[str, tuple[bytes, str]] = {}
    if _looks_mime(data):
        message = email.message_from_bytes(data, policy=email.policy.default)
        html_bytes = b""
        for part in message.walk():
            if part.is_multipart():
                continue
            raw_payload = part.get_payload(decode=True)
            payload = raw_payload if isinstance(raw_payload, bytes) else b""
            ctype = part.get_content_type()
            location = part.get("Content-Location")
            cid = part.get("Content-ID")
            if ctype == "text/html" and not html_bytes:
                html_bytes = payload
                declared = part.get_content_charset() or declared
                base = base or (str(location) if location else "")
                continue
            if location:
                parts[str(location).strip()] = (payload, ctype)
            if cid:
                parts["cid:" + str(cid).strip().strip("<>")] = (payload, ctype)
        data = html_bytes
    text, encoding = decode_html(data, declared)
    return PageDocument(
        item=item,
        html=strip_active_content(text),
        source=text,
        base_url=base,
        encoding=encoding,
        too_large=len(data) > MAX_RENDER_BYTES,
        parts=parts,
    )


def decode_data_url(url: str) -> bytes | None:
    """Inline ``data:`` content (part of the page itself, no request involved)."""
    import base64

    header, sep, payload = url.partition(",")
    if not sep:
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode(payload, validate=False)
        return unquote(payload).encode("utf-8")
    except ValueError:
        return None


class CaseResourceResolver:
    """Answers a page's resource URLs from the case only; remembers what it served and refused."""

    def __init__(self, case: Case, page: PageDocument) -> None:
        self.case = case
        self.page = page
        self.served: list[str] = []
        self.blocked: list[str] = []
        self._children: list[records.Resource] | None = None
        self._last_mime: str | None = None

    def _child_rows(self) -> list[records.Resource]:
        if self._children is None:
            self._children = records.resources_of(self.case, self.page.item["id"])
        return self._children

    def absolute(self, url: str) -> str:
        url = url.strip()
        if not url:
            return url
        if self.page.base_url and not urlsplit(url).scheme:
            return urldefrag(urljoin(self.page.base_url, url))[0]
        return urldefrag(url)[0]

    def resolve(self, url: str) -> bytes | None:
        """Bytes stored in the case for ``url``, or None (then the URL is recorded as blocked)."""
        data = self._lookup(url)
        (self.served if data is not None else self.blocked).append(url)
        return data

    def resolve_request(self, url: str) -> tuple[bytes, str | None] | None:
        """What answers a request the browser made for an absolute ``url``: (bytes, stored MIME
        type) or None. A saved page's ``page_files/x.png`` arrives as an absolute URL under the
        page's own address; it is also looked up as that path relative to the page."""
        data = self._lookup(url)
        if data is None:
            rel = self._relative_to_page(url)
            if rel is not None:
                data = self._lookup(rel)
        (self.served if data is not None else self.blocked).append(url)
        if data is None:
            return None
        return data, self._last_mime

    def _relative_to_page(self, url: str) -> str | None:
        base = urlsplit(self.page.base_url or "")
        target = urlsplit(url)
        if not base.scheme or (target.scheme, target.netloc) != (base.scheme, base.netloc):
            return None
        rel = posixpath.relpath(unquote(target.path) or "/", posixpath.dirname(unquote(base.path)) or "/")
        return None if rel.startswith("..") else rel

    def _read(self, child: records.Resource) -> bytes:
        self._last_mime = child.mime
        return self.case.blobs.read(child.sha256)

    def _lookup(self, url: str) -> bytes | None:
        self._last_mime = None
        raw = url.strip()
        if not raw or raw.lower().startswith(("javascript:", "about:")):
            return None
        if raw.lower().startswith("data:"):
            return decode_data_url(raw)
        parts = self.page.parts
        if raw in parts:
            self._last_mime = parts[raw][1]
            return parts[raw][0]
        absolute = self.absolute(raw)
        if absolute in parts:
            self._last_mime = parts[absolute][1]
            return parts[absolute][0]
        scheme = urlsplit(absolute).scheme.lower()
        if scheme == "cid":
            return parts.get("cid:" + absolute[4:].strip("<>"), (None, ""))[0]
        children = self._child_rows()
        # 1. a resource captured with this page, by the URL it was captured from
        for child in children:
            if absolute and absolute in (child.source_url, child.final_url):
                return self._read(child)
        # 2. a saved page's local folder (page_files/x.png), relative to the page's own path. The
        # reference as written decides, not its absolute form: a saved page that names the address
        # it was saved from ("saved from url=...") resolves "page_files/x.png" against that https
        # address, yet the browser stored the file next to the page.
        raw_scheme = urlsplit(raw).scheme.lower()
        if not raw_scheme or raw_scheme == "file":
            page_path = self.page.item.get("source_path") or ""
            rel = posixpath.normpath(unquote(urlsplit(raw).path).replace("\\", "/"))
            if page_path and rel and rel != ".":
                wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page_path.replace("\\", "/")), rel))
                tail = rel.lstrip("./")
                for child in children:
                    path = (child.source_path or "").replace("\\", "/")
                    resource = child.page_resource or ""
                    if path == wanted or resource == tail or (tail and path.endswith("/" + tail)):
                        return self._read(child)
        # 3. any other item of the case captured from exactly this URL (e.g. the same WARC)
        if scheme in ("http", "https"):
            sha256 = records.sha256_for_url(self.case, absolute)
            if sha256 is not None:
                return self.case.blobs.read(sha256)
            # 4. a record kept inside the stored WARC the page came from (style sheets, fonts and
            # scripts are not items of their own)
            kept = self._warc_records().get(absolute)
            if kept is not None:
                self._last_mime = kept[1] or None
                return kept[0]
        return None

    def _warc_records(self) -> dict[str, tuple[bytes, str]]:
        parent_id = self.page.item.get("parent_id")
        if not parent_id:
            return {}
        parent = self.case.item(int(parent_id))
        name = str(parent.get("original_name") or "").lower()
        if "warc" not in str(parent.get("mime") or "") and not name.endswith((".warc", ".warc.gz")):
            return {}
        return warc_records(self.case, str(parent["sha256"]))


MAX_WARC_RECORD = 16 << 20
MAX_WARC_KEPT = 64 << 20
_WARC_CACHE: dict[str, dict[str, tuple[bytes, str]]] = {}  # the last WARC read (pages come in WARC order)


def warc_records(case: Case, sha256: str) -> dict[str, tuple[bytes, str]]:
    """URL -> (payload, content type) of the successful response/resource records of a stored
    WARC, read from the encrypted case in memory (bounded: 16 MiB a record, 64 MiB in all)."""
    cached = _WARC_CACHE.get(sha256)
    if cached is not None:
        return cached
    import io

    from warcio.archiveiterator import ArchiveIterator

    out: dict[str, tuple[bytes, str]] = {}
    total = 0
    try:
        raw = case.blobs.open(sha256)
        for rec in ArchiveIterator(io.BufferedReader(raw, 1 << 20)):  # type: ignore[type-var]
            if rec.rec_type not in ("response", "resource"):
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            if not uri or uri in out:
                continue
            ctype = ""
            if rec.http_headers is not None:
                status = rec.http_headers.get_statuscode() or "200"
                if not str(status).startswith("2"):
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            data = rec.content_stream().read(MAX_WARC_RECORD + 1)
            if len(data) > MAX_WARC_RECORD or total + len(data) > MAX_WARC_KEPT:
                continue
            total += len(data)
            out[uri] = (data, ctype)
    except Exception:  # noqa: BLE001 - a damaged WARC answers what it could read; the rest is refused
        pass
    _WARC_CACHE.clear()
    _WARC_CACHE[sha256] = out
    return out
