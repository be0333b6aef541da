"""Trafficking-indicator taxonomy: load and validate it, scan text into suggestions, score items.

Everything here is pure (no case needed). Suggestions are never verdicts: a match becomes a
*suggested* annotation that an analyst confirms or rejects (see :mod:`workstation.annotations`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workstation.errors import WorkstationError
from workstation.textnorm import Normalised, normalise

DETECTORS = ("obscured_phone", "obfuscated_keyword")
EVIDENCE_LEVELS = ("validated", "definition", "practitioner", "not_predictive", "context")
LABEL_LANGUAGES = ("en", "nl")
_CODE = re.compile(r"^[A-Z]{2,6}-[0-9A-Z]{2,8}$")
_SENTENCE_END = re.compile(r"[.!?;\n。！？；]")
_SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


class TaxonomyError(WorkstationError):
    """The indicator taxonomy (or a custom indicator) is invalid."""

    exit_code = 2  # an unknown or clashing code is a wrong request (workstation.errors)


@dataclass(frozen=True)
class Indicator:
    """One indicator of the taxonomy (or a case's own indicator)."""

    code: str
    category: str
    label: Mapping[str, str]
    description: Mapping[str, str]
    sources: tuple[str, ...]
    weight: float
    evidence_level: str
    evidence_note: str
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    requires_any: tuple[str, ...] = ()
    detector: str | None = None
    custom: bool = False

    def label_in(self, language: str = "en") -> str:
        return self.label.get(language) or self.label.get("en") or self.code

    def to_json(self) -> dict[str, Any]:
        """The `workstation indicators --json` shape (contract: code, category, label, source)."""
        return {
            "code": self.code,
            "category": self.category,
            "label": dict(self.label),
            "description": dict(self.description),
            "source": list(self.sources),
            "weight": self.weight,
            "evidence": {"level": self.evidence_level, "note": self.evidence_note},
            "requires_any": list(self.requires_any),
            "detector": self.detector,
            "languages": sorted(k for k in self.patterns if k != "*"),
            "custom": self.custom,
        }


@dataclass(frozen=True)
class Taxonomy:
    """A loaded, validated taxonomy."""

    version: str
    title: Mapping[str, str]
    languages: tuple[str, ...]
    categories: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, Mapping[str, str]]
    evidence_levels: Mapping[str, str]
    indicators: Mapping[str, Indicator]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.indicators.values())

    def get(self, code: str) -> Indicator:
        try:
            return self.indicators[code]
        except KeyError:
            raise TaxonomyError(f"unknown indicator code {code!r}") from None

    def with_custom(self, custom: Iterable[Indicator]) -> Taxonomy:
        """This taxonomy plus a case's own indicators (their codes must be new)."""
        merged = dict(self.indicators)
        for ind in custom:
            if ind.code in merged and not merged[ind.code].custom:
                raise TaxonomyError(f"custom indicator {ind.code} clashes with a taxonomy code")
            merged[ind.code] = ind
        return Taxonomy(
            self.version, self.title, self.languages, self.categories, self.sources, self.evidence_levels, merged
        )


# -- loading and validation --------------------------------------------------------------------
def default_path() -> Path:
    import resources

    return Path(resources.__file__).with_name("taxonomy") / "indicators.json"


def validate(doc: Any, compile_patterns: bool = True) -> list[str]:
    """Check a taxonomy document; return a list of problems (empty when valid).

    Args:
        compile_patterns: also compile every pattern on its own (slow: ~1 ms each).

    Each problem names where it is, e.g. ``indicators[3] (REC-01).weight: must be in [0, 1)``.
    """
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["top level: must be a JSON object"]
    for key in ("version", "languages", "categories", "sources", "indicators", "evidence_levels"):
        if key not in doc:
            problems.append(f"top level: missing {key!r}")
    if problems:
        return problems
    if not isinstance(doc["version"], str) or not _SEMVER.match(doc["version"]):
        problems.append("version: must be MAJOR.MINOR.PATCH")
    languages = doc["languages"]
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        problems.append("languages: must be a list of language codes")
        languages = []
    categories = doc["categories"] if isinstance(doc["categories"], dict) else {}
    for cat, labels in categories.items():
        for lang in LABEL_LANGUAGES:
            if not isinstance(labels, dict) or not str(labels.get(lang, "")).strip():
                problems.append(f"categories.{cat}: missing {lang} label")
    sources = doc["sources"] if isinstance(doc["sources"], dict) else {}
    for sid, src in sources.items():
        if not isinstance(src, dict) or not str(src.get("citation", "")).strip():
            problems.append(f"sources.{sid}: missing citation")
    levels = doc["evidence_levels"] if isinstance(doc["evidence_levels"], dict) else {}
    indicators = doc["indicators"]
    if not isinstance(indicators, list) or not indicators:
        return problems + ["indicators: must be a non-empty list"]
    seen: dict[str, dict[str, Any]] = {}
    for n, ind in enumerate(indicators):
        where = f"indicators[{n}]"
        if not isinstance(ind, dict):
            problems.append(f"{where}: must be an object")
            continue
        code = ind.get("code")
        where = f"{where} ({code})"
        problems.extend(_validate_indicator(ind, where, categories, sources, levels, languages, compile_patterns))
        if isinstance(code, str):
            if code in seen:
                problems.append(f"{where}.code: duplicate code")
            seen[code] = ind
    for code, ind in seen.items():
        for req in ind.get("requires_any", []) or []:
            target = seen.get(req)
            if target is None:
                problems.append(f"{code}.requires_any: unknown code {req!r}")
            elif target.get("requires_any"):
                problems.append(f"{code}.requires_any: {req} is itself conditional (no chains)")
    return problems


def _validate_indicator(
    ind: dict[str, Any],
    where: str,
    categories: Mapping[str, Any],
    sources: Mapping[str, Any],
    levels: Mapping[str, Any],
    languages: Sequence[str],
    compile_patterns: bool = True,
) -> list[str]:
    problems: list[str] = []
    code = ind.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        problems.append(f"{where}.code: must look like ABC-01")
    if ind.get("category") not in categories:
        problems.append(f"{where}.category: unknown category {ind.get('category')!r}")
    for key in ("label", "description"):
        value = ind.get(key)
        for lang in LABEL_LANGUAGES:
            if not isinstance(value, dict) or not str(value.get(lang, "")).strip():
                problems.append(f"{where}.{key}: missing {lang} text")
    srcs = ind.get("sources")
    if not isinstance(srcs, list) or not srcs:
        problems.append(f"{where}.sources: at least one source is required")
    else:
        for s in srcs:
            if s not in sources:
                problems.append(f"{where}.sources: unknown source {s!r}")
    weight = ind.get("weight")
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 <= weight < 1:
        problems.append(f"{where}.weight: must be a number in [0, 1)")
    evidence = ind.get("evidence")
    if not isinstance(evidence, dict) or evidence.get("level") not in levels:
        problems.append(f"{where}.evidence.level: must be one of {sorted(levels)}")
    elif not str(evidence.get("note", "")).strip():
        problems.append(f"{where}.evidence.note: explain the weight")
    detector = ind.get("detector")
    if detector is not None and detector not in DETECTORS:
        problems.append(f"{where}.detector: unknown detector {detector!r}")
    for key in ("patterns", "exclude"):
        table = ind.get(key, {})
        if not isinstance(table, dict):
            problems.append(f"{where}.{key}: must map language to a list of patterns")
            continue
        for lang, pats in table.items():
            if lang != "*" and lang not in languages:
                problems.append(f"{where}.{key}.{lang}: language not declared in 'languages'")
            if not isinstance(pats, list) or not all(isinstance(p, str) and p for p in pats):
                problems.append(f"{where}.{key}.{lang}: must be a list of non-empty strings")
                continue
            for p in pats if compile_patterns else ():
                try:
                    rx = re.compile(_prepare(p))
                except re.error as exc:
                    problems.append(f"{where}.{key}.{lang}: bad pattern {p!r}: {exc}")
                    continue
                if rx.match(""):
                    problems.append(f"{where}.{key}.{lang}: pattern {p!r} matches empty text")
    if not ind.get("patterns") and not detector:
        problems.append(f"{where}: needs patterns or a detector")
    return problems


def _fold_pattern(pattern: str) -> str:
    # Same accent removal as the text (normalise).
    return "".join(c for c in unicodedata.normalize("NFKD", pattern) if not unicodedata.combining(c))


def _indicator_from(ind: dict[str, Any], custom: bool = False) -> Indicator:
    evidence = ind.get("evidence") or {}
    return Indicator(
        code=ind["code"],
        category=ind["category"],
        label=dict(ind["label"]),
        description=dict(ind.get("description") or ind["label"]),
        sources=tuple(ind.get("sources") or ()),
        weight=float(ind["weight"]),
        evidence_level=evidence.get("level", "practitioner"),
        evidence_note=evidence.get("note", ""),
        patterns={k: tuple(v) for k, v in (ind.get("patterns") or {}).items()},
        exclude={k: tuple(v) for k, v in (ind.get("exclude") or {}).items()},
        requires_any=tuple(ind.get("requires_any") or ()),
        detector=ind.get("detector"),
        custom=custom,
    )


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy file (default: the one shipped in resources/taxonomy).

    Raises:
        TaxonomyError: naming the file and the first problems when it is invalid.
    """
    if path is None:
        return _default_taxonomy()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    # The shipped file's ~1,500 patterns are compiled one by one only by its unit test
    # (tests/unit/workstation/test_indicators.py): doing it at every start cost ~1.7 s of CPU per
    # import or scan. The scanner compiles them again, combined, and would fail loudly anyway.
    return _load(default_path(), compile_patterns=False)


def _load(path: Path, compile_patterns: bool = True) -> Taxonomy:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TaxonomyError(f"cannot read the taxonomy: {exc.strerror}", path) from exc
    except json.JSONDecodeError as exc:
        raise TaxonomyError(f"not valid JSON: {exc}", path) from exc
    problems = validate(doc, compile_patterns=compile_patterns)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise TaxonomyError("invalid taxonomy: " + "; ".join(problems[:3]) + more, path)
    return Taxonomy(
        version=doc["version"],
        title=doc.get("title", {}),
        languages=tuple(doc["languages"]),
        categories=doc["categories"],
        sources=doc["sources"],
        evidence_levels=doc["evidence_levels"],
        indicators={i["code"]: _indicator_from(i) for i in doc["indicators"]},
    )


def custom_indicator(
    code: str,
    label: str,
    *,
    category: str,
    taxonomy: Taxonomy,
    label_nl: str | None = None,
    description: str = "",
    weight: float = 0.2,
    patterns: Mapping[str, Sequence[str]] | None = None,
    source: str = "case",
) -> Indicator:
    """Build and check an analyst's own indicator for one case.

    Raises:
        TaxonomyError: when the code, category, weight or a pattern is invalid.
    """
    doc = {
        "code": code,
        "category": category,
        "label": {"en": label, "nl": label_nl or label},
        "description": {"en": description or label, "nl": description or label_nl or label},
        "sources": ["case"],
        "weight": weight,
        "evidence": {"level": "practitioner", "note": f"Added by the analyst for this case ({source})."},
        "patterns": {k: list(v) for k, v in (patterns or {}).items()},
    }
    problems = _validate_indicator(
        doc,
        f"custom indicator {code}",
        taxonomy.categories,
        {"case": {}},
        taxonomy.evidence_levels,
        list(taxonomy.languages),
    )
    problems = [p for p in problems if "needs patterns or a detector" not in p]
    if problems:
        raise TaxonomyError("; ".join(problems))
    return _indicator_from(doc, custom=True)


# -- scanning ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Suggestion:
    """A machine suggestion: indicator ``code`` matched ``text`` at ``start:end`` of the original."""

    code: str
    start: int
    end: int
    text: str
    language: str
    obfuscated: bool = False
    count: int = 1
    detail: str = ""
    #: How it was found: ``method`` (pattern, exemplar, detector, learned), the words, the rule or
    #: exemplar, the weight. Shown in the inspector and in ``annotations --json``.
    explanation: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)


@dataclass
class _Compiled:
    """One indicator's expressions, each compiled the first time a text needs it: an import of
    photos scans only Latin file names and EXIF, and compiling every language's expressions up
    front took a fifth of a second per import."""

    indicator: Indicator
    by_scripts: dict[frozenset[str], tuple[re.Pattern[str] | None, dict[str, str]]] = field(default_factory=dict)
    _exclude: list[re.Pattern[str] | None] = field(default_factory=list)

    @property
    def exclude(self) -> re.Pattern[str] | None:
        if not self._exclude:
            self._exclude.append(_compile(self.indicator.exclude, "x")[0] if self.indicator.exclude else None)
        return self._exclude[0]

    def for_scripts(self, scripts: frozenset[str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """The expression limited to the languages written in ``scripts`` (compiled once)."""
        if scripts not in self.by_scripts:
            table = {
                k: v
                for k, v in self.indicator.patterns.items()
                if scripts == ALL_SCRIPTS or k == "*" or SCRIPT_OF.get(k, "latin") in scripts
            }
            self.by_scripts[scripts] = _compile(table, "g")
        return self.by_scripts[scripts]


SCRIPT_OF = {"uk": "cyrillic", "ru": "cyrillic", "bg": "cyrillic", "zh": "han"}  # others: latin
ALL_SCRIPTS = frozenset({"latin", "cyrillic", "han"})
_LETTERS = {
    "latin": re.compile(r"[a-z]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "han": re.compile(r"[\u3400-\u9fff]"),
}


def scripts_of(text: str) -> frozenset[str]:
    """Scripts with a real share of the letters (a few Latin app names in a Russian ad do not count)."""
    counts = {name: len(rx.findall(text)) for name, rx in _LETTERS.items()}
    total = sum(counts.values()) or 1
    # Chinese packs a word into one or two characters: a few of them are already a phrase.
    least = {"latin": 40, "cyrillic": 20, "han": 3}
    found = frozenset(n for n, c in counts.items() if c >= least[n] or c / total >= 0.15)
    return found or ALL_SCRIPTS


def _lower_regex(pattern: str) -> str:
    """Lower-case a regular expression's literals but not its escapes (``\\W`` stays ``\\W``)."""
    out = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = ch == "\\" and not escaped
    return "".join(out)


def _prepare(pattern: str) -> str:
    # Text is normalised to lower case without accents; patterns are folded the same way, so the
    # expressions can run without IGNORECASE (which costs a case-fold per character compared).
    return _lower_regex(_fold_pattern(pattern))


def _compile(table: Mapping[str, Sequence[str]], prefix: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One expression per indicator, one named group per language.

    The word-boundary look-behind is tested once per position for all alphabetic languages
    (most positions are inside words and fail at once), instead of once per pattern.
    Chinese has no spaces: its patterns only keep Latin words (vx, ktv) from matching inside
    longer Latin words.
    """
    words: list[str] = []
    chinese: list[str] = []
    groups: dict[str, str] = {}
    for n, (lang, pats) in enumerate(sorted(table.items())):
        if not pats:
            continue
        name = f"{prefix}{n}"
        groups[name] = lang
        body = "|".join(f"(?:{_prepare(p)})" for p in pats)
        if lang == "zh":
            chinese.append(f"(?P<{name}>(?:{body})(?![a-z]))")
        else:
            words.append(f"(?P<{name}>(?:{body})(?!\\w))")
    parts = []
    if words:
        parts.append("(?<!\\w)(?:" + "|".join(words) + ")")
    if chinese:
        parts.append("(?<![a-z])(?:" + "|".join(chinese) + ")")
    if not parts:
        return None, groups
    return re.compile("|".join(parts)), groups


class Scanner:
    """Scans text against a taxonomy; compile once, scan many items."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        exemplars: bool = True,
        threshold: float | None = None,
    ) -> None:
        """Args:
        exemplars: also match the cross-lingual exemplars (False: today's patterns only,
            for comparison in the benchmark).
        threshold: exemplar similarity needed (default :data:`workstation.lexmatch.THRESHOLD`).
        """
        from workstation import lexmatch

        self.taxonomy = taxonomy or load_taxonomy()
        self._compiled: list[_Compiled] = []
        for ind in self.taxonomy:
            self._compiled.append(_Compiled(ind))
        self._by_code = {c.indicator.code: c for c in self._compiled}
        self.threshold = lexmatch.THRESHOLD if threshold is None else threshold
        self.exemplars: lexmatch.ExemplarSet | None = None
        if exemplars:
            self.exemplars = _exemplar_set(tuple(sorted(c for c in self.taxonomy.indicators)))
        self._pattern_rx: dict[tuple[str, str], list[tuple[str, re.Pattern[str]]]] = {}

    def scan(self, text: str, *, region: str | None = None, normalised: Normalised | None = None) -> list[Suggestion]:
        """Suggestions for one text, at most one per indicator (its first match; ``count`` = all).

        Args:
            text: the original text (spans refer to it).
            region: default phone region, for the obscured-phone detector.
            normalised: a precomputed :func:`normalise` of ``text``.
        """
        if not text or not text.strip():
            return []
        norm = normalised or normalise(text)
        ntext = norm.text
        bounds = [m.start() for m in _SENTENCE_END.finditer(ntext)]
        scripts = scripts_of(ntext)
        found: dict[str, Suggestion] = {}
        for comp in self._compiled:
            rx, groups = comp.for_scripts(scripts)
            if rx is None:
                continue
            first: tuple[int, int, str] | None = None
            count = 0
            for m in rx.finditer(ntext):
                if comp.exclude is not None and _excluded(comp.exclude, ntext, bounds, m.start(), m.end()):
                    continue
                if self.exemplars is not None and _negated(ntext, m.start(), m.end()):
                    continue
                count += 1
                if first is None:
                    first = (m.start(), m.end(), groups.get(m.lastgroup or "", "*"))
            if first is not None:
                s, e, lang = first
                start, end = norm.span(s, e)
                found[comp.indicator.code] = Suggestion(
                    comp.indicator.code,
                    start,
                    end,
                    text[start:end],
                    lang,
                    norm.obfuscated(s, e),
                    count,
                    explanation=self._pattern_explanation(comp.indicator, lang, ntext, s, e, text[start:end]),
                )
        if self.exemplars is not None:
            self._exemplar_pass(text, norm, bounds, found)
            self._rules(text, norm, found, region)
        # Conditional indicators need one of their anchors in the same text.
        for comp in self._compiled:
            ind = comp.indicator
            if ind.requires_any and ind.code in found and not any(r in found for r in ind.requires_any):
                del found[ind.code]
        self._detectors(text, norm, found, region)
        return sorted(found.values(), key=lambda s: (s.start, s.code))

    def _pattern_explanation(self, ind: Indicator, lang: str, ntext: str, s: int, e: int, words: str) -> dict[str, Any]:
        """Which of the language's patterns matched ``ntext[s:e]`` (looked up only for hits)."""
        key = (ind.code, lang)
        if key not in self._pattern_rx:
            self._pattern_rx[key] = [(p, re.compile(_prepare(p))) for p in ind.patterns.get(lang, ())]
        rule = next((p for p, rx in self._pattern_rx[key] if (m := rx.match(ntext, s)) and m.end() == e), None)
        if rule is None:
            rule = next((p for p, rx in self._pattern_rx[key] if rx.match(ntext, s)), None)
        return {"method": "pattern", "language": lang, "rule": rule, "words": [words], "weight": ind.weight}

    def _exemplar_pass(self, text: str, norm: Normalised, bounds: list[int], found: dict[str, Suggestion]) -> None:
        """Indicators no pattern found, by similarity to their exemplars (see :mod:`lexmatch`)."""
        from workstation import lexmatch

        assert self.exemplars is not None
        wanted = {
            c.indicator.code for c in self._compiled if c.indicator.code not in found and not c.indicator.detector
        }
        if not wanted:
            return
        languages = [lang for lang, _ in lexmatch.languages_of(norm.text)]
        hits = lexmatch.match_exemplars(text, norm, self.exemplars, languages, threshold=self.threshold, codes=wanted)
        for code, hit in hits.items():
            comp = self._by_code[code]
            if comp.exclude is not None and _excluded(comp.exclude, norm.text, bounds, hit.start, hit.end):
                continue
            start, end = norm.span(hit.start, hit.end)
            explanation = hit.explanation()
            explanation["weight"] = comp.indicator.weight
            found[code] = Suggestion(
                code,
                start,
                end,
                text[start:end],
                hit.language,
                norm.obfuscated(hit.start, hit.end),
                1,
                f"like \u201c{hit.exemplar}\u201d ({hit.language}, similarity {hit.similarity:.2f})",
                explanation,
            )

    def _rules(self, text: str, norm: Normalised, found: dict[str, Suggestion], region: str | None) -> None:
        """Language-independent rules over amounts and contacts (see :mod:`workstation.adrules`)."""
        from workstation import adrules

        for code, (s, e, rule, detail) in adrules.apply(text, norm, set(found), region).items():
            if code in found or code not in self._by_code:
                continue
            start, end = norm.span(s, e) if e > s else (s, e)
            found[code] = Suggestion(
                code,
                start,
                end,
                text[start:end],
                "*",
                norm.obfuscated(s, e) if e > s else False,
                1,
                detail,
                {
                    "method": "rule",
                    "rule": rule,
                    "words": [text[start:end]],
                    "weight": self._by_code[code].indicator.weight,
                },
            )

    def _detectors(self, text: str, norm: Normalised, found: dict[str, Suggestion], region: str | None) -> None:
        for comp in self._compiled:
            ind = comp.indicator
            if ind.detector == "obscured_phone" and ind.code not in found:
                from workstation.selectors import extract_phones

                for phone in extract_phones(text, region):
                    if phone.obscured:
                        found[ind.code] = Suggestion(
                            ind.code,
                            phone.start,
                            phone.end,
                            text[phone.start : phone.end],
                            "*",
                            True,
                            1,
                            f"obscured phone number {phone.value}",
                            {
                                "method": "detector",
                                "rule": "obscured_phone",
                                "words": [text[phone.start : phone.end]],
                                "weight": ind.weight,
                            },
                        )
                        break
            elif ind.detector == "obfuscated_keyword" and ind.code not in found:
                hits = [
                    s
                    for s in found.values()
                    if s.obfuscated and s.code != ind.code and not self.taxonomy.get(s.code).detector
                ]
                if hits:
                    first = min(hits, key=lambda s: s.start)
                    found[ind.code] = Suggestion(
                        ind.code,
                        first.start,
                        first.end,
                        first.text,
                        first.language,
                        True,
                        len(hits),
                        f"disguised wording of {', '.join(sorted(h.code for h in hits))}",
                        {
                            "method": "detector",
                            "rule": "obfuscated_keyword",
                            "words": [h.text for h in hits],
                            "weight": ind.weight,
                        },
                    )


_LAST_WORDS = re.compile(r"(\w+)\W+(?:(\w+)\W+)?$")


def _negated(text: str, start: int, end: int) -> bool:
    """A negation just before a match that has none itself ("strictement non érotiques")."""
    from workstation.lexmatch import NEGATIONS

    first = re.match(r"\w+", text[start:end])
    if first is not None and first.group(0) in NEGATIONS:
        return False
    m = _LAST_WORDS.search(text, max(0, start - 40), start)
    return m is not None and bool({m.group(1), m.group(2)} & NEGATIONS)


def _excluded(rx: re.Pattern[str], text: str, bounds: list[int], start: int, end: int) -> bool:
    """True when an exclusion pattern matches in the sentence around ``start:end``."""
    import bisect

    i = bisect.bisect_right(bounds, start - 1)
    s = bounds[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(bounds, end)
    e = bounds[j] if j < len(bounds) else len(text)
    return rx.search(text, s, e) is not None


@lru_cache(maxsize=4)
def _exemplar_set(codes: tuple[str, ...]) -> Any:
    """The shipped exemplars of these codes, weighted (built once per process)."""
    from workstation import lexmatch

    table = lexmatch.load_exemplars()
    return lexmatch.ExemplarSet.build({c: v for c, v in table.items() if c in set(codes)})


@lru_cache(maxsize=4)
def _default_scanner() -> Scanner:
    return Scanner(load_taxonomy())


def scan_text(text: str, taxonomy: Taxonomy | None = None, *, region: str | None = None) -> list[Suggestion]:
    """Convenience: scan one text with the shipped taxonomy (or the one given)."""
    scanner = _default_scanner() if taxonomy is None else Scanner(taxonomy)
    return scanner.scan(text, region=region)


# -- scoring -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoreExplanation:
    """An item's combined score and how it came about."""

    score: float  # all non-rejected (suggested + confirmed) indicators
    confirmed_score: float  # confirmed indicators only (what a report may state as findings)
    contributions: tuple[dict[str, Any], ...]
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "confirmed_score": self.confirmed_score,
            "contributions": list(self.contributions),
            "explanation": self.text,
            "method": "noisy-or: 1 - product(1 - weight) over distinct non-rejected indicators",
        }


def combined_score(entries: Iterable[tuple[Indicator, str]], language: str = "en") -> ScoreExplanation:
    """Combine indicators into one explained score.

    Each distinct indicator counts once (several matches of "young" are one signal). Weights
    combine as a noisy-OR, so weak signals add up slowly and one strong signal dominates; the
    result stays in [0, 1). Rejected indicators are ignored.

    Args:
        entries: (indicator, status) pairs; status is suggested, confirmed or rejected.
        language: language of the labels in the explanation.
    """
    best: dict[str, tuple[Indicator, str]] = {}
    for ind, status in entries:
        if status == "rejected":
            continue
        prev = best.get(ind.code)
        if prev is None or (status == "confirmed" and prev[1] != "confirmed"):
            best[ind.code] = (ind, status)
    ordered = sorted(best.values(), key=lambda e: (-e[0].weight, e[0].code))
    remaining = 1.0
    remaining_confirmed = 1.0
    contributions: list[dict[str, Any]] = []
    for ind, status in ordered:
        gain = remaining * ind.weight
        remaining *= 1 - ind.weight
        if status == "confirmed":
            remaining_confirmed *= 1 - ind.weight
        contributions.append(
            {
                "code": ind.code,
                "label": ind.label_in(language),
                "status": status,
                "weight": ind.weight,
                "evidence": ind.evidence_level,
                "contribution": round(gain, 4),
            }
        )
    score = round(1 - remaining, 4)
    confirmed = round(1 - remaining_confirmed, 4)
    if contributions:
        lines = [f"score {score:.2f} ({confirmed:.2f} from confirmed indicators) = 1 - product(1 - weight) over:"]
        lines += [
            f"  {c['code']} {c['label']} [{c['status']}, {c['evidence']}] "
            f"weight {c['weight']:.2f} adds {c['contribution']:.2f}"
            for c in contributions
        ]
        text = "\n".join(lines)
    else:
        text = "score 0.00: no indicators"
    return ScoreExplanation(score, confirmed, tuple(contributions), text)
