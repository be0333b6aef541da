"""Schema versions: a case made at version 1 opens and is migrated forward, data kept."""

from __future__ import annotations

from pathlib import Path

from storage import casefile, migrations
from workstation.case import Case

PASS = "pw for migration test"


def test_migrates_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "old.case"
    db = casefile.open_database(path, PASS, create=True)
    assert migrations.migrate(db, upto=1) == ["0001_core"]
    assert migrations.current_version(db) == 1
    db.execute("INSERT INTO case_meta VALUES ('title', 'Old case')")
    db.execute("INSERT INTO blobs (sha256, md5, size, chunk_size, stored_at) VALUES ('ab', 'cd', 0, 1, 'x')")
    db.execute(
        "INSERT INTO items (kind, sha256, original_name, imported_at, text, metadata) "
        "VALUES ('page', 'ab', 'advert.html', '2026-01-01T00:00:00Z', 'Робота в Амстердамі 工作机会', '{}')"
    )
    db.conn.commit()
    db.conn.close()

    with Case.open(path, PASS) as case:
        assert migrations.current_version(case.db) == migrations.latest_version()
        assert case.meta["title"] == "Old case"
        # 0002 built the full-text index over the rows that existed before it
        hits = case.db.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH '\"Амстердам\"'").fetchall()
        assert hits == [(1,)]
        actions = [r[0] for r in case.db.execute("SELECT action FROM audit")]
        assert "case.migrated" in actions


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    import pytest

    from workstation.errors import CaseError

    path = tmp_path / "new.case"
    Case.create(path, PASS, title="T").close()
    db = casefile.open_database(path, PASS)
    db.execute("INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'x')")
    db.conn.commit()
    db.conn.close()
    with pytest.raises(CaseError, match="newer Evidence Workstation"):
        Case.open(path, PASS)
