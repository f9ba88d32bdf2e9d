from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_update_events_item import WebhookUpdateEventsItem, check_webhook_update_events_item
from ..models.webhook_update_signature_scheme import WebhookUpdateSignatureScheme, check_webhook_update_signature_scheme
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookUpdate")


@_attrs_define
class WebhookUpdate:
    """
    Attributes:
        url (str | Unset): http(s) URL, at most 500 characters
        events (list[WebhookUpdateEventsItem] | Unset): Events to receive; `*` is every event. See GET
            /api/v1/webhooks/events.
        active (bool | Unset):
        signature_scheme (WebhookUpdateSignatureScheme | Unset): How deliveries are signed: `standard` (Standard
            Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,…`; the default) or `legacy` (`X-Dangjian-
            Signature: sha256=…`; deprecated, kept for receivers registered before the standard scheme)
    """

    url: str | Unset = UNSET
    events: list[WebhookUpdateEventsItem] | Unset = UNSET
    active: bool | Unset = UNSET
    signature_scheme: WebhookUpdateSignatureScheme | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item: str = events_item_data
                events.append(events_item)

        active = self.active

        signature_scheme: str | Unset = UNSET
        if not isinstance(self.signature_scheme, Unset):
            signature_scheme = self.signature_scheme

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if active is not UNSET:
            field_dict["active"] = active
        if signature_scheme is not UNSET:
            field_dict["signature_scheme"] = signature_scheme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _events = d.pop("events", UNSET)
        events: list[WebhookUpdateEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = check_webhook_update_events_item(events_item_data)

                events.append(events_item)

        active = d.pop("active", UNSET)

        _signature_scheme = d.pop("signature_scheme", UNSET)
        signature_scheme: WebhookUpdateSignatureScheme | Unset
        if isinstance(_signature_scheme, Unset):
            signature_scheme = UNSET
        else:
            signature_scheme = check_webhook_update_signature_scheme(_signature_scheme)

        webhook_update = cls(
            url=url,
            events=events,
            active=active,
            signature_scheme=signature_scheme,
        )

        return webhook_update
