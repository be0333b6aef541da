"""WARC and WARC.gz web archives (warcio): pages, images and documents with their capture provenance.

Every HTML response becomes a page item (source URL = WARC-Target-URI, captured_at = WARC-Date,
final URL after the redirects recorded in the archive); every image response becomes an image item
whose parent is the page that references it. The WARC file itself is kept whole as the container
item. The archive is read in three streaming passes (index, pages, then images) so images can name
the page that shows them whatever the record order, without holding payloads in memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from typing import Any, BinaryIO, ClassVar
from urllib.parse import unquote, urljoin, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from workstation.errors import HostileInput, WrongFormat
from workstation.importing import limits
from workstation.importing.htmltext import extract_page
from workstation.importing.images import image_mime
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.importing.textutil import charset_from_content_type
from workstation.importing.timeutil import parse_iso
from workstation.progress import Progress

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_WARC_ERRORS = (
    ArchiveLoadFailed,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    IndexError,
    KeyError,
    UnicodeDecodeError,
    gzip.BadGzipFile,
)


def is_warc_head(head: bytes) -> bool:
    """WARC/1.x at the start, plain or inside the first gzip member."""
    if head.startswith(b"WARC/"):
        return True
    if head[:2] == b"\x1f\x8b":
        try:
            out = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
        return out.startswith(b"WARC/")
    return False


@dataclass
class _Record:
    """What pass 1 learns about one record (payloads are read again in later passes)."""

    index: int
    rec_type: str
    uri: str
    date: str | None
    content_type: str = ""
    status: int | None = None
    location: str | None = None
    referer: str | None = None
    record_id: str | None = None
    payload_digest: str | None = None
    length: int = 0


@dataclass
class _Index:
    records: list[_Record] = field(default_factory=list)
    referers: dict[str, str] = field(default_factory=dict)
    warcinfo: dict[str, str] = field(default_factory=dict)
    damaged: str | None = None  # reason the archive could not be read to its end


@register
class WarcImporter:
    """Web archives written by crawlers and capture tools (Webrecorder, Browsertrix, wget, Heritrix)."""

    name: ClassVar[str] = "warc"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if is_warc_head(head):
            return 90
        # Gzip that does not decompress, named as a WARC: claim it, so the analyst is told the
        # capture is broken instead of seeing it stored as an anonymous file.
        if head[:2] == b"\x1f\x8b" and path.name.lower().endswith((".warc.gz", ".warc")):
            return 40
        return 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        method = "WACZ" if source.capture_method == "WACZ" else "WARC"
        opener = _stream_opener(source)
        index = _index(opener, source.display, source)
        if not index.records and index.damaged:
            raise WrongFormat(f"not a readable WARC ({index.damaged})", source.display)
        if index.damaged:
            progress.warn(
                source.display,
                f"WARC damaged after record {len(index.records)} "
                f"({index.damaged}); the records before it were imported",
            )
        container = source.item(
            "file",
            self.name,
            mime="application/warc",
            capture_method=method,
            metadata={"warc": _summary(index)},
        )
        yield container
        redirects = {
            r.uri: urljoin(r.uri, r.location)
            for r in index.records
            if r.status is not None and 300 <= r.status < 400 and r.location
        }
        redirected_from: dict[str, list[str]] = {}
        for start in redirects:
            end = _follow(start, redirects)
            if end != start:
                redirected_from.setdefault(end, []).append(start)
        pages = [r for r in index.records if _is_page(r)]
        page_keys: dict[str, str] = {}
        image_parent: dict[str, str] = {}
        page_order: list[tuple[int, str]] = []
        by_index = {r.index: r for r in pages}
        for rec, payload in _payloads(opener, by_index, len(index.records), source.display, progress):
            key = f"{source.display}#record{rec.index}"
            info = extract_page(payload, charset=charset_from_content_type(rec.content_type), base_url=rec.uri)
            metadata = dict(info.metadata)
            metadata.update(_record_meta(rec))
            if info.links:
                metadata["links"] = info.links
            if info.images:
                metadata["images"] = info.images
            if rec.uri in redirected_from:
                metadata["redirected_from"] = sorted(redirected_from[rec.uri])
            captured = parse_iso(rec.date)
            page = ImportedItem(
                kind="page",
                original_name=page_name(info.title, rec.uri, captured[0] if captured else None),
                source_path=f"{source.display}!{rec.uri}",
                key=key,
                importer=source.chain_with(self.name) + "/html",
                data=payload,
                parent_key=container.key,
                mime=(rec.content_type.split(";")[0].strip() or "text/html"),
                source_url=rec.uri,
                final_url=_follow(rec.uri, redirects),
                capture_method=method,
                captured_at=captured[0] if captured else None,
                captured_tz=captured[1] if captured else None,
                title=info.title,
                text=info.text,
                language=info.language,
                metadata=metadata,
            )
            page_keys.setdefault(rec.uri, key)
            page_order.append((rec.index, key))
            for ref in info.images:
                url = ref.get("url") or ref.get("src")
                if url:
                    image_parent.setdefault(_canon(url), key)
            yield page
        wanted = {r.index: r for r in index.records if _maybe_media(r)}
        for rec, payload in _payloads(opener, wanted, len(index.records), source.display, progress):
            if not (image_mime(payload[:64]) or payload[:1024].find(b"%PDF-") >= 0):
                continue  # stylesheets, scripts, fonts, JSON: kept inside the stored WARC only
            parent, linked_by = _parent_of(rec, image_parent, page_keys, index.referers, page_order)
            captured = parse_iso(rec.date)
            child = source.child_bytes(
                payload,
                display=f"{source.display}!{rec.uri}",
                name=resource_name(rec.uri, captured[0] if captured else None),
                parent_key=parent or container.key,
                chain=source.chain_with(self.name),
                capture_method=method,
                source_url=rec.uri,
                final_url=_follow(rec.uri, redirects),
                captured_at=captured[0] if captured else None,
                captured_tz=captured[1] if captured else None,
                key=f"{source.display}#record{rec.index}",
            )
            for item in read_child(child, progress):
                if item.key == child.item_key:
                    item.metadata.update(_record_meta(rec))
                    item.metadata["linked_to_page_by"] = linked_by
                    if rec.uri.startswith("urn:screenshot:") and "screenshot" not in item.tags:
                        item.tags.append("screenshot")
                yield item


def _stream_opener(source: Source) -> Callable[[], BinaryIO]:
    """Opener that yields the WARC stream; whole-file gzip (not per record) is unwrapped."""
    head = source.head
    if head[:2] != b"\x1f\x8b":
        return source.opener
    with source.opener() as fh:
        try:
            it = ArchiveIterator(fh)
            for n, _ in enumerate(it):
                if n >= 1:
                    break
            return source.opener
        except ArchiveLoadFailed as exc:
            if "non-chunked gzip" not in str(exc):
                return source.opener
        except _WARC_ERRORS:
            return source.opener

    def whole_gzip() -> BinaryIO:
        return gzip.GzipFile(fileobj=source.opener(), mode="rb")  # type: ignore[return-value]

    return whole_gzip


def _index(opener: Callable[[], BinaryIO], display: str, source: Source) -> _Index:
    index = _Index()
    try:
        with opener() as fh:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
                headers = record.rec_headers
                length = int(headers.get_header("Content-Length") or 0)
                if length > 0:
                    source.budget.take(length, display)
                rec = _Record(
                    index=n,
                    rec_type=record.rec_type or "",
                    uri=headers.get_header("WARC-Target-URI") or "",
                    date=headers.get_header("WARC-Date"),
                    record_id=headers.get_header("WARC-Record-ID"),
                    payload_digest=headers.get_header("WARC-Payload-Digest"),
                    length=length,
                )
                http = record.http_headers
                if record.rec_type == "warcinfo" and not index.warcinfo:
                    index.warcinfo = _warcinfo(record)
                elif http is not None and record.rec_type in ("response", "revisit"):
                    try:
                        rec.status = int(http.get_statuscode() or 0) or None
                    except ValueError:
                        rec.status = None
                    rec.content_type = http.get_header("Content-Type") or ""
                    rec.location = http.get_header("Location")
                elif http is not None and record.rec_type == "request":
                    ref = http.get_header("Referer")
                    if ref and rec.uri:
                        index.referers.setdefault(rec.uri, ref)
                elif record.rec_type in ("resource", "response"):
                    rec.content_type = headers.get_header("Content-Type") or ""
                index.records.append(rec)
    except HostileInput as exc:
        index.damaged = exc.reason
    except _WARC_ERRORS as exc:
        index.damaged = _why(exc)
    return index


def _payloads(
    opener: Callable[[], BinaryIO],
    wanted: dict[int, _Record],
    total: int,
    display: str,
    progress: Progress,
) -> Iterator[tuple[_Record, bytes]]:
    """Payloads (HTTP-decoded: dechunked, decompressed) of the wanted records, in archive order."""
    if not wanted:
        return
    last = max(wanted)
    try:
        with opener() as fh:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
                if n > last or n >= total:
                    break
                rec = wanted.get(n)
                if rec is None:
                    continue
                progress.check()
                try:
                    payload = record.content_stream().read(limits.MAX_WARC_RECORD + 1)
                except _WARC_ERRORS as exc:
                    progress.warn(f"{display}!{rec.uri}", f"damaged record payload ({_why(exc)})")
                    continue
                if len(payload) > limits.MAX_WARC_RECORD:
                    progress.warn(
                        f"{display}!{rec.uri}",
                        f"payload larger than {limits.MAX_WARC_RECORD >> 20} MiB: kept in the stored WARC only",
                    )
                    continue
                if payload:
                    yield rec, payload
    except _WARC_ERRORS:
        return  # already reported by the index pass, which stopped at the same place


def _is_page(rec: _Record) -> bool:
    if rec.rec_type not in ("response", "resource") or not rec.uri:
        return False
    if rec.status is not None and 300 <= rec.status < 400:
        return False
    ctype = rec.content_type.split(";")[0].strip().lower()
    return ctype in _HTML_TYPES


def _maybe_media(rec: _Record) -> bool:
    if rec.rec_type not in ("response", "resource") or _is_page(rec):
        return False
    if rec.status is not None and not 200 <= rec.status < 300:
        return False
    ctype = rec.content_type.split(";")[0].strip().lower()
    if ctype.startswith(
        (
            "text/css",
            "text/javascript",
            "application/javascript",
            "font/",
            "application/json",
            "text/plain",
            "application/dns",
        )
    ):
        return False
    if rec.uri.startswith(("urn:pageinfo:", "urn:text:", "dns:")):
        return False
    return True


def _parent_of(
    rec: _Record,
    image_parent: dict[str, str],
    page_keys: dict[str, str],
    referers: dict[str, str],
    page_order: list[tuple[int, str]],
) -> tuple[str | None, str | None]:
    url = _canon(rec.uri)
    if url in image_parent:
        return image_parent[url], "image reference in the page"
    if rec.uri.startswith("urn:screenshot:"):
        page = rec.uri[len("urn:screenshot:") :]
        if page in page_keys:
            return page_keys[page], "screenshot of the page"
    ref = referers.get(rec.uri)
    if ref and ref in page_keys:
        return page_keys[ref], "Referer header of the request"
    before = [key for idx, key in page_order if idx < rec.index]
    if before:
        return before[-1], "capture order (the page captured just before)"
    return None, None


def _canon(url: str) -> str:
    return url.split("#", 1)[0]


def _follow(uri: str, redirects: dict[str, str]) -> str:
    seen = {uri}
    while uri in redirects and len(seen) < 50:
        uri = redirects[uri]
        if uri in seen:
            break
        seen.add(uri)
    return uri


def _record_meta(rec: _Record) -> dict[str, Any]:
    meta: dict[str, Any] = {"warc_record_id": rec.record_id, "warc_type": rec.rec_type}
    if rec.status is not None:
        meta["http_status"] = rec.status
    if rec.content_type:
        meta["http_content_type"] = rec.content_type[:200]
    if rec.payload_digest:
        meta["warc_payload_digest"] = rec.payload_digest
    if rec.date:
        meta["warc_date"] = rec.date
    return meta


def _summary(index: _Index) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for r in index.records:
        counts[r.rec_type] = counts.get(r.rec_type, 0) + 1
    out: dict[str, Any] = {
        "records": len(index.records),
        "record_types": counts,
        "pages": sum(1 for r in index.records if _is_page(r)),
    }
    if index.warcinfo:
        out["warcinfo"] = index.warcinfo
    if index.damaged:
        out["damaged"] = index.damaged
    return out


def _warcinfo(record: Any) -> dict[str, str]:
    try:
        body = record.content_stream().read(64 * 1024).decode("utf-8", "replace")
    except _WARC_ERRORS:
        return {}
    fields: dict[str, str] = {}
    for line in body.splitlines()[:40]:
        if ":" in line:
            key, value = line.split(":", 1)
            fields[key.strip()[:60]] = value.strip()[:500]
    return fields


def _address(uri: str) -> str:
    """host/path?query of a URL, without the scheme: what an analyst recognises in a list."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    if not parts.netloc:
        return uri
    address = parts.netloc.removeprefix("www.") + unquote(parts.path if parts.path not in ("", "/") else "")
    if parts.query:
        address += "?" + parts.query
    return address


def _when(captured_at: str | None) -> str:
    """Capture time for a name: "2026-03-14 09:26 UTC" (the full time is in the provenance)."""
    if not captured_at or len(captured_at) < 16:
        return ""
    return f"{captured_at[:10]} {captured_at[11:16]} UTC"


def page_name(title: str | None, uri: str, captured_at: str | None) -> str:
    """A WARC page's name: its title (else its address) and capture time, never a bare record id.

    A URL's last segment ("8841", "77") says nothing in a list of items, and many captures of
    the same site differ only in their time.
    """
    label = " ".join((title or "").split())[:120]
    address = _address(uri)[:150]
    when = _when(captured_at)
    if label:
        inner = ", ".join(x for x in (address, when) if x)
        return f"{label} ({inner})" if inner else label
    return f"{address} ({when})" if when else (address or "page.html")


def resource_name(uri: str, captured_at: str | None) -> str:
    """A captured resource's name: its file name when the URL has one with an extension,
    else its address and capture time (e.g. an image served from ``/i/77``)."""
    name = _name_from_url(uri, "")
    if name and "." in name.strip("."):
        return name
    address = _address(uri)[:150] or "resource"
    when = _when(captured_at)
    return f"{address} ({when})" if when else address


def _name_from_url(uri: str, default: str) -> str:
    try:
        parts = urlsplit(uri)
    except ValueError:
        return default
    name = unquote(PurePosixPath(parts.path).name) if parts.path else ""
    if name:
        return name[:200]
    return (parts.netloc or default)[:200]


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    if isinstance(exc, (zlib.error, gzip.BadGzipFile, EOFError)):
        return f"broken gzip compression: {text or type(exc).__name__}"
    if isinstance(exc, ArchiveLoadFailed):
        return f"unreadable record: {text}"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
