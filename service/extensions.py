"""Flask extensions, created unbound and initialised in create_app."""

from __future__ import annotations

from typing import Any

from flask import current_app, has_app_context
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so Alembic migrations work the same on PostgreSQL and SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# Test hook: when an app's extensions hold a Connection under this key, every db.session of that app runs
# on it, inside the transaction the connection already holds; the code's commits and rollbacks become
# SAVEPOINT releases and rollbacks. The test suite rolls that outer transaction back after each test
# (tests/conftest.py). Nothing else sets it; with an Engine bind (always, outside tests) the join mode is moot.
TEST_CONNECTION = "dangjian.test_connection"


class Session(FlaskSession):
    def get_bind(self, mapper: Any = None, clause: Any = None, bind: Any = None, **kwargs: Any) -> Any:
        if bind is None and has_app_context():
            bind = current_app.extensions.get(TEST_CONNECTION)
        return super().get_bind(mapper, clause, bind, **kwargs)


db = SQLAlchemy(model_class=Base, session_options={"class_": Session, "join_transaction_mode": "create_savepoint"})
migrate = Migrate()
