"""Configuration from environment variables. Every setting has a documented default (README)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from workflows.deadlines import EscalationSettings


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw in (None, "") else int(raw)


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


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


def escalation_settings(raw: str | None) -> EscalationSettings:
    """ESCALATION_SETTINGS: JSON overriding ladder settings per item type; unknown keys fail at start-up."""
    if not raw:
        return EscalationSettings()
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("ESCALATION_SETTINGS must be a JSON object")
    kinds = {f.name: f.type for f in fields(EscalationSettings)}
    unknown = sorted(set(data) - set(kinds))
    if unknown:
        raise ValueError(f"ESCALATION_SETTINGS: unknown item types {unknown}")
    defaults = EscalationSettings()
    parts = {name: replace(getattr(defaults, name), **data[name]) for name in data}
    return replace(defaults, **parts)


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str | None
    embedded_database: bool
    enterprise_scope_min_employees: int
    social_org_scope_min_staff: int
    max_page_size: int
    max_joint_units: int
    establishment_approval_workdays: int
    # Default approval mode per level when a body has no route configured.
    approval_modes: dict[str, str]
    max_content_length: int
    log_level: str
    # Outgoing webhooks: attempts before a delivery is marked failed, and the HTTP timeout per attempt.
    webhook_max_attempts: int = 8
    webhook_timeout_seconds: int = 5
    escalation: EscalationSettings = field(default_factory=EscalationSettings)

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
            max_page_size=_int("MAX_PAGE_SIZE", 200),
            max_joint_units=_int("MAX_JOINT_UNITS", 3),
            establishment_approval_workdays=_int("ESTABLISHMENT_APPROVAL_WORKDAYS", 22),
            approval_modes={
                level: os.environ.get(f"APPROVAL_MODE_{level.upper()}", default)
                for level, default in DEFAULT_APPROVAL_MODES.items()
            },
            max_content_length=_int("MAX_CONTENT_LENGTH", 1024 * 1024),
            log_level=os.environ.get("LOG_LEVEL", "INFO"),
            webhook_max_attempts=_int("WEBHOOK_MAX_ATTEMPTS", 8),
            webhook_timeout_seconds=_int("WEBHOOK_TIMEOUT_SECONDS", 5),
            escalation=escalation_settings(os.environ.get("ESCALATION_SETTINGS")),
        )

    def flask_config(self) -> dict[str, object]:
        return {
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "MAX_CONTENT_LENGTH": self.max_content_length,
            "API_TITLE": "Dangjian Flow API",
            "API_VERSION": "v1",
            "OPENAPI_VERSION": "3.0.3",
            "OPENAPI_URL_PREFIX": "/api",
            "OPENAPI_JSON_PATH": "openapi.json",
            "OPENAPI_SWAGGER_UI_PATH": "/docs",
            "OPENAPI_SWAGGER_UI_URL": "https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
            "OPENAPI_REDOC_PATH": "/redoc",
            "OPENAPI_REDOC_URL": "https://cdn.jsdelivr.net/npm/redoc/bundles/redoc.standalone.js",
            "API_SPEC_OPTIONS": {
                "components": {
                    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
                },
                "security": [{"bearerAuth": []}],
            },
            "JSON_SORT_KEYS": False,
            "SETTINGS": self,
        }
