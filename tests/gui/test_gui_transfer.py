"""Send to partner / Receive bundle through the real dialogs, two real identities, real bundles."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLineEdit

from ui.dialogs.transfer_dialogs import ExportDialog, ReceiveDialog
from ui.tasks import TaskRunner
from workstation import identity as ident
from workstation.case import Case

KEY_PASSPHRASE = "key passphrase for tests"
NEW_CASE_PASSPHRASE = "received case passphrase"


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Alice (the window's analyst, in WORKSTATION_HOME) and Bob, each knowing the other."""
    monkeypatch.setenv("WORKSTATION_KEY_PASSPHRASE", KEY_PASSPHRASE)
    alice_home = Path(ident.home())
    bob_home = tmp_path / "bob-home"
    alice = ident.create_identity(KEY_PASSPHRASE, label="Alice, Politie NL", where=alice_home)
    bob = ident.create_identity(KEY_PASSPHRASE, label="Bob, NPU", where=bob_home)
    ident.Contacts(alice_home).add("Bob", bob.export_line())
    return {"alice_home": alice_home, "bob_home": bob_home, "alice": alice, "bob": bob}


def send_to_bob(qtbot: Any, window: Any, out: Path) -> ExportDialog:
    dialog = window.send_to_partner()
    assert isinstance(dialog, ExportDialog)
    assert dialog.key_pass.echoMode() == QLineEdit.EchoMode.Password
    dialog.set_recipients(["Bob"])
    dialog.out_edit.setText(str(out))
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as blocker:
        assert dialog.start() is not None
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert blocker.args == ["succeeded"], dialog.status.text()
    return dialog


def test_export_dialog_sends_to_a_contact_and_shows_fingerprints(qtbot, window, homes, tmp_path):
    dialog = send_to_bob(qtbot, window, tmp_path / "out.wsbundle")
    fp_alice = homes["alice"].fingerprint
    assert fp_alice in dialog.own_label.text()
    texts = [dialog.contacts_list.item(i).text() for i in range(dialog.contacts_list.count())]
    assert any("Bob" in t and homes["bob"].fingerprint in t for t in texts)
    sha = hashlib.sha256((tmp_path / "out.wsbundle").read_bytes()).hexdigest()
    assert sha in dialog.status.text()
    assert dialog.result_data is not None and dialog.result_data["recipients"][0]["label"] == "Bob"


def test_export_dialog_errors_are_messages_not_crashes(qtbot, window, homes, tmp_path):
    dialog = window.send_to_partner()
    dialog.out_edit.setText(str(tmp_path / "x.wsbundle"))
    assert dialog.start() is None  # no recipient ticked
    assert "contact" in dialog.status.text()
    dialog.set_recipients(["Bob"])
    dialog.key_pass.setText("wrong key passphrase")
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as blocker:
        dialog.start()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert blocker.args == ["failed"]
    assert "unlock" in dialog.status.text()
    assert not (tmp_path / "x.wsbundle").exists()


def fill_receive(dialog: ReceiveDialog, bundle: Path, out: Path) -> None:
    dialog.bundle_edit.setText(str(bundle))
    dialog.case_edit.setText(str(out))
    assert dialog.pass1.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.pass2.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.key_pass.echoMode() == QLineEdit.EchoMode.Password
    dialog.pass1.setText(NEW_CASE_PASSPHRASE)
    dialog.pass2.setText(NEW_CASE_PASSPHRASE)


def run_receive(qtbot: Any, dialog: ReceiveDialog) -> str:
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as blocker:
        assert dialog.start() is not None
    assert QThreadPool.globalInstance().waitForDone(60_000)
    return str(blocker.args[0])


def test_receive_dialog_makes_a_verified_case_from_a_known_sender(qtbot, window, homes, tmp_path, monkeypatch):
    bundle = tmp_path / "out.wsbundle"
    send_to_bob(qtbot, window, bundle)
    monkeypatch.setenv("WORKSTATION_HOME", str(homes["bob_home"]))
    ident.Contacts(homes["bob_home"]).add("Alice", homes["alice"].export_line())
    dialog = ReceiveDialog(TaskRunner())
    qtbot.addWidget(dialog)
    out = tmp_path / "received.case"
    fill_receive(dialog, bundle, out)
    assert run_receive(qtbot, dialog) == "succeeded", dialog.status.text()
    assert homes["alice"].fingerprint in dialog.fingerprint_label.text()
    assert "Alice" in dialog.sender_label.text()
    assert dialog.warning.isHidden()
    assert not dialog.open_button.isHidden()
    opened: list[tuple[str, str]] = []
    dialog.open_requested.connect(lambda p, pw: opened.append((p, pw)))
    dialog.open_button.click()
    assert opened == [(str(out), NEW_CASE_PASSPHRASE)]
    with Case.open(out, NEW_CASE_PASSPHRASE) as case:
        assert case.verify()["ok"]


def test_unknown_sender_is_refused_unless_accepted(qtbot, window, homes, tmp_path, monkeypatch):
    bundle = tmp_path / "out.wsbundle"
    send_to_bob(qtbot, window, bundle)
    monkeypatch.setenv("WORKSTATION_HOME", str(homes["bob_home"]))  # Bob does not know Alice
    dialog = ReceiveDialog(TaskRunner())
    qtbot.addWidget(dialog)
    out = tmp_path / "received.case"
    fill_receive(dialog, bundle, out)
    assert not dialog.accept_unknown.isChecked()
    assert run_receive(qtbot, dialog) == "failed"
    assert not dialog.warning.isHidden()
    assert "Unknown sender" in dialog.warning.text()
    assert homes["alice"].fingerprint in dialog.fingerprint_label.text()
    assert not out.exists()
    dialog.accept_unknown.setChecked(True)
    assert run_receive(qtbot, dialog) == "succeeded", dialog.status.text()
    assert dialog.result_data is not None and dialog.result_data["flagged"]
    assert not dialog.warning.isHidden() and "NOT in your contacts" in dialog.warning.text()
    assert homes["alice"].fingerprint in dialog.fingerprint_label.text()
    with Case.open(out, NEW_CASE_PASSPHRASE) as case:
        assert case.verify()["ok"]


def test_file_menu_has_the_transfer_entries(window, homes):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Send to partner…" in texts and "Receive bundle…" in texts


def test_cancel_stops_the_export_and_writes_no_bundle(qtbot, window, homes, tmp_path):
    """The pool's only thread is held busy, so Cancel reaches the export before it starts."""
    import threading

    from PySide6.QtCore import QRunnable

    class Hold(QRunnable):
        def __init__(self) -> None:
            super().__init__()
            self.release = threading.Event()

        def run(self) -> None:
            self.release.wait(30)

    pool = QThreadPool.globalInstance()
    before = pool.maxThreadCount()
    hold = Hold()
    pool.setMaxThreadCount(1)
    try:
        pool.start(hold)
        dialog = window.send_to_partner()
        dialog.set_recipients(["Bob"])
        dialog.out_edit.setText(str(tmp_path / "c.wsbundle"))
        with qtbot.waitSignal(dialog.ended, timeout=60_000) as blocker:
            dialog.start()
            assert dialog.running()
            dialog.cancel_button.click()
            hold.release.set()
        assert pool.waitForDone(60_000)
    finally:
        hold.release.set()
        pool.setMaxThreadCount(before)
    assert blocker.args == ["cancelled"]
    assert "Cancelled" in dialog.status.text()
    assert not (tmp_path / "c.wsbundle").exists()


def test_passphrase_bundle_round_trip(qtbot, window, homes, tmp_path, monkeypatch):
    dialog = window.send_to_partner()
    dialog.to_passphrase.setChecked(True)
    dialog.bundle_pass1.setText("shared bundle secret")
    dialog.bundle_pass2.setText("shared bundle secret")
    bundle = tmp_path / "p.wsbundle"
    dialog.out_edit.setText(str(bundle))
    with qtbot.waitSignal(dialog.ended, timeout=60_000) as blocker:
        dialog.start()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert blocker.args == ["succeeded"], dialog.status.text()
    monkeypatch.setenv("WORKSTATION_HOME", str(homes["bob_home"]))
    ident.Contacts(homes["bob_home"]).add("Alice", homes["alice"].export_line())
    receive = ReceiveDialog(TaskRunner())
    qtbot.addWidget(receive)
    out = tmp_path / "p.case"
    fill_receive(receive, bundle, out)
    receive.bundle_pass.setText("not the secret")
    assert run_receive(qtbot, receive) == "failed"
    assert not out.exists()
    receive.bundle_pass.setText("shared bundle secret")
    assert run_receive(qtbot, receive) == "succeeded", receive.status.text()
    assert homes["alice"].fingerprint in receive.fingerprint_label.text()
    with Case.open(out, NEW_CASE_PASSPHRASE) as case:
        assert case.verify()["ok"]
