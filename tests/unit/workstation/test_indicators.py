"""Indicator taxonomy: schema validation, scanning with obfuscation, gating, scoring, accuracy."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from workstation.indicators import (
    Scanner,
    TaxonomyError,
    combined_score,
    custom_indicator,
    default_path,
    load_taxonomy,
    scan_text,
    validate,
)
from workstation.textnorm import normalise

REQUIRED_LANGUAGES = {"en", "nl", "fr", "de", "uk", "ru", "zh", "ro", "bg", "es", "it"}
LABELLED = Path(__file__).parents[2] / "data" / "indicators" / "labelled_ads.json"


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(load_taxonomy())


def codes(suggestions) -> set[str]:  # type: ignore[no-untyped-def]
    return {s.code for s in suggestions}


# -- taxonomy file -----------------------------------------------------------------------------
def test_shipped_taxonomy_is_valid_versioned_and_documented() -> None:
    doc = json.loads(default_path().read_text(encoding="utf-8"))
    assert validate(doc) == []
    tax = load_taxonomy()
    assert tax.version == doc["version"] and tax.version.count(".") == 2
    assert set(tax.categories) >= {
        "recruitment",
        "sexual_exploitation",
        "labour_exploitation",
        "control_coercion",
        "minors",
        "migrants_refugees",
        "platform_technical",
        "romance_marriage",
        "criminal_exploitation",
        "domestic_servitude",
    }
    assert len(tax.indicators) >= 50 and len({i.category for i in tax}) >= 7
    assert REQUIRED_LANGUAGES <= set(tax.languages)
    from workstation.lexmatch import LANGUAGES, load_exemplars

    exemplars = load_exemplars()
    assert set(exemplars) <= set(tax.indicators)
    for ind in tax:
        assert ind.label["en"] and ind.label["nl"] and ind.description["en"] and ind.description["nl"]
        assert ind.sources and all(s in tax.sources for s in ind.sources)
        assert 0 <= ind.weight < 1 and ind.evidence_note
        if ind.detector is None:
            # Every text indicator covers all the languages the material comes in, by patterns or
            # by exemplars (taxonomy 2.0: the 16 languages of lexmatch.LANGUAGES).
            covered = set(ind.patterns) | set(exemplars.get(ind.code, {}))
            assert REQUIRED_LANGUAGES | set(LANGUAGES) <= covered, (ind.code, set(LANGUAGES) - covered)
    # The documented evidence: "new in town" was found not predictive, youth and obscured phones were.
    assert tax.get("SEX-05").evidence_level == "not_predictive" and tax.get("SEX-05").weight < 0.05
    assert tax.get("MIN-01").evidence_level == "validated" and tax.get("MIN-01").weight >= 0.4
    assert tax.get("TEC-01").evidence_level == "validated" and tax.get("TEC-01").detector == "obscured_phone"


def _broken() -> dict:
    doc = json.loads(default_path().read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    ind = doc["indicators"][0]
    del ind["label"]["nl"]
    ind["weight"] = 1.5
    ind["sources"] = ["no-such-source"]
    ind["patterns"]["en"] = ["(unclosed"]
    doc["indicators"][1]["code"] = ind["code"]  # duplicate
    doc["indicators"][2]["category"] = "gossip"
    doc["indicators"][3]["patterns"]["xx"] = ["foo"]
    doc["indicators"][4]["patterns"]["en"] = ["a*"]
    return doc


def test_validation_names_each_problem_and_where() -> None:
    problems = validate(_broken())
    text = "\n".join(problems)
    assert "label: missing nl text" in text
    assert "weight: must be a number in [0, 1)" in text
    assert "unknown source 'no-such-source'" in text
    assert "bad pattern '(unclosed'" in text
    assert "duplicate code" in text
    assert "unknown category 'gossip'" in text
    assert "patterns.xx: language not declared" in text
    assert "matches empty text" in text
    assert all(p.startswith(("indicators[", "top level")) or ".requires_any" in p for p in problems)


def test_conditional_chains_are_rejected() -> None:
    doc = json.loads(default_path().read_text(encoding="utf-8"))
    for ind in doc["indicators"]:
        if ind["code"] == "SEX-01":
            ind["requires_any"] = ["MIN-01"]
    assert any("is itself conditional" in p for p in validate(doc))


def test_loading_an_invalid_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "tax.json"
    bad.write_text(json.dumps(_broken()), encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(bad)
    assert err.value.path == str(bad) and "invalid taxonomy" in err.value.reason
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid JSON"):
        load_taxonomy(tmp_path / "junk.json")


# -- normalisation and obfuscation -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("S3XY Y0UNG", "sexy young"),  # leetspeak digits
        ("e s c o r t tonight", "escort"),  # spaced letters
        ("e.s.c.o.r.t", "escort"),
        ("\u0435scort", "escort"),  # Cyrillic е inside a Latin word
        ("prive\u0301 ontvangst", "prive ontvangst"),  # combining accent
        ("Oekraïense", "oekraiense"),
        ("ｅｓｃｏｒｔ", "escort"),  # full-width
        ("es\u200bcort", "escort"),  # zero-width space
        ("🅴🆂🅲🅾🆁🆃", "escort"),  # squared emoji letters
        ("fresh 🍒", "emj_cherry"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_undoes_obfuscation(text: str, needle: str) -> None:
    n = normalise(text)
    assert needle in n.text
    i = n.text.index(needle)
    start, end = n.span(i, i + len(needle))
    assert 0 <= start < end <= len(text)


def test_normalise_leaves_numbers_units_and_chinese_alone() -> None:
    assert "18yo" in normalise("18yo 5min 24/7").text
    assert "500元" in normalise("需交培训费500元").text
    # Three one-letter Slavic words are ordinary text, not a spaced-out word.
    assert "а я в" in normalise("а я в місті").text


def test_spans_point_into_the_original_text(scanner: Scanner) -> None:
    text = "<p>Hot y0ung t33n &amp; new in town 🍒</p><div>escort, incall</div>"
    found = {s.code: s for s in scanner.scan(text)}
    assert text[found["MIN-01"].start : found["MIN-01"].end] == found["MIN-01"].text
    assert found["MIN-01"].text.startswith("y0ung") and found["MIN-01"].obfuscated
    assert "TEC-04" in found  # the disguised spelling is itself an indicator
    assert found["SEX-01"].text == "escort"


# -- scanning rules ----------------------------------------------------------------------------
def test_gated_indicators_need_their_context(scanner: Scanner) -> None:
    job = "Young dynamic team wanted for our shop. 24/7 customer service. Our ladies' collection."
    assert not codes(scanner.scan(job)) & {"MIN-01", "CTL-04", "SEX-02"}
    ad = "Young sweet girl, our ladies are available 24/7, escort service."
    assert {"MIN-01", "CTL-04", "SEX-02", "SEX-01"} <= codes(scanner.scan(ad))


def test_exclusions_handle_negation_and_lawful_deductions(scanner: Scanner) -> None:
    assert "LAB-01" not in codes(scanner.scan("We will never keep your passport."))
    assert "LAB-01" in codes(scanner.scan("The agency will keep your passport until the end."))
    assert "LAB-02" not in codes(scanner.scan("Income tax is deducted from your salary."))
    assert "REC-04" not in codes(scanner.scan("No registration fees for candidates."))
    assert "MIN-02" not in codes(scanner.scan("Escort agency: staff from 16 years? Never. I am 16+ years in business."))
    assert "MIN-02" in codes(scanner.scan("Escort, I am 16 years old"))


def test_obscured_phone_detector(scanner: Scanner) -> None:
    plain = scanner.scan("Escort, call 06 12 34 56 78", region="NL")
    assert "TEC-01" not in codes(plain)
    spelled = {
        s.code: s for s in scanner.scan("Escort, bel nul zes een twee drie vier vijf zes zeven acht", region="NL")
    }
    assert "+31612345678" in spelled["TEC-01"].detail


def test_item_score_is_explained_and_ignores_rejections() -> None:
    tax = load_taxonomy()
    young, new_in_town, docs = tax.get("MIN-01"), tax.get("SEX-05"), tax.get("LAB-01")
    score = combined_score([(young, "confirmed"), (new_in_town, "suggested"), (docs, "rejected"), (young, "suggested")])
    expected = 1 - (1 - young.weight) * (1 - new_in_town.weight)
    assert score.score == pytest.approx(expected, abs=1e-4)
    assert score.confirmed_score == pytest.approx(young.weight, abs=1e-4)
    assert [c["code"] for c in score.contributions] == ["MIN-01", "SEX-05"]
    assert "MIN-01" in score.text and "LAB-01" not in score.text
    assert combined_score([]).score == 0


def test_custom_indicator_joins_the_scan() -> None:
    tax = load_taxonomy()
    own = custom_indicator(
        "CASE-01",
        "Code word 'golden ticket'",
        category="recruitment",
        taxonomy=tax,
        patterns={"en": ["golden tickets?"]},
        weight=0.3,
    )
    found = Scanner(tax.with_custom([own])).scan("Ask for the GOLDEN TICKET")
    assert codes(found) == {"CASE-01"}
    with pytest.raises(TaxonomyError):
        custom_indicator("REC-01", "clash", category="recruitment", taxonomy=tax).code  # noqa: B018
        tax.with_custom([custom_indicator("REC-01", "clash", category="recruitment", taxonomy=tax)])
    with pytest.raises(TaxonomyError, match="bad pattern"):
        custom_indicator("CASE-02", "bad", category="minors", taxonomy=tax, patterns={"en": ["(x"]})


def test_scan_text_convenience_and_empty_text() -> None:
    assert scan_text("") == []
    assert codes(scan_text("Работа без договора, оплата наличными")) == {"LAB-06"}


# -- accuracy on the labelled multilingual set ---------------------------------------------------
# The set was labelled with taxonomy 1.0: codes added in 2.0 (LAB-08, REC-08, CRI-…) are not
# judged on it (benchmarks/indicators_eval.py measures them on an independent set).
TAXONOMY_1 = {
    *(f"REC-0{n}" for n in range(1, 7)),
    *(f"LAB-0{n}" for n in range(1, 7)),
    *(f"CTL-0{n}" for n in range(1, 5)),
    *(f"SEX-0{n}" for n in range(1, 9)),
    *(f"MIN-0{n}" for n in range(1, 4)),
    *(f"MIG-0{n}" for n in range(1, 4)),
    *(f"TEC-0{n}" for n in range(1, 5)),
}


def _measure(ads: list[dict], scanner: Scanner) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    misses: list[str] = []
    for ad in ads:
        got = codes(scanner.scan(ad["text"], region=ad.get("region"))) & TAXONOMY_1
        expected = set(ad["expected"])
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
        misses += [f"FP {ad['id']} {c}" for c in got - expected] + [f"FN {ad['id']} {c}" for c in expected - got]
    return tp / (tp + fp), tp / (tp + fn), misses


def test_labelled_set_precision_and_recall(scanner: Scanner) -> None:
    doc = json.loads(LABELLED.read_text(encoding="utf-8"))
    ads = doc["ads"]
    assert len(ads) >= 100 and len({a["lang"] for a in ads}) >= 11
    assert sum(a["label"] == "benign" for a in ads) >= 30  # hard negatives
    precision, recall, misses = _measure(ads, scanner)
    print(f"\nlabelled set ({len(ads)} ads): precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.9, misses
    assert recall >= 0.8, misses
    # The held-out split was never used to tune the patterns: it is the honest estimate.
    held = [a for a in ads if a["split"] == "heldout"]
    hp, hr, hmisses = _measure(held, scanner)
    print(f"held-out ({len(held)} ads): precision {hp:.3f} recall {hr:.3f}")
    assert hp >= 0.9, hmisses
    # Honest generalisation is much lower than on the tuned splits (0.54 when first measured):
    # this only guards against regressions. See docs/indicators.md.
    assert hr >= 0.5, hmisses


def test_benign_items_score_lower_than_suspicious(scanner: Scanner) -> None:
    tax = scanner.taxonomy
    doc = json.loads(LABELLED.read_text(encoding="utf-8"))
    scores: dict[str, list[float]] = {"benign": [], "suspicious": []}
    for ad in doc["ads"]:
        found = scanner.scan(ad["text"], region=ad.get("region"))
        scores[ad["label"]].append(combined_score([(tax.get(s.code), "suggested") for s in found]).score)
    benign_mean = sum(scores["benign"]) / len(scores["benign"])
    suspicious_mean = sum(scores["suspicious"]) / len(scores["suspicious"])
    assert suspicious_mean > 0.5 > benign_mean


def test_only_the_languages_of_the_text_are_scanned(scanner: Scanner) -> None:
    from workstation.indicators import scripts_of

    long_ru = "Работа в Польше для девушек, без знания языка, проживание бесплатно, билет оплачиваем. " * 2
    assert scripts_of(normalise(long_ru + "Пишите в WhatsApp").text) == {"cyrillic"}
    # Short texts keep every script they contain: scanning more is always safe.
    assert scripts_of(normalise("Пишите в WhatsApp").text) == {"latin", "cyrillic"}
    assert scripts_of(normalise("高薪招聘女孩出国工作，日赚1000").text) == {"han"}
    assert scripts_of(normalise("Escort Anna, Telegram: @anna. Интим услуги, реальные фото").text) == {
        "latin",
        "cyrillic",
    }
    mixed = "Escort Amsterdam. Новенькая в городе! Молоденькая девушка. 新到学生妹"
    assert {"SEX-01", "SEX-05", "MIN-01", "SEX-02"} <= codes(scanner.scan(mixed))
