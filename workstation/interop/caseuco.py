"""CASE/UCO JSON-LD export: the investigation, its files with hashes, provenance and annotations.

CASE (Cyber-investigation Analysis Standard Expression, https://caseontology.org) on UCO is the
exchange format forensic tools share. Mapping (validated with ``case_validate``, CASE 1.5.0):

* the case                       -> ``case-investigation:Investigation`` (name, description, objects)
* every item                     -> ``uco-observable:File`` with ``FileFacet`` (name, path, size)
                                    and ``ContentDataFacet`` (SHA-256 + MD5 as ``uco-types:Hash``,
                                    MIME type; pHash/PDQ too when the dedup table has them)
* where an item came from        -> ``case-investigation:InvestigativeAction`` (import: who, when,
                                    with which tool) whose result is a ``ProvenanceRecord`` for the
                                    item (``exhibitNumber`` for marked exhibits); a source URL is a
                                    ``uco-observable:URL`` linked ``Downloaded_From``; an embedded
                                    image is ``Contained_Within`` its page or archive
* notes and tags                 -> ``uco-core:Annotation`` (an Assertion) about the File
* the register (persons, roles,  -> see :mod:`workstation.networks.uco`
  accounts, platforms)
* selectors                      -> ``PhoneAccount`` (E.164), ``EmailAddress``, ``URL``, others a
                                    ``DigitalAccount`` (display name, the kind in the description),
                                    each ``Contained_Within`` the files it was found in
* confirmed indicator findings   -> ``uco-core:Annotation`` (tag ``indicator:<id>``) about the File
* watchlist hits                 -> ``uco-core:Annotation`` (tag ``watchlist:<list>``) about the Files

The graph is written node by node, so a large case is never held in memory as one document.
IRIs are UUIDv5 of the case and the row, so exporting twice gives the same identifiers.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workstation import __version__
from workstation.case import Case
from workstation.errors import UsageError
from workstation.interop.hashsets import perceptual_hashes
from workstation.progress import Progress

CONTEXT = {
    "kb": "urn:evidence-workstation:",
    "case-investigation": "https://ontology.caseontology.org/case/investigation/",
    "uco-action": "https://ontology.unifiedcyberontology.org/uco/action/",
    "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
    "uco-identity": "https://ontology.unifiedcyberontology.org/uco/identity/",
    "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/",
    "uco-role": "https://ontology.unifiedcyberontology.org/uco/role/",
    "uco-tool": "https://ontology.unifiedcyberontology.org/uco/tool/",
    "uco-types": "https://ontology.unifiedcyberontology.org/uco/types/",
    "uco-vocabulary": "https://ontology.unifiedcyberontology.org/uco/vocabulary/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _dt(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    return {"@type": "xsd:dateTime", "@value": value}


def _int(value: int | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"@type": "xsd:integer", "@value": str(int(value))}


def _hash(iri: str, method: str, value: str) -> dict[str, Any]:
    # UCO >= 1.4: the method is a plain string from HashNameVocab (SHA256, MD5, ...).
    return {
        "@id": iri,
        "@type": "uco-types:Hash",
        "uco-types:hashMethod": method,
        "uco-types:hashValue": {"@type": "xsd:hexBinary", "@value": value.lower()},
    }


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    """Drop empty properties (JSON-LD treats null as absent, but the output stays tidy)."""
    return {k: v for k, v in node.items() if v is not None and v != [] and v != ""}


class _Ids:
    def __init__(self, case: Case) -> None:
        seed = "|".join([case.meta.get("created_at", ""), case.meta.get("case_number", ""), case.meta.get("title", "")])
        self._ns = uuid.uuid5(uuid.NAMESPACE_URL, "evidence-workstation:" + seed)

    def __call__(self, kind: str, *key: object) -> str:
        return f"kb:{kind}-{uuid.uuid5(self._ns, kind + '|' + '|'.join(map(str, key)))}"


def export_case_uco(case: Case, out: Path, *, progress: Progress | None = None) -> dict[str, Any]:
    """Write the case as CASE/UCO JSON-LD to ``out`` (atomically).

    Returns:
        Counts of what was written: files, provenance records, annotations, exhibits.
    """
    progress = progress or Progress()
    out = Path(out)
    if out.exists():
        raise UsageError("a file with this name already exists; choose another name", out)
    partial = out.with_name(out.name + ".partial")
    counts = {
        "files": 0,
        "provenance_records": 0,
        "annotations": 0,
        "exhibits": 0,
        "urls": 0,
        "selectors": 0,
        "indicator_findings": 0,
        "watchlist_hits": 0,
    }
    try:
        with partial.open("x", encoding="utf-8") as fh:
            fh.write('{\n"@context": ' + json.dumps(CONTEXT) + ',\n"@graph": [\n')
            first = True
            for node in _nodes(case, counts, progress):
                if not first:
                    fh.write(",\n")
                fh.write(json.dumps(node, ensure_ascii=False))
                first = False
            fh.write("\n]\n}\n")
            fh.flush()
            os.fsync(fh.fileno())
        partial.replace(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    case.audit("interop.case_uco_exported", {"file": out.name, **counts})
    return {"file": str(out), **counts}


def _nodes(case: Case, counts: dict[str, int], progress: Progress) -> Iterator[dict[str, Any]]:
    db = case.db
    ids = _Ids(case)
    meta = case.meta
    tool = ids("Tool", "evidence-workstation")
    yield {
        "@id": tool,
        "@type": "uco-tool:Tool",
        "uco-core:name": "Evidence Workstation",
        "uco-tool:version": __version__,
        "uco-tool:toolType": "Evidence review and exchange",
    }
    analysts: dict[str, str] = {}

    def person(name: str | None) -> str | None:
        if not name:
            return None
        if name not in analysts:
            analysts[name] = ids("Identity", name)
        return analysts[name]

    exhibits = {r[0]: r[1] for r in db.execute("SELECT item_id, number FROM exhibits")}
    perceptual = perceptual_hashes(db)
    members: list[str] = []
    total = case.count_items()
    progress.start(total, "CASE/UCO")
    for item in case.items():
        item_id = item["id"]
        file_iri = ids("File", item_id)
        members.append(file_iri)
        hashes = [("SHA256", item["sha256"])]
        if item.get("md5"):
            hashes.append(("MD5", item["md5"]))
        hash_nodes = [_hash(ids("Hash", item_id, m), m, v) for m, v in hashes]
        name = item.get("original_name") or ""
        ext = name.rsplit(".", 1)[1] if "." in name else None
        yield _clean(
            {
                "@id": file_iri,
                "@type": "uco-observable:File",
                "uco-core:name": name or None,
                "uco-core:description": f"item {item_id} ({item.get('kind')})",
                "uco-core:hasFacet": [
                    _clean(
                        {
                            "@id": ids("FileFacet", item_id),
                            "@type": "uco-observable:FileFacet",
                            "uco-observable:fileName": name or None,
                            "uco-observable:filePath": item.get("source_path"),
                            "uco-observable:extension": ext,
                            "uco-observable:sizeInBytes": _int(item.get("size")),
                        }
                    ),
                    _clean(
                        {
                            "@id": ids("ContentDataFacet", item_id),
                            "@type": "uco-observable:ContentDataFacet",
                            "uco-observable:mimeType": item.get("mime"),
                            "uco-observable:sizeInBytes": _int(item.get("size")),
                            "uco-observable:hash": hash_nodes,
                        }
                    ),
                ],
            }
        )
        counts["files"] += 1
        # pHash/PDQ are not in UCO's HashNameVocab: they travel as the tool's assertion instead.
        similar = perceptual.get(item_id, [])
        if similar:
            iri = ids("Annotation", "perceptual", item_id)
            members.append(iri)
            yield {
                "@id": iri,
                "@type": "uco-core:Annotation",
                "uco-core:statement": "; ".join(f"{m} {v}" for m, v in similar),
                "uco-core:tag": [f"{m}:{v}" for m, v in similar],
                "uco-core:object": [{"@id": file_iri}],
            }
            counts["annotations"] += 1
        # Where it came from: a URL it was captured from, a page or archive it sat in.
        url = item.get("final_url") or item.get("source_url")
        if url:
            url_iri = ids("URL", url)
            members.append(url_iri)
            yield {
                "@id": url_iri,
                "@type": "uco-observable:URL",
                "uco-core:hasFacet": [
                    {
                        "@id": ids("URLFacet", url),
                        "@type": "uco-observable:URLFacet",
                        "uco-observable:fullValue": url,
                    }
                ],
            }
            rel = ids("Relationship", item_id, "url")
            members.append(rel)
            yield _relationship(rel, file_iri, url_iri, "Downloaded_From", item.get("captured_at"))
            counts["urls"] += 1
        if item.get("parent_id"):
            rel = ids("Relationship", item_id, "parent")
            members.append(rel)
            yield _relationship(rel, file_iri, ids("File", item["parent_id"]), "Contained_Within", None)
        record = ids("ProvenanceRecord", item_id)
        number = exhibits.get(item_id)
        members.append(record)
        description = "; ".join(
            part
            for part in [
                f"capture method: {item['capture_method']}" if item.get("capture_method") else "",
                f"importer: {item['importer']}" if item.get("importer") else "",
                f"source: {item.get('source_url') or item.get('source_path')}"
                if item.get("source_url") or item.get("source_path")
                else "",
                f"captured at {item['captured_at']}" if item.get("captured_at") else "",
            ]
            if part
        )
        yield _clean(
            {
                "@id": record,
                "@type": "case-investigation:ProvenanceRecord",
                "uco-core:name": f"Exhibit {number}" if number is not None else f"Item {item_id}",
                "uco-core:description": description or None,
                "case-investigation:exhibitNumber": str(number) if number is not None else None,
                "uco-core:object": [{"@id": file_iri}],
            }
        )
        counts["provenance_records"] += 1
        counts["exhibits"] += number is not None
        action = ids("InvestigativeAction", item_id)
        members.append(action)
        yield _clean(
            {
                "@id": action,
                "@type": "case-investigation:InvestigativeAction",
                "uco-core:name": "import",
                "uco-core:description": f"imported by {item.get('importer') or 'the workstation'}",
                "uco-action:startTime": _dt(item.get("imported_at")),
                "uco-action:performer": {"@id": person(item.get("analyst"))} if item.get("analyst") else None,
                "uco-action:instrument": [{"@id": tool}],
                "uco-action:result": [{"@id": record}],
            }
        )
        progress.step()
    for note_id, item_id, author, created_at, text in db.execute(
        "SELECT id, item_id, author, created_at, text FROM notes ORDER BY id"
    ):
        iri = ids("Annotation", "note", note_id)
        members.append(iri)
        yield _clean(
            {
                "@id": iri,
                "@type": "uco-core:Annotation",
                "uco-core:statement": text,
                "uco-core:createdBy": {"@id": person(author)} if author else None,
                "uco-core:objectCreatedTime": _dt(created_at),
                "uco-core:object": [{"@id": ids("File", item_id)}],
            }
        )
        counts["annotations"] += 1
    tags: dict[int, list[str]] = {}
    for item_id, tag in db.execute("SELECT item_id, tag FROM tags ORDER BY item_id, tag"):
        tags.setdefault(item_id, []).append(tag)
    for item_id, values in tags.items():
        iri = ids("Annotation", "tags", item_id)
        members.append(iri)
        yield {
            "@id": iri,
            "@type": "uco-core:Annotation",
            "uco-core:statement": "tagged: " + ", ".join(values),
            "uco-core:tag": values,
            "uco-core:object": [{"@id": ids("File", item_id)}],
        }
        counts["annotations"] += 1
    from workstation.networks.uco import register_nodes

    yield from register_nodes(case, ids, members, counts, _relationship)
    yield from _findings(case, ids, members, counts, person)
    for name, iri in analysts.items():
        yield {"@id": iri, "@type": "uco-identity:Identity", "uco-core:name": name}
    description = "; ".join(
        f"{label}: {meta[key]}"
        for key, label in [("case_number", "case number"), ("agency", "agency"), ("analyst", "analyst")]
        if meta.get(key)
    )
    yield _clean(
        {
            "@id": ids("Investigation", "case"),
            "@type": "case-investigation:Investigation",
            "uco-core:name": meta.get("title") or "case",
            "uco-core:description": description or None,
            "case-investigation:investigationForm": "case",
            "uco-core:objectCreatedTime": _dt(meta.get("created_at")),
            "uco-core:object": [{"@id": m} for m in members] + [{"@id": tool}],
        }
    )


def _selector_node(iri: str, facet: str, kind: str, value: str, platform: str | None) -> dict[str, Any]:
    if kind == "phone":
        typ, ftyp, prop = (
            "uco-observable:PhoneAccount",
            "uco-observable:PhoneAccountFacet",
            "uco-observable:phoneNumber",
        )
    elif kind == "email":
        typ, ftyp, prop = (
            "uco-observable:EmailAddress",
            "uco-observable:EmailAddressFacet",
            "uco-observable:addressValue",
        )
    elif kind == "url":
        typ, ftyp, prop = "uco-observable:URL", "uco-observable:URLFacet", "uco-observable:fullValue"
    else:
        typ, ftyp, prop = (
            "uco-observable:DigitalAccount",
            "uco-observable:DigitalAccountFacet",
            "uco-observable:displayName",
        )
    return {
        "@id": iri,
        "@type": typ,
        "uco-core:description": f"selector: {kind}" + (f" ({platform})" if platform else ""),
        "uco-core:hasFacet": [{"@id": facet, "@type": ftyp, prop: value}],
    }


def _findings(
    case: Case, ids: _Ids, members: list[str], counts: dict[str, int], person: Any
) -> Iterator[dict[str, Any]]:
    """Selectors with the files they were found in, confirmed indicator findings, watchlist hits."""
    db = case.db
    links: dict[tuple[str, str], tuple[str | None, list[int]]] = {}
    for kind, value, item_id, platform in db.execute(
        "SELECT s.kind, s.value, l.item_id, max(l.platform) FROM selectors s"
        " JOIN selector_links l ON l.selector_id = s.id GROUP BY s.id, l.item_id ORDER BY s.kind, s.value, l.item_id"
    ):
        entry = links.setdefault((kind, value), (platform, []))
        entry[1].append(item_id)
    for (kind, value), (platform, items) in links.items():
        iri = ids("Selector", kind, value) if kind != "url" else ids("URL", value)
        members.append(iri)
        yield _selector_node(iri, ids("SelectorFacet", kind, value), kind, value, platform)
        for item_id in items:
            rel = ids("Relationship", "selector", kind, value, item_id)
            members.append(rel)
            yield _relationship(rel, iri, ids("File", item_id), "Contained_Within", None)
        counts["selectors"] += 1
    for ann_id, item_id, indicator, reviewer, reviewed_at, note in db.execute(
        "SELECT id, item_id, indicator, reviewed_by, reviewed_at, note FROM annotations"
        " WHERE status = 'confirmed' ORDER BY id"
    ):
        iri = ids("Annotation", "indicator", ann_id)
        members.append(iri)
        yield _clean(
            {
                "@id": iri,
                "@type": "uco-core:Annotation",
                "uco-core:statement": f"indicator {indicator} confirmed" + (f": {note}" if note else ""),
                "uco-core:tag": [f"indicator:{indicator}"],
                "uco-core:createdBy": {"@id": person(reviewer)} if reviewer else None,
                "uco-core:objectCreatedTime": _dt(reviewed_at),
                "uco-core:object": [{"@id": ids("File", item_id)}],
            }
        )
        counts["indicator_findings"] += 1
    from workstation.watchlists.service import hits

    for hit in hits(case):
        iri = ids("Annotation", "watchlist", hit.list, hit.kind, hit.value)
        members.append(iri)
        source = f" from {hit.agency}" if hit.agency else ""
        label = f": {hit.label}" if hit.label else ""
        yield {
            "@id": iri,
            "@type": "uco-core:Annotation",
            "uco-core:statement": f"watchlist hit: {hit.kind} {hit.value} on list {hit.list!r}{source}{label}",
            "uco-core:tag": [f"watchlist:{hit.list}", f"{hit.kind}:{hit.value}"],
            "uco-core:object": [{"@id": ids("File", i)} for i in hit.items],
        }
        counts["watchlist_hits"] += 1


def _relationship(iri: str, source: str, target: str, kind: str, when: str | None) -> dict[str, Any]:
    return _clean(
        {
            "@id": iri,
            "@type": "uco-core:Relationship",
            "uco-core:source": [{"@id": source}],
            "uco-core:target": {"@id": target},
            "uco-core:kindOfRelationship": kind,  # a CyberItemRelationshipVocab member
            "uco-core:isDirectional": True,
            "uco-core:startTime": _dt(when),
        }
    )
