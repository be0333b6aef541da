"""Case work: every change an analyst makes to a case, one audited function each.

The window (ui/) and the command line call these same functions; each runs in one transaction
with its audit entry (the change and its record of custody stand or fall together) and returns
frozen records of what changed, for undo and for ``--json``.
"""

from workstation.casework.duplicates import (
    DuplicateDecision,
    decisions,
    mark_not_duplicate,
    mark_same_photo,
    not_duplicate_pairs,
    same_photo_pairs,
    separate,
    withdraw_decision,
    withdraw_decisions,
)
from workstation.casework.notes import Note, add_note, delete_notes
from workstation.casework.tags import CATEGORY_PREFIX, TagChange, add_tag, clean_tag, remove_tag
from workstation.casework.triage import (
    NOT_RELEVANT,
    RELEVANT,
    TRIAGE_TAGS,
    TriageChange,
    TriageState,
    parse_state,
    restore_triage,
    set_triage,
    triage_state,
)
from workstation.exhibits import ExhibitChange, add_exhibits, remove_exhibits

__all__ = [
    "CATEGORY_PREFIX",
    "NOT_RELEVANT",
    "RELEVANT",
    "TRIAGE_TAGS",
    "DuplicateDecision",
    "ExhibitChange",
    "Note",
    "TagChange",
    "TriageChange",
    "TriageState",
    "add_exhibits",
    "add_note",
    "add_tag",
    "clean_tag",
    "decisions",
    "delete_notes",
    "mark_not_duplicate",
    "mark_same_photo",
    "parse_state",
    "not_duplicate_pairs",
    "remove_exhibits",
    "remove_tag",
    "restore_triage",
    "same_photo_pairs",
    "separate",
    "set_triage",
    "triage_state",
    "withdraw_decision",
    "withdraw_decisions",
]
