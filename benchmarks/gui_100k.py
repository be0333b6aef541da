"""GUI benchmark: open a case of 100,000 items, then measure GUI-thread stalls while scrolling the
grid and the table, changing the sort, searching, and while an import runs.

A QTimer heartbeat fires every 5 ms on the GUI thread; the longest gap between two beats is the
longest time the window could not repaint or react (the "stall"). Targets: window ready < 2 s,
no stall > 100 ms.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.gui_100k [--items 100000] [--photos 200]

The case is built once under benchmarks/data/ (rows and small thumbnails inserted through the
core; see benchmarks/bigcase.py) and reused.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).with_name("data")


class Heartbeat:
    """Beats every few ms on the GUI thread and records the gaps between beats.

    Two measures per gap: wall-clock time (what the analyst sees, but inflated when other
    processes take the CPU away, as on a shared machine) and the GUI thread's own CPU time
    (time.thread_time: the work the window did in that gap, independent of machine load).
    """

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self.cpu_gaps: list[float] = []
        self._last = 0.0
        self._last_cpu = 0.0

    def start(self) -> None:
        self.gaps, self.cpu_gaps = [], []
        self.clock.start()
        self._last = 0.0
        self._last_cpu = time.thread_time()
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        cpu = time.thread_time()
        self.gaps.append(now - self._last)
        self.cpu_gaps.append((cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        cpu = sorted(self.cpu_gaps) or [0.0]

        def p99(values: list[float]) -> float:
            return round(values[max(0, int(len(values) * 0.99) - 1)], 1)

        return {
            "beats": len(gaps),
            "max_gap_ms": round(gaps[-1], 1),
            "p99_gap_ms": p99(gaps),
            "median_gap_ms": round(statistics.median(gaps), 1),
            "max_gui_cpu_ms": round(cpu[-1], 1),
            "p99_gui_cpu_ms": p99(cpu),
        }


def run_for(app, seconds: float, step=None, every_ms: int = 16) -> None:  # noqa: ANN001
    """Spin the event loop for ``seconds``, calling ``step()`` about every ``every_ms``."""
    from PySide6.QtCore import QTimer

    timer = None
    if step is not None:
        timer = QTimer()
        timer.setInterval(every_ms)
        timer.timeout.connect(step)
        timer.start()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    if timer is not None:
        timer.stop()


def wait_until(app, predicate, timeout: float = 60.0) -> float:  # noqa: ANN001
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise TimeoutError("benchmark condition not reached")
        app.processEvents()
        time.sleep(0.001)
    return time.monotonic() - start


def make_photos(folder: Path, count: int) -> list[Path]:
    """Photo-like JPEGs (1024x768) for the import-while-scrolling part."""
    from workstation.dedup.synthetic import photo

    folder.mkdir(parents=True, exist_ok=True)
    paths = sorted(folder.glob("*.jpg"))
    if len(paths) >= count:
        return paths[:count]
    for i in range(len(paths), count):
        buf = io.BytesIO()
        photo(1000 + i, (1024, 768)).save(buf, "JPEG", quality=88)
        (folder / f"photo_{i:04d}.jpg").write_bytes(buf.getvalue())
    return sorted(folder.glob("*.jpg"))[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=200, help="JPEGs imported while scrolling")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each scrolling phase")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    from benchmarks.bigcase import PASSPHRASE, build

    DATA.mkdir(exist_ok=True)
    case_path = build(DATA / f"gui_{args.items}.case", args.items)
    from workstation.case import Case

    Case.open(case_path, PASSPHRASE).close()  # apply any new schema migration to the base copy once
    photos = make_photos(DATA / "gui_photos", args.photos)
    home = DATA / "gui_home"
    os.environ["WORKSTATION_HOME"] = str(home)
    if (home / "workstation.ini").exists():
        (home / "workstation.ini").unlink()  # a fresh layout every run
    # The benchmark imports into a copy, so every run starts from the same 100,000 items.
    work = DATA / f"gui_{args.items}_run.case"
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    work.write_bytes(case_path.read_bytes())

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.app import configure_interpreter
    from ui.main_window import MainWindow

    configure_interpreter()
    from ui.session import CaseSession
    from ui.settings import AppSettings
    from workstation.case import Case

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, obj, event):  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.monotonic()
            return False

    figures: dict[str, object] = {"items": args.items}
    started = time.monotonic()
    case = Case.open(work, PASSPHRASE)
    session = CaseSession(case, PASSPHRASE)
    window = MainWindow(session, AppSettings())
    window.resize(1600, 1000)
    painted = FirstPaint()
    window.items_view.grid.viewport().installEventFilter(painted)
    window.show()
    wait_until(app, lambda: painted.at is not None)
    figures["window_painted_s"] = round(painted.at - started, 3)
    wait_until(app, lambda: window.model.rowCount() == args.items)
    figures["items_listed_s"] = round(time.monotonic() - started, 3)
    model = window.model
    wait_until(app, lambda: model.cached_thumbnails() >= 20)
    figures["first_thumbnails_s"] = round(time.monotonic() - started, 3)
    wait_until(app, lambda: window.navigator.counts.get("total") == args.items, timeout=120)
    figures["navigator_counts_s"] = round(time.monotonic() - started, 3)
    print(
        f"window painted {figures['window_painted_s']} s; {args.items} items listed "
        f"{figures['items_listed_s']} s; thumbnails {figures['first_thumbnails_s']} s",
        file=sys.stderr,
    )

    beat = Heartbeat()
    grid = window.items_view.grid
    bar = grid.verticalScrollBar()
    state = {"n": 0}

    def scroll_grid() -> None:
        # Mostly page-by-page (a reader flicking through), every 25th step a jump anywhere.
        state["n"] += 1
        if state["n"] % 25 == 0:
            bar.setValue((state["n"] * 7919 * 1013) % max(1, bar.maximum()))
        else:
            bar.setValue(min(bar.maximum(), bar.value() + grid.viewport().height() // 2))

    beat.start()
    run_for(app, args.seconds, scroll_grid)
    figures["scroll_grid"] = beat.stop() | {"thumbnails_decoded": session.reader.decoded}
    print("grid scroll", figures["scroll_grid"], file=sys.stderr)

    window.set_view_mode("table")
    table = window.items_view.table
    tbar = table.verticalScrollBar()
    state["n"] = 0

    def scroll_table() -> None:
        state["n"] += 1
        if state["n"] % 25 == 0:
            tbar.setValue((state["n"] * 7919 * 1013) % max(1, tbar.maximum()))
        else:
            tbar.setValue(min(tbar.maximum(), tbar.value() + 40))

    beat.start()
    run_for(app, args.seconds, scroll_table)
    figures["scroll_table"] = beat.stop()
    print("table scroll", figures["scroll_table"], file=sys.stderr)

    beat.start()
    sort_started = time.monotonic()
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_until(app, lambda: not model.loading)
    figures["sort_by_name_s"] = round(time.monotonic() - sort_started, 3)
    run_for(app, 0.5)
    figures["sort_by_name"] = beat.stop()
    beat.start()
    search_started = time.monotonic()
    window.items_view.search.setText("advert number 4242")
    window.items_view._apply_search()
    wait_until(app, lambda: not model.loading)
    figures["search_s"] = round(time.monotonic() - search_started, 3)
    figures["search_hits"] = model.rowCount()
    window.items_view.search.setText("")
    window.items_view._apply_search()
    wait_until(app, lambda: not model.loading and model.rowCount() == args.items)
    run_for(app, 0.5)
    figures["search"] = beat.stop()
    print("sort", figures["sort_by_name_s"], "search", figures["search_s"], figures["search"], file=sys.stderr)

    window.set_view_mode("grid")
    state["n"] = 0
    beat.start()
    import_started = time.monotonic()
    dialog = window.start_import([str(p) for p in photos])
    assert dialog is not None
    done: dict[str, str] = {}
    dialog.ended.connect(lambda s: done.setdefault("state", s))
    timer_steps = 0

    def scroll_during_import() -> None:
        nonlocal timer_steps
        timer_steps += 1
        scroll_grid()

    from PySide6.QtCore import QTimer

    scroller = QTimer()
    scroller.setInterval(16)
    scroller.timeout.connect(scroll_during_import)
    scroller.start()
    wait_until(app, lambda: "state" in done, timeout=1800)
    import_seconds = time.monotonic() - import_started
    wait_until(app, lambda: not model.loading and model.rowCount() >= args.items + 1, timeout=120)
    run_for(app, 2.0)
    scroller.stop()
    figures["import"] = beat.stop() | {
        "photos": len(photos),
        "state": done["state"],
        "seconds": round(import_seconds, 1),
        "photos_per_s": round(len(photos) / import_seconds, 1),
    }
    print("import", figures["import"], file=sys.stderr)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    window.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)

    phases = ("scroll_grid", "scroll_table", "sort_by_name", "search", "import")
    worst = max(figures[k]["max_gap_ms"] for k in phases)
    figures["worst_stall_ms"] = worst
    figures["worst_gui_cpu_ms"] = max(figures[k]["max_gui_cpu_ms"] for k in phases)
    figures["load_average"] = os.getloadavg()
    figures["targets_met"] = bool(figures["window_painted_s"] < 2.0 and worst <= 100)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
