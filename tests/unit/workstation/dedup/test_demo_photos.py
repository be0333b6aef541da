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
