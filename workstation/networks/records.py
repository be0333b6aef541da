"""Frozen records the networks room returns to the CLI, the window and the report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VIA_KINDS = ("phone", "handle", "email", "wallet", "device", "photo", "text", "analyst")


@dataclass(frozen=True)
class ItemRef:
    """An item in a network or template (the fields of the ``networks --json`` contract)."""

    id: int
    sha256: str
    original_name: str | None
    source_path: str | None
    kind: str
    host: str = ""
    seen: str | None = None  # capture time, else import time (ISO UTC)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "original_name": self.original_name,
            "source_path": self.source_path,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Link:
    """Evidence that two items belong together: ``via`` what, which ``value``, how strong."""

    a: int
    b: int
    via: str
    value: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "via": self.via, "value": self.value, "score": self.score}


@dataclass(frozen=True)
class Network:
    """Items connected by links; ``id`` is ``N`` + the smallest item id (stable over re-runs)."""

    id: str
    items: tuple[ItemRef, ...]
    links: tuple[Link, ...]

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(i.id for i in self.items)

    @property
    def first_seen(self) -> str | None:
        seen = [i.seen for i in self.items if i.seen]
        return min(seen) if seen else None

    @property
    def last_seen(self) -> str | None:
        seen = [i.seen for i in self.items if i.seen]
        return max(seen) if seen else None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "items": [i.to_json() for i in self.items],
            "links": [link.to_json() for link in self.links],
        }


@dataclass(frozen=True)
class SlotRecord:
    start: int
    end: int
    kind: str
    values: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "values": list(self.values)}


@dataclass(frozen=True)
class Template:
    """A template cluster: its ads, the representative text, common phrases and slots."""

    id: str
    items: tuple[ItemRef, ...]
    representative: int  # item id
    text: str
    common: tuple[tuple[int, int], ...]
    slots: tuple[SlotRecord, ...]
    hosts: tuple[str, ...]
    similarity: float  # smallest Jaccard of the links that formed the cluster

    def highlighted(self, on: str = "«", off: str = "»") -> str:
        out, pos = [], 0
        for s, e in self.common:
            out.append(self.text[pos:s])
            out.append(on + self.text[s:e] + off)
            pos = e
        out.append(self.text[pos:])
        return "".join(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": len(self.items),
            "items": [i.to_json() for i in self.items],
            "hosts": list(self.hosts),
            "representative": {"item": self.representative, "text": self.text},
            "common": [list(c) for c in self.common],
            "highlighted": self.highlighted(),
            "slots": [s.to_json() for s in self.slots],
            "similarity": self.similarity,
        }


@dataclass(frozen=True)
class Decision:
    """An analyst's split or join of networks (stored; applied on every run)."""

    id: int
    action: str
    items_a: tuple[int, ...]
    items_b: tuple[int, ...]
    note: str | None
    decided_at: str
    analyst: str
    revoked_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "action": self.action,
            "items_a": list(self.items_a),
            "items_b": list(self.items_b),
            "note": self.note,
            "decided_at": self.decided_at,
            "analyst": self.analyst,
            "revoked_at": self.revoked_at,
        }
