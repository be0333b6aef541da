"""Import worker processes start light: they must not load the case file stack or the matcher."""

from __future__ import annotations

import subprocess
import sys


def test_worker_side_imports_neither_the_case_file_nor_the_matcher() -> None:
    code = (
        "import sys\n"
        "from workstation.importing.worker import _worker_init, prepare\n"
        "_worker_init()\n"
        "heavy = ('sqlite_utils', 'sqlcipher3', 'pandas', 'numba', 'workstation.case')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"worker start-up imported {out.stdout.strip()}"
