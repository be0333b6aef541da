"""Write resources/demo/captures/: synthetic captures of one invented job ad, in three formats.

Run once by the team (the outputs are committed): a saved page with its _files folder, the same
ad as Chrome would save it as MHTML, and a WARC.gz as a capture tool would write it. The photo is
one of the synthetic demo photos, so the demo shows the same picture found across formats.
Phone numbers are from Ofcom's range reserved for drama (07700 900xxx).
"""

from __future__ import annotations

import email.charset
import io
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "demo" / "captures"
PHOTO = OUT / "vacature_8841_files" / "8841.jpg"  # written from the synthetic job-ad photo
URL = "https://jobs.example.net/vacature/8841"
IMG_URL = "https://cdn.example.net/i/8841.jpg"

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Vacature: hostess in Amsterdam — Робота в Амстердамі</title>
<style>.x{{display:none}}</style><script>var tracking = "not visible";</script></head>
<body><h1>Hostess gezocht / Шукаємо хостес / 招聘女招待</h1>
<p>Wij zoeken jonge vrouwen voor werk in de horeca in Amsterdam. Huisvesting geregeld, reis betaald.</p>
<p>Шукаємо дівчат 18-25 років для роботи в Нідерландах. Житло та квитки оплачуємо. Документи не потрібні.</p>
<p>我们提供高薪工作，包吃住，无需语言能力。请通过WhatsApp联系。</p>
<p>Contact: WhatsApp +44 7700 900123, Telegram @demo_recruiter_nl</p>
<img src="{img}" alt="foto">
</body></html>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    # The ad's own photo; resources/demo/photos/job_offer_bright.jpg is a brighter re-post of it.
    from workstation.dedup.synthetic import job_offer_ad_photo

    PHOTO.parent.mkdir(parents=True, exist_ok=True)
    job_offer_ad_photo().convert("RGB").save(PHOTO, "JPEG", quality=78, optimize=True)
    photo = PHOTO.read_bytes()
    # 1. "Save page as... complete": page + folder
    (OUT / "vacature_8841.html").write_text(
        f"<!-- saved from url=({len(URL):04d}){URL} -->\n" + PAGE.format(img="vacature_8841_files/8841.jpg"),
        encoding="utf-8",
    )
    # 2. Chrome MHTML
    root = MIMEMultipart("related", boundary="----MultipartBoundary--demo8841", type="text/html")
    root["From"] = "<Saved by Blink>"
    root["Snapshot-Content-Location"] = URL
    root["Subject"] = "Vacature: hostess in Amsterdam"
    root["Date"] = "Tue, 05 Mar 2024 14:30:00 +0100"
    qp = email.charset.Charset("utf-8")
    qp.body_encoding = email.charset.QP
    part = MIMEText(PAGE.format(img=IMG_URL), "html", qp)
    part["Content-Location"] = URL
    root.attach(part)
    img = MIMEBase("image", "jpeg")
    img.set_payload(photo)
    encoders.encode_base64(img)
    img["Content-Location"] = IMG_URL
    root.attach(img)
    (OUT / "vacature_8841.mhtml").write_bytes(root.as_bytes())
    # 3. WARC.gz, with a short link that redirects to the ad
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("vacature_8841.warc.gz", {"software": "demo capture (warcio)"}))
    short = "https://sho.example.net/a8841"
    writer.write_record(
        writer.create_warc_record(
            short,
            "response",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("302 Found", [("Location", URL)], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-03-05T13:29:58Z"},
        )
    )
    writer.write_record(
        writer.create_warc_record(
            URL,
            "response",
            payload=io.BytesIO(PAGE.format(img=IMG_URL).encode("utf-8")),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            ),
            warc_headers_dict={"WARC-Date": "2024-03-05T13:30:00Z"},
        )
    )
    writer.write_record(
        writer.create_warc_record(
            IMG_URL,
            "response",
            payload=io.BytesIO(photo),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-03-05T13:30:01Z"},
        )
    )
    (OUT / "vacature_8841.warc.gz").write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
