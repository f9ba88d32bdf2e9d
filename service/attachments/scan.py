"""The optional virus scan of an upload by a clamd daemon (ATTACHMENT_CLAMD), over clamd's INSTREAM command
(clamdpy). Off by default. When set, every upload that passed the type checks is scanned before anything is
written: a finding is refused (422), and a daemon that cannot be reached or answers an error refuses the upload
too (503, retry later) — a file is never kept unscanned while scanning is configured."""

from __future__ import annotations

from pathlib import Path

from clamdpy import ClamdNetworkSocket, ClamdUnixSocket
from clamdpy.exceptions import ClamdException

from service.attachments.sniff import Refused

CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    """The daemon could not be reached or could not scan."""


def client(address: str, timeout: float) -> ClamdNetworkSocket:
    """`/run/clamav/clamd.ctl` (a Unix socket) or `host:port`."""
    if address.startswith("/"):
        return ClamdUnixSocket(address, timeout=timeout, max_chunk_size=CHUNK)
    host, _, port = address.rpartition(":")
    return ClamdNetworkSocket(host or "127.0.0.1", int(port), timeout=timeout, max_chunk_size=CHUNK)


def scan(path: Path, address: str, timeout: float) -> None:
    """Raise Refused on a finding, ScannerUnavailable when the daemon cannot give an answer."""
    try:
        with path.open("rb") as f:
            result = client(address, timeout).instream(f)
    except (OSError, ClamdException) as exc:  # ConnectionError is an OSError
        raise ScannerUnavailable(str(exc)) from exc
    if isinstance(result, str) or result.status == "ERROR":
        raise ScannerUnavailable(str(result))
    if result.status == "FOUND":
        raise Refused(422, "virus_found", f"文件含有病毒或恶意代码（{result.reason}），已拒绝")
