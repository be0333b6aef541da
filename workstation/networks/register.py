"""The analyst's register: persons, platforms and accounts, and what they are linked to.

Persons carry a role (possible victim, suspect, facilitator, buyer, witness), nationality, age
band and aliases; platforms a type and a status that only moves up (checked → suspected →
involved) unless the analyst sets it back explicitly; an account is a handle, phone, e-mail or
wallet on a platform. Persons and accounts link to items, selectors, photo clusters and
networks; computed things are named by a member item so the link survives a re-run.
Every change is one audited function here; the CLI and the window both call it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workstation.case import Case, utc_now
from workstation.errors import UsageError

ROLES = ("possible_victim", "suspect", "facilitator", "buyer", "witness", "unknown")
AGE_BANDS = ("minor", "18-24", "25-34", "35-44", "45+", "unknown")
PLATFORM_TYPES = ("escort_site", "dating_app", "job_board", "marketplace", "messenger", "social_network", "other")
STATUSES = ("checked", "suspected", "involved")
ACCOUNT_KINDS = ("handle", "phone", "email", "wallet", "other")
TARGET_TYPES = ("item", "selector", "photo_cluster", "network", "account", "platform")
MESSENGERS = frozenset("whatsapp telegram signal viber wechat qq line kik skype discord".split())
SOCIAL = frozenset("instagram facebook tiktok x snapchat onlyfans vk ok reddit youtube linkedin".split())


@dataclass(frozen=True)
class RegisterLink:
    id: int
    target_type: str
    target: str
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.target_type, "target": self.target, "note": self.note}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    nationality: str | None
    age_band: str | None
    aliases: tuple[str, ...]
    note: str | None
    created_at: str
    created_by: str
    links: tuple[RegisterLink, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "nationality": self.nationality,
            "age_band": self.age_band,
            "aliases": list(self.aliases),
            "note": self.note,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "links": [lk.to_json() for lk in self.links],
        }


@dataclass(frozen=True)
class Platform:
    name: str
    type: str | None
    status: str | None  # None: seen in the case, not yet in the register
    note: str | None
    items: int  # items published on it (pages of its site, messenger links naming it)
    accounts: int
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "status": self.status,
            "note": self.note,
            "items": self.items,
            "accounts": self.accounts,
        }


@dataclass(frozen=True)
class Account:
    id: int
    platform: str
    kind: str
    value: str
    note: str | None
    persons: tuple[int, ...]
    items: tuple[int, ...]  # items carrying this value as a selector

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform,
            "kind": self.kind,
            "value": self.value,
            "note": self.note,
            "persons": list(self.persons),
            "items": list(self.items),
        }


# -- persons ---------------------------------------------------------------------------------
def _check(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        raise UsageError(f"unknown {what} {value!r}; one of: {', '.join(allowed)}")


def _role(role: str) -> str:
    role = role.strip().lower().replace(" ", "_").replace("-", "_")
    if role == "victim":
        role = "possible_victim"
    _check(role, ROLES, "role")
    return role


def _nationality(code: str | None) -> str | None:
    if code is None or not code.strip():
        return None
    code = code.strip().upper()
    if not (code.isalpha() and len(code) in (2, 3)):
        raise UsageError(f"nationality is an ISO 3166 country code (UA, NG, CN...), not {code!r}")
    return code


def add_person(
    case: Case,
    name: str,
    role: str,
    *,
    nationality: str | None = None,
    age_band: str | None = None,
    aliases: list[str] | None = None,
    note: str | None = None,
) -> Person:
    """Add a person to the register (audited)."""
    if not name.strip():
        raise UsageError("a person needs a name or label")
    role = _role(role)
    _check(age_band, AGE_BANDS, "age band")
    nat = _nationality(nationality)
    now = utc_now()
    alias_list = [a.strip() for a in aliases or [] if a.strip()]
    with case.transaction():
        cur = case.db.execute(
            "INSERT INTO persons (name, role, nationality, age_band, aliases, note, created_at, created_by, "
            "updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                name.strip(),
                role,
                nat,
                age_band,
                json.dumps(alias_list, ensure_ascii=False),
                note,
                now,
                case.analyst,
                now,
            ],
        )
        pid = int(cur.lastrowid or 0)
        case.audit(
            "person.added",
            {
                "person": pid,
                "name": name.strip(),
                "role": role,
                "nationality": nat,
                "age_band": age_band,
                "aliases": alias_list,
            },
        )
    return person(case, pid)


def update_person(
    case: Case,
    person_id: int,
    *,
    name: str | None = None,
    role: str | None = None,
    nationality: str | None = None,
    age_band: str | None = None,
    aliases: list[str] | None = None,
    note: str | None = None,
) -> Person:
    """Change a person's fields (audited with the old and new values)."""
    before = person(case, person_id)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = name.strip()
    if role is not None:
        changes["role"] = _role(role)
    if nationality is not None:
        changes["nationality"] = _nationality(nationality)
    if age_band is not None:
        _check(age_band, AGE_BANDS, "age band")
        changes["age_band"] = age_band
    if aliases is not None:
        changes["aliases"] = json.dumps([a.strip() for a in aliases if a.strip()], ensure_ascii=False)
    if note is not None:
        changes["note"] = note
    if not changes:
        return before
    with case.transaction():
        sets = ", ".join(f"{k} = ?" for k in changes)
        case.db.execute(
            f"UPDATE persons SET {sets}, updated_at = ? WHERE id = ?", [*changes.values(), utc_now(), person_id]
        )
        old = before.to_json()
        case.audit(
            "person.updated",
            {"person": person_id, "old": {k: old.get(k) for k in changes}, "new": changes},
        )
    return person(case, person_id)


def _links(case: Case, subject: str, sid: int) -> tuple[RegisterLink, ...]:
    return tuple(
        RegisterLink(r["id"], r["target_type"], r["target"], r["note"])
        for r in case.db.query(
            "SELECT id, target_type, target, note FROM register_links "
            "WHERE subject_type = ? AND subject_id = ? ORDER BY id",
            [subject, sid],
        )
    )


def _person(case: Case, r: dict[str, Any]) -> Person:
    return Person(
        r["id"],
        r["name"],
        r["role"],
        r["nationality"],
        r["age_band"],
        tuple(json.loads(r["aliases"] or "[]")),
        r["note"],
        r["created_at"],
        r["created_by"],
        _links(case, "person", r["id"]),
    )


def person(case: Case, person_id: int) -> Person:
    rows = list(case.db.query("SELECT * FROM persons WHERE id = ?", [person_id]))
    if not rows:
        raise UsageError(f"no person with id {person_id}")
    return _person(case, rows[0])


def persons(case: Case, role: str | None = None) -> list[Person]:
    """Persons in the register (optionally of one role), in the order they were added."""
    if role:
        rows = case.db.query("SELECT * FROM persons WHERE role = ? ORDER BY id", [_role(role)])
    else:
        rows = case.db.query("SELECT * FROM persons ORDER BY id")
    return [_person(case, r) for r in rows]


def _target(case: Case, target_type: str, target: str) -> str:
    """Check a link target exists and return its stored spelling."""
    _check(target_type, TARGET_TYPES, "link type")
    t = target.strip()
    if target_type in ("item", "photo_cluster", "network"):
        key = t.upper().removeprefix("N") if target_type == "network" else t
        if not key.isdigit():
            raise UsageError(f"a {target_type} is named by an item id (networks also as N<item id>), not {t!r}")
        case.item(int(key))  # raises for an unknown item
        return key
    if target_type == "selector":
        kind, _, value = t.partition(":")
        row = case.db.execute("SELECT 1 FROM selectors WHERE kind = ? AND value = ?", [kind, value]).fetchone()
        if row is None:
            raise UsageError(f"no selector {t!r} in this case (kind:value, e.g. phone:+31612345678)")
        return t
    if target_type == "account":
        if not t.isdigit() or case.db.execute("SELECT 1 FROM accounts WHERE id = ?", [int(t)]).fetchone() is None:
            raise UsageError(f"no account {t!r}")
        return t
    name = t.lower()
    if case.db.execute("SELECT 1 FROM platforms WHERE name = ?", [name]).fetchone() is None:
        raise UsageError(f"platform {name!r} is not in the register; add it with `workstation platform set`")
    return name


def link(
    case: Case, subject_type: str, subject_id: int, target_type: str, target: str, note: str | None = None
) -> RegisterLink:
    """Link a person or account to an item, selector, photo cluster, network, account or platform (audited)."""
    if subject_type == "person":
        person(case, subject_id)
    elif subject_type == "account":
        if case.db.execute("SELECT 1 FROM accounts WHERE id = ?", [subject_id]).fetchone() is None:
            raise UsageError(f"no account with id {subject_id}")
    else:
        raise UsageError(f"only persons and accounts are linked, not {subject_type!r}")
    stored = _target(case, target_type, target)
    with case.transaction():
        cur = case.db.execute(
            "INSERT OR IGNORE INTO register_links (subject_type, subject_id, target_type, target, note, created_at, "
            "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [subject_type, subject_id, target_type, stored, note, utc_now(), case.analyst],
        )
        row = case.db.execute(
            "SELECT id FROM register_links "
            "WHERE subject_type = ? AND subject_id = ? AND target_type = ? AND target = ?",
            [subject_type, subject_id, target_type, stored],
        ).fetchone()
        if cur.rowcount:
            case.audit(
                f"{subject_type}.linked",
                {subject_type: subject_id, "type": target_type, "target": stored, "note": note},
            )
    return RegisterLink(int(row[0]), target_type, stored, note)


def link_person(case: Case, person_id: int, target_type: str, target: str, note: str | None = None) -> RegisterLink:
    return link(case, "person", person_id, target_type, target, note)


def unlink(case: Case, link_id: int) -> None:
    """Remove a register link (audited)."""
    row = case.db.execute(
        "SELECT subject_type, subject_id, target_type, target FROM register_links WHERE id = ?", [link_id]
    ).fetchone()
    if row is None:
        raise UsageError(f"no register link {link_id}")
    with case.transaction():
        case.db.execute("DELETE FROM register_links WHERE id = ?", [link_id])
        case.audit(f"{row[0]}.unlinked", {row[0]: row[1], "type": row[2], "target": row[3], "link": link_id})


# -- platforms -------------------------------------------------------------------------------
def guess_type(name: str) -> str | None:
    if name in MESSENGERS:
        return "messenger"
    if name in SOCIAL:
        return "social_network"
    return None


def set_platform(
    case: Case,
    name: str,
    *,
    type: str | None = None,
    status: str | None = None,
    note: str | None = None,  # noqa: A002
) -> Platform:
    """Add a platform to the register or change its type, status or note (audited)."""
    key = name.strip().lower()
    if not key:
        raise UsageError("a platform needs a name (its domain or messenger name)")
    _check(type, PLATFORM_TYPES, "platform type")
    _check(status, STATUSES, "status")
    now = utc_now()
    row = case.db.execute("SELECT id, type, status, note FROM platforms WHERE name = ?", [key]).fetchone()
    with case.transaction():
        if row is None:
            case.db.execute(
                "INSERT INTO platforms (name, type, status, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [key, type or guess_type(key), status or "checked", note, now, now],
            )
            case.audit(
                "platform.added", {"platform": key, "type": type or guess_type(key), "status": status or "checked"}
            )
        else:
            new = {"type": type or row[1], "status": status or row[2], "note": note if note is not None else row[3]}
            case.db.execute(
                "UPDATE platforms SET type = ?, status = ?, note = ?, updated_at = ? WHERE name = ?",
                [new["type"], new["status"], new["note"], now, key],
            )
            case.audit(
                "platform.changed",
                {"platform": key, "old": {"type": row[1], "status": row[2], "note": row[3]}, "new": new},
            )
    return next(p for p in platforms(case) if p.name == key)


def _seen_platforms(case: Case) -> dict[str, int]:
    """Platforms the case's items show: the sites pages came from and messengers named in selectors."""
    from workstation.networks.linking import load_ads

    seen: dict[str, set[int]] = {}
    for ad in load_ads(case):
        if ad.ref.host and not ad.ref.host.startswith("path:"):
            seen.setdefault(ad.ref.host, set()).add(ad.ref.id)
    for r in case.db.query("SELECT DISTINCT platform, item_id FROM selector_links WHERE platform IS NOT NULL"):
        seen.setdefault(str(r["platform"]).lower(), set()).add(r["item_id"])
    return {k: len(v) for k, v in seen.items()}


def platforms(case: Case, *, include_seen: bool = True) -> list[Platform]:
    """Registered platforms, and (``include_seen``) those the case's items show but not yet registered."""
    seen = _seen_platforms(case) if include_seen else {}
    counts = {
        r["platform_id"]: r["n"]
        for r in case.db.query("SELECT platform_id, count(*) AS n FROM accounts GROUP BY platform_id")
    }
    out: list[Platform] = []
    names = set()
    for r in case.db.query("SELECT * FROM platforms ORDER BY name"):
        names.add(r["name"])
        out.append(
            Platform(
                r["name"], r["type"], r["status"], r["note"], seen.get(r["name"], 0), counts.get(r["id"], 0), r["id"]
            )
        )
    for name, n in sorted(seen.items()):
        if name not in names:
            out.append(Platform(name, guess_type(name), None, None, n, 0))
    order = {"involved": 0, "suspected": 1, "checked": 2, None: 3}
    out.sort(key=lambda p: (order[p.status], -p.items, p.name))
    return out


# -- accounts --------------------------------------------------------------------------------
def _normalise_account(kind: str, value: str, region: str | None) -> str:
    v = value.strip()
    if kind == "phone":
        from workstation.selectors import extract_phones

        hits = extract_phones(v, region or None)
        if not hits:
            raise UsageError(f"{v!r} is not a phone number (give it in international form, +31...)")
        return hits[0].value
    if kind == "handle":
        return "@" + v.lstrip("@").lower()
    if kind == "email":
        return v.lower()
    return v


def add_account(
    case: Case, platform: str, kind: str, value: str, *, person_id: int | None = None, note: str | None = None
) -> Account:
    """Register an account (a handle, phone, e-mail or wallet on a platform), optionally of a person (audited)."""
    _check(kind, ACCOUNT_KINDS, "account kind")
    key = platform.strip().lower()
    with case.transaction():
        if case.db.execute("SELECT 1 FROM platforms WHERE name = ?", [key]).fetchone() is None:
            set_platform(case, key)
        pid = int(case.db.execute("SELECT id FROM platforms WHERE name = ?", [key]).fetchone()[0])
        norm = _normalise_account(kind, value, case.meta.get("default_region"))
        row = case.db.execute(
            "SELECT id FROM accounts WHERE platform_id = ? AND kind = ? AND value = ?", [pid, kind, norm]
        ).fetchone()
        if row is None:
            cur = case.db.execute(
                "INSERT INTO accounts (platform_id, kind, value, note, created_at, created_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [pid, kind, norm, note, utc_now(), case.analyst],
            )
            aid = int(cur.lastrowid or 0)
            case.audit("account.added", {"account": aid, "platform": key, "kind": kind, "value": norm})
        else:
            aid = int(row[0])
        if person_id is not None:
            link(case, "person", person_id, "account", str(aid))
    return next(a for a in accounts(case) if a.id == aid)


def accounts(case: Case, platform: str | None = None) -> list[Account]:
    """Registered accounts with the persons linked to them and the items carrying their value."""
    sql = (
        "SELECT a.id, p.name AS platform, a.kind, a.value, a.note "
        "FROM accounts a JOIN platforms p ON p.id = a.platform_id"
    )
    params: list[Any] = []
    if platform:
        sql += " WHERE p.name = ?"
        params.append(platform.strip().lower())
    out: list[Account] = []
    for r in case.db.query(sql + " ORDER BY p.name, a.kind, a.value", params):
        persons_of = tuple(
            int(x[0])
            for x in case.db.execute(
                "SELECT subject_id FROM register_links WHERE subject_type = 'person' AND target_type = 'account' "
                "AND target = ? ORDER BY subject_id",
                [str(r["id"])],
            )
        )
        sel_kind = r["kind"] if r["kind"] != "other" else None
        items = tuple(
            int(x[0])
            for x in case.db.execute(
                "SELECT DISTINCT l.item_id FROM selector_links l JOIN selectors s ON s.id = l.selector_id "
                "WHERE s.kind = ? AND s.value = ? ORDER BY l.item_id",
                [sel_kind, r["value"]],
            )
        )
        out.append(Account(r["id"], r["platform"], r["kind"], r["value"], r["note"], persons_of, items))
    return out
