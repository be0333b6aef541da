"""Fixtures for transfer tests: analysts with their own WORKSTATION_HOME, a real case to send."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.transfer.transfer_helpers import jpeg
from workstation import identity as ident
from workstation.case import Case
from workstation.cli import main

KEY_PASSPHRASE = "key passphrase for tests"
CASE_PASSPHRASE = "case passphrase for tests"


@dataclass
class Analyst:
    name: str
    home: Path

    @property
    def public(self) -> ident.PublicIdentity:
        return ident.load_public(self.home)[0]

    def unlock(self) -> ident.Identity:
        return ident.unlock(KEY_PASSPHRASE, self.home)

    def contacts(self) -> ident.Contacts:
        return ident.Contacts(self.home)


@pytest.fixture(scope="session")
def identity_homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Key pairs are slow to protect (scrypt), so each analyst's keys are made once per session."""
    base = tmp_path_factory.mktemp("identities")
    homes = {}
    for name, label in [
        ("ann", "Ann de Vries, Politie NL"),
        ("bogdan", "Bogdan Kovalenko, NPU"),
        ("chen", "Chen Wei, Europol"),
        ("mallory", "Mallory"),
    ]:
        home = base / name
        ident.create_identity(KEY_PASSPHRASE, label=label, where=home)
        homes[name] = home
    return homes


@pytest.fixture
def analysts(identity_homes: dict[str, Path], tmp_path: Path) -> dict[str, Analyst]:
    """Fresh copies per test; Ann, Bogdan and Chen know each other, nobody knows Mallory."""
    out = {}
    for name, home in identity_homes.items():
        copy = tmp_path / "homes" / name
        shutil.copytree(home, copy)
        out[name] = Analyst(name, copy)
    team = ["ann", "bogdan", "chen"]
    for me in team:
        book = out[me].contacts()
        for other in team:
            if other != me:
                book.add(other.capitalize(), out[other].public.export_line())
    return out


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the real CLI in-process as one analyst: cli(analyst, *argv) -> (code, out, err)."""
    monkeypatch.setenv("WORKSTATION_KEY_PASSPHRASE", KEY_PASSPHRASE)
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", CASE_PASSPHRASE)

    def run(analyst: Analyst | None, *argv: str) -> tuple[int, str, str]:
        if analyst is not None:
            monkeypatch.setenv("WORKSTATION_HOME", str(analyst.home))
            monkeypatch.setenv("WORKSTATION_ANALYST", analyst.name.capitalize())
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@dataclass
class SentCase:
    path: Path
    exhibit_ids: list[int]  # marked exhibits
    page_id: int  # a "page" item with two embedded images as children
    child_ids: list[int]


@pytest.fixture
def sender_case(tmp_path: Path, analysts: dict[str, Analyst], cli) -> SentCase:  # type: ignore[no-untyped-def]
    """A real case of Ann's: imported photos, a page with embedded images, notes, tags, exhibits."""
    seized = tmp_path / "seized"
    seized.mkdir()
    for i, color in enumerate([(200, 30, 30), (30, 200, 30), (30, 30, 200)]):
        (seized / f"photo_{i}.jpg").write_bytes(jpeg(color))
    (seized / "chat.txt").write_text("Работа в Амстердаме, звоните +31 6 12345678\n", encoding="utf-8")
    path = tmp_path / "ann.case"
    code, _, err = cli(
        analysts["ann"],
        "new",
        path,
        "--title",
        "Operation Lantern",
        "--case-number",
        "NL-2026-17",
        "--agency",
        "Politie NL",
        "--analyst",
        "Ann",
    )
    assert code == 0, err
    code, _, err = cli(analysts["ann"], "import", path, seized, "--workers", "1")
    assert code == 0, err
    with Case.open(path, CASE_PASSPHRASE) as case:
        ids = [r[0] for r in case.db.execute("SELECT id FROM items ORDER BY id")]
        # A captured page whose embedded images are its children (as the HTML importer makes them).
        with case.transaction():
            page = case.blobs.put_bytes(b"<html><body>Ad: model wanted <img src=a.jpg></body></html>")
            case.db.conn.execute(
                "INSERT INTO items (kind, sha256, md5, size, mime, original_name, source_url, "
                "captured_at, imported_at, analyst, importer, title, text, metadata) VALUES "
                "('page', ?, ?, ?, 'text/html', 'ad.html', 'https://ads.example/123', "
                "'2026-03-01T10:00:00Z', '2026-03-02T09:00:00Z', 'Ann', 'html', 'Model wanted', "
                "'Ad: model wanted', '{}')",
                (page.sha256, page.md5, page.size),
            )
            page_id = case.db.execute("SELECT max(id) FROM items").fetchone()[0]
            children = []
            for n, color in enumerate([(250, 250, 0), (0, 250, 250)]):
                img = case.blobs.put_bytes(jpeg(color, (32, 32)))
                case.db.conn.execute(
                    "INSERT INTO items (kind, sha256, md5, size, mime, original_name, source_url, "
                    "imported_at, analyst, parent_id, importer, metadata) VALUES "
                    "('image', ?, ?, ?, 'image/jpeg', ?, ?, '2026-03-02T09:00:00Z', 'Ann', ?, "
                    "'html/image', '{}')",
                    (img.sha256, img.md5, img.size, f"embedded_{n}.jpg", f"https://ads.example/img/{n}.jpg", page_id),
                )
                children.append(case.db.execute("SELECT max(id) FROM items").fetchone()[0])
            exhibits = [ids[0], page_id]
            for number, item_id in enumerate(exhibits, start=1):
                case.db.conn.execute(
                    "INSERT INTO exhibits (item_id, number, added_at, added_by) "
                    "VALUES (?, ?, '2026-03-03T10:00:00Z', 'Ann')",
                    (item_id, number),
                )
            case.db.conn.execute(
                "INSERT INTO notes (item_id, author, created_at, text) VALUES "
                "(?, 'Ann', '2026-03-03T10:05:00Z', 'Same face as in ad 123 — 同一个人')",
                (ids[0],),
            )
            case.db.conn.execute(
                "INSERT INTO notes (item_id, author, created_at, text) VALUES "
                "(?, 'Ann', '2026-03-03T10:06:00Z', 'not an exhibit')",
                (ids[1],),
            )
            case.db.conn.execute("INSERT INTO tags (item_id, tag) VALUES (?, 'recruitment')", (page_id,))
            case.db.conn.execute("INSERT INTO tags (item_id, tag) VALUES (?, 'unrelated')", (ids[2],))
            case.audit("exhibits.marked", {"items": exhibits})
            case.audit("page.added", {"item": page_id, "children": children})
    return SentCase(path, exhibits, page_id, children)
