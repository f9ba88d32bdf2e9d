"""PDF through LibreOffice headless (`soffice --headless --convert-to pdf`), where it is installed.

Each conversion runs in its own temporary directory with its own LibreOffice profile
(`-env:UserInstallation=file:///tmp/...`): two conversions sharing the default profile block or fail. A
conversion over the time limit is killed with its whole process group (soffice starts a child `soffice.bin`).
A per-process semaphore caps the conversions running at once (each LibreOffice takes 100-200 MB)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

CANDIDATES = ("soffice", "libreoffice")
PDF_MIME = "application/pdf"


class PdfUnavailable(RuntimeError):
    """No converter is installed (or PDF is switched off)."""


class PdfFailed(RuntimeError):
    """The converter ran but gave no PDF in time."""


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


def _semaphore(size: int) -> threading.BoundedSemaphore:
    with _slots_lock:
        return _slots.setdefault(size, threading.BoundedSemaphore(size))


def find_converter(setting: str = "") -> str | None:
    """The LibreOffice executable: the configured one, else soffice/libreoffice on PATH; None if none
    (or the setting is "none")."""
    if setting.strip().lower() == "none":
        return None
    if setting:
        return shutil.which(setting)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(docx: bytes, *, converter: str | None, timeout: float, max_parallel: int = 2) -> bytes:
    if converter is None:
        raise PdfUnavailable()
    slots = _semaphore(max_parallel)
    if not slots.acquire(timeout=timeout):
        raise PdfFailed("all conversion slots busy")
    try:
        with tempfile.TemporaryDirectory(prefix="dangjian-pdf-") as tmp:
            work = Path(tmp)
            source = work / "document.docx"
            source.write_bytes(docx)
            command = [
                converter,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(source),
            ]
            env = {**os.environ, "HOME": str(work)}
            proc = subprocess.Popen(
                command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
            )
            try:
                output, _ = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                raise PdfFailed(f"conversion took longer than {timeout} s") from exc
            target = work / "document.pdf"
            if proc.returncode != 0 or not target.exists():
                raise PdfFailed(f"converter exited {proc.returncode}: {output.decode(errors='replace')[-500:]}")
            return target.read_bytes()
    finally:
        slots.release()
