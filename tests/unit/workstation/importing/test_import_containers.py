"""Disk images and archives made by the real tools (mkfs.vfat + mtools, mkfs.ext4, mkntfs + ntfscp,
sfdisk, ewfacquire, tarfile, py7zr): every file found with its content, path, times and deletion."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import import_samples as S
import pytest

TOOLS = ("mkfs.vfat", "mcopy", "mdel", "mkfs.ext4", "mkntfs", "ntfscp", "sfdisk", "ewfacquire", "qemu-img")


def _run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> dict[str, Path]:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    assert not missing, f".ci/run installs these Debian tools: {missing}"
    root = tmp_path_factory.mktemp("images")
    photo = root / "photo.jpg"
    photo.write_bytes(S.jpeg())
    note = root / "note.txt"
    note.write_text("call +31 6 12345678 for the job", encoding="utf-8")
    gone = root / "gone.txt"
    gone.write_text("deleted but recoverable " * 40, encoding="utf-8")
    fat = root / "fat.img"
    _run("mkfs.vfat", "-C", fat, "4096")
    _run("mmd", "-i", fat, "::/DCIM")
    _run("mcopy", "-i", fat, photo, "::/DCIM/photo.jpg")
    _run("mcopy", "-i", fat, note, "::/note.txt")
    _run("mcopy", "-i", fat, gone, "::/gone.txt")
    _run("mdel", "-i", fat, "::/gone.txt")
    src = root / "extsrc"
    (src / "home").mkdir(parents=True)
    shutil.copy(photo, src / "home" / "photo.jpg")
    shutil.copy(note, src / "note.txt")
    ext = root / "ext.img"
    _run("mkfs.ext4", "-q", "-F", "-d", src, ext, "4M")
    ntfs = root / "ntfs.img"
    with ntfs.open("wb") as fh:
        fh.truncate(8 << 20)
    _run("mkntfs", "-F", "-Q", "-q", ntfs)
    _run("ntfscp", "-q", ntfs, photo, "photo.jpg")
    disk = root / "disk.raw"
    with disk.open("wb") as fh:
        fh.truncate(16 << 20)
    subprocess.run(
        ["sfdisk", "-q", str(disk)],
        input=b"label: dos\nstart=2048, size=8192, type=c\nstart=10240, type=83\n",
        check=True,
        capture_output=True,
    )
    with disk.open("r+b") as fh:
        fh.seek(2048 * 512)
        fh.write(fat.read_bytes())
        fh.seek(10240 * 512)
        fh.write(ext.read_bytes())
    ewf = root / "ewf"
    ewf.mkdir()
    _run(
        "ewfacquire",
        "-u",
        "-q",
        "-t",
        ewf / "seized",
        "-C",
        "CASE-7",
        "-e",
        "Jan Examiner",
        "-d",
        "sha1",
        "-S",
        "1048576",
        "-c",
        "none",
        disk,
    )
    return {"fat": fat, "ext": ext, "ntfs": ntfs, "disk": disk, "ewf": ewf, "photo": photo, "note": note, "gone": gone}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _children(case, parent_name: str) -> dict[str, dict]:
    items = case.items()
    parent = next(i for i in items if i["original_name"] == parent_name)
    return {i["metadata"]["filesystem"]["path"]: i for i in items if i["parent_id"] == parent["id"]}


def test_fat_volume_live_and_deleted_files(tmp_path, case, do_import, images):
    shutil.copy(images["fat"], tmp_path / "stick.img")
    result, progress = do_import(tmp_path / "stick.img")
    assert result.errors == []
    files = _children(case, "stick.img")
    assert set(files) == {"/note.txt", "/DCIM/photo.jpg", "/_ONE.TXT"}
    assert files["/DCIM/photo.jpg"]["sha256"] == _sha(images["photo"])
    assert files["/DCIM/photo.jpg"]["kind"] == "image"
    assert files["/note.txt"]["metadata"]["filesystem"]["deleted"] is False
    deleted = files["/_ONE.TXT"]
    assert deleted["sha256"] == _sha(images["gone"])
    assert deleted["metadata"]["filesystem"]["deleted"] is True
    assert "first letter lost" in deleted["metadata"]["filesystem"]["note"]
    assert files["/note.txt"]["metadata"]["filesystem"]["times"]["modified"]


def test_ext4_and_ntfs_files_with_inodes_and_utc_times(tmp_path, case, do_import, images):
    shutil.copy(images["ext"], tmp_path / "linux.img")
    shutil.copy(images["ntfs"], tmp_path / "windows.img")
    result, _ = do_import(tmp_path / "linux.img", tmp_path / "windows.img")
    assert result.errors == []
    ext = _children(case, "linux.img")
    assert set(ext) == {"/note.txt", "/home/photo.jpg"}
    assert ext["/home/photo.jpg"]["sha256"] == _sha(images["photo"])
    assert ext["/note.txt"]["metadata"]["filesystem"]["inode"] > 10
    assert ext["/note.txt"]["metadata"]["filesystem"]["times"]["modified"].endswith("Z")
    ntfs = _children(case, "windows.img")
    assert set(ntfs) == {"/photo.jpg"}
    meta = ntfs["/photo.jpg"]["metadata"]["filesystem"]
    assert meta["filesystem"] == "ntfs" and meta["inode"] >= 16 and meta["times"]["born"].endswith("Z")
    assert ntfs["/photo.jpg"]["sha256"] == _sha(images["photo"])


def test_split_e01_with_mbr_partitions_verified_and_tampered(tmp_path, case, do_import, images):
    result, _ = do_import(images["ewf"])
    assert result.errors == []
    e01 = next(i for i in case.items() if i["original_name"] == "seized.E01")
    container = e01["metadata"]["container"]
    assert container["verification"]["status"] == "verified"
    assert set(container["stored_hashes"]) == {"md5", "sha1"}
    assert container["stored_hashes"]["md5"] == hashlib.md5(images["disk"].read_bytes()).hexdigest()
    assert container["acquisition"]["case_number"] == "CASE-7"
    assert [v["filesystem"] for v in container["volumes"]] == ["fat", "ext"]
    files = _children(case, "seized.E01")
    assert {"/DCIM/photo.jpg", "/home/photo.jpg", "/note.txt"} <= set(files)
    assert {f["metadata"]["filesystem"]["partition"] for f in files.values()} == {1, 2}

    tampered = tmp_path / "tampered"
    shutil.copytree(images["ewf"], tampered)
    segment = tampered / "seized.E05"
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte of media data in an uncompressed chunk
    segment.write_bytes(bytes(data))
    from workstation.case import Case
    from workstation.importing.pipeline import run_import
    from workstation.progress import Progress

    other = Case.create(tmp_path / "other.case", "pw", title="T", analyst="Tester")
    try:
        progress = Progress()
        result = run_import(other, [tampered], progress, workers=0)
        reasons = [e["error"] for e in result.errors]
        assert any("does not match the hash stored by the acquisition tool" in r for r in reasons), reasons
    finally:
        other.close()


@pytest.mark.parametrize(("fmt", "kind"), [("vpc", "vhd"), ("vhdx", "vhdx"), ("vmdk", "vmdk")])
def test_virtual_disks_written_by_qemu_img(tmp_path, case, do_import, images, fmt, kind):
    target = tmp_path / f"vm.{fmt}"
    _run("qemu-img", "convert", "-f", "raw", "-O", fmt, images["disk"], target)
    result, _ = do_import(target)
    assert result.errors == []
    container = next(i for i in case.items() if i["original_name"] == target.name)["metadata"]["container"]
    assert container["format"] == kind
    files = _children(case, target.name)
    assert files["/home/photo.jpg"]["sha256"] == _sha(images["photo"])
    assert files["/DCIM/photo.jpg"]["metadata"]["filesystem"]["partition"] == 1


def test_encrypted_volume_is_reported_as_such(tmp_path, case, do_import, images):
    disk = bytearray(images["disk"].read_bytes())
    start = 10240 * 512  # the second partition becomes a LUKS volume header
    disk[start : start + 4096] = b"LUKS\xba\xbe\x00\x02" + bytes(4088)
    (tmp_path / "laptop.dd").write_bytes(bytes(disk))
    result, _ = do_import(tmp_path / "laptop.dd")
    reasons = [e["error"] for e in result.errors]
    assert any("LUKS volume: encrypted" in r for r in reasons), reasons
    assert "/DCIM/photo.jpg" in _children(case, "laptop.dd")


def test_damaged_image_is_one_clear_error_and_the_rest_goes_on(tmp_path, case, do_import, images):
    folder = tmp_path / "in"
    folder.mkdir()
    data = bytearray(images["disk"].read_bytes()[: 2048 * 512 + 4096])  # partition table, cut FAT
    (folder / "cut.dd").write_bytes(bytes(data))
    (folder / "note.txt").write_bytes(images["note"].read_bytes())
    result, _ = do_import(folder)
    names = {i["original_name"] for i in case.items()}
    assert {"cut.dd", "note.txt"} <= names
    assert any("cut.dd" in e["path"] for e in result.errors)


@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz", "zst"])
def test_tar_archives_every_compression(tmp_path, case, do_import, images, mode):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w" if mode == "zst" else mode) as tar:
        tar.add(images["photo"], arcname="sdcard/DCIM/photo.jpg")
        tar.add(images["note"], arcname="sdcard/note.txt")
        link = tarfile.TarInfo("sdcard/evil")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
        slip = tarfile.TarInfo("../../escape.txt")
        slip.size = 3
        tar.addfile(slip, io.BytesIO(b"bad"))
    data = buffer.getvalue()
    if mode == "zst":
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    S.write(tmp_path / "in" / "extraction.bin", data)
    result, _ = do_import(tmp_path / "in")
    items = {i["original_name"]: i for i in case.items()}
    assert items["photo.jpg"]["sha256"] == _sha(images["photo"])
    assert items["photo.jpg"]["parent_id"] == items["extraction.bin"]["id"]
    reasons = " ".join(e["error"] for e in result.errors)
    assert "not followed" in reasons and "zip-slip" in reasons
    assert "escape.txt" not in items


def test_tar_bomb_is_stopped(tmp_path, case, do_import):
    from workstation.importing import limits

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo("zeros.bin")
        info.size = limits.RATIO_MIN_SIZE * 300
        tar.addfile(info, _Zeros(info.size))
    S.write(tmp_path / "in" / "bomb.tar.gz", buffer.getvalue())
    result, _ = do_import(tmp_path / "in")
    assert any("ratio" in e["error"] for e in result.errors), result.errors


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.left)
        buffer[:n] = b"\x00" * n
        self.left -= n
        return n


def test_7z_archive_members_and_refusals(tmp_path, case, do_import, images):
    import py7zr

    path = tmp_path / "in" / "phone.7z"
    path.parent.mkdir()
    with py7zr.SevenZipFile(path, "w") as archive:
        archive.write(images["photo"], "DCIM/photo.jpg")
        archive.writestr(b"hello from a chat", "chats/note.txt")
    result, _ = do_import(path.parent)
    assert result.errors == []
    items = {i["original_name"]: i for i in case.items()}
    assert items["photo.jpg"]["sha256"] == _sha(images["photo"])
    assert items["note.txt"]["parent_id"] == items["phone.7z"]["id"]

    encrypted = tmp_path / "enc" / "locked.7z"
    encrypted.parent.mkdir()
    with py7zr.SevenZipFile(encrypted, "w", password="secret") as archive:
        archive.writestr(b"hidden", "a.txt")
    result, _ = do_import(encrypted.parent)
    assert any("encrypted 7z archive" in e["error"] for e in result.errors)


def test_triage_filters_count_what_was_left_out(tmp_path, case, images):
    from workstation.importing.pipeline import run_import
    from workstation.importing.triage import DEFAULT_SKIP_PATHS, Triage
    from workstation.progress import Progress

    src = tmp_path / "src"
    (src / "Windows" / "System32").mkdir(parents=True)
    (src / "Users" / "ana").mkdir(parents=True)
    (src / "Windows" / "System32" / "kernel.dll").write_bytes(b"MZ" + b"\x00" * 5000)
    shutil.copy(images["photo"], src / "Users" / "ana" / "photo.jpg")
    shutil.copy(images["photo"], src / "Users" / "ana" / "renamed.dat")  # a JPEG by content
    shutil.copy(images["note"], src / "Users" / "ana" / "note.txt")
    image = tmp_path / "seized.img"
    _run("mkfs.ext4", "-q", "-F", "-d", src, image, "4M")
    triage = Triage(kinds=frozenset({"images"}), skip_paths=DEFAULT_SKIP_PATHS)
    run_import(case, [image], Progress(), workers=0, triage=triage)
    files = _children(case, "seized.img")
    assert set(files) == {"/Users/ana/photo.jpg", "/Users/ana/renamed.dat"}
    container = next(i for i in case.items() if i["original_name"] == "seized.img")["metadata"]["container"]
    skipped = container["volumes"][0]["skipped"]
    assert skipped["files"] == 2
    assert skipped["by_reason"] == {"path matches /windows/*": 1, "not of the kinds chosen": 1}
    assert container["triage"]["kinds"] == ["images"]


def test_cli_import_only_rejects_an_unknown_kind(tmp_path, case_env):
    import sys

    env = dict(case_env)
    new = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "new", str(tmp_path / "c.case"), "--title", "T"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert new.returncode == 0, new.stderr
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "workstation.cli",
            "import",
            str(tmp_path / "c.case"),
            str(tmp_path),
            "--only",
            "images,photos",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "unknown kind(s) photos" in bad.stderr


def test_report_states_where_an_exhibit_was_inside_the_image(tmp_path, case, do_import, images):
    from reports.builder import build_report
    from reports.model import ReportOptions
    from workstation.exhibits import add_exhibits

    shutil.copy(images["fat"], tmp_path / "stick.img")
    do_import(tmp_path / "stick.img")
    files = _children(case, "stick.img")
    image_id = next(i["id"] for i in case.items() if i["original_name"] == "stick.img")
    add_exhibits(case, [files["/_ONE.TXT"]["id"], image_id])
    report = build_report(case, ReportOptions())
    by_item = {e.item_id: {f.name: f.value for f in e.container} for e in report.exhibits}
    deleted = by_item[files["/_ONE.TXT"]["id"]]
    assert deleted["Path in the file system"] == "/_ONE.TXT"
    assert "first letter lost" in deleted["Deleted"]
    assert by_item[image_id]["Container format"] == "raw"
    assert by_item[image_id]["Partition —"].startswith("whole media, offset 0, fat")


def _android_msgstore_script() -> str:
    import importlib.util

    path = Path(__file__).parents[1] / "conversations" / "test_whatsapp_db.py"
    spec = importlib.util.spec_from_file_location("whatsapp_db_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.ANDROID)


@pytest.mark.parametrize("container", ["tar", "ext4"])
def test_phone_extraction_hands_its_chat_database_to_the_chat_importer(tmp_path, case, do_import, container):
    """A file-system extraction (TAR, or a disk image) with WhatsApp's msgstore.db inside."""
    import sqlite3

    from workstation.conversations import list_conversations

    src = tmp_path / "extraction"
    db_dir = src / "data" / "data" / "com.whatsapp" / "databases"
    db_dir.mkdir(parents=True)
    conn = sqlite3.connect(db_dir / "msgstore.db")
    conn.executescript(_android_msgstore_script())
    conn.commit()
    conn.close()
    if container == "tar":
        target = tmp_path / "phone.tar.gz"
        with tarfile.open(target, "w:gz") as tar:
            tar.add(src, arcname=".")
    else:
        target = tmp_path / "phone.img"
        _run("mkfs.ext4", "-q", "-F", "-d", src, target, "4M")
    result, _ = do_import(target)
    assert result.errors == []
    conversations = list_conversations(case)
    assert {(c.messages, c.source_format) for c in conversations} == {(3, "msgstore.db")}
    assert len(conversations) == 2
