"""The one error of backups: a refusal whose message (Chinese, then English) the operator reads as it is."""

from __future__ import annotations


class BackupRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
