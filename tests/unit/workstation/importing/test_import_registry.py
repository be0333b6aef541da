"""Every format module registers an importer; choice is by content, not by extension."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import PurePath

import import_samples as S
import pytest

import workstation.importing as importing
from workstation.errors import UnsupportedFormat
from workstation.importing import registry
from workstation.importing.model import Source


def test_every_module_in_importing_registers_an_importer():
    modules = {m.name for m in pkgutil.iter_modules(importing.__path__)}
    assert modules == set(importing.FORMAT_MODULES) | set(importing.SUPPORT_MODULES), (
        "a new module in workstation/importing/ must be a format module (registering one importer) "
        "or be listed as support machinery"
    )
    by_module: dict[str, list[str]] = {}
    for name, cls in registry.importers().items():
        by_module.setdefault(cls.__module__.rsplit(".", 1)[-1], []).append(name)
    for module in importing.FORMAT_MODULES:
        importlib.import_module(f"workstation.importing.{module}")
        assert by_module.get(module), f"workstation/importing/{module}.py registers no importer"
    for module in importing.SUPPORT_MODULES:
        assert module not in by_module


def test_registering_a_name_twice_is_refused():
    cls = registry.importers()["zip"]
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(cls)


@pytest.mark.parametrize(
    ("data", "name", "importer"),
    [
        (S.jpeg(), "x.txt", "image"),
        (S.png(), "x.pdf", "image"),
        (S.html_page(), "x.jpg", "html"),
        (S.mhtml(), "x.html", "mhtml"),
        (S.warc(gz=True), "x.zip", "warc"),
        (S.warc(gz=False), "x", "warc"),
        (S.wacz(), "x.wacz", "wacz"),
        (S.pdf(with_image=False), "x.html", "pdf"),
        (S.zip_bytes({"a": b"b"}), "x.jpg", "zip"),
        (b"just some notes", "x.jpg", "file"),
    ],
)
def test_choice_by_content(data, name, importer):
    src = Source.from_bytes(data, display=name, name=name)
    assert registry.choose(src).name == importer


def test_empty_content_is_unsupported():
    with pytest.raises(UnsupportedFormat, match="empty file"):
        registry.choose(Source.from_bytes(b"", display="e", name="e"))


def test_sniff_sees_only_the_head():
    for cls in registry.importers().values():
        assert cls().sniff(b"", PurePath("x")) == 0


def test_a_page_mentioning_the_pdf_header_stays_a_page():
    page = b"<html><head><title>t</title></head><body>Files start with %PDF-1.7</body></html>"
    assert registry.choose(Source.from_bytes(page, display="p", name="p.html")).name == "html"
    junk_then_pdf = b"\x00" * 100 + S.pdf(with_image=False)
    assert registry.choose(Source.from_bytes(junk_then_pdf, display="d", name="d")).name == "pdf"
