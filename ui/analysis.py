"""Counts and analysis the window shows, computed in a separate process (no Qt here).

Clustering every perceptual hash of a seizure is seconds to minutes of CPU-bound Python and
numpy. In a thread of the GUI process it would compete with the window for the GIL (measured:
repaints delayed by hundreds of milliseconds); in this process it cannot. The child keeps its own
connection to the case and answers named requests over a pipe; results are plain data.
"""

from __future__ import annotations

import importlib.util
import json
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from workstation.case import Case

TRIAGE_TAGS = ("relevant", "not-relevant")  # ui.casework.TRIAGE_TAGS, repeated to stay Qt-free
MAX_CLUSTER_ENTRIES = 50


@dataclass
class ClusterMember:
    item_id: int
    name: str
    sha256: str
    source: str
    distance: int | None
    transformation: str
    status: str = ""  # '', 'kept'


@dataclass
class Cluster:
    id: int  # the reference member's item id: stable while the case does not change
    size: int
    members: list[ClusterMember] = field(default_factory=list)
    label: str = ""


def has_table(case: Case, name: str) -> bool:
    return (
        case.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None
    )


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


def dedup_available(case: Case) -> bool:
    return has_module("workstation.dedup.service") and has_table(case, "dedup_hashes")


# -- clusters ------------------------------------------------------------------------------------
_cache: dict[str, Any] = {"signature": None, "clusters": None}


def _signature(case: Case, threshold: int) -> tuple[Any, ...]:
    db = case.db
    hashes = db.execute("SELECT count(*), coalesce(max(item_id), 0) FROM dedup_hashes").fetchone()
    images = db.execute("SELECT count(*), coalesce(max(id), 0) FROM items WHERE kind = 'image'").fetchone()
    refused = tuple(db.execute("SELECT count(*), total(item_a * 1000003 + item_b) FROM dedup_not_duplicate").fetchone())
    reviews = (
        db.execute("SELECT count(*), total(item_a * 1000003 + item_b) FROM ui_duplicate_reviews").fetchone()
        if has_table(case, "ui_duplicate_reviews")
        else (0, 0)
    )
    return (tuple(hashes), tuple(images), refused, tuple(reviews), threshold)


def clusters(case: Case, threshold: int) -> list[Cluster]:
    """Near-duplicate clusters, biggest first, cached until hashes or decisions change."""
    if not dedup_available(case):
        return []
    signature = _signature(case, threshold)
    if signature == _cache["signature"]:
        return _cache["clusters"]  # type: ignore[no-any-return]
    from workstation.dedup import service

    confirmed = (
        {(a, b) for a, b in case.db.execute("SELECT item_a, item_b FROM ui_duplicate_reviews")}
        if has_table(case, "ui_duplicate_reviews")
        else set()
    )
    out = []
    for members in service.clusters_for_case(case, threshold):
        ref = members[0]["id"]
        cluster = Cluster(id=ref, size=len(members))
        for m in members:
            pair = (min(ref, m["id"]), max(ref, m["id"]))
            cluster.members.append(
                ClusterMember(
                    item_id=m["id"],
                    name=m.get("original_name") or "",
                    sha256=m["sha256"],
                    source=m.get("source_path") or "",
                    distance=m.get("distance"),
                    transformation=m.get("transformation") or "",
                    status="kept" if pair in confirmed and m["id"] != ref else "",
                )
            )
        out.append(cluster)
    out.sort(key=lambda c: (-c.size, c.id))
    _cache["signature"], _cache["clusters"] = signature, out
    return out


# -- navigator counts ----------------------------------------------------------------------------
def indicator_counts(case: Case) -> dict[str, int] | None:
    """Confirmed indicators per code, or None when the case has no indicator annotations."""
    if not has_table(case, "annotations"):
        return None
    rows = case.db.execute(
        "SELECT indicator, count(DISTINCT item_id) FROM annotations WHERE status = 'confirmed' GROUP BY indicator"
    ).fetchall()
    return {r[0]: int(r[1]) for r in rows}


def selector_count(case: Case) -> int | None:
    if not has_table(case, "selectors"):
        return None
    return int(case.db.execute("SELECT count(*) FROM selectors").fetchone()[0])


def counts(case: Case, threshold: int) -> dict[str, Any]:
    """Everything the navigator shows a number for."""
    db = case.db
    kinds = {k: n for k, n in db.execute("SELECT kind, count(*) FROM items GROUP BY kind")}
    tags = [
        (t, n)
        for t, n in db.execute("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200")
    ]
    total = sum(kinds.values())
    marks = ",".join("?" * len(TRIAGE_TAGS))
    marked = int(
        db.execute(f"SELECT count(DISTINCT item_id) FROM tags WHERE tag IN ({marks})", list(TRIAGE_TAGS)).fetchone()[0]
    )
    out: dict[str, Any] = {
        "kinds": kinds,
        "total": total,
        "tags": tags,
        "untriaged": total - marked,
        "exhibits": int(db.execute("SELECT count(*) FROM exhibits").fetchone()[0]),
        "import_errors": int(db.execute("SELECT count(*) FROM import_errors").fetchone()[0]),
        "clusters": None,
        "cluster_list": [],
        "indicators": indicator_counts(case),
        "suggested_items": (
            int(db.execute("SELECT count(DISTINCT item_id) FROM annotations WHERE status = 'suggested'").fetchone()[0])
            if has_table(case, "annotations")
            else None
        ),
        "selectors": selector_count(case),
    }
    if dedup_available(case):
        found = clusters(case, threshold)
        out["clusters"] = len(found)
        # (id, size, first member's name): the navigator names a cluster by what it holds
        out["cluster_list"] = [
            (c.id, c.size, c.members[0].name if c.members else "") for c in found[:MAX_CLUSTER_ENTRIES]
        ]
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
