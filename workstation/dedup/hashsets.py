"""Known-image hash lists from partners: parse them, and match them against images of a case.

Formats:
- CSV (comma, semicolon or tab separated) with a header naming the columns: hash columns
  ``pdq``, ``phash``, ``sha256``, ``md5`` (also ``sha1``); a label from ``label``, ``name``,
  ``category``, ``description`` or ``tags``. Without a header, each value's length decides (32 hex
  digits MD5, 40 SHA-1, 16 pHash); 64 hex digits are SHA-256 unless ``default_64="pdq"``.
- Project VIC / VICS JSON (OData): a ``value`` (or ``Media``) list of objects with ``MD5``,
  ``SHA1``, ``SHA256``, ``PDQ``/``PhotoDNA``-style fields and ``Category``; PhotoDNA is
  proprietary and skipped (counted in ``skipped``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workstation.dedup.index import HammingIndex
from workstation.dedup.phash import ImageHashes, hex_to_words
from workstation.errors import WorkstationError

KINDS = ("sha256", "md5", "sha1", "pdq", "phash")
HEX_LENGTH = {"sha256": 64, "md5": 32, "sha1": 40, "pdq": 64, "phash": 16}
DEFAULT_PDQ_RADIUS = 31  # PDQ reference matching distance
DEFAULT_PHASH_RADIUS = 8
LABEL_COLUMNS = ("label", "name", "category", "description", "tags", "title", "comment")
_HEX = re.compile(r"^[0-9a-fA-F]+$")


class HashSetError(WorkstationError):
    """A hash list that cannot be read."""

    exit_code = 2  # a wrong input named on the command line (workstation.errors)


@dataclass(frozen=True)
class Entry:
    kind: str
    value: str  # lower-case hex
    label: str = ""


@dataclass
class HashSet:
    entries: list[Entry]
    format: str
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        return out


def _clean(kind: str, value: str) -> str | None:
    value = value.strip().lower()
    if value.startswith("0x"):
        value = value[2:]
    if len(value) != HEX_LENGTH[kind] or not _HEX.match(value):
        return None
    return value


def parse(path: Path, default_64: str = "sha256") -> HashSet:
    """Read a hash list file (CSV or VICS JSON, chosen by content).

    Raises:
        HashSetError: unreadable, or no hash in it.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise HashSetError(f"cannot read the hash list: {exc.strerror}", path) from exc
    text = raw.decode("utf-8-sig", errors="replace")
    if text.lstrip().startswith(("{", "[")):
        hs = parse_vics(text, path)
    else:
        hs = parse_csv(text, path, default_64)
    if not hs.entries:
        raise HashSetError("no usable hash in the file", path)
    return hs


def parse_csv(text: str, path: Path | None = None, default_64: str = "sha256") -> HashSet:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    if not rows:
        return HashSet([], "csv")
    header = [c.strip().lower() for c in rows[0]]
    named = {i: h for i, h in enumerate(header) if h in KINDS}
    labels = [i for i, h in enumerate(header) if h in LABEL_COLUMNS]
    entries: list[Entry] = []
    skipped = 0
    if named:
        for row in rows[1:]:
            label = " ".join(row[i].strip() for i in labels if i < len(row) and row[i].strip())
            found = False
            for i, kind in named.items():
                if i < len(row) and row[i].strip():
                    value = _clean(kind, row[i])
                    if value is None:
                        skipped += 1
                        continue
                    entries.append(Entry(kind, value, label))
                    found = True
            if not found:
                skipped += 1
        return HashSet(entries, "csv", skipped)
    by_length = {16: "phash", 32: "md5", 40: "sha1", 64: default_64}
    for row in rows:
        cells = [c.strip() for c in row]
        hashes = [(i, c) for i, c in enumerate(cells) if _HEX.match(c or "x") and len(c) in by_length]
        if not hashes:
            skipped += 1
            continue
        label = " ".join(c for i, c in enumerate(cells) if c and i not in {j for j, _ in hashes})
        for _, c in hashes:
            kind = by_length[len(c)]
            entries.append(Entry(kind, c.lower(), label))
    return HashSet(entries, "csv", skipped)


def _lower_keys(obj: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in obj.items()}


def parse_vics(text: str, path: Path | None = None) -> HashSet:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HashSetError(f"not valid JSON: {exc.msg} at line {exc.lineno}", path) from exc
    media: Iterable[Any]
    if isinstance(doc, list):
        media = doc
    elif isinstance(doc, dict):
        d = _lower_keys(doc)
        media = d.get("value") or d.get("media") or []
    else:
        media = []
    entries: list[Entry] = []
    skipped = 0
    for item in media:
        if not isinstance(item, dict):
            skipped += 1
            continue
        m = _lower_keys(item)
        parts = [str(m[k]) for k in ("category", "classification", "tags", "comments") if m.get(k)]
        label = " ".join(parts)
        if m.get("mediaid") is not None:
            label = f"{label} (MediaID {m['mediaid']})".strip()
        found = False
        for kind in KINDS:
            v = m.get(kind)
            if isinstance(v, str):
                value = _clean(kind, v)
                if value is not None:
                    entries.append(Entry(kind, value, label))
                    found = True
        if not found:
            skipped += 1
    return HashSet(entries, "vics-json", skipped)


@dataclass(frozen=True)
class HashSetMatch:
    item: int  # index into the images matched against
    entry: int  # index into the entries
    kind: str
    distance: int


def match(
    entries: Sequence[Entry],
    sha256s: Sequence[str],
    md5s: Sequence[str],
    hashes: Sequence[ImageHashes | None],
    pdq_radius: int = DEFAULT_PDQ_RADIUS,
    phash_radius: int = DEFAULT_PHASH_RADIUS,
) -> list[HashSetMatch]:
    """Entries that match images: exact hashes by equality, PDQ/pHash within a radius.

    Perceptual entries are compared with every view of an image in all 8 orientations, so a
    partner's hash of the un-mirrored photo finds the mirrored copy.
    """
    out: list[HashSetMatch] = []
    exact: dict[tuple[str, str], list[int]] = {}
    for i, (sha, md5) in enumerate(zip(sha256s, md5s, strict=True)):
        exact.setdefault(("sha256", sha.lower()), []).append(i)
        if md5:
            exact.setdefault(("md5", md5.lower()), []).append(i)
    for e_i, e in enumerate(entries):
        for i in exact.get((e.kind, e.value), []):
            out.append(HashSetMatch(i, e_i, e.kind, 0))
    for kind, radius in (("pdq", pdq_radius), ("phash", phash_radius)):
        idx = [i for i, e in enumerate(entries) if e.kind == kind]
        if not idx:
            continue
        words = np.stack([hex_to_words(entries[i].value) for i in idx])
        index = HammingIndex.build(words)
        rows, owners = [], []
        for item, h in enumerate(hashes):
            if h is None:
                continue
            for v in h.views:
                variants = v.pdq if kind == "pdq" else v.phash.reshape(-1, 1)
                rows.append(variants)
                owners.extend([item] * len(variants))
        if not rows:
            continue
        hits = index.query(np.concatenate(rows), radius)
        best: dict[tuple[int, int], int] = {}
        for q, e_row, d in hits.tolist():
            key = (owners[q], idx[e_row])
            best[key] = min(d, best.get(key, d))
        out.extend(HashSetMatch(i, e, kind, d) for (i, e), d in best.items())
    out.sort(key=lambda m: (m.item, m.entry, m.kind))
    return out
