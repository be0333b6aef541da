"""Video commands: video-matches (the same clip re-encoded, resized, trimmed or mirrored) and
video-info (metadata, keyframes with timecodes and what was read and found in them)."""

from __future__ import annotations

import argparse

from workstation.commands._common import add_case_argument, add_json_flag, open_case, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "video-matches", help="videos that show the same clip (re-encoded, resized, trimmed, mirrored), with the offset"
    )
    add_case_argument(p)
    p.add_argument("--item", type=int, default=None, help="only the matches of this video")
    add_json_flag(p)
    p.set_defaults(func=cmd_video_matches)

    p = subparsers.add_parser("video-info", help="a video's metadata and keyframes (timecode, OCR text, selectors)")
    add_case_argument(p)
    p.add_argument("item", type=int)
    add_json_flag(p)
    p.set_defaults(func=cmd_video_info)


def cmd_video_matches(args: argparse.Namespace) -> int:
    from workstation.video import service

    with open_case(args) as case:
        links = service.video_matches(case, args.item)
        videos = len(service.video_ids(case))
    if args.json:
        print_json({"videos": videos, "matches": [link.to_json() for link in links]})
        return 0
    print(f"{len(links)} pair(s) of videos showing the same clip, among {videos} video(s)")
    for link in links:
        how = "mirrored, " if link.mirrored else ""
        print(
            f"  #{link.video_a} {link.name_a}  =  #{link.video_b} {link.name_b}  "
            f"({how}offset {link.offset_seconds:+.1f} s, {link.matched_seconds:.1f} s matched, "
            f"coverage {link.coverage:.0%})"
        )
    return 0


def cmd_video_info(args: argparse.Namespace) -> int:
    from workstation.errors import WorkstationError
    from workstation.video import service

    with open_case(args) as case:
        info = service.video_info(case, args.item)
    if info is None:
        raise WorkstationError(f"item {args.item} is not a video or animation", str(args.item))
    if args.json:
        print_json(info.to_json())
        return 0
    video = info.metadata.get("video", info.metadata.get("animation", {}))
    print(f"#{info.id} {info.original_name}  {info.width}x{info.height}  sha256 {info.sha256}")
    for key in ("duration", "codec", "frame_rate", "rotation", "creation_time", "gps", "make", "model"):
        if key in video:
            print(f"  {key}: {video[key]}")
    for k in info.keyframes:
        extra = "; ".join(f"{s['kind']} {s['value']}" for s in k.selectors)
        text = "  [text]" if k.text_overlay else ""
        print(f"  {k.timecode_text}  frame #{k.id}{text}{'  ' + extra if extra else ''}")
    return 0
