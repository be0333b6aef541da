"""Real-format fixtures made by real writers: Pillow, pillow-heif, warcio, email, reportlab, zipfile.

The multilingual sentence appears in every format so each one can be shown searchable.
"""

from __future__ import annotations

import email.charset
import gzip
import io
import json
import zipfile
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from PIL import Image

UK = "Дівчата шукають роботу в Амстердамі"
ZH = "我们提供高薪工作包吃住"
NL = "Wij zoeken meisjes voor werk in de horeca"
JA = "仕事を探している女性を募集しています"
SENTENCE = f"{UK}. {ZH}. {NL}."


def jpeg(w=640, h=480, color=(180, 40, 40), exif=None, quality=90) -> bytes:
    img = Image.new("RGB", (w, h), color)
    # a gradient so thumbnails and orientation are checkable
    for x in range(0, w, 8):
        for y in range(0, h // 4):
            img.putpixel((x, y), (0, 0, 255))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, exif=exif if exif is not None else b"")
    return buf.getvalue()


def exif_block(*, orientation=1, gps=True, offset="+02:00", software="Adobe Lightroom", comment=None) -> Image.Exif:
    from PIL import ExifTags

    ex = Image.Exif()
    ex[ExifTags.Base.Make] = "Canon"
    ex[ExifTags.Base.Model] = "Canon EOS 80D"
    ex[ExifTags.Base.Software] = software
    ex[ExifTags.Base.Orientation] = orientation
    ex[ExifTags.Base.DateTime] = "2024:03:05 14:30:00"
    ifd = ex.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.DateTimeOriginal] = "2024:03:05 14:30:00"
    if offset:
        ifd[ExifTags.Base.OffsetTimeOriginal] = offset
    if comment:
        ifd[ExifTags.Base.UserComment] = b"ASCII\x00\x00\x00" + comment.encode()
    if gps:
        g = ex.get_ifd(ExifTags.IFD.GPSInfo)
        g[1] = "N"
        g[2] = (52.0, 22.0, 12.0)
        g[3] = "E"
        g[4] = (4.0, 53.0, 24.0)
        g[7] = (12.0, 30.0, 0.0)
        g[29] = "2024:03:05"
    return ex


def png(w=320, h=200, info=None) -> bytes:
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    for k, v in (info or {}).items():
        meta.add_itxt(k, v) if k.startswith("XML") else meta.add_text(k, v)
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (10, 120, 10)).save(buf, "PNG", pnginfo=meta)
    return buf.getvalue()


def image_bytes(fmt: str, w=200, h=150) -> bytes:
    buf = io.BytesIO()
    if fmt == "GIF":
        frames = [Image.new("RGB", (w, h), (i * 80, 0, 255 - i * 80)) for i in range(3)]
        frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    elif fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
        Image.new("RGB", (w, h), (90, 30, 200)).save(buf, "HEIF", quality=80)
    else:
        Image.new("RGB", (w, h), (90, 30, 200)).save(buf, fmt)
    return buf.getvalue()


def html_page(title="Werk in Amsterdam", body=SENTENCE, charset="utf-8", meta=True, lang="nl", extra="") -> bytes:
    head = f'<meta charset="{charset}">' if meta else ""
    doc = (
        f'<!DOCTYPE html><html lang="{lang}"><head>{head}<title>{title}</title>'
        "<style>body{color:red}</style><script>var hidden='SCRIPTTEXT';</script></head>"
        f"<body><h1>{title}</h1><p>{body}</p>"
        '<a href="https://example.org/contact">Contact</a>'
        f'<img src="photo.jpg" alt="foto">{extra}</body></html>'
    )
    return doc.encode(charset)


def mhtml(
    html: bytes | None = None,
    image: bytes | None = None,
    *,
    url="https://ads.example.com/ad/77",
    date="Tue, 05 Mar 2024 14:30:00 +0200",
    boundary="----MultipartBoundary--abc123",
) -> bytes:
    html = html or html_page(extra='<img src="https://ads.example.com/img/1.jpg">')
    root = MIMEMultipart("related", boundary=boundary, type="text/html")
    root["From"] = "<Saved by Blink>"
    root["Snapshot-Content-Location"] = url
    root["Subject"] = "=?utf-8?Q?Werk_in_Amsterdam?="
    root["Date"] = date
    qp = email.charset.Charset("utf-8")
    qp.body_encoding = email.charset.QP  # as Chrome writes the HTML part: quoted-printable
    part = MIMEText(html.decode("utf-8"), "html", qp)
    part["Content-Location"] = url
    root.attach(part)
    img = MIMEBase("image", "jpeg")
    img.set_payload(image or jpeg(120, 90))
    encoders.encode_base64(img)
    img["Content-Location"] = "https://ads.example.com/img/1.jpg"
    root.attach(img)
    css = MIMEText("body{}", "css")
    css["Content-Location"] = "https://ads.example.com/s.css"
    root.attach(css)
    return root.as_bytes()


def warc(*, gz=True, page=None, image=None, url="https://ads.example.com/ad/77") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("capture.warc", {"software": "Webrecorder test"}))
    img_url = "https://cdn.example.com/p/1.jpg"
    page = page or html_page(extra=f'<img src="{img_url}">')
    image = image or jpeg(160, 120)
    # the image comes first: linking must not depend on record order
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            img_url,
            "response",
            payload=io.BytesIO(image),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-05T12:30:01Z"},
        )
    )
    redirect = StatusAndHeaders(
        "301 Moved Permanently", [("Location", url), ("Content-Type", "text/html")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://t.example/x",
            "response",
            payload=io.BytesIO(b"<html>moved</html>"),
            http_headers=redirect,
            warc_headers_dict={"WARC-Date": "2024-03-05T12:29:59Z"},
        )
    )
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(page),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-05T12:30:00Z"},
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://ads.example.com/s.css",
            "response",
            payload=io.BytesIO(b"body{}"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1"),
        )
    )
    return out.getvalue()


def wacz(warc_bytes: bytes | None = None, *, tamper=False) -> bytes:
    import hashlib

    warc_bytes = warc_bytes or warc()
    digest = hashlib.sha256(warc_bytes).hexdigest()
    package = {
        "profile": "data-package",
        "wacz_version": "1.1.1",
        "title": "Ad capture",
        "created": "2024-03-05T12:31:00Z",
        "software": "test-writer",
        "resources": [
            {
                "name": "data.warc.gz",
                "path": "archive/data.warc.gz",
                "hash": f"sha256:{'0' * 64 if tamper else digest}",
                "bytes": len(warc_bytes),
            }
        ],
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("archive/data.warc.gz"), warc_bytes)  # stored, as the spec says
        z.writestr(
            "pages/pages.jsonl",
            '{"format": "json-pages-1.0"}\n'
            + json.dumps(
                {"url": "https://ads.example.com/ad/77", "ts": "2024-03-05T12:30:00Z", "title": "Werk in Amsterdam"}
            )
            + "\n",
        )
        z.writestr("datapackage.json", json.dumps(package))
    return buf.getvalue()


def pdf(text: str = SENTENCE, with_image: bool = True) -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setTitle("Vacature Amsterdam")
    c.setFont("STSong-Light", 11)
    y = 800
    for line in text.split(". "):
        c.drawString(40, y, line)
        y -= 20
    if with_image:
        c.drawImage(ImageReader(io.BytesIO(jpeg(200, 150, color=(20, 160, 200)))), 40, 400, 200, 150)
    c.showPage()
    c.save()
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
