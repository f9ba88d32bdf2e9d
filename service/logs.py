"""Log lines: plain text for a person at a terminal (the default, `make run`), JSON lines for a log shipper.

`LOG_FORMAT=json` makes every line of a process — web, worker, scheduler — one JSON object: `time` (UTC, ISO
8601), `level`, `logger`, `message`, the line's own fields and, for an error, `exception` (the traceback as
text). The request log (service/requestlog.py) and the job log (workers/__main__.py) give their fields —
request or job id, actor, duration — as `extra={"fields": {...}}`; in text they follow the message as
`key=value`. Filebeat, Vector, Fluent Bit and Loki's promtail read such lines with their stock JSON parsers."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

FORMATS = ("text", "json")


def fields_of(record: logging.LogRecord) -> dict[str, Any]:
    fields = getattr(record, "fields", None)
    return dict(fields) if isinstance(fields, dict) else {}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(fields_of(record))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        fields = fields_of(record)
        if fields:
            text += " " + " ".join(f"{k}={v}" for k, v in fields.items() if v is not None)
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def configure(level: str, fmt: str) -> None:
    """The root logger's one handler (stderr) in the chosen format. Called by the app factory; a second app in
    the same process (tests) replaces the formatter rather than adding a handler."""
    formatter: logging.Formatter = JsonFormatter() if fmt == "json" else TextFormatter()
    root = logging.getLogger()
    root.setLevel(level)
    ours = [h for h in root.handlers if getattr(h, "dangjian", False)]
    if ours:
        for handler in ours:
            handler.setFormatter(formatter)
        return
    handler = logging.StreamHandler()
    handler.dangjian = True  # type: ignore[attr-defined]
    handler.setFormatter(formatter)
    root.addHandler(handler)
