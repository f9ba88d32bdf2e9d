"""Configuration from environment variables. Every setting has a documented default (docs/configuration.md)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from flask import current_app, has_app_context

from service.attachments.limits import AttachmentSettings
from service.documents.kinds import DocumentSettings
from service.rate_limits import RateLimitSettings
from service.spreadsheets.limits import SpreadsheetSettings
from workflows.dates import DEFAULT_DATE_WINDOW, DateWindow
from workflows.deadlines import EscalationSettings
from workflows.establishment import EstablishmentSettings
from workflows.registry import LADDERS, WORKFLOWS
from workflows.supervision import SupervisionSettings

T = TypeVar("T")


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if not raw:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = (os.environ.get(name) or default).strip().lower()
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _list(name: str) -> tuple[str, ...]:
    """A comma-separated list, entries trimmed and lower-cased, empty ones dropped."""
    return tuple(item.strip().lower() for item in os.environ.get(name, "").split(",") if item.strip())


def _rate(name: str, default: float) -> float:
    raw = os.environ.get(name)
    value = float(raw) if raw else default
    if not 0 < value <= 1:
        raise ValueError(f"{name} must be a fraction in (0, 1], e.g. 0.95 for 95%")
    return value


def default_instance_dir() -> Path:
    return Path(os.environ.get("INSTANCE_DIR", Path.cwd() / "instance")).resolve()


def normalise_database_url(url: str) -> str:
    """Accept the usual `postgres://` / `postgresql://` forms and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# The superior body decides at a committee meeting (domain rule); a review before county approval is
# usually signed by whoever handles it.
DEFAULT_APPROVAL_MODES = {
    "superior_approval": "committee_vote",
    "superior_review": "any_one",
    "county_approval": "committee_vote",
}


def _json_object(name: str, raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{name} must be a JSON object")
    return data


def _merged(default: T, overrides: dict[str, Any], name: str) -> T:
    """`default` with `overrides` applied; mapping fields (per-form tables) merge key by key. Unknown keys
    and invalid values fail at start-up, never at the first request."""
    known = {f.name for f in fields(default)}  # type: ignore[arg-type]
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise ValueError(f"{name}: unknown settings {unknown}")
    values = {
        key: {**getattr(default, key), **value} if isinstance(value, dict) else value
        for key, value in overrides.items()
    }
    return replace(default, **values)  # type: ignore[type-var]


def escalation_settings(raw: str | None) -> EscalationSettings:
    """ESCALATION_SETTINGS: JSON overriding the declared ladders per item type, by the naming rule of
    workflows.deadlines (`<level>_after_workdays`, `yellow_within_workdays`, declared parameters)."""
    return EscalationSettings.from_declarations(LADDERS, _json_object("ESCALATION_SETTINGS", raw))


def workflow_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """Each workflow that declares rule settings (`WorkflowDefinition.settings`): its defaults merged with the
    JSON variable `<NAME>_SETTINGS` (e.g. PAIRING_AGREEMENT_SETTINGS), checked at start-up."""
    return {
        d.name: _merged(
            d.settings, _json_object(d.settings_variable, environ.get(d.settings_variable)), d.settings_variable
        )
        for d in WORKFLOWS.values()
        if d.settings is not None
    }


def establishment_settings(raw: str | None) -> EstablishmentSettings:
    """ESTABLISHMENT_SETTINGS (JSON), then the two common ones as plain variables."""
    merged = _merged(EstablishmentSettings(), _json_object("ESTABLISHMENT_SETTINGS", raw), "ESTABLISHMENT_SETTINGS")
    return replace(
        merged,
        max_joint_units=_int("MAX_JOINT_UNITS", merged.max_joint_units),
        approval_due_working_days=_int("ESTABLISHMENT_APPROVAL_WORKDAYS", merged.approval_due_working_days),
    )


def document_settings(raw: str | None) -> DocumentSettings:
    """DOCUMENT_SETTINGS (JSON): document-number prefixes and the PDF converter (service/documents/kinds.py)."""
    return _merged(DocumentSettings(), _json_object("DOCUMENT_SETTINGS", raw), "DOCUMENT_SETTINGS")


def supervision_settings(raw: str | None) -> SupervisionSettings:
    return _merged(SupervisionSettings(), _json_object("SUPERVISION_SETTINGS", raw), "SUPERVISION_SETTINGS")


@dataclass(frozen=True)
class RetentionSettings:
    """Days records are kept before the scheduler purges them (RETENTION_*_DAYS). The audit trail is never
    purged. Sign-in records: at least six months, as China's Cybersecurity Law (art. 21) asks of network logs."""

    notification_days: int = 180  # read or settled notifications; unread, unsettled ones stay
    webhook_delivery_days: int = 90  # delivered or failed deliveries; pending ones stay
    import_days: int = 30  # finished Excel imports: the uploaded file, its rows, errors and record
    sign_in_days: int = 180  # failed sign-in records

    @classmethod
    def from_env(cls) -> RetentionSettings:
        d = cls()
        values = {
            "notification_days": _int("RETENTION_NOTIFICATION_DAYS", d.notification_days),
            "webhook_delivery_days": _int("RETENTION_WEBHOOK_DELIVERY_DAYS", d.webhook_delivery_days),
            "import_days": _int("RETENTION_IMPORT_DAYS", d.import_days),
            "sign_in_days": _int("RETENTION_SIGN_IN_DAYS", d.sign_in_days),
        }
        for name, days in values.items():
            if days < 1:
                raise ValueError(f"RETENTION_{name.removesuffix('_days').upper()}_DAYS must be at least 1 day")
        return cls(**values)


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str | None
    embedded_database: bool
    enterprise_scope_min_employees: int
    social_org_scope_min_staff: int
    # Default approval mode per level when a body has no route configured.
    approval_modes: dict[str, str]
    max_content_length: int
    log_level: str
    # "text" (a person at a terminal) or "json" (one JSON object per line, for a log shipper): LOG_FORMAT.
    log_format: str = "text"
    # Outgoing webhooks: attempts before a delivery is marked failed, and the HTTP timeout per attempt.
    webhook_max_attempts: int = 8
    webhook_timeout_seconds: int = 5
    # Hosts, addresses and networks (CIDR) a webhook may reach although they are not public (WEBHOOK_ALLOWED_HOSTS).
    webhook_allowed_hosts: tuple[str, ...] = ()
    # After a secret rotation the old secret keeps signing, beside the new one, this long.
    webhook_secret_overlap_hours: int = 24
    # Lists refuse pages that skip more rows than this ((page - 1) * page_size): OFFSET reads every skipped row.
    max_pagination_offset: int = 10_000
    escalation: EscalationSettings = field(default_factory=lambda: escalation_settings(None))
    establishment: EstablishmentSettings = field(default_factory=EstablishmentSettings)
    supervision: SupervisionSettings = field(default_factory=SupervisionSettings)
    # Every date input and the working-day calendar's years (DATE_MIN_YEAR / DATE_MAX_YEAR).
    date_window: DateWindow = field(default_factory=DateWindow)
    # How often a process compares its configuration caches with the database (service/config_cache.py).
    config_check_seconds: float = 1.0
    # The web console (service/console): session signing key (None: a random key kept in the instance dir),
    # the Secure cookie flag (set it when served behind TLS), and the sign-in rate limit: at most N failed
    # attempts per username and per client address within the window.
    secret_key: str | None = None
    session_cookie_secure: bool = False
    # Reverse proxies (nginx…) in front of the web processes that set X-Forwarded-For/-Proto/-Host/-Prefix.
    # 0 trusts none: a client could otherwise forge its address and escape the sign-in limit per address.
    trusted_proxies: int = 0
    signin_window_seconds: int = 900
    signin_max_failures_per_user: int = 5
    signin_max_failures_per_address: int = 20
    password_min_length: int = 8
    # 常用意见: how many saved opinions each user may keep (SAVED_OPINIONS_MAX).
    saved_opinions_max: int = 30
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    # Attachments (附件): size per file and per subject, where the bytes are kept (ATTACHMENT_* variables).
    attachments: AttachmentSettings = field(default_factory=AttachmentSettings)
    # .xlsx imports: upload size, zip-bomb guards, row/column limits, batch size (IMPORT_* variables).
    spreadsheets: SpreadsheetSettings = field(default_factory=SpreadsheetSettings)
    # Rule settings of the workflows that declare them, by workflow name (workflow_settings).
    workflows: dict[str, Any] = field(default_factory=lambda: workflow_settings({}))
    # The campaign's target for both coverage rates (1.0 = 100%): the trend's projection aims at it.
    coverage_target_rate: float = 1.0
    # The console's worklist exports (待办, 已办, 全部事项 as .xlsx) hold at most this many rows
    # (CONSOLE_EXPORT_MAX_ROWS); a longer list is cut and the workbook says so.
    console_export_max_rows: int = 5000
    # At most this many tasks in one batch decision (批量审批, POST /api/v1/tasks/batch; BATCH_MAX_TASKS).
    batch_max_tasks: int = 50
    # How long a POST's Idempotency-Key and its first answer are kept per token (IDEMPOTENCY_KEY_HOURS);
    # the scheduler purges them after.
    idempotency_key_hours: float = 24.0
    # Connections per process (DATABASE_POOL_SIZE, DATABASE_MAX_OVERFLOW): a sync gunicorn worker serves one
    # request at a time, so a few suffice; the server must allow processes × (size + overflow) connections.
    database_pool_size: int = 5
    database_max_overflow: int = 5
    # Connections older than this are replaced at check-out (DATABASE_POOL_RECYCLE_SECONDS), before a firewall
    # or the server's idle timeout closes them under us.
    database_pool_recycle_seconds: int = 1800
    # A `SELECT 1` at every check-out (DATABASE_PRE_PING). Off for the web, where a connection found lost at
    # its first statement is replaced and the request run again (service.db.run_unit_of_work); workers and the
    # scheduler turn it on, their jobs are few and long-lived connections idle between them.
    database_pre_ping: bool = False
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    # The bearer token Prometheus scrapes the web's /metrics with (METRICS_TOKEN); unset, /metrics is 404.
    metrics_token: str | None = None
    # Requests per token and per client address on the API, counted in Redis (RATE_LIMIT_* variables).
    rate_limits: RateLimitSettings = field(default_factory=RateLimitSettings)

    @classmethod
    def from_env(cls) -> Settings:
        raw_db = os.environ.get("DATABASE_URL", "")
        embedded = raw_db == ""
        if embedded:
            instance = default_instance_dir()
            instance.mkdir(parents=True, exist_ok=True)
            raw_db = f"sqlite:///{instance / 'dangjian.db'}"
        return cls(
            database_url=normalise_database_url(raw_db),
            redis_url=os.environ.get("REDIS_URL") or None,
            embedded_database=embedded,
            enterprise_scope_min_employees=_int("ENTERPRISE_SCOPE_MIN_EMPLOYEES", 50),
            social_org_scope_min_staff=_int("SOCIAL_ORG_SCOPE_MIN_STAFF", 30),
            approval_modes={
                level: os.environ.get(f"APPROVAL_MODE_{level.upper()}", default)
                for level, default in DEFAULT_APPROVAL_MODES.items()
            },
            max_content_length=_int("MAX_CONTENT_LENGTH", 1024 * 1024),
            log_level=os.environ.get("LOG_LEVEL", "INFO"),
            log_format=_choice("LOG_FORMAT", ("text", "json"), "text"),
            webhook_max_attempts=_int("WEBHOOK_MAX_ATTEMPTS", 8),
            webhook_timeout_seconds=_int("WEBHOOK_TIMEOUT_SECONDS", 5),
            webhook_allowed_hosts=_list("WEBHOOK_ALLOWED_HOSTS"),
            webhook_secret_overlap_hours=_int("WEBHOOK_SECRET_OVERLAP_HOURS", 24),
            max_pagination_offset=_int("MAX_PAGINATION_OFFSET", 10_000),
            escalation=escalation_settings(os.environ.get("ESCALATION_SETTINGS")),
            establishment=establishment_settings(os.environ.get("ESTABLISHMENT_SETTINGS")),
            supervision=supervision_settings(os.environ.get("SUPERVISION_SETTINGS")),
            config_check_seconds=float(os.environ.get("CONFIG_CHECK_SECONDS") or 1.0),
            documents=document_settings(os.environ.get("DOCUMENT_SETTINGS")),
            workflows=workflow_settings(os.environ),
            coverage_target_rate=_rate("COVERAGE_TARGET_RATE", 1.0),
            date_window=DateWindow(
                _int("DATE_MIN_YEAR", DEFAULT_DATE_WINDOW.min_year), _int("DATE_MAX_YEAR", DEFAULT_DATE_WINDOW.max_year)
            ),
            secret_key=os.environ.get("SECRET_KEY") or None,
            session_cookie_secure=_bool("SESSION_COOKIE_SECURE", False),
            trusted_proxies=_int("TRUSTED_PROXIES", 0),
            signin_window_seconds=_int("SIGNIN_WINDOW_SECONDS", 900),
            signin_max_failures_per_user=_int("SIGNIN_MAX_FAILURES_PER_USER", 5),
            signin_max_failures_per_address=_int("SIGNIN_MAX_FAILURES_PER_ADDRESS", 20),
            password_min_length=_int("PASSWORD_MIN_LENGTH", 8),
            saved_opinions_max=_int("SAVED_OPINIONS_MAX", 30),
            spreadsheets=SpreadsheetSettings.from_env(),
            attachments=AttachmentSettings.from_env(),
            console_export_max_rows=_int("CONSOLE_EXPORT_MAX_ROWS", 5000),
            batch_max_tasks=_int("BATCH_MAX_TASKS", 50),
            idempotency_key_hours=float(os.environ.get("IDEMPOTENCY_KEY_HOURS") or 24.0),
            database_pool_size=_int("DATABASE_POOL_SIZE", 5),
            database_max_overflow=_int("DATABASE_MAX_OVERFLOW", 5),
            database_pool_recycle_seconds=_int("DATABASE_POOL_RECYCLE_SECONDS", 1800),
            database_pre_ping=_bool("DATABASE_PRE_PING", False),
            retention=RetentionSettings.from_env(),
            metrics_token=os.environ.get("METRICS_TOKEN") or None,
            rate_limits=RateLimitSettings.from_env(),
        )

    def for_workers(self) -> Settings:
        """A worker's or the scheduler's settings: their pooled connections idle between jobs, pinged at check-out."""
        return replace(self, database_pre_ping=True)

    def flask_config(self) -> dict[str, object]:
        return {
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {
                "pool_pre_ping": self.database_pre_ping,
                "pool_size": self.database_pool_size,
                "max_overflow": self.database_max_overflow,
                "pool_recycle": self.database_pool_recycle_seconds,
            },
            "MAX_CONTENT_LENGTH": self.max_content_length,
            "API_TITLE": "Dangjian Flow API",
            "API_VERSION": "v1",
            "OPENAPI_VERSION": "3.0.3",
            "OPENAPI_URL_PREFIX": "/api",
            "OPENAPI_JSON_PATH": "openapi.json",
            "OPENAPI_SWAGGER_UI_PATH": "/docs",
            # Served by the app itself (service/api/docs.py): the docs work offline.
            "OPENAPI_SWAGGER_UI_URL": "/api/docs/swagger-ui/",
            # No validator badge: Swagger UI would send the document to an outside validator service.
            "OPENAPI_SWAGGER_UI_CONFIG": {"validatorUrl": None},
            "OPENAPI_REDOC_PATH": "/redoc",
            "OPENAPI_REDOC_URL": "/static/redoc/redoc.standalone.js",
            "API_SPEC_OPTIONS": {
                "components": {
                    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
                },
                "security": [{"bearerAuth": []}],
                # What gunicorn refuses before the app (service/gunicorn_conf.py), in the same JSON error shape.
                "info": {
                    "description": "Limits of the web server, answered before any operation in the Error shape "
                    "(without `request_id`): a request line (method, path and query) over 8190 bytes answers 414 "
                    "`uri_too_long`; a header field over 8190 bytes, 431 `request_header_fields_too_large`. "
                    f"A body over MAX_CONTENT_LENGTH ({self.max_content_length} bytes) answers 413."
                },
            },
            "JSON_SORT_KEYS": False,
            # The console's session cookie (the API uses bearer tokens, never this cookie).
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.session_cookie_secure,
            "SESSION_COOKIE_NAME": "dangjian_session",
            "SETTINGS": self,
        }


def rule_settings(workflow: str) -> Any:
    """The rule settings in force for a workflow that declares them (see workflow_settings)."""
    return current_app.config["SETTINGS"].workflows[workflow]


def date_window() -> DateWindow:
    """The configured date window of the running app; the default one outside an app (pure tools, imports)."""
    if has_app_context():
        settings = current_app.config.get("SETTINGS")
        if isinstance(settings, Settings):
            return settings.date_window
    return DEFAULT_DATE_WINDOW
