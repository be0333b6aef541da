"""Issue 22 (selector points): the Selectors table lists the most-linked first and marks
possible-but-invalid numbers as unverified."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import PASSPHRASE
from workstation.case import Case


@pytest.fixture
def selector_case(case_file: Path, tmp_path: Path) -> Path:
    from workstation.importing.pipeline import run_import

    folder = tmp_path / "ads"
    folder.mkdir()
    # an e-mail on one item, a phone on three items, an unverified number on one
    (folder / "a.txt").write_text("Bel 06 12 34 56 78. Mail anna@example.com", encoding="utf-8")
    (folder / "b.txt").write_text("Bel 06 12 34 56 78", encoding="utf-8")
    (folder / "c.txt").write_text("Bel 06 12 34 56 78 of +31 6 9876 5432", encoding="utf-8")
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [folder], workers=0)
    return case_file


def test_selectors_table_is_most_linked_first_with_unverified_marked(qtbot, window_factory, selector_case) -> None:  # type: ignore[no-untyped-def]
    window = window_factory(selector_case)
    view = window.show_selectors()
    table = view.table
    assert table.rowCount() >= 3
    counts = [int(table.item(r, 2).data(Qt.ItemDataRole.DisplayRole)) for r in range(table.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    assert table.item(0, 1).text() == "+31612345678"
    values = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "+31698765432 (unverified)" in values
