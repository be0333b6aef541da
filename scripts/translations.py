"""Update the Dutch UI translation: extract strings with pyside6-lupdate, compile with lrelease.

    python scripts/translations.py            # refresh resources/translations/workstation_nl.ts
    python scripts/translations.py --check    # fail when a string has no Dutch translation

Translations are edited in the .ts file (Qt Linguist or any XML editor); this script keeps them
when sources change and compiles workstation_nl.qm, which ui.i18n loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "workstation_nl.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        sibling = Path(sys.executable).with_name(f"pyside6-{name}")
        if sibling.exists():
            return str(sibling)
        raise SystemExit(f"{name} not found (it ships with PySide6: pyside6-{name})")
    return found


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            if translation is None or translation.get("type") == "unfinished":
                missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [tool("lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)), "-source-language", "en",
         "-target-language", "nl", "-no-obsolete"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    missing = untranslated(TS)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(QM)], check=True)
    if missing:
        print(f"{len(missing)} string(s) without a Dutch translation:", file=sys.stderr)
        for text in missing:
            print(f"  {text!r}", file=sys.stderr)
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
