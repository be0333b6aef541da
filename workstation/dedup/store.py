"""Storing the import analyzer's hashes: light on purpose (no numpy, numba or scipy), because it
runs in the import's single writer, which must not pay for the matching machinery it never uses."""

from __future__ import annotations

import json
import re
from typing import Any

ANALYZER = "dedup"
_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def store_analysis(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    """Item writer: keep the hashes the analyzer computed in the worker, as it encoded them.

    The analyzer's JSON (``ImageHashes.to_json``) is stored as it came: decoding it into arrays
    and encoding it again cost more than the rest of the row. The fields the index columns hold
    are checked, so a malformed result fails here rather than at query time.
    """
    data = analysis.get(ANALYZER)
    if not data:
        return
    phash, pdq, quality = data["phash"], data["pdq"], int(data["pdq_quality"])
    if not (_HEX16.fullmatch(phash) and _HEX64.fullmatch(pdq) and data.get("views")):
        raise ValueError(f"dedup analysis of item {item_id} is malformed")
    case.db.conn.execute(
        "INSERT OR REPLACE INTO dedup_hashes (item_id, version, phash, pdq, pdq_quality, data)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [item_id, int(data["version"]), phash, pdq, quality, json.dumps(data, separators=(",", ":"))],
    )


def has_hashsets(case: Any) -> bool:
    return case.db.conn.execute("SELECT 1 FROM dedup_hashset_entries LIMIT 1").fetchone() is not None
