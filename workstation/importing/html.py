"""Saved web pages: an HTML file, with its "_files" folder of local resources as child items."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from workstation.importing import limits
from workstation.importing.htmltext import extract_page, looks_like_html
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.progress import Progress

# Folder names browsers give a page's resources ("Webpage, complete"), by UI language.
COMPANION_SUFFIXES = (
    "_files",
    "-Dateien",
    "_archivos",
    "_fichiers",
    "-filer",
    "_bestanden",
    "-bestanden",
    "_file",
    "_arquivos",
    "_pliki",
    ".files",
)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".xht")


def companion_folder(page: Path) -> Path | None:
    """The resources folder a browser saved next to ``page``, if there is one."""
    for suffix in COMPANION_SUFFIXES:
        candidate = page.with_name(page.stem + suffix)
        if candidate.is_dir() and not candidate.is_symlink():
            return candidate
    return None


def is_companion_folder(folder: Path) -> bool:
    """True when ``folder`` holds the resources of a saved page next to it (imported with it)."""
    name = folder.name
    for suffix in COMPANION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if any((folder.parent / (stem + ext)).is_file() for ext in PAGE_SUFFIXES):
                return True
    return False


@register
class HtmlImporter:
    """An HTML page saved by a browser (or found in a seizure); text, links and resources."""

    name: ClassVar[str] = "html"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if looks_like_html(head):
            return 60
        return 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        method = "saved HTML" if source.depth == 0 else source.capture_method
        if source.size > limits.MAX_HTML_BYTES:
            # Stored whole; not an error (metadata says why there is no text).
            yield source.item(
                "page",
                self.name,
                mime="text/html",
                capture_method=method,
                metadata={
                    "text_extracted": False,
                    "text_skipped": f"page larger than {limits.MAX_HTML_BYTES >> 20} MiB",
                },
            )
            return
        data = source.read_all(limits.MAX_HTML_BYTES)
        info = extract_page(data, charset=source.charset, base_url=source.source_url)
        metadata = dict(info.metadata)
        if info.links:
            metadata["links"] = info.links
        if info.images:
            metadata["images"] = info.images
        page = source.item(
            "page",
            self.name,
            mime="text/html",
            capture_method=method,
            title=info.title,
            text=info.text,
            language=info.language,
            metadata=metadata,
            data=data,
        )
        if info.source_url and not source.source_url:
            # The browser wrote the address it saved the page from: the final one.
            page.source_url = page.final_url = info.source_url
        if info.captured_at and not source.captured_at:
            page.captured_at, page.captured_tz = info.captured_at, info.captured_tz
        folder = companion_folder(source.path) if source.path is not None else None
        if folder is not None:
            page.metadata["resources_folder"] = folder.name
        yield page
        if folder is not None:
            yield from self._resources(source, page, folder, info.images, progress)

    def _resources(
        self,
        source: Source,
        page: ImportedItem,
        folder: Path,
        images: list[dict[str, str]],
        progress: Progress,
    ) -> Iterator[ImportedItem]:
        assert source.path is not None
        referenced = set()
        for ref in images:
            src = ref.get("src", "")
            if urlsplit(src).scheme in ("", "file"):
                target = (source.path.parent / unquote(urlsplit(src).path)).resolve()
                referenced.add(target)
        for root, dirs, names in os.walk(folder, followlinks=False):
            dirs.sort()
            for name in sorted(names):
                path = Path(root) / name
                if path.is_symlink() or not path.is_file():
                    progress.warn(str(path), "symbolic link or special file in a page folder: not followed")
                    continue
                rel = path.relative_to(source.path.parent).as_posix()
                child = source.child(
                    display=str(path),
                    name=name,
                    opener=lambda p=path: p.open("rb"),  # type: ignore[misc]
                    size=path.stat().st_size,
                    parent_key=page.key,
                    chain=source.chain_with(self.name),
                    path=path,
                    capture_method="saved HTML",
                )
                for item in read_child(child, progress):
                    if item.key == child.item_key:
                        item.metadata["page_resource"] = rel
                        item.metadata["referenced_as_image"] = path.resolve() in referenced
                    yield item
