"""Errors name their real cause: disk full, locked, read-only, folder missing, damaged; verify reads only."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, make_jpeg

ROOT = Path(__file__).resolve().parents[3]


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    monkeypatch.setenv("WORKSTATION_HOME", str(tmp_path / "no-identity"))
    monkeypatch.delenv("WORKSTATION_KEY_PASSPHRASE", raising=False)


_capture: list[pytest.CaptureFixture[str]] = []


@pytest.fixture(autouse=True)
def _capsys(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    _capture.append(capsys)
    yield
    _capture.pop()


def cli(*args: object, **env: str) -> Result:
    """The real CLI, in this process (a new interpreter per call costs seconds on a loaded machine)."""
    from workstation.cli import main

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    capsys = _capture[-1]
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    out, err = capsys.readouterr()
    return Result(code, out, err)


def cli_process(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "workstation.cli", *map(str, args)],
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def _base_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once (through the core API, as `new` and `import` do); each test gets a copy."""
    from workstation.case import Case
    from workstation.importing.pipeline import run_import

    root = tmp_path_factory.mktemp("base")
    src = root / "src"
    for i in range(3):
        make_jpeg(src / f"p{i}.jpg", seed=i)
    (src / "ad.txt").write_text("Работа в Нидерландах, звоните +31 6 12345678", encoding="utf-8")
    path = root / "c.case"
    Case.create(path, PASSPHRASE, title="failures").close()
    with Case.open(path, PASSPHRASE) as case:
        run_import(case, [src], workers=0)
    return path


@pytest.fixture
def small_case(_base_case: Path, tmp_path: Path) -> Path:
    shutil.copytree(_base_case.parent / "src", tmp_path / "src")
    case = tmp_path / "c.case"
    shutil.copy(_base_case, case)
    return case


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs: a real full disk (CI runs as root on a machine that allows mounting)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_disk_full_names_the_cause_and_keeps_committed_items(
    tmp_path: Path, tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workstation.importing import pipeline

    monkeypatch.setattr(pipeline, "BATCH_ITEMS", 1)  # one commit per file: some are in before the disk fills
    src = tmp_path / "big"
    src.mkdir()
    for i in range(8):
        (src / f"f{i}.bin").write_bytes(os.urandom(600_000))
    case = tmpfs / "c.case"
    assert cli("new", case, "--title", "full").returncode == 0
    proc = cli("import", case, src, "--json", "--workers", "0")
    assert proc.returncode == 1, proc.stderr
    assert "disk is full" in proc.stderr and "damaged" not in proc.stderr and "MiB" in proc.stderr
    kept = int(proc.stderr.split(" item(s) imported before it are kept")[0].rsplit(";", 1)[1])
    items = json.loads(cli("items", case, "--json").stdout)["items"]
    assert len(items) == kept >= 1  # what the message says was kept is in the case, nothing more
    report = json.loads(cli("verify", case, "--json").stdout)
    assert report["ok"], report["problems"]
    # a further write on the full disk: the cause again, never "damaged"
    proc = cli("import", case, src, "--workers", "0")
    assert "damaged" not in proc.stderr and "disk is full" in proc.stderr


def test_disk_full_at_the_end_does_not_fail_committed_items(case, tmp_path: Path, tmpfs: Path) -> None:
    from workstation.case import Case
    from workstation.importing import pipeline

    case.close()
    target = tmpfs / "end.case"
    Case.create(target, PASSPHRASE, title="end").close()
    c = Case.open(target, PASSPHRASE)
    try:
        make_jpeg(tmp_path / "one.jpg", seed=5)
        result = pipeline.run_import(c, [tmp_path / "one.jpg"], workers=0)
        c.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with open(tmpfs / "filler", "wb", buffering=0) as fh:  # the disk fills up after the last batch
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        pipeline._finish_run(c, result, len(result.errors))
        assert result.imported == 1 and result.finish_error and "disk is full" in result.finish_error
    finally:
        c.close()


def test_read_only_case_opens_for_reading_and_refuses_writes(small_case: Path, tmp_path: Path) -> None:
    assert cli("exhibit", small_case, "1").returncode == 0
    before = _sha(small_case)
    small_case.chmod(0o444)
    small_case.parent.chmod(0o555)
    try:
        for args in (("info",), ("items",), ("audit",), ("search", "Нидерландах"), ("verify",)):
            proc = cli(args[0], small_case, *args[1:], "--json")
            assert proc.returncode == 0, (args, proc.stderr)
            json.loads(proc.stdout)
        out = tmp_path / "out"
        out.mkdir()
        proc = cli("report", small_case, "--out", out / "r.pdf", "--exhibits", "2")  # would mark item 2
        assert proc.returncode != 0 and "read-only" in proc.stderr
        proc = cli("report", small_case, "--out", out / "r.pdf")
        assert proc.returncode == 0 and (out / "r.pdf").exists(), proc.stderr
        for args in (("import", tmp_path / "src"), ("passwd", "--new-passphrase-file", tmp_path / "src" / "ad.txt")):
            proc = cli(args[0], small_case, *args[1:])
            assert proc.returncode != 0 and "read-only" in proc.stderr, proc.stderr
            assert "damaged" not in proc.stderr and "passphrase" not in proc.stderr.split("read-only")[0]
    finally:
        small_case.parent.chmod(0o755)
    assert _sha(small_case) == before
    assert sorted(p.name for p in small_case.parent.glob("c.case*")) == ["c.case"]


def test_read_only_mount(small_case: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "--bind", str(small_case.parent), str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot bind-mount here")
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(mnt)]).returncode == 0
        for command in ("info", "items", "verify"):
            proc = cli(command, mnt / "c.case")
            assert proc.returncode == 0, proc.stderr
        proc = cli("import", mnt / "c.case", tmp_path / "src")
        assert "read-only (write-blocked) media" in proc.stderr
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_locked_names_the_other_process(small_case: Path, tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlcipher3, sys, time\n"
                f"c = sqlcipher3.connect({str(small_case)!r}, isolation_level=None)\n"
                f"c.execute(\"PRAGMA key = '{PASSPHRASE}'\")\n"
                "c.execute('BEGIN IMMEDIATE')\n"
                "print('ready', flush=True)\n"
                "time.sleep(60)\n"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        start = time.monotonic()
        proc = cli("import", small_case, tmp_path / "src", WORKSTATION_BUSY_TIMEOUT="1")
        assert time.monotonic() - start < 60
        assert "in use by another process" in proc.stderr and f"pid {holder.pid}" in proc.stderr, proc.stderr
        assert "damaged" not in proc.stderr
    finally:
        holder.kill()
        holder.wait()


def test_new_in_missing_folder_and_special_files(tmp_path: Path) -> None:
    proc = cli("new", tmp_path / "nope" / "c.case", "--title", "x")
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "damaged" not in proc.stderr
    fifo = tmp_path / "pipe.case"
    os.mkfifo(fifo)
    proc = cli_process("info", fifo, timeout=60)  # a process of its own: a hang would fail, not block
    assert proc.returncode == 2 and "FIFO" in proc.stderr
    long = tmp_path / ("x" * 300 + ".case")
    for args in (("info", long), ("new", long, "--title", "x")):
        proc = cli(*args)
        assert proc.returncode == 2 and "too long" in proc.stderr and "internal error" not in proc.stderr, proc.stderr


def test_verify_on_damaged_page_prints_its_report(small_case: Path) -> None:
    data = bytearray(small_case.read_bytes())
    page = 4096
    for at in range(len(data) // page // 2 * page + 100, len(data) // page // 2 * page + 140):
        data[at] ^= 0xFF
    small_case.write_bytes(bytes(data))
    before = _sha(small_case)
    proc = cli("verify", small_case, "--json")
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    assert not report["ok"] and report["problems"] and not report["recorded"]
    assert "MemoryError" not in proc.stderr
    assert _sha(small_case) == before  # verify never writes to a damaged case
    assert cli("verify", small_case, "--json", WORKSTATION_PASSPHRASE="wrong").returncode == 2


def test_verify_records_only_when_intact_and_changes_nothing_else(small_case: Path) -> None:
    entries = len(json.loads(cli("audit", small_case, "--json").stdout)["entries"])
    proc = cli("verify", small_case, "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["recorded"]
    after = json.loads(cli("audit", small_case, "--json").stdout)["entries"]
    assert len(after) == entries + 1 and after[-1]["action"] == "case.verified"
