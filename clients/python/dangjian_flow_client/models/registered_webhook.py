from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.registered_webhook_signature_scheme import (
    RegisteredWebhookSignatureScheme,
    check_registered_webhook_signature_scheme,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisteredWebhook")


@_attrs_define
class RegisteredWebhook:
    """
    Attributes:
        id (int | Unset):
        url (str | Unset):
        events (list[str] | Unset):
        active (bool | Unset):
        signature_scheme (RegisteredWebhookSignatureScheme | Unset): How deliveries are signed: `standard` (Standard
            Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,…`; the default) or `legacy` (`X-Dangjian-
            Signature: sha256=…`; deprecated, kept for receivers registered before the standard scheme)
        previous_secret_until (datetime.datetime | None | Unset): After a secret rotation: until when the replaced
            secret also signs (both signatures are sent); null when only the current secret signs
        owner_id (int | Unset):
        jurisdiction_id (int | Unset): Events in this jurisdiction's subtree are sent
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        secret (str | Unset): The signing secret, `whsec_<base64 key>`: shown once, at registration or rotation, never
            again
    """

    id: int | Unset = UNSET
    url: str | Unset = UNSET
    events: list[str] | Unset = UNSET
    active: bool | Unset = UNSET
    signature_scheme: RegisteredWebhookSignatureScheme | Unset = UNSET
    previous_secret_until: datetime.datetime | None | Unset = UNSET
    owner_id: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events

        active = self.active

        signature_scheme: str | Unset = UNSET
        if not isinstance(self.signature_scheme, Unset):
            signature_scheme = self.signature_scheme

        previous_secret_until: None | str | Unset
        if isinstance(self.previous_secret_until, Unset):
            previous_secret_until = UNSET
        elif isinstance(self.previous_secret_until, datetime.datetime):
            previous_secret_until = self.previous_secret_until.isoformat()
        else:
            previous_secret_until = self.previous_secret_until

        owner_id = self.owner_id

        jurisdiction_id = self.jurisdiction_id

        version = self.version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if active is not UNSET:
            field_dict["active"] = active
        if signature_scheme is not UNSET:
            field_dict["signature_scheme"] = signature_scheme
        if previous_secret_until is not UNSET:
            field_dict["previous_secret_until"] = previous_secret_until
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        events = cast(list[str], d.pop("events", UNSET))

        active = d.pop("active", UNSET)

        _signature_scheme = d.pop("signature_scheme", UNSET)
        signature_scheme: RegisteredWebhookSignatureScheme | Unset
        if isinstance(_signature_scheme, Unset):
            signature_scheme = UNSET
        else:
            signature_scheme = check_registered_webhook_signature_scheme(_signature_scheme)

        def _parse_previous_secret_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_until_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secret_until = _parse_previous_secret_until(d.pop("previous_secret_until", UNSET))

        owner_id = d.pop("owner_id", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        version = d.pop("version", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        secret = d.pop("secret", UNSET)

        registered_webhook = cls(
            id=id,
            url=url,
            events=events,
            active=active,
            signature_scheme=signature_scheme,
            previous_secret_until=previous_secret_until,
            owner_id=owner_id,
            jurisdiction_id=jurisdiction_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
        )

        return registered_webhook
