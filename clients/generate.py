"""The Python client in clients/python/, generated from the OpenAPI document by openapi-python-client.

    python clients/generate.py write   # export the document to clients/openapi.json, regenerate clients/python/
    python clients/generate.py check   # the same into a temporary directory; exit 1 if either committed copy differs

`make client` and `make client-check` run these (the check is part of `make lint`). Offline: the document is
built by the app itself (no server, no database beyond an empty SQLite file) and the generator and ruff come from
the venv (the dev extras). The export runs in a fresh interpreter with a clean environment, so no setting of the
caller's shell changes the document."""

from __future__ import annotations

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOCUMENT = HERE / "openapi.json"
CLIENT = HERE / "python"
CONFIG = HERE / "generator.yaml"
TEMPLATES = HERE / "templates"
VENV_BIN = Path(sys.executable).parent
PACKAGE = "dangjian_flow_client"  # generator.yaml's package_name_override

EXPORT = """
import json, sys
from service import create_app

app = create_app()
res = app.test_client().get("/api/openapi.json")
assert res.status_code == 200, res.status_code
sys.stdout.write(json.dumps(res.get_json(), ensure_ascii=False, indent=2) + "\\n")
"""


def export_document(work: Path) -> str:
    """The OpenAPI document as served at /api/openapi.json, pretty-printed (Chinese kept readable)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(work),
        "DATABASE_URL": f"sqlite:///{work / 'export.db'}",
        "LOG_LEVEL": "WARNING",
        "PYTHONHASHSEED": "0",
    }
    done = subprocess.run(
        [sys.executable, "-c", EXPORT], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode != 0:
        sys.exit(f"exporting the OpenAPI document failed:\n{done.stderr}")
    return done.stdout


def generate(document: Path, output: Path) -> None:
    """Run the generator on `document` into `output` (which must not exist)."""
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONHASHSEED": "0"}
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(document),
        "--config",
        str(CONFIG),
        "--meta",
        "setup",
        "--custom-template-path",
        str(TEMPLATES),
        "--output-path",
        str(output),
        # A part of the API the client would leave out, or a post hook (ruff) that did not run, fails the build.
        "--fail-on-warning",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        sys.exit(f"openapi-python-client failed:\n{done.stdout}\n{done.stderr}")


# Left in the client's directory by an install or by Python, never generated (its .gitignore lists them).
NOT_GENERATED = {"__pycache__", ".ruff_cache", "build", "dist"}


def type_errors(client: Path, work: Path) -> list[str]:
    """mypy --strict on the generated package: the client is typed, and stays so."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(work / "mypy"), PACKAGE],
        cwd=client,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return [] if done.returncode == 0 else done.stdout.splitlines()


def files(tree: Path) -> set[str]:
    out = set()
    for path in tree.rglob("*"):
        parts = path.relative_to(tree).parts
        if path.is_file() and not NOT_GENERATED & set(parts) and not parts[0].endswith(".egg-info"):
            out.add("/".join(parts))
    return out


def differences(committed: Path, fresh: Path) -> list[str]:
    """What differs between the committed client and a fresh one, one line per file."""
    mine, theirs = files(committed) if committed.exists() else set(), files(fresh)
    out = [f"missing: {name}" for name in sorted(theirs - mine)]
    out += [f"not generated (remove it): {name}" for name in sorted(mine - theirs)]
    out += [
        f"differs: {name}"
        for name in sorted(mine & theirs)
        if not filecmp.cmp(committed / name, fresh / name, shallow=False)
    ]
    return out


def write() -> None:
    with tempfile.TemporaryDirectory(prefix="client-") as tmp:
        work = Path(tmp)
        DOCUMENT.write_text(export_document(work), encoding="utf-8")
        generate(DOCUMENT, work / "python")
        if CLIENT.exists():
            shutil.rmtree(CLIENT)
        shutil.copytree(work / "python", CLIENT, ignore=shutil.ignore_patterns(".ruff_cache", "__pycache__"))
    print(f"wrote {DOCUMENT.relative_to(ROOT)} and {CLIENT.relative_to(ROOT)}/ ({len(files(CLIENT))} files)")


def check() -> int:
    with tempfile.TemporaryDirectory(prefix="client-check-") as tmp:
        work = Path(tmp)
        document = work / "openapi.json"
        document.write_text(export_document(work), encoding="utf-8")
        problems: list[str] = []
        committed_document = DOCUMENT.read_text(encoding="utf-8") if DOCUMENT.exists() else ""
        if committed_document != document.read_text(encoding="utf-8"):
            diff = difflib.unified_diff(
                committed_document.splitlines(),
                document.read_text(encoding="utf-8").splitlines(),
                "clients/openapi.json (committed)",
                "the app's document",
                lineterm="",
                n=1,
            )
            lines = list(diff)
            problems.append("clients/openapi.json is not the app's OpenAPI document:")
            problems += [f"    {line}" for line in lines[:40]]
            if len(lines) > 40:
                problems.append(f"    … {len(lines) - 40} more diff lines")
        generate(document, work / "python")
        changed = differences(CLIENT, work / "python")
        if changed:
            problems.append("clients/python/ is not what openapi-python-client generates from the app's document:")
            problems += [f"    {line}" for line in changed[:40]]
            if len(changed) > 40:
                problems.append(f"    … {len(changed) - 40} more files")
        stale = bool(problems)
        typing = type_errors(work / "python", work)
        if typing:
            problems.append("the generated client fails mypy --strict (a class_overrides entry in generator.yaml?):")
            problems += [f"    {line}" for line in typing[:20]]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        if stale:
            print("The committed client is stale: run `make client` and commit clients/.", file=sys.stderr)
        return 1
    print("clients/openapi.json and clients/python/ are up to date")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["write"]:
        write()
    elif sys.argv[1:] == ["check"]:
        sys.exit(check())
    else:
        sys.exit(__doc__)
