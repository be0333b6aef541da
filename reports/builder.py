"""Report content from a case: plain data (``reports.model``) gathered with core queries.

The report reflects the case as of its last recorded change: the generation time is the time of
the last audit entry that is not itself a report generation, and the chain-of-custody appendix
ends there. Generating a report only appends "report.generated" entries, so generating again with
the same options gives the same data, hence the same PDF, byte for byte.

Parts written by other feature areas (indicators, selectors, regions, near-duplicates) are read
through ``reports.sources``, which says "not available" when the case has no such data.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PIL import Image

from reports import networks_appendix, sources
from reports.custody import describe as describe_audit
from reports.model import (
    TOOL_NAME,
    AuditEntry,
    CaseInfo,
    Custody,
    Exhibit,
    Field,
    ImageSpec,
    IndicatorFinding,
    ItemRef,
    Method,
    NearDuplicate,
    Note,
    Redaction,
    Region,
    Report,
    ReportOptions,
    SelectorRef,
    SelectorRow,
    Summary,
)
from reports.transcripts import gather as transcript_data
from storage import audit as audit_log
from storage.errors import StorageError
from workstation import __version__, records
from workstation.case import Case
from workstation.errors import UsageError

__all__ = [
    "AuditEntry",
    "CaseInfo",
    "Custody",
    "Exhibit",
    "Field",
    "ImageSpec",
    "IndicatorFinding",
    "ItemRef",
    "Method",
    "NearDuplicate",
    "Note",
    "Redaction",
    "Region",
    "Report",
    "ReportOptions",
    "SelectorRef",
    "SelectorRow",
    "Summary",
    "build_report",
    "case_image_provider",
    "snapshot",
]

TEXT_EXCERPT_CHARS = 1500
MAX_CHILDREN_LISTED = 40
MAX_AUDIT_DETAILS = 1200
REPORT_ACTION_PREFIX = "report."
# Audit actions that only read the case: they do not change what a report says, so they do not
# move its generation time (otherwise checking the hashes would change the next report).
READ_ONLY_ACTIONS = ("case.verified", "item.extracted")

# EXIF fields listed first, in this order; the rest follow by name.
_EXIF_FIRST = (
    "DateTimeOriginal",
    "DateTimeDigitized",
    "DateTime",
    "OffsetTimeOriginal",
    "Make",
    "Model",
    "LensModel",
    "Software",
    "Artist",
    "Copyright",
    "ImageDescription",
    "Orientation",
    "ExifImageWidth",
    "ExifImageHeight",
)


@contextmanager
def _noop() -> Iterator[None]:
    yield


# -- snapshot ------------------------------------------------------------------------------------
def snapshot(case: Case) -> tuple[int, str, str, int]:
    """The case state a report describes.

    Returns:
        (seq, hash, at) of the last audit entry that changed the case (anything but reading it:
        report generations, verifications, extractions), and how many reading entries follow it.
    """
    marks = ",".join("?" * len(READ_ONLY_ACTIONS))
    row = case.db.execute(
        f"SELECT seq, hash, at FROM audit WHERE action NOT IN ({marks}) AND action NOT LIKE ? "
        "ORDER BY seq DESC LIMIT 1",
        [*READ_ONLY_ACTIONS, REPORT_ACTION_PREFIX + "%"],
    ).fetchone()
    if row is None:
        return 0, audit_log.GENESIS, case.meta.get("created_at", "1970-01-01T00:00:00Z"), 0
    trailing = case.db.execute("SELECT count(*) FROM audit WHERE seq > ?", [row[0]]).fetchone()[0]
    return int(row[0]), str(row[1]), str(row[2]), int(trailing)


def _seconds(iso: str) -> datetime:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return moment.replace(microsecond=0)


def _local(moment: datetime, tz: str) -> str:
    try:
        zone = ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()} (UTC{offset[:3]}:{offset[3:]})"


# -- masking -------------------------------------------------------------------------------------
class Masker:
    """Replaces selected selector values wherever they appear in printed text."""

    def __init__(self, values: list[str], default_region: str = "", written: dict[str, set[str]] | None = None) -> None:
        self.labels: dict[str, str] = {}
        patterns: list[tuple[re.Pattern[str], str]] = []
        for n, value in enumerate(sorted(set(v for v in values if v.strip())), start=1):
            label = f"[REDACTED selector {n}]"
            self.labels[value] = label
            for pattern in _variants(value, default_region):
                patterns.append((pattern, label))
            # The forms the selector was found in ("06-12 34 56 78", "six one two ..."), as recorded.
            for form in sorted((written or {}).get(value, ())):
                patterns.append((re.compile(re.escape(form), re.IGNORECASE), label))
        # Longest first, so a number is not half-masked by a shorter selector inside it.
        patterns.sort(key=lambda p: -len(p[0].pattern))
        self.patterns = patterns

    @property
    def active(self) -> bool:
        return bool(self.patterns)

    def __call__(self, text: str) -> str:
        for pattern, label in self.patterns:
            text = pattern.sub(label, text)
        return text

    def label(self, value: str) -> str | None:
        return self.labels.get(value)


def _variants(value: str, default_region: str) -> list[re.Pattern[str]]:
    out = [re.compile(re.escape(value), re.IGNORECASE)]
    digits = re.sub(r"\D", "", value)
    if value.startswith("+") and len(digits) >= 7:
        sep = r"[\s\-./()]*"
        national = _national_number(value)
        forms = [r"(?:\+|00)" + sep.join(digits)]
        if national:
            forms.append(r"(?<![\d+])0?" + sep.join(national) + r"(?!\d)")
        out += [re.compile(f) for f in forms]
    return out


def _national_number(e164: str) -> str:
    try:
        import phonenumbers

        parsed = phonenumbers.parse(e164, None)
        return str(parsed.national_number)
    except Exception:  # noqa: BLE001 - phonenumbers raises its own NumberParseException
        return ""


# -- exhibits ------------------------------------------------------------------------------------
def _exhibit_rows(case: Case, options: ReportOptions) -> list[tuple[int, int, str, str]]:
    rows = case.db.execute("SELECT item_id, number, added_at, added_by FROM exhibits ORDER BY number").fetchall()
    if options.item_ids is None:
        return [(r[0], r[1], r[2], r[3]) for r in rows]
    by_item = {r[0]: (r[0], r[1], r[2], r[3]) for r in rows}
    missing = [i for i in options.item_ids if i not in by_item]
    if missing:
        raise UsageError(
            f"item(s) {', '.join(map(str, missing))} are not exhibits; mark them with "
            "`workstation exhibit CASE ID...` first"
        )
    chosen = [by_item[i] for i in dict.fromkeys(options.item_ids)]
    return sorted(chosen, key=lambda r: r[1])


def _exif_fields(meta: dict[str, Any], mask: Masker) -> tuple[tuple[Field, ...], tuple[float, float] | None]:
    exif = meta.get("exif")
    if not isinstance(exif, dict):
        return (), None
    gps = exif.get("GPS")
    position: tuple[float, float] | None = None
    if isinstance(gps, dict):
        try:
            position = (float(gps["latitude"]), float(gps["longitude"]))
        except (KeyError, TypeError, ValueError):
            position = None
    names = [n for n in _EXIF_FIRST if n in exif] + sorted(n for n in exif if n not in _EXIF_FIRST and n != "GPS")
    fields = []
    for name in names:
        value = exif[name]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        fields.append(Field(name, mask(text[:300])))
    if isinstance(gps, dict):
        parts = [f"{k} {gps[k]}" for k in sorted(gps)]
        fields.append(Field("GPS", ", ".join(parts)))
    return tuple(fields), position


def _container_fields(meta: dict[str, Any], mask: Masker) -> tuple[Field, ...]:
    """A disk image's acquisition and verification, or a file's place inside one."""
    fields: list[Field] = []
    inside = meta.get("filesystem")
    if isinstance(inside, dict):
        partition = inside.get("partition")
        fields.append(Field("Path in the file system", mask(str(inside.get("path") or ""))))
        fields.append(Field("File system", f"{inside.get('filesystem')}, partition {partition if partition else '—'}"))
        if inside.get("inode") is not None:
            fields.append(Field("Inode / MFT entry", str(inside["inode"])))
        labels = (("modified", "Modified"), ("accessed", "Accessed"), ("changed", "Changed"), ("born", "Created"))
        for key, label in labels:
            value = (inside.get("times") or {}).get(key)
            if value:
                fields.append(Field(f"{label} (file system)", str(value)))
        if inside.get("deleted"):
            fields.append(Field("Deleted", str(inside.get("note") or "recovered from a deleted entry")))
    container = meta.get("container")
    if isinstance(container, dict):
        fields.append(Field("Container format", str(container.get("format", ""))))
        if container.get("segments"):
            fields.append(Field("Segments", ", ".join(container["segments"])))
        for name, value in (container.get("stored_hashes") or {}).items():
            fields.append(Field(f"Stored {name.upper()}", value))
        verification = container.get("verification") or {}
        if verification:
            fields.append(Field("Verification of the media data", str(verification.get("status"))))
        for name, value in (container.get("acquisition") or {}).items():
            fields.append(Field(f"Acquisition: {name.replace('_', ' ')}", mask(str(value))))
        for volume in container.get("volumes") or []:
            skipped = volume.get("skipped") or {}
            fields.append(
                Field(
                    f"Partition {volume.get('partition') or '—'}",
                    f"{volume.get('scheme')}, offset {volume.get('offset')}, {volume.get('filesystem') or 'not read'}"
                    + (f"; {skipped.get('files')} file(s) left out by triage" if skipped.get("files") else ""),
                )
            )
    return tuple(fields)


def _video_fields(
    case: Case, item: dict[str, Any], meta: dict[str, Any], mask: Masker
) -> tuple[tuple[Field, ...], tuple[float, float] | None]:
    """A video's container metadata (or a keyframe's timecode), in the exhibit's metadata table."""
    if item["kind"] == "frame":
        return (
            Field("Timecode", str(meta.get("timecode_text") or meta.get("timecode", ""))),
            Field("Keyframe of", mask(str(meta.get("keyframe_of", "")))),
            Field("Derived", str(meta.get("derived", ""))),
        ), None
    raw = meta.get("video")
    video: dict[str, Any] = raw if isinstance(raw, dict) else {}
    names = {
        "duration": "Duration (s)",
        "container": "Container",
        "codec": "Video codec",
        "profile": "Profile",
        "coded_width": "Coded width",
        "coded_height": "Coded height",
        "frame_rate": "Frame rate",
        "frames": "Frames",
        "rotation": "Rotation (degrees)",
        "bit_rate": "Bit rate",
        "audio_codec": "Audio codec",
        "creation_time": "Creation time",
        "make": "Make",
        "model": "Model",
        "software": "Software",
        "encoder": "Encoder",
        "keyframes": "Keyframes",
        "notes": "Notes",
    }
    fields = [
        Field(label, mask(str(video[key] if not isinstance(video[key], list) else "; ".join(video[key]))[:300]))
        for key, label in names.items()
        if key in video and video[key] not in (None, "", [])
    ]
    row = case.db.execute("SELECT sheet_timecodes FROM video_info WHERE item_id = ?", [item["id"]]).fetchone()
    if row is not None:
        from workstation.video.decode import timecode

        fields.append(Field("Contact sheet timecodes", ", ".join(timecode(t) for t in json.loads(row[0]))))
    gps = video.get("gps")
    position = (float(gps["latitude"]), float(gps["longitude"])) if isinstance(gps, dict) else None
    return tuple(fields), position


def _contact_sheet_size(case: Case, item_id: int) -> tuple[int, int] | None:
    import io

    from workstation.video.service import contact_sheet

    data = contact_sheet(case, item_id)
    if data is None:
        return None
    with Image.open(io.BytesIO(data)) as im:
        return im.size


def _upright_size(item: dict[str, Any]) -> tuple[int, int] | None:
    w, h = item.get("width"), item.get("height")
    if not w or not h:
        return None
    meta = item.get("metadata") or {}
    orientation = meta.get("orientation", 1) if isinstance(meta, dict) else 1
    if orientation in (5, 6, 7, 8):
        return int(h), int(w)
    return int(w), int(h)


RENDERED_PAGE = "offline Chromium (viewport)"  # the caption reads "... rendering, not the original bytes"


def _image_spec(
    case: Case, item: dict[str, Any], tags: set[str], options: ReportOptions, sensitive_items: set[int]
) -> ImageSpec | None:
    size = _upright_size(item) if item["kind"] in ("image", "frame") else None  # a frame: the stored JPEG
    source = "original"
    picture_id = item["id"]
    if item["kind"] == "video":
        size, source = _contact_sheet_size(case, item["id"]), "contact sheet"
    elif item["kind"] == "page":  # the page as it looked: its stored Chromium screenshot
        from workstation.rendering.stage import stored_rendering

        shot = stored_rendering(case, item["id"])
        if shot is not None:
            picture_id, source = shot.viewport_id, RENDERED_PAGE
            size = _upright_size(case.item(shot.viewport_id))
    if size is None:
        row = case.db.execute("SELECT width, height FROM thumbnails WHERE item_id = ?", [item["id"]]).fetchone()
        if row is None or not row[0] or not row[1]:
            return None
        size, source = (int(row[0]), int(row[1])), "thumbnail"
    mode, reason = "none", ""
    sensitive = sorted(tags & set(options.sensitive_tags))
    if options.redact in ("all", "all-blur"):
        mode = "blur" if options.redact == "all-blur" else "pixelate"
        reason = "all images are redacted in this report"
    elif options.redact in ("sensitive", "sensitive-blur") and (sensitive or item["id"] in sensitive_items):
        mode = "blur" if options.redact == "sensitive-blur" else "pixelate"
        why = [f"tagged {t!r}" for t in sensitive]
        if item["id"] in sensitive_items:
            why.append("confirmed indicator concerning minors")
        reason = ", ".join(why)
    return ImageSpec(picture_id, source, size[0], size[1], mode, reason)


FULL_PAGE_PART = 1700  # px of a 1280 px wide rendering per report page (the frame's proportions)


def _full_page_parts(
    case: Case, item: dict[str, Any], image: ImageSpec | None, options: ReportOptions
) -> tuple[ImageSpec, ...]:
    """A page exhibit's full-page rendering cut in report-page-sized parts, when asked."""
    if not options.page_full or item["kind"] != "page" or image is None:
        return ()
    from workstation.rendering.stage import stored_rendering

    shot = stored_rendering(case, item["id"])
    if shot is None or shot.full_id is None:
        return ()
    full = case.item(shot.full_id)
    width, height = int(full.get("width") or 0), int(full.get("height") or 0)
    if not width or not height:
        return ()
    parts = max(1, -(-height // FULL_PAGE_PART))
    return tuple(
        ImageSpec(
            shot.full_id,
            f"offline Chromium (full page, part {k + 1} of {parts})",
            width,
            min(FULL_PAGE_PART, height - k * FULL_PAGE_PART),
            image.redaction,
            image.redaction_reason,
            crop=(0, k * FULL_PAGE_PART, width, min(height, (k + 1) * FULL_PAGE_PART)),
        )
        for k in range(parts)
    )


def _ref(row: Any, numbers: dict[int, int]) -> ItemRef:
    item_id, kind, sha, title, name = row[0], row[1], row[2], row[3], row[4]
    return ItemRef(
        item_id=item_id,
        label=title or name or f"item {item_id}",
        sha256=sha,
        kind=kind,
        exhibit_number=numbers.get(item_id),
    )


def _exhibit(
    case: Case,
    item_id: int,
    number: int,
    added_at: str,
    added_by: str,
    numbers: dict[int, int],
    options: ReportOptions,
    mask: Masker,
    extra: sources.ExtraData,
    sensitive_items: set[int],
) -> Exhibit:
    item = case.item(item_id)
    meta = item.get("metadata") or {}
    meta = meta if isinstance(meta, dict) else {}
    tags = {r[0] for r in case.db.execute("SELECT tag FROM tags WHERE item_id = ?", [item_id])}
    notes = tuple(
        Note(author=r[0], created_at=r[1], text=mask(r[2]))
        for r in case.db.execute(
            "SELECT author, created_at, text FROM notes WHERE item_id = ? ORDER BY created_at, id",
            [item_id],
        )
    )
    parent = None
    if item.get("parent_id"):
        row = case.db.execute(
            "SELECT id, kind, sha256, title, original_name FROM items WHERE id = ?",
            [item["parent_id"]],
        ).fetchone()
        parent = _ref(row, numbers) if row else None
    child_rows = case.db.execute(
        "SELECT id, kind, sha256, title, original_name FROM items WHERE parent_id = ? ORDER BY id LIMIT ?",
        [item_id, MAX_CHILDREN_LISTED + 1],
    ).fetchall()
    children = tuple(_ref(r, numbers) for r in child_rows[:MAX_CHILDREN_LISTED])
    unavailable: list[Field] = []
    if len(child_rows) > MAX_CHILDREN_LISTED:
        total = case.db.execute("SELECT count(*) FROM items WHERE parent_id = ?", [item_id]).fetchone()[0]
        unavailable.append(
            Field("Children", f"{total - MAX_CHILDREN_LISTED} more children are not listed; see the case file")
        )
    if item["kind"] in ("video", "frame"):
        exif, gps = _video_fields(case, item, meta, mask)
    else:
        exif, gps = _exif_fields(meta, mask)
    text = (item.get("text") or "").strip()
    excerpt = mask(text[:TEXT_EXCERPT_CHARS] + ("…" if len(text) > TEXT_EXCERPT_CHARS else ""))
    indicators = tuple(
        f for f in extra.indicators.get(item_id, ()) if f.status == "confirmed" or options.include_suggestions
    )
    indicators = tuple(IndicatorFinding(f.code, f.label, f.status, mask(f.evidence), f.by, f.at) for f in indicators)
    regions = tuple(
        Region(r.label, r.x, r.y, r.w, r.h, mask(r.text), r.author, r.created_at)
        for r in extra.regions.get(item_id, ())
    )
    selectors = tuple(
        SelectorRef(s.kind, mask.label(s.value) or mask(s.value), bool(mask.label(s.value)))
        for s in extra.selectors.get(item_id, ())
    )
    near = tuple(
        NearDuplicate(
            ItemRef(d.ref.item_id, mask(d.ref.label), d.ref.sha256, d.ref.kind, numbers.get(d.ref.item_id)),
            d.distance,
            d.algorithm,
        )
        for d in extra.near_duplicates.get(item_id, ())
    )
    return Exhibit(
        number=number,
        item_id=item_id,
        kind=item["kind"],
        title=mask(item.get("title") or ""),
        sha256=item["sha256"],
        md5=item.get("md5") or "",
        size=int(item.get("size") or 0),
        mime=item.get("mime") or "",
        original_name=mask(item.get("original_name") or ""),
        source_url=mask(item.get("source_url") or ""),
        final_url=mask(item.get("final_url") or ""),
        source_path=mask(item.get("source_path") or ""),
        capture_method=item.get("capture_method") or "",
        captured_at=item.get("captured_at") or "",
        captured_tz=item.get("captured_tz") or "",
        imported_at=item.get("imported_at") or "",
        imported_by=item.get("analyst") or "",
        importer=item.get("importer") or "",
        width=item.get("width"),
        height=item.get("height"),
        language=item.get("language") or "",
        added_at=added_at,
        added_by=added_by,
        exif=exif,
        gps=gps,
        container=_container_fields(meta, mask),
        parent=parent,
        children=children,
        tags=tuple(sorted(tags)),
        notes=notes,
        indicators=indicators,
        regions=regions,
        selectors=selectors,
        near_duplicates=near,
        hashset_matches=tuple(Field(mask(f.name), f.value) for f in extra.hashset_matches.get(item_id, ())),
        watchlist_hits=tuple(Field(mask(f.name), mask(f.value)) for f in extra.watchlist_hits.get(item_id, ())),
        text_excerpt=excerpt,
        image=(image := _image_spec(case, item, tags, options, sensitive_items)),
        more_images=_full_page_parts(case, item, image, options),
        unavailable=tuple(unavailable),
    )


# -- appendices ----------------------------------------------------------------------------------
def _custody(case: Case, upto: int, mask: Masker) -> Custody:
    entries = []
    for row in records.audit_rows(case, upto=upto):
        text = describe_audit(row.action, row.details or "")  # sentences for a court reader, hashes kept
        text = (
            text
            if len(text) <= MAX_AUDIT_DETAILS
            else (text[:MAX_AUDIT_DETAILS] + f"… ({len(text):,} characters; the full entry is in the case's audit log)")
        )
        entries.append(replace(row, details=mask(text)))
    problems = audit_log.verify_chain(case.db)
    head = entries[-1].entry_hash if entries else audit_log.GENESIS
    return Custody(
        entries=tuple(entries),
        head_hash=head,
        chain_verified=not problems,
        verify_note="; ".join([*problems[:3], _signature_note(case, upto, head)]),
    )


def _signature_note(case: Case, upto: int, head: str) -> str:
    """Who signed the audit head with their key (the report's entries end at ``upto``)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    def raw(text: str) -> bytes:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

    good = []
    for sig in audit_log.signatures(case.db):
        if sig.seq > upto:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(raw(sig.sign_key)).verify(
                raw(sig.signature), audit_log.signed_bytes(sig.seq, sig.hash)
            )
        except (InvalidSignature, ValueError):
            continue
        good.append(sig)
    if not good:
        return "audit head unsigned (no analyst key signed it)"
    last = max(good, key=lambda s: s.seq)
    covers = "the head" if last.seq == upto else f"entry {last.seq}"
    return f"{covers} signed with the Ed25519 key of {last.label or 'the analyst'} (fingerprint {last.fingerprint})"


def _summary(case: Case, exhibits: list[Exhibit], remarks: list[str]) -> Summary:
    kinds = Counter(ex.kind for ex in exhibits)
    hosts: Counter[str] = Counter()
    for ex in exhibits:
        host = urlsplit(ex.final_url or ex.source_url).hostname if (ex.final_url or ex.source_url) else None
        if host:
            hosts[host.removeprefix("www.")] += 1
    times = sorted(ex.captured_at for ex in exhibits if ex.captured_at)
    findings: Counter[str] = Counter()
    for ex in exhibits:
        for f in {(f.label, f.code) for f in ex.indicators if f.status == "confirmed"}:
            findings[f"{f[0]} ({f[1]})"] += 1
    sel: Counter[str] = Counter()
    for ex in exhibits:
        for s in {(s.kind, s.value) for s in ex.selectors}:
            sel[f"{s[0]}: {s[1]}"] += 1
    key_selectors = [(k, n) for k, n in sel.most_common() if n >= 2][:15] or sel.most_common(10)
    return Summary(
        exhibit_count=len(exhibits),
        case_item_count=case.count_items(),
        by_kind=tuple(Field(k, str(n)) for k, n in sorted(kinds.items())),
        platforms=tuple(Field(h, str(n)) for h, n in sorted(hosts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]),
        first_capture=times[0] if times else "",
        last_capture=times[-1] if times else "",
        indicator_findings=tuple(Field(k, str(n)) for k, n in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0]))),
        key_selectors=tuple(Field(k, str(n)) for k, n in key_selectors),
        remarks=tuple(remarks),
    )


def _method(exhibits: list[Exhibit], extra: sources.ExtraData) -> Method:
    capture = Counter(ex.capture_method or "not recorded" for ex in exhibits)
    importers = Counter(ex.importer or "not recorded" for ex in exhibits)
    return Method(
        capture_methods=tuple(Field(k, str(n)) for k, n in sorted(capture.items())),
        importers=tuple(Field(k, str(n)) for k, n in sorted(importers.items())),
        perceptual_hashing=extra.perceptual_method,
        indicator_method=extra.indicator_method,
        selector_method=extra.selector_method,
    )


def _document_id(case: Case, options: ReportOptions, head: str) -> str:
    payload = json.dumps(
        {
            "case_number": case.meta.get("case_number", ""),
            "created_at": case.meta.get("created_at", ""),
            "audit_head": head,
            "options": options.as_dict(),
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


# -- entry points --------------------------------------------------------------------------------
def build_report(case: Case, options: ReportOptions, progress: Any = None) -> Report:
    """Gather everything the report says, as plain data.

    Args:
        case: an open case.
        options: what to include and how to redact.
        progress: optional Progress; one step per exhibit.

    Raises:
        UsageError: an item chosen with ``options.item_ids`` is not an exhibit, or an option is
            invalid.
    """
    from reports.model import IMAGE_REDACTION_MODES, SECTIONS

    if options.redact not in IMAGE_REDACTION_MODES:
        raise UsageError(f"unknown redaction mode {options.redact!r}; use one of {', '.join(IMAGE_REDACTION_MODES)}")
    unknown = [s for s in options.sections if s not in SECTIONS]
    if unknown:
        raise UsageError(f"unknown section(s) {', '.join(unknown)}; use {', '.join(SECTIONS)}")
    seq, head, at, _ = snapshot(case)
    moment = _seconds(at)
    rows = _exhibit_rows(case, options)
    numbers = {r[0]: r[1] for r in case.db.execute("SELECT item_id, number FROM exhibits")}
    item_ids = [r[0] for r in rows]
    extra = sources.gather(case, item_ids)

    mask_values: list[str] = []
    if "*" in options.mask_selectors:
        mask_values = sorted({s.value for refs in extra.selectors.values() for s in refs})
    mask_values += [v for v in options.mask_selectors if v != "*"]
    masker = Masker(mask_values, case.meta.get("default_region", ""), extra.selector_raw)
    if options.redact_persons:
        networks_appendix.mask_persons(case, masker)

    if progress is not None:
        progress.start(len(rows), "collecting exhibits")
    exhibits = []
    for item_id, number, added_at, added_by in rows:
        exhibits.append(
            _exhibit(case, item_id, number, added_at, added_by, numbers, options, masker, extra, extra.sensitive_items)
        )
        if progress is not None:
            progress.step(1, f"exhibit {number}")

    remarks = list(extra.remarks)
    selectors: tuple[SelectorRow, ...] | None = None
    if extra.selector_rows is not None:
        on_report = set(item_ids)
        rows_out = []
        for row in extra.selector_rows:
            shown = [numbers[i] for i in row.item_ids if i in on_report]
            if not shown:
                continue
            label = masker.label(row.value)
            rows_out.append(
                SelectorRow(row.kind, label or masker(row.value), tuple(sorted(shown)), row.item_count, bool(label))
            )
        selectors = tuple(sorted(rows_out, key=lambda r: (-len(r.exhibit_numbers), r.kind, r.value)))

    redacted = tuple(ex.number for ex in exhibits if ex.image and ex.image.redaction != "none")
    statements = []
    if options.redact != "none":
        scope = (
            "every image"
            if options.redact.startswith("all")
            else "images tagged "
            + " or ".join(repr(t) for t in options.sensitive_tags)
            + " or with a confirmed indicator concerning minors"
        )
        how = "blurred" if options.redact.endswith("blur") else "pixelated"
        if redacted:
            statements.append(
                f"Pictures of {scope} are {how} in this report ({len(redacted)} exhibit(s): "
                f"{', '.join(map(str, redacted))}). The originals in the case file are unaltered; their hashes "
                "are printed in full."
            )
        else:
            statements.append(f"Pictures of {scope} were to be {how}; none of these exhibits is concerned.")
    if masker.active:
        statements.append(
            f"{len(masker.labels)} selector value(s) are masked wherever they appear in this "
            "report and replaced by “[REDACTED selector N]”."
        )

    custody = _custody(case, seq, masker) if "custody" in options.sections else None
    exhibit_numbers = {item_id: numbers[item_id] for item_id in item_ids if item_id in numbers}
    transcripts = transcript_data(case, exhibit_numbers, masker) if "transcripts" in options.sections else ()
    meta = case.meta
    return Report(
        case=CaseInfo(
            case_number=meta.get("case_number", ""),
            title=meta.get("title", ""),
            agency=meta.get("agency", ""),
            # The analyst who generates the report answers for it (the session's, which is the
            # case's own unless --analyst / WORKSTATION_ANALYST name someone else).
            analyst=case.analyst or meta.get("analyst", ""),
            timezone=meta.get("timezone", "UTC"),
            created_at=meta.get("created_at", ""),
        ),
        options=options,
        generated_at_utc=moment.isoformat().replace("+00:00", "Z"),
        generated_at_local=_local(moment, meta.get("timezone", "UTC")),
        tool_name=TOOL_NAME,
        tool_version=__version__,
        document_id=_document_id(case, options, head),
        summary=_summary(case, exhibits, remarks),
        exhibits=tuple(exhibits),
        selectors=selectors,
        selectors_note=extra.selectors_note,
        custody=custody,
        method=_method(exhibits, extra),
        networks=networks_appendix.build(case, masker, redact_persons=options.redact_persons)
        if "networks" in options.sections
        else None,
        redaction=Redaction(
            image_mode=options.redact,
            images_redacted=redacted,
            selectors_masked=len(masker.labels),
            statements=tuple(statements),
        ),
        transcripts=transcripts,
    )


def case_image_provider(case: Case) -> Any:
    """Opens an exhibit's picture from the case, in memory (never a plaintext temp file)."""
    import io

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        pass
    Image.MAX_IMAGE_PIXELS = 200_000_000

    def provide(spec: ImageSpec) -> Image.Image:
        if spec.source == "contact sheet":  # a video exhibit: keyframes with their timecodes
            from workstation.video.service import contact_sheet

            sheet = contact_sheet(case, spec.item_id)
            if sheet is None:
                raise LookupError("no contact sheet stored")
            return Image.open(io.BytesIO(sheet))
        if spec.source == RENDERED_PAGE or spec.crop is not None:  # a page's stored screenshot (a part)
            row = case.db.execute("SELECT sha256 FROM items WHERE id = ?", [spec.item_id]).fetchone()
            if row is None:
                raise LookupError(f"no item {spec.item_id}")
            shot = Image.open(io.BytesIO(case.blobs.read(row[0])))
            return shot.crop(spec.crop) if spec.crop is not None else shot
        if spec.source == "thumbnail":
            data = case.thumbnail(spec.item_id)
            if data is None:
                raise LookupError("no stored rendering")
            return Image.open(io.BytesIO(data))
        row = case.db.execute("SELECT sha256 FROM items WHERE id = ?", [spec.item_id]).fetchone()
        if row is None:
            raise LookupError(f"no item {spec.item_id}")
        try:
            raw = case.blobs.open(row[0])
        except StorageError as exc:
            raise LookupError(exc.reason) from exc
        # Read from the encrypted case in 1 MiB steps; the picture never touches the disk.
        return Image.open(io.BufferedReader(raw, 1 << 20))  # type: ignore[type-var]

    return provide
