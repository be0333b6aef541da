"""Screenshots of the main views, made offscreen from the demo case (docs/screenshots/*.png).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots] [--lang nl]

Builds a fresh demo case (the bundled synthetic material), adds a few annotations and one
synthetic captured page so every view has something to show, and grabs each view with
QWidget.grab(). Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Nieuw in Rotterdam</title></head>
<body style="font-family: DejaVu Sans">
<h2 style="color:#8a1538">Nieuw in Rotterdam ♥ Anna 19</h2>
<p><b>Нова дівчина в місті</b> · 新来的女孩 · New girl in town</p>
<table><tr><td><img src="images/anna_profile.jpg" width="220"></td>
<td style="padding-left:12px">Bel of WhatsApp: <b>06 12 34 56 78</b><br>Telegram: @anna_rdam_19<br>
Outcall, hotel only · 24/7<br>Reisgeld vooraf · travel paid<br><br>
<img src="https://tracker.example.invalid/pixel.gif" width="1" height="1">
<img src="https://cdn.example.invalid/banner.jpg" width="200" height="60"></td></tr></table>
<p style="color:#666">Synthetic advert written for the Evidence Workstation demo. No real person.</p>
</body></html>"""


def wait(app, predicate, seconds: float = 30.0) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while not predicate() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def settle(app, seconds: float = 0.6) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def add_page(case, photo_id: int | None) -> int:  # noqa: ANN001
    """A synthetic captured ad page whose profile photo is a demo photo (as a WARC would link it)."""
    import hashlib
    import json

    from workstation.case import utc_now

    with case.transaction():
        blob = case.blobs.put_bytes(PAGE_HTML.encode("utf-8"))
        row = {
            "kind": "page", "sha256": blob.sha256, "md5": blob.md5, "size": blob.size, "mime": "text/html",
            "original_name": "listing-4711.html", "source_url": "https://ads.example.invalid/rotterdam/listing/4711",
            "capture_method": "WARC", "captured_at": "2026-03-02T21:14:05Z", "captured_tz": "+01:00",
            "imported_at": utc_now(), "analyst": case.analyst, "importer": "warc/html",
            "import_key": hashlib.sha256(b"demo-page-4711").hexdigest(), "title": "Nieuw in Rotterdam ♥ Anna 19",
            "language": "nl", "text": "Nieuw in Rotterdam Anna 19 Нова дівчина в місті 新来的女孩 Bel of WhatsApp "
            "06 12 34 56 78 Telegram @anna_rdam_19 Reisgeld vooraf", "metadata": json.dumps({"charset": "utf-8"}),
        }  # fmt: skip
        page_id = int(
            case.db.execute(
                f"INSERT INTO items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            ).lastrowid
        )
        if photo_id is not None:
            case.db.execute(
                "UPDATE items SET parent_id = ?, source_url = ? WHERE id = ?",
                [page_id, "https://ads.example.invalid/rotterdam/listing/images/anna_profile.jpg", photo_id],
            )
        case.audit("demo.page_added", {"item": page_id})
    return page_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("en", "nl"), default="en", help="nl: files named *_nl.png")
    parser.add_argument("--only", nargs="*", help="just these shots (grid, inspector, table, …)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ew-shots-"))
    os.environ["WORKSTATION_HOME"] = str(work / "home")

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from ui.app import configure_interpreter
    from ui.fonts import register_bundled_fonts
    from ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(args.lang))
    configure_interpreter()
    register_bundled_fonts()
    install_translators(app, args.lang)

    from ui.main_window import MainWindow
    from ui.session import CaseSession
    from ui.settings import AppSettings
    from workstation import casework
    from workstation.case import Case
    from workstation.demo import DEMO_PASSPHRASE, build_demo

    case, _result, _lines = build_demo(work / "demo", DEMO_PASSPHRASE)
    path = case.path
    ids = {r[1]: r[0] for r in case.db.execute("SELECT id, original_name FROM items ORDER BY id")}
    photo = ids.get("anna_profile.jpg")
    add_page(case, photo)
    images = [r[0] for r in case.db.execute("SELECT id FROM items WHERE kind = 'image' ORDER BY id")]
    casework.add_exhibits(case, [i for i in (ids.get("ad_rotterdam_mirrored.jpg"), photo) if i])
    casework.set_triage(case, images[:4], casework.RELEVANT)
    if ids.get("unrelated_beach.jpg"):
        casework.set_triage(case, [ids["unrelated_beach.jpg"]], casework.NOT_RELEVANT)
    if photo:
        casework.add_note(case, [photo], "Same hotel room as in the Utrecht advert; phone number differs.")
        casework.add_tag(case, [photo], "city:Rotterdam")
    if ids.get("hotel_room.jpg"):
        casework.add_tag(case, [ids["hotel_room.jpg"]], "minor")  # shows the default veil
    reviewed_page = None
    try:
        from workstation import annotations

        suggested = case.db.execute(
            "SELECT a.id, a.item_id FROM annotations a JOIN items i ON i.id = a.item_id "
            "WHERE a.status = 'suggested' AND i.kind = 'page' ORDER BY a.item_id, a.id"
        ).fetchall()
        if suggested:
            reviewed_page = suggested[0][1]
            for ann_id, item_id in suggested:
                if item_id == reviewed_page:
                    annotations.confirm(case, ann_id)
                    break
            for ann_id, item_id in suggested[1:12]:
                if item_id != reviewed_page:
                    annotations.confirm(case, ann_id)
        if photo:
            annotations.annotate(case, photo, "SEX-01", note="Hotel room, same bedspread as ad 17")
    except ImportError:  # indicators not in this build
        pass
    case.close()

    settings = AppSettings()
    settings.thumbnail_size = 150
    session = CaseSession(Case.open(path, DEMO_PASSPHRASE), DEMO_PASSPHRASE)
    window = MainWindow(session, settings)
    window.resize(1500, 900)
    window.show()
    wait(app, lambda: window.model.rowCount() > 0)
    wait(app, lambda: bool(window.navigator.counts))
    for row in range(window.model.rowCount()):
        window.model.index(row, 0).data(0)
    settle(app, 1.5)
    if photo:
        window.items_view.select_id(photo)
    wait(app, lambda: not window.inspector.waiting_for_clusters, 20)
    settle(app, 1.0)
    shots: list[str] = []

    def grab(widget, name: str) -> None:  # noqa: ANN001
        if args.only and name not in args.only:
            return
        settle(app, 0.5)
        target = args.out / (f"{name}.png" if args.lang == "en" else f"{name}_{args.lang}.png")
        widget.grab().save(str(target))
        shots.append(str(target))

    grab(window, "grid")
    window.inspector.tabs.setCurrentIndex(0)
    grab(window.inspector, "inspector")
    if reviewed_page is not None:
        window.items_view.select_id(reviewed_page)
        window.inspector.tabs.setCurrentIndex(2)
        settle(app, 0.5)
        grab(window, "indicators")
        window.inspector.tabs.setCurrentIndex(0)
        if photo:
            window.items_view.select_id(photo)
    window.set_view_mode("table")
    settle(app, 1.0)
    grab(window, "table")
    window.set_view_mode("grid")
    window.set_safe_view(True)
    settle(app, 1.5)
    grab(window, "safe_view")
    window.set_safe_view(False)
    page_id = next(iter(r[0] for r in session.case.db.execute("SELECT id FROM items WHERE kind = 'page'")))
    window.open_item(page_id)
    settle(app, 1.0)
    grab(window, "page_viewer")
    view = window.show_clusters()
    wait(app, lambda: len(view.member_cards()) > 0, 60)
    settle(app, 1.0)
    grab(window, "clusters")
    if photo:
        viewer = window.open_item(photo)
        wait(app, lambda: not viewer.image.isNull(), 20)
        viewer.annotate_region((60, 40, 180, 200), "", "Tattoo on the left shoulder")
        settle(app, 1.0)
        grab(window, "image_viewer")
    dialog = window.show_audit()
    dialog.resize(1100, 640)
    wait(app, lambda: dialog.problems is not None, 20)
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    grab(dialog, "audit")
    window.close()
    print("\n".join(shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
