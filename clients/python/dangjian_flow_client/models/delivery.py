from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_payload import DeliveryPayload


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        id (int | Unset): Also sent as X-Dangjian-Delivery: receivers dedupe on it
        webhook_id (int | Unset):
        event (str | Unset):
        status (str | Unset): pending, delivered, failed or cancelled
        attempts (int | Unset):
        next_attempt_at (datetime.datetime | None | Unset):
        last_status_code (int | None | Unset):
        last_error (None | str | Unset):
        created_at (datetime.datetime | Unset):
        delivered_at (datetime.datetime | None | Unset):
        payload (DeliveryPayload | Unset):
    """

    id: int | Unset = UNSET
    webhook_id: int | Unset = UNSET
    event: str | Unset = UNSET
    status: str | Unset = UNSET
    attempts: int | Unset = UNSET
    next_attempt_at: datetime.datetime | None | Unset = UNSET
    last_status_code: int | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    payload: DeliveryPayload | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        webhook_id = self.webhook_id

        event = self.event

        status = self.status

        attempts = self.attempts

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        elif isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status_code: int | None | Unset
        if isinstance(self.last_status_code, Unset):
            last_status_code = UNSET
        else:
            last_status_code = self.last_status_code

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if webhook_id is not UNSET:
            field_dict["webhook_id"] = webhook_id
        if event is not UNSET:
            field_dict["event"] = event
        if status is not UNSET:
            field_dict["status"] = status
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if last_status_code is not UNSET:
            field_dict["last_status_code"] = last_status_code
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_payload import DeliveryPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        webhook_id = d.pop("webhook_id", UNSET)

        event = d.pop("event", UNSET)

        status = d.pop("status", UNSET)

        attempts = d.pop("attempts", UNSET)

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))

        def _parse_last_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        _payload = d.pop("payload", UNSET)
        payload: DeliveryPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = DeliveryPayload.from_dict(_payload)

        delivery = cls(
            id=id,
            webhook_id=webhook_id,
            event=event,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            created_at=created_at,
            delivered_at=delivered_at,
            payload=payload,
        )

        return delivery
