"""One place where the window's menus, shortcuts, inspector and viewers change annotations.

Every change goes through the undo stack (so Ctrl+Z takes it back) and the core writes the
audit entry; errors the analyst can fix come back as a message, never a crash dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ui.services import Services
from ui.session import CaseSession
from ui.undo import CallbackCommand, ExhibitCommand, NoteCommand, TagCommand, TriageCommand
from workstation import casework
from workstation.errors import WorkstationError

log = logging.getLogger(__name__)


class Annotator(QObject):
    """Signals:
    problem(message): a change was refused (empty note, unknown indicator, ...).
    """

    problem = Signal(str)

    def __init__(
        self, session: CaseSession, services: Services, undo: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        self.undo = undo

    def push(self, make) -> bool:  # type: ignore[no-untyped-def]
        try:
            command = make()
            command.prime()  # the change happens here; errors reach the analyst
        except WorkstationError as exc:
            self.problem.emit(exc.reason)
            return False
        self.undo.push(command)
        return True

    def tag(self, ids: list[int], tag: str) -> bool:
        if not ids:
            return False
        return self.push(lambda: TagCommand(self.session, ids, tag, add=True))

    def untag(self, ids: list[int], tag: str) -> bool:
        if not ids:
            return False
        return self.push(lambda: TagCommand(self.session, ids, tag, add=False))

    def triage(self, ids: list[int], mark: str | None) -> bool:
        if not ids:
            return False
        return self.push(lambda: TriageCommand(self.session, ids, mark))

    def note(self, ids: list[int], text: str) -> bool:
        if not ids:
            return False
        if not text.strip():
            self.problem.emit(self.tr("A note cannot be empty."))
            return False
        return self.push(lambda: NoteCommand(self.session, ids, text))

    def exhibit(self, ids: list[int], add: bool = True) -> bool:
        if not ids:
            return False
        return self.push(lambda: ExhibitCommand(self.session, ids, add))

    def category(self, ids: list[int], name: str) -> bool:
        return self.tag(ids, casework.CATEGORY_PREFIX + name.strip())

    def indicator(
        self, ids: list[int], code: str, note: str = "", region: tuple[int, int, int, int] | None = None
    ) -> bool:
        """Confirm indicator ``code`` on items (with an optional note and image region)."""
        service = self.services.indicators
        if not ids:
            return False
        text = self.tr("Indicator %1 on %2 item(s)").replace("%1", code).replace("%2", str(len(ids)))
        return self.push(
            lambda: CallbackCommand(
                self.session,
                text,
                ids,
                do=lambda: service.annotate(ids, code, note=note, region=region),
                undo=service.undo_annotate,
            )
        )

    def indicator_status(self, item_id: int, annotation_id: int, status: str) -> bool:
        """Confirm or reject one (suggested) indicator annotation."""
        service = self.services.indicators
        text = self.tr("Indicator %1").replace("%1", status)
        return self.push(
            lambda: CallbackCommand(
                self.session,
                text,
                [item_id],
                do=lambda: service.set_status(annotation_id, status),
                undo=service.undo_status,
            )
        )
