"""ItemModel over a real case and reader thread, without a view: ids, pages, roles, refresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE, make_jpeg
from ui.models.item_model import ItemModel, Role
from ui.models.query import ItemQuery
from ui.reader import CaseReader
from workstation import casework
from workstation.case import Case
from workstation.importing.pipeline import run_import


@pytest.fixture
def model(case: Case, tmp_path: Path, qtbot: Any) -> Iterator[ItemModel]:
    folder = tmp_path / "in"
    for n, name in enumerate(("b.jpg", "a.jpg", "c.jpg")):
        make_jpeg(folder / name, seed=n, size=(64, 48))
    (folder / "note.txt").write_text("робота в Амстердамі", encoding="utf-8")
    run_import(case, [folder], workers=1)
    reader = CaseReader(lambda: Case.open(case.path, PASSPHRASE))
    reader.start()
    assert reader.ready.wait(30)
    item_model = ItemModel(case, reader)
    yield item_model
    item_model.closed = True
    reader.stop()


def _load(qtbot: Any, model: ItemModel, query: ItemQuery) -> None:
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(query)


def test_ids_arrive_from_the_reader_in_the_querys_order(qtbot: Any, model: ItemModel) -> None:
    _load(qtbot, model, ItemQuery(kind="image", sort="name"))
    assert model.rowCount() == 3 and not model.loading
    names = [model.row_data(r).name for r in range(3)]  # type: ignore[union-attr]
    assert names == ["a.jpg", "b.jpg", "c.jpg"]
    _load(qtbot, model, ItemQuery(kind="image", sort="name", descending=True))
    assert model.row_data(0).name == "c.jpg"  # type: ignore[union-attr]
    _load(qtbot, model, ItemQuery(text="Амстердам"))
    assert model.rowCount() == 1 and model.row_data(0).kind != "image"  # type: ignore[union-attr]


def test_rows_are_read_a_page_at_a_time_off_the_gui_thread(qtbot: Any, model: ItemModel) -> None:
    _load(qtbot, model, ItemQuery(kind="image", sort="name"))
    index = model.index(0, 0)
    assert model.data(index, Role.ItemId) == model.item_id(0)
    # Painting never waits: the first ask starts the page read, dataChanged brings the row.
    if model.data(index, Qt.ItemDataRole.DisplayRole) is None:
        with qtbot.waitSignal(model.dataChanged, timeout=20_000):
            pass
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "a.jpg"
    assert model.data(index, Role.HasThumbnail) is True
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_refresh_shows_the_analysts_marks(qtbot: Any, model: ItemModel, case: Case) -> None:
    _load(qtbot, model, ItemQuery(kind="image", sort="name"))
    first = model.item_id(0)
    assert first is not None and model.row_data(0).tags == ()  # type: ignore[union-attr]
    casework.set_triage(case, [first], casework.RELEVANT)
    casework.add_exhibits(case, [first])
    model.refresh_items([first])
    row = model.row_data(0)
    assert row is not None and row.tags == ("relevant",) and row.exhibit == 1
    assert model.data(model.index(0, 0), Role.Exhibit) == 1
    _load(qtbot, model, ItemQuery(untriaged=True))
    assert first not in [model.item_id(r) for r in range(model.rowCount())]
