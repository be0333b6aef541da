"""WACZ (Webrecorder's zipped web archive): its WARCs, checked against the package's own hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import PurePath, PurePosixPath
from typing import Any, ClassVar

from workstation.importing import limits
from workstation.importing.model import ImportedItem, Source
from workstation.importing.registry import read_child, register
from workstation.importing.zip import (
    ZIP_MAGIC,
    check_archive,
    member_opener,
    member_problem,
    open_listing,
)
from workstation.progress import Progress

MAX_JSON = 16 * limits.MiB  # datapackage.json / pages.jsonl read for provenance
MAX_PAGES_LISTED = 2_000


@register
class WaczImporter:
    """A WACZ file: kept whole; each WARC inside imported with capture method "WACZ"."""

    name: ClassVar[str] = "wacz"
    version: ClassVar[str] = "1"

    def sniff(self, head: bytes, path: PurePath) -> int:
        if head[:4] not in ZIP_MAGIC:
            return 0
        if path.suffix.lower() == ".wacz" or b"datapackage.json" in head or b"pages/pages.jsonl" in head:
            return 70
        return 0

    def read(self, source: Source, progress: Progress) -> Iterator[ImportedItem]:
        yield from read_wacz(source, progress)


def read_wacz(source: Source, progress: Progress) -> Iterator[ImportedItem]:
    """Import a WACZ (also called by the ZIP importer when a renamed .zip turns out to be one)."""
    opener, infos = open_listing(source)
    check_archive(infos, source.display)
    by_name = {i.filename: i for i in infos}
    package = _json_member(opener, by_name.get("datapackage.json"))
    pages = _pages(opener, by_name.get("pages/pages.jsonl"))
    declared = {}
    for res in (package or {}).get("resources", []) if isinstance(package, dict) else []:
        if isinstance(res, dict) and isinstance(res.get("path"), str):
            declared[res["path"]] = str(res.get("hash", ""))
    metadata: dict[str, Any] = {
        "wacz": {
            "title": _str(package, "title"),
            "created": _str(package, "created"),
            "software": _str(package, "software"),
            "wacz_version": _str(package, "wacz_version"),
            "pages": pages[:MAX_PAGES_LISTED],
            "pages_total": len(pages),
        }
    }
    container = source.item(
        "file", WaczImporter.name, mime="application/wacz", capture_method="WACZ", metadata=metadata
    )
    yield container
    for info in infos:
        name = info.filename
        if not (name.startswith("archive/") and (name.endswith(".warc") or name.endswith(".warc.gz"))):
            continue  # indexes, page lists, package metadata: kept inside the stored WACZ
        display = f"{source.display}!{name}"
        problem = member_problem(info)
        if problem:
            progress.warn(display, problem)
            continue
        source.budget.take(info.file_size, source.display)
        child = source.child(
            display=display,
            name=PurePosixPath(name).name,
            opener=member_opener(opener, name),
            size=info.file_size,
            parent_key=container.key,
            chain=source.chain_with(WaczImporter.name),
            capture_method="WACZ",
        )
        check = _hash_check(child, declared.get(name))
        if check.get("wacz_hash_ok") is False:
            progress.warn(
                display,
                "the WARC does not match the SHA-256 recorded in datapackage.json (altered after packaging?)",
            )
        for item in read_child(child, progress):
            if item.key == child.item_key:
                item.metadata.update(check)
            yield item


def _hash_check(child: Source, declared: str | None) -> dict[str, Any]:
    if not declared or not declared.startswith("sha256:"):
        return {}
    digest = hashlib.sha256()
    with child.opener() as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    expected = declared.split(":", 1)[1].strip().lower()
    return {"wacz_declared_sha256": expected, "wacz_hash_ok": digest.hexdigest() == expected}


def _json_member(opener: Any, info: Any) -> Any:
    if info is None or info.file_size > MAX_JSON:
        return None
    try:
        with member_opener(opener, info.filename)() as fh:
            return json.loads(fh.read(MAX_JSON + 1).decode("utf-8", "replace"))
    except (ValueError, OSError, EOFError):
        return None


def _pages(opener: Any, info: Any) -> list[dict[str, str]]:
    if info is None or info.file_size > MAX_JSON:
        return []
    out: list[dict[str, str]] = []
    try:
        with member_opener(opener, info.filename)() as fh:
            for line in fh.read(MAX_JSON + 1).decode("utf-8", "replace").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if isinstance(row, dict) and "url" in row:
                    out.append({k: str(row[k])[:2000] for k in ("url", "ts", "title") if k in row})
    except (OSError, EOFError, ValueError):
        return out
    return out


def _str(package: Any, key: str) -> str | None:
    if isinstance(package, dict) and key in package:
        return str(package[key])[:500]
    return None
