"""#22: a saved page's own ``_files`` image is shown from the case (it was blocked when the page
named the address it was saved from)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gui.conftest import PASSPHRASE, jpeg_with_exif
from workstation.case import Case


def test_saved_page_shows_its_own_files_folder_image(
    qtbot: Any, window_factory: Any, case_file: Path, tmp_path: Path
) -> None:
    from workstation.importing.pipeline import run_import

    capture = tmp_path / "capture"
    (capture / "vacature_8841_files").mkdir(parents=True)
    (capture / "vacature_8841_files" / "8841.jpg").write_bytes(jpeg_with_exif())
    (capture / "vacature_8841.html").write_text(
        "<!-- saved from url=(0038)https://jobs.example.net/vacature/8841 -->\n"
        "<html><head><title>Vacature</title></head><body><p>Werk</p>"
        '<img src="vacature_8841_files/8841.jpg" alt="foto">'
        '<img src="https://tracker.example.net/pixel.gif"></body></html>',
        encoding="utf-8",
    )
    with Case.open(case_file, PASSPHRASE) as case:
        run_import(case, [capture], workers=0)
        page_id = case.db.execute("SELECT id FROM items WHERE kind = 'page'").fetchone()[0]
    window = window_factory(case_file)
    viewer = window.open_item(page_id)
    viewer.browser.resize(900, 1200)
    viewer.browser.grab()
    viewer._update_banner()
    assert viewer.resolver.served == ["vacature_8841_files/8841.jpg"]
    assert viewer.browser.blocked == ["https://tracker.example.net/pixel.gif"]
    assert "1 resource(s) shown from the case, 1 blocked" in viewer.banner.text()
