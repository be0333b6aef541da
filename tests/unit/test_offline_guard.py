"""The session-wide guard really blocks non-local sockets (and would fail the run)."""

from __future__ import annotations

import socket

import pytest


def test_remote_connect_is_blocked(network_violations: list[str]) -> None:
    before = len(network_violations)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="blocked by the test suite"):
            s.connect(("192.0.2.10", 80))  # TEST-NET-1, never routable
    finally:
        s.close()
    assert len(network_violations) == before + 1


def test_dns_is_blocked(network_violations: list[str]) -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.getaddrinfo("example.org", 443)


def test_loopback_is_allowed() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.socket()
    try:
        client.connect(server.getsockname())
    finally:
        client.close()
        server.close()
