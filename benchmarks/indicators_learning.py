"""Benchmark: what 20 analyst decisions add through the per-case learned model (issue 15).

Each language's ads of a split stand for one case. The analyst reviews the ads in order until 20
decisions are made: each suggestion is confirmed (the set labels it) or rejected; an indicator
the set labels but nothing suggested is marked by the analyst on the ad's text. The model trained
on those decisions (workstation/learning.py) then proposes on the rest of that case. Measured on
the rest: precision and recall of the suggestions alone and with the learned proposals.

    /work/venv/bin/python benchmarks/indicators_learning.py --split test
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indicators_eval import MAPPING, REGION, load, mapped  # noqa: E402

from workstation.indicators import Scanner  # noqa: E402
from workstation.learning import THRESHOLD, examples_from_decisions, sentence_spans, train  # noqa: E402

#: One taxonomy code per evaluation concept, for the analyst's own marks.
TO_TAXONOMY = {c[0]: code for code, c in MAPPING.items() if len(c) == 1}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--decisions", type=int, default=20)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    labelled = {c for ad in load("all") for c in ad["indicators"]}
    scanner = Scanner()
    totals = {"base": [0, 0, 0], "learned": [0, 0, 0]}
    print("| case (language) | decisions | ads reviewed | rest | recall without → with | precision without → with |")
    print("|---|---|---|---|---|---|")
    for lang in sorted({a["lang"] for a in load(args.split)}):
        ads = [a for a in load(args.split) if a["lang"] == lang]
        decisions: list[tuple[str, int | None, int | None, str, str]] = []
        reviewed = 0
        for ad in ads:
            if len(decisions) >= args.decisions:
                break
            reviewed += 1
            exp = set(ad["indicators"])
            found = scanner.scan(ad["text"], region=REGION.get(lang))
            got: set[str] = set()
            for s in found:
                m = mapped([s.code], labelled)
                ok = bool(m & exp)
                got |= m
                decisions.append((ad["text"], s.start, s.end, s.code, "confirmed" if ok else "rejected"))
            for concept in sorted(exp - got):
                code = TO_TAXONOMY.get(concept, concept)
                decisions.append((ad["text"], None, None, code, "confirmed"))
        model = train(examples_from_decisions(decisions[: args.decisions]))
        rest = ads[reviewed:]
        row = {"base": [0, 0, 0], "learned": [0, 0, 0]}
        for ad in rest:
            exp = set(ad["indicators"])
            base = mapped((s.code for s in scanner.scan(ad["text"], region=REGION.get(lang))), labelled)
            learned = set(base)
            if model is not None:
                spans = sentence_spans(ad["text"]) or [(0, len(ad["text"]))]
                props = model.propose([ad["text"][s:e] for s, e in spans], args.threshold)
                learned |= mapped((code for _, code, _, _ in props), labelled)
            for key, got in (("base", base), ("learned", learned)):
                row[key][0] += len(got & exp)
                row[key][1] += len(got - exp)
                row[key][2] += len(exp - got)
        for key in totals:
            totals[key] = [a + b for a, b in zip(totals[key], row[key], strict=True)]

        def pr(r: list[int]) -> tuple[float, float]:
            return (r[0] / (r[0] + r[1]) if r[0] + r[1] else 1.0), (r[0] / (r[0] + r[2]) if r[0] + r[2] else 1.0)

        (pb, rb), (pl, rl) = pr(row["base"]), pr(row["learned"])
        n = min(len(decisions), args.decisions)
        print(f"| {lang} | {n} | {reviewed} | {len(rest)} | {rb:.2f} → {rl:.2f} | {pb:.2f} → {pl:.2f} |")
    (pb, rb), (pl, rl) = ((t[0] / (t[0] + t[1]), t[0] / (t[0] + t[2])) for t in (totals["base"], totals["learned"]))
    print(f"| **all** | | | | **{rb:.2f} → {rl:.2f}** | **{pb:.2f} → {pl:.2f}** |")


if __name__ == "__main__":
    main()
