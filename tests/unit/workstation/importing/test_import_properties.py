"""Property test: mutated bytes fed to every parser never crash, never hang, give a clear error."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import import_samples as S
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.importing.pipeline import _items_from, prepare
from workstation.progress import Progress

SEEDS = {
    "a.jpg": S.jpeg(64, 48, exif=S.exif_block()),
    "a.png": S.png(40, 30),
    "a.gif": S.image_bytes("GIF", 40, 30),
    "a.webp": S.image_bytes("WEBP", 40, 30),
    "a.tif": S.image_bytes("TIFF", 40, 30),
    "a.heic": S.image_bytes("HEIF", 64, 64),
    "a.html": S.html_page(),
    "a.mhtml": S.mhtml(image=S.jpeg(20, 20)),
    "a.warc.gz": S.warc(gz=True, image=S.jpeg(20, 20)),
    "a.warc": S.warc(gz=False, image=S.jpeg(20, 20)),
    "a.wacz": S.wacz(S.warc(gz=True, image=S.jpeg(20, 20))),
    "a.pdf": S.pdf(with_image=True),
    "a.zip": S.zip_bytes({"x.jpg": S.jpeg(20, 20), "t.txt": b"text"}),
}


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[pos : pos + draw(st.integers(1, 4096))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "zero":
            data[pos : pos + 64] = b"\x00" * len(data[pos : pos + 64])
    return name, bytes(data)


# The deadline only catches hangs (parsers looping on damaged input), far above any normal run.
@settings(
    max_examples=200,
    deadline=timedelta(seconds=60),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutated())
def test_mutated_input_never_crashes(tmp_path_factory, sample):
    name, data = sample
    path = Path(tmp_path_factory.mktemp("m")) / name
    path.write_bytes(data)
    progress = Progress()
    errors: list[dict[str, str]] = []
    for item in _items_from([path], progress, errors):
        prep = prepare(None if item.file is None else str(item.file), item.data, item.analyse_image)
        assert ("sha256" in prep) != ("error" in prep)
        if "error" in prep:
            assert prep["error"].strip() and "Traceback" not in prep["error"]
    for err in errors:
        assert err["error"].strip() and "Traceback" not in err["error"]
