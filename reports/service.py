"""One call for the CLI, the UI and the demo: build the report, write the PDF, audit its hash."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.builder import build_report, case_image_provider
from reports.model import Report, ReportOptions
from reports.render import RenderResult, render_pdf
from workstation.case import Case
from workstation.exhibits import add_exhibits

NO_EXHIBITS_WARNING = (
    "the report has no exhibits: mark items as exhibits (`workstation exhibit CASE ID`) or choose them "
    "with --exhibits ID,ID"
)


@dataclass(frozen=True)
class GeneratedReport:
    """What the report command prints and the audit log keeps."""

    path: Path
    sha256: str
    size: int
    pages: int
    document_id: str
    exhibits: tuple[tuple[int, int], ...]  # (exhibit number, item id)
    redacted_exhibits: tuple[int, ...]
    masked_selectors: int
    newly_marked: tuple[int, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "size": self.size,
            "pages": self.pages,
            "document_id": self.document_id,
            "exhibits": [{"number": n, "item": i} for n, i in self.exhibits],
            "redacted_exhibits": list(self.redacted_exhibits),
            "masked_selectors": self.masked_selectors,
            "newly_marked": list(self.newly_marked),
            "warnings": list(self.warnings),
        }


def preview(case: Case, options: ReportOptions) -> Report:
    """The report's content without writing anything (for the UI's "what will be included")."""
    return build_report(case, options)


def generate_report(case: Case, out: str | Path, options: ReportOptions, progress: Any = None) -> GeneratedReport:
    """Write the PDF report of a case and record its SHA-256 in the audit log.

    Items chosen with ``options.item_ids`` that are not yet exhibits are marked first (audited),
    so their exhibit numbers stay the same in every later report.

    Args:
        case: an open case.
        out: the PDF path (written atomically).
        options: report options.
        progress: optional workstation Progress (collecting, then one step per picture).

    Raises:
        WorkstationError: bad options, unknown items, or the file cannot be written.
        Cancelled: the progress was cancelled; no file is left behind.
    """
    newly: tuple[int, ...] = ()
    if options.item_ids:
        changes = add_exhibits(case, options.item_ids, reason="chosen for a report")
        newly = tuple(c.item_id for c in changes if c.changed)
    report = build_report(case, options, progress)
    result: RenderResult = render_pdf(report, Path(out), case_image_provider(case), progress)
    exhibits = tuple((ex.number, ex.item_id) for ex in report.exhibits)
    warnings = tuple(f"{w.path}: {w.reason}" for w in getattr(progress, "warnings", []))
    if not report.exhibits:
        warnings = (NO_EXHIBITS_WARNING, *warnings)
    if case.read_only is not None:  # write-blocked evidence: the report is made, nothing is written to the case
        warnings += (
            f"{case.path}: the case is read-only ({case.read_only}); this report is not recorded in its audit log",
        )
        return GeneratedReport(
            path=result.path,
            sha256=result.sha256,
            size=result.size,
            pages=result.pages,
            document_id=report.document_id,
            exhibits=exhibits,
            redacted_exhibits=report.redaction.images_redacted,
            masked_selectors=report.redaction.selectors_masked,
            newly_marked=newly,
            warnings=warnings,
        )
    case.audit(
        "report.generated",
        {
            "sha256": result.sha256,
            "file": result.path.name,
            "size": result.size,
            "pages": result.pages,
            "document_id": report.document_id,
            "options": options.as_dict(),
            "exhibits": [{"number": n, "item": i} for n, i in exhibits],
            "generated_at": report.generated_at_utc,
        },
    )
    return GeneratedReport(
        path=result.path,
        sha256=result.sha256,
        size=result.size,
        pages=result.pages,
        document_id=report.document_id,
        exhibits=exhibits,
        redacted_exhibits=report.redaction.images_redacted,
        masked_selectors=report.redaction.selectors_masked,
        newly_marked=newly,
        warnings=warnings,
    )
