"""An open case in the desktop: the GUI-thread connection, the reader thread, change signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.analysis_client import AnalysisClient
from ui.reader import CaseReader
from ui.tasks import ProcessTask
from workstation.case import Case


class CaseSession(QObject):
    """Owns the open case for the window.

    The GUI thread uses ``case`` for short reads and the analyst's own edits; the reader thread
    (item lists, row pages, thumbnails, originals for the viewers) has its own connection; the
    analysis process and each job process (import, verify, report) open their own too. The
    passphrase stays in memory while the case is open for exactly that purpose (a SQLite
    connection belongs to one thread) and is only ever handed to those children over a pipe.

    Signals:
        items_changed(): items were added (import) or analysis tables changed: reload views.
        annotations_changed(ids): tags, notes, exhibits or indicators of these items changed.
        meta_changed(): case metadata changed.
    """

    items_changed = Signal()
    annotations_changed = Signal(list)
    meta_changed = Signal()

    def __init__(self, case: Case, passphrase: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self._passphrase = passphrase
        self.reader = CaseReader(self.open_worker_case, name="case-reader")
        self.reader.start()
        # Counts and analysis (clusters over every hash) take seconds to minutes at seizure
        # scale: they run in their own process so they neither queue behind nor slow the window.
        self.analysis = AnalysisClient(str(case.path), passphrase, case.analyst, self)

    @property
    def path(self) -> Path:
        return Path(self.case.path)

    def open_worker_case(self) -> Case:
        """A new connection to the same case for another thread (same analyst)."""
        return Case.open(self.case.path, self._passphrase, analyst=self.case.analyst)

    def process_task(self, job: str, label: str = "", **kwargs: object) -> ProcessTask:
        """A job of ui.jobs to run in a child process on this case (start it with a TaskRunner)."""
        return ProcessTask(job, str(self.case.path), self._passphrase, self.case.analyst, label=label, **kwargs)

    def notify_annotations(self, item_ids: list[int]) -> None:
        self.annotations_changed.emit([int(i) for i in item_ids])

    @property
    def closed(self) -> bool:
        return not self._passphrase

    def close(self) -> None:
        if self.closed:
            return
        self.reader.stop()
        self.analysis.stop()
        self.case.close()
        self._passphrase = ""
