"""Undoable analyst actions (QUndoStack commands); each do and undo is itself audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ui.session import CaseSession
from workstation import casework


class _CaseCommand(QUndoCommand):
    """Base: runs against the session's case and tells the views which items changed."""

    def __init__(self, session: CaseSession, text: str, item_ids: list[int]) -> None:
        super().__init__(text)
        self.session = session
        self.item_ids = sorted({int(i) for i in item_ids})

    def _changed(self) -> None:
        self.session.notify_annotations(self.item_ids)

    # The first do runs before the command is pushed (see ``prime``), so that an error the
    # analyst can fix (an empty note, an unknown indicator) reaches them instead of being lost
    # inside QUndoStack.push; the stack's own first redo() then has nothing left to do.
    _primed = False

    def prime(self) -> None:
        self.apply()
        self._primed = True
        self._changed()

    def redo(self) -> None:
        if self._primed:
            self._primed = False
            return
        self.apply()
        self._changed()

    def undo(self) -> None:
        self.revert()
        self._changed()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class TagCommand(_CaseCommand):
    """Add (or remove) one tag on many items."""

    def __init__(self, session: CaseSession, item_ids: list[int], tag: str, add: bool = True) -> None:
        super().__init__(session, "", item_ids)
        self.tag = casework.clean_tag(tag)
        self.add = add
        self.touched: list[int] = []
        self.setText(
            (
                QCoreApplication.translate("CaseSession", "Tag %1 item(s) “%2”")
                if add
                else QCoreApplication.translate("CaseSession", "Untag %1 item(s) “%2”")
            )
            .replace("%1", str(len(self.item_ids)))
            .replace("%2", self.tag)
        )

    def apply(self) -> None:
        fn = casework.add_tag if self.add else casework.remove_tag
        self.touched = list(fn(self.session.case, self.item_ids, self.tag).item_ids)

    def revert(self) -> None:
        fn = casework.remove_tag if self.add else casework.add_tag
        if self.touched:
            fn(self.session.case, self.touched, self.tag)


class TriageCommand(_CaseCommand):
    """Mark items relevant / not relevant / unmarked; undo restores each item's former mark."""

    def __init__(self, session: CaseSession, item_ids: list[int], mark: str | None) -> None:
        super().__init__(session, "", item_ids)
        self.mark: casework.TriageState = casework.parse_state(mark)
        self.before: dict[int, casework.TriageState] = {}
        label = {
            casework.RELEVANT: QCoreApplication.translate("CaseSession", "Mark relevant"),
            casework.NOT_RELEVANT: QCoreApplication.translate("CaseSession", "Mark not relevant"),
            None: QCoreApplication.translate("CaseSession", "Clear triage mark"),
        }[mark]
        self.setText(f"{label} ({len(self.item_ids)})")

    def apply(self) -> None:
        changes = casework.set_triage(self.session.case, self.item_ids, self.mark)
        self.before = {c.item_id: c.before for c in changes}

    def revert(self) -> None:
        casework.restore_triage(self.session.case, self.before)


class NoteCommand(_CaseCommand):
    """Add a note to items; undo withdraws it (the audit log keeps its text)."""

    def __init__(self, session: CaseSession, item_ids: list[int], text: str) -> None:
        super().__init__(session, QCoreApplication.translate("CaseSession", "Add note"), item_ids)
        self.text_ = text
        self.note_ids: list[int] = []

    def apply(self) -> None:
        self.note_ids = [n.id for n in casework.add_note(self.session.case, self.item_ids, self.text_)]

    def revert(self) -> None:
        if self.note_ids:
            casework.delete_notes(self.session.case, self.note_ids)


class ExhibitCommand(_CaseCommand):
    """Add items to (or remove them from) the exhibit list."""

    def __init__(self, session: CaseSession, item_ids: list[int], add: bool = True) -> None:
        super().__init__(session, "", item_ids)
        self.add = add
        self.numbers: dict[int, int] = {}
        self.setText(
            (
                QCoreApplication.translate("CaseSession", "Add %1 item(s) to exhibits")
                if add
                else QCoreApplication.translate("CaseSession", "Remove %1 item(s) from exhibits")
            ).replace("%1", str(len(self.item_ids)))
        )

    def apply(self) -> None:
        fn = casework.add_exhibits if self.add else casework.remove_exhibits
        self.numbers = {c.item_id: c.number for c in fn(self.session.case, self.item_ids) if c.changed}

    def revert(self) -> None:
        # Numbers are never reused: a redo after an undo gives a new number, so earlier reports
        # keep their meaning (workstation.exhibits).
        if self.numbers:
            fn = casework.remove_exhibits if self.add else casework.add_exhibits
            fn(self.session.case, list(self.numbers))


class CallbackCommand(_CaseCommand):
    """Generic undoable change for services of other areas (indicators, clusters).

    ``do()`` returns whatever ``undo(state)`` needs to take the change back.
    """

    def __init__(
        self,
        session: CaseSession,
        text: str,
        item_ids: list[int],
        do: Callable[[], Any],
        undo: Callable[[Any], None],
    ) -> None:
        super().__init__(session, text, item_ids)
        self._do, self._undo = do, undo
        self.state: Any = None

    def apply(self) -> None:
        self.state = self._do()

    def revert(self) -> None:
        self._undo(self.state)
