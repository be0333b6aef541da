"""Hostile input: every bad file gets a clear per-file error (result, import log, audit); the rest goes on."""

from __future__ import annotations

import json
import os
import struct
import tempfile
import zipfile
import zlib

import import_samples as S
import pytest

from workstation.importing import limits


def png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


def overlapping_zip() -> bytes:
    """Two central-directory entries sharing one member's data (the 'better zip bomb')."""
    raw = S.zip_bytes({"a.txt": b"x" * 1000})
    eocd = raw.rindex(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", raw[eocd + 12 : eocd + 20])
    cd = raw[cd_offset : cd_offset + cd_size]
    twin = cd.replace(b"a.txt", b"b.txt")
    new_eocd = bytearray(raw[eocd:])
    struct.pack_into("<HHI", new_eocd, 8, 2, 2, cd_size * 2)
    return raw[:cd_offset] + cd + twin + bytes(new_eocd)


def encrypted_flag_zip() -> bytes:
    raw = bytearray(S.zip_bytes({"secret.txt": b"hello"}, zipfile.ZIP_STORED))
    raw[6] |= 1  # local header general purpose flag
    cd = raw.rindex(b"PK\x01\x02")
    raw[cd + 8] |= 1
    return bytes(raw)


def nested_zip(levels: int) -> bytes:
    data = S.zip_bytes({"deep.txt": b"bottom"})
    for n in range(levels):
        data = S.zip_bytes({f"level{n}.zip": data})
    return data


def errors_for(result, fragment):
    return [e for e in result.errors if fragment in e["path"]]


def test_every_hostile_case_is_reported_and_the_rest_imported(tmp_path, case, do_import):
    bad = tmp_path / "seized"
    good = S.jpeg(64, 48)
    S.write(bad / "good.jpg", good)
    S.write(bad / "bomb.png", png_header_only(50_000, 50_000))
    S.write(bad / "truncated.jpg", S.jpeg(400, 300)[:3000])
    S.write(bad / "corrupt.jpg", b"\xff\xd8\xff\xe0" + os.urandom(5000))
    S.write(bad / "empty.jpg", b"")
    S.write(
        bad / "slip.zip",
        S.zip_bytes(
            {"../../etc/cron.d/x": b"evil", "/abs/path.txt": b"a", "C:\\win\\x.txt": b"b", "ok.txt": b"fine text"}
        ),
    )
    S.write(bad / "ratio.zip", S.zip_bytes({"zeros.bin": b"\x00" * (limits.RATIO_MIN_SIZE * 3)}))
    S.write(bad / "overlap.zip", overlapping_zip())
    S.write(bad / "encrypted.zip", encrypted_flag_zip())
    S.write(bad / "nested.zip", nested_zip(limits.MAX_NESTING + 2))
    S.write(bad / "broken.zip", S.zip_bytes({"a.txt": b"aaaa" * 100})[:-30])
    S.write(bad / "gzip-broken.warc.gz", b"\x1f\x8b\x08\x00" + os.urandom(3000))
    warc = S.warc(gz=True)
    cut = warc.rindex(b"\x1f\x8b")  # damage the last gzip member only
    S.write(bad / "damaged-tail.warc.gz", warc[: cut + 20] + b"\x00garbage" * 50)
    S.write(bad / "bad-boundary.mhtml", S.mhtml().replace(b"------MultipartBoundary--abc123", b"--zzz", 2))
    laughs = (
        '<!DOCTYPE html [<!ENTITY a "lollollollol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
        + "]><html><body><p>&j;&j;&j;</p><p>safe words</p></body></html>"
    )
    S.write(bad / "laughs.html", laughs.encode())
    S.write(bad / "deep.html", b"<html><body>" + b"<div>" * 200_000 + b"deep text" + b"</body></html>")
    S.write(bad / "oneline.html", b"<html><body><p>" + b"word " * 1_200_000 + b"</p></body></html>")
    os.symlink("/etc/passwd", bad / "link.txt")

    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    old = tempfile.tempdir
    tempfile.tempdir = str(tmpdir)
    try:
        result, _ = do_import(bad)
    finally:
        tempfile.tempdir = old

    def reason(fragment):
        found = errors_for(result, fragment)
        assert found, (fragment, result.errors)
        return " ".join(e["error"] for e in found)

    assert "decompression bomb" in reason("bomb.png")
    assert "truncated" in reason("truncated.jpg")
    assert "corrupt" in reason("corrupt.jpg") or "not a readable image" in reason("corrupt.jpg")
    assert "empty file (0 bytes)" in reason("empty.jpg")
    assert "zip-slip" in reason("slip.zip!../../etc/cron.d/x")
    assert "absolute path" in reason("slip.zip!/abs/path.txt")
    assert "absolute path" in reason("slip.zip!C:\\win\\x.txt")
    assert "compression ratio" in reason("ratio.zip")
    assert "overlap" in reason("overlap.zip")
    assert "encrypted" in reason("encrypted.zip")
    assert "nested more than" in reason("nested.zip")
    assert "damaged or truncated ZIP" in reason("broken.zip")
    assert "not a readable WARC" in reason("gzip-broken.warc.gz")
    assert "WARC damaged after record" in reason("damaged-tail.warc.gz")
    assert "malformed MHTML" in reason("bad-boundary.mhtml")
    assert "symbolic link" in reason("link.txt")
    for e in result.errors:
        assert "Traceback" not in e["error"] and e["error"].strip()

    names = {i["original_name"]: i for i in case.items()}
    assert "good.jpg" in names and "ok.txt" in names  # the rest went on
    assert "x" not in names and "path.txt" not in names
    laughs_item = names["laughs.html"]
    assert "safe words" in laughs_item["text"] and "lollollol" not in laughs_item["text"]
    assert len(laughs_item["text"]) < 1000
    assert "deep text" in names["deep.html"]["text"]
    assert names["deep.html"]["metadata"]["parser"].startswith("plain-text fallback")
    assert names["oneline.html"]["text"].startswith("word word")
    assert len(names["oneline.html"]["text"]) <= limits.MAX_TEXT_CHARS
    # the damaged WARC kept what came before the damage
    assert any(i["source_url"] == "https://cdn.example.com/p/1.jpg" for i in case.items())

    # nothing from an archive was written to disk outside the case
    assert list(tmpdir.iterdir()) == []
    # every error is in the import log and in the audit chain
    logged = {r[0] for r in case.db.execute("SELECT path FROM import_errors WHERE run_id = ?", [result.run_id])}
    assert {e["path"] for e in result.errors} <= logged
    audited = " ".join(r[0] for r in case.db.execute("SELECT details FROM audit WHERE action = 'import.batch'"))
    for e in result.errors:
        assert json.dumps(e["path"])[1:-1] in audited


def test_expansion_budget_stops_a_bomb_spread_over_members(tmp_path, case, do_import, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EXPANSION", 50_000)
    S.write(tmp_path / "in" / "many.zip", S.zip_bytes({f"m{n}.txt": b"%d" % n * 4000 for n in range(30)}))
    result, _ = do_import(tmp_path / "in")
    assert any("zip bomb" in e["error"] for e in result.errors)


def test_declared_size_over_the_limit_refuses_the_archive(tmp_path, case, do_import, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EXPANSION", 1000)
    S.write(tmp_path / "in" / "big.zip", S.zip_bytes({"a.txt": b"a" * 5000}))
    result, _ = do_import(tmp_path / "in")
    assert len(result.errors) == 1 and "zip bomb: declares" in result.errors[0]["error"]
    assert list(case.items()) == []


@pytest.mark.parametrize("size", [0, 1, 5])
def test_tiny_files_never_crash(tmp_path, case, do_import, size):
    S.write(tmp_path / "in" / "x.bin", b"\x89" * size)
    result, _ = do_import(tmp_path / "in")
    assert len(result.errors) + result.imported == 1


def test_page_over_the_size_limit_is_stored_without_text(tmp_path, case, do_import, monkeypatch):
    monkeypatch.setattr(limits, "MAX_HTML_BYTES", 2000)
    big = S.html_page(body="groot " * 2000)
    S.write(tmp_path / "in" / "big.html", big)
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    (page,) = list(case.items())
    assert page["kind"] == "page" and page["text"] is None
    assert "larger than" in page["metadata"]["text_skipped"]
    assert case.blobs.read(page["sha256"]) == big


def test_large_archive_member_is_streamed_not_held_in_memory(tmp_path, case, do_import, monkeypatch):
    monkeypatch.setattr(limits, "MEMBER_IN_MEMORY", 10_000)
    video = bytes(range(256)) * 400  # 100 KiB, "too big" for memory under the patched limit
    S.write(
        tmp_path / "in" / "dump.zip", S.zip_bytes({"DCIM/clip.mp4": video, "big.jpg": S.jpeg(400, 300, quality=100)})
    )
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    items = {i["original_name"]: i for i in case.items()}
    assert case.blobs.read(items["clip.mp4"]["sha256"]) == video
    assert items["big.jpg"]["kind"] == "image" and "not_analysed" in items["big.jpg"]["metadata"]
