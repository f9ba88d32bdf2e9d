from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_create_events_item import WebhookCreateEventsItem, check_webhook_create_events_item
from ..models.webhook_create_signature_scheme import WebhookCreateSignatureScheme, check_webhook_create_signature_scheme
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookCreate")


@_attrs_define
class WebhookCreate:
    """
    Attributes:
        url (str): http(s) URL, at most 500 characters
        events (list[WebhookCreateEventsItem]): Events to receive; `*` is every event. See GET /api/v1/webhooks/events.
        signature_scheme (WebhookCreateSignatureScheme | Unset): How deliveries are signed: `standard` (Standard
            Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,…`; the default) or `legacy` (`X-Dangjian-
            Signature: sha256=…`; deprecated, kept for receivers registered before the standard scheme) Default: 'standard'.
    """

    url: str
    events: list[WebhookCreateEventsItem]
    signature_scheme: WebhookCreateSignatureScheme | Unset = "standard"

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str = events_item_data
            events.append(events_item)

        signature_scheme: str | Unset = UNSET
        if not isinstance(self.signature_scheme, Unset):
            signature_scheme = self.signature_scheme

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )
        if signature_scheme is not UNSET:
            field_dict["signature_scheme"] = signature_scheme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = check_webhook_create_events_item(events_item_data)

            events.append(events_item)

        _signature_scheme = d.pop("signature_scheme", UNSET)
        signature_scheme: WebhookCreateSignatureScheme | Unset
        if isinstance(_signature_scheme, Unset):
            signature_scheme = UNSET
        else:
            signature_scheme = check_webhook_create_signature_scheme(_signature_scheme)

        webhook_create = cls(
            url=url,
            events=events,
            signature_scheme=signature_scheme,
        )

        return webhook_create
