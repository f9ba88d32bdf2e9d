"""What the tests share that is not a test: the world, builders, clients, fixtures registered as plugins.

Fixtures every folder uses are in tests/conftest.py; those only some folders use are here, each module
registered as a plugin by tests/conftest.py's `pytest_plugins` (browser, colleagues, console, webhooks). The
other modules are imported by the tests that need them: world (the shared city and the API client),
factories (valid inputs), establishment and supervision (cases, tickets and interviews through the API),
escalation, documents, excel, coverage (rows and files each engine's tests build and read), access (the access
matrix's vocabulary and the workflows' rows), ports, s3 (an S3 emulator), and day (the demo city in a
browser). tests/README.md says where each kind of test goes."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
