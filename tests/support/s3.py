"""moto's S3 *emulator* in server mode on a free loopback port, with one bucket: what the tests of attachments in
S3-compatible storage run against (a real S3 or MinIO is not packaged here). The caller skips first when moto or
boto3 is missing (`pytest.importorskip`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.support.ports import free_port

BUCKET = "dangjian-attachments"


def client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="x"
    )


@contextmanager
def s3_emulator() -> Iterator[str]:
    """The emulator's endpoint, its bucket created; stopped at the end."""
    port = free_port(range(27000, 28000))
    assert port is not None
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("moto's S3 emulator did not start") from None
                time.sleep(0.1)  # waiting for another process's socket, not the service's time
        endpoint = f"http://127.0.0.1:{port}"
        client(endpoint).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=10)
