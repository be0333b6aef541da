"""A throw-away PostgreSQL cluster for the hub tests: initdb in a temporary directory, listening
on 127.0.0.1 only (the offline guard allows loopback), stopped and removed at the end of the session.

Needs Debian's ``postgresql`` package (.ci/run installs it when missing). As root the server runs
as the ``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    pytest.fail("the hub tests need PostgreSQL (apt-get install postgresql; .ci/run does it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def hub_url() -> Iterator[str]:
    env_url = os.environ.get("WORKSTATION_TEST_HUB_URL")
    if env_url:
        yield env_url
        return
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="hub-pg-"))
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    os.chmod(root, 0o700)
    port = _free_port()
    run = {"check": True, "capture_output": True, "cwd": "/"}
    subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "hub", "--auth=trust", "-E", "UTF8"], **run
    )  # type: ignore[call-overload]
    opts = f"-k {root} -p {port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"], **run
    )  # type: ignore[call-overload]
    try:
        yield f"postgresql://hub@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            cwd="/",
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def clean_hub(hub_url: str) -> str:
    """The hub with its tables emptied (the schema stays)."""
    import psycopg

    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS hub_tokens, hub_publications, hub_migrations")
    return hub_url
