"""Dedup plug-in: perceptual hashes at import, hash-set flags, and the demo's cluster listing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workstation.dedup import store
from workstation.importing import hooks

# The hashing (numpy, scipy, pdqhash) and matching (numba) modules are imported where they are
# used: the analyzer in the worker processes, the hash-set matcher only when a case has hash
# sets. The import's writer process then starts without them.


def _analyze(img: Any) -> dict[str, Any]:
    from workstation.dedup import phash

    return phash.analyze(img)


def _flag(case: Any, item_ids: list[int]) -> None:
    if not item_ids or not store.has_hashsets(case):
        return
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


hooks.register_image_analyzer("dedup", _analyze)
hooks.register_item_writer(store.store_analysis)
hooks.register_batch_hook(_flag)

try:
    from workstation.demo import register_demo_step
except ImportError:  # pragma: no cover - demo module absent in stripped builds
    pass
else:
    register_demo_step(20, "dedup clusters", _demo_clusters)
