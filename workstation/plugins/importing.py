"""Import area's demo step: what came in, by capture method, and a search in three scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _demo_captures(case: Any, out_dir: Path) -> list[str]:
    from workstation.search import search_items

    rows = case.db.execute(
        "SELECT capture_method, kind, count(*) FROM items GROUP BY capture_method, kind ORDER BY capture_method, kind"
    ).fetchall()
    lines = ["Imported, by how it was acquired:"]
    lines += [f"  {method or '-':<15} {kind:<9} {n}" for method, kind, n in rows]
    for query in ("шукаємо дівчат", "高薪工作", "horeca"):
        hits = search_items(case, query, limit=5)
        names = ", ".join(f"#{h['id']} {h['original_name']}" for h in hits) or "no hits"
        lines.append(f"  search {query!r}: {names}")
    return lines


def _register() -> None:
    from workstation.demo import register_demo_step

    register_demo_step(10, "imported captures", _demo_captures)


_register()
