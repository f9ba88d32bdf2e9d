"""Query arguments of the SVG state diagram."""

from __future__ import annotations

from marshmallow import Schema

from schemas.common import text


class DiagramArgsSchema(Schema):
    current = text(
        64,
        metadata={"description": "A state (by name) to highlight as the current one, e.g. `submitted`"},
    )
