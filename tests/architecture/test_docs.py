"""The documentation's promises that a build cannot check: every decision record names the code it governs (and
that code exists), the README stays a short entry, nothing in the repository is a diary or names a path of a
particular machine. `make lint` builds the site with `mkdocs build --strict` (broken links, pages missing from
the nav)."""

from __future__ import annotations

import re
import subprocess

from tests.support import ROOT

DECISIONS = sorted((ROOT / "docs" / "decisions").glob("[0-9][0-9][0-9][0-9]-*.md"))
# A repository path in backticks: a top-level folder of the project, then a file or folder.
CODE_PATH = re.compile(r"`((?:service|workflows|workers|schemas|tests|bench|migrations|docs)/[\w./-]*?)`")


def test_every_decision_record_names_the_code_it_governs() -> None:
    assert len(DECISIONS) >= 10
    problems = []
    for record in DECISIONS:
        text = record.read_text(encoding="utf-8")
        paths = CODE_PATH.findall(text)
        if not paths:
            problems.append(f"{record.name}: names no code")
        problems += [f"{record.name}: {p} does not exist" for p in paths if not (ROOT / p.rstrip("/")).exists()]
        if not text.startswith("# "):
            problems.append(f"{record.name}: no title")
    assert not problems, "\n".join(problems)


def test_every_decision_record_is_listed_in_the_index() -> None:
    index = (ROOT / "docs" / "decisions" / "index.md").read_text(encoding="utf-8")
    assert [r.name for r in DECISIONS if r.name not in index] == []


def test_the_readme_is_a_short_entry_and_there_is_no_diary() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    assert "make run" in readme and "make test" in readme
    assert not (ROOT / "NOTES.md").exists()


def test_no_path_of_a_particular_machine_in_code_or_docs() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    texts = [f for f in files if f.endswith((".py", ".md", ".toml", ".yml", ".cfg", ".ini", ".html", ".txt"))]
    texts += ["Makefile", "Procfile", ".ci/run"]
    machine = re.compile(r"(?<![\w.])/(?:work|root|home/\w+|Users/\w+)/")
    found = [
        f"{name}:{n}: {line.strip()}"
        for name in texts
        if (ROOT / name).is_file() and name != "tests/architecture/test_docs.py"
        for n, line in enumerate((ROOT / name).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if machine.search(line)
    ]
    assert not found, "\n".join(found)


def test_every_source_file_the_docs_and_code_name_exists() -> None:
    """A renamed or moved module leaves no stale path in the docs, the README, docstrings or comments."""
    named = re.compile(
        r"(?<![\w/.-])((?:service|workflows|workers|schemas|bench|migrations|tests)/[\w./-]+\.(?:py|html|docx))"
    )
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    texts = [
        f for f in files if f.endswith((".py", ".md", ".toml", ".yml", ".html")) and not f.startswith("migrations/")
    ]
    stale = sorted(
        {
            f"{name}: {path}"
            for name in texts
            for path in named.findall((ROOT / name).read_text(encoding="utf-8", errors="replace"))
            if not (ROOT / path).exists() and "*" not in path
        }
    )
    assert not stale, "\n".join(stale)
