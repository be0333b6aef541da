"""Build the demo case from the synthetic material shipped in resources/demo."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.paths import data_home
from workstation.progress import Progress

if TYPE_CHECKING:  # imported where used: plug-ins import this module in import worker processes
    from workstation.case import Case
    from workstation.importing.pipeline import ImportResult

DEMO_PASSPHRASE = "demo"  # demo material only; real cases must use a real passphrase
DemoStep = Callable[["Case", Path], list[str]]
DEMO_STEPS: list[tuple[int, str, DemoStep]] = []


def register_demo_step(order: int, name: str, fn: DemoStep) -> None:
    """Feature areas add to the demo: ``fn(case, out_dir) -> lines to print`` (e.g. clusters, report)."""
    if all(n != name for _, n, _ in DEMO_STEPS):
        DEMO_STEPS.append((order, name, fn))
        DEMO_STEPS.sort(key=lambda s: s[0])


def demo_material() -> Path:
    import resources

    return Path(resources.__file__).with_name("demo")


def build_demo(
    out_dir: Path | None = None, passphrase: str | None = None, progress: Progress | None = None
) -> tuple[Case, ImportResult, list[str]]:
    """Create a fresh demo case, import the demo material, run every registered demo step."""
    from workstation.case import Case
    from workstation.importing import hooks
    from workstation.importing.pipeline import run_import

    hooks.load()
    out_dir = Path(out_dir) if out_dir else data_home() / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = out_dir / f"demo-{stamp}.case"
    n = 1
    while path.exists():
        n += 1
        path = out_dir / f"demo-{stamp}-{n}.case"
    case = Case.create(
        path,
        passphrase or DEMO_PASSPHRASE,
        title="Demo: synthetic ads and photos",
        case_number="DEMO-2026-001",
        agency="Demo Agency",
        analyst="Demo Analyst",
        timezone="Europe/Amsterdam",
        default_region="NL",
    )
    material = demo_material()
    sources = sorted(p for p in material.iterdir() if p.is_dir() or p.suffix.lower() not in (".md", ".py"))
    result = run_import(case, sources, progress)
    from workstation.importing import ocrstage

    ocrstage.run_ocr_stage(case, progress)  # the screenshots the import queued, as `import` does
    lines: list[str] = []
    for _, name, step in DEMO_STEPS:
        try:
            lines.extend(step(case, out_dir))
        except Exception as exc:  # noqa: BLE001 - one broken demo step must not hide the rest
            lines.append(f"demo step {name} failed: {exc}")
    return case, result, lines


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or os.name == "nt"


def summary(case: Case, result: ImportResult) -> dict[str, Any]:
    return {
        "case": str(case.path),
        "passphrase": "demo" if True else "",
        "imported": result.imported,
        "exact_duplicates": result.exact_duplicates,
        "errors": result.errors,
    }
