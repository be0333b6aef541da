"""Indicators plug-in: images queued for OCR at import, indicator suggestions and selectors per batch, demo lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workstation.importing import hooks


def _ocr(img: Any) -> dict[str, Any]:
    from workstation import ocr

    return ocr.analyse(img)


def _store_ocr(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    result = analysis.get("ocr")
    if not isinstance(result, dict):
        return
    if "queue" in result:  # read by the OCR stage once the import has stored the items
        from workstation.importing import ocrstage

        ocrstage.enqueue(case, item_id, str(result["queue"]))
    elif "text" in result:
        from workstation import annotations

        annotations.ocr_item_writer(case, item_id, item, analysis)


def _scan(case: Any, item_ids: list[int]) -> None:
    from workstation import annotations

    annotations.scan_batch(case, item_ids)


def _demo_lines(case: Any, out_dir: Path) -> list[str]:
    from workstation import annotations

    lines = []
    images = [r[0] for r in case.db.execute("SELECT id FROM items WHERE kind = 'image' ORDER BY id")]
    summary = annotations.scan_items(case, images, ocr=True)  # photos with a number written on them
    if summary.ocr_done:
        lines.append(f"OCR read text on {summary.ocr_done} image(s)")
    elif summary.ocr_notice:
        lines.append(summary.ocr_notice)
    ranked = annotations.ranked_items(case, limit=5)
    lines.append(f"Items with indicator suggestions: {len(annotations.ranked_items(case))}")
    for r in ranked:
        item = case.item(r["item"])
        lines.append(f"  #{r['item']:<4} score {r['score']:.2f}  {item['original_name']}: {', '.join(r['indicators'])}")
    linked = annotations.selectors_for(case, min_items=2)
    lines.append(f"Selectors linking two or more items: {len(linked)}")
    for s in linked[:5]:
        lines.append(f"  {s['kind']:<7} {s['value']:<28} items {s['items']}  platforms {', '.join(s['platforms'])}")
    graph = out_dir / f"{case.path.stem}-links.graphml"
    counts = annotations.export_graphml(case, graph)
    lines.append(f"Link graph: {graph} ({counts['nodes']} nodes, {counts['edges']} edges)")
    return lines


hooks.register_image_analyzer("ocr", _ocr)
hooks.register_item_writer(_store_ocr)
hooks.register_batch_hook(_scan)

try:
    from workstation.demo import register_demo_step

    register_demo_step(30, "indicators", _demo_lines)
except ImportError:  # pragma: no cover - demo module absent in a stripped build
    pass
