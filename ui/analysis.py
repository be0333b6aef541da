"""Counts and analysis the window shows, computed in a separate process (no Qt here).

Clustering every perceptual hash of a seizure is seconds to minutes of CPU-bound Python and
numpy. In a thread of the GUI process it would compete with the window for the GIL (measured:
repaints delayed by hundreds of milliseconds); in this process it cannot. The child keeps its own
connection to the case and answers named requests over a pipe; results are plain data.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import asdict
from multiprocessing.connection import Connection
from typing import Any

from workstation import records
from workstation.case import Case
from workstation.dedup.case_clusters import CaseCluster, case_clusters, signature

MAX_CLUSTER_ENTRIES = 50


# -- clusters ------------------------------------------------------------------------------------
_cache: dict[str, Any] = {"signature": None, "clusters": None}


def clusters(case: Case, threshold: int) -> list[CaseCluster]:
    """Near-duplicate clusters, biggest first, cached until hashes or decisions change."""
    key = signature(case, threshold)
    if key == _cache["signature"]:
        return _cache["clusters"]  # type: ignore[no-any-return]
    found = case_clusters(case, threshold)
    _cache["signature"], _cache["clusters"] = key, found
    return found


# -- navigator counts ----------------------------------------------------------------------------
def counts(case: Case, threshold: int) -> dict[str, Any]:
    """Everything the navigator shows a number for."""
    out = asdict(records.case_counts(case))
    found = clusters(case, threshold)
    out["clusters"] = len(found)
    # (id, size, first member's name): the navigator names a cluster by what it holds
    out["cluster_list"] = [(c.id, c.size, c.members[0].name if c.members else "") for c in found[:MAX_CLUSTER_ENTRIES]]
    return out


REQUESTS = {"counts": counts, "clusters": clusters}


def analysis_main(conn: Connection, case_path: str, analyst: str | None) -> None:
    """Entry point of the analysis process: answer (token, name, kwargs) until told to stop."""
    from ui.jobs import lower_priority

    lower_priority()
    passphrase = conn.recv()
    try:
        case = Case.open(case_path, passphrase, analyst=analyst)
    except Exception as exc:  # reported to the window, which shows the features as unavailable
        conn.send((0, "error", f"cannot open the case for analysis: {exc}"))
        return
    try:
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            if message is None:
                return
            token, name, kwargs = message
            try:
                result = REQUESTS[name](case, **kwargs)
            except Exception:
                conn.send((token, "error", traceback.format_exc()))
            else:
                conn.send((token, "ok", result))
    finally:
        case.close()


def ids_json(ids: list[int]) -> str:
    return json.dumps(sorted(int(i) for i in ids))
