"""Ad-template clusters: near-duplicate ad text across sites, languages and scripts.

Traffickers post from templates: one text with the name, age, city, price and phone changed,
sentences reordered, emoji and typos added, on sites whose own chrome (menus, footers,
disclaimers) is shared by every unrelated ad. The approach follows InfoShield (Lee et al.,
ICDE 2021) in spirit, language-independent throughout:

1. *Site chrome*: a line repeated in many ads of one host is boilerplate and is dropped
   (:func:`strip_boilerplate`).
2. *Shingles*: overlapping character 5-grams of the normalised text (case folded, digits
   folded to ``0``, punctuation and emoji to spaces); character shingles work for every script,
   with or without spaces between words.
3. *Stock phrases*: shingles found in too many ads of the whole collection (document frequency
   cut-off) are dropped, so "real photos, no rush" joins nothing.
4. *Index*: MinHash signatures (datasketch's ``affine32`` scheme, computed for many ads at
   once with numpy) in a datasketch ``MinHashLSH`` index give candidate pairs; each candidate is
   verified on the exact Jaccard similarity of the filtered shingle sets.
5. *Clusters*: connected components of verified pairs; each cluster is described by a
   representative text with its common phrases and the slots that vary (:func:`describe`).

Pure functions on plain values; :mod:`workstation.networks.service` applies them to a case.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]
from rapidfuzz.distance import Levenshtein

U32 = npt.NDArray[np.uint32]

SHINGLE = 5
NUM_PERM = 64
SEED = 1


@dataclass(frozen=True)
class TemplateParams:
    """Tuning of template linking (defaults tuned on the dev split of the networks eval set).

    Attributes:
        threshold: smallest Jaccard similarity of two ads' content shingles that links them.
        lsh_threshold: the LSH index's own threshold (lower than ``threshold``: candidates are
            verified exactly, so the index may over-report but must not miss).
        boilerplate_share: a line in at least this share of one host's ads is site chrome...
        boilerplate_min: ...when it is in at least this many of them.
        stock_share: a shingle in more than this share of all ads is a stock phrase...
        stock_min: ...when it is in more than this many ads.
        min_shingles: ads with fewer content shingles than this are not linked on text.
        max_chars: only the first this many characters of an ad's content count.
        max_checks: candidates verified per ad and LSH bucket before moving on.
        sample_bits: keep one shingle in 2**sample_bits (mod-sampling on the hash).
    """

    threshold: float = 0.3
    lsh_threshold: float = 0.2
    boilerplate_share: float = 0.5
    boilerplate_min: int = 3
    stock_share: float = 0.05
    stock_min: int = 20
    min_shingles: int = 8
    max_chars: int = 6000
    max_checks: int = 8
    sample_bits: int = 1


@dataclass(frozen=True)
class AdText:
    """The text of one ad (page, document, message) and the host (site) it was published on."""

    item_id: int
    text: str
    host: str = ""


@dataclass(frozen=True)
class TextLink:
    """Two ads whose content text is near-identical (indices into the input)."""

    a: int
    b: int
    jaccard: float


@dataclass
class TemplateResult:
    """Clusters (lists of input indices, largest first) and the verified links that made them."""

    clusters: list[list[int]]
    links: list[TextLink]
    content: list[str]  # each ad's text without its site's boilerplate lines
    shingle_counts: list[int]
    boilerplate_lines: int = 0
    stock_shingles: int = 0
    candidates: int = 0
    timings: dict[str, float] = field(default_factory=dict)


# -- normalisation ---------------------------------------------------------------------------
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")


def normalise(text: str) -> str:
    """Case folded, digits as ``0``, everything that is not a letter or digit as one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    text = _DIGIT.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


_LINE_SPLIT = re.compile(r"\s*\n\s*|(?<=[.!?。！？])\s+")


def lines_of(text: str) -> list[str]:
    """Lines and sentences of a text (the units site chrome repeats)."""
    return [p for p in _LINE_SPLIT.split(text) if p.strip()]


_DIGITS0 = str.maketrans("123456789", "000000000")


def _line_key(line: str) -> str:
    return " ".join(line.casefold().translate(_DIGITS0).split())


def strip_boilerplate(docs: Sequence[AdText], params: TemplateParams = TemplateParams()) -> tuple[list[str], int]:
    """Each ad's text without the lines its host repeats in many ads.

    A line (or sentence) counts as boilerplate of a host when it occurs in at least
    ``boilerplate_share`` of that host's ads and in at least ``boilerplate_min`` of them. Ads
    with no known host are grouped together under ``""``.

    Returns:
        The content texts (lines kept in order, joined by newlines) and the number of distinct
        boilerplate lines found.
    """
    by_host: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_host[d.host].append(i)
    parts: list[list[tuple[str, str]]] = [[(ln, _line_key(ln)) for ln in lines_of(d.text)] for d in docs]
    out = [""] * len(docs)
    found = 0
    for members in by_host.values():
        counts: Counter[str] = Counter()
        for i in members:
            counts.update({key for _, key in parts[i] if key})
        need = max(params.boilerplate_min, params.boilerplate_share * len(members))
        chrome = {key for key, n in counts.items() if n >= need}
        found += len(chrome)
        for i in members:
            out[i] = "\n".join(line for line, key in parts[i] if key and key not in chrome)
    return out, found


# -- shingles and signatures -----------------------------------------------------------------
_P = np.uint32(1_000_003)


_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def _fmix32(hv: U32) -> U32:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def shingle_hashes(
    texts: Sequence[str], k: int = SHINGLE, max_chars: int = 6000, sample_bits: int = 1
) -> tuple[U32, npt.NDArray[np.int64]]:
    """Sorted distinct 32-bit hashes of each normalised text's character k-grams.

    Only the shingles whose hash ends in ``sample_bits`` zero bits are kept (mod-sampling,
    Broder 1997: the Jaccard similarity of the samples estimates that of the full sets), which
    halves the work per kept bit.

    Returns:
        One array of all hashes, text after text, and the start offset of each text in it
        (``len(texts) + 1`` offsets; a text with fewer than ``k`` characters has none).
    """
    norms = [normalise(t)[:max_chars] for t in texts]
    if not norms:
        return np.zeros(0, dtype=np.uint32), np.zeros(1, dtype=np.int64)
    sep = "\x00" * k
    joined = sep.join(norms) + sep
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(s) for s in norms), dtype=np.int64, count=len(norms))
    n = codes.size - k + 1
    h = np.zeros(max(n, 0), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + codes[j : j + n]
        h = _fmix32(h)
    # Keep the windows that lie inside one text (a window over a separator holds a 0 code)...
    inside = np.ones(max(n, 0), dtype=bool)
    zero = codes == 0
    for j in range(k):
        inside &= ~zero[j : j + n]
    # ... and the sampled ones.
    if sample_bits:
        inside &= (h & np.uint32((1 << sample_bits) - 1)) == 0
    owner = np.repeat(np.arange(len(norms), dtype=np.uint64), lengths + k)[:n]
    key = (owner[inside] << np.uint64(32)) | h[inside].astype(np.uint64)
    key = _sorted_unique(key)
    docs = (key >> np.uint64(32)).astype(np.int64)
    counts = np.bincount(docs, minlength=len(norms))
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return (key & np.uint64(0xFFFFFFFF)).astype(np.uint32), offsets


def _sorted_unique(a: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    # np.unique's hash-based path is many times slower than a sort on large integer arrays.
    a = np.sort(a)
    if a.size == 0:
        return a
    keep = np.empty(a.size, dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


def _frequent(hashes: U32, limit: float) -> U32:
    """The hashes occurring more than ``limit`` times (each set holds a hash at most once)."""
    a = np.sort(hashes)
    if a.size == 0:
        return a
    edges = np.flatnonzero(np.concatenate(([True], a[1:] != a[:-1], [True])))
    counts = np.diff(edges)
    return a[edges[:-1][counts > limit]]


def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> npt.NDArray[np.uint32]:
    """datasketch's own affine permutations for ``num_perm``/``seed`` (scheme ``affine32``)."""
    return np.asarray(MinHash(num_perm=num_perm, seed=seed).permutations, dtype=np.uint32)


def signatures(hashes: U32, offsets: npt.NDArray[np.int64], perms: npt.NDArray[np.uint32]) -> U32:
    """MinHash signatures of many shingle sets at once.

    Equal to ``datasketch.MinHash(num_perm, seed, hashfunc=int).update_batch(set_i)`` for each
    set (the test checks it), but one numpy pass per permutation over all sets.
    Rows of empty sets are all ``0xFFFFFFFF``.
    """
    n = offsets.size - 1
    a, b = perms[0], perms[1]
    out = np.full((n, a.size), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    sizes = np.diff(offsets)
    nonempty = np.flatnonzero(sizes > 0)
    if nonempty.size == 0:
        return out
    mixed = _fmix32(hashes)
    starts = offsets[nonempty]
    with np.errstate(over="ignore"):
        for p in range(a.size):
            v = mixed * a[p] + b[p]
            out[nonempty, p] = np.minimum.reduceat(v, starts)
    return out


def jaccard(x: U32, y: U32) -> float:
    """Jaccard similarity of two sorted distinct hash arrays."""
    if x.size == 0 or y.size == 0:
        return 0.0
    inter = np.intersect1d(x, y, assume_unique=True).size
    return inter / (x.size + y.size - inter)


# -- clustering ------------------------------------------------------------------------------
def find_templates(
    docs: Sequence[AdText],
    params: TemplateParams = TemplateParams(),
    *,
    step: Callable[[int, int], None] | None = None,
) -> TemplateResult:
    """Template clusters of ads (see the module docstring).

    Args:
        docs: the ads.
        params: tuning.
        step: called with (done, total) while the index is queried, for progress/cancel.

    Returns:
        Clusters of two or more ads (input indices, each sorted; largest cluster first) and the
        verified links (one spanning set per cluster, with the Jaccard similarity).
    """
    import time

    t0 = time.perf_counter()
    content, boiler = strip_boilerplate(docs, params)
    t1 = time.perf_counter()
    hashes, offsets = shingle_hashes(content, max_chars=params.max_chars, sample_bits=params.sample_bits)
    n = len(docs)
    # Stock phrases: document frequency over the whole collection.
    limit = max(params.stock_min, params.stock_share * n)
    stock = _frequent(hashes, limit)
    if stock.size:
        keep = ~np.isin(hashes, stock, kind="sort")
        owner = np.repeat(np.arange(n), np.diff(offsets))
        hashes = hashes[keep]
        offsets = np.concatenate(([0], np.cumsum(np.bincount(owner[keep], minlength=n)))).astype(np.int64)
    sizes = np.diff(offsets)
    t2 = time.perf_counter()
    perms = permutations()
    sigs = signatures(hashes, offsets, perms)
    t3 = time.perf_counter()
    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=NUM_PERM)
    eligible = [i for i in range(n) if sizes[i] >= params.min_shingles]
    with lsh.insertion_session() as session:
        for i in eligible:
            m = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sigs[i], permutations=perms, scheme="affine32")
            session.insert(i, m)
    t4 = time.perf_counter()
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: list[TextLink] = []
    candidates = 0
    tables = lsh.hashtables
    for done, table in enumerate(tables):
        if step is not None:
            step(done, len(tables))
        for key in table.keys():
            members = sorted(table.get(key))
            if len(members) < 2:
                continue
            for pos in range(1, len(members)):
                j = members[pos]
                xj = hashes[offsets[j] : offsets[j + 1]]
                tried = 0
                # Verify against earlier members of the bucket in other components, a few at most:
                # a bucket of unrelated ads (a stock phrase that slipped through) stays linear.
                for i in members[:pos]:
                    ri, rj = find(i), find(j)
                    if ri == rj:
                        break
                    candidates += 1
                    s = jaccard(hashes[offsets[i] : offsets[i + 1]], xj)
                    if s >= params.threshold:
                        parent[rj] = ri
                        links.append(TextLink(i, j, round(s, 4)))
                        break
                    tried += 1
                    if tried >= params.max_checks:
                        break
    t5 = time.perf_counter()
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    clusters = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))
    return TemplateResult(
        clusters=clusters,
        links=links,
        content=content,
        shingle_counts=[int(s) for s in sizes],
        boilerplate_lines=boiler,
        stock_shingles=int(stock.size),
        candidates=candidates,
        timings={
            "boilerplate": t1 - t0,
            "shingles": t2 - t1,
            "signatures": t3 - t2,
            "index": t4 - t3,
            "verify": t5 - t4,
        },
    )


# -- description: common phrases and slots ---------------------------------------------------
@dataclass(frozen=True)
class Slot:
    """A part of the representative text that differs between the ads of a template."""

    start: int
    end: int
    kind: str  # phone, age, price, name, city, number, text
    values: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "values": list(self.values)}


@dataclass(frozen=True)
class TemplateDescription:
    """The representative text of a cluster, its common phrases (spans) and its slots."""

    representative: int  # index into the cluster's texts
    text: str
    common: tuple[tuple[int, int], ...]
    slots: tuple[Slot, ...]

    def highlighted(self, on: str = "«", off: str = "»") -> str:
        """The text with its common phrases between markers (for a terminal or a report)."""
        out, pos = [], 0
        for s, e in self.common:
            out.append(self.text[pos:s])
            out.append(on + self.text[s:e] + off)
            pos = e
        out.append(self.text[pos:])
        return "".join(out)


_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_PRICE = re.compile(r"(?i)[€$£¥₽]\s*\d+|\d+\s*(?:[€$£¥₽]|eur|euro|usd|rub|pln|czk|zł|руб|元|円|lei|kr)")
_AGE = re.compile(r"(?i)\b(1[89]|[2-6]\d)\b\s*(?:y|yo|yrs|years?|jaar|jahre?|ans|años|anni|lat|лет|года?|岁|歳)?")
_NUMBER = re.compile(r"\d")


_PRICE_AFTER = re.compile(r"(?i)^\s*(?:[€$£¥₽]|eur|euro|usd|dollar|rub|руб|pln|zł|czk|元|円|lei|kr)")
_AGE_AFTER = re.compile(r"(?i)^\s*(?:y\b|yo\b|yrs|years?|jaar|jahre?|ans|años|anni|lat\b|лет|года?|岁|歳)")


def slot_kind(values: Sequence[str], context_before: str = "", context_after: str = "") -> str:
    """A guess of what a slot holds, from its values and the text around it."""
    vals = [v.strip() for v in values if v.strip()]
    if not vals:
        return "text"

    def share(rx: re.Pattern[str]) -> float:
        return sum(1 for v in vals if rx.search(v)) / len(vals)

    if share(_PHONE) >= 0.5:
        return "phone"
    if share(_NUMBER) >= 0.5 and _PRICE_AFTER.search(context_after):
        return "price"
    if share(_NUMBER) >= 0.5 and _AGE_AFTER.search(context_after):
        return "age"
    if share(_PRICE) >= 0.5:
        return "price"
    digits_only = [v for v in vals if re.fullmatch(r"\d{1,2}", v)]
    if len(digits_only) / len(vals) >= 0.5 and all(18 <= int(v) <= 69 for v in digits_only):
        return "age"
    if share(_AGE) >= 0.5 and share(_NUMBER) >= 0.5 and all(len(v) < 14 for v in vals):
        return "age"
    if share(_NUMBER) >= 0.5:
        return "number"
    before = context_before.casefold()[-24:]
    if re.search(r"(?i)(in|from|city|stad|uit|aus|из|в|à|en|in de)\s*:?\s*$", before):
        return "city"
    if all(len(v.split()) <= 3 for v in vals) and sum(1 for v in vals if v[:1].isupper()) / len(vals) >= 0.5:
        return "name"
    return "text"


def describe(
    texts: Sequence[str], *, min_share: float = 0.5, max_values: int = 12, max_align: int = 12
) -> TemplateDescription:
    """Representative text of a template cluster, its common phrases and its slots.

    The representative is the text sharing most shingles with the rest of the cluster. A
    character of it is *common* when at least ``min_share`` of the other texts (up to
    ``max_align`` of them) align an equal character to it (rapidfuzz Levenshtein opcodes); the
    gaps between common phrases, widened to whole words, are slots, and each text's value for a
    slot is what aligns with it.
    """
    if not texts:
        raise ValueError("a template needs at least one text")
    k = SHINGLE
    folded = [unicodedata.normalize("NFKC", t).casefold() for t in texts]
    sets = [{f[i : i + k] for i in range(max(0, len(f) - k + 1))} for f in folded]
    freq: Counter[str] = Counter()
    for shingles in sets:
        freq.update(shingles)
    best = max(range(len(texts)), key=lambda i: (sum(freq[g] for g in sets[i]) / (len(sets[i]) or 1), -i))
    rep = texts[best]
    # A character of the representative is common when most texts align an equal character to it.
    sample = [t for i, t in enumerate(texts) if i != best][:max_align]
    delta = np.zeros(len(rep) + 1, dtype=np.int32)
    for t in sample:
        for op in Levenshtein.opcodes(rep, t):
            if op.tag == "equal":
                delta[op.src_start] += 1
                delta[op.src_end] -= 1
    hits = np.cumsum(delta)[: len(rep)]
    need = min_share * len(sample) if sample else 0.0
    mark = [bool(h >= need and h > 0) for h in hits] if sample else [True] * len(rep)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(rep):
        if mark[i]:
            j = i
            while j < len(rep) and mark[j]:
                j += 1
            if rep[i:j].strip():
                spans.append((i, j))
            i = j
        else:
            i += 1
    gaps = _complement(rep, spans)
    # A slot holds whole words: widen each gap to the words it cuts (not in scripts without spaces).
    widened: list[tuple[int, int]] = []
    for s0, e0 in gaps:
        s, e = _widen(rep, s0, e0)
        if widened and s <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(e, widened[-1][1]))
        elif s < e:
            widened.append((s, e))
    gaps = widened
    spans = _complement(rep, gaps)
    slots: list[Slot] = []
    if gaps and len(texts) > 1:
        # Slot values from the representative's neighbours in the sample (and itself).
        shown = [rep, *sample]
        maps = [_alignment(rep, t) for t in shown]
        for s, e in gaps:
            values: list[str] = []
            for t, m in zip(shown, maps, strict=True):
                vs, ve = _widen(t, m[s], m[e])
                v = " ".join(t[vs:ve].split())
                if v and v not in values:
                    values.append(v)
            if len(values) < 2:
                continue
            slots.append(
                Slot(s, e, slot_kind(values, rep[max(0, s - 24) : s], rep[e : e + 12]), tuple(values[:max_values]))
            )
    return TemplateDescription(best, rep, tuple(spans), tuple(slots))


def _wordish(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x2E80


def _widen(text: str, s: int, e: int) -> tuple[int, int]:
    """The span widened to the whole words it cuts (and a phone number it touches), without outer spaces."""
    while 0 < s < len(text) and _wordish(text[s - 1]) and _wordish(text[s]):
        s -= 1
    while 0 < e < len(text) and _wordish(text[e]) and _wordish(text[e - 1]):
        e += 1
    if any(ch.isdigit() for ch in text[s:e]):
        for m in _PHONE.finditer(text, max(0, s - 20), min(len(text), e + 20)):
            if m.start() < e and m.end() > s:
                s, e = min(s, m.start()), max(e, m.end())
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _complement(text: str, gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in gaps:
        if text[pos:s].strip():
            out.append((pos, s))
        pos = e
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _alignment(rep: str, other: str) -> list[int]:
    """For each position 0..len(rep) of ``rep``, the matching position in ``other``."""
    out = [0] * (len(rep) + 1)
    for op in Levenshtein.opcodes(rep, other):
        s1, e1, s2 = op.src_start, op.src_end, op.dest_start
        for p in range(s1, e1):
            out[p] = s2 if op.tag in ("delete", "insert") else s2 + (p - s1)
        if op.tag == "insert":
            out[s1] = s2
    out[len(rep)] = len(other)
    # Monotone: a slot's value runs from the first aligned position to the next.
    for p in range(1, len(out)):
        if out[p] < out[p - 1]:
            out[p] = out[p - 1]
    return out
