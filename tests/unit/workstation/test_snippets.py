"""#22: search snippets mark whole words and do not start or end inside a word."""

from __future__ import annotations

from pathlib import Path

from workstation.commands.core import search_items
from workstation.importing.pipeline import run_import
from workstation.snippets import around, whole_words

AD = (
    "Praca w Polsce dla kobiet z Ukrainy. Oferujemy zakwaterowanie i dojazd do pracy, wysokie zarobki "
    "do 5000 zł miesięcznie, bez znajomości języka. Zadzwoń teraz i zapytaj o szczegóły oferty pracy."
)


def test_marks_grow_to_whole_words_but_not_in_scripts_without_spaces() -> None:
    assert whole_words("…ieden [zakwaterow]anie en") == "…[zakwaterowanie] en"
    assert whole_words("Wij bieden [zakwaterow]anie") == "Wij bieden [zakwaterowanie]"
    assert whole_words("…ng met [werk] in Polen en Duitsl…") == "…met [werk] in Polen en…"
    assert whole_words("我们提供[高薪]招聘…") == "我们提供[高薪]招聘…"
    assert around("short zakwaterowanie", "zakwaterow") == "short [zakwaterowanie]"


def test_search_snippets_from_the_index_show_whole_words(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "ad.txt").write_text(AD, encoding="utf-8")
    run_import(case, [folder], workers=0)
    for query in ("zakwaterow", "zakwaterow dojazd"):
        hits = search_items(case, query)
        assert len(hits) == 1
        for hit in hits:
            snippet = hit["snippet"]
            assert "[zakwaterowanie]" in snippet, snippet
            words = snippet.replace("…", " ").replace("[", " ").replace("]", " ").split()
            assert all(w.strip(".,") in AD.split() or w in AD for w in words), snippet
            body = snippet.strip("…")
            assert AD.find(body.replace("[", "").replace("]", "")) >= 0
            start = AD.find(body.replace("[", "").replace("]", ""))
            assert start == 0 or not AD[start - 1].isalpha(), snippet  # no half word at the start
