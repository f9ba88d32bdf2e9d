import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.activity import Activity
from ...models.error import Error
from ...models.get_api_v1_party_activities_state import (
    GetApiV1PartyActivitiesState,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    state: GetApiV1PartyActivitiesState | Unset = UNSET,
    held_from: datetime.date | Unset = UNSET,
    held_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    params["unit_id"] = unit_id

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    json_held_from: str | Unset = UNSET
    if not isinstance(held_from, Unset):
        json_held_from = held_from.isoformat()
    params["held_from"] = json_held_from

    json_held_to: str | Unset = UNSET
    if not isinstance(held_to, Unset):
        json_held_to = held_to.isoformat()
    params["held_to"] = json_held_to

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/party-activities",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Activity]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Activity.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Activity]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    state: GetApiV1PartyActivitiesState | Unset = UNSET,
    held_from: datetime.date | Unset = UNSET,
    held_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Activity]]:
    """
    Args:
        jurisdiction_id (int | Unset):
        unit_id (int | Unset):
        state (GetApiV1PartyActivitiesState | Unset):
        held_from (datetime.date | Unset):
        held_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Activity]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        unit_id=unit_id,
        state=state,
        held_from=held_from,
        held_to=held_to,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    state: GetApiV1PartyActivitiesState | Unset = UNSET,
    held_from: datetime.date | Unset = UNSET,
    held_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Activity] | None:
    """
    Args:
        jurisdiction_id (int | Unset):
        unit_id (int | Unset):
        state (GetApiV1PartyActivitiesState | Unset):
        held_from (datetime.date | Unset):
        held_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Activity]
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        unit_id=unit_id,
        state=state,
        held_from=held_from,
        held_to=held_to,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    state: GetApiV1PartyActivitiesState | Unset = UNSET,
    held_from: datetime.date | Unset = UNSET,
    held_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Activity]]:
    """
    Args:
        jurisdiction_id (int | Unset):
        unit_id (int | Unset):
        state (GetApiV1PartyActivitiesState | Unset):
        held_from (datetime.date | Unset):
        held_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Activity]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        unit_id=unit_id,
        state=state,
        held_from=held_from,
        held_to=held_to,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    state: GetApiV1PartyActivitiesState | Unset = UNSET,
    held_from: datetime.date | Unset = UNSET,
    held_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Activity] | None:
    """
    Args:
        jurisdiction_id (int | Unset):
        unit_id (int | Unset):
        state (GetApiV1PartyActivitiesState | Unset):
        held_from (datetime.date | Unset):
        held_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Activity]
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            unit_id=unit_id,
            state=state,
            held_from=held_from,
            held_to=held_to,
            page=page,
            page_size=page_size,
        )
    ).parsed
