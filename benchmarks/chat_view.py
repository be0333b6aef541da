"""GUI benchmark: a conversation of 100,000 messages in the conversation view.

Builds (once, under benchmarks/data/) a case with one generated WhatsApp export of N messages,
imported through the real pipeline with the conversations plug-in only (the indicator scan is not
what is measured here), then opens the view offscreen and measures, with the heartbeat of
benchmarks/gui_100k.py, the longest GUI-thread stall while it opens, scrolls through the chat
(page by page and by jumps), and searches in it.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.chat_view [--messages 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(__file__).with_name("data")
PASS = "benchmark passphrase"


def build(n: int) -> Path:
    path = DATA / f"chat{n}.case"
    if path.exists():
        return path
    os.environ["WORKSTATION_PLUGINS"] = "none"
    os.environ["WORKSTATION_EXTRA_PLUGINS"] = "workstation.plugins.conversations"
    from benchmarks.chat_import import _export
    from workstation.case import Case
    from workstation.importing.pipeline import run_import

    DATA.mkdir(exist_ok=True)
    export = DATA / f"chat{n}.txt"
    _export(export, n)
    case = Case.create(path.with_suffix(".tmp"), PASS, title="chat", analyst="bench", timezone="Europe/Amsterdam")
    run_import(case, [export], workers=0)
    case.close()
    export.unlink()
    path.with_suffix(".tmp").rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    path = build(args.messages)
    from PySide6.QtWidgets import QApplication

    from benchmarks.gui_100k import Heartbeat, run_for
    from ui.session import CaseSession
    from ui.views.conversation_view import ConversationView
    from workstation.case import Case
    from workstation.conversations import list_conversations

    app = QApplication.instance() or QApplication([])
    case = Case.open(path, PASS)
    session = CaseSession(case, PASS)
    conv = list_conversations(case)[0]
    beat = Heartbeat()
    out: dict[str, object] = {"messages": conv.messages}
    beat.start()
    started = time.monotonic()
    view = ConversationView(session, conv.id)
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    out["open_s"] = round(time.monotonic() - started, 3)
    run_for(app, 0.3)
    out["open"] = beat.stop()

    bar = view.list.verticalScrollBar()
    beat.start()
    state = {"v": 0}

    def scroll() -> None:
        state["v"] = min(bar.maximum(), state["v"] + bar.pageStep())
        bar.setValue(state["v"])

    run_for(app, 4.0, scroll, every_ms=16)
    out["scroll_pages"] = beat.stop()

    beat.start()
    jumps = iter(range(0, bar.maximum(), max(1, bar.maximum() // 60)))

    def jump() -> None:
        value = next(jumps, None)
        if value is not None:
            bar.setValue(value)

    run_for(app, 3.0, jump, every_ms=40)
    out["scroll_jumps"] = beat.stop()

    beat.start()
    view.search.setText("passport")
    t = time.monotonic()
    done: list[int] = []
    view.searched.connect(done.append)
    view.find_next()
    while not done and time.monotonic() - t < 60:
        app.processEvents()
        time.sleep(0.001)
    out["search_s"] = round(time.monotonic() - t, 3)
    out["search_matches"] = done[0] if done else None
    run_for(app, 0.3)
    out["search"] = beat.stop()
    out["pages_read"] = view.model.pages_read
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(out, indent=1))
    view.close()
    session.close()


if __name__ == "__main__":
    main()
