"""Real documents and photos made by others (tests/data/import/README.md gives source and licence)."""

from __future__ import annotations

from pathlib import Path

from workstation.search import search_items

REAL = Path(__file__).resolve().parents[4] / "tests" / "data" / "import" / "real"


def test_real_material_imports_with_language_text_and_exif(case, do_import):
    result, _ = do_import(REAL)
    assert result.errors == []
    items = {i["original_name"]: i for i in case.items()}
    nl, zh, uk = items["basic-defs.nl.html"], items["basic-defs.zh-cn.html"], items["audacity-manual.html"]
    assert (nl["kind"], nl["language"], nl["title"]) == ("page", "nl", "Hoofdstuk 1. Definities en overzicht")
    assert (zh["language"], zh["title"]) == ("zh", "第 1 章 定义和概览")
    assert "посібник" in uk["title"] and uk["metadata"]["scripts"]["Cyrillic"] > 0.1
    pdf = items["project-history.ru.pdf"]
    assert pdf["kind"] == "document" and pdf["language"] == "ru"
    assert pdf["metadata"]["pdf"]["pages"] > 10
    path_photo = items["kde-path-preview.jpg"]
    assert path_photo["metadata"]["exif"]["Make"].startswith("OLYMPUS")
    assert items["kde-fallenleaf-preview.jpg"]["metadata"]["exif"]["Model"] == "Canon EOS 70D"
    assert case.thumbnail(path_photo["id"])

    assert [h["id"] for h in search_items(case, "什么是 Debian")] == [zh["id"]]
    assert nl["id"] in [h["id"] for h in search_items(case, "Definities")]
    assert uk["id"] in [h["id"] for h in search_items(case, "нормалізувати запис")]
    assert [h["id"] for h in search_items(case, "Произношение")] == [pdf["id"]]
