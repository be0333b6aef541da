"""PDF documents (pypdf): text per page, document metadata, embedded images as child items."""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, BinaryIO, ClassVar

from workstation.errors import Cancelled, WrongFormat
from workstation.importing import limits
from workstation.importing.images import image_mime
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import describe_error, read_child, register
from workstation.importing.textutil import detect_language
from workstation.progress import Progress

TEXT_SECONDS = 120.0  # wall-clock budget for text extraction of one PDF (hostile content streams)
_INFO_KEYS = ("/Title", "/Author", "/Subject", "/Creator", "/Producer", "/CreationDate", "/ModDate")


@register
class PdfImporter:
    """A PDF: the document item with its text; images drawn in it become its children."""

    name: ClassVar[str] = "pdf"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if head.startswith(b"%PDF-"):
            return 90
        # The header may follow up to 1 KiB of junk, but a page that merely mentions "%PDF-"
        # must stay a page (HTML scores 60).
        return 55 if b"%PDF-" in head[:1024] else 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        from pypdf import PdfReader

        if source.size > limits.MAX_PDF_BYTES:
            raise WrongFormat(f"PDF larger than {limits.MAX_PDF_BYTES >> 30} GiB", source.display)
        stream: BinaryIO
        data: bytes | None = None
        if source.path is not None:
            stream = source.opener()
        else:
            data = source.read_all(limits.MAX_PDF_BYTES)
            stream = io.BytesIO(data)
        with stream:
            try:
                reader = PdfReader(stream, strict=False)
                encrypted = bool(reader.is_encrypted)
                if encrypted:
                    # Many PDFs are encrypted with an empty user password (print/copy limits only).
                    readable = bool(reader.decrypt(""))
                else:
                    readable = True
                n_pages = len(reader.pages) if readable else 0
            except Cancelled:
                raise
            except Exception as exc:  # noqa: BLE001 - hostile input; the reason is reported
                raise WrongFormat(f"damaged PDF ({describe_error(exc)})", source.display) from exc
            metadata: dict[str, Any] = {
                "pdf": {
                    "pages": n_pages,
                    "encrypted": encrypted,
                    "version": _safe(lambda: reader.pdf_header),
                }
            }
            if readable:
                info = _safe(lambda: reader.metadata)
                if info:
                    metadata["pdf"]["info"] = {
                        k[1:]: str(info.get(k))[:500] for k in _INFO_KEYS if info.get(k) is not None
                    }
            text, problems = _text(reader, n_pages, progress) if readable else (None, [])
            if encrypted and not readable:
                metadata["text_skipped"] = "encrypted PDF (password needed)"
            if problems:
                metadata["pdf"]["text_problems"] = problems[:20]
            language, lang_info = detect_language(text)
            metadata.update(lang_info)
            title = (metadata["pdf"].get("info") or {}).get("Title") or None
            doc = source.item(
                "document",
                self.name,
                mime="application/pdf",
                title=title,
                text=text,
                language=language,
                metadata=metadata,
                data=data,
            )
            yield doc
            if readable:
                yield from self._images(source, doc, reader, n_pages, progress)

    def _images(
        self, source: Source, doc: ImportedItem, reader: Any, n_pages: int, progress: Progress
    ) -> Iterator[ImportedItem]:
        seen: set[str] = set()
        count = 0
        for number in range(n_pages):
            progress.check()
            try:
                images = list(reader.pages[number].images)
            except Cancelled:
                raise
            except Exception as exc:  # noqa: BLE001 - one damaged page must not stop the rest
                progress.warn(
                    f"{source.display}#page={number + 1}",
                    f"embedded images not readable ({describe_error(exc)})",
                )
                continue
            for image in images:
                try:
                    body = image.data
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - as above
                    progress.warn(
                        f"{source.display}#page={number + 1}",
                        f"embedded image not decodable ({describe_error(exc)})",
                    )
                    continue
                if not body or image_mime(body[:64]) is None:
                    continue
                digest = hashlib.sha256(body).hexdigest()
                if digest in seen:
                    continue  # a logo on every page is one child, not hundreds
                seen.add(digest)
                count += 1
                if count > limits.MAX_PDF_IMAGES:
                    progress.warn(
                        source.display,
                        f"more than {limits.MAX_PDF_IMAGES} embedded images: the rest stay inside the stored PDF only",
                    )
                    return
                name = f"page{number + 1}-{image.name}"
                child = source.child_bytes(
                    body,
                    display=f"{source.display}#page={number + 1}/{image.name}",
                    name=name,
                    parent_key=doc.key,
                    chain=source.chain_with(self.name),
                    capture_method=doc.capture_method,
                    source_url=doc.source_url,
                )
                for item in read_child(child, progress):
                    if item.key == child.item_key:
                        item.metadata["pdf_page"] = number + 1
                        item.metadata["embedded_in_pdf"] = True
                    yield item


def _text(reader: Any, n_pages: int, progress: Progress) -> tuple[str | None, list[str]]:
    pieces: list[str] = []
    problems: list[str] = []
    size = 0
    deadline = time.monotonic() + TEXT_SECONDS
    for number in range(min(n_pages, limits.MAX_PDF_PAGES_TEXT)):
        progress.check()
        if time.monotonic() > deadline:
            problems.append(f"text extraction stopped after {TEXT_SECONDS:.0f} s at page {number + 1}")
            break
        try:
            page_text = reader.pages[number].extract_text() or ""
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged page: note it, go on with the next
            problems.append(f"page {number + 1}: {describe_error(exc)}")
            continue
        page_text = page_text.replace("\x00", "")
        pieces.append(page_text)
        size += len(page_text)
        if size > limits.MAX_TEXT_CHARS:
            problems.append(f"text truncated at {limits.MAX_TEXT_CHARS} characters")
            break
    text = "\n\f\n".join(pieces).strip()
    return (text[: limits.MAX_TEXT_CHARS] or None), problems


def _safe(fn: Any) -> Any:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - optional metadata of a hostile file; absent is fine
        return None
