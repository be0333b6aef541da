"""Learning from the analyst: confirmed and rejected suggestions train a per-case model.

Every decision (a suggestion confirmed or rejected, an indicator the analyst marked on a text
span) says "this sentence shows indicator X" or "this sentence does not". A small model of
character n-grams (scikit-learn: TF-IDF of 2-4 letter pieces, nearest decided sentence) learns
the case's own wording from them and proposes the same indicator on similar sentences elsewhere
in the case. Its proposals are suggestions like any other, marked "learned from your decisions"
(``explanation.method == "learned"``), never findings until the analyst confirms them.

The model is a function of the decisions, which are annotations of the case: it travels with a
case bundle (and a partial bundle carries only the decisions on the items it sends) and is
retrained, identically, where the bundle is received. No pickled code crosses machines.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NONE = "__none__"
#: Similarity (cosine of char n-gram TF-IDF) a sentence needs to its nearest decided sentence.
THRESHOLD = 0.5
_SENTENCE = re.compile(r"[.!?;\n。！？；|•]+")
_MIN_SENTENCE = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` long enough to judge."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in list(_SENTENCE.finditer(text)) + [None]:
        end = m.start() if m is not None else len(text)
        seg = text[start:end]
        if len(seg.strip()) >= _MIN_SENTENCE:
            lead = len(seg) - len(seg.lstrip())
            out.append((start + lead, start + len(seg.rstrip())))
        if m is not None:
            start = m.end()
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]`` (the span itself when it is longer)."""
    spans = [(s, e) for s, e in sentence_spans(text) if s < max(end, start + 1) and start < e]
    if not spans:
        return text[start:end]
    return text[spans[0][0] : spans[-1][1]]


@dataclass(frozen=True)
class Example:
    """One decision: a sentence and the indicator it shows (``NONE`` when rejected)."""

    text: str
    label: str


@dataclass
class LearnedModel:
    """A trained model over char n-grams; :meth:`propose` scores new sentences."""

    vectorizer: Any
    examples: list[Example]
    matrix: Any

    @property
    def classes(self) -> list[str]:
        return sorted({e.label for e in self.examples})

    def digest(self) -> str:
        blob = json.dumps([(e.text, e.label) for e in self.examples], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def propose(self, sentences: Sequence[str], threshold: float = THRESHOLD) -> list[tuple[int, str, float, str]]:
        """(index, code, similarity, most similar decided sentence) for sentences close enough.

        A sentence is proposed for indicator X when its nearest decided sentence (cosine of char
        n-gram TF-IDF) shows X, at ``threshold`` or more, and is closer than every sentence the
        analyst rejected or left unmarked. With a handful of decisions per indicator a nearest
        neighbour generalises better than a fitted classifier (which spreads its probability
        over every indicator seen).
        """
        if not sentences:
            return []
        x = self.vectorizer.transform([s.lower() for s in sentences])
        sims = (x @ self.matrix.T).toarray()
        labels = [e.label for e in self.examples]
        none_idx = [k for k, lab in enumerate(labels) if lab == NONE]
        out: list[tuple[int, str, float, str]] = []
        for i, row in enumerate(sims):
            floor = max((row[k] for k in none_idx), default=0.0)
            best: dict[str, int] = {}
            for k, lab in enumerate(labels):
                if lab != NONE and row[k] >= threshold and row[k] > floor and row[k] > row[best.get(lab, k)] - 1e-12:
                    if lab not in best or row[k] > row[best[lab]]:
                        best[lab] = k
            for code, k in best.items():
                out.append((i, code, float(row[k]), self.examples[k].text))
        return out


def train(examples: Sequence[Example]) -> LearnedModel | None:
    """Train on the decisions; None until there is at least one indicator and one "no"."""
    labels = {e.label for e in examples}
    if len(examples) < 4 or len(labels) < 2 or labels == {NONE}:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=1)
    x = vectorizer.fit_transform([e.text.lower() for e in examples])
    return LearnedModel(vectorizer, list(examples), x)


def examples_from_decisions(
    decisions: Sequence[tuple[str, int | None, int | None, str, str]], *, background: int = 3
) -> list[Example]:
    """Examples from (field text, span start, span end, indicator, status) decisions.

    A confirmed indicator's sentence is an example of it; a rejected one's an example of "no
    indicator"; sentences of the decided texts that no decision touched are "no indicator" too
    (at most ``background`` per decided text): the analyst read them and marked nothing.
    """
    out: list[Example] = []
    touched: dict[str, list[tuple[int, int]]] = {}
    for text, start, end, code, status in decisions:
        if status not in ("confirmed", "rejected") or not text:
            continue
        s, e = (start, end) if start is not None and end is not None else (0, len(text))
        sentence = sentence_around(text, s, e)
        if len(sentence.strip()) < 3:
            continue
        out.append(Example(sentence, code if status == "confirmed" else NONE))
        touched.setdefault(text, []).append((s, e))
    for text, spans in touched.items():
        if any(s == 0 and e == len(text) for s, e in spans):
            continue  # the whole text was the span: no sentence is known to be empty
        free = [(s, e) for s, e in sentence_spans(text) if not any(a < e and s < b for a, b in spans)]
        out.extend(Example(text[s:e], NONE) for s, e in free[:background])
    return out


# -- inside a case -----------------------------------------------------------------------------
_FIELDS = ("text", "title", "ocr")


def _field_texts(case: Any, item_id: int) -> dict[str, str]:
    item = case.item(item_id)
    out = {"text": item.get("text") or "", "title": item.get("title") or ""}
    row = case.db.execute("SELECT text FROM ocr_text WHERE item_id = ?", [item_id]).fetchone()
    out["ocr"] = row[0] if row else ""
    return out


def case_examples(case: Any) -> list[Example]:
    """The analyst's decisions in this case, as training examples."""
    rows = case.db.execute(
        "SELECT item_id, field, span_start, span_end, indicator, status FROM annotations "
        "WHERE status IN ('confirmed', 'rejected') AND (field IS NULL OR field IN ('text', 'title', 'ocr')) "
        "AND (reviewed_by IS NOT NULL OR origin = 'analyst') ORDER BY id"
    ).fetchall()
    texts: dict[int, dict[str, str]] = {}
    decisions: list[tuple[str, int | None, int | None, str, str]] = []
    for item_id, field_name, start, end, code, status in rows:
        if item_id not in texts:
            texts[item_id] = _field_texts(case, item_id)
        decisions.append((texts[item_id].get(field_name or "text", ""), start, end, code, status))
    return examples_from_decisions(decisions)


@dataclass(frozen=True)
class LearnSummary:
    decisions: int
    classes: tuple[str, ...]
    proposed: int
    items: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "decisions": self.decisions,
            "classes": list(self.classes),
            "proposed": self.proposed,
            "items": list(self.items),
        }


def learn_and_propose(case: Any, *, threshold: float = THRESHOLD) -> LearnSummary:
    """Train on this case's decisions and add the model's proposals as suggestions (audited).

    A proposal is only added where the item has no annotation of that indicator yet (suggested,
    confirmed or rejected), so a decision is never overridden and nothing is proposed twice.
    """
    from workstation.annotations import record_taxonomy_version, taxonomy_for
    from workstation.case import utc_now

    examples = case_examples(case)
    model = train(examples)
    n_decisions = sum(1 for e in examples)
    if model is None:
        return LearnSummary(n_decisions, (), 0, ())
    tax = taxonomy_for(case)
    version = record_taxonomy_version(case)
    now = utc_now()
    added: list[int] = []
    with case.transaction():
        have = {(r[0], r[1]) for r in case.db.execute("SELECT item_id, indicator FROM annotations")}
        for (item_id,) in case.db.execute("SELECT id FROM items ORDER BY id").fetchall():
            texts = _field_texts(case, item_id)
            for field_name in _FIELDS:
                text = texts.get(field_name) or ""
                spans = sentence_spans(text)
                for idx, code, p, near in model.propose([text[s:e] for s, e in spans], threshold):
                    if (item_id, code) in have or code not in tax.indicators:
                        continue
                    s, e = spans[idx]
                    explanation = {
                        "method": "learned",
                        "similarity": round(p, 3),
                        "similar_to": near[:200],
                        "words": [text[s:e][:200]],
                        "weight": tax.indicators[code].weight,
                        "decisions": n_decisions,
                    }
                    case.db.execute(
                        "INSERT INTO annotations (item_id, indicator, status, origin, field, span_start, span_end, "
                        "matched_text, detail, taxonomy_version, author, created_at, updated_at, explanation) "
                        "VALUES (?, ?, 'suggested', 'machine', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            item_id,
                            code,
                            field_name,
                            s,
                            e,
                            text[s:e],
                            "learned from your decisions",
                            version,
                            "workstation",
                            now,
                            now,
                            json.dumps(explanation, ensure_ascii=False),
                        ],
                    )
                    have.add((item_id, code))
                    added.append(item_id)
        case.db.execute(
            "INSERT INTO learned_models (name, decisions, model, trained_at, trained_by) "
            "VALUES ('indicators', ?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET decisions = excluded.decisions, model = excluded.model, "
            "trained_at = excluded.trained_at, trained_by = excluded.trained_by",
            [
                n_decisions,
                json.dumps({"classes": model.classes, "examples_sha256": model.digest(), "threshold": threshold}),
                now,
                case.analyst,
            ],
        )
        case.audit(
            "indicators.learned",
            {
                "decisions": n_decisions,
                "classes": model.classes,
                "examples_sha256": model.digest(),
                "proposed": len(added),
                "items": sorted(set(added))[:200],
            },
        )
    return LearnSummary(n_decisions, tuple(model.classes), len(added), tuple(sorted(set(added))))
