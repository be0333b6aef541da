"""Dedup on a case: store hashes at import, clusters, query-by-image, decisions, hash sets.

The API the CLI, the UI and reports call. Every change writes an audit entry.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image, UnidentifiedImageError

from workstation.case import Case, utc_now
from workstation.dedup import clusters as cl
from workstation.dedup import hashsets, store
from workstation.dedup.phash import HASH_VERSION, ImageHashes, compute, open_image
from workstation.errors import WorkstationError
from workstation.importing.images import thumbnail_of
from workstation.progress import Progress

ANALYZER = "dedup"


class DedupError(WorkstationError):
    """A dedup request that cannot be carried out (unknown item, unreadable query image)."""

    exit_code = 2  # a wrong request (workstation.errors)


# -- at import --------------------------------------------------------------------------------
def store_analysis(case: Case, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    """Item writer: keep the hashes the analyzer computed in the worker."""
    store.store_analysis(case, item_id, item, analysis)


def _store(case: Case, item_id: int, h: ImageHashes) -> None:
    case.db.execute(
        "INSERT OR REPLACE INTO dedup_hashes (item_id, version, phash, pdq, pdq_quality, data)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [item_id, HASH_VERSION, h.phash, h.pdq, h.pdq_quality, json.dumps(h.to_json())],
    )


def match_new_items(case: Case, item_ids: list[int]) -> None:
    """Batch hook: flag newly imported items that are in an imported hash set."""
    if not item_ids or not store.has_hashsets(case):
        return
    _match_hashsets(case, item_ids=item_ids)


# -- reading ----------------------------------------------------------------------------------
def _count(case: Case, sql: str, params: list[Any] | None = None) -> int:
    return int(case.db.execute(sql, params or []).fetchone()[0])


def _load(case: Case, item_ids: list[int] | None = None) -> tuple[list[dict[str, Any]], list[ImageHashes | None]]:
    sql = (
        "SELECT i.id, i.sha256, i.md5, i.original_name, i.source_path, i.kind, d.data,"
        " CASE WHEN i.kind = 'frame' THEN json_extract(i.metadata, '$.timecode') END, i.parent_id"
        " FROM items i LEFT JOIN dedup_hashes d ON d.item_id = i.id"
        " WHERE (d.item_id IS NOT NULL OR i.kind = 'image')"
    )
    params: list[Any] = []
    if item_ids is not None:
        sql += f" AND i.id IN ({','.join('?' * len(item_ids))})"
        params = list(item_ids)
    rows, hashes = [], []
    for r in case.db.execute(sql + " ORDER BY i.id", params).fetchall():
        rows.append({"id": r[0], "sha256": r[1], "md5": r[2] or "", "original_name": r[3], "source_path": r[4]})
        if r[7] is not None:  # a video's keyframe: where in which video (workstation/video)
            rows[-1].update(timecode=float(r[7]), video_id=r[8])
        hashes.append(ImageHashes.from_json(json.loads(r[6])) if r[6] else None)
    return rows, hashes


def ensure_hashes(case: Case, progress: Progress | None = None) -> int:
    """Hash image items that have no hashes yet (imported before dedup existed) or hashes of an
    older version (matching compares one version only); returns how many."""
    todo = [
        r
        for r in case.db.execute(
            "SELECT i.id, i.sha256 FROM items i LEFT JOIN dedup_hashes d ON d.item_id = i.id"
            " WHERE (i.kind = 'image' AND d.item_id IS NULL) OR d.version < ? ORDER BY i.id",
            [HASH_VERSION],
        ).fetchall()
    ]
    if not todo:
        return 0
    if progress:
        progress.start(len(todo), "hashing images")
    done = 0
    with case.transaction():
        for item_id, sha in todo:
            try:
                with case.blobs.open(sha) as f:
                    h = compute(open_image(f))
            except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
                if progress:
                    progress.warn(f"item {item_id}", f"cannot hash: {exc}")
            else:
                _store(case, item_id, h)
                done += 1
            if progress:
                progress.step()
        if done:
            case.audit("dedup.hashed", {"items": done, "version": HASH_VERSION})
    return done


def not_duplicate_pairs(case: Case) -> set[tuple[int, int]]:
    from workstation.casework import duplicates

    return duplicates.not_duplicate_pairs(case)


def _member(row: dict[str, Any], m: cl.Member, rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    ev = m.evidence
    out = {
        "id": row["id"],
        "sha256": row["sha256"],
        "original_name": row["original_name"],
        "source_path": row["source_path"],
        "distance": 0 if ev is None else ev.distance,
        "exact": ev is not None and ev.kind == "exact",
        "transformation": "reference" if ev is None else ev.describe(),
    }
    if ev is not None:
        out["evidence"] = ev.to_json()
    if "timecode" in row:
        out["timecode"] = row["timecode"]
        out["video_id"] = row["video_id"]
    if rows is not None:
        # The pair that brought this member into its cluster (None for the reference): following
        # linked_to from any member reaches the first one, one accepted match at a time.
        linked = m.linked_to is not None and m.link is not None
        out["linked_to"] = rows[m.linked_to]["id"] if linked and m.linked_to is not None else None
        out["link_distance"] = m.link.distance if linked and m.link is not None else None
        out["link_evidence"] = m.link.to_json() if linked and m.link is not None else None
    return out


# The local-feature check (workstation.dedup.verify) searches every pair within threshold + 10
# before its PDQ gate: that search grows with the square of the case (benchmarks/RESULTS.md:
# ~4 s at 2,000 images, ~21 s at 5,000, ~110 s at 10,000). Above this many images clusters rest
# on the hashes alone unless the analyst asks for the check (`dedupe --verify`).
VERIFY_MAX_IMAGES = 5_000


def thumbnail_source(case: Case, item_ids: list[int]) -> Any:
    """Pixel source for the local-feature check: position in ``item_ids`` -> stored thumbnail."""
    from workstation.dedup.verify import thumbnail_image

    def pixels(index: int) -> Image.Image | None:
        data = case.thumbnail(item_ids[index])
        return None if data is None else thumbnail_image(data)

    return pixels


def _thumbnails(case: Case, rows: list[dict[str, Any]]) -> Any:
    return thumbnail_source(case, [r["id"] for r in rows])


def image_count(case: Case) -> int:
    """Images dedupe compares (those with hashes or of kind image)."""
    return _count(
        case,
        "SELECT count(*) FROM items i LEFT JOIN dedup_hashes d ON d.item_id = i.id"
        " WHERE d.item_id IS NOT NULL OR i.kind = 'image'",
    )


def verifies(images: int, verify: bool | None) -> bool:
    """Whether a dedupe of ``images`` images runs the local-feature check (None: automatic)."""
    return images <= VERIFY_MAX_IMAGES if verify is None else verify


def clusters_for_case(
    case: Case,
    threshold: int = cl.DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    verify: bool | None = None,
) -> list[list[dict[str, Any]]]:
    """Clusters of near-duplicate and exact-duplicate images in the case.

    Args:
        threshold: largest distance (bits of a 64-bit pHash) that counts as the same photo.
        verify: check pairs just beyond the threshold on local features (None: when the case
            holds at most ``VERIFY_MAX_IMAGES`` images).

    Returns:
        A list of clusters, each a list of members (dicts with ``id``, ``sha256``,
        ``original_name``, ``source_path``, ``distance`` to the first member, ``exact``,
        ``transformation``, ``evidence``, and ``linked_to``/``link_distance``/``link_evidence``:
        the member whose match brought it in and that match's evidence). Pairs the analyst
        marked as not duplicates are not linked.
    """
    return linkage_for_case(case, threshold, progress, verify)["clusters"]  # type: ignore[no-any-return]


def linkage_for_case(
    case: Case,
    threshold: int = cl.DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    verify: bool | None = None,
    check_links: bool = True,
) -> dict[str, Any]:
    """``clusters`` (as :func:`clusters_for_case`) and ``held_apart``: matches that would have
    joined two clusters without the stronger evidence such a link needs (see
    :func:`workstation.dedup.clusters.link_clusters`), each with both item ids and its evidence.

    Args:
        check_links: run the local-feature check on such contested matches even when ``verify``
            is off (a few pairs: cheap at any size).
    """
    rows, hashes = _load(case)
    refused = not_duplicate_pairs(case)
    pixels = _thumbnails(case, rows) if verifies(len(rows), verify) else None
    matches = [
        (i, j, ev)
        for i, j, ev in cl.find_matches(hashes, threshold, pixels, progress)
        if (rows[i]["id"], rows[j]["id"]) not in refused
    ]
    sha = [r["sha256"] for r in rows]
    # A match that would join two clusters without support is checked on local features at any
    # size: those are a few pairs, not the search beyond the threshold.
    linkage = cl.link_clusters(hashes, matches, sha, pixels or (_thumbnails(case, rows) if check_links else None))
    clusters = [[_member(rows[m.index], m, rows) for m in c.members] for c in linkage.clusters]
    held = [
        {
            "items": [rows[h.a]["id"], rows[h.b]["id"]],
            "evidence": h.evidence.to_json(),
            "cluster_sizes": list(h.sizes),
            "support": h.support,
            "verified_features": h.features,
        }
        for h in linkage.held_apart
    ]
    return {"clusters": clusters, "held_apart": held}


def duplicates_of(case: Case, item_id: int, threshold: int = cl.DEFAULT_THRESHOLD) -> list[dict[str, Any]]:
    """Items matching one item directly, best first (exact copies first)."""
    rows, hashes = _load(case)
    pos = {r["id"]: i for i, r in enumerate(rows)}
    if item_id not in pos:
        raise DedupError(f"item {item_id} is not an image with hashes in this case")
    me = pos[item_id]
    refused = not_duplicate_pairs(case)
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for i, r in enumerate(rows):
        if i != me and r["sha256"] == rows[me]["sha256"]:
            out.append(_member(r, cl.Member(i, cl.EXACT)))
            seen.add(i)
    query = hashes[me]
    if query is not None:
        others = [None if i == me else h for i, h in enumerate(hashes)]
        pixels = _thumbnails(case, rows)
        for i, ev in cl.query_matches(query, others, threshold, pixels(me), pixels):
            pair = tuple(sorted((item_id, rows[i]["id"])))
            if i not in seen and pair not in refused:
                out.append(_member(rows[i], cl.Member(i, ev)))
    return out


def match_image(case: Case, image: Path | BinaryIO, threshold: int = cl.DEFAULT_THRESHOLD) -> dict[str, Any]:
    """Query by image: case items that show the same photo as a file outside the case."""
    try:
        data = Path(image).read_bytes() if isinstance(image, (str, Path)) else image.read()
    except OSError as exc:
        raise DedupError(
            f"cannot read the image: {exc.strerror}", image if isinstance(image, (str, Path)) else None
        ) from exc
    sha = hashlib.sha256(data).hexdigest()
    import io

    try:
        upright = open_image(io.BytesIO(data))
        query = compute(upright)
        query_pixels = thumbnail_of(upright)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise DedupError(f"not a readable image: {exc}", image if isinstance(image, (str, Path)) else None) from exc
    rows, hashes = _load(case)
    found: dict[int, dict[str, Any]] = {}
    for i, r in enumerate(rows):
        if r["sha256"] == sha:
            found[i] = _member(r, cl.Member(i, cl.EXACT))
    for i, ev in cl.query_matches(query, hashes, threshold, query_pixels, _thumbnails(case, rows)):
        found.setdefault(i, _member(rows[i], cl.Member(i, ev)))
    matches = sorted(found.values(), key=lambda m: (m["distance"], m["id"]))
    return {
        "image": str(image) if isinstance(image, (str, Path)) else None,
        "sha256": sha,
        "phash": query.phash,
        "pdq": query.pdq,
        "pdq_quality": query.pdq_quality,
        "flat": query.flat,
        "threshold": threshold,
        "matches": matches,
    }


# -- decisions ----------------------------------------------------------------------------------
def mark_not_duplicate(case: Case, a: int, b: int, reason: str = "") -> None:
    """Record the analyst's decision that two items are not the same photo."""
    if a == b:
        raise DedupError("an item cannot be marked as not a duplicate of itself")
    lo, hi = sorted((a, b))
    for item in (lo, hi):
        if not _count(case, "SELECT count(*) FROM items WHERE id = ?", [item]):
            raise DedupError(f"no item {item} in this case")
    from workstation.casework import duplicates  # the decision lives in the core table

    duplicates.mark_not_duplicate(case, lo, hi, reason)


def unmark_not_duplicate(case: Case, a: int, b: int) -> bool:
    from workstation.casework import duplicates

    found = duplicates.decision_of(case, a, b)
    if found is None or found.decision != duplicates.DIFFERENT:
        return False
    return duplicates.withdraw_decision(case, a, b) is not None


# -- hash sets ----------------------------------------------------------------------------------
def import_hashset(case: Case, path: Path, name: str | None = None, default_64: str = "sha256") -> dict[str, Any]:
    """Import a partner's hash list, store it, and flag the case items it matches."""
    path = Path(path)
    parsed = hashsets.parse(path, default_64=default_64)
    source_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    with case.transaction():
        set_id = (
            case.db["dedup_hashsets"]
            .insert(
                {
                    "name": name or path.name,
                    "source_file": str(path),
                    "source_sha256": source_sha,
                    "format": parsed.format,
                    "imported_at": utc_now(),
                    "analyst": case.analyst,
                    "entries": len(parsed.entries),
                    "skipped": parsed.skipped,
                }
            )
            .last_pk
        )
        case.db["dedup_hashset_entries"].insert_all(
            {"hashset_id": set_id, "kind": e.kind, "value": e.value, "label": e.label} for e in parsed.entries
        )
        matched = _match_hashsets(case, hashset_id=int(set_id))
        case.audit(
            "dedup.hashset_imported",
            {
                "hashset_id": set_id,
                "name": name or path.name,
                "file": str(path),
                "sha256": source_sha,
                "format": parsed.format,
                "entries": parsed.counts(),
                "skipped": parsed.skipped,
                "matches": len(matched),
            },
        )
    return {
        "hashset_id": set_id,
        "name": name or path.name,
        "format": parsed.format,
        "entries": parsed.counts(),
        "skipped": parsed.skipped,
        "matches": matched,
    }


def _match_hashsets(
    case: Case, hashset_id: int | None = None, item_ids: list[int] | None = None
) -> list[dict[str, Any]]:
    sql = "SELECT id, kind, value, label, hashset_id FROM dedup_hashset_entries"
    params: list[Any] = []
    if hashset_id is not None:
        sql += " WHERE hashset_id = ?"
        params = [hashset_id]
    ent_rows = case.db.execute(sql + " ORDER BY id", params).fetchall()
    entries = [hashsets.Entry(r[1], r[2], r[3] or "") for r in ent_rows]
    rows, hashes = _load(case, item_ids)
    if item_ids is not None:
        # Non-image items (pages, documents) can match by exact hash too.
        extra = case.db.execute(
            f"SELECT id, sha256, md5, original_name, source_path FROM items WHERE id IN"
            f" ({','.join('?' * len(item_ids))})",
            item_ids,
        ).fetchall()
        have = {r["id"] for r in rows}
        for r in extra:
            if r[0] not in have:
                rows.append({"id": r[0], "sha256": r[1], "md5": r[2] or "", "original_name": r[3], "source_path": r[4]})
                hashes.append(None)
    found = hashsets.match(entries, [r["sha256"] for r in rows], [r["md5"] for r in rows], hashes)
    out = []
    now = utc_now()
    for m in found:
        entry = ent_rows[m.entry]
        row = rows[m.item]
        case.db.execute(
            "INSERT OR IGNORE INTO dedup_hashset_matches (entry_id, item_id, kind, distance, matched_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [entry[0], row["id"], m.kind, m.distance, now],
        )
        out.append(
            {
                "item_id": row["id"],
                "original_name": row["original_name"],
                "hashset_id": entry[4],
                "entry_id": entry[0],
                "kind": m.kind,
                "distance": m.distance,
                "label": entry[3] or "",
            }
        )
    if out and item_ids is not None:
        case.audit("dedup.hashset_matched", {"items": sorted({o["item_id"] for o in out}), "matches": len(out)})
    return out


def list_hashsets(case: Case) -> list[dict[str, Any]]:
    out = []
    for r in case.db.execute(
        "SELECT s.id, s.name, s.format, s.imported_at, s.analyst, s.entries, s.skipped,"
        " (SELECT count(*) FROM dedup_hashset_matches m JOIN dedup_hashset_entries e"
        "  ON e.id = m.entry_id WHERE e.hashset_id = s.id)"
        " FROM dedup_hashsets s ORDER BY s.id"
    ).fetchall():
        out.append(
            dict(
                zip(("id", "name", "format", "imported_at", "analyst", "entries", "skipped", "matches"), r, strict=True)
            )
        )
    return out


def hashset_matches(case: Case) -> list[dict[str, Any]]:
    out = []
    for r in case.db.execute(
        "SELECT m.item_id, i.original_name, e.hashset_id, m.entry_id, m.kind, m.distance, e.label"
        " FROM dedup_hashset_matches m JOIN dedup_hashset_entries e ON e.id = m.entry_id"
        " JOIN items i ON i.id = m.item_id ORDER BY m.item_id, m.entry_id"
    ).fetchall():
        out.append(
            dict(
                zip(("item_id", "original_name", "hashset_id", "entry_id", "kind", "distance", "label"), r, strict=True)
            )
        )
    return out
