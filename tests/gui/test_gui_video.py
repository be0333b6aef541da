"""The video viewer: grid thumbnail, keyframe strip decoded off the GUI thread, safe view, frame as exhibit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import PASSPHRASE
from ui.views.image_viewer import ImageViewer
from ui.views.video_viewer import VideoViewer
from workstation.case import Case
from workstation.importing.pipeline import run_import
from workstation.video import synthetic as syn


def test_video_opens_with_its_keyframe_strip_veiled_and_a_frame_becomes_an_exhibit(
    qtbot: Any, window_factory: Any, case_file: Path, tmp_path: Path
) -> None:
    pics = syn.noise_pictures(3, seed=4, size=(320, 180))
    clip = syn.slideshow(tmp_path / "story.mp4", [syn.Slide(p, 2.0) for p in pics], size=(160, 90))
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [clip], workers=0)
    window = window_factory(case_file)
    case = window.session.case
    vid = case.db.execute("SELECT id FROM items WHERE kind = 'video'").fetchone()[0]
    assert case.db.execute("SELECT count(*) FROM thumbnails WHERE item_id = ?", [vid]).fetchone()[0] == 1
    viewer = VideoViewer(window.session, vid, safe_view=True)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=30_000):
        pass
    assert viewer.strip.count() == 3 and viewer.strip.item(1).text().startswith("00:00:0")
    assert viewer.hidden and viewer.picture.pixmap().toImage().isGrayscale()  # blurred, grey
    viewer.reveal_action.trigger()
    assert not viewer.picture.pixmap().toImage().isGrayscale()
    viewer.strip.setCurrentRow(2)
    frame_id = viewer.current_frame_id()
    number = viewer.mark_exhibit()
    assert number is not None
    assert case.db.execute("SELECT number FROM exhibits WHERE item_id = ?", [frame_id]).fetchone()[0] == number
    # The window opens a video in the video viewer and a keyframe in the image viewer.
    assert isinstance(window.open_item(vid), VideoViewer)
    assert isinstance(window.open_item(frame_id), ImageViewer)
