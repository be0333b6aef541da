"""Video accuracy on videos made from real photographs: photos found inside videos, copies linked.

For each half of the Debian wallpaper photos (``dev``: the first half, looked at while choosing
the detector's thresholds; ``held-out``: the second half, never looked at before this run):

- slideshows of 4 photos each (2.5 s per photo, a slow zoom to 108 %, 0.6 s cross-fades, 640x360);
- of each slideshow: a re-encode at 320x180 and a low bitrate, a copy trimmed at both ends, a
  mirrored copy, and a mirrored portrait "story" (360x640, the photos letterboxed and mirrored);
- unrelated slideshows of photos that are in no other video, as negatives;
- the photos themselves as stills (the full-size JPEG), plus stills shown in no video;
- promo videos with a phone number burned in as a caption (OCR).

Everything is imported into one case (`run_import`, 2 workers) and measured: every photo shown for
≥ 2 s found in each video that shows it (a keyframe in the still's dedup cluster); every copy
linked to its source by `video-matches`; no link between unrelated videos, no photo clustered
with a video that does not show it; phone numbers found in frames.

Run: ``PYTHONPATH=. python -m benchmarks.video_accuracy [--photos 56]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import dedup_data
from workstation.case import Case
from workstation.video import synthetic as syn

PASS = "benchmark passphrase"
PHONES = ["+31 6 2345 6789", "+44 7911 123456", "+49 151 2345 6789"]


def _make(root: Path, photos: list[Path], half: str) -> dict:
    pics = [dedup_data.load(p, max_side=1280) for p in photos]
    plan: dict = {"videos": {}, "stills": {}, "families": [], "aspect": {}, "crop": {}}
    for i, pic in enumerate(pics):
        ratio = pic.width / pic.height
        plan["aspect"][f"{half}_p{i}"] = round(ratio, 2)
        # share of the photo a 16:9 frame cuts away when it is filled (the slideshows fill)
        plan["crop"][f"{half}_p{i}"] = round(abs(1 - min(ratio / (16 / 9), (16 / 9) / ratio)), 3)
    n_shows = len(pics) // 2 // 4  # half the photos go into slideshows, 4 each
    shown = pics[: n_shows * 4]
    unshown = pics[n_shows * 4 :]
    for s in range(n_shows):
        group = list(range(s * 4, s * 4 + 4))
        slides = [syn.Slide(shown[i], 2.5, zoom=1.08) for i in group]
        base = root / f"{half}_show{s}.mp4"
        syn.slideshow(base, slides, size=(640, 360), fps=15, fade=0.6)
        family = [base.name]
        plan["videos"][base.name] = {"photos": [f"{half}_p{i}" for i in group]}
        variants = {
            "reencoded": dict(size=(320, 180), bit_rate=150_000, fps=15),
            "trimmed": dict(start=1.7, end=8.3),
            "mirrored": dict(mirror=True, bit_rate=400_000),
        }
        for name, kw in variants.items():
            dst = root / f"{half}_show{s}_{name}.mp4"
            syn.transcode(base, dst, **kw)  # type: ignore[arg-type]
            photos_in = [f"{half}_p{i}" for i in group]
            brief = []
            if name == "trimmed":  # 1.7-8.3 s: the 4th photo (7.5-10 s) shows only 0.8 s
                photos_in, brief = photos_in[:3], photos_in[3:]
            plan["videos"][dst.name] = {"photos": photos_in, "brief": brief}
            family.append(dst.name)
        story = root / f"{half}_show{s}_story.mp4"
        syn.slideshow(story, slides, size=(360, 640), fps=15, story=True, mirror=True, fade=0.6)
        plan["videos"][story.name] = {"photos": [f"{half}_p{i}" for i in group], "story": True}
        plan["families"].append(family)
    # unrelated negatives: slideshows of photos that are in no other video and no still
    neg = unshown[: max(4, len(unshown) // 2)]
    for s in range(0, len(neg) - 3, 4):
        path = root / f"{half}_unrelated{s // 4}.mp4"
        syn.slideshow(path, [syn.Slide(p, 2.5, zoom=1.08) for p in neg[s : s + 4]], size=(640, 360), fps=15, fade=0.6)
        plan["videos"][path.name] = {"photos": [], "unrelated": True}
    for i, pic in enumerate(shown):
        path = root / f"{half}_p{i}.jpg"
        pic.save(path, quality=90)
        plan["stills"][path.name] = f"{half}_p{i}"
    rest = unshown[len(neg) :]
    for i, pic in enumerate(rest):
        path = root / f"{half}_unshown{i}.jpg"
        pic.save(path, quality=90)
        plan["stills"][path.name] = None
    return plan


def _promos(root: Path, photos: list[Path]) -> dict[str, str]:
    """Promo videos from photos used nowhere else (so they are negatives for the links too)."""
    out = {}
    for n, phone in enumerate(PHONES):
        pics = [dedup_data.load(p, max_side=1280) for p in photos[n * 2 : n * 2 + 2]]
        path = root / f"promo{n}.mp4"
        syn.slideshow(
            path,
            [syn.Slide(pics[0], 2.5), syn.Slide(pics[1], 3.0, caption=f"WhatsApp {phone}")],
            size=(1280, 720),
            fps=25,
        )
        out[path.name] = "+" + "".join(c for c in phone if c.isdigit())
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=56)
    args = ap.parse_args()
    os.environ.setdefault("WORKSTATION_OCR", "auto")
    photos = dedup_data.photo_paths()[: args.photos]
    half = len(photos) // 2
    from workstation.dedup import service as dedup
    from workstation.importing.ocrstage import run_ocr_stage
    from workstation.importing.pipeline import run_import
    from workstation.video import service as video

    with tempfile.TemporaryDirectory(dir=Path(__file__).parent / "data") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        t0 = time.monotonic()
        plans = {"dev": _make(root / "in", photos[:half], "dev"), "held-out": _make(root / "in", photos[half:], "held")}
        promos = _promos(root / "in", dedup_data.photo_paths()[args.photos : args.photos + 6])
        made = time.monotonic() - t0
        case = Case.create(root / "bench.case", PASS, title="video bench")
        t1 = time.monotonic()
        cpu0 = time.process_time()
        result = run_import(case, [root / "in"], workers=2)
        imported = time.monotonic() - t1
        ocr = run_ocr_stage(case)
        names = {i["id"]: i["original_name"] for i in result.items}
        ids = {v: k for k, v in names.items()}
        clusters = dedup.clusters_for_case(case)
        links = video.video_matches(case)
        report: dict = {
            "made_s": round(made, 1),
            "import_s": round(imported, 1),
            "import_cpu_main_s": round(time.process_time() - cpu0, 1),
            "errors": result.errors,
            "ocr": {"read": ocr.read, "with_text": ocr.with_text},
        }
        linked = {tuple(sorted((names[lk.video_a], names[lk.video_b]))) for lk in links}
        for label, plan in plans.items():
            found, expected, misses = 0, 0, []
            by_kind: dict[str, list[int]] = {}
            false_photo = 0
            diagnostics: list[dict] = []
            for vname, spec in plan["videos"].items():
                kind = "story" if spec.get("story") else vname.split("_")[-1].removesuffix(".mp4")
                kind = "original" if kind.startswith("show") else kind
                kind = "unrelated" if spec.get("unrelated") else kind
                vid = ids[vname]
                for cluster in clusters:
                    stills = {plan["stills"].get(names.get(m["id"], "")) for m in cluster} - {None}
                    in_video = any(m.get("video_id") == vid for m in cluster)
                    shown_at_all = set(spec["photos"]) | set(spec.get("brief", []))
                    if in_video and stills - shown_at_all:
                        false_photo += 1
                        diagnostics.append(
                            {
                                "video": vname,
                                "stills_not_in_it": sorted(stills - shown_at_all),
                                "members": [
                                    [names.get(m["id"]), m.get("timecode"), m["distance"], m["transformation"]]
                                    for m in cluster
                                ],
                            }
                        )
                for photo in spec["photos"]:
                    expected += 1
                    hit = any(
                        any(m.get("video_id") == vid for m in c)
                        and any(plan["stills"].get(names.get(m["id"], "")) == photo for m in c)
                        for c in clusters
                    )
                    found += hit
                    by_kind.setdefault(kind, [0, 0])
                    by_kind[kind][0] += hit
                    by_kind[kind][1] += 1
                    if not hit:
                        misses.append(f"{photo} in {vname} (aspect {plan['aspect'][photo]})")
                    by_crop = "fill crop > 20 %" if plan["crop"][photo] > 0.2 else "fill crop <= 20 %"
                    if kind != "story":
                        by_kind.setdefault(by_crop, [0, 0])
                        by_kind[by_crop][0] += hit
                        by_kind[by_crop][1] += 1
            unshown_clustered = sum(
                1
                for c in clusters
                for m in c
                if names.get(m["id"], "") in plan["stills"]
                and plan["stills"][names[m["id"]]] is None
                and any("timecode" in x for x in c)
            )
            want_pairs = {tuple(sorted((a, b))) for fam in plan["families"] for a in fam for b in fam if a < b}
            got = {p for p in linked if p[0].startswith(label[:4]) or p[1].startswith(label[:4])}
            family_of = {v: n for n, fam in enumerate(plan["families"]) for v in fam}
            story_of = {v: int(v.split("_show")[1].split("_")[0]) for v in plan["videos"] if "_story" in v}
            false_links = []
            for a, b in got:
                fa = family_of.get(a, story_of.get(a, f"x{a}"))
                fb = family_of.get(b, story_of.get(b, f"y{b}"))
                if fa != fb:
                    false_links.append((a, b))
            report[label] = {
                "photos_in_videos_found": f"{found}/{expected}",
                "by_variant": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_kind.items())},
                "copies_linked": f"{len(want_pairs & got)}/{len(want_pairs)}",
                "missed_links": sorted(want_pairs - got)[:10],
                "false_video_links": false_links,
                "false_photo_in_video": false_photo,
                "unshown_stills_clustered_with_frames": unshown_clustered,
                "misses": misses[:10],
                "false_photo_details": diagnostics[:6],
            }
        phones_found = 0
        ocr_seen = {}
        for vname, phone in promos.items():
            frames = video.keyframes(case, ids[vname])
            if any(s["value"] == phone for k in frames for s in k.selectors):
                phones_found += 1
            ocr_seen[vname] = [(k.timecode_text, k.text_overlay, (k.ocr_text or "")[:80]) for k in frames]
        report["ocr_of_promo_frames"] = ocr_seen
        report["phones_in_frames_found"] = f"{phones_found}/{len(promos)}"
        report["videos"] = len(video.video_ids(case))
        report["frames"] = case.db.execute("SELECT count(*) FROM items WHERE kind = 'frame'").fetchone()[0]
        case.close()
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
