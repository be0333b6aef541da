"""Dedup plug-in: perceptual hashes at import, hash-set flags, and the demo's cluster listing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workstation.dedup import phash
from workstation.importing import hooks


def _store(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    from workstation.dedup import service

    service.store_analysis(case, item_id, item, analysis)


def _flag(case: Any, item_ids: list[int]) -> None:
    from workstation.dedup import service

    service.match_new_items(case, item_ids)


def _demo_clusters(case: Any, out_dir: Path) -> list[str]:
    from workstation.dedup import service

    clusters = service.clusters_for_case(case)
    lines = [f"Near-duplicate photo clusters: {len(clusters)}"]
    for n, members in enumerate(clusters, 1):
        lines.append(f"  cluster {n}: {len(members)} images")
        for m in members:
            lines.append(
                f"    #{m['id']:<4} {m['original_name'] or '?':<32} distance {m['distance']:>2}  {m['transformation']}"
            )
    return lines


hooks.register_image_analyzer("dedup", phash.analyze)
hooks.register_item_writer(_store)
hooks.register_batch_hook(_flag)

try:
    from workstation.demo import register_demo_step
except ImportError:  # pragma: no cover - demo module absent in stripped builds
    pass
else:
    register_demo_step(20, "dedup clusters", _demo_clusters)
