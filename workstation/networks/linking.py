"""Templates and networks of a case: ads linked by selectors, photos and text, with decisions.

A network is a connected group of items. Each link names its evidence: a shared selector
(phone, handle, e-mail, wallet, camera), a photo cluster (workstation.dedup), a template
(near-identical text) or an analyst's join. Three rules keep one generic thing from joining
unrelated operations:

* site chrome is no evidence: a selector found only in a host's boilerplate lines (the site's
  own phone or Instagram in its footer) links nothing, and boilerplate lines do not count as
  text (:mod:`templates`);
* inverse frequency: a value shared by ``df`` of the case's ``n`` ads scores
  ``strength * log(n / df) / log(n)`` (at least 2 ads assumed), so a photo or phone seen everywhere
  scores near 0;
* a hub cap and a threshold: values on more than ``hub_share`` of the ads link nothing, and a
  link joins two items only when its score is at least ``min_score``.

Analyst decisions are stored, never the result: a join adds a link, a split cuts the weakest set
of links between the two parts (a minimum cut), in the order they were made, on every run.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import networkx as nx

from workstation.case import Case, utc_now
from workstation.errors import UsageError
from workstation.networks.records import Decision, ItemRef, Link, Network, SlotRecord, Template
from workstation.networks.templates import AdText, TemplateParams, TemplateResult, describe, find_templates
from workstation.selectors import page_url_of, registrable_domain

LINK_KINDS = ("phone", "handle", "email", "wallet", "device")
STRENGTH = {"phone": 1.0, "email": 1.0, "wallet": 1.0, "handle": 0.9, "device": 0.9, "photo": 1.0}


@dataclass(frozen=True)
class NetworkParams:
    """Tuning of network linking (defaults tuned on the dev split of the networks eval set).

    Attributes:
        min_score: a link joins two items only at or above this score.
        hub_share: a value on more than this share of the ads (and more than ``hub_min``) links nothing.
        hub_min: see ``hub_share``.
        use: evidence kinds used ("phone", "handle", "email", "wallet", "device", "photo", "text").
        templates: tuning of text linking.
    """

    min_score: float = 0.3
    hub_share: float = 0.05
    hub_min: int = 25
    use: frozenset[str] = frozenset(("phone", "handle", "email", "wallet", "device", "photo", "text"))
    templates: TemplateParams = field(default_factory=TemplateParams)


@dataclass(frozen=True)
class Ad:
    """An item with text (page, document, message): what templates and networks are built on."""

    ref: ItemRef
    text: str


def _host(row: dict[str, object]) -> str:
    url = page_url_of(row)
    if url:
        host = urlsplit(url).hostname if "//" in url else url
        if host:
            return registrable_domain(host)
    path = str(row.get("source_path") or "")
    if "/" in path:
        return "path:" + path.rsplit("/", 1)[0]
    return ""


def load_ads(case: Case) -> list[Ad]:
    """Items with text other than images (pages, documents, messages), in id order."""
    out: list[Ad] = []
    for r in case.db.query(
        "SELECT id, kind, sha256, original_name, source_path, source_url, final_url, text, "
        "COALESCE(captured_at, imported_at) AS seen FROM items "
        "WHERE kind != 'image' AND text IS NOT NULL AND length(text) > 0 ORDER BY id"
    ):
        ref = ItemRef(r["id"], r["sha256"], r["original_name"], r["source_path"], r["kind"], _host(r), r["seen"])
        out.append(Ad(ref, r["text"]))
    return out


def _item_refs(case: Case, ids: Iterable[int]) -> dict[int, ItemRef]:
    out: dict[int, ItemRef] = {}
    ids = sorted(set(ids))
    for k in range(0, len(ids), 900):
        chunk = ids[k : k + 900]
        marks = ",".join("?" * len(chunk))
        for r in case.db.query(
            "SELECT id, kind, sha256, original_name, source_path, source_url, final_url, "
            f"COALESCE(captured_at, imported_at) AS seen FROM items WHERE id IN ({marks})",
            chunk,
        ):
            out[r["id"]] = ItemRef(
                r["id"], r["sha256"], r["original_name"], r["source_path"], r["kind"], _host(r), r["seen"]
            )
    return out


# -- templates -------------------------------------------------------------------------------
def _template_result(
    ads: Sequence[Ad], params: TemplateParams, step: Callable[[int, int], None] | None = None
) -> TemplateResult:
    return find_templates([AdText(a.ref.id, a.text, a.ref.host) for a in ads], params, step=step)


def templates_of(ads: Sequence[Ad], result: TemplateResult) -> list[Template]:
    """Describe each template cluster: representative text, common phrases, slots."""
    min_link: dict[int, float] = {}
    cluster_of: dict[int, int] = {}
    for n, members in enumerate(result.clusters):
        for i in members:
            cluster_of[i] = n
    for link in result.links:
        n = cluster_of[link.a]
        min_link[n] = min(min_link.get(n, 1.0), link.jaccard)
    out: list[Template] = []
    for n, members in enumerate(result.clusters):
        texts = [result.content[i] for i in members]
        d = describe(texts)
        refs = tuple(ads[i].ref for i in members)
        out.append(
            Template(
                id=f"T{min(r.id for r in refs)}",
                items=refs,
                representative=refs[d.representative].id,
                text=d.text,
                common=d.common,
                slots=tuple(SlotRecord(s.start, s.end, s.kind, s.values) for s in d.slots),
                hosts=tuple(sorted({r.host for r in refs if r.host})),
                similarity=round(min_link.get(n, 1.0), 4),
            )
        )
    return out


def template_clusters(case: Case, params: TemplateParams | None = None) -> list[Template]:
    """Template clusters of the case's ads, largest first (see :mod:`templates`)."""
    ads = load_ads(case)
    return templates_of(ads, _template_result(ads, params or TemplateParams()))


# -- networks --------------------------------------------------------------------------------
def _idf_score(strength: float, df: int, n: int) -> float:
    n = max(n, 3)
    df = max(df, 2)
    return round(strength * max(0.0, math.log(n / df) / math.log(n)), 4)


@dataclass
class _Evidence:
    ads: list[Ad]
    index: dict[int, int]  # item id -> position in ads
    content: list[str]
    links: list[Link]


def _anchor_map(case: Case, ad_ids: set[int]) -> dict[int, int]:
    """Item id -> the item it counts for: an image inside a page counts for the page."""
    out = {i: i for i in ad_ids}
    for r in case.db.query("SELECT id, parent_id FROM items WHERE kind = 'image'"):
        parent = r["parent_id"]
        out[r["id"]] = parent if parent in ad_ids else r["id"]
    return out


def _grouped_links(groups: dict[str, set[int]], via: str, strength: float, n: int, params: NetworkParams) -> list[Link]:
    cap = max(params.hub_min, params.hub_share * n)
    out: list[Link] = []
    for value, members in groups.items():
        if len(members) < 2 or len(members) > cap:
            continue
        score = _idf_score(strength, len(members), n)
        ordered = sorted(members)
        for other in ordered[1:]:
            out.append(Link(ordered[0], other, via, value, score))
    return out


def _selector_links(
    case: Case, anchor: dict[int, int], content: dict[int, str], n: int, params: NetworkParams
) -> list[Link]:
    kinds = [k for k in LINK_KINDS if k in params.use]
    if not kinds:
        return []
    marks = ",".join("?" * len(kinds))
    groups: dict[tuple[str, str], set[int]] = defaultdict(set)
    shown: dict[tuple[str, str], str] = {}
    for r in case.db.query(
        "SELECT s.kind, s.value, l.item_id, l.source, l.raw FROM selector_links l "
        f"JOIN selectors s ON s.id = l.selector_id WHERE s.kind IN ({marks})",
        kinds,
    ):
        item = anchor.get(r["item_id"], r["item_id"])
        if r["source"] == "text" and item in content and r["raw"] and r["raw"] not in content[item]:
            continue  # only in the site's chrome: the site's own number, not the advertiser's
        if r["kind"] == "phone" and _service_number(r["value"]):
            continue
        key = (r["kind"], phone_key(r["value"]) if r["kind"] == "phone" else r["value"])
        groups[key].add(item)
        shown.setdefault(key, r["value"])
    if "phone" in kinds:
        # Numbers written in another country's national format than the case's region
        # ("07799 274831" in a Dutch case) are not selectors, but link ads all the same.
        for item, text in content.items():
            for raw in _PHONE_CANDIDATE.findall(text):
                if _DATE.search(raw):
                    continue
                digits = re.sub(r"\D", "", raw)
                if 9 <= len(digits) <= 13 and not _service_number(raw.strip()):
                    key = ("phone", phone_key(digits))
                    groups[key].add(item)
                    shown.setdefault(key, raw.strip())
    out: list[Link] = []
    for kind in kinds:
        sub = {shown[(k, value)]: members for (k, value), members in groups.items() if k == kind}
        out.extend(_grouped_links(sub, kind, STRENGTH[kind], n, params))
    return out


_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\d[\d \-./()]{7,18}\d(?!\w)")
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}")


_SERVICE_REGIONS = ("GB", "DE", "AT", "NL", "BE", "ES", "PL", "RO", "BG")


@functools.lru_cache(maxsize=65536)
def _service_number(value: str) -> bool:
    """A premium-rate, shared-cost, toll-free or universal number: an agency's, not a person's.

    Adult lines (0900, 0909) are rented to many unrelated advertisers, who tell callers a code.
    Numbers in international form are checked exactly; national ones only when they start with
    08 or 09 (where service numbers live in most of Europe), as numbers of the first region in
    ``_SERVICE_REGIONS`` where they are valid (a Bulgarian 088 mobile stays a mobile).
    """
    import phonenumbers
    from phonenumbers import PhoneNumberType as T

    service = {T.PREMIUM_RATE, T.SHARED_COST, T.TOLL_FREE, T.UAN, T.VOICEMAIL}
    digits = re.sub(r"\D", "", value)
    try:
        if value.startswith("+") or digits.startswith("00"):
            number = phonenumbers.parse("+" + digits.removeprefix("00"), None)
            return phonenumbers.number_type(number) in service
        if not re.match(r"0[89]", digits):
            return False
        # The first region (in the order service numbers are most common in ads) where it is valid.
        for region in _SERVICE_REGIONS:
            number = phonenumbers.parse(digits, region)
            if phonenumbers.is_valid_number(number):
                return phonenumbers.number_type(number) in service
        return False
    except phonenumbers.NumberParseException:
        return False


def phone_key(value: str) -> str:
    """The last nine digits of a phone number: equal for its international and national spellings."""
    digits = re.sub(r"\D", "", value)
    return digits[-9:]


def _photo_links(case: Case, anchor: dict[int, int], n: int, params: NetworkParams) -> list[Link]:
    if "photo" not in params.use:
        return []
    from workstation.dedup.service import clusters_for_case

    groups: dict[str, set[int]] = {}
    for cluster in clusters_for_case(case, verify=False):
        first = cluster[0]
        label = f"photo cluster of item {first['id']} ({first.get('original_name') or first['sha256'][:12]})"
        groups[label] = {anchor.get(m["id"], m["id"]) for m in cluster}
    return _grouped_links(groups, "photo", STRENGTH["photo"], n, params)


def _text_links(ads: Sequence[Ad], result: TemplateResult) -> list[Link]:
    template_id: dict[int, str] = {}
    for members in result.clusters:
        name = f"T{min(ads[i].ref.id for i in members)}"
        for i in members:
            template_id[i] = name
    return [
        Link(
            ads[t.a].ref.id,
            ads[t.b].ref.id,
            "text",
            f"template {template_id[t.a]} (Jaccard {t.jaccard:.2f})",
            t.jaccard,
        )
        for t in result.links
    ]


def collect_links(case: Case, params: NetworkParams | None = None) -> tuple[list[Link], dict[str, float]]:
    """Every link the case's evidence gives, before thresholds and decisions.

    Returns:
        The links and the seconds each kind of evidence took.
    """
    import time

    params = params or NetworkParams()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    ads = load_ads(case)
    timings["load"] = time.perf_counter() - t0
    n = max(len(ads), 1)
    links: list[Link] = []
    content: dict[int, str] = {}
    t0 = time.perf_counter()
    result = _template_result(ads, params.templates)
    for a, text in zip(ads, result.content, strict=True):
        content[a.ref.id] = text
    if "text" in params.use:
        links.extend(_text_links(ads, result))
    timings["text"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    anchor = _anchor_map(case, {a.ref.id for a in ads})
    links.extend(_selector_links(case, anchor, content, n, params))
    timings["selectors"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    links.extend(_photo_links(case, anchor, n, params))
    timings["photo"] = time.perf_counter() - t0
    return links, timings


def decisions(case: Case, *, include_revoked: bool = False) -> list[Decision]:
    """The analyst's split and join decisions, oldest first."""
    sql = "SELECT * FROM network_decisions"
    if not include_revoked:
        sql += " WHERE revoked_at IS NULL"
    return [
        Decision(
            r["id"],
            r["action"],
            tuple(json.loads(r["items_a"])),
            tuple(json.loads(r["items_b"])),
            r["note"],
            r["decided_at"],
            r["analyst"],
            r["revoked_at"],
        )
        for r in case.db.query(sql + " ORDER BY id")
    ]


def assemble(
    links: Sequence[Link], refs: dict[int, ItemRef], rules: Sequence[Decision], min_score: float
) -> list[Network]:
    """Networks from links: threshold, the analyst's decisions in order, components of 2+ items."""
    g = nx.Graph()
    for link in links:
        if link.score < min_score:
            continue
        prev = g.get_edge_data(link.a, link.b)
        if prev is None:
            g.add_edge(link.a, link.b, capacity=link.score, links=[link])
        else:
            prev["links"].append(link)
            # Independent evidence adds up: 1 - (1 - p)(1 - q).
            prev["capacity"] = 1 - (1 - prev["capacity"]) * (1 - link.score)
    for rule in rules:
        if rule.action == "join":
            a, b = rule.items_a[0], rule.items_b[0]
            link = Link(min(a, b), max(a, b), "analyst", f"joined by {rule.analyst} (decision {rule.id})", 1.0)
            if g.has_edge(a, b):
                g[a][b]["links"].append(link)
                g[a][b]["capacity"] = 1.0
            else:
                g.add_edge(a, b, capacity=1.0, links=[link])
        else:
            side_a = [i for i in rule.items_a if i in g]
            side_b = [i for i in rule.items_b if i in g]
            _cut(g, side_a, side_b)
            # A split says "these belong together, apart from those": keep each side whole.
            for side in (side_a, side_b):
                for other in side[1:]:
                    if not nx.has_path(g, side[0], other):
                        value = f"kept together by {rule.analyst} (split decision {rule.id})"
                        g.add_edge(side[0], other, capacity=1.0, links=[Link(side[0], other, "analyst", value, 1.0)])
    out: list[Network] = []
    for comp in nx.connected_components(g):
        if len(comp) < 2:
            continue
        ids = sorted(comp)
        sub = g.subgraph(ids)
        comp_links = sorted(
            (lk for _, _, d in sub.edges(data=True) for lk in d["links"]), key=lambda lk: (lk.a, lk.b, lk.via)
        )
        items = tuple(refs.get(i, ItemRef(i, "", None, None, "unknown")) for i in ids)
        out.append(Network(f"N{ids[0]}", items, tuple(comp_links)))
    out.sort(key=lambda nw: (-len(nw.items), nw.items[0].id))
    return out


def _cut(g: nx.Graph, side_a: list[int], side_b: list[int]) -> None:
    """Remove the weakest set of links that separates side A from side B (a minimum cut)."""
    if not side_a or not side_b:
        return
    comp_a = {c for a in side_a for c in nx.node_connected_component(g, a)}
    if not comp_a & set(side_b):
        return
    h = nx.DiGraph()
    for u, v, d in g.subgraph(comp_a).edges(data=True):
        h.add_edge(u, v, capacity=d["capacity"])
        h.add_edge(v, u, capacity=d["capacity"])
    source, sink = ("cut", "source"), ("cut", "sink")
    for a in side_a:
        h.add_edge(source, a)  # no capacity: infinite
    for b in side_b:
        h.add_edge(b, sink)
    _, (reach, _) = nx.minimum_cut(h, source, sink)
    for u in reach:
        if u == source:
            continue
        for v in list(g.neighbors(u)):
            if v not in reach:
                g.remove_edge(u, v)


def networks(case: Case, params: NetworkParams | None = None) -> list[Network]:
    """The case's networks, largest first (each of at least two items)."""
    params = params or NetworkParams()
    links, _ = collect_links(case, params)
    ids = {i for lk in links for i in (lk.a, lk.b)}
    rules = decisions(case)
    for r in rules:
        ids.update(r.items_a)
        ids.update(r.items_b)
    return assemble(links, _item_refs(case, ids), rules, params.min_score)


def find_network(found: Sequence[Network], ref: str) -> Network:
    """The network named ``N<item id>`` or holding the given item id."""
    return _network_arg(found, ref)


def _network_arg(found: Sequence[Network], ref: str) -> Network:
    key = ref.strip().upper().removeprefix("N")
    try:
        item = int(key)
    except ValueError as exc:
        raise UsageError(f"a network is named N<item id> or by an item id in it, not {ref!r}") from exc
    for nw in found:
        if item in nw.item_ids:
            return nw
    raise UsageError(f"no network holds item {item}")


def split_network(case: Case, network: str, items: Sequence[int], note: str | None = None) -> Decision:
    """Split the given items off their network (audited); the decision is applied on every run."""
    found = networks(case)
    nw = _network_arg(found, network)
    part = sorted(set(items))
    outside = [i for i in part if i not in nw.item_ids]
    if outside:
        raise UsageError(f"item(s) {', '.join(map(str, outside))} are not in network {nw.id}")
    rest = [i for i in nw.item_ids if i not in part]
    if not part or not rest:
        raise UsageError("a split needs items on both sides: name some, not all, of the network's items")
    return _decide(case, "split", part, rest, note, nw.id)


def join_networks(case: Case, first: str, second: str, note: str | None = None) -> Decision:
    """Join two networks (or two items) into one (audited); applied on every run."""
    found = networks(case)
    a, b = (_member(found, ref) for ref in (first, second))
    if a == b:
        raise UsageError("those are the same network")
    return _decide(case, "join", [a], [b], note, None)


def _member(found: Sequence[Network], ref: str) -> int:
    """The item standing for a network (its smallest item) or a lone item id."""
    try:
        return _network_arg(found, ref).item_ids[0]
    except UsageError:
        key = ref.strip().upper().removeprefix("N")
        if key.isdigit():
            return int(key)
        raise


def _decide(case: Case, action: str, a: Sequence[int], b: Sequence[int], note: str | None, nw: str | None) -> Decision:
    now = utc_now()
    with case.transaction():
        cur = case.db.execute(
            "INSERT INTO network_decisions (action, items_a, items_b, note, decided_at, analyst) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [action, json.dumps(list(a)), json.dumps(list(b)), note, now, case.analyst],
        )
        did = int(cur.lastrowid or 0)
        case.audit(
            f"network.{action}",
            {"decision": did, "network": nw, "items_a": list(a), "items_b": list(b), "note": note},
        )
    return Decision(did, action, tuple(a), tuple(b), note, now, case.analyst)


def revoke_decision(case: Case, decision_id: int) -> Decision:
    """Withdraw a split or join (audited; the record stays, marked revoked)."""
    found = [d for d in decisions(case, include_revoked=True) if d.id == decision_id]
    if not found:
        raise UsageError(f"no network decision {decision_id}")
    if found[0].revoked_at:
        raise UsageError(f"decision {decision_id} was already revoked")
    now = utc_now()
    with case.transaction():
        case.db.execute(
            "UPDATE network_decisions SET revoked_at = ?, revoked_by = ? WHERE id = ?", [now, case.analyst, decision_id]
        )
        case.audit("network.decision_revoked", {"decision": decision_id})
    d = found[0]
    return Decision(d.id, d.action, d.items_a, d.items_b, d.note, d.decided_at, d.analyst, now)
