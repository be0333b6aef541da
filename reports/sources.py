"""Findings of the analysis areas for the report: indicators, selectors, regions, near-duplicates.

Every area ships and every case has its tables (migrations create them); a case where nothing was
found yet gives empty sections, not missing ones. The dedup engine (numpy) is imported inside the
reader that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reports.model import Field, IndicatorFinding, ItemRef, NearDuplicate, Region, SelectorRef
from workstation.case import Case


@dataclass(frozen=True)
class SelectorLink:
    """A selector and every item of the case it appears on."""

    kind: str
    value: str
    item_ids: tuple[int, ...]
    item_count: int


@dataclass
class ExtraData:
    """Per-item findings from other areas, keyed by item id, plus availability remarks."""

    indicators: dict[int, tuple[IndicatorFinding, ...]] = field(default_factory=dict)
    regions: dict[int, tuple[Region, ...]] = field(default_factory=dict)
    selectors: dict[int, tuple[SelectorRef, ...]] = field(default_factory=dict)
    near_duplicates: dict[int, tuple[NearDuplicate, ...]] = field(default_factory=dict)
    hashset_matches: dict[int, tuple[Field, ...]] = field(default_factory=dict)
    watchlist_hits: dict[int, tuple[Field, ...]] = field(default_factory=dict)
    selector_rows: list[SelectorLink] | None = None
    selectors_note: str = ""
    selector_raw: dict[str, set[str]] = field(default_factory=dict)  # value -> forms as written
    sensitive_items: set[int] = field(default_factory=set)
    remarks: list[str] = field(default_factory=list)
    perceptual_method: str = ""
    indicator_method: str = ""
    selector_method: str = ""


def gather(case: Case, item_ids: list[int]) -> ExtraData:
    """Read every other area's findings for the given items."""
    extra = ExtraData()
    _indicators(case, item_ids, extra)
    _selectors(case, item_ids, extra)
    _near_duplicates(case, item_ids, extra)
    _watchlist_hits(case, item_ids, extra)
    return extra


def _watchlist_hits(case: Case, item_ids: list[int], extra: ExtraData) -> None:
    """Watchlist entries matched by the items (workstation.watchlists' read function)."""
    from workstation.watchlists.service import hits

    wanted = set(item_ids)
    listed: dict[int, list[Field]] = {}
    for hit in hits(case):
        name = hit.list + (f" ({hit.agency})" if hit.agency else "") + (f" — {hit.label}" if hit.label else "")
        for item_id in hit.items:
            if item_id in wanted:
                listed.setdefault(item_id, []).append(Field(name, f"{hit.kind} {hit.value}"))
    extra.watchlist_hits = {k: tuple(v) for k, v in listed.items()}


def upright_box(
    box: tuple[float, float, float, float], width: int, height: int, orientation: int
) -> tuple[float, float, float, float]:
    """A pixel box on the stored image as fractions (x, y, w, h) of the upright picture.

    Regions are recorded in pixels of the original bytes; the report shows the picture turned
    upright by its EXIF orientation, so the box turns with it.
    """
    x, y, w, h = box
    W, H = width, height  # noqa: N806 - image sides
    if orientation == 2:
        x = W - x - w
    elif orientation == 3:
        x, y = W - x - w, H - y - h
    elif orientation == 4:
        y = H - y - h
    elif orientation == 5:
        x, y, w, h = y, x, h, w
    elif orientation == 6:
        x, y, w, h = H - y - h, x, h, w
    elif orientation == 7:
        x, y, w, h = H - y - h, W - x - w, h, w
    elif orientation == 8:
        x, y, w, h = y, W - x - w, h, w
    uw, uh = (H, W) if orientation in (5, 6, 7, 8) else (W, H)
    return x / uw, y / uh, w / uw, h / uh


def _indicators(case: Case, item_ids: list[int], extra: ExtraData) -> None:
    from workstation import annotations as api

    wanted = set(item_ids)
    sizes = (
        {
            r[0]: (r[1], r[2], r[3])
            for r in case.db.execute(
                f"SELECT id, width, height, metadata FROM items WHERE id IN ({','.join('?' * len(wanted))})",
                sorted(wanted),
            )
        }
        if wanted
        else {}
    )
    findings: dict[int, list[IndicatorFinding]] = {}
    regions: dict[int, list[Region]] = {}
    for row in api.annotations_for(case):
        item_id = row["item"]
        if item_id not in wanted or row["status"] == "rejected":
            continue
        label = row.get("label") or row["indicator"]
        span = row.get("span") or {}
        evidence = span.get("text") or ""
        if row.get("note"):
            evidence = f"{evidence} — {row['note']}" if evidence else row["note"]
        status = "confirmed" if row["status"] == "confirmed" else "suggested"
        by = row.get("reviewed_by") or row.get("author") or ""
        at = row.get("reviewed_at") or row.get("created_at") or ""
        findings.setdefault(item_id, []).append(IndicatorFinding(row["indicator"], label, status, evidence, by, at))
        if status == "confirmed" and row.get("category") == "minors":
            extra.sensitive_items.add(item_id)
        box = row.get("region")
        width, height, meta = sizes.get(item_id, (None, None, "{}"))
        if box and width and height and status == "confirmed":
            orientation = _orientation(meta)
            x, y, w, h = upright_box((box["x"], box["y"], box["w"], box["h"]), width, height, orientation)
            n = len(regions.get(item_id, [])) + 1
            text = f"{label} ({row['indicator']})" + (f": {row['note']}" if row.get("note") else "")
            regions.setdefault(item_id, []).append(
                Region(f"R{n}", x, y, w, h, text, row.get("author") or "", row.get("created_at") or "")
            )
    extra.indicators = {k: tuple(v) for k, v in findings.items()}
    extra.regions = {k: tuple(v) for k, v in regions.items()}
    versions = [v.get("version", "") for v in api.taxonomy_versions(case)]
    extra.indicator_method = (
        "indicators come from the workstation's taxonomy of online trafficking indicators"
        + (f" (version {', '.join(v for v in versions if v)})" if any(versions) else "")
        + ", compiled from public sources (UNODC, ILO, Europol/EMPACT, OSCE, academic studies of online ads). "
        "The tool suggests indicators where text patterns match; a suggestion is not a finding. Only indicators "
        "an analyst confirmed are reported as findings; machine suggestions appear only when asked for, in a "
        "separate table marked as such, and rejected suggestions are not reported."
    )


def _orientation(meta: Any) -> int:
    import json

    try:
        data = json.loads(meta) if isinstance(meta, str) else (meta or {})
        return int(data.get("orientation", 1) or 1)
    except (ValueError, TypeError, AttributeError):
        return 1


def _selectors(case: Case, item_ids: list[int], extra: ExtraData) -> None:
    from workstation import annotations as api

    wanted = set(item_ids)
    rows: list[SelectorLink] = []
    per_item: dict[int, list[SelectorRef]] = {}
    for sel in api.selectors_for(case):
        items = tuple(sel["items"])
        rows.append(SelectorLink(sel["kind"], sel["value"], items, len(items)))
        for item_id in items:
            if item_id in wanted:
                per_item.setdefault(item_id, []).append(SelectorRef(sel["kind"], sel["value"]))
    extra.selector_rows = rows
    extra.selectors = {k: tuple(sorted(v, key=lambda s: (s.kind, s.value))) for k, v in per_item.items()}
    if wanted:
        raw: dict[str, set[str]] = {}
        for value, written in case.db.execute(
            "SELECT s.value, l.raw FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
            f"WHERE l.item_id IN ({','.join('?' * len(wanted))}) AND l.raw IS NOT NULL",
            sorted(wanted),
        ):
            if written and written.strip() and written != value:
                raw.setdefault(value, set()).add(written)
        extra.selector_raw = raw
    region = case.meta.get("default_region") or "none"
    extra.selector_method = (
        "phone numbers, e-mail addresses, URLs and their platforms, handles, messaging links and IDs and "
        "crypto-wallet addresses are extracted from page text, file names, URLs, EXIF and (where Tesseract is "
        f"installed) text recognised in images. Phone numbers are normalised to E.164 with libphonenumber "
        f"(default region {region}), also when written with spaces, words or other obfuscation. A selector "
        "links the items it appears on; it identifies an account or number, not a person."
    )


MAX_NEAR_DUPLICATES = 30
_KIND_LABELS = {
    "exact": "SHA-256",
    "phash": "pHash",
    "pdq": "PDQ",
    "window": "pHash of a sub-window (crop)",
}


def _near_duplicates(case: Case, item_ids: list[int], extra: ExtraData) -> None:
    import json

    from workstation.casework.duplicates import not_duplicate_pairs
    from workstation.dedup import DEFAULT_THRESHOLD, phash
    from workstation.dedup import clusters as cl
    from workstation.dedup.phash import DIHEDRAL, ImageHashes
    from workstation.dedup.service import thumbnail_source, verifies

    wanted = set(item_ids)
    rows = case.db.execute(
        "SELECT i.id, i.kind, i.sha256, coalesce(i.title, i.original_name, ''), d.data "
        "FROM items i JOIN dedup_hashes d ON d.item_id = i.id ORDER BY i.id"
    ).fetchall()
    ids = [r[0] for r in rows]
    refs = {r[0]: ItemRef(r[0], r[3] or f"item {r[0]}", r[2], r[1]) for r in rows}
    hashes = [ImageHashes.from_json(json.loads(r[4])) for r in rows]
    found: dict[int, dict[int, NearDuplicate]] = {i: {} for i in item_ids}

    # Exact copies: the same bytes imported more than once (any kind of item).
    if wanted:
        marks = ",".join("?" * len(wanted))
        for a, b, kind, sha, label in case.db.execute(
            f"SELECT x.id, y.id, y.kind, y.sha256, coalesce(y.title, y.original_name, '') FROM items x "
            f"JOIN items y ON y.sha256 = x.sha256 AND y.id != x.id WHERE x.id IN ({marks}) ORDER BY x.id, y.id",
            sorted(wanted),
        ):
            found[a][b] = NearDuplicate(ItemRef(b, label or f"item {b}", sha, kind), 0, "exact copy (same SHA-256)")

    refused = not_duplicate_pairs(case)
    inverse = {name: DIHEDRAL[cl.DIHEDRAL_INVERSE[k]] for k, name in enumerate(DIHEDRAL)}
    # The same matching as `workstation dedupe`: hashes, then the local-feature check just beyond.
    pixels = thumbnail_source(case, ids) if verifies(len(ids), None) else None
    for i, j, ev in cl.find_matches(hashes, DEFAULT_THRESHOLD, pixels):
        a, b = ids[i], ids[j]
        if (min(a, b), max(a, b)) in refused or ev.kind == "exact":
            continue
        for mine, other, evidence in (
            (a, b, ev),
            (b, a, replace(ev, transform=inverse.get(ev.transform, ev.transform))),
        ):
            if mine in found and other not in found[mine]:
                how = f"{_KIND_LABELS.get(evidence.kind, evidence.kind)}: {evidence.describe()}"
                found[mine][other] = NearDuplicate(refs[other], evidence.distance, how)
    if wanted:
        marks = ",".join("?" * len(wanted))
        listed: dict[int, list[Field]] = {}
        for item_id, name, label, kind, distance in case.db.execute(
            "SELECT m.item_id, s.name, coalesce(e.label, ''), m.kind, m.distance FROM dedup_hashset_matches m "
            "JOIN dedup_hashset_entries e ON e.id = m.entry_id JOIN dedup_hashsets s ON s.id = e.hashset_id "
            f"WHERE m.item_id IN ({marks}) ORDER BY m.item_id, s.name, e.id",
            sorted(wanted),
        ):
            how = f"{kind.upper()} " + ("identical" if distance == 0 else f"distance {distance}")
            listed.setdefault(item_id, []).append(Field(f"{name}" + (f" — {label}" if label else ""), how))
        extra.hashset_matches = {k: tuple(v) for k, v in listed.items()}
    for item_id, matches in found.items():
        ordered = sorted(matches.values(), key=lambda d: (d.distance, d.ref.item_id))
        if ordered:
            extra.near_duplicates[item_id] = tuple(ordered[:MAX_NEAR_DUPLICATES])
    # The calibration is read from the dedup code itself, so the method section never drifts from it.
    details = [
        f"at most {DEFAULT_THRESHOLD} on the 64-bit pHash scale",
        f"PDQ distances divided by {cl.PDQ_BITS_PER_UNIT}, up to {cl.PDQ_MAX} of 256 bits",
        f"sub-window (crop) matches carry a penalty of {cl.WINDOW_PENALTY}",
    ]
    extra.perceptual_method = (
        "every image is hashed at import with pHash (64 bits, the format of the imagehash library) and PDQ "
        "(256 bits), each in its eight mirror/rotation variants, after removing uniform borders and screenshot "
        f"frames, plus pHashes of sub-windows to find crops (hash version {phash.HASH_VERSION}). "
        f"Two pictures are listed as near-duplicates when their distance is {'; '.join(details)}. "
        f"Nearly uniform pictures (grey-level deviation below {phash.FLAT_STD}) are matched only as exact copies. "
        + (
            f"Pairs up to {cl.VERIFY_MARGIN} beyond that distance were also listed when their stored thumbnails "
            f"share at least {_verify_min()} local features (ORB keypoints) that one rotation, scale and shift "
            "carries onto each other (RANSAC); such a pair shows its hash distance and says how many features "
            "agreed. "
            if pixels is not None
            else "Pairs just beyond that distance were not checked on local features (a case this large is "
            "matched on hashes alone). "
        )
        + f"Pairs an analyst marked as not the same picture ({len(refused)}) are not listed. A small distance "
        "says two pictures look alike; it does not prove they show the same person."
    )


def _verify_min() -> int:
    from workstation.dedup.verify import MIN_INLIERS

    return MIN_INLIERS


__all__ = ["ExtraData", "ItemRef", "SelectorLink", "gather"]
