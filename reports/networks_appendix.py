"""Appendix E — networks and persons: each network's items and every link with its evidence.

Opt-in section ``networks`` of the report. Link values (phone numbers, handles) pass through the
report's selector masker; with ``redact_persons`` a person is shown by number and role only
(no name, no aliases).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workstation.case import Case

ROLE_LABELS = {
    "possible_victim": "possible victim",
    "suspect": "suspect",
    "facilitator": "facilitator",
    "buyer": "buyer",
    "witness": "witness",
    "unknown": "unknown role",
}


@dataclass(frozen=True)
class LinkRow:
    a: int
    b: int
    via: str
    value: str
    score: float


@dataclass(frozen=True)
class NetworkRow:
    id: str
    items: tuple[tuple[int, str, str, str], ...]  # (item id, exhibit "12" or "", name, seen)
    links: tuple[LinkRow, ...]
    first_seen: str
    last_seen: str
    persons: tuple[str, ...]


@dataclass(frozen=True)
class PersonRow:
    label: str
    role: str
    nationality: str
    age_band: str
    aliases: str
    links: str


@dataclass(frozen=True)
class NetworksAppendix:
    networks: tuple[NetworkRow, ...]
    persons: tuple[PersonRow, ...]
    persons_redacted: bool


def mask_persons(case: Case, masker: Any) -> None:
    """Add the register's person names and aliases to the report's masker (everywhere, custody included)."""
    import re

    from workstation.networks import persons

    for p in persons(case):
        label = f"[REDACTED person {p.id}]"
        for name in (p.name, *p.aliases):
            if len(name.strip()) >= 2:
                masker.patterns.append((re.compile(re.escape(name.strip()), re.IGNORECASE), label))
    masker.patterns.sort(key=lambda pl: -len(pl[0].pattern))


def build(case: Case, mask: Callable[[str], str], *, redact_persons: bool = False) -> NetworksAppendix:
    """The appendix's content (plain data)."""
    from workstation.networks import networks, persons

    numbers = {int(r[0]): int(r[1]) for r in case.db.execute("SELECT item_id, number FROM exhibits")}
    people = persons(case)

    def person_label(p: Any) -> str:
        return f"Person {p.id}" if redact_persons else p.name

    found = networks(case)
    net_persons: dict[str, list[str]] = {}
    by_item = {i: n.id for n in found for i in n.item_ids}
    for p in people:
        for lk in p.links:
            if lk.target_type in ("network", "item", "photo_cluster") and lk.target.isdigit():
                nid = by_item.get(int(lk.target))
                if nid:
                    net_persons.setdefault(nid, []).append(f"{person_label(p)} ({ROLE_LABELS.get(p.role, p.role)})")
    rows = []
    for n in found:
        rows.append(
            NetworkRow(
                id=n.id,
                items=tuple(
                    (i.id, str(numbers.get(i.id, "")), i.original_name or "", (i.seen or "")[:10]) for i in n.items
                ),
                links=tuple(LinkRow(lk.a, lk.b, lk.via, mask(lk.value), lk.score) for lk in n.links),
                first_seen=(n.first_seen or "")[:10],
                last_seen=(n.last_seen or "")[:10],
                persons=tuple(sorted(set(net_persons.get(n.id, [])))),
            )
        )
    prow = []
    for p in people:
        targets = "; ".join(
            f"{lk.target_type} {mask(lk.target) if lk.target_type == 'selector' else lk.target}" for lk in p.links
        )
        prow.append(
            PersonRow(
                label=person_label(p),
                role=ROLE_LABELS.get(p.role, p.role),
                nationality=p.nationality or "",
                age_band=p.age_band or "",
                aliases="[redacted]" if redact_persons and p.aliases else ", ".join(p.aliases),
                links=targets,
            )
        )
    return NetworksAppendix(tuple(rows), tuple(prow), redact_persons)


def story(appendix: NetworksAppendix | None) -> list[Any]:
    """The appendix's flowables (reportlab)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer

    from reports.layout import FRAME_WIDTH, Heading, grid, para

    out: list[Any] = [PageBreak(), Heading("Appendix E — Networks and persons", "h1", "networks", 0, toc=True)]
    if appendix is None:
        return out
    out.append(
        para(
            "Items linked into networks, and why: every link names its evidence (a shared phone number, "
            "handle, e-mail address or wallet, a photo cluster, near-identical ad text from one template, or "
            "an analyst's decision) and a score between 0 and 1. Values seen on a large share of the ads and "
            "the sites' own page chrome link nothing.",
            "muted",
        )
    )
    out.append(Spacer(1, 4))
    if not appendix.networks:
        out.append(para("No network of two or more items was found.", "body"))
    for n in appendix.networks:
        out.append(Heading(f"Network {n.id} — {len(n.items)} items", "h2", f"network-{n.id}", 1, toc=False))
        seen = f"First seen {n.first_seen or 'unknown'}, last seen {n.last_seen or 'unknown'}."
        if n.persons:
            seen += " Persons: " + ", ".join(n.persons) + "."
        out.append(para(seen, "body"))
        out.append(
            grid(
                ["Item", "Exhibit", "Name", "Seen"],
                ([(str(i), "small"), (ex, "small"), (name, "small"), (day, "small")] for i, ex, name, day in n.items),
                [18 * mm, 18 * mm, FRAME_WIDTH - 66 * mm, 30 * mm],
            )
        )
        out.append(Spacer(1, 3))
        out.append(
            grid(
                ["Items", "Via", "Evidence", "Score"],
                (
                    [
                        (f"{lk.a} – {lk.b}", "small"),
                        (lk.via, "small"),
                        (lk.value, "small"),
                        (f"{lk.score:.2f}", "small"),
                    ]
                    for lk in n.links
                ),
                [28 * mm, 20 * mm, FRAME_WIDTH - 64 * mm, 16 * mm],
            )
        )
        out.append(Spacer(1, 6))
    out.append(Heading("Persons", "h2", "networks-persons", 1, toc=False))
    if appendix.persons_redacted:
        out.append(para("Names and aliases of persons are redacted in this report.", "muted"))
    if not appendix.persons:
        out.append(para("No person is recorded in the register.", "body"))
        return out
    out.append(
        grid(
            ["Person", "Role", "Nationality", "Age", "Aliases", "Linked to"],
            (
                [
                    (p.label, "small"),
                    (p.role, "small"),
                    (p.nationality, "small"),
                    (p.age_band, "small"),
                    (p.aliases, "small"),
                    (p.links, "small"),
                ]
                for p in appendix.persons
            ),
            [28 * mm, 24 * mm, 18 * mm, 14 * mm, 28 * mm, FRAME_WIDTH - 112 * mm],
        )
    )
    return out
