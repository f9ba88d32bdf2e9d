"""The working-day calendar: holidays and make-up working days (调休), the basis of every deadline."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from schemas.calendar import CalendarLoadSchema, CalendarYearSchema, DeadlineQuerySchema, DeadlineSchema
from service.api.docs import errors
from service.auth import current_actor, require_roles
from service.clock import today
from service.operations.reference import calendar as calendar_ops
from service.roles import ADMINS

blp = Blueprint(
    "calendar",
    __name__,
    url_prefix="/api/v1/calendar",
    description="Working-day calendar: official holiday notices, make-up working days, deadlines",
)


@blp.route("/deadline")
@blp.arguments(DeadlineQuerySchema, location="query")
@blp.response(200, DeadlineSchema)
@errors(blp, 422)
def deadline(args: dict[str, Any]) -> Any:
    """The date `workdays` working days after `start`, and whether it rests on official data (any role)."""
    return calendar_ops.deadline(args.get("start") or today(), args["workdays"])


@blp.route("/<int:year>")
@blp.response(200, CalendarYearSchema)
@errors(blp, 404)
def get_year(year: int) -> Any:
    """A year as deadlines see it: basis, the loaded notice and days, weekday holidays and weekend working days."""
    return calendar_ops.summary(year)


@blp.route("/<int:year>", methods=["PUT"])
@blp.arguments(CalendarLoadSchema)
@blp.response(200, CalendarYearSchema)
@errors(blp, 400, 403, 404, 409, 413, 422)
@require_roles(*ADMINS)
def put_year(data: dict[str, Any], year: int) -> Any:
    """Load the year's official notice (city-level admins): replaces the year's days and makes the year
    official. A loaded year is complete: any day not listed is a working day iff Monday–Friday."""
    actor = current_actor()
    calendar_ops.require_loader(actor)
    return calendar_ops.load_year(actor, year, data["notice"], data["days"])


@blp.route("/<int:year>", methods=["DELETE"])
@blp.response(200, CalendarYearSchema)
@errors(blp, 403, 404, 409)
@require_roles(*ADMINS)
def delete_year(year: int) -> Any:
    """Unload a year (city-level admins): it falls back to the package data, or Monday–Friday."""
    actor = current_actor()
    calendar_ops.require_loader(actor)
    return calendar_ops.unload_year(actor, year)
