"""What the service's state says about its health, read when Prometheus scrapes the scheduler (workers/metrics.py).

Gauges, each read from the database or Redis at scrape time (a handful of indexed statements), so any number of
web and worker processes may run and the figures are still the service's, not one process's:

- `dangjian_queue_jobs{queue}`, `dangjian_queue_oldest_job_age_seconds{queue}`: jobs waiting in RQ;
- `dangjian_escalation_lag_seconds{item_type}`: now − the start of the oldest day an item fell due and has not
  been escalated yet (0 when none waits): what a stopped scheduler, dead workers or a lost job look like;
- `dangjian_escalation_items{item_type, level}`: items still on their ladder, by the level they reached
  (`none`: not yet overdue);
- `dangjian_webhook_deliveries{status}`: the delivery backlog (`pending`) and the failures (`failed`);
- `dangjian_unit_imports{status}`: Excel imports by status;
- `dangjian_sign_in_failures_recent`: failed console sign-ins within the sign-in window (a guessing attack)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from flask import Flask
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import func, select

from service.clock import CHINA, now
from service.extensions import db
from service.models import WebhookDelivery
from service.models.imports import UnitImport
from service.models.signin import SignInFailure
from service.operations.engines import escalation


class ServiceCollector(Collector):
    def __init__(self, app: Flask, redis: Redis, queues: Sequence[str]) -> None:
        self.app, self.redis, self.queues = app, redis, tuple(queues)

    def collect(self) -> Iterator[GaugeMetricFamily]:
        with self.app.app_context():
            try:
                yield from self._queues()
                yield from self._escalation()
                yield from self._by_status(
                    "dangjian_webhook_deliveries", "Webhook deliveries by status.", WebhookDelivery.status
                )
                yield from self._by_status("dangjian_unit_imports", "Excel imports by status.", UnitImport.status)
                yield self._sign_ins()
            finally:
                db.session.remove()

    def _queues(self) -> Iterator[GaugeMetricFamily]:
        jobs = GaugeMetricFamily("dangjian_queue_jobs", "Jobs waiting in an RQ queue.", labels=["queue"])
        age = GaugeMetricFamily(
            "dangjian_queue_oldest_job_age_seconds", "Age of the oldest job waiting in an RQ queue.", labels=["queue"]
        )
        at = now()
        for name in self.queues:
            try:
                queue = Queue(name, connection=self.redis)
                jobs.add_metric([name], queue.count)
                oldest = queue.get_jobs(0, 1)
                enqueued = oldest[0].enqueued_at if oldest else None
                age.add_metric([name], _seconds(at, enqueued) if enqueued else 0.0)
            except RedisError:
                continue  # no sample: Redis away shows as the series missing, which an alert can say
        yield jobs
        yield age

    def _escalation(self) -> Iterator[GaugeMetricFamily]:
        lag = GaugeMetricFamily(
            "dangjian_escalation_lag_seconds",
            "Now minus the start of the oldest due day of an item not escalated yet (0: none waits).",
            labels=["item_type"],
        )
        items = GaugeMetricFamily(
            "dangjian_escalation_items",
            "Items on their escalation ladder, by the level reached.",
            labels=["item_type", "level"],
        )
        at = now()
        today = at.astimezone(CHINA).date()
        for name, kind in sorted(escalation.ITEM_TYPES.items()):
            model = kind.model
            oldest: date | None = db.session.execute(
                select(func.min(model.next_escalation_at)).where(model.next_escalation_at <= today)
            ).scalar_one()
            started = datetime.combine(oldest, time(0), tzinfo=CHINA) if oldest else None
            lag.add_metric([name], _seconds(at, started) if started else 0.0)
            rows = db.session.execute(
                select(model.escalation_level, func.count())
                .where(model.next_escalation_at.is_not(None))
                .group_by(model.escalation_level)
            ).all()
            for level, count in rows:
                items.add_metric([name, str(level or "none")], int(count))  # type: ignore[call-overload]
        yield lag
        yield items

    def _by_status(self, name: str, documentation: str, column: Any) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(name, documentation, labels=["status"])
        for status, count in db.session.execute(select(column, func.count()).group_by(column)).all():
            family.add_metric([str(status)], int(count))  # type: ignore[call-overload]
        yield family

    def _sign_ins(self) -> GaugeMetricFamily:
        window = self.app.config["SETTINGS"].signin_window_seconds
        since = now() - timedelta(seconds=window)
        count = db.session.execute(select(func.count()).where(SignInFailure.at >= since)).scalar_one()
        return GaugeMetricFamily(
            "dangjian_sign_in_failures_recent", "Failed console sign-ins within the sign-in window.", value=count
        )


def _seconds(at: datetime, since: datetime) -> float:
    if since.tzinfo is None:  # RQ stores naive UTC
        since = since.replace(tzinfo=at.tzinfo)
    return max(0.0, (at - since).total_seconds())
