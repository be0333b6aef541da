"""Publish a case's keyed tokens to the team hub and ask it for matches (PostgreSQL, psycopg 3).

The case is read first and written (one audit entry) only after the hub has answered, so an
unreachable hub leaves the case untouched.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from workstation.case import Case
from workstation.hub.tokens import HubError, case_tokens, publisher_token, read_team_key

_LOCK = 0x4855_4230  # advisory lock id of the hub's migrations ("HUB0")


def _where(url: str) -> str:
    """The hub's address for messages and the audit: host, port and database, no password."""
    try:
        parts = urlsplit(url)
        return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or ''}"
    except ValueError:
        return "the hub"


def connect(url: str) -> Any:
    """A psycopg connection to the hub, its schema migrated; ``HubError`` when it cannot be had."""
    try:
        import psycopg
    except ImportError as exc:
        raise HubError("the team hub needs psycopg: pip install 'psycopg[binary]'") from exc
    try:
        conn = psycopg.connect(url, connect_timeout=5, autocommit=False)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HubError(f"cannot reach the team hub at {_where(url)}: {first}") from exc
    try:
        migrate(conn)
    except psycopg.Error as exc:
        conn.close()
        raise HubError(f"the team hub at {_where(url)} refused its schema: {exc}") from exc
    return conn


def migrate(conn: Any) -> list[str]:
    """Apply workstation/hub/sql/NNNN_*.sql not applied yet (forward only); returns their names."""
    files = sorted(
        (f.name, f.read_text(encoding="utf-8"))
        for f in importlib.resources.files("workstation.hub").joinpath("sql").iterdir()
        if f.name.endswith(".sql")
    )
    applied: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS hub_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
        )
        done = {r[0] for r in conn.execute("SELECT name FROM hub_migrations")}
        for name, sql in files:
            if name in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO hub_migrations (name, applied_at) VALUES (%s, now())", [name])
            applied.append(name)
    return applied


def publish(
    case: Case, url: str, key_file: Path, agency: str | None = None, contact: str | None = None
) -> dict[str, Any]:
    """Replace this case's publication on the hub with its current keyed tokens; audited."""
    key = read_team_key(key_file)
    tokens = case_tokens(key, case, querying=False)
    agency = agency or case.meta.get("agency") or "unknown agency"
    contact = contact or case.analyst or ""
    me = publisher_token(key, case)
    conn = connect(url)
    try:
        with conn.transaction():
            conn.execute("DELETE FROM hub_publications WHERE publisher = %s", [me])
            row = conn.execute(
                "INSERT INTO hub_publications (publisher, agency, contact) VALUES (%s, %s, %s)"
                " RETURNING id, published_at",
                [me, agency, contact],
            ).fetchone()
            pub_id, published_at = row
            with conn.cursor() as cur, cur.copy("COPY hub_tokens (token, publication_id) FROM STDIN") as copy:
                for token in tokens:
                    copy.write_row((token, pub_id))
    except Exception as exc:
        raise HubError(f"publishing to the team hub at {_where(url)} failed: {exc}") from exc
    finally:
        conn.close()
    holdings = [h for hs in tokens.values() for h in hs]
    result = {
        "hub": _where(url),
        "agency": agency,
        "contact": contact,
        "published_at": published_at.isoformat(),
        "tokens": len(tokens),
        "selectors": len({(h.kind, h.value) for h in holdings if h.kind != "photo"}),
        "photos": len({h.value for h in holdings if h.kind == "photo"}),
    }
    case.audit("hub.published", result)
    return result


def _by_time(agency: dict[str, str]) -> tuple[str, str]:
    return agency["published_at"], agency["agency"]


def matches(case: Case, url: str, key_file: Path) -> dict[str, Any]:
    """What other publications on the hub share with this case; audited.

    Returns ``{"matches": [{"kind", "value", "items", "agencies": [{"agency", "contact",
    "published_at"}]}]}``; the value is this side's own (the hub never had it).
    """
    key = read_team_key(key_file)
    tokens = case_tokens(key, case, querying=True)
    me = publisher_token(key, case)
    conn = connect(url)
    try:
        rows = conn.execute(
            "SELECT DISTINCT t.token, p.id, p.agency, p.contact, p.published_at"
            " FROM unnest(%s::bytea[]) AS q(token) JOIN hub_tokens t ON t.token = q.token"
            " JOIN hub_publications p ON p.id = t.publication_id WHERE p.publisher <> %s",
            [list(tokens), me],
        ).fetchall()
        conn.rollback()
    except Exception as exc:
        raise HubError(f"asking the team hub at {_where(url)} failed: {exc}") from exc
    finally:
        conn.close()
    grouped: dict[tuple[str, str], tuple[set[int], dict[int, dict[str, str]]]] = {}
    for token, pub_id, agency, contact, published_at in rows:
        for h in tokens.get(bytes(token), []):
            items, agencies = grouped.setdefault((h.kind, h.value), (set(), {}))
            items.add(h.item_id)
            agencies[int(pub_id)] = {"agency": agency, "contact": contact, "published_at": published_at.isoformat()}
    out: list[dict[str, Any]] = [
        {
            "kind": kind,
            "value": value,
            "items": sorted(items),
            "agencies": sorted(agencies.values(), key=_by_time),
        }
        for (kind, value), (items, agencies) in sorted(grouped.items())
    ]
    case.audit("hub.matched", {"hub": _where(url), "matches": len(out)})
    return {"matches": out}
