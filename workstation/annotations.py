"""Indicators and selectors inside a case: the API the CLI, the UI and reports call.

* Annotations: an indicator on an item, with a text span or an image region. Machine suggestions
  (``origin='machine'``, ``status='suggested'``) come from :func:`scan_items`; the analyst confirms
  or rejects them, or adds their own (``origin='analyst'``). Only confirmed indicators are findings.
* Selectors: phone numbers (E.164), e-mail addresses, URLs, handles, wallets, devices, each linked
  to the items it appears on, with the field, the text as written and a context snippet.

Every change writes an audit entry. Functions take an open :class:`~workstation.case.Case` and run
in one transaction each (joining the caller's, e.g. the import batch).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.case import Case, utc_now
from workstation.errors import UsageError
from workstation.indicators import (
    Indicator,
    Scanner,
    ScoreExplanation,
    Taxonomy,
    TaxonomyError,
    combined_score,
    custom_indicator,
    default_path,
    load_taxonomy,
)
from workstation.progress import Progress
from workstation.selectors import extract_from_item, page_url_of, platform_of

STATUSES = ("suggested", "confirmed", "rejected")
INDICATOR_METHOD = (
    "Indicators come from the Evidence Workstation online-trafficking taxonomy (version {version}), "
    "written from public UNODC, ILO, Europol/EMPACT, OSCE and academic sources. Text is normalised "
    "(case, accents, leetspeak, spaced letters, look-alike letters, emoji), reduced to lemmas, and "
    "matched against patterns and example phrases in 16 languages and a few language-independent rules "
    "(pay and prices as amounts, contact by messenger only); each suggestion records which words and "
    "which pattern, phrase or rule. Matches are only suggestions until an analyst confirms them. Weights "
    "reflect published evidence (e.g. 'new in town' was found not predictive; youthful language, "
    "obscured phone numbers, provider ethnicity and trust language were) and combine as 1 - prod(1 - w)."
)
SELECTOR_METHOD = (
    "Selectors are extracted from page text, titles, file names, URLs, EXIF fields and OCR text: phone "
    "numbers are validated and normalised to E.164 with libphonenumber (region of the case, or one "
    "inferred from the page's domain, currency, the case's time zone or the page's language, "
    "recorded with the number; numbers that are possible but not valid are listed as unverified), "
    "including numbers spelled out or disguised; e-mail addresses (also 'name at domain dot com'), "
    "URLs and their platform, handles and messenger links, crypto wallets with checksum checks, IBANs "
    "(mod-97 check), payment handles and vehicle plates where the text names them."
)


# -- taxonomy of a case ------------------------------------------------------------------------
def _custom(case: Case, base: Taxonomy) -> list[Indicator]:
    out = []
    for row in case.db.query("SELECT * FROM custom_indicators ORDER BY code"):
        out.append(
            custom_indicator(
                row["code"],
                row["label_en"],
                category=row["category"],
                taxonomy=base,
                label_nl=row["label_nl"],
                description=row["description"] or "",
                weight=row["weight"],
                patterns=json.loads(row["patterns"]),
            )
        )
    return out


_SCANNERS: dict[str, Scanner] = {}


def _scanner_for(case: Case) -> Scanner:
    """A compiled scanner for this case's taxonomy, reused across import batches and scans."""
    rows = [
        tuple(r)
        for r in case.db.execute("SELECT code, category, weight, patterns FROM custom_indicators ORDER BY code")
    ]
    key = load_taxonomy().version + json.dumps(rows)
    scanner = _SCANNERS.get(key)
    if scanner is None:
        if len(_SCANNERS) > 8:
            _SCANNERS.clear()
        scanner = _SCANNERS[key] = Scanner(taxonomy_for(case))
    return scanner


def taxonomy_for(case: Case) -> Taxonomy:
    """The shipped taxonomy plus this case's own indicators."""
    base = load_taxonomy()
    return base.with_custom(_custom(case, base))


def _taxonomy_sha256() -> str:
    return hashlib.sha256(default_path().read_bytes()).hexdigest()


def record_taxonomy_version(case: Case) -> str:
    """Note that this case used the current taxonomy version (audited the first time)."""
    tax = load_taxonomy()
    now = utc_now()
    with case.transaction():
        row = case.db.execute("SELECT version FROM indicator_taxonomies WHERE version = ?", [tax.version]).fetchone()
        if row is None:
            sha = _taxonomy_sha256()
            case.db.execute(
                "INSERT INTO indicator_taxonomies (version, sha256, first_used_at, last_used_at) VALUES (?, ?, ?, ?)",
                [tax.version, sha, now, now],
            )
            case.audit("indicators.taxonomy_used", {"version": tax.version, "sha256": sha})
        else:
            case.db.execute("UPDATE indicator_taxonomies SET last_used_at = ? WHERE version = ?", [now, tax.version])
    return tax.version


def taxonomy_versions(case: Case) -> list[dict[str, Any]]:
    return [dict(r) for r in case.db.query("SELECT * FROM indicator_taxonomies ORDER BY first_used_at")]


def add_custom_indicator(
    case: Case,
    code: str,
    label: str,
    *,
    category: str,
    label_nl: str | None = None,
    description: str = "",
    weight: float = 0.2,
    patterns: dict[str, list[str]] | None = None,
) -> Indicator:
    """Add the analyst's own indicator to this case (validated like the taxonomy's).

    Raises:
        TaxonomyError: invalid code, category, weight or pattern, or a code already in use.
    """
    tax = taxonomy_for(case)
    if code in tax.indicators:
        raise TaxonomyError(f"indicator code {code} is already in use")
    ind = custom_indicator(
        code,
        label,
        category=category,
        taxonomy=tax,
        label_nl=label_nl,
        description=description,
        weight=weight,
        patterns=patterns,
    )
    with case.transaction():
        case.db.execute(
            "INSERT INTO custom_indicators (code, category, label_en, label_nl, description, weight, patterns, "
            "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                code,
                category,
                label,
                label_nl,
                description,
                weight,
                json.dumps(patterns or {}, ensure_ascii=False),
                utc_now(),
                case.analyst,
            ],
        )
        case.audit(
            "indicators.custom_added",
            {"code": code, "label": label, "category": category, "weight": weight, "patterns": patterns or {}},
        )
    return ind


# -- annotations -------------------------------------------------------------------------------
def _parse_region(region: Any) -> tuple[int, int, int, int] | None:
    if region is None:
        return None
    if isinstance(region, str):
        try:
            parts = [int(float(p)) for p in region.replace(" ", "").split(",")]
        except ValueError as exc:
            raise UsageError(f"region must be x,y,w,h in pixels, not {region!r}") from exc
    else:
        parts = [int(p) for p in region]
    if len(parts) != 4 or parts[2] <= 0 or parts[3] <= 0 or parts[0] < 0 or parts[1] < 0:
        raise UsageError(f"region must be x,y,w,h with positive width and height, not {region!r}")
    return (parts[0], parts[1], parts[2], parts[3])


def _row(r: dict[str, Any], tax: Taxonomy | None = None, language: str = "en") -> dict[str, Any]:
    """An annotation as JSON (contract: item, indicator, status, note, span or region)."""
    out: dict[str, Any] = {
        "id": r["id"],
        "item": r["item_id"],
        "indicator": r["indicator"],
        "status": r["status"],
        "note": r["note"],
        "origin": r["origin"],
    }
    if tax is not None and r["indicator"] in tax.indicators:
        ind = tax.indicators[r["indicator"]]
        out["label"] = ind.label_in(language)
        out["category"] = ind.category
        out["weight"] = ind.weight
    if r["span_start"] is not None:
        out["span"] = {"field": r["field"], "start": r["span_start"], "end": r["span_end"], "text": r["matched_text"]}
    if r["region_x"] is not None:
        out["region"] = {"x": r["region_x"], "y": r["region_y"], "w": r["region_w"], "h": r["region_h"]}
    out.update(
        {
            "detail": r["detail"],
            "explanation": _explanation(r),
            "taxonomy_version": r["taxonomy_version"],
            "author": r["author"],
            "created_at": r["created_at"],
            "reviewed_by": r["reviewed_by"],
            "reviewed_at": r["reviewed_at"],
        }
    )
    return out


def _explanation(r: dict[str, Any]) -> dict[str, Any] | None:
    """How the suggestion was found (method, words, rule or exemplar, weight); None for the analyst's own."""
    raw = r.get("explanation")
    if raw:
        try:
            out = json.loads(raw)
        except ValueError:
            return None
        return out if isinstance(out, dict) else None
    if r.get("origin") == "machine" and r.get("matched_text"):
        # suggestions stored before taxonomy 2.0 kept only the words and a detail
        return {"method": "pattern", "words": [r["matched_text"]], "detail": r.get("detail")}
    return None


def explanation_text(ann: dict[str, Any]) -> str:
    """One readable line for the inspector: which words, which rule or exemplar, the weight."""
    ex = ann.get("explanation") or {}
    if not ex:
        return ""
    words = ", ".join(f"\u201c{w}\u201d" for w in ex.get("words") or [] if w)
    method = ex.get("method")
    if method == "exemplar":
        how = (
            f"like the {ex.get('language')} example \u201c{ex.get('exemplar')}\u201d "
            f"(similarity {ex.get('similarity')})"
        )
    elif method == "pattern":
        how = f"{ex.get('language') or ''} pattern".strip()
    elif method == "learned":
        how = f"learned from your decisions (similarity {ex.get('similarity')})"
    else:
        how = f"rule {ex.get('rule')}"
    weight = ex.get("weight", ann.get("weight"))
    tail = f"; weight {weight:.2f}" if isinstance(weight, (int, float)) else ""
    return f"{words} \u2014 {how}{tail}" if words else f"{how}{tail}"


def annotate(
    case: Case,
    item_id: int,
    code: str,
    *,
    note: str | None = None,
    region: Any = None,
    span: tuple[int, int] | None = None,
    field_name: str = "text",
) -> dict[str, Any]:
    """The analyst marks an indicator on an item (a confirmed finding, origin 'analyst').

    Args:
        region: ``(x, y, w, h)`` or ``"x,y,w,h"`` in pixels of the original image.
        span: ``(start, end)`` in the item's ``field_name`` text.

    Raises:
        UsageError: unknown item, bad region or span. TaxonomyError: unknown indicator code.
    """
    item = case.item(item_id)
    tax = taxonomy_for(case)
    tax.get(code)
    box = _parse_region(region)
    matched = None
    if box is not None and item.get("width") and item.get("height"):
        x, y, w, h = box
        if x + w > item["width"] or y + h > item["height"]:
            raise UsageError(f"region {x},{y},{w},{h} lies outside the {item['width']}x{item['height']} image")
    if span is not None:
        text = _field_text(case, item, field_name)
        s, e = span
        if not (0 <= s < e <= len(text)):
            raise UsageError(f"span {s}:{e} is outside the {field_name} text ({len(text)} characters)")
        matched = text[s:e]
    version = record_taxonomy_version(case)
    now = utc_now()
    with case.transaction():
        ann_id = int(
            case.db.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, note, field, span_start, span_end, "
                "matched_text, region_x, region_y, region_w, region_h, taxonomy_version, author, created_at, "
                "updated_at, reviewed_by, reviewed_at) "
                "VALUES (?, ?, 'confirmed', 'analyst', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?)",
                [
                    item_id,
                    code,
                    note,
                    field_name if span else None,
                    span[0] if span else None,
                    span[1] if span else None,
                    matched,
                    *(box or (None,) * 4),
                    version,
                    case.analyst,
                    now,
                    now,
                    case.analyst,
                    now,
                ],
            ).lastrowid
        )
        row = _get(case, ann_id)
        case.audit("annotation.added", {k: v for k, v in _row(row).items() if v is not None})
    return _row(row, tax)


def _get(case: Case, ann_id: int) -> dict[str, Any]:
    rows = list(case.db.query("SELECT * FROM annotations WHERE id = ?", [ann_id]))
    if not rows:
        raise UsageError(f"no annotation with id {ann_id}")
    return rows[0]


def _field_text(case: Case, item: dict[str, Any], field_name: str) -> str:
    if field_name == "ocr":
        row = case.db.execute("SELECT text FROM ocr_text WHERE item_id = ?", [item["id"]]).fetchone()
        return row[0] if row else ""
    if field_name == "file_name":
        return item.get("original_name") or ""
    return item.get(field_name) or ""


def set_status(case: Case, ann_id: int, status: str, note: str | None = None) -> dict[str, Any]:
    """Confirm, reject or re-open an annotation; audited with the previous status."""
    if status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}")
    with case.transaction():
        before = _get(case, ann_id)
        now = utc_now()
        new_note = note if note is not None else before["note"]
        case.db.execute(
            "UPDATE annotations SET status = ?, note = ?, updated_at = ?, reviewed_by = ?, reviewed_at = ? "
            "WHERE id = ?",
            [
                status,
                new_note,
                now,
                case.analyst if status != "suggested" else None,
                now if status != "suggested" else None,
                ann_id,
            ],
        )
        case.audit(
            f"annotation.{status}" if status != "suggested" else "annotation.reopened",
            {
                "id": ann_id,
                "item": before["item_id"],
                "indicator": before["indicator"],
                "origin": before["origin"],
                "previous_status": before["status"],
                "note": new_note,
            },
        )
        after = _get(case, ann_id)
    return _row(after, taxonomy_for(case))


def confirm(case: Case, ann_id: int, note: str | None = None) -> dict[str, Any]:
    return set_status(case, ann_id, "confirmed", note)


def reject(case: Case, ann_id: int, note: str | None = None) -> dict[str, Any]:
    return set_status(case, ann_id, "rejected", note)


def annotations_for(
    case: Case, item_id: int | None = None, status: str | None = None, *, language: str = "en"
) -> list[dict[str, Any]]:
    """Annotations (all, or of one item / one status), in item then position order."""
    if status is not None and status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}")
    where, params = [], []
    if item_id is not None:
        case.item(item_id)
        where.append("item_id = ?")
        params.append(item_id)
    if status is not None:
        where.append("status = ?")
        params.append(status)
    sql = "SELECT * FROM annotations" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY item_id, COALESCE(span_start, -1), id"
    tax = taxonomy_for(case)
    return [_row(r, tax, language) for r in case.db.query(sql, params)]


def item_score(case: Case, item_id: int, *, language: str = "en") -> ScoreExplanation:
    """Combined, explained indicator score of one item (rejected annotations do not count)."""
    tax = taxonomy_for(case)
    case.item(item_id)
    entries = [
        (tax.indicators[r["indicator"]], r["status"])
        for r in case.db.query("SELECT indicator, status FROM annotations WHERE item_id = ?", [item_id])
        if r["indicator"] in tax.indicators
    ]
    return combined_score(entries, language)


def ranked_items(case: Case, limit: int | None = None) -> list[dict[str, Any]]:
    """Items with indicators, highest combined score first."""
    tax = taxonomy_for(case)
    per_item: dict[int, list[tuple[Indicator, str]]] = {}
    for r in case.db.query("SELECT item_id, indicator, status FROM annotations"):
        if r["indicator"] in tax.indicators:
            per_item.setdefault(r["item_id"], []).append((tax.indicators[r["indicator"]], r["status"]))
    rows = []
    for item_id, entries in per_item.items():
        sc = combined_score(entries)
        if sc.contributions:
            rows.append(
                {
                    "item": item_id,
                    "score": sc.score,
                    "confirmed_score": sc.confirmed_score,
                    "indicators": [c["code"] for c in sc.contributions],
                }
            )
    rows.sort(key=lambda r: (-r["score"], -r["confirmed_score"], r["item"]))
    return rows[:limit] if limit else rows


# -- scanning ----------------------------------------------------------------------------------
FIELD_ORDER = ("text", "title", "ocr", "file_name", "exif")


@dataclass
class ScanSummary:
    items: int = 0
    suggestions_added: int = 0
    selector_links_added: int = 0
    selectors_added: int = 0
    ocr_done: int = 0
    ocr_notice: str = ""
    taxonomy_version: str = ""
    per_item: dict[int, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "suggestions_added": self.suggestions_added,
            "selectors_added": self.selectors_added,
            "selector_links_added": self.selector_links_added,
            "ocr_done": self.ocr_done,
            "ocr_notice": self.ocr_notice,
            "taxonomy_version": self.taxonomy_version,
        }


def store_ocr(case: Case, item_id: int, result: dict[str, Any]) -> bool:
    """Keep the OCR text of an image inside the (encrypted) case; False when there is none."""
    text = (result or {}).get("text")
    if not text:
        return False
    case.db.execute(
        "INSERT INTO ocr_text (item_id, text, engine, version, languages, words, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(item_id) DO UPDATE SET text = excluded.text, "
        "engine = excluded.engine, version = excluded.version, "
        "languages = excluded.languages, words = excluded.words, created_at = excluded.created_at",
        [
            item_id,
            text,
            result.get("engine"),
            result.get("version"),
            "+".join(result.get("languages") or []),
            json.dumps(result.get("words") or []),
            utc_now(),
        ],
    )
    return True


def ocr_of(case: Case, item_id: int) -> dict[str, Any] | None:
    row = case.db.execute(
        "SELECT text, engine, version, languages, words FROM ocr_text WHERE item_id = ?", [item_id]
    ).fetchone()
    if row is None:
        return None
    return {"text": row[0], "engine": row[1], "version": row[2], "languages": row[3], "words": json.loads(row[4])}


def _ocr_region(ocr: dict[str, Any] | None, start: int, end: int) -> tuple[int, int, int, int] | None:
    if not ocr:
        return None
    from workstation.ocr import OcrResult, OcrWord

    words = tuple(OcrWord(w[0], w[1], w[2], w[3], w[4], w[5]) for w in ocr.get("words") or [])
    return OcrResult(ocr["text"], words).region_of(start, end)


def _scan_one(
    case: Case, item: dict[str, Any], scanner: Scanner, version: str, region: str | None, summary: ScanSummary, now: str
) -> None:
    ocr = ocr_of(case, item["id"])
    from workstation.selectors import item_texts

    texts = dict(item_texts(item, ocr["text"] if ocr else None))
    added = 0
    seen_codes: set[str] = set()
    existing = {
        r[0]
        for r in case.db.execute(
            "SELECT indicator FROM annotations WHERE item_id = ? AND origin = 'machine'", [item["id"]]
        )
    }
    for field_name in FIELD_ORDER:
        text = texts.get(field_name)
        if not text:
            continue
        for s in scanner.scan(text if field_name != "file_name" else text.replace("_", " "), region=region):
            if s.code in seen_codes or s.code in existing:
                continue
            seen_codes.add(s.code)
            box = _ocr_region(ocr, s.start, s.end) if field_name == "ocr" else None
            case.db.execute(
                "INSERT INTO annotations (item_id, indicator, status, origin, field, span_start, span_end, "
                "matched_text, "
                "region_x, region_y, region_w, region_h, detail, taxonomy_version, author, created_at, updated_at, "
                "explanation) VALUES (?, ?, 'suggested', 'machine', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item["id"],
                    s.code,
                    field_name,
                    s.start,
                    s.end,
                    text[s.start : s.end],
                    *(box or (None,) * 4),
                    s.detail or (f"{s.count} matches" if s.count > 1 else None),
                    version,
                    "workstation",
                    now,
                    now,
                    json.dumps(dict(s.explanation), ensure_ascii=False) if s.explanation else None,
                ],
            )
            added += 1
    links = 0
    from workstation.selectors import infer_region

    guess = infer_region(
        item.get("text") or item.get("title") or (ocr["text"] if ocr else "") or "",
        case_region=region,
        page_url=page_url_of(item),
        language=item.get("language"),
        case_timezone=case.meta.get("timezone"),
    )
    for hit, text in extract_from_item(item, guess.region, ocr["text"] if ocr else None):
        note = hit.note
        if hit.kind == "phone" and guess.region and not region and not hit.raw.lstrip().startswith(("+", "00")):
            note = "; ".join(x for x in (note, guess.note()) if x)
        sel = case.db.execute("SELECT id FROM selectors WHERE kind = ? AND value = ?", [hit.kind, hit.value]).fetchone()
        if sel is None:
            sel_id = int(
                case.db.execute(
                    "INSERT INTO selectors (kind, value, created_at) VALUES (?, ?, ?)", [hit.kind, hit.value, now]
                ).lastrowid
            )
            summary.selectors_added += 1
        else:
            sel_id = int(sel[0])
        cur = case.db.execute(
            "INSERT OR IGNORE INTO selector_links (selector_id, item_id, source, span_start, span_end, raw, platform, "
            "obscured, context, origin, created_at, verified, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'machine', ?, ?, ?)",
            [
                sel_id,
                item["id"],
                hit.source,
                hit.start,
                hit.end,
                hit.raw,
                hit.platform,
                int(hit.obscured),
                hit.context(text) if text else None,
                now,
                int(hit.verified),
                note or None,
            ],
        )
        links += cur.rowcount if cur.rowcount and cur.rowcount > 0 else 0
    case.db.execute(
        "INSERT INTO indicator_scans (item_id, taxonomy_version, scanned_at) VALUES (?, ?, ?) "
        "ON CONFLICT(item_id) DO UPDATE SET taxonomy_version = excluded.taxonomy_version, "
        "scanned_at = excluded.scanned_at",
        [item["id"], version, now],
    )
    summary.items += 1
    summary.suggestions_added += added
    summary.selector_links_added += links
    if added or links:
        summary.per_item[item["id"]] = {"suggestions": added, "selector_links": links}


def scan_items(
    case: Case,
    item_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    *,
    ocr: bool = False,
    batch: int = 200,
) -> ScanSummary:
    """Scan items for indicator suggestions and selectors (all items when ``item_ids`` is None).

    Existing annotations are never changed: an analyst's confirm/reject stands, and an indicator
    already suggested for an item is not suggested twice. With ``ocr=True`` images without OCR text
    are read first (when Tesseract is installed; otherwise the summary carries the notice).
    One transaction and one audit entry per batch of items; cancel keeps finished batches.
    """
    progress = progress or Progress()
    ids = (
        list(item_ids) if item_ids is not None else [r[0] for r in case.db.execute("SELECT id FROM items ORDER BY id")]
    )
    version = record_taxonomy_version(case)
    scanner = _scanner_for(case)
    region = (case.meta.get("default_region") or "").upper() or None
    summary = ScanSummary(taxonomy_version=version)
    if ocr:
        from workstation import ocr as ocr_mod

        st = ocr_mod.status()
        summary.ocr_notice = st.notice
    progress.start(len(ids), "scanning for indicators and selectors")
    for n in range(0, len(ids), batch):
        chunk = ids[n : n + batch]
        before = (summary.suggestions_added, summary.selector_links_added, summary.ocr_done)
        summary.per_item = {}
        with case.transaction():
            now = utc_now()
            for item_id in chunk:
                item = case.item(item_id)
                if ocr and item["kind"] == "image" and ocr_of(case, item_id) is None:
                    summary.ocr_done += _ocr_item(case, item, summary)
                _scan_one(case, item, scanner, version, region, summary, now)
                progress.step()
            case.audit(
                "indicators.scanned",
                {
                    "items": chunk if len(chunk) <= 50 else [chunk[0], "…", chunk[-1]],
                    "taxonomy_version": version,
                    "suggestions_added": summary.suggestions_added - before[0],
                    "selector_links_added": summary.selector_links_added - before[1],
                    "ocr_done": summary.ocr_done - before[2],
                    "changed": {str(k): v for k, v in list(summary.per_item.items())[:200]},
                },
            )
    return summary


def _ocr_item(case: Case, item: dict[str, Any], summary: ScanSummary) -> int:
    from PIL import Image, ImageOps

    from workstation import ocr as ocr_mod

    if not ocr_mod.status().available:
        return 0
    try:
        with case.blobs.open(item["sha256"]) as fh, Image.open(fh) as im:
            im.draft("RGB", (2000, 2000))
            img = ImageOps.exif_transpose(im).convert("RGB")
        result = ocr_mod.read(img)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        summary.ocr_notice = f"some images could not be read for OCR ({exc})"
        return 0
    return int(store_ocr(case, item["id"], result))


# -- selectors ---------------------------------------------------------------------------------
def _item_platforms(case: Case) -> dict[int, str | None]:
    """Platform (site) each item was published on, from its URL or the saved page's own URL."""
    out: dict[int, str | None] = {}
    for r in case.db.query("SELECT id, final_url, source_url, substr(text, 1, 8000) AS text FROM items"):
        out[r["id"]] = platform_of(page_url_of(r))
    return out


def selectors_for(case: Case, kind: str | None = None, *, min_items: int = 1) -> list[dict[str, Any]]:
    """Every selector with its items, platforms and dates, most-linked first.

    JSON per selector (contract): ``kind``, ``value`` (E.164 for phones), ``items`` (item ids),
    ``platforms``, ``first_seen``, ``last_seen``; plus ``id``, ``obscured``, ``sources``.
    Platforms are those of the items' pages (site domain) and of the messengers named with it.
    Dates are the items' capture times (import time when a capture time is unknown).
    """
    item_platform = _item_platforms(case)
    sql = (
        "SELECT s.id, s.kind, s.value, l.item_id, l.platform, l.obscured, l.source, l.verified, l.note, "
        "COALESCE(i.captured_at, p.captured_at) AS captured, i.imported_at AS imported FROM selectors s "
        "JOIN selector_links l ON l.selector_id = s.id JOIN items i ON i.id = l.item_id "
        "LEFT JOIN items p ON p.id = i.parent_id"
    )
    params: list[Any] = []
    if kind:
        sql += " WHERE s.kind = ?"
        params.append(kind)
    rows: dict[int, dict[str, Any]] = {}
    for r in case.db.query(sql, params):
        entry = rows.setdefault(
            r["id"],
            {
                "id": r["id"],
                "kind": r["kind"],
                "value": r["value"],
                "items": set(),
                "platforms": set(),
                "first_seen": None,
                "last_seen": None,
                "obscured": False,
                "sources": set(),
                "verified": True,
                "notes": set(),
                "_captured": [],
                "_imported": [],
            },
        )
        entry["verified"] = entry["verified"] and bool(r["verified"])
        if r["note"]:
            entry["notes"].add(r["note"])
        if r["captured"]:
            entry["_captured"].append(r["captured"])
        elif r["imported"]:
            entry["_imported"].append(r["imported"])
        entry["items"].add(r["item_id"])
        for p in (r["platform"], item_platform.get(r["item_id"])):
            if p:
                entry["platforms"].add(p)
        entry["obscured"] = entry["obscured"] or bool(r["obscured"])
        entry["sources"].add(r["source"])
    out = []
    for e in rows.values():
        if len(e["items"]) < min_items:
            continue
        # Capture times (of the item, or of the page it was embedded in); the import time only
        # when no item linked to the selector has one, and then it says so.
        captured, imported = e.pop("_captured"), e.pop("_imported")
        times = captured or imported
        e["seen_from"] = "capture" if captured else "import"
        e["first_seen"] = min(times) if times else None
        e["last_seen"] = max(times) if times else None
        e["notes"] = sorted(e["notes"])
        e["items"] = sorted(e["items"])
        e["platforms"] = sorted(e["platforms"])
        e["sources"] = sorted(e["sources"])
        out.append(
            {
                k: e[k]
                for k in (
                    "kind",
                    "value",
                    "items",
                    "platforms",
                    "first_seen",
                    "last_seen",
                    "id",
                    "obscured",
                    "sources",
                    "verified",
                    "notes",
                    "seen_from",
                )
            }
        )
    out.sort(key=lambda e: (-len(e["items"]), -len(e["platforms"]), e["kind"], e["value"]))
    return out


def selectors_of_item(case: Case, item_id: int) -> list[dict[str, Any]]:
    """Selectors on one item, with where they were found and what else they link to."""
    case.item(item_id)
    out = []
    for r in case.db.query(
        "SELECT s.id, s.kind, s.value, l.source, l.raw, l.platform, l.obscured, l.context, l.span_start, l.span_end, "
        "(SELECT count(DISTINCT item_id) FROM selector_links x WHERE x.selector_id = s.id) AS n_items "
        "FROM selector_links l JOIN selectors s ON s.id = l.selector_id WHERE l.item_id = ? "
        "ORDER BY l.source, l.span_start",
        [item_id],
    ):
        out.append(
            {
                "id": r["id"],
                "kind": r["kind"],
                "value": r["value"],
                "source": r["source"],
                "raw": r["raw"],
                "platform": r["platform"],
                "obscured": bool(r["obscured"]),
                "context": r["context"],
                "span": {"start": r["span_start"], "end": r["span_end"]},
                "linked_items": r["n_items"],
            }
        )
    return out


def link_graph(case: Case, *, min_items: int = 1):  # type: ignore[no-untyped-def]
    """The item ↔ selector ↔ platform graph (networkx.Graph) with readable node attributes."""
    import networkx as nx

    g = nx.Graph()
    item_platform = _item_platforms(case)
    items = {
        r["id"]: r for r in case.db.query("SELECT id, kind, original_name, title, source_url, captured_at FROM items")
    }
    for sel in selectors_for(case, min_items=min_items):
        sid = f"selector:{sel['kind']}:{sel['value']}"
        g.add_node(
            sid,
            type="selector",
            kind=sel["kind"],
            label=sel["value"],
            items=len(sel["items"]),
            first_seen=sel["first_seen"] or "",
            last_seen=sel["last_seen"] or "",
        )
        for item_id in sel["items"]:
            iid = f"item:{item_id}"
            it = items.get(item_id, {})
            g.add_node(
                iid,
                type="item",
                label=it.get("title") or it.get("original_name") or str(item_id),
                item_id=item_id,
                kind=it.get("kind") or "",
                url=it.get("source_url") or "",
                captured_at=it.get("captured_at") or "",
            )
            g.add_edge(sid, iid, relation="appears_on")
            plat = item_platform.get(item_id)
            if plat:
                g.add_node(f"platform:{plat}", type="platform", label=plat)
                g.add_edge(iid, f"platform:{plat}", relation="published_on")
        for plat in sel["platforms"]:
            if not any(item_platform.get(i) == plat for i in sel["items"]):
                g.add_node(f"platform:{plat}", type="platform", label=plat)
                g.add_edge(sid, f"platform:{plat}", relation="account_on")
    return g


def export_graphml(case: Case, path: str | Path, *, min_items: int = 1) -> dict[str, int]:
    """Write the link graph as GraphML (atomic write; audited). Returns node/edge counts."""
    import os

    import networkx as nx

    path = Path(path)
    g = link_graph(case, min_items=min_items)
    tmp = path.with_name(path.name + ".part")
    nx.write_graphml(g, tmp, encoding="utf-8")
    os.replace(tmp, path)
    counts = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    case.audit(
        "selectors.graph_exported",
        {"path": str(path), **counts, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()},
    )
    return counts


# -- import hooks ------------------------------------------------------------------------------
def ocr_item_writer(case: Case, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    """Import hook: keep the OCR text the worker read from an image."""
    result = analysis.get("ocr")
    if isinstance(result, dict):
        store_ocr(case, item_id, result)


def scan_batch(case: Case, item_ids: list[int]) -> None:
    """Import hook: scan each new batch for indicator suggestions and selectors."""
    scan_items(case, item_ids, batch=len(item_ids) or 1)
