"""The streamed container: tar inside age, pulled on export and piped on receive."""

from __future__ import annotations

import hashlib
import os

import pyrage
import pytest

from workstation.transfer.container import (
    BundleError,
    BundleReader,
    Entry,
    EntryRecord,
    GeneratorReader,
    tar_stream,
    write_bundle,
)


def entries(blob: bytes, records: list[EntryRecord]):  # type: ignore[no-untyped-def]
    yield Entry("bundle.json", 2, [b"{}"])
    yield Entry("blobs/x", len(blob), (blob[i : i + 70_000] for i in range(0, len(blob), 70_000)))
    listing = repr([r.to_json() for r in records]).encode()  # built from what was written
    yield Entry("manifest.json", len(listing), [listing])


def read_all(path, **keys):  # type: ignore[no-untyped-def]
    with BundleReader(path, **keys) as reader:
        got = {m.name: f.read() for m, f in reader.members()}
        digest, size = reader.finish()
    return got, digest, size


def test_round_trip_in_both_modes(tmp_path):  # type: ignore[no-untyped-def]
    key = pyrage.x25519.Identity.generate()
    blob = os.urandom(1_000_003)
    records: list[EntryRecord] = []
    written = write_bundle(
        tmp_path / "r.wsb", tar_stream(entries(blob, records), records, 0), recipients=[str(key.to_public())]
    )
    got, digest, size = read_all(tmp_path / "r.wsb", identities=[key])
    assert got["blobs/x"] == blob and b"bundle.json" in got["manifest.json"]
    assert (digest, size) == (written.sha256, written.size)
    assert digest == hashlib.sha256((tmp_path / "r.wsb").read_bytes()).hexdigest()

    records = []
    write_bundle(tmp_path / "p.wsb", tar_stream(entries(blob, records), records, 0), passphrase="pw")
    assert read_all(tmp_path / "p.wsb", passphrase=lambda: "pw")[0]["blobs/x"] == blob
    with pytest.raises(BundleError, match="wrong bundle passphrase"):
        read_all(tmp_path / "p.wsb", passphrase=lambda: "nope")


def test_producer_failure_leaves_no_file(tmp_path):  # type: ignore[no-untyped-def]
    def broken():  # type: ignore[no-untyped-def]
        yield b"x" * 100
        raise RuntimeError("disk went away")

    key = pyrage.x25519.Identity.generate()
    with pytest.raises(RuntimeError, match="disk went away"):
        write_bundle(tmp_path / "b.wsb", broken(), recipients=[str(key.to_public())])
    assert list(tmp_path.iterdir()) == []


def test_entry_that_changes_size_is_refused(tmp_path):  # type: ignore[no-untyped-def]
    records: list[EntryRecord] = []
    grown = [Entry("blobs/y", 3, [b"abcd"])]
    with pytest.raises(BundleError, match="grew"):
        b"".join(tar_stream(grown, records, 0))


def test_generator_reader_serves_any_read_size():  # type: ignore[no-untyped-def]
    reader = GeneratorReader(iter([b"ab", b"", b"cdef", b"g"]))
    pieces = list(iter(lambda: reader.read(3), b""))
    assert b"".join(pieces) == b"abcdefg" and max(map(len, pieces)) <= 3
    assert reader.read(1) == b""


def test_unsafe_member_names_are_refused():  # type: ignore[no-untyped-def]
    with pytest.raises(BundleError, match="unsafe member name"):
        b"".join(tar_stream([Entry("../evil", 1, [b"x"])], [], 0))


def test_early_stop_of_the_reader_ends_the_decrypting_thread(tmp_path):  # type: ignore[no-untyped-def]
    key = pyrage.x25519.Identity.generate()
    records: list[EntryRecord] = []
    write_bundle(
        tmp_path / "r.wsb",
        tar_stream(entries(os.urandom(20 << 20), records), records, 0),
        recipients=[str(key.to_public())],
    )
    with BundleReader(tmp_path / "r.wsb", identities=[key]) as reader:
        for _member, _fileobj in reader.members():
            break
    assert reader._thread is not None and not reader._thread.is_alive()
