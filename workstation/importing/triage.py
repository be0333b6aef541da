"""Triage filters for evidence containers: which files of a seized disk or extraction to import.

A seized disk holds hundreds of thousands of operating-system files an analyst never needs. The
analyst chooses kinds (images, videos, documents, pages, chats, archives), a size range and path
patterns to skip (operating-system folders by default); every file left out is counted with its
reason on the container item, so the report can say what was not imported and why.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import PurePosixPath

KINDS: dict[str, frozenset[str]] = {
    "images": frozenset(
        {"jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "heic", "heif", "avif", "dng", "raw"}
    ),
    "videos": frozenset({"mp4", "mov", "m4v", "mkv", "webm", "avi", "3gp", "3g2", "wmv", "flv", "mpg", "mpeg", "ts"}),
    "documents": frozenset(
        {"pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "ppt", "pptx", "csv", "eml", "msg"}
    ),
    "pages": frozenset({"html", "htm", "mhtml", "mht", "warc", "wacz", "gz"}),
    "chats": frozenset({"db", "sqlite", "sqlite3", "json", "txt", "crypt12", "crypt14", "crypt15"}),
    "archives": frozenset({"zip", "tar", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar"}),
}
_MAGIC_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "images"),
    (b"\x89PNG", "images"),
    (b"GIF8", "images"),
    (b"%PDF", "documents"),
    (b"SQLite format 3\x00", "chats"),
    (b"PK\x03\x04", "archives"),
    (b"7z\xbc\xaf\x27\x1c", "archives"),
)

# Operating-system and program folders, matched case-insensitively against the path inside the
# container. User folders, the recycle bin and app data (where chats live) are never in this list.
DEFAULT_SKIP_PATHS: tuple[str, ...] = (
    "/windows/*",
    "/program files/*",
    "/program files (x86)/*",
    "/programdata/microsoft/*",
    "/$extend/*",
    "/system volume information/*",
    "/usr/*",
    "/lib/*",
    "/lib64/*",
    "/bin/*",
    "/sbin/*",
    "/boot/*",
    "/proc/*",
    "/sys/*",
    "/system/library/*",
    "/library/caches/*",
    "/system/framework/*",
    "/system/app/*",
    "/system/priv-app/*",
)


@dataclass(frozen=True)
class Triage:
    """What to import from containers; ``None`` fields do not filter."""

    kinds: frozenset[str] | None = None
    min_size: int | None = None
    max_size: int | None = None
    skip_paths: tuple[str, ...] = DEFAULT_SKIP_PATHS

    def reason_to_skip(self, path: str, size: int, head: bytes = b"") -> str | None:
        """Why the file at ``path`` (inside a container) is left out, or None to import it."""
        lowered = "/" + path.lower().lstrip("/")
        for pattern in self.skip_paths:
            if fnmatch.fnmatchcase(lowered, pattern.lower()):
                return f"path matches {pattern}"
        if self.max_size is not None and size > self.max_size:
            return "larger than the size limit"
        if self.min_size is not None and size < self.min_size:
            return "smaller than the size limit"
        if self.kinds is not None and not (kinds_of(path, head) & self.kinds):
            return "not of the kinds chosen"
        return None

    def describe(self) -> dict[str, object]:
        return {
            "kinds": sorted(self.kinds) if self.kinds is not None else "all",
            "min_size": self.min_size,
            "max_size": self.max_size,
            "skip_paths": list(self.skip_paths),
        }


def kinds_of(path: str, head: bytes = b"") -> set[str]:
    """The triage kinds a file may be, from its extension and, when given, its first bytes."""
    suffix = PurePosixPath(path).suffix.lower().lstrip(".")
    found = {kind for kind, suffixes in KINDS.items() if suffix in suffixes}
    for magic, kind in _MAGIC_KINDS:
        if head.startswith(magic):
            found.add(kind)
    if head[4:8] in (b"ftyp", b"moov") or head.startswith(b"\x1a\x45\xdf\xa3") or head[8:12] == b"AVI ":
        found.add("videos")
    return found


def parse_kinds(text: str) -> frozenset[str]:
    """``"images,videos"`` → the kinds; raises ValueError naming an unknown kind."""
    chosen = frozenset(k.strip().lower() for k in text.split(",") if k.strip())
    unknown = chosen - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")
    return chosen


@dataclass
class Skipped:
    """Counts of files left out of one container, by reason."""

    counts: Counter[str] = field(default_factory=Counter)
    bytes: int = 0

    def add(self, reason: str, size: int) -> None:
        self.counts[reason] += 1
        self.bytes += size

    def as_dict(self) -> dict[str, object]:
        return {"files": sum(self.counts.values()), "bytes": self.bytes, "by_reason": dict(self.counts)}


# The filter of the import in progress; containers read it (importers take no options).
TRIAGE: ContextVar[Triage | None] = ContextVar("triage", default=None)


def current() -> Triage:
    """The triage filter of the import in progress (all but OS folders when none was chosen)."""
    return TRIAGE.get() or Triage()
