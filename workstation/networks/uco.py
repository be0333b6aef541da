"""The register in the CASE/UCO export: persons, their roles, accounts and platforms.

* a person              -> ``uco-identity:Person`` (name; nationality, age band, aliases in the
                           description) with a ``uco-role:Role`` ("possible victim", "suspect"...)
                           linked ``Has_Role``
* a platform            -> ``uco-identity:Organization`` (type and status in the description)
* an account            -> ``uco-observable:Account`` with an ``AccountFacet`` (identifier, issuer =
                           the platform, owner = the person using it)
* a person's or account's link to an item -> ``uco-core:Relationship`` ``Related_To`` the File
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from workstation.case import Case
from workstation.networks.register import accounts, persons, platforms

ROLE_NAMES = {
    "possible_victim": "possible victim",
    "suspect": "suspect",
    "facilitator": "facilitator",
    "buyer": "buyer",
    "witness": "witness",
    "unknown": "unknown",
}


def register_nodes(
    case: Case,
    ids: Callable[..., str],
    members: list[str],
    counts: dict[str, int],
    relationship: Callable[[str, str, str, str, str | None], dict[str, Any]],
) -> Iterator[dict[str, Any]]:
    """Nodes for the register; their IRIs are appended to ``members`` (the investigation's objects)."""
    item_ids = {int(r[0]) for r in case.db.execute("SELECT id FROM items")}
    plat_iri: dict[str, str] = {}
    for p in platforms(case, include_seen=False):
        iri = ids("Organization", "platform", p.name)
        plat_iri[p.name] = iri
        members.append(iri)
        yield {
            "@id": iri,
            "@type": "uco-identity:Organization",
            "uco-core:name": p.name,
            "uco-core:description": f"platform; type: {p.type or 'unknown'}; status: {p.status}",
        }
        counts["platforms"] = counts.get("platforms", 0) + 1
    person_iri: dict[int, str] = {}
    roles: dict[str, str] = {}
    for person in persons(case):
        iri = ids("Person", person.id)
        person_iri[person.id] = iri
        members.append(iri)
        details = [f"role: {ROLE_NAMES.get(person.role, person.role)}"]
        if person.nationality:
            details.append(f"nationality: {person.nationality}")
        if person.age_band:
            details.append(f"age band: {person.age_band}")
        if person.aliases:
            details.append("aliases: " + ", ".join(person.aliases))
        yield {
            "@id": iri,
            "@type": "uco-identity:Person",
            "uco-core:name": person.name,
            "uco-core:description": "; ".join(details),
        }
        counts["persons"] = counts.get("persons", 0) + 1
        if person.role not in roles:
            roles[person.role] = ids("Role", person.role)
            members.append(roles[person.role])
            yield {
                "@id": roles[person.role],
                "@type": "uco-role:Role",
                "uco-core:name": ROLE_NAMES.get(person.role, person.role),
            }
        rel = ids("Relationship", "person-role", person.id)
        members.append(rel)
        yield relationship(rel, iri, roles[person.role], "Has_Role", None)
    for account in accounts(case):
        iri = ids("Account", account.id)
        members.append(iri)
        facet: dict[str, Any] = {
            "@id": ids("AccountFacet", account.id),
            "@type": "uco-observable:AccountFacet",
            "uco-observable:accountIdentifier": account.value,
        }
        if account.platform in plat_iri:
            facet["uco-observable:accountIssuer"] = {"@id": plat_iri[account.platform]}
        if account.persons and account.persons[0] in person_iri:
            facet["uco-observable:owner"] = {"@id": person_iri[account.persons[0]]}
        yield {
            "@id": iri,
            "@type": "uco-observable:Account",
            "uco-core:name": f"{account.kind} {account.value} on {account.platform}",
            "uco-core:hasFacet": [facet],
        }
        counts["accounts"] = counts.get("accounts", 0) + 1
        for item_id in account.items:
            rel = ids("Relationship", "account-item", account.id, item_id)
            members.append(rel)
            yield relationship(rel, iri, ids("File", item_id), "Related_To", None)
    for person in persons(case):
        for lk in person.links:
            if lk.target_type in ("item", "network", "photo_cluster") and lk.target.isdigit():
                if int(lk.target) not in item_ids:
                    continue
                rel = ids("Relationship", "person-item", person.id, lk.id)
                members.append(rel)
                yield relationship(rel, person_iri[person.id], ids("File", int(lk.target)), "Related_To", None)
