"""#22: items from a WARC/WACZ are named by page title or address and capture time, not "77"."""

from __future__ import annotations

from pathlib import Path

from tests.unit.workstation.importing import import_samples as S
from workstation.importing.warc import page_name, resource_name


def test_names_from_title_address_and_time() -> None:
    assert page_name("Werk in  Amsterdam", "https://www.ads.example.com/ad/77", "2024-03-05T12:30:00Z") == (
        "Werk in Amsterdam (ads.example.com/ad/77, 2024-03-05 12:30 UTC)"
    )
    assert page_name("", "https://ads.example.com/ad/1001?p=2", None) == "ads.example.com/ad/1001?p=2"
    assert resource_name("https://cdn.example.com/p/1.jpg", "2024-03-05T12:30:01Z") == "1.jpg"
    named = resource_name("https://cdn.example.com/i/77", "2024-03-05T12:30:01Z")
    assert named == "cdn.example.com/i/77 (2024-03-05 12:30 UTC)"


def test_warc_and_wacz_items_are_named_readably_and_reimport_resumes(tmp_path: Path, case, do_import) -> None:  # type: ignore[no-untyped-def]
    S.write(tmp_path / "in" / "c.warc.gz", S.warc())
    S.write(tmp_path / "in" / "capture.wacz", S.wacz(S.warc(url="https://ads.example.com/ad/1001")))
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    pages = sorted(i["original_name"] for i in case.items() if i["kind"] == "page")
    assert pages == [
        "Werk in Amsterdam (ads.example.com/ad/1001, 2024-03-05 12:30 UTC)",
        "Werk in Amsterdam (ads.example.com/ad/77, 2024-03-05 12:30 UTC)",
    ]
    assert not any(i["original_name"].isdigit() for i in case.items())
    again, _ = do_import(tmp_path / "in")
    assert again.imported == 0  # an existing case resumes: names are not part of an item's identity
