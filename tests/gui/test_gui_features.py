"""Views over other areas' features, driven through the window: duplicate clusters, reports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import ImageOps
from pypdf import PdfReader

from tests.gui.conftest import PASSPHRASE
from workstation import casework
from workstation.case import Case
from workstation.dedup.synthetic import photo


def _jpeg(img) -> bytes:  # noqa: ANN001
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


@pytest.fixture
def dup_case(case_file: Path, tmp_path: Path) -> Path:
    """Two distinct photos, a mirrored re-post and a resized copy of the first."""
    from workstation.importing.pipeline import run_import

    folder = tmp_path / "ads"
    folder.mkdir()
    original = photo(11)
    (folder / "ad1_photo.jpg").write_bytes(_jpeg(original))
    (folder / "ad2_mirrored.jpg").write_bytes(_jpeg(ImageOps.mirror(original)))
    (folder / "ad3_small.jpg").write_bytes(_jpeg(original.resize((320, 240))))
    (folder / "other.jpg").write_bytes(_jpeg(photo(99)))
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [folder], workers=0)
    return case_file


def test_open_a_duplicate_cluster_from_the_navigator(qtbot, window_factory, dup_case):
    window = window_factory(dup_case)
    qtbot.waitUntil(lambda: window.navigator.entry("clusters").text(1) == "1", timeout=30_000)
    cluster_entry = window.navigator.entry("clusters").child(0)
    assert cluster_entry.text(1) == "3"
    window.navigator.setCurrentItem(cluster_entry)
    view = window.clusters_view
    assert view is not None and window.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.member_cards()) == 3, timeout=30_000)
    names = [card.member.name for card in view.member_cards()]
    assert sorted(names) == ["ad1_photo.jpg", "ad2_mirrored.jpg", "ad3_small.jpg"]
    mirrored = next(c for c in view.member_cards() if c.member.name == "ad2_mirrored.jpg")
    assert "mirror" in mirrored.member.transformation
    assert mirrored.member.distance is not None and mirrored.member.distance <= 10

    # the analyst says the mirrored one is not the same photo: it leaves the cluster
    mirrored.decided.emit(mirrored.member.item_id, "not-duplicate")
    qtbot.waitUntil(lambda: len(view.member_cards()) == 2, timeout=30_000)
    case = window.session.case
    assert len(casework.decisions(case, "different")) == 2  # vs both others
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(view.member_cards()) == 3, timeout=30_000)
    actions = [r[0] for r in case.db.execute("SELECT action FROM audit ORDER BY seq")]
    assert "dedup.not_duplicate" in actions and "dedup.not_duplicate_removed" in actions

    # the inspector of a member lists its near duplicates
    window.go_to_item(mirrored.member.item_id)
    qtbot.waitUntil(lambda: "ad1_photo.jpg" in window.inspector.details.toPlainText(), timeout=30_000)
    # and "Show in grid" filters the browse view to the cluster
    view._show_in_grid()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=30_000)


def test_keep_records_the_analysts_confirmation(qtbot, window_factory, dup_case):
    window = window_factory(dup_case)
    view = window.show_clusters()
    qtbot.waitUntil(lambda: len(view.member_cards()) == 3, timeout=30_000)
    small = next(c for c in view.member_cards() if c.member.name == "ad3_small.jpg")
    small.decided.emit(small.member.item_id, "keep")
    qtbot.waitUntil(lambda: any(c.member.status == "kept" for c in view.member_cards()), timeout=30_000)
    [decision] = casework.decisions(window.session.case)
    assert (decision.decision, decision.analyst) == ("same", "Test Analyst")


def test_run_a_report_from_the_menu(qtbot, window, tmp_path):
    case = window.session.case
    ids = [r[0] for r in case.db.execute("SELECT id FROM items WHERE kind = 'image' ORDER BY id")]
    window.annotator.exhibit(ids, True)
    window.annotator.note([ids[0]], "Room matches the one in ad 17")
    assert window.act_report.isEnabled()
    window.act_report.trigger()
    dialog = next(d for d in window.dialogs if d.objectName() == "" and hasattr(d, "out_edit"))
    assert dialog.preview.count() == len(ids)
    assert "Exhibit 1" in dialog.preview.item(0).text()
    out = tmp_path / "report.pdf"
    dialog.out_edit.setText(str(out))
    progress = dialog.generate()
    with qtbot.waitSignal(progress.ended, timeout=120_000) as ended:
        pass
    assert ended.args == ["succeeded"], progress.summary.text()
    assert "Report written" in progress.summary.text()
    reader = PdfReader(str(out))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "T-1" in text  # case number on the pages
    for item_id in ids:
        sha = case.db.execute("SELECT sha256 FROM items WHERE id = ?", [item_id]).fetchone()[0]
        assert sha in text.replace("\n", "")
    logged = case.db.execute("SELECT details FROM audit WHERE action = 'report.generated'").fetchone()
    assert logged is not None
