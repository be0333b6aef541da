"""Indicator matching that generalises beyond hand-written patterns: lemmas and exemplars.

Hand-written regular expressions catch the wording someone foresaw. This module adds two things
that catch wording nobody wrote a pattern for:

* **Lemmas.** Text is normalised (:mod:`workstation.textnorm`: case, leetspeak, look-alike letters,
  spacing, emoji as words) and every word is reduced to its dictionary form with ``simplemma``
  (which ships its data, so it works offline) in the language of the text: "passports were kept"
  and "keep your passport" share ``passport`` and ``keep``. Accents are folded after lemmatising.
* **Exemplars.** Each indicator has short example phrases in every supported language
  (``resources/taxonomy/exemplars/<lang>.txt``). A sentence of an ad matches an exemplar when it
  holds enough of the exemplar's words (as lemmas, or sharing a long stem for the
  inflection-rich languages), weighted by how specific each word is among all exemplars of that
  language. Chinese has no spaces: its words are character pairs.

Every hit explains itself: which exemplar, which words of the ad, the similarity. Pure functions,
no case needed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from workstation.textnorm import Normalised
from workstation.textnorm import fold as _fold

#: Languages with exemplars (ISO 639-1). simplemma lemmatises all but Chinese.
LANGUAGES = ("en", "nl", "fr", "de", "uk", "ru", "zh", "ro", "bg", "es", "it", "pl", "hu", "lt", "lv", "et")
_NO_LEMMAS = frozenset({"zh"})
_CYRILLIC = frozenset({"uk", "ru", "bg"})
#: Default similarity an exemplar must reach (share of its weighted words found in one sentence).
THRESHOLD = 0.7
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|emj_[a-z_]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_SENTENCE = re.compile(r"[.!?;\n。！？；|•]+|\s[-–—]\s")
_STEM = 5  # shared first letters that make two long words one stem


def fold(word: str) -> str:
    """Lower case without accents (the same folding as the normalised text)."""
    return _fold(word.replace("’", "'"))


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The folded dictionary form of ``word`` in ``language`` (the folded word when unknown)."""
    if language in _NO_LEMMAS or word.startswith("emj_") or word.isdigit():
        return fold(word)
    try:
        out = _lemmatizer().lemmatize(word, lang=language)
    except ValueError:  # an unsupported language code
        out = word
    return fold(out)


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """simplemma keeping the dictionaries of the case's languages decoded (2-3 s of CPU each)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    # Every language met stays decoded (~90 MB each: 1.4 GB if a process meets all 16; a case in
    # two or three languages ~300 MB). simplemma's default cache of 8 re-decoded dictionaries every
    # few ads in a mixed case (14 ads/s); its frugal backend (low_memory) needs ~150 MB for all 16
    # but a lookup costs ~0.2 ms instead of ~1 us (21 ads/s).
    factory = DefaultDictionaryFactory(cache_max_size=len(LANGUAGES) + 2)
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def _key(term: str) -> str:
    """Index key: a long word's stem prefix (so inflected forms meet), a short word itself."""
    return term[:_STEM] if len(term) >= _STEM else term


def _same_stem(a: str, b: str) -> bool:
    """Inflected forms of one word: they differ only in a short ending (not compounds, which
    differ in a whole second word: "Arbeiter" is no "Arbeitsvisum")."""
    if a == b:
        return True
    n, longest = min(len(a), len(b)), max(len(a), len(b))
    if n < _STEM:
        return False
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k >= _STEM and k >= n - (1 if n <= 7 else 2) and longest - k <= 4


#: Negations (folded lemmas): they carry the meaning of "no days off" and "non-erotic", so they
#: weigh fully in an exemplar, and one just before a match that has none cancels it.
NEGATIONS = frozenset(
    "no not non without never none nothing geen niet zonder nooit pas sans aucun jamais ne kein keine "
    "ohne nicht nie sin ningun ningunа nunca fara nu bez nie zadnych без не нет ни ні немає "
    "nem nincs nelkul ne be nav bez ei ilma 不 无 没 没有 别 勿".split()
)


# -- exemplars ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Exemplar:
    """One example phrase of an indicator in one language, as weighted lemmas."""

    code: str
    language: str
    text: str
    terms: tuple[str, ...]
    weights: tuple[float, ...]

    @property
    def total(self) -> float:
        return sum(self.weights)


def exemplar_dir() -> Path:
    import resources

    return Path(resources.__file__).with_name("taxonomy") / "exemplars"


def read_exemplar_file(path: Path) -> dict[str, list[str]]:
    """``CODE: phrase | phrase`` lines (``#`` comments) → {code: [phrases]}."""
    out: dict[str, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        code, sep, rest = line.partition(":")
        if not sep or not rest.strip():
            raise ValueError(f"{path.name}:{n}: expected 'CODE: phrase | phrase'")
        out.setdefault(code.strip(), []).extend(p.strip() for p in rest.split("|") if p.strip())
    return out


def terms_of(text: str, language: str) -> list[tuple[str, int, int]]:
    """(lemma, start, end) of the words of an already normalised or plain text."""
    out: list[tuple[str, int, int]] = []
    if language == "zh":
        for m in _HAN.finditer(text):
            s, run = m.start(), m.group(0)
            if len(run) == 1:
                out.append((run, s, s + 1))
            out.extend((run[k : k + 2], s + k, s + k + 2) for k in range(len(run) - 1))
        for m in re.finditer(r"[a-z0-9]+", text):
            out.append((m.group(0), m.start(), m.end()))
        out.sort(key=lambda t: t[1])
        return out
    for m in _WORD.finditer(text):
        w = m.group(0)
        out.append((lemma(w, language), m.start(), m.end()))
    return out


def _weight(term: str, df: int, n_docs: int, language: str) -> float:
    idf = math.log((n_docs + 1) / (df + 0.5))
    if term in NEGATIONS:
        return max(idf, 2.0)
    short = len(term) <= 2 if language == "zh" else len(term) <= 3
    if term.isdigit():
        return max(idf, 2.0)  # "7 days a week" is not "days per week"
    return idf * (0.3 if short and language != "zh" else 1.0)


class ExemplarSet:
    """All exemplars of a taxonomy, by language, with word weights.

    A language's exemplars are lemmatised the first time a text in that language is scanned:
    loading simplemma's dictionary of a language costs 0.1-1 s, and most cases hold two or three.
    """

    def __init__(self, table: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        """Args: table: {code: {language: [phrases]}}."""
        self._table: dict[str, list[tuple[str, str]]] = {}
        for code, langs in table.items():
            for language, phrases in langs.items():
                self._table.setdefault(language, []).extend((code, p) for p in phrases)
        self._built: dict[str, tuple[Exemplar, ...]] = {}
        self._index: dict[str, dict[str, list[int]]] = {}

    @classmethod
    def build(cls, table: Mapping[str, Mapping[str, Sequence[str]]]) -> ExemplarSet:
        return cls(table)

    @property
    def languages(self) -> list[str]:
        return sorted(self._table)

    def get(self, language: str) -> tuple[Exemplar, ...]:
        """The weighted exemplars of one language (built on first use)."""
        if language not in self._built:
            self._built[language] = self._build(language)
            index: dict[str, list[int]] = {}
            for n, ex in enumerate(self._built[language]):
                for t in ex.terms:
                    index.setdefault(_key(t), []).append(n)
            self._index[language] = index
        return self._built[language]

    def candidates(self, language: str, terms: Iterable[str]) -> list[Exemplar]:
        """Exemplars sharing at least one word (or stem) with ``terms``."""
        pool = self.get(language)
        index = self._index[language]
        hit: set[int] = set()
        for t in terms:
            hit.update(index.get(_key(t), ()))
        return [pool[n] for n in sorted(hit)]

    def _build(self, language: str) -> tuple[Exemplar, ...]:
        rows: list[tuple[str, str, list[str]]] = []
        for code, phrase in self._table.get(language, ()):
            if language in _NO_LEMMAS:
                terms = list(dict.fromkeys(t for t, _, _ in terms_of(fold(phrase), language)))
            else:
                # Lemmatise the accented phrase (simplemma needs the accents), fold after.
                terms = list(dict.fromkeys(lemma(m.group(0), language) for m in _WORD.finditer(phrase.lower())))
            if terms:
                rows.append((code, phrase, terms))
        df: dict[str, int] = {}
        for _, _, terms in rows:
            for t in set(terms):
                df[t] = df.get(t, 0) + 1
        n = len(rows)
        return tuple(
            Exemplar(code, language, phrase, tuple(terms), tuple(_weight(t, df[t], n, language) for t in terms))
            for code, phrase, terms in rows
        )


def load_exemplars(directory: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """{code: {language: [phrases]}} from the shipped exemplar files (or ``directory``)."""
    directory = directory or exemplar_dir()
    table: dict[str, dict[str, list[str]]] = {}
    for path in sorted(directory.glob("*.txt")):
        for code, phrases in read_exemplar_file(path).items():
            table.setdefault(code, {})[path.stem] = phrases
    return table


# -- language of a text ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def languages_of(text: str, limit: int = 2) -> list[tuple[str, float]]:
    """The likely languages of ``text`` among :data:`LANGUAGES`, best first, with probabilities.

    A second language is kept when it is close (Ukrainian and Russian, Dutch and German ads share
    much), and English is always tried as well: ads mix it in.
    """
    han = len(_HAN.findall(text[:4000]))
    ranked = [(str(lang), float(p)) for lang, p in _identifier().rank(text[:4000])[:limit]]
    out = [ranked[0]] + [(lang, p) for lang, p in ranked[1:] if p >= 0.15]
    if han and all(lang != "zh" for lang, _ in out):
        out.append(("zh", 0.0))
    if all(lang != "en" for lang, _ in out):
        out.append(("en", 0.0))
    return out


# -- matching ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExemplarHit:
    """A sentence that resembles an exemplar of an indicator."""

    code: str
    language: str
    exemplar: str
    similarity: float
    start: int  # span in the normalised text
    end: int
    words: tuple[str, ...]  # the matched words as they stand in the normalised text

    def explanation(self) -> dict[str, Any]:
        return {
            "method": "exemplar",
            "language": self.language,
            "exemplar": self.exemplar,
            "similarity": round(self.similarity, 3),
            "words": list(self.words),
        }


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (or clause) spans of a normalised text."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _match_terms(ex: Exemplar, lemmas: dict[str, list[int]], stems: dict[str, list[str]]) -> tuple[float, list[int]]:
    got = 0.0
    positions: list[int] = []
    found: list[list[int] | None] = []
    for term, w in zip(ex.terms, ex.weights, strict=True):
        hit = lemmas.get(term)
        if hit is None and len(term) >= _STEM:
            for other in stems.get(term[:_STEM], ()):
                if _same_stem(term, other):
                    hit = lemmas[other]
                    break
        found.append(hit)
        if hit is not None:
            got += w
            positions.extend(hit)
    # A negation negates what follows it: "no contract" is not "contract …, no payslips".
    for n, term in enumerate(ex.terms):
        if term in NEGATIONS and found[n] is not None:
            after = {p for hit in found[n + 1 :] if hit for p in hit}
            if after and not any(q in after for p in found[n] or () for q in (p + 1, p + 2, p + 3)):
                return 0.0, []
    if sum(1 for hit in found if hit is not None) < min(2, len(ex.terms)):
        return 0.0, []  # one word of the exemplar, however often, is no phrase
    return (got / ex.total if ex.total else 0.0), positions


def match_exemplars(
    original: str,
    norm: Normalised,
    exemplars: ExemplarSet,
    languages: Iterable[str],
    *,
    threshold: float = THRESHOLD,
    codes: set[str] | None = None,
) -> dict[str, ExemplarHit]:
    """The best exemplar hit per indicator code in a normalised text (at or above ``threshold``)."""
    text = norm.text
    best: dict[str, ExemplarHit] = {}
    spans = sentences(text)
    for language in languages:
        if not exemplars.get(language):
            continue
        words = _terms_of_normalised(original, norm, language)
        k = 0
        for s, e in spans:
            lemmas: dict[str, list[int]] = {}
            while k < len(words) and words[k][1] < s:
                k += 1
            j = k
            while j < len(words) and words[j][1] < e:
                lemmas.setdefault(words[j][0], []).append(j)
                j += 1
            if not lemmas:
                continue
            stems: dict[str, list[str]] = {}
            for t in lemmas:
                if len(t) >= _STEM:
                    stems.setdefault(t[:_STEM], []).append(t)
            for ex in exemplars.candidates(language, lemmas):
                if codes is not None and ex.code not in codes:
                    continue
                sim, positions = _match_terms(ex, lemmas, stems)
                if sim < threshold or len(set(positions)) < min(2, len(ex.terms)):
                    continue
                idx = sorted(set(positions))
                if idx[-1] - idx[0] > 2 * len(ex.terms) + 2:
                    continue  # the words are scattered over a long sentence, not one phrase
                if not any(t in NEGATIONS for t in ex.terms) and any(
                    words[i][0] in NEGATIONS for p in idx for i in range(max(k, p - 2), p) if i not in idx
                ):
                    continue  # "non érotiques", "no days off" for "days off"
                prev = best.get(ex.code)
                if prev is not None and prev.similarity >= sim:
                    continue
                a, b = words[idx[0]][1], words[idx[-1]][2]
                best[ex.code] = ExemplarHit(
                    ex.code, language, ex.text, sim, a, b, tuple(text[words[i][1] : words[i][2]] for i in idx)
                )
    return best


def _terms_of_normalised(original: str, norm: Normalised, language: str) -> list[tuple[str, int, int]]:
    """Lemmas of a normalised text. simplemma needs the accents the normalisation removed, so each
    plain word is lemmatised as the original wrote it; words that only exist after undoing a
    trick (``y0ung``) are lemmatised as normalised."""
    if language == "zh":
        return terms_of(norm.text, language)
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(norm.text):
        w = m.group(0)
        if not w.startswith("emj_") and not norm.obfuscated(m.start(), m.end()):
            s, e = norm.span(m.start(), m.end())
            raw = original[s:e].lower()
            if len(raw) == len(w) and fold(raw) == w:
                out.append((lemma(raw, language), m.start(), m.end()))
                continue
        out.append((lemma(w, language), m.start(), m.end()))
    return out
