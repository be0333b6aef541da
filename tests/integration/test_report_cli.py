"""`workstation report` and `workstation exhibit` end to end, in real subprocesses, PDFs read back."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests import pdfcheck
from tests.conftest import PASSPHRASE, make_jpeg

pytestmark = pdfcheck.needs_poppler

UKRAINIAN = "Робота в Амстердамі, житло безкоштовно"
CHINESE = "高薪招聘女服务员包吃包住"
PHONE_TEXT = "Bel 06 12 34 56 78 of WhatsApp"


def ws(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"workstation {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def _gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "EOS 5D"
    exif[0x0132] = "2026:02:01 10:11:12"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 22.0, 12.0)
    gps[3], gps[4] = "E", (4.0, 53.0, 42.0)
    return exif.tobytes()


@pytest.fixture
def report_case(tmp_path: Path, case_env: dict[str, str]) -> tuple[Path, dict[int, Path]]:
    """A case with three photos (one with GPS), a Ukrainian and a Chinese note; photo 2 tagged
    'minor'; a note with a phone number on photo 1."""
    path = tmp_path / "zwaluw.case"
    ws(
        "new",
        str(path),
        "--title",
        "Операція Ластівка 燕子行动",
        "--case-number",
        "NL-2026-0042",
        "--agency",
        "Politie",
        "--analyst",
        "Ann",
        "--timezone",
        "Europe/Amsterdam",
        env=case_env,
    )
    folder = tmp_path / "seized"
    make_jpeg(folder / "a_photo.jpg", seed=1, size=(640, 480), exif=_gps_exif())
    make_jpeg(folder / "b_photo.jpg", seed=2, size=(640, 480))
    make_jpeg(folder / "c_photo.jpg", seed=3, size=(480, 640))
    (folder / "d_ua.txt").write_text(f"{UKRAINIAN}. {PHONE_TEXT}", encoding="utf-8")
    (folder / "e_zh.txt").write_text(CHINESE, encoding="utf-8")
    ws("import", str(path), str(folder), env=case_env)
    items = json.loads(ws("items", str(path), "--json", env=case_env).stdout)["items"]
    files = {i["id"]: folder / i["original_name"] for i in items}

    from workstation.case import Case, utc_now

    by_name = {i["original_name"]: i["id"] for i in items}
    with Case.open(path, PASSPHRASE) as case, case.transaction():
        case.db.execute("INSERT INTO tags (item_id, tag) VALUES (?, 'minor')", [by_name["b_photo.jpg"]])
        case.audit("tag.added", {"items": [by_name["b_photo.jpg"]], "tag": "minor"})
        case.db.execute(
            "INSERT INTO notes (item_id, author, created_at, text) VALUES (?,?,?,?)",
            [by_name["a_photo.jpg"], "Ann", utc_now(), f"Zelfde meisje. {PHONE_TEXT}"],
        )
        case.audit("note.added", {"item": by_name["a_photo.jpg"]})
    return path, files


def _audit(path: Path, env: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(ws("audit", str(path), "--json", env=env).stdout)["entries"]


def test_report_end_to_end(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    ws("exhibit", str(path), *map(str, sorted(files)), env=case_env)
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    result = json.loads(
        ws("report", str(path), "--out", str(out), "--json", "--bates-prefix", "NL42-", env=case_env).stdout
    )
    data = out.read_bytes()
    assert result["sha256"] == hashlib.sha256(data).hexdigest()
    assert [e["number"] for e in result["exhibits"]] == [1, 2, 3, 4, 5]
    assert list(out.parent.iterdir()) == [out]  # no temp file left

    # The audit log holds the report's hash, its options and its exhibits.
    last = _audit(path, case_env)[-1]
    assert last["action"] == "report.generated"
    assert last["details"]["sha256"] == result["sha256"]
    assert last["details"]["options"]["bates_prefix"] == "NL42-"
    assert [e["item"] for e in last["details"]["exhibits"]] == sorted(files)

    text = pdfcheck.text(out)
    assert "NL-2026-0042" in text
    items = json.loads(ws("items", str(path), "--json", env=case_env).stdout)["items"]
    for item in items:
        assert item["sha256"] in text, item["original_name"]
        assert item["md5"] in text
    flat = " ".join(text.split())
    assert UKRAINIAN in flat
    assert CHINESE in text.replace("\n", "")
    assert "Операція Ластівка" in flat
    assert "52.370000, 4.895000" in flat  # EXIF GPS of a_photo.jpg
    assert all(f["emb"] == "yes" for f in pdfcheck.fonts(out))
    pages = pdfcheck.pages_text(out)
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert f"NL42-{n:06d}" in page

    # Same case, same options: byte-identical, in another process and another file name.
    again = tmp_path / "again.pdf"
    second = ws("report", str(path), "--out", str(again), "--bates-prefix", "NL42-", env=case_env)
    assert again.read_bytes() == data
    assert second.stdout.split()[0] == result["sha256"]
    # A real change to the case changes the report.
    ws("exhibit", str(path), str(min(files)), "--remove", env=case_env)
    third = tmp_path / "third.pdf"
    ws("report", str(path), "--out", str(third), "--bates-prefix", "NL42-", env=case_env)
    assert third.read_bytes() != data
    assert json.loads(ws("verify", str(path), "--json", env=case_env).stdout)["ok"]


def _exhibit_image(pdf: Path, number: int) -> Image.Image:
    for text, imgs in zip(pdfcheck.pages_text(pdf), pdfcheck.page_images(pdf), strict=True):
        if re.search(rf"^Exhibit {number} —", text, re.M) and imgs:
            return imgs[0]
    raise AssertionError(f"no picture for exhibit {number}")


def test_redaction_of_images_tagged_minor(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    photos = sorted(i for i, f in files.items() if f.suffix == ".jpg")
    ws("exhibit", str(path), *map(str, photos), env=case_env)
    out = tmp_path / "redacted.pdf"
    result = json.loads(
        ws("report", str(path), "--out", str(out), "--redact", "sensitive", "--json", env=case_env).stdout
    )
    assert result["redacted_exhibits"] == [2]  # b_photo.jpg, tagged 'minor'
    original_a = Image.open(files[photos[0]]).convert("RGB")
    original_b = Image.open(files[photos[1]]).convert("RGB")
    assert pdfcheck.detail_correlation(original_a, _exhibit_image(out, 1)) > 0.8
    redacted = _exhibit_image(out, 2)
    assert pdfcheck.detail_correlation(original_b, redacted) < 0.2
    flat = " ".join(pdfcheck.text(out).split())
    assert "PIXELATED in this report (tagged 'minor')" in flat
    assert "This report contains redactions" in flat

    everything = tmp_path / "all.pdf"
    result = json.loads(
        ws("report", str(path), "--out", str(everything), "--redact", "all-blur", "--json", env=case_env).stdout
    )
    assert result["redacted_exhibits"] == [1, 2, 3]
    assert pdfcheck.detail_correlation(original_a, _exhibit_image(everything, 1)) < 0.2


def test_masked_selector_is_gone_from_the_text(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    ws("exhibit", str(path), *map(str, sorted(files)), env=case_env)
    out = tmp_path / "masked.pdf"
    result = json.loads(
        ws("report", str(path), "--out", str(out), "--mask-selector", "+31612345678", "--json", env=case_env).stdout
    )
    assert result["masked_selectors"] == 1
    flat = " ".join(pdfcheck.text(out).split())
    assert "06 12 34 56 78" not in flat and "612345678" not in flat
    assert flat.count("[REDACTED selector 1]") >= 2  # the note and the text excerpt
    assert "1 selector value(s) are masked" in flat


def test_exhibit_numbers_are_stable(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    ids = sorted(files)
    out = tmp_path / "r.pdf"
    # --exhibits marks items that are not exhibits yet, in the order given.
    result = json.loads(
        ws(
            "report",
            str(path),
            "--out",
            str(out),
            "--exhibits",
            f"{ids[2]},{ids[0]}",
            "--sections",
            "exhibit-list",
            "--json",
            env=case_env,
        ).stdout
    )
    assert result["exhibits"] == [{"number": 1, "item": ids[2]}, {"number": 2, "item": ids[0]}]
    assert result["newly_marked"] == [ids[2], ids[0]]
    ws("exhibit", str(path), str(ids[2]), "--remove", env=case_env)
    listed = json.loads(ws("exhibit", str(path), str(ids[1]), "--json", env=case_env).stdout)
    # Number 1 was printed in a report: it is retired, never given to another item.
    assert [(e["number"], e["item"]) for e in listed["exhibits"]] == [(2, ids[0]), (3, ids[1])]
    actions = [e["action"] for e in _audit(path, case_env)]
    assert actions[-4:] == ["exhibit.added", "report.generated", "exhibit.removed", "exhibit.added"]


def test_errors_are_one_line(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    for args, code, words in (
        (["--out", str(tmp_path / "missing" / "r.pdf")], 1, "does not exist"),
        (["--out", str(tmp_path / "r.pdf"), "--exhibits", "999"], 2, "no item with id 999"),
        (["--out", str(tmp_path / "r.pdf"), "--sections", "summary,gossip"], 2, "gossip"),
    ):
        proc = ws("report", str(path), *args, env=case_env, check=False)
        assert proc.returncode == code, proc.stderr
        assert words in proc.stderr
        assert proc.stderr.strip().count("\n") == 0, proc.stderr
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_demo_writes_a_sample_report(tmp_path: Path, case_env: dict[str, str]) -> None:
    proc = ws("demo", "--no-gui", "--out", str(tmp_path), "--json", env=case_env)
    steps = json.loads(proc.stdout)["steps"]
    assert any(s.startswith("report: ") for s in steps), steps
    pdf = tmp_path / "demo-report.pdf"
    assert "DEMO-2026-001" in pdfcheck.text(pdf)


def test_extract_and_verify_do_not_change_the_report(report_case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    path, files = report_case
    photo = min(files)
    ws("exhibit", str(path), str(photo), env=case_env)
    first = tmp_path / "first.pdf"
    ws("report", str(path), "--out", str(first), env=case_env)

    # The verification statement's recipe: extract the original, hash it with standard tools.
    extracted = tmp_path / "exhibit.bin"
    out = json.loads(ws("extract", str(path), str(photo), "--out", str(extracted), "--json", env=case_env).stdout)
    assert extracted.read_bytes() == files[photo].read_bytes()
    assert out["sha256"] == hashlib.sha256(extracted.read_bytes()).hexdigest()
    assert out["sha256"] in pdfcheck.text(first)
    refused = ws("extract", str(path), str(photo), "--out", str(extracted), env=case_env, check=False)
    assert refused.returncode == 2 and "--force" in refused.stderr
    ws("verify", str(path), env=case_env)

    again = tmp_path / "again.pdf"
    ws("report", str(path), "--out", str(again), env=case_env)
    assert again.read_bytes() == first.read_bytes()
    actions = [e["action"] for e in _audit(path, case_env)]
    assert actions[-4:] == ["report.generated", "item.extracted", "case.verified", "report.generated"]
