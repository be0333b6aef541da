"""Watchlists in a case: import (audited), match against the case's selectors, texts and image
hashes, and the read functions the CLI, the window and the report call."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from workstation.case import Case, utc_now
from workstation.dedup import hashsets
from workstation.selectors import registrable_domain
from workstation.watchlists.parse import HASH_KINDS, Entry, iban_valid, parse

_IBAN_IN_TEXT = re.compile(r"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}\b")


@dataclass(frozen=True)
class WatchlistHit:
    """One watchlist entry and the case items it matches."""

    kind: str
    value: str
    list: str
    label: str
    agency: str
    items: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "list": self.list,
            "label": self.label,
            "agency": self.agency,
            "items": list(self.items),
        }


def import_watchlist(case: Case, path: Path, name: str | None = None) -> dict[str, Any]:
    """Import a watchlist file, store it, flag the items it matches; audited."""
    path = Path(path)
    parsed = parse(path, case.meta.get("default_region") or None)
    source_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    list_name = name or parsed.name or path.name
    with case.transaction():
        list_id = int(
            case.db.table("watchlists")
            .insert(
                {
                    "name": list_name,
                    "source_file": str(path),
                    "source_sha256": source_sha,
                    "format": parsed.format,
                    "imported_at": utc_now(),
                    "analyst": case.analyst,
                    "entries": len(parsed.entries),
                    "rejected": len(parsed.errors),
                }
            )
            .last_pk
            or 0
        )
        case.db.table("watchlist_entries").insert_all(
            {
                "watchlist_id": list_id,
                "kind": e.kind,
                "value": e.value,
                "platform": e.platform,
                "label": e.label,
                "agency": e.agency,
            }
            for e in parsed.entries
        )
        new = match(case, watchlist_id=list_id)
        case.audit(
            "watchlist.imported",
            {
                "watchlist_id": list_id,
                "name": list_name,
                "file": str(path),
                "sha256": source_sha,
                "format": parsed.format,
                "entries": parsed.counts(),
                "rejected": len(parsed.errors),
                "hits": new,
            },
        )
    return {
        "watchlist_id": list_id,
        "name": list_name,
        "format": parsed.format,
        "entries": parsed.counts(),
        "errors": parsed.errors,
        "hits": [h.as_json() for h in hits(case, watchlist_id=list_id)],
    }


def _in(ids: list[int] | None, column: str) -> tuple[str, list[Any]]:
    if ids is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(ids))})", list(ids)


def match(case: Case, *, watchlist_id: int | None = None, item_ids: list[int] | None = None) -> int:
    """Record the hits of watchlist entries on items (all, or those given); returns new hits."""
    if item_ids is not None and not item_ids:
        return 0
    sql = "SELECT id, kind, value, platform FROM watchlist_entries"
    params: list[Any] = []
    if watchlist_id is not None:
        sql += " WHERE watchlist_id = ?"
        params.append(watchlist_id)
    entries = case.db.execute(sql, params).fetchall()
    if not entries:
        return 0
    pairs: set[tuple[int, int]] = set()
    by_kind: dict[str, dict[str, list[tuple[int, str | None]]]] = {}
    for eid, kind, value, platform in entries:
        by_kind.setdefault(kind, {}).setdefault(value, []).append((int(eid), platform))

    # Selectors the case found (phone, e-mail, handle, wallet, URL): equality on the normalised value.
    item_sql, item_params = _in(item_ids, "l.item_id")
    for kind in ("phone", "email", "handle", "wallet", "url", "iban"):  # iban: selectors once extracted
        wanted = by_kind.get(kind)
        if not wanted:
            continue
        for value, item_id, link_platform in case.db.execute(
            "SELECT s.value, l.item_id, l.platform FROM selectors s JOIN selector_links l ON l.selector_id = s.id"
            " WHERE s.kind = ?" + item_sql,
            [kind, *item_params],
        ):
            for eid, platform in wanted.get(value, []):
                if kind == "handle" and platform and link_platform and platform != link_platform:
                    continue
                pairs.add((eid, int(item_id)))

    # Domains: of URL selectors and of the items' own addresses.
    domains = by_kind.get("domain")
    if domains:
        for value, item_id in case.db.execute(
            "SELECT s.value, l.item_id FROM selectors s JOIN selector_links l ON l.selector_id = s.id"
            " WHERE s.kind = 'url'" + item_sql,
            item_params,
        ):
            for eid, _ in domains.get(_domain(value), []):
                pairs.add((eid, int(item_id)))
        own_sql, own_params = _in(item_ids, "id")
        for item_id, src, final in case.db.execute(
            "SELECT id, source_url, final_url FROM items WHERE 1 = 1" + own_sql, own_params
        ):
            for url in (src, final):
                for eid, _ in domains.get(_domain(url), []) if url else []:
                    pairs.add((eid, int(item_id)))

    # IBANs: no selector kind of their own yet; read from the items' text and OCR.
    ibans = by_kind.get("iban")
    if ibans:
        own_sql, own_params = _in(item_ids, "i.id")
        for item_id, title, text, ocr in case.db.execute(
            "SELECT i.id, i.title, i.text, o.text FROM items i LEFT JOIN ocr_text o ON o.item_id = i.id"
            " WHERE 1 = 1" + own_sql,
            own_params,
        ):
            for iban in _ibans(" ".join(t for t in (title, text, ocr) if t)):
                for eid, _ in ibans.get(iban, []):
                    pairs.add((eid, int(item_id)))

    # Image hashes: exact SHA-256/MD5, PDQ/pHash within the dedup radius in all 8 orientations.
    hash_entries = [(e[0], e[1], e[2]) for e in entries if e[1] in HASH_KINDS]
    if hash_entries:
        from workstation.dedup.service import _load  # the dedup room's loader of item hashes

        rows, hashes = _load(case, item_ids)
        matched = hashsets.match(
            [hashsets.Entry(k, v) for _, k, v in hash_entries],
            [r["sha256"] for r in rows],
            [r["md5"] for r in rows],
            hashes,
        )
        for m in matched:
            pairs.add((int(hash_entries[m.entry][0]), int(rows[m.item]["id"])))
        exact_sql, exact_params = _in(item_ids, "id")
        exact = {(k, v): eid for eid, k, v in hash_entries if k in ("sha256", "md5")}
        if exact:  # non-image items (documents, pages) by exact hash
            for item_id, sha, md5 in case.db.execute(
                "SELECT id, sha256, md5 FROM items WHERE 1 = 1" + exact_sql, exact_params
            ):
                for key in (("sha256", sha), ("md5", md5 or "")):
                    if key in exact:
                        pairs.add((exact[key], int(item_id)))

    now = utc_now()
    before = case.db.execute("SELECT count(*) FROM watchlist_hits").fetchone()[0]
    with case.transaction():
        case.db.conn.executemany(
            "INSERT OR IGNORE INTO watchlist_hits (entry_id, item_id, matched_at) VALUES (?, ?, ?)",
            [(e, i, now) for e, i in sorted(pairs)],
        )
    after = case.db.execute("SELECT count(*) FROM watchlist_hits").fetchone()[0]
    return int(after - before)


def _domain(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return registrable_domain(host) if host else ""


def _ibans(text: str) -> set[str]:
    out = set()
    for m in _IBAN_IN_TEXT.finditer(text.upper()):
        iban = m.group(0).replace(" ", "")
        if iban_valid(iban):
            out.add(iban)
    return out


def hits(case: Case, *, watchlist_id: int | None = None, item_id: int | None = None) -> list[WatchlistHit]:
    """Watchlist entries with hits, each with the items it matched (read function)."""
    sql = (
        "SELECT e.id, e.kind, e.value, w.name, e.label, e.agency, h.item_id"
        " FROM watchlist_hits h JOIN watchlist_entries e ON e.id = h.entry_id"
        " JOIN watchlists w ON w.id = e.watchlist_id WHERE 1 = 1"
    )
    params: list[Any] = []
    if watchlist_id is not None:
        sql += " AND w.id = ?"
        params.append(watchlist_id)
    if item_id is not None:
        sql += " AND e.id IN (SELECT entry_id FROM watchlist_hits WHERE item_id = ?)"
        params.append(item_id)
    grouped: dict[int, tuple[tuple[str, str, str, str, str], list[int]]] = {}
    for eid, kind, value, name, label, agency, iid in case.db.execute(sql + " ORDER BY e.id, h.item_id", params):
        grouped.setdefault(int(eid), ((kind, value, name, label or "", agency or ""), []))[1].append(int(iid))
    return [WatchlistHit(*head, items=tuple(ids)) for head, ids in grouped.values()]


def hit_item_ids(case: Case) -> list[int]:
    """Items matched by any watchlist entry (the navigator's "Watchlist hits")."""
    return [int(r[0]) for r in case.db.execute("SELECT DISTINCT item_id FROM watchlist_hits ORDER BY item_id")]


def run_hits(case: Case) -> list[WatchlistHit]:
    """Match every watchlist against the whole case again (on demand); audited."""
    new = match(case)
    result = hits(case)
    case.audit("watchlist.matched", {"new_hits": new, "entries_with_hits": len(result)})
    return result


__all__ = ["Entry", "WatchlistHit", "hit_item_ids", "hits", "import_watchlist", "match", "run_hits"]
