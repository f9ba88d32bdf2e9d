"""Start-up: what every CLI command, gunicorn worker (re)start, RQ worker and test process pays before it works.

Each case runs in a fresh interpreter (embedded defaults: SQLite, no Redis URL); the median of N runs of its
wall time and of its CPU time (user + system, the steadier figure on a shared machine), beside `import flask`
alone as the floor. Python's bytecode cache is kept in a temporary directory and warmed first, as on a
deployed host; `--no-bytecode-cache` measures a host that compiles every module each time
(PYTHONDONTWRITEBYTECODE, as in some containers).

Run: .venv/bin/python bench/bench_startup.py [runs] [--no-bytecode-cache]   (default 5 runs; ~1 min)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import describe

BIN = Path(sys.executable).parent
CASES = {
    "import flask": [sys.executable, "-c", "import flask"],
    "import service": [sys.executable, "-c", "import service"],
    "import + create_app()": [sys.executable, "-c", "from service import create_app; create_app()"],
    "flask --app service --help": [str(BIN / "flask"), "--app", "service", "--help"],
}


def child_env(tmp: str, cache_dir: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "PYTHONPYCACHEPREFIX"}}
    env["INSTANCE_DIR"] = tmp  # the embedded SQLite file, outside the work tree
    if cache_dir is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache_dir
    return env


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    samples = [run_once(cmd, env) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 5
    cached = "--no-bytecode-cache" not in sys.argv
    describe()
    with tempfile.TemporaryDirectory(prefix="bench-startup-pycache-") as tmp:
        env = child_env(tmp, str(Path(tmp) / "pycache") if cached else None)
        for cmd in CASES.values():
            run_once(cmd, env)  # warms the bytecode cache (and the page cache)
        print(f"# median of {runs} fresh processes; bytecode cache {'warm' if cached else 'off'}")
        print(f"{'case':<30} {'wall s':>8} {'CPU s':>8} {'CPU ÷ import flask':>20}")
        floor = None
        for label, cmd in CASES.items():
            wall, cpu = measure(cmd, env, runs)
            floor = floor or cpu
            print(f"{label:<30} {wall:8.3f} {cpu:8.3f} {cpu / floor:19.1f}×")


if __name__ == "__main__":
    main()
