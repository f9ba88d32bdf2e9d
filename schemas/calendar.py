from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import text
from schemas.dates import business_date, year_in_window
from service.vocab import MAX_DEADLINE_WORKDAYS

NOTICE_MAX_LENGTH = 20_000


class CalendarDaySchema(Schema):
    date = fields.Date()
    workday = fields.Boolean(metadata={"description": "true: a make-up working day (调休上班); false: a day off"})
    name = fields.String(allow_none=True)


class NamedDaySchema(Schema):
    date = fields.Date()
    name = fields.String(allow_none=True)


class CalendarLoadSchema(Schema):
    notice = text(
        NOTICE_MAX_LENGTH,
        required=True,
        metadata={"description": "The notice the days come from: its title and document number (文号)"},
    )
    days = fields.List(
        fields.Dict(),
        required=True,
        validate=validate.Length(min=1, max=366),
        metadata={
            "description": 'Every day the notice changes: {"date": "YYYY-MM-DD", "workday": bool, "name": "国庆节"}. '
            "Rows are checked one by one; errors name the row as `days[<0-based index>].<field>`."
        },
    )


class CalendarFileSchema(CalendarLoadSchema):
    """The CLI's file: the PUT body plus the year."""

    year = fields.Integer(required=True, strict=True, validate=year_in_window())


class CalendarYearSchema(Schema):
    year = fields.Integer()
    basis = fields.String(
        metadata={"description": "official: loaded notice or package data; fallback: Monday–Friday guesswork"}
    )
    basis_label = fields.String()
    loaded = fields.Boolean(metadata={"description": "An admin loaded this year's notice"})
    notice = fields.String(allow_none=True)
    loaded_at = fields.DateTime(allow_none=True)
    loaded_by = fields.String(allow_none=True)
    overrides = fields.List(fields.Nested(CalendarDaySchema), metadata={"description": "The loaded days"})
    holidays = fields.List(
        fields.Nested(NamedDaySchema), metadata={"description": "Monday–Friday days off in the effective calendar"}
    )
    makeup_workdays = fields.List(
        fields.Nested(NamedDaySchema), metadata={"description": "Saturdays/Sundays that are working days (调休)"}
    )


class DeadlineQuerySchema(Schema):
    start = business_date(metadata={"description": "YYYY-MM-DD; default: today (Asia/Shanghai)"})
    workdays = fields.Integer(
        required=True,
        validate=validate.Range(min=0, max=MAX_DEADLINE_WORKDAYS),
        metadata={"description": "Working days after start; 0 = start itself if a working day, else the next one"},
    )


class DeadlineSchema(Schema):
    start = fields.Date()
    workdays = fields.Integer()
    deadline = fields.Date()
    basis = fields.String(metadata={"description": "fallback when any day counted lies in a year without data"})
    basis_label = fields.String()
