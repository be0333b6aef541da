"""Re-import adds no duplicates; an interrupted import resumes where it stopped."""

from __future__ import annotations

import import_samples as S
import pytest

from workstation.errors import Cancelled
from workstation.progress import Progress


def make_folder(root, n=12):
    for i in range(n):
        S.write(root / f"img{i:02d}.jpg", S.jpeg(64, 48, color=(i * 20 % 255, 10, 10)))
    S.write(root / "capture.warc.gz", S.warc())
    S.write(root / "seized.zip", S.zip_bytes({"a/x.jpg": S.jpeg(30, 30), "chat.txt": S.SENTENCE.encode()}))
    S.write(root / "copy.jpg", S.jpeg(64, 48, color=(0, 10, 10)))  # same bytes as img00
    return root


def count(case):
    return case.db.execute("SELECT count(*) FROM items").fetchone()[0]


def test_reimport_adds_nothing(tmp_path, case, do_import):
    folder = make_folder(tmp_path / "in")
    first, _ = do_import(folder)
    assert first.errors == [] and first.exact_duplicates == 1
    total = count(case)
    second, _ = do_import(folder)
    assert second.imported == 0 and second.already_imported == total
    assert count(case) == total
    blobs = case.db.execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert blobs == total - 1  # the exact duplicate shares its blob


def test_cancelled_import_resumes_without_duplicates(tmp_path, case, do_import, monkeypatch):
    from workstation.importing import pipeline

    monkeypatch.setattr(pipeline, "BATCH_ITEMS", 4)  # small batches: some commit before the stop
    folder = make_folder(tmp_path / "in")
    progress = Progress()

    def stop_after_some(done, total, note):
        if done == 7:
            progress.cancel()

    progress.on_change = stop_after_some
    with pytest.raises(Cancelled):
        do_import(folder, progress=progress)
    partial = count(case)
    assert 0 < partial < 20
    status = case.db.execute("SELECT status FROM import_runs ORDER BY id").fetchall()
    assert status[-1][0] == "cancelled"
    resumed, _ = do_import(folder)
    assert resumed.already_imported == partial
    reference_case_items = resumed.imported + partial
    assert count(case) == reference_case_items
    paths = [r[0] for r in case.db.execute("SELECT source_path FROM items")]
    assert len(paths) == len(set(paths))
    # parents were found again for children imported in the resumed run
    child = case.db.execute("SELECT parent_id FROM items WHERE original_name = 'x.jpg'").fetchone()
    assert child[0] is not None


def test_crash_mid_import_keeps_committed_batches(tmp_path, case, do_import, monkeypatch):
    from workstation.importing import pipeline

    monkeypatch.setattr(pipeline, "BATCH_ITEMS", 4)
    folder = make_folder(tmp_path / "in")
    progress = Progress()

    def crash(done, total, note):
        if done == 9:
            raise KeyboardInterrupt

    progress.on_change = crash
    with pytest.raises(KeyboardInterrupt):
        do_import(folder, progress=progress)
    partial = count(case)
    assert partial > 0
    resumed, _ = do_import(folder)
    assert resumed.already_imported == partial
    assert resumed.errors == []


def test_parallel_workers_give_the_same_items(tmp_path, case, do_import):
    folder = make_folder(tmp_path / "in")
    result, _ = do_import(folder, workers=2)
    assert result.errors == []
    kinds = sorted(i["kind"] for i in case.items())
    assert kinds.count("image") == 15 and kinds.count("page") == 1
    assert all(case.thumbnail(i["id"]) for i in case.items(kind="image"))


def test_a_crashing_decoder_costs_one_file_not_the_import(tmp_path, case, do_import, monkeypatch):
    from workstation.importing import hooks

    monkeypatch.setenv("WORKSTATION_EXTRA_PLUGINS", "import_crash_plugin")
    monkeypatch.setattr(hooks, "_loaded", False)
    folder = tmp_path / "in"
    for i in range(6):
        S.write(folder / f"ok{i}.jpg", S.jpeg(40 + i, 30))
    S.write(folder / "killer.jpg", S.jpeg(13, 30))
    try:
        result, _ = do_import(folder, workers=2)
    finally:
        hooks.IMAGE_ANALYZERS.pop("crash_test", None)
    assert [e["path"].rsplit("/", 1)[-1] for e in result.errors] == ["killer.jpg"]
    assert "crashed" in result.errors[0]["error"]
    assert result.imported == 6
