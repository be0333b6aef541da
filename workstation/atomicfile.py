"""Files that appear whole or not at all: a temporary file next to the target, renamed into place.

Reports and extracted originals go to folders an analyst hands to others; a crash, a full disk or
a failed check must never leave a plausible-looking partial file under the final name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class FolderNotWritable(OSError):
    """No temporary file can be created next to the target."""


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary path in ``out``'s folder that replaces ``out`` when the block ends normally.

    The caller writes (and syncs, see :func:`sync`) the temporary file inside the block. If the
    block raises, the temporary file is removed and ``out`` is left as it was.

    Raises:
        FolderNotWritable: the folder does not take a new file (missing, read-only, full).
    """
    folder = out.parent if str(out.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise FolderNotWritable(exc.errno, exc.strerror, str(folder)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sync(fh: BinaryIO) -> None:
    """Flush Python's and the OS's buffers of an open file to the disk."""
    fh.flush()
    os.fsync(fh.fileno())
