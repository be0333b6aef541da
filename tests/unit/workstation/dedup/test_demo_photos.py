"""The shipped demo photos form the clusters the demo promises."""

from pathlib import Path

import resources
from workstation.dedup import clusters as cl
from workstation.dedup import phash as ph

PHOTOS = Path(resources.__file__).with_name("demo") / "photos"


def test_demo_photos_cluster_as_designed() -> None:
    paths = sorted(PHOTOS.glob("*.jpg"))
    assert sum(p.stat().st_size for p in paths) < 1_500_000
    hashes = [ph.compute(ph.open_image(p)) for p in paths]
    groups = cl.build_clusters(hashes, cl.find_matches(hashes))
    got = sorted(sorted(paths[m.index].name for m in g.members) for g in groups)
    assert got == [
        ["ad_rotterdam_mirrored.jpg", "ad_utrecht_phone.jpg", "anna_profile.jpg", "screenshot_from_chat.jpg"],
        ["hotel_room.jpg", "job_offer_bright.jpg", "job_offer_rotated.jpg"],
    ]


def test_the_bright_job_offer_is_really_brighter_and_not_a_copy() -> None:
    from PIL import Image, ImageStat

    captured = PHOTOS.parent / "captures" / "vacature_8841_files" / "8841.jpg"
    bright = PHOTOS / "job_offer_bright.jpg"
    assert bright.read_bytes() != captured.read_bytes()
    with Image.open(bright) as b, Image.open(captured) as c:
        assert ImageStat.Stat(b.convert("L")).mean[0] > 1.2 * ImageStat.Stat(c.convert("L")).mean[0]
