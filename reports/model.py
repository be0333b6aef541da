"""The report as plain data: what goes into the PDF, decided before any layout happens.

Everything here is a frozen dataclass of strings and numbers, so a report can be built from a
case (``reports.builder``) or by hand in a test, and the same data always lays out the same way.
Images are not held here, only where to get them (``ImageSpec``): the renderer loads them one at
a time while it draws, so a report of a thousand exhibits never holds a thousand images.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workstation.records import AuditRow

TOOL_NAME = "Evidence Workstation"

# Section keys accepted by --sections; the cover and the page furniture are always present.
SECTIONS: tuple[str, ...] = (
    "toc",
    "summary",
    "exhibit-list",
    "exhibits",
    "transcripts",
    "selectors",
    "custody",
    "method",
    "verification",
    "networks",
)
# Networks and persons (Appendix E) are computed on request only: `--sections ...,networks`.
DEFAULT_SECTIONS: tuple[str, ...] = tuple(s for s in SECTIONS if s != "networks")

IMAGE_REDACTION_MODES = ("none", "sensitive", "sensitive-blur", "all", "all-blur")
DEFAULT_SENSITIVE_TAGS: tuple[str, ...] = ("sensitive", "minor")


@dataclass(frozen=True)
class ReportOptions:
    """What the analyst asked for; part of the audit entry and of the document ID.

    Attributes:
        item_ids: items to report as exhibits, in order; ``None`` = the case's marked exhibits.
        all_exhibits: report every marked exhibit (the default when item_ids is None).
        redact: image redaction mode, one of IMAGE_REDACTION_MODES.
        mask_selectors: selector values to mask wherever they appear; ``("*",)`` masks all.
        sections: the optional sections to include (see SECTIONS).
        bates_prefix: text before the running Bates number.
        bates_start: the first Bates number.
        bates_digits: zero-padding of the Bates number.
        classification: marking printed on the cover and on every page; "" (the default) prints
            none, as the right marking depends on the agency and country.
        include_suggestions: also list machine-suggested indicators, marked as such.
        sensitive_tags: tags that make an image "sensitive" for the redaction modes.
        image_max_px: long side, in pixels, of the embedded image copies.
    """

    item_ids: tuple[int, ...] | None = None
    all_exhibits: bool = True
    redact: str = "none"
    mask_selectors: tuple[str, ...] = ()
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    bates_prefix: str = "EW-"
    bates_start: int = 1
    bates_digits: int = 6
    classification: str = ""
    include_suggestions: bool = False
    sensitive_tags: tuple[str, ...] = DEFAULT_SENSITIVE_TAGS
    image_max_px: int = 1200
    redact_persons: bool = False  # Appendix E shows persons by number and role only
    page_full: bool = False  # a page exhibit also prints its full-page rendering, split over pages

    def bates(self, page_index: int) -> str:
        """The Bates number of the page at 0-based page_index."""
        return f"{self.bates_prefix}{self.bates_start + page_index:0{self.bates_digits}d}"

    def as_dict(self) -> dict[str, object]:
        """JSON-able form, for the audit log."""
        return {
            "item_ids": list(self.item_ids) if self.item_ids is not None else None,
            "all_exhibits": self.all_exhibits,
            "redact": self.redact,
            "mask_selectors": list(self.mask_selectors),
            "sections": list(self.sections),
            "bates_prefix": self.bates_prefix,
            "bates_start": self.bates_start,
            "bates_digits": self.bates_digits,
            "classification": self.classification,
            "include_suggestions": self.include_suggestions,
            "sensitive_tags": list(self.sensitive_tags),
            "image_max_px": self.image_max_px,
            "page_full": self.page_full,
        }


@dataclass(frozen=True)
class CaseInfo:
    """The case as printed on the cover."""

    case_number: str
    title: str
    agency: str
    analyst: str
    timezone: str
    created_at: str


@dataclass(frozen=True)
class ItemRef:
    """A pointer to another item (parent, child, near-duplicate)."""

    item_id: int
    label: str
    sha256: str
    kind: str
    exhibit_number: int | None = None


@dataclass(frozen=True)
class Field:
    """One labelled value in a table (EXIF tag, metadata entry)."""

    name: str
    value: str


@dataclass(frozen=True)
class Note:
    """An analyst note."""

    author: str
    created_at: str
    text: str


@dataclass(frozen=True)
class Region:
    """An annotated region; coordinates are fractions (0..1) of the upright image."""

    label: str
    x: float
    y: float
    w: float
    h: float
    text: str = ""
    author: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class IndicatorFinding:
    """An indicator on an exhibit: confirmed by the analyst, or suggested by the tool."""

    code: str
    label: str
    status: str  # "confirmed" | "suggested"
    evidence: str = ""
    by: str = ""
    at: str = ""


@dataclass(frozen=True)
class SelectorRef:
    """A selector found on an exhibit (value already masked if redaction asked for it)."""

    kind: str
    value: str
    masked: bool = False


@dataclass(frozen=True)
class NearDuplicate:
    """Another item that looks like this one, with the perceptual-hash distance."""

    ref: ItemRef
    distance: float
    algorithm: str


@dataclass(frozen=True)
class ImageSpec:
    """Where the renderer gets the picture of an exhibit, and what it must do to it.

    Attributes:
        item_id: item whose picture is drawn.
        source: "original" (the stored image), "thumbnail" (the stored rendering of a page or
            document), or another key the image provider understands.
        width: pixel width of the upright picture.
        height: pixel height of the upright picture.
        redaction: "none", "pixelate" or "blur".
        redaction_reason: why, as printed under the picture.
    """

    item_id: int
    source: str
    width: int
    height: int
    redaction: str = "none"
    redaction_reason: str = ""
    crop: tuple[int, int, int, int] | None = None  # (left, top, right, bottom) of the picture to draw


@dataclass(frozen=True)
class Exhibit:
    """Everything the report says about one exhibit."""

    number: int
    item_id: int
    kind: str
    title: str
    sha256: str
    md5: str
    size: int
    mime: str
    original_name: str = ""
    source_url: str = ""
    final_url: str = ""
    source_path: str = ""
    capture_method: str = ""
    captured_at: str = ""
    captured_tz: str = ""
    imported_at: str = ""
    imported_by: str = ""
    importer: str = ""
    width: int | None = None
    height: int | None = None
    language: str = ""
    added_at: str = ""
    added_by: str = ""
    exif: tuple[Field, ...] = ()
    gps: tuple[float, float] | None = None
    # Where a file was inside a disk image, or what a disk image is (hashes verified, partitions).
    container: tuple[Field, ...] = ()
    parent: ItemRef | None = None
    children: tuple[ItemRef, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    indicators: tuple[IndicatorFinding, ...] = ()
    regions: tuple[Region, ...] = ()
    selectors: tuple[SelectorRef, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()
    hashset_matches: tuple[Field, ...] = ()  # name: hash set and label, value: how it matched
    watchlist_hits: tuple[Field, ...] = ()  # name: list (agency) and label, value: kind and value
    text_excerpt: str = ""
    image: ImageSpec | None = None
    more_images: tuple[ImageSpec, ...] = ()  # a page's full-page rendering in parts (page_full)
    # Parts that could not be filled, with the reason (e.g. the dedup tables are absent).
    unavailable: tuple[Field, ...] = ()

    @property
    def label(self) -> str:
        """The short name used in lists: title, else original name, else the item id."""
        return self.title or self.original_name or f"item {self.item_id}"


@dataclass(frozen=True)
class Summary:
    """Counts and highlights for the summary section."""

    exhibit_count: int
    case_item_count: int
    by_kind: tuple[Field, ...] = ()
    platforms: tuple[Field, ...] = ()
    first_capture: str = ""
    last_capture: str = ""
    indicator_findings: tuple[Field, ...] = ()
    key_selectors: tuple[Field, ...] = ()
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True)
class SelectorRow:
    """One line of the selectors appendix: a selector and the exhibits it appears on."""

    kind: str
    value: str
    exhibit_numbers: tuple[int, ...]
    item_count: int
    masked: bool = False


# One audit-log entry as printed in the chain-of-custody appendix: the read layer's record (the
# audit dialog shows the same), with ``details`` shortened and masked by the builder.
AuditEntry = AuditRow


@dataclass(frozen=True)
class Custody:
    """The chain-of-custody appendix."""

    entries: tuple[AuditEntry, ...]
    head_hash: str
    chain_verified: bool | None
    verify_note: str = ""


@dataclass(frozen=True)
class Method:
    """Facts for the method statement."""

    capture_methods: tuple[Field, ...] = ()
    importers: tuple[Field, ...] = ()
    hash_algorithms: str = "SHA-256 and MD5 of the original bytes, computed while importing"
    perceptual_hashing: str = ""
    indicator_method: str = ""
    selector_method: str = ""


@dataclass(frozen=True)
class Redaction:
    """What was redacted, for the redaction statement."""

    image_mode: str = "none"
    images_redacted: tuple[int, ...] = ()  # exhibit numbers
    selectors_masked: int = 0
    statements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """A whole report, ready for layout."""

    case: CaseInfo
    options: ReportOptions
    generated_at_utc: str
    generated_at_local: str
    tool_name: str
    tool_version: str
    document_id: str  # 32 hex digits, fixed for the same case state and options
    summary: Summary
    exhibits: tuple[Exhibit, ...]
    selectors: tuple[SelectorRow, ...] | None = None  # None: not available in this case
    selectors_note: str = ""
    custody: Custody | None = None
    method: Method = field(default_factory=Method)
    redaction: Redaction = field(default_factory=Redaction)
    transcripts: tuple[Any, ...] = ()  # reports.transcripts.Transcript, one per chat excerpt
    networks: Any = None  # reports.networks_appendix.NetworksAppendix when the section is asked for

    def has(self, section: str) -> bool:
        """Tell whether an optional section is included."""
        return section in self.options.sections
