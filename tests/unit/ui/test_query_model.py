"""The central view's query: the core's ItemQuery (one query for the window and the CLI)."""

from __future__ import annotations

from ui.models.query import SORT_KEYS, ItemQuery
from workstation import search


def test_the_window_uses_the_cores_query() -> None:
    assert ItemQuery is search.ItemQuery
    assert "name" in SORT_KEYS and "captured" in SORT_KEYS


def test_queries_are_immutable_and_sorts_are_checked() -> None:
    query = ItemQuery(kind="image", label="Images")
    sorted_query = query.with_sort("no-such-column", descending=True)
    assert sorted_query.sort == "id" and sorted_query.descending and query.sort == "id"
    assert query.with_text("  Амстердам ").text == "Амстердам"
    assert query.with_sort("name", False) != query


def test_the_sql_is_made_in_the_core_with_parameters() -> None:
    sql, params = ItemQuery(kind="image", tag="city:Kyiv", text="робота 高薪", sort="name").ids_sql()
    assert "ORDER BY items.original_name ASC, items.id ASC" in sql
    assert params == ["image", "city:Kyiv", '"робота"', "高薪"]  # never spliced into the SQL text
    sql, _ = ItemQuery(exhibits=True).ids_sql()
    assert "ORDER BY exhibits.number" in sql
    count_sql, count_params = ItemQuery(untriaged=True).count_sql()
    assert count_sql.startswith("SELECT count(*) FROM items WHERE") and count_params == ["relevant", "not-relevant"]
