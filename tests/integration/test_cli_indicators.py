"""Indicators and selectors through the CLI, in real subprocesses against a real encrypted case."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image, ImageDraw, ImageFont

from workstation import ocr

AD_NL = (
    "Nieuw in Amsterdam! Jonge Oekraïense meid, 100% echte foto's, privé ontvangst. "
    "Bel nul zes een twee drie vier vijf zes zeven acht. Telegram: @anna_ams"
)
AD_EN = "Escort Rotterdam tonight, 24/7. Call 06-12345678 or t.me/anna_ams. Bitcoin 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
JOB = "Productiemedewerker gezocht. Geen ervaring nodig. Vast contract, €14,50 per uur. Bel 020 123 4567."


def ws(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"workstation {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def js(*args: str, env: dict[str, str]):  # type: ignore[no-untyped-def]
    out = json.loads(ws(*args, "--json", env=env).stdout)
    # List commands wrap their rows the way `items --json` does: {"annotations": [...]}.
    if args[0] in ("annotations", "selectors"):
        assert isinstance(out, dict) and isinstance(out[args[0]], list)
        return out[args[0]]
    return out


@pytest.fixture
def env(case_env: dict[str, str]) -> dict[str, str]:
    return dict(case_env, WORKSTATION_OCR="off")


@pytest.fixture
def ads_case(tmp_path: Path, env: dict[str, str]) -> Path:
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "ad_nl.txt").write_text(AD_NL, encoding="utf-8")
    (folder / "ad_en.txt").write_text(AD_EN, encoding="utf-8")
    (folder / "job.txt").write_text(JOB, encoding="utf-8")
    path = tmp_path / "ads.case"
    ws("new", str(path), "--title", "Ads", "--region", "NL", "--analyst", "Ann", env=env)
    ws("import", str(path), str(folder), env=env)
    return path


def item_ids(case: Path, env: dict[str, str]) -> dict[str, int]:
    return {i["original_name"]: i["id"] for i in js("items", str(case), env=env)["items"]}


def test_indicators_listing_needs_no_case(env: dict[str, str]) -> None:
    out = js("indicators", env=env)
    codes = {i["code"] for i in out["indicators"]}
    assert {"MIN-01", "SEX-05", "TEC-01", "LAB-01"} <= codes and len(codes) >= 30
    for ind in out["indicators"]:
        assert set(ind) >= {"code", "category", "label", "source"}
        assert ind["label"]["en"] and ind["label"]["nl"] and ind["source"]
    text = ws("indicators", "--language", "nl", "--category", "minors", env=env).stdout
    assert "Taal die jeugdigheid suggereert" in text and "REC-01" not in text


def test_import_suggests_indicators_with_spans(ads_case: Path, env: dict[str, str]) -> None:
    ids = item_ids(ads_case, env)
    anns = js("annotations", str(ads_case), "--item", str(ids["ad_nl.txt"]), env=env)
    by_code = {a["indicator"]: a for a in anns}
    assert {"SEX-05", "MIN-01", "SEX-03", "SEX-04", "SEX-01", "TEC-01"} <= set(by_code)
    for a in anns:
        assert set(a) >= {"item", "indicator", "status", "note"} and ("span" in a or "region" in a)
        assert a["status"] == "suggested" and a["origin"] == "machine" and a["item"] == ids["ad_nl.txt"]
        span = a["span"]
        assert AD_NL[span["start"] : span["end"]] == span["text"]
    assert by_code["MIN-01"]["span"]["text"].startswith("Jonge Oekraïense")
    # The genuine job ad gets nothing, not even for "geen ervaring nodig".
    assert js("annotations", str(ads_case), "--item", str(ids["job.txt"]), env=env) == []


def test_annotate_confirm_reject_and_audit(ads_case: Path, env: dict[str, str]) -> None:
    ids = item_ids(ads_case, env)
    nl = ids["ad_nl.txt"]
    anns = {a["indicator"]: a for a in js("annotations", str(ads_case), "--item", str(nl), env=env)}
    ws("annotate", str(ads_case), "--confirm", str(anns["MIN-01"]["id"]), "--note", "checked photos", env=env)
    ws("review", str(ads_case), str(anns["SEX-05"]["id"]), "--reject", "--note", "not predictive", env=env)
    own = js("annotate", str(ads_case), str(nl), "--indicator", "LAB-01", "--note", "chat says so", env=env)
    assert own["status"] == "confirmed" and own["origin"] == "analyst" and own["note"] == "chat says so"
    confirmed = js("annotations", str(ads_case), "--status", "confirmed", env=env)
    assert {(a["indicator"], a["note"]) for a in confirmed} == {
        ("MIN-01", "checked photos"),
        ("LAB-01", "chat says so"),
    }
    rejected = js("annotations", str(ads_case), "--status", "rejected", env=env)
    assert [a["indicator"] for a in rejected] == ["SEX-05"]
    score = js("score", str(ads_case), str(nl), env=env)
    assert "SEX-05" not in [c["code"] for c in score["contributions"]]
    assert score["confirmed_score"] == pytest.approx(1 - (1 - 0.5) * (1 - 0.7), abs=1e-3)
    actions = [e["action"] for e in js("audit", str(ads_case), env=env)["entries"]]
    assert {
        "indicators.scanned",
        "indicators.taxonomy_used",
        "annotation.confirmed",
        "annotation.rejected",
        "annotation.added",
    } <= set(actions)


def test_region_annotation_on_an_image(tmp_path: Path, env: dict[str, str]) -> None:
    from tests.conftest import make_jpeg

    path = tmp_path / "img.case"
    ws("new", str(path), "--title", "Images", "--region", "NL", env=env)
    ws("import", str(path), str(make_jpeg(tmp_path / "photo.jpg", seed=2)), env=env)
    item = js("items", str(path), env=env)["items"][0]["id"]
    row = js("annotate", str(path), str(item), "--indicator", "MIN-01", "--region", "10,20,100,80", env=env)
    assert row["region"] == {"x": 10, "y": 20, "w": 100, "h": 80}
    listed = js("annotations", str(path), "--item", str(item), env=env)
    assert listed[0]["region"] == {"x": 10, "y": 20, "w": 100, "h": 80} and "span" not in listed[0]
    bad = ws(
        "annotate", str(path), str(item), "--indicator", "MIN-01", "--region", "300,200,100,100", env=env, check=False
    )
    assert bad.returncode != 0 and "outside" in bad.stderr and "Traceback" not in bad.stderr
    bad = ws("annotate", str(path), str(item), "--indicator", "NOPE-99", env=env, check=False)
    assert bad.returncode != 0 and "unknown indicator code" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_selectors_link_items_across_platforms(ads_case: Path, env: dict[str, str], tmp_path: Path) -> None:
    ids = item_ids(ads_case, env)
    rows = js("selectors", str(ads_case), env=env)
    assert rows[0]["kind"] in ("phone", "handle") and len(rows[0]["items"]) == 2  # most-linked first
    by_value = {r["value"]: r for r in rows}
    phone = by_value["+31612345678"]  # spelled out in one ad, written normally in the other
    assert phone["kind"] == "phone" and phone["items"] == sorted([ids["ad_nl.txt"], ids["ad_en.txt"]])
    assert phone["obscured"] is True
    assert set(phone) >= {"kind", "value", "items", "platforms", "first_seen", "last_seen"}
    assert phone["first_seen"] <= phone["last_seen"]
    assert by_value["@anna_ams"]["platforms"] == ["telegram"]
    assert by_value["+31201234567"]["items"] == [ids["job.txt"]]
    assert by_value["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"]["platforms"] == ["bitcoin"]
    linked = js("selectors", str(ads_case), "--min-items", "2", env=env)
    assert {r["value"] for r in linked} == {"+31612345678", "@anna_ams"}
    graph_file = tmp_path / "links.graphml"
    ws("selectors", str(ads_case), "--graphml", str(graph_file), env=env)
    g = nx.read_graphml(graph_file)
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"item", "selector", "platform"}
    assert g.has_edge("selector:phone:+31612345678", f"item:{ids['ad_nl.txt']}")
    assert g.has_edge("selector:handle:@anna_ams", "platform:telegram")
    on_item = js("selectors", str(ads_case), "--item", str(ids["ad_nl.txt"]), env=env)
    spelled = next(s for s in on_item if s["kind"] == "phone")
    assert spelled["raw"].startswith("nul zes") and spelled["linked_items"] == 2 and "Bel nul zes" in spelled["context"]


def test_rescan_is_idempotent_and_custom_indicators_join(ads_case: Path, env: dict[str, str]) -> None:
    first = js("scan", str(ads_case), env=env)
    assert first["items"] == 3 and first["suggestions_added"] == 0 and first["selector_links_added"] == 0
    ws(
        "custom-indicator",
        str(ads_case),
        "CASE-01",
        "--label",
        "Code word 'tonight'",
        "--category",
        "sexual_exploitation",
        "--pattern",
        "en:tonight",
        "--weight",
        "0.1",
        env=env,
    )
    assert "CASE-01" in {i["code"] for i in js("indicators", "--case", str(ads_case), env=env)["indicators"]}
    second = js("scan", str(ads_case), env=env)
    assert second["suggestions_added"] == 1
    custom = [a for a in js("annotations", str(ads_case), env=env) if a["indicator"] == "CASE-01"]
    assert len(custom) == 1 and custom[0]["span"]["text"] == "tonight"
    bad = ws(
        "custom-indicator",
        str(ads_case),
        "CASE-02",
        "--label",
        "x",
        "--category",
        "minors",
        "--pattern",
        "en:(broken",
        env=env,
        check=False,
    )
    assert bad.returncode != 0 and "bad pattern" in bad.stderr


@pytest.mark.skipif(not ocr.status().available, reason="Tesseract is not installed")
def test_ocr_at_import_finds_a_number_on_a_screenshot(tmp_path: Path, case_env: dict[str, str]) -> None:
    img = Image.new("RGB", (720, 240), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=32)
    draw.text((20, 30), "Escort Utrecht, real photos", fill="black", font=font)
    draw.text((20, 110), "WhatsApp 06 12 34 56 78", fill="black", font=font)
    shot = tmp_path / "screenshot_ad.png"
    img.save(shot)
    path = tmp_path / "ocr.case"
    env = dict(case_env, WORKSTATION_OCR="auto")
    ws("new", str(path), "--title", "OCR", "--region", "NL", env=env)
    ws("import", str(path), str(shot), env=env)
    sels = js("selectors", str(path), "--item", "1", env=env)
    phone = [s for s in sels if s["kind"] == "phone"]
    assert phone and phone[0]["value"] == "+31612345678" and phone[0]["source"] == "ocr"
    assert phone[0]["platform"] == "whatsapp"
    anns = {a["indicator"]: a for a in js("annotations", str(path), "--item", "1", env=env)}
    assert anns["SEX-01"]["span"]["field"] == "ocr" and "region" in anns["SEX-01"]  # boxed on the image


def test_ocr_absent_is_a_clear_notice_not_a_failure(ads_case: Path, env: dict[str, str]) -> None:
    no_ocr = dict(env, WORKSTATION_TESSERACT="")
    st = ws("ocr-status", env=no_ocr, check=False)
    assert st.returncode == 1 and "install Tesseract" in st.stdout
    scan = ws("scan", str(ads_case), "--ocr", env=no_ocr)
    assert "install Tesseract" in scan.stderr
