"""Action-day statistics and timelines, reproducible from the case."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workstation.case import Case
from workstation.errors import UsageError
from workstation.networks.linking import networks as compute_networks
from workstation.networks.records import Network
from workstation.networks.register import ROLES, STATUSES, accounts, persons, platforms


@dataclass(frozen=True)
class Stats:
    """What action-day reports publish: platforms, selectors checked, persons, networks, items."""

    platforms: dict[str, int]
    phones_checked: int
    usernames_checked: int
    emails_checked: int
    persons_by_role: dict[str, int]
    persons_by_nationality: dict[str, int]
    victims_by_nationality: dict[str, int]
    networks: int
    items_in_networks: int
    largest_network: int
    items: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "platforms": self.platforms,
            "phone_numbers_checked": self.phones_checked,
            "usernames_checked": self.usernames_checked,
            "emails_checked": self.emails_checked,
            "persons": {
                "by_role": self.persons_by_role,
                "by_nationality": self.persons_by_nationality,
                "possible_victims_by_nationality": self.victims_by_nationality,
                "total": sum(self.persons_by_role.values()),
            },
            "networks": {
                "count": self.networks,
                "items": self.items_in_networks,
                "largest": self.largest_network,
            },
            "items": self.items,
        }


def _distinct(case: Case, kind: str, account_kind: str) -> int:
    values = {r[0] for r in case.db.execute("SELECT value FROM selectors WHERE kind = ?", [kind])}
    values.update(a.value for a in accounts(case) if a.kind == account_kind)
    return len(values)


def action_day_stats(case: Case, found: Sequence[Network] | None = None) -> Stats:
    """The statistics of the case (networks computed unless given)."""
    plats = platforms(case)
    by_status = Counter(p.status for p in plats if p.status)
    plat = {s: by_status.get(s, 0) for s in STATUSES}
    plat["registered"] = sum(by_status.values())
    plat["seen_not_registered"] = sum(1 for p in plats if p.status is None)
    people = persons(case)
    roles = Counter(p.role for p in people)
    nats = Counter(p.nationality or "unknown" for p in people)
    victims = Counter(p.nationality or "unknown" for p in people if p.role == "possible_victim")
    nets = list(found) if found is not None else compute_networks(case)
    kinds = {r[0]: int(r[1]) for r in case.db.execute("SELECT kind, count(*) FROM items GROUP BY kind")}
    kinds["total"] = sum(kinds.values())
    return Stats(
        platforms=plat,
        phones_checked=_distinct(case, "phone", "phone"),
        usernames_checked=_distinct(case, "handle", "handle"),
        emails_checked=_distinct(case, "email", "email"),
        persons_by_role={r: roles.get(r, 0) for r in ROLES},
        persons_by_nationality=dict(sorted(nats.items())),
        victims_by_nationality=dict(sorted(victims.items())),
        networks=len(nets),
        items_in_networks=sum(len(n.items) for n in nets),
        largest_network=max((len(n.items) for n in nets), default=0),
        items=dict(sorted(kinds.items())),
    )


@dataclass(frozen=True)
class Timeline:
    """When a network's (or selector's) items were seen: first, last, and ads per day."""

    subject: str
    first_seen: str | None
    last_seen: str | None
    per_day: tuple[tuple[str, int], ...]
    items: tuple[tuple[int, str | None], ...]  # (item id, seen), oldest first

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "per_day": [{"day": d, "items": n} for d, n in self.per_day],
            "items": [{"id": i, "seen": s} for i, s in self.items],
        }


def _timeline(subject: str, seen: Sequence[tuple[int, str | None]]) -> Timeline:
    ordered = tuple(sorted(seen, key=lambda x: (x[1] or "", x[0])))
    days = Counter((s or "")[:10] for _, s in ordered if s)
    known = [s for _, s in ordered if s]
    return Timeline(subject, min(known, default=None), max(known, default=None), tuple(sorted(days.items())), ordered)


def network_timeline(network: Network) -> Timeline:
    return _timeline(network.id, [(i.id, i.seen) for i in network.items])


def selector_timeline(case: Case, kind: str, value: str) -> Timeline:
    rows = list(
        case.db.query(
            "SELECT DISTINCT i.id, COALESCE(i.captured_at, i.imported_at) AS seen FROM selector_links l "
            "JOIN selectors s ON s.id = l.selector_id JOIN items i ON i.id = l.item_id "
            "WHERE s.kind = ? AND s.value = ?",
            [kind, value],
        )
    )
    if not rows:
        raise UsageError(f"no selector {kind}:{value} in this case")
    return _timeline(f"{kind}:{value}", [(r["id"], r["seen"]) for r in rows])
