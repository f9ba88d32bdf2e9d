"""Pages of a list query for the console: `?page=N`, a fixed page size, the API's depth cap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, request

from service.operations.common import paginate

PAGE_SIZE = 20


@dataclass(frozen=True)
class Listing:
    items: list[Any]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def requested_page() -> int:
    """A page number from the query string; anything unusable is page 1, too deep the deepest allowed."""
    raw = request.args.get("page", "1")
    page = int(raw) if raw.isdigit() and len(raw) < 8 else 1
    cap = current_app.config["SETTINGS"].max_pagination_offset // PAGE_SIZE + 1
    return min(max(page, 1), cap)


def page_of(stmt: Any, page_size: int = PAGE_SIZE) -> Listing:
    page = requested_page()
    items, total = paginate(stmt, page, page_size)
    return Listing(items, total, page, page_size)
