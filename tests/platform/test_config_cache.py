"""The per-process configuration caches (service/config_cache.py): what bumps the version, and a reader
seeing another writer's change once it compares the version."""

from __future__ import annotations

from dataclasses import replace

from flask import Flask
from sqlalchemy import select, text, update

from service import config_cache
from service.extensions import db
from service.models import ConfigVersion, User
from tests.support.world import World


def version() -> int:
    return int(db.session.execute(select(ConfigVersion.version).where(ConfigVersion.id == 1)).scalar_one())


def test_a_change_by_another_writer_is_seen_once_the_version_moves(app: Flask, world: World) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], config_check_seconds=0)
    east = world.ids["east"]
    with app.app_context():
        assert config_cache.place(east).name == "东县"
        # Another process writing behind our back (plain SQL: no session hook): not seen yet ...
        db.session.execute(text("UPDATE jurisdictions SET name = '东县新区' WHERE id = :i"), {"i": east})
        assert config_cache.place(east).name == "东县"
        # ... until its transaction bumps the version, as every writer's does.
        db.session.execute(text("UPDATE config_version SET version = version + 1 WHERE id = 1"))
        assert config_cache.place(east).name == "东县新区"


def test_the_check_interval_bounds_how_often_the_version_is_read(app: Flask, world: World) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], config_check_seconds=3600)
    east = world.ids["east"]
    with app.app_context():
        assert config_cache.place(east).name == "东县"
        db.session.execute(text("UPDATE jurisdictions SET name = '东县新区' WHERE id = :i"), {"i": east})
        db.session.execute(text("UPDATE config_version SET version = version + 1 WHERE id = 1"))
        assert config_cache.place(east).name == "东县"  # within the interval: the cached tree
        config_cache.invalidate()
        assert config_cache.place(east).name == "东县新区"


def test_orm_and_bulk_changes_to_configuration_bump_the_version(app: Flask, world: World) -> None:
    with app.app_context():
        start = version()
        user = db.session.get(User, world.users["approver@east_t1"])
        assert user is not None
        user.display_name = "改名不影响配置"
        db.session.flush()
        assert version() == start  # a column no cache reads
        user.active = False
        db.session.flush()
        assert version() == start + 1
        db.session.execute(update(User).where(User.id == user.id).values(role="handler"))
        assert version() == start + 2
        db.session.execute(update(User).where(User.id == user.id).values(display_name="再改名"))
        assert version() == start + 2
        assert config_cache.staff(world.ids["east_t1"], "approver") == []
