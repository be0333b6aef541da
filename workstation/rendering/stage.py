"""The render stage: screenshots of captured pages, after the import stored them.

Like the OCR stage it runs after storing (the import's storage stage is not slowed), with its own
progress, cancel and audit entries (``render.started``, one ``render.page`` per page in the page's
transaction, ``render.finished``). Each page is loaded in an offline headless Chromium
(:mod:`workstation.rendering.chromium`) with every request answered from the case; the viewport
and the full page (width 1280, height capped) are stored, encrypted like any original, as child
items of kind ``image`` of the page, with their hashes and provenance, so dedup, OCR and the
indicator scan see them; the page's thumbnail in the grid becomes its rendering. A page that fails
(timeout, crash, nothing to render) is reported with its reason; the rest goes on.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from workstation.case import Case, utc_now
from workstation.errors import Cancelled
from workstation.progress import Progress
from workstation.rendering.chromium import MAX_FULL_HEIGHT, PAGE_TIMEOUT, WIDTH, Browser, RenderError, Rendering
from workstation.rendering.resources import CaseResourceResolver, load_page

SAVED_PAGE_ORIGIN = "https://saved-page.invalid/"  # a page saved without its address: a name that resolves nowhere
RENDERINGS = ("viewport", "full")


@dataclass
class RenderStageResult:
    """Outcome of one render stage (the CLI's JSON uses these names)."""

    pages: int = 0  # pages to render when the stage started
    rendered: int = 0
    screenshots: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    engine: str = ""
    javascript: bool = False
    isolated: bool = False  # the browser ran in a network namespace with no interfaces
    status: str = "done"  # done, cancelled, unavailable, nothing to do
    notice: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "rendered": self.rendered,
            "screenshots": self.screenshots,
            "errors": self.errors,
            "engine": self.engine,
            "javascript": self.javascript,
            "isolated": self.isolated,
            "status": self.status,
            "notice": self.notice,
        }


def page_ids(case: Case, item_ids: Iterable[int] | None = None, *, again: bool = False) -> list[int]:
    """Pages to render: those without a rendering (or all of ``item_ids`` that are pages, when
    ``again``)."""
    rows = case.db.execute(
        "SELECT p.id, EXISTS (SELECT 1 FROM items r WHERE r.parent_id = p.id "
        "AND json_extract(r.metadata, '$.rendered_from') = p.id) FROM items p WHERE p.kind = 'page' ORDER BY p.id"
    ).fetchall()
    wanted = None if item_ids is None else set(item_ids)
    return [int(r[0]) for r in rows if (wanted is None or r[0] in wanted) and (again or not r[1])]


def renderings_of(case: Case, page_id: int) -> dict[str, int]:
    """The newest stored rendering of a page by kind ("viewport", "full") -> item id."""
    rows = case.db.execute(
        "SELECT id, json_extract(metadata, '$.rendering') FROM items WHERE parent_id = ? "
        "AND json_extract(metadata, '$.rendered_from') = ? ORDER BY id",
        [page_id, page_id],
    ).fetchall()
    return {str(r[1]): int(r[0]) for r in rows}


def page_name(item: dict[str, Any]) -> str:
    """How a page is named everywhere: its title, else its URL, else its file name."""
    return str(item.get("title") or item.get("final_url") or item.get("source_url") or item.get("original_name") or "")


def render_page(
    browser: Browser,
    case: Case,
    item: dict[str, Any],
    *,
    timeout: float = PAGE_TIMEOUT,
    full_page: bool = True,
    max_height: int = MAX_FULL_HEIGHT,
) -> Rendering:
    """Render one stored page in ``browser``, every request answered from the case or refused."""
    page = load_page(case, item)
    if not page.base_url or urlsplit(page.base_url).scheme not in ("http", "https"):
        path = (item.get("source_path") or item.get("original_name") or f"item-{item['id']}.html").replace("\\", "/")
        page.base_url = SAVED_PAGE_ORIGIN + quote(path.lstrip("/"))
    resolver = CaseResourceResolver(case, page)
    main = page.base_url.split("#")[0]
    html = (page.source if browser.javascript else page.html).encode("utf-8")
    state = {"main_served": False}

    def resolve(url: str, rtype: str) -> tuple[bytes, str | None] | None:
        # the first document request is the navigation itself (Chromium may normalise the URL)
        if rtype == "Document" and not state["main_served"]:
            state["main_served"] = True
            return html, "text/html; charset=utf-8"
        return resolver.resolve_request(url)

    return browser.render(main, resolve, full_page=full_page, timeout=timeout, max_height=max_height)


def run_render_stage(
    case: Case,
    progress: Progress | None = None,
    *,
    item_ids: Iterable[int] | None = None,
    again: bool = False,
    javascript: bool = False,
    full_page: bool = True,
    timeout: float = PAGE_TIMEOUT,
    browser: Browser | None = None,
) -> RenderStageResult:
    """Render every page without a rendering (or ``item_ids``) and store the screenshots.

    Raises:
        Cancelled: after the finished pages were committed and the stage audited as cancelled.
    """
    progress = progress or Progress()
    ids = page_ids(case, item_ids, again=again)
    result = RenderStageResult(pages=len(ids), javascript=javascript)
    if not ids:
        result.status = "nothing to do"
        return result
    own = browser is None
    try:
        if browser is None:
            browser = Browser(javascript=javascript)
            browser.start()
    except RenderError as exc:
        result.status = "unavailable"
        result.notice = str(exc)
        return result
    result.engine = browser.version
    result.isolated = bool(browser.isolation)
    case.audit(
        "render.started",
        {"pages": ids, "engine": browser.version, "javascript": browser.javascript, "isolated": result.isolated},
    )
    progress.start(len(ids), "rendering captured pages")
    try:
        for page_id in ids:
            progress.check()
            item = case.item(page_id)
            try:
                rendering = render_page(browser, case, item, timeout=timeout, full_page=full_page)
            except RenderError as exc:
                error = {"id": page_id, "name": page_name(item), "error": str(exc)}
                result.errors.append(error)
                case.audit("render.page", {"page": page_id, "error": str(exc)})
                progress.step(note=f"#{page_id} failed")
                continue
            stored = _store(case, item, rendering, browser)
            result.rendered += 1
            result.screenshots.extend(stored)
            progress.step(note=f"#{page_id}")
    except Cancelled:
        result.status = "cancelled"
        raise
    finally:
        if own:
            browser.close()
        case.audit(
            "render.finished",
            {"status": result.status, "rendered": result.rendered, "errors": len(result.errors)},
        )
    return result


def _store(case: Case, page: dict[str, Any], rendering: Rendering, browser: Browser) -> list[dict[str, Any]]:
    """The page's screenshots as child image items, its thumbnail from the viewport, one audit
    entry: all in one transaction."""
    from workstation.importing import hooks
    from workstation.importing.images import analyse_image

    hooks.load()
    now = utc_now()
    js = "on" if browser.javascript else "off"
    provenance = f"rendered by {browser.version} from item {page['id']} at {now}, JavaScript {js}"
    name = page_name(page)
    shots: list[tuple[str, bytes]] = [("viewport", rendering.viewport_png)]
    if rendering.full_png is not None and rendering.full_png != rendering.viewport_png:
        shots.append(("full", rendering.full_png))  # a page no taller than the viewport: one shot
    analysed = []
    for kind, png in shots:
        try:
            analysed.append((kind, png, analyse_image(png, hooks.IMAGE_ANALYZERS)))
        except ValueError as exc:
            analysed.append((kind, png, {"error": str(exc)}))
    stored: list[dict[str, Any]] = []
    with case.transaction():
        for kind, png, derived in analysed:
            blob = case.blobs.put_stream(io.BytesIO(png))
            key = f"render:{page['id']}:{kind}:{blob.sha256}"
            existing = case.db.execute("SELECT id FROM items WHERE import_key = ?", [key]).fetchone()
            if existing is not None:
                stored.append({"page": page["id"], "id": int(existing[0]), "rendering": kind, "sha256": blob.sha256})
                continue
            metadata = {
                "rendered_from": page["id"],
                "rendering": kind,
                "provenance": provenance,
                "engine": browser.version,
                "javascript": browser.javascript,
                "width": WIDTH,
                "full_height": rendering.full_height,
                "truncated": rendering.truncated if kind == "full" else False,
                "served": len(rendering.served),
                "refused": rendering.refused[:200],
                "seconds": round(rendering.seconds, 3),
            }
            metadata.update((derived.get("metadata") or {}) if "error" not in derived else {})
            row = {
                "kind": "image",
                "sha256": blob.sha256,
                "md5": blob.md5,
                "size": blob.size,
                "mime": "image/png",
                "original_name": f"{name} — rendering ({kind}).png",
                "source_path": None,
                "source_url": page.get("final_url") or page.get("source_url"),
                "final_url": None,
                "capture_method": "rendering",
                "captured_at": page.get("captured_at"),
                "captured_tz": page.get("captured_tz"),
                "imported_at": now,
                "analyst": case.analyst,
                "parent_id": page["id"],
                "importer": "render",
                "import_key": key,
                "width": derived.get("width"),
                "height": derived.get("height"),
                "title": f"{name} ({kind})" if name else None,
                "language": None,
                "text": None,
                "metadata": json.dumps(metadata, ensure_ascii=False, sort_keys=True),
            }
            cursor = case.db.execute(
                f"INSERT INTO items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            item_id = int(cursor.lastrowid or 0)
            if "thumbnail" in derived:
                data, w, h = derived["thumbnail"]
                case.db.execute(
                    "INSERT OR REPLACE INTO thumbnails (item_id, width, height, data) VALUES (?, ?, ?, ?)",
                    [item_id, w, h, data],
                )
                if kind == "viewport":  # the page's own thumbnail in the grid becomes its rendering
                    case.db.execute(
                        "INSERT OR REPLACE INTO thumbnails (item_id, width, height, data) VALUES (?, ?, ?, ?)",
                        [page["id"], w, h, data],
                    )
            stored_row = dict(row, id=item_id, metadata=metadata)
            for writer in hooks.ITEM_WRITERS:
                writer(case, item_id, stored_row, derived.get("analysis", {}))
            stored.append({"page": page["id"], "id": item_id, "rendering": kind, "sha256": blob.sha256})
        new_ids = [s["id"] for s in stored]
        if new_ids:
            for hook in hooks.BATCH_HOOKS:
                hook(case, new_ids)
        case.audit(
            "render.page",
            {
                "page": page["id"],
                "screenshots": [[s["id"], s["rendering"], s["sha256"]] for s in stored],
                "engine": browser.version,
                "javascript": browser.javascript,
                "served": len(rendering.served),
                "refused": rendering.refused[:200],
                "truncated": rendering.truncated,
            },
        )
    return stored


@dataclass(frozen=True)
class StoredRendering:
    """A page's stored rendering as the viewer and the report show it."""

    page_id: int
    viewport_id: int
    full_id: int | None
    provenance: str
    refused: tuple[str, ...]
    truncated: bool


def stored_rendering(case: Case, page_id: int) -> StoredRendering | None:
    """The newest stored screenshots of a page, or None when it was never rendered."""
    ids = renderings_of(case, page_id)
    if "viewport" not in ids:
        return None
    viewport = case.item(ids["viewport"])
    meta = viewport.get("metadata") or {}
    full = ids.get("full")
    truncated = bool((case.item(full).get("metadata") or {}).get("truncated")) if full else False
    return StoredRendering(
        page_id=page_id,
        viewport_id=ids["viewport"],
        full_id=full,
        provenance=str(meta.get("provenance", "")),
        refused=tuple(str(u) for u in meta.get("refused", [])),
        truncated=truncated,
    )
