"""The whole test session runs without the internet: no build may depend on it."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest
from pytest_socket import SocketConnectBlockedError

PUBLIC = "93.184.216.34"  # a literal address: no DNS is needed to try it


def test_outside_connections_are_blocked():
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection((PUBLIC, 80), timeout=2)


def test_urllib_cannot_fetch():
    with pytest.raises((urllib.error.URLError, SocketConnectBlockedError)) as caught:
        urllib.request.urlopen(f"http://{PUBLIC}/", timeout=2)
    error = caught.value
    assert isinstance(error, SocketConnectBlockedError) or isinstance(error.reason, SocketConnectBlockedError)


def test_loopback_is_allowed_for_local_servers(serve_dir, tmp_path):
    (tmp_path / "ok.txt").write_text("local")
    base = serve_dir(tmp_path)
    with urllib.request.urlopen(base + "ok.txt", timeout=5) as response:
        assert response.read() == b"local"
