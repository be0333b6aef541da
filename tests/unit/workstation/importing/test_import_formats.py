"""Each importer on real-format fixtures made by real writers, with provenance checked."""

from __future__ import annotations

import io
import json

import import_samples as S
import pytest
from PIL import Image

from workstation.search import search_items


def items_by_name(case):
    return {i["original_name"]: i for i in case.items()}


def only(case, **where):
    found = [i for i in case.items() if all(i.get(k) == v for k, v in where.items())]
    assert len(found) == 1, found
    return found[0]


def tags(case, item_id):
    return {r[0] for r in case.db.execute("SELECT tag FROM tags WHERE item_id = ?", [item_id])}


# -- images --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "name", "mime"),
    [
        ("PNG", "a.png", "image/png"),
        ("GIF", "a.gif", "image/gif"),
        ("WEBP", "a.webp", "image/webp"),
        ("BMP", "a.bmp", "image/bmp"),
        ("TIFF", "a.tif", "image/tiff"),
        ("HEIF", "a.heic", "image/heic"),
    ],
)
def test_every_image_format_gets_dimensions_and_thumbnail(tmp_path, case, do_import, fmt, name, mime):
    S.write(tmp_path / "in" / name, S.image_bytes(fmt))
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    item = only(case, kind="image")
    assert (item["width"], item["height"], item["mime"]) == (200, 150, mime)
    thumb = Image.open(io.BytesIO(case.thumbnail(item["id"])))
    assert thumb.size == (200, 150)
    if fmt == "GIF":
        assert item["metadata"]["frames"] == 3


def test_jpeg_exif_time_camera_gps_software(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "IMG_1.jpg", S.jpeg(exif=S.exif_block()))
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    exif = item["metadata"]["exif"]
    assert (exif["Make"], exif["Model"], exif["Software"]) == ("Canon", "Canon EOS 80D", "Adobe Lightroom")
    assert exif["GPS"]["latitude"] == pytest.approx(52.37, abs=0.01)
    assert exif["GPS"]["longitude"] == pytest.approx(4.89, abs=0.01)
    # camera local time 14:30 at +02:00 is 12:30 UTC
    assert (item["captured_at"], item["captured_tz"]) == ("2024-03-05T12:30:00Z", "+02:00")
    assert item["capture_method"] == "seized file"


def test_offset_derived_from_gps_time_when_camera_wrote_none(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "IMG_2.jpg", S.jpeg(exif=S.exif_block(offset=None)))
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    assert (item["captured_at"], item["captured_tz"]) == ("2024-03-05T12:30:00Z", "+02:00")


def test_local_time_without_zone_is_not_claimed_as_utc(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "IMG_3.jpg", S.jpeg(exif=S.exif_block(offset=None, gps=False)))
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    assert item["captured_at"] is None
    assert item["metadata"]["photo_taken_local"] == "2024:03:05 14:30:00"


def test_orientation_is_applied_to_the_thumbnail(tmp_path, case, do_import):
    # stored landscape 640x480 with "rotate 90" (6): the upright picture is portrait
    S.write(tmp_path / "in" / "rot.jpg", S.jpeg(exif=S.exif_block(orientation=6)))
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    assert item["metadata"]["orientation"] == 6
    thumb = Image.open(io.BytesIO(case.thumbnail(item["id"])))
    assert thumb.height > thumb.width


@pytest.mark.parametrize(
    ("info", "evidence"),
    [
        (
            {
                "XML:com.adobe.xmp": '<x:xmpmeta><exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">'
                "Screenshot</rdf:li></rdf:Alt></exif:UserComment></x:xmpmeta>"
            },
            "XMP UserComment",
        ),
        ({"Software": "gnome-screenshot"}, "Software: gnome-screenshot"),
    ],
)
def test_screenshot_tagged_when_the_format_says_so(tmp_path, case, do_import, info, evidence):
    S.write(tmp_path / "in" / "capture.png", S.png(info=info))
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    assert "screenshot" in tags(case, item["id"])
    assert item["capture_method"] == "screenshot"
    assert evidence in item["metadata"]["screenshot_evidence"]


def test_plain_png_is_not_a_screenshot(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "photo.png", S.png())
    do_import(tmp_path / "in")
    item = only(case, kind="image")
    assert tags(case, item["id"]) == set()
    assert item["capture_method"] == "seized file"


def test_wrong_extension_is_recognised_by_content(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "invoice.txt", S.jpeg())
    S.write(tmp_path / "in" / "photo.jpg", S.html_page())
    do_import(tmp_path / "in")
    assert items_by_name(case)["invoice.txt"]["kind"] == "image"
    assert items_by_name(case)["photo.jpg"]["kind"] == "page"


# -- saved HTML ----------------------------------------------------------------------------------
def test_html_page_title_visible_text_links_language(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "ad.html", S.html_page())
    do_import(tmp_path / "in")
    page = only(case, kind="page")
    assert page["title"] == "Werk in Amsterdam"
    assert S.UK in page["text"] and S.ZH in page["text"] and S.NL in page["text"]
    assert "SCRIPTTEXT" not in page["text"] and "color:red" not in page["text"]
    assert page["metadata"]["links"] == ["https://example.org/contact"]
    assert page["metadata"]["images"] == [{"src": "photo.jpg", "alt": "foto"}]
    assert page["metadata"]["language_declared"] == "nl"
    assert page["language"] in ("uk", "zh", "nl")
    assert page["capture_method"] == "saved HTML"
    assert case.blobs.read(page["sha256"]) == S.html_page()  # original bytes untouched


@pytest.mark.parametrize(
    ("charset", "text", "meta", "expected_source"),
    [
        ("windows-1251", S.UK, True, "meta"),
        ("gb2312", S.ZH, True, "meta"),
        ("shift_jis", S.JA, True, "meta"),
        ("koi8-u", S.UK * 6, False, "detected"),
        ("utf-8", S.NL + " café crème", False, "valid-utf-8"),
    ],
)
def test_page_charsets_declared_and_detected(tmp_path, case, do_import, charset, text, meta, expected_source):
    S.write(tmp_path / "in" / "p.html", S.html_page(title="x", body=text, charset=charset, meta=meta))
    do_import(tmp_path / "in")
    page = only(case, kind="page")
    assert text in page["text"]
    assert page["metadata"]["charset_source"] == expected_source


def test_utf16_page_with_bom(tmp_path, case, do_import):
    body = "<html><head><title>Робота</title></head><body><p>" + S.SENTENCE + "</p></body></html>"
    S.write(tmp_path / "in" / "p.htm", "\ufeff".encode("utf-16-le") + body.encode("utf-16-le"))
    do_import(tmp_path / "in")
    page = only(case, kind="page")
    assert page["title"] == "Робота" and S.ZH in page["text"]
    assert page["metadata"]["charset_source"] == "bom"


def test_declared_charset_that_lies_is_overridden(tmp_path, case, do_import):
    # says UTF-8, is Windows-1251 (common on old Cyrillic sites)
    doc = '<html><head><meta charset="utf-8"><title>t</title></head><body>' + S.UK * 5 + "</body></html>"
    S.write(tmp_path / "in" / "p.html", doc.encode("cp1251"))
    do_import(tmp_path / "in")
    page = only(case, kind="page")
    assert S.UK in page["text"]
    assert page["metadata"]["charset_source"] == "detected"


def test_singlefile_and_chrome_comments_give_url_and_time(tmp_path, case, do_import):
    head = (
        "<!--\n Page saved with SingleFile \n url: https://ads.example.com/ad/9 \n saved date: "
        "Tue Mar 05 2024 14:30:00 GMT+0200 (Eastern European Standard Time)\n-->"
    )
    S.write(tmp_path / "in" / "sf.html", (head + S.html_page().decode()).encode())
    S.write(
        tmp_path / "in" / "chrome.html",
        b"<!-- saved from url=(0031)https://ads.example.com/ad/10 -->\n" + S.html_page(),
    )
    do_import(tmp_path / "in")
    sf, chrome = items_by_name(case)["sf.html"], items_by_name(case)["chrome.html"]
    assert sf["source_url"] == "https://ads.example.com/ad/9"
    assert (sf["captured_at"], sf["captured_tz"]) == ("2024-03-05T12:30:00Z", "+02:00")
    assert chrome["source_url"] == "https://ads.example.com/ad/10"


def test_saved_page_files_folder_becomes_children_once(tmp_path, case, do_import):
    folder = tmp_path / "in"
    S.write(folder / "Advertentie.html", S.html_page(extra='<img src="Advertentie_files/p1.jpg">'))
    S.write(folder / "Advertentie_files" / "p1.jpg", S.jpeg(100, 80))
    S.write(folder / "Advertentie_files" / "style.css", b"body { color: red }")
    S.write(folder / "Advertentie_files" / "sub" / "p2.png", S.png(30, 30))
    S.write(folder / "other.jpg", S.jpeg(50, 50, color=(1, 2, 3)))
    result, _ = do_import(folder)
    assert result.errors == []
    page = only(case, kind="page")
    children = [i for i in case.items() if i["parent_id"] == page["id"]]
    assert sorted(c["original_name"] for c in children) == ["p1.jpg", "p2.png", "style.css"]
    assert all(c["capture_method"] == "saved HTML" for c in children)
    p1 = next(c for c in children if c["original_name"] == "p1.jpg")
    assert p1["metadata"]["referenced_as_image"] is True
    assert len(list(case.items())) == 5  # page, 3 resources, other.jpg: nothing twice


# -- MHTML ---------------------------------------------------------------------------------------
def test_mhtml_page_with_provenance_and_image_child(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "ad.mhtml", S.mhtml())
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    page = only(case, kind="page")
    assert page["capture_method"] == "MHTML"
    assert page["source_url"] == "https://ads.example.com/ad/77"
    assert (page["captured_at"], page["captured_tz"]) == ("2024-03-05T12:30:00Z", "+02:00")
    assert page["title"] == "Werk in Amsterdam"
    assert S.UK in page["text"] and S.ZH in page["text"]
    assert case.blobs.read(page["sha256"]) == (tmp_path / "in" / "ad.mhtml").read_bytes()
    image = only(case, kind="image")
    assert image["parent_id"] == page["id"]
    assert image["source_url"] == "https://ads.example.com/img/1.jpg"
    assert image["capture_method"] == "MHTML"
    assert len(list(case.items())) == 2  # the stylesheet stays inside the stored .mhtml


# -- WARC / WACZ ---------------------------------------------------------------------------------
@pytest.mark.parametrize("gz", [True, False])
def test_warc_pages_images_redirects(tmp_path, case, do_import, gz):
    S.write(tmp_path / "in" / ("c.warc.gz" if gz else "c.warc"), S.warc(gz=gz))
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    container = only(case, kind="file")
    assert container["capture_method"] == "WARC"
    assert container["metadata"]["warc"]["warcinfo"]["software"] == "Webrecorder test"
    page = only(case, kind="page")
    assert page["parent_id"] == container["id"]
    assert page["source_url"] == page["final_url"] == "https://ads.example.com/ad/77"
    assert page["metadata"]["redirected_from"] == ["https://t.example/x"]
    assert (page["captured_at"], page["captured_tz"]) == ("2024-03-05T12:30:00Z", "+00:00")
    assert page["capture_method"] == "WARC" and page["title"] == "Werk in Amsterdam"
    image = only(case, kind="image")
    assert image["parent_id"] == page["id"]  # linked although it came first in the archive
    assert image["source_url"] == "https://cdn.example.com/p/1.jpg"
    assert image["captured_at"] == "2024-03-05T12:30:01Z"
    assert image["metadata"]["linked_to_page_by"] == "image reference in the page"
    assert len(list(case.items())) == 3  # the redirect body and the stylesheet are not items


def test_wacz_imports_its_warc_and_checks_the_package_hash(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "capture.wacz", S.wacz())
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    kinds = sorted(i["kind"] for i in case.items())
    assert kinds == ["file", "file", "image", "page"]
    wacz = only(case, original_name="capture.wacz")
    assert wacz["metadata"]["wacz"]["pages"][0]["url"] == "https://ads.example.com/ad/77"
    warc = only(case, original_name="data.warc.gz")
    assert warc["parent_id"] == wacz["id"] and warc["metadata"]["wacz_hash_ok"] is True
    page = only(case, kind="page")
    assert page["capture_method"] == "WACZ" and page["source_url"] == "https://ads.example.com/ad/77"


def test_wacz_renamed_to_zip_is_still_a_wacz(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "capture.zip", S.wacz())
    do_import(tmp_path / "in")
    assert only(case, kind="page")["capture_method"] == "WACZ"


def test_wacz_with_altered_warc_is_reported(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "capture.wacz", S.wacz(tamper=True))
    result, _ = do_import(tmp_path / "in")
    assert any("does not match the SHA-256" in e["error"] for e in result.errors)
    assert only(case, original_name="data.warc.gz")["metadata"]["wacz_hash_ok"] is False


# -- PDF -----------------------------------------------------------------------------------------
def test_pdf_text_title_and_embedded_image(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "vacature.pdf", S.pdf())
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    doc = only(case, kind="document")
    assert doc["title"] == "Vacature Amsterdam"
    assert S.UK in doc["text"] and S.ZH in doc["text"] and S.NL in doc["text"]
    assert doc["metadata"]["pdf"]["pages"] == 1
    image = only(case, kind="image")
    assert image["parent_id"] == doc["id"] and image["metadata"]["pdf_page"] == 1
    assert (image["width"], image["height"]) == (200, 150)


# -- ZIP -----------------------------------------------------------------------------------------
def test_nested_zip_members_with_provenance(tmp_path, case, do_import):
    inner = S.zip_bytes({"photos/x.jpg": S.jpeg(80, 60), "chat.txt": S.SENTENCE.encode("utf-8")})
    S.write(tmp_path / "in" / "seized.zip", S.zip_bytes({"inner.zip": inner, "top.png": S.png(20, 20)}))
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    outer = only(case, original_name="seized.zip")
    inner_item = only(case, original_name="inner.zip")
    x = only(case, original_name="x.jpg")
    assert inner_item["parent_id"] == outer["id"] and x["parent_id"] == inner_item["id"]
    assert x["source_path"].endswith("seized.zip!inner.zip!photos/x.jpg")
    assert x["capture_method"] == "archive member" and x["importer"] == "zip/zip/image"
    chat = only(case, original_name="chat.txt")
    assert chat["text"] == S.SENTENCE and chat["language"] is not None


def test_office_documents_are_kept_whole_not_unpacked(tmp_path, case, do_import):
    S.write(
        tmp_path / "in" / "cv.docx", S.zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    )
    do_import(tmp_path / "in")
    assert [i["original_name"] for i in case.items()] == ["cv.docx"]


# -- searchable in every format ------------------------------------------------------------------
FORMATS = {
    "page.html": lambda: S.html_page(),
    "page.mhtml": lambda: S.mhtml(),
    "capture.warc.gz": lambda: S.warc(),
    "capture.wacz": lambda: S.wacz(),
    "doc.pdf": lambda: S.pdf(with_image=False),
    "chat.zip": lambda: S.zip_bytes({"chat.txt": S.SENTENCE.encode("utf-8")}),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_ukrainian_chinese_dutch_searchable_in_each_format(tmp_path, case, do_import, name):
    S.write(tmp_path / "in" / name, FORMATS[name]())
    do_import(tmp_path / "in")
    for query in ("шукають роботу", "高薪", "提供高薪工作", "horeca", "HORECA", "дівчата"):
        hits = search_items(case, query)
        assert hits, (name, query)
        assert hits[0]["kind"] in ("page", "document", "file")
        assert "[" in hits[0]["snippet"]


def test_japanese_without_spaces_is_searchable(tmp_path, case, do_import):
    S.write(tmp_path / "in" / "jp.html", S.html_page(body=S.JA, lang="ja"))
    do_import(tmp_path / "in")
    page = only(case, kind="page")
    assert page["language"] == "ja"
    assert [h["id"] for h in search_items(case, "探している")] == [page["id"]]
    assert json.dumps(search_items(case, "仕事"), ensure_ascii=False).count("仕事") >= 1


def test_heic_keeps_exif_and_capture_time(tmp_path, case, do_import):
    import pillow_heif

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    Image.new("RGB", (96, 64), (30, 90, 150)).save(buf, "HEIF", exif=S.exif_block().tobytes())
    S.write(tmp_path / "in" / "IMG_0042.HEIC", buf.getvalue())
    result, _ = do_import(tmp_path / "in")
    assert result.errors == []
    item = only(case, kind="image")
    assert item["mime"] == "image/heic" and (item["width"], item["height"]) == (96, 64)
    assert item["metadata"]["exif"]["Model"] == "Canon EOS 80D"
    assert item["captured_at"] == "2024-03-05T12:30:00Z"
