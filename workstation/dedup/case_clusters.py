"""Near-duplicate clusters of a case as the analyst reviews them: items, not hash indexes.

``workstation.dedup.clusters`` groups hashes (``Cluster`` of ``Member`` indexes); this module
names the items of each group and applies the analyst's duplicate decisions
(``workstation.casework.duplicates``). Importing it is cheap: the matching engine (numpy, numba)
loads on the first call.
"""

from __future__ import annotations

from dataclasses import dataclass

from workstation.case import Case
from workstation.casework import duplicates

KEPT = "kept"  # the analyst confirmed the member as the same photo as the reference


@dataclass(frozen=True)
class ClusterMember:
    """One item of a cluster; ``distance`` and ``transformation`` are relative to the reference."""

    item_id: int
    name: str
    sha256: str
    source: str
    distance: int | None
    transformation: str
    status: str = ""  # '' or KEPT


@dataclass(frozen=True)
class CaseCluster:
    """Items showing the same photo; ``id`` is the reference member's item id (stable while the
    case does not change)."""

    id: int
    size: int
    members: tuple[ClusterMember, ...]
    label: str = ""


def case_clusters(case: Case, threshold: int) -> list[CaseCluster]:
    """Every cluster of the case, biggest first; pairs marked "not the same photo" are never linked.

    Args:
        threshold: largest distance (bits of a 64-bit pHash) that counts as the same photo.
    """
    from workstation.dedup import service

    confirmed = duplicates.same_photo_pairs(case)
    out = []
    for members in service.clusters_for_case(case, threshold):
        ref = int(members[0]["id"])
        out.append(
            CaseCluster(
                id=ref,
                size=len(members),
                members=tuple(
                    ClusterMember(
                        item_id=int(m["id"]),
                        name=m.get("original_name") or "",
                        sha256=m["sha256"],
                        source=m.get("source_path") or "",
                        distance=m.get("distance"),
                        transformation=m.get("transformation") or "",
                        status=KEPT if m["id"] != ref and (min(ref, m["id"]), max(ref, m["id"])) in confirmed else "",
                    )
                    for m in members
                ),
            )
        )
    out.sort(key=lambda c: (-c.size, c.id))
    return out


def signature(case: Case, threshold: int) -> tuple[object, ...]:
    """Changes whenever the clusters could: hashes, images, decisions or the threshold."""
    db = case.db
    hashes = db.execute("SELECT count(*), coalesce(max(item_id), 0) FROM dedup_hashes").fetchone()
    images = db.execute("SELECT count(*), coalesce(max(id), 0) FROM items WHERE kind = 'image'").fetchone()
    return (tuple(hashes), tuple(images), duplicates.signature(case), threshold)
