"""#22 in the CLI: one passphrase rule, one exit-code rule, help texts, owner-only files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workstation.cli import main
from workstation.passphrase import WeakPassphrase, estimate, require_strong

STRONG = "correct horse battery staple"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_passphrase_rule_refuses_short_and_guessable_ones() -> None:
    for weak in ("ab", "abc", "password1", "qwertyuiop", "hunter22"):
        assert not estimate(weak).acceptable, weak
        with pytest.raises(WeakPassphrase) as info:
            require_strong(weak)
        assert info.value.exit_code == 2 and "passphrase refused" in str(info.value)
    assert "at least 8" in estimate("abc").problem
    assert "easy to guess" in estimate("password1").problem
    strong = require_strong(STRONG)
    assert strong.score >= 3 and strong.verdict in ("strong", "very strong") and strong.guesses_log10 > 10


def test_new_and_passwd_refuse_a_weak_passphrase_and_files_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "weak.case"
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "abc")
    code, _, err = run(capsys, "new", case, "--title", "T")
    assert code == 2 and "passphrase refused" in err and "at least 8" in err and len(err.strip().splitlines()) == 1
    assert not case.exists()
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", STRONG)
    old_umask = os.umask(0o022)
    try:
        assert run(capsys, "new", case, "--title", "T")[0] == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(case.stat().st_mode) == 0o600
    weak = tmp_path / "weak.txt"
    weak.write_text("password1\n")
    code, _, err = run(capsys, "passwd", case, "--new-passphrase-file", weak)
    assert code == 2 and "easy to guess" in err
    assert run(capsys, "info", case)[0] == 0  # unchanged: the old passphrase still opens it


def test_same_kind_of_error_same_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", STRONG)
    case = tmp_path / "c.case"
    assert run(capsys, "new", case, "--title", "T")[0] == 0
    unknown_item = run(capsys, "exhibit", case, "999")
    unknown_code = run(capsys, "annotate", case, "1", "--indicator", "FOO-99")
    unknown_annotation = run(capsys, "review", case, "42", "--confirm")
    assert [unknown_item[0], unknown_code[0], unknown_annotation[0]] == [2, 2, 2]
    assert all(len(r[2].strip().splitlines()) == 1 for r in (unknown_item, unknown_code, unknown_annotation))
    with pytest.raises(SystemExit) as usage:
        main(["exhibit"])  # argparse's own usage error
    assert usage.value.code == 2
    capsys.readouterr()


def test_help_texts_state_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for option, words in (
        ("--title", "report cover"),
        ("--case-number", "case or file number"),
        ("--agency", "agency or organisation"),
    ):
        assert option in text and words in text
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "else none, no marking is printed)" in text  # --classification: neutral unless the case sets one
    assert "all images (default: none)" in text  # --redact
    assert "Bates number (default: EW-)" in text and "(default: sensitive,minor)" in text


def test_bundles_and_keys_are_owner_only(tmp_path: Path) -> None:
    import pyrage

    from workstation import identity
    from workstation.transfer.container import write_bundle

    old_umask = os.umask(0o022)
    try:
        key = pyrage.x25519.Identity.generate()
        write_bundle(tmp_path / "b.wsbundle", iter([b"x" * 1000]), recipients=[str(key.to_public())])
        identity.create_identity("key passphrase for tests", label="T", where=tmp_path / "home")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "b.wsbundle").stat().st_mode) == 0o600
    keys = [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    assert keys and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in keys), [
        (p.name, oct(p.stat().st_mode)) for p in keys
    ]


def test_a_case_can_set_its_report_marking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    monkeypatch.setenv("WORKSTATION_PASSPHRASE", STRONG)
    case = tmp_path / "m.case"
    assert run(capsys, "new", case, "--title", "T", "--classification", "VERTROUWELIJK")[0] == 0
    code, out, err = run(capsys, "report", case, "--out", tmp_path / "r.pdf", "--sections", "summary", "--json")
    assert code == 0 and "no exhibits" in err  # warned on stderr with --json too
    import json

    assert json.loads(out)["warnings"][0].startswith("the report has no exhibits")
    first = PdfReader(str(tmp_path / "r.pdf")).pages[0].extract_text() or ""
    assert "VERTROUWELIJK" in first
    other = ("--sections", "summary", "--classification", "X-1")
    assert run(capsys, "report", case, "--out", tmp_path / "s.pdf", *other)[0] == 0
    assert "X-1" in (PdfReader(str(tmp_path / "s.pdf")).pages[0].extract_text() or "")
