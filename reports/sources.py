"""Findings written by other feature areas (indicators, selectors, regions, near-duplicates).

Each reader checks that its area's data exists in the case and otherwise says, once, that the
section is "not available" — a case made by an older version, or one where dedup or selector
extraction has not been run, still gives a complete, honest report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
    selector_rows: list[SelectorLink] | None = None
    selectors_note: str = ""
    sensitive_items: set[int] = field(default_factory=set)
    remarks: list[str] = field(default_factory=list)
    perceptual_method: str = ""
    indicator_method: str = ""
    selector_method: str = ""


def _tables(case: Case) -> set[str]:
    return set(case.db.table_names())


def gather(case: Case, item_ids: list[int]) -> ExtraData:
    """Read every other area's findings for the given items."""
    extra = ExtraData()
    tables = _tables(case)
    _indicators(case, item_ids, tables, extra)
    _selectors(case, item_ids, tables, extra)
    _near_duplicates(case, item_ids, tables, extra)
    return extra


def _indicators(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    extra.remarks.append(
        "Indicators and annotated regions: not available in this case file (no indicator annotations recorded)."
    )
    extra.indicator_method = "Not available: this case holds no indicator annotations."


def _selectors(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    extra.selector_rows = None
    extra.selectors_note = "Selectors are not available in this case file (selector extraction has not been run)."
    extra.remarks.append("Selectors: not available in this case file.")


MAX_NEAR_DUPLICATES = 30
_KIND_LABELS = {
    "exact": "SHA-256",
    "phash": "pHash",
    "pdq": "PDQ",
    "window": "pHash of a sub-window (crop)",
}


def _near_duplicates(case: Case, item_ids: list[int], tables: set[str], extra: ExtraData) -> None:
    if "dedup_hashes" not in tables:
        extra.remarks.append(
            "Near-duplicates: not available in this case file (perceptual-hash matching has not been run)."
        )
        extra.perceptual_method = (
            "Not available: no perceptual hashes or near-duplicate matches are recorded in this case."
        )
        return
    import json

    from workstation.dedup import clusters as cl
    from workstation.dedup.phash import DIHEDRAL, HASH_VERSION, MIN_QUALITY, ImageHashes
    from workstation.dedup.service import not_duplicate_pairs

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
    for i, j, ev in cl.find_matches(hashes, cl.DEFAULT_THRESHOLD):
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
    if "dedup_hashset_matches" in tables and wanted:
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
    extra.perceptual_method = (
        "every image is hashed at import with pHash (64 bits, the format of the imagehash library) and "
        "PDQ (256 bits), each in its eight mirror/rotation variants, after removing uniform borders and "
        "screenshot frames, plus pHashes of sub-windows to find crops "
        f"(hash version {HASH_VERSION}). Two pictures are listed as near-duplicates when their distance is "
        f"at most {cl.DEFAULT_THRESHOLD} on the 64-bit pHash scale (PDQ distances are divided by "
        f"{cl.PDQ_BITS_PER_UNIT}; sub-window matches carry a penalty of {cl.WINDOW_PENALTY}); pictures with "
        f"too little structure (PDQ quality below {MIN_QUALITY}) are not matched on hashes alone. "
        f"Pairs an analyst marked as not the same picture ({len(refused)}) are not listed. A small distance "
        "says two pictures look alike; it does not prove they show the same person."
    )


__all__ = ["ExtraData", "ItemRef", "SelectorLink", "gather"]
