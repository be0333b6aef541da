"""Send to partner / Receive bundle: the signed, encrypted transfer bundles of workstation.transfer.

Both dialogs run the core function in a pool thread (a Task with its own case connection), show a
progress bar with Cancel, and show fingerprints so analysts can compare them over the phone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.case_dialogs import passphrase_refusal
from ui.tasks import Task, TaskRunner
from workstation import identity as ident
from workstation import records
from workstation.case import Case
from workstation.errors import WorkstationError
from workstation.progress import Progress

KEY_ENV = "WORKSTATION_KEY_PASSPHRASE"


# -- jobs (pool thread: no widgets) ----------------------------------------------------------------
def export_job(
    progress: Progress,
    open_case: Callable[[], Case],
    out: str,
    key_passphrase: str,
    recipients: list[tuple[str, str]] | None,
    passphrase: str | None,
    item_ids: list[int] | None,
) -> dict[str, Any]:
    from workstation.transfer.export import export_bundle

    progress.check()  # cancelled while queued: do not start
    identity = ident.unlock(key_passphrase)
    progress.check()  # unlocking (scrypt) takes a moment
    with open_case() as case:
        return export_bundle(
            case,
            Path(out),
            identity=identity,
            recipients=recipients,
            passphrase=passphrase,
            item_ids=item_ids,
            progress=progress,
        )


def receive_job(
    progress: Progress,
    bundle: str,
    out: str,
    case_passphrase: str,
    key_passphrase: str,
    bundle_passphrase: str,
    accept_unknown_sender: bool,
    analyst: str | None,
) -> dict[str, Any]:
    """The receive summary, or {"unknown_sender": message} when refused for an unknown sender."""
    from workstation.transfer.container import bundle_mode
    from workstation.transfer.receive import UnknownSender, receive_bundle

    mode = bundle_mode(Path(bundle))
    try:
        own: ident.PublicIdentity | None = ident.load_public()[0]
    except ident.IdentityError:
        if mode == "recipients":
            raise
        own = None
    progress.check()
    identity = ident.unlock(key_passphrase) if mode == "recipients" else None
    progress.check()
    try:
        return receive_bundle(
            Path(bundle),
            Path(out),
            case_passphrase=case_passphrase,
            identity=identity,
            bundle_passphrase=lambda: bundle_passphrase,
            contacts=ident.Contacts(),
            own=own,
            accept_unknown_sender=accept_unknown_sender,
            analyst=analyst,
            progress=progress,
        )
    except UnknownSender as exc:
        return {"unknown_sender": exc.reason, "label": exc.label, "fingerprint": exc.fingerprint}


def open_case_in_new_window(path: str, passphrase: str) -> subprocess.Popen[bytes]:
    """Start the desktop on another case (as `workstation gui` does: passphrase in its env)."""
    env = dict(os.environ, WORKSTATION_PASSPHRASE=passphrase)
    return subprocess.Popen([sys.executable, "-m", "ui.app", path], env=env)


# -- shared widgets --------------------------------------------------------------------------------
class _TransferDialog(QDialog):
    """Progress bar, status line and the Start / Cancel / Close buttons of both dialogs."""

    ended = Signal(str)  # succeeded, failed, cancelled

    def __init__(self, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.task: Task | None = None
        self.result_data: dict[str, Any] | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName("transferProgress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel("")
        self.status.setObjectName("transferStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelTransfer")
        self.cancel_button.clicked.connect(self._cancel)

    def _bottom(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

    def running(self) -> bool:
        return self.task is not None and self.task.state in ("pending", "running")

    def _cancel(self) -> None:
        if self.running():
            assert self.task is not None
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:  # Esc / window close while running cancels instead of leaving a worker
        if self.running():
            self._cancel()
            return
        super().reject()

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)

    def _run(self, task: Task) -> None:
        self.task = task
        self.result_data = None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Working…"))
        self.bar.setRange(0, 0)
        self.start_button.setEnabled(False)
        task.signals.progressed.connect(self._on_progress)
        task.signals.succeeded.connect(self._on_succeeded)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self.runner.start(task)

    def _on_progress(self, done: int, total: int, note: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if note:
            self.status.setText(note)

    def _stop_bar(self, full: bool) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if full else 0)
        self.start_button.setEnabled(True)

    def _on_failed(self, reason: str) -> None:
        self._stop_bar(False)
        self._error(reason)
        self.ended.emit("failed")

    def _on_cancelled(self) -> None:
        self._stop_bar(False)
        self.status.setText(self.tr("Cancelled; nothing was written."))
        self.ended.emit("cancelled")

    def _on_succeeded(self, result: Any) -> None:
        raise NotImplementedError


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


# -- export ----------------------------------------------------------------------------------------
class ExportDialog(_TransferDialog):
    """File > Send to partner…: a signed bundle encrypted to contacts (or a passphrase)."""

    def __init__(self, session: Any, runner: TaskRunner, selected: list[int], parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("Send to partner"))
        self.setMinimumWidth(640)
        self.session = session
        self.selected = list(selected)
        case = session.case
        layout = QVBoxLayout(self)

        self.own_label = QLabel()
        self.own_label.setObjectName("ownFingerprint")
        self.own_label.setWordWrap(True)
        self.has_identity = True
        try:
            own, record = ident.load_public()
            self.own_label.setText(
                self.tr("Signed by you (%1), fingerprint <b>%2</b>")
                .replace("%1", str(record.get("label") or self.tr("no name")))
                .replace("%2", own.fingerprint)
            )
        except WorkstationError as exc:
            self.has_identity = False
            self.own_label.setText(
                self.tr("No identity on this computer (%1). Create one with 'workstation keys new'.").replace(
                    "%1", exc.reason
                )
            )
        layout.addWidget(self.own_label)

        self.to_contacts = QRadioButton(self.tr("Encrypt to these contacts:"))
        self.to_contacts.setObjectName("toContacts")
        self.to_contacts.setChecked(True)
        layout.addWidget(self.to_contacts)
        self.contacts_list = QListWidget()
        self.contacts_list.setObjectName("contactsList")
        for contact in ident.Contacts():
            entry = QListWidgetItem(f"{contact.name} — {contact.identity.fingerprint}")
            entry.setData(Qt.ItemDataRole.UserRole, contact.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.contacts_list.addItem(entry)
        if not self.contacts_list.count():
            self.contacts_list.addItem(self.tr("No contacts yet: add one with 'workstation contacts add NAME LINE'."))
        layout.addWidget(self.contacts_list)
        self.to_passphrase = QRadioButton(self.tr("Encrypt with a passphrase instead"))
        self.to_passphrase.setObjectName("toPassphrase")
        layout.addWidget(self.to_passphrase)
        self.bundle_pass1 = _password_edit("bundlePass1")
        self.bundle_pass2 = _password_edit("bundlePass2")
        pass_form = QFormLayout()
        pass_form.addRow(self.tr("Bundle passphrase:"), self.bundle_pass1)
        pass_form.addRow(self.tr("Repeat:"), self.bundle_pass2)
        layout.addLayout(pass_form)

        n_exhibits = records.exhibit_count(case)
        self.all_items = QRadioButton(self.tr("The whole case"))
        self.all_items.setObjectName("allItems")
        self.all_items.setChecked(True)
        self.exhibits = QRadioButton(self.tr("The exhibits (%1)").replace("%1", str(n_exhibits)))
        self.exhibits.setObjectName("exhibitsOnly")
        self.exhibits.setEnabled(n_exhibits > 0)
        self.selection = QRadioButton(self.tr("The %1 selected item(s)").replace("%1", str(len(self.selected))))
        self.selection.setObjectName("selectionOnly")
        self.selection.setEnabled(bool(self.selected))
        for button in (self.all_items, self.exhibits, self.selection):
            layout.addWidget(button)

        form = QFormLayout()
        out_row = QHBoxLayout()
        number = (case.meta.get("case_number") or Path(case.path).stem).replace("/", "-")
        self.out_edit = QLineEdit(str(Path(case.path).with_name(f"{number}.wsbundle")))
        self.out_edit.setObjectName("bundlePath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("Bundle file:"), out_row)
        self.key_pass = _password_edit("keyPassphrase")
        if os.environ.get(KEY_ENV):
            self.key_pass.setPlaceholderText(self.tr("from %1").replace("%1", KEY_ENV))
        form.addRow(self.tr("Your key passphrase:"), self.key_pass)
        layout.addLayout(form)

        self.start_button.setText(self.tr("Send"))
        self.start_button.setObjectName("startExport")
        self.start_button.setEnabled(self.has_identity)
        self.start_button.clicked.connect(self.start)
        self._bottom(layout)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save bundle"), self.out_edit.text(), "Bundle (*.wsbundle)")
        if name:
            self.out_edit.setText(name if name.endswith(".wsbundle") else name + ".wsbundle")

    def set_recipients(self, names: list[str]) -> None:
        for row in range(self.contacts_list.count()):
            entry = self.contacts_list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) is not None:
                checked = entry.data(Qt.ItemDataRole.UserRole) in names
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def recipient_names(self) -> list[str]:
        names = []
        for row in range(self.contacts_list.count()):
            entry = self.contacts_list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) is not None and entry.checkState() == Qt.CheckState.Checked:
                names.append(str(entry.data(Qt.ItemDataRole.UserRole)))
        return names

    def item_ids(self) -> list[int] | None:
        if self.selection.isChecked():
            return list(self.selected)
        if self.exhibits.isChecked():
            return records.exhibit_ids(self.session.case)
        return None

    def start(self) -> Task | None:
        if self.running():
            return None
        out = self.out_edit.text().strip()
        if not out:
            self._error(self.tr("Choose the bundle file."))
            return None
        if Path(out).exists():
            self._error(self.tr("A file with this name already exists; choose another name."))
            return None
        key_passphrase = self.key_pass.text() or os.environ.get(KEY_ENV, "")
        if not key_passphrase:
            self._error(self.tr("Enter your key passphrase (it signs the bundle)."))
            return None
        recipients: list[tuple[str, str]] | None = None
        passphrase: str | None = None
        if self.to_passphrase.isChecked():
            passphrase = self.bundle_pass1.text()
            if not passphrase:
                self._error(self.tr("Enter the bundle passphrase."))
                return None
            if passphrase != self.bundle_pass2.text():
                self._error(self.tr("The two bundle passphrases differ."))
                return None
        else:
            names = self.recipient_names()
            if not names:
                self._error(self.tr("Tick at least one contact, or choose the passphrase mode."))
                return None
            try:
                recipients = ident.resolve_recipients(names, ident.Contacts())
            except WorkstationError as exc:
                self._error(str(exc))
                return None
        task = Task(
            export_job,
            label="export",
            open_case=self.session.open_worker_case,
            out=out,
            key_passphrase=key_passphrase,
            recipients=recipients,
            passphrase=passphrase,
            item_ids=self.item_ids(),
        )
        self._run(task)
        return task

    def _on_succeeded(self, result: Any) -> None:
        self.result_data = result
        self._stop_bar(True)
        to = ", ".join(r["label"] for r in result["recipients"]) or self.tr("passphrase holders")
        self.status.setText(
            self.tr("Bundle written: %1 (%2 item(s), %3 bytes) for %4.\nSHA-256 %5\nSigned with fingerprint %6.")
            .replace("%1", str(result["bundle"]))
            .replace("%2", str(result["items"]))
            .replace("%3", str(result["bundle_size"]))
            .replace("%4", to)
            .replace("%5", result["bundle_sha256"])
            .replace("%6", result["sender_fingerprint"])
        )
        self.cancel_button.setText(self.tr("Close"))
        self.start_button.setEnabled(False)
        self.ended.emit("succeeded")


# -- receive ---------------------------------------------------------------------------------------


class ReceiveDialog(_TransferDialog):
    """File > Receive bundle…: check a bundle and make a new case from it.

    Signals:
        open_requested(path, passphrase): the analyst wants to open the received case.
    """

    open_requested = Signal(str, str)

    def __init__(self, runner: TaskRunner, analyst: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("Receive bundle"))
        self.setMinimumWidth(640)
        self.analyst = analyst
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.bundle_edit = QLineEdit()
        self.bundle_edit.setObjectName("bundleFile")
        form.addRow(self.tr("Bundle (.wsbundle):"), self._with_browse(self.bundle_edit, self._browse_bundle))
        self.case_edit = QLineEdit()
        self.case_edit.setObjectName("newCasePath")
        form.addRow(self.tr("New case file:"), self._with_browse(self.case_edit, self._browse_case))
        self.pass1 = _password_edit("casePass1")
        self.pass2 = _password_edit("casePass2")
        form.addRow(self.tr("Passphrase for the new case:"), self.pass1)
        form.addRow(self.tr("Repeat:"), self.pass2)
        self.key_pass = _password_edit("keyPassphrase")
        if os.environ.get(KEY_ENV):
            self.key_pass.setPlaceholderText(self.tr("from %1").replace("%1", KEY_ENV))
        form.addRow(self.tr("Your key passphrase:"), self.key_pass)
        self.bundle_pass = _password_edit("bundlePassphrase")
        form.addRow(self.tr("Bundle passphrase (passphrase bundles only):"), self.bundle_pass)
        layout.addLayout(form)

        self.sender_label = QLabel(self.tr("Sender: shown once the bundle is opened."))
        self.sender_label.setObjectName("senderName")
        self.fingerprint_label = QLabel("")
        self.fingerprint_label.setObjectName("senderFingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel("")
        self.warning.setObjectName("unknownSenderWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.warning.hide()
        self.accept_unknown = QCheckBox(self.tr("Accept this unknown sender (the case is flagged as unverified)"))
        self.accept_unknown.setObjectName("acceptUnknownSender")
        for w in (self.sender_label, self.fingerprint_label, self.warning, self.accept_unknown):
            layout.addWidget(w)

        self.open_button = QPushButton(self.tr("Open the received case"))
        self.open_button.setObjectName("openReceived")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open)
        self.start_button.setText(self.tr("Receive"))
        self.start_button.setObjectName("startReceive")
        self.start_button.clicked.connect(self.start)
        self._bottom(layout)
        layout.addWidget(self.open_button)
        self._case_passphrase = ""

    def _with_browse(self, edit: QLineEdit, slot: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton(self.tr("Choose…"))
        button.clicked.connect(slot)
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def _browse_bundle(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Bundle"), self.bundle_edit.text(), "Bundle (*.wsbundle)")
        if name:
            self.bundle_edit.setText(name)
            if not self.case_edit.text():
                self.case_edit.setText(str(Path(name).with_suffix(".case")))

    def _browse_case(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New case"), self.case_edit.text(), "Case (*.case)")
        if name:
            self.case_edit.setText(name)

    def start(self) -> Task | None:
        if self.running():
            return None
        bundle, out = self.bundle_edit.text().strip(), self.case_edit.text().strip()
        if not bundle or not out:
            self._error(self.tr("Choose the bundle and the new case file."))
            return None
        if Path(out).exists():
            self._error(self.tr("A file with this name already exists; choose another name."))
            return None
        refusal = passphrase_refusal(self.pass1.text())
        if refusal:
            self._error(refusal)
            return None
        if self.pass1.text() != self.pass2.text():
            self._error(self.tr("The two case passphrases differ."))
            return None
        self._case_passphrase = self.pass1.text()
        self.open_button.hide()
        task = Task(
            receive_job,
            label="receive",
            bundle=bundle,
            out=out,
            case_passphrase=self._case_passphrase,
            key_passphrase=self.key_pass.text() or os.environ.get(KEY_ENV, ""),
            bundle_passphrase=self.bundle_pass.text(),
            accept_unknown_sender=self.accept_unknown.isChecked(),
            analyst=self.analyst,
        )
        self._run(task)
        return task

    def _on_succeeded(self, result: Any) -> None:
        self._stop_bar("unknown_sender" not in result)
        if "unknown_sender" in result:
            reason = str(result["unknown_sender"])
            self.sender_label.setText(self.tr("Sender: %1 (NOT in your contacts)").replace("%1", result["label"]))
            self.fingerprint_label.setText(self.tr("Fingerprint: %1").replace("%1", result["fingerprint"]))
            self.warning.setText(
                self.tr(
                    "Unknown sender: this bundle is signed by a key that is not in your contacts. Check the "
                    "fingerprint with the sender by phone. Nothing was created. To receive it anyway, tick "
                    "“Accept this unknown sender” and press Receive again."
                )
            )
            self.warning.show()
            self._error(reason)
            self.ended.emit("failed")
            return
        self.result_data = result
        sender = result["sender"]
        who = sender.get("contact") or self.tr("an UNKNOWN sender")
        label = sender.get("label") or ""
        self.sender_label.setText(
            self.tr("Sender: %1%2").replace("%1", who).replace("%2", f" ({label})" if label and label != who else "")
        )
        self.fingerprint_label.setText(self.tr("Fingerprint: %1").replace("%1", sender["fingerprint"]))
        if result.get("flagged"):
            self.warning.setText(
                self.tr("The sender is NOT in your contacts: the case is flagged as from an unverified sender.")
            )
            self.warning.show()
        else:
            self.warning.hide()
        self.status.setText(
            self.tr("Received %1 item(s) into %2. Signature, hashes and audit chain verified.")
            .replace("%1", str(result["items"]))
            .replace("%2", str(result["case"]))
        )
        self.open_button.show()
        self.cancel_button.setText(self.tr("Close"))
        self.start_button.setEnabled(False)
        self.ended.emit("succeeded")

    def _open(self) -> None:
        if self.result_data is not None:
            self.open_requested.emit(str(self.result_data["case"]), self._case_passphrase)
            self.accept()
