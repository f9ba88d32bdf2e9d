"""Backups of the whole service in one archive, and restoring one into an empty database.

`flask --app service backup` writes a tar archive: the database (PostgreSQL: `pg_dump --format=custom`;
SQLite: the online backup API, safe while the service runs in WAL mode), the instance files that are not in
it (the attachment bytes when they are kept locally, the console's session key) and a manifest listing every
member with its SHA-256 and size, the schema's Alembic revision and the app's version. The database is copied
first: attachment bytes are stored before their row commits and never deleted, so every row the copy holds
finds its bytes in the files copied after it. `flask --app service restore` checks the manifest, the revision
and every member's hash before it writes anything. docs/operating.md#backups tells the operator how to run them;
decision 0043 says why they are shaped so."""

from __future__ import annotations

from service.operations.backups.commands import Restored, Written, backup, restore
from service.operations.backups.errors import BackupRefused

__all__ = ["BackupRefused", "Restored", "Written", "backup", "restore"]
