from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.inspection import Inspection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    year: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    party_work_checked: bool | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    params["year"] = year

    params["unit_id"] = unit_id

    params["party_work_checked"] = party_work_checked

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/annual-inspections",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Inspection]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Inspection.from_dict(response_200_item_data)

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
) -> Response[Error | list[Inspection]]:
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
    year: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    party_work_checked: bool | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Inspection]]:
    """This or any year's inspections; `party_work_checked=false`: units inspected without party work
    checked.

    Args:
        jurisdiction_id (int | Unset):
        year (int | Unset):
        unit_id (int | Unset):
        party_work_checked (bool | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Inspection]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        year=year,
        unit_id=unit_id,
        party_work_checked=party_work_checked,
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
    year: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    party_work_checked: bool | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Inspection] | None:
    """This or any year's inspections; `party_work_checked=false`: units inspected without party work
    checked.

    Args:
        jurisdiction_id (int | Unset):
        year (int | Unset):
        unit_id (int | Unset):
        party_work_checked (bool | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Inspection]
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        year=year,
        unit_id=unit_id,
        party_work_checked=party_work_checked,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    year: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    party_work_checked: bool | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Inspection]]:
    """This or any year's inspections; `party_work_checked=false`: units inspected without party work
    checked.

    Args:
        jurisdiction_id (int | Unset):
        year (int | Unset):
        unit_id (int | Unset):
        party_work_checked (bool | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Inspection]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        year=year,
        unit_id=unit_id,
        party_work_checked=party_work_checked,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    year: int | Unset = UNSET,
    unit_id: int | Unset = UNSET,
    party_work_checked: bool | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Inspection] | None:
    """This or any year's inspections; `party_work_checked=false`: units inspected without party work
    checked.

    Args:
        jurisdiction_id (int | Unset):
        year (int | Unset):
        unit_id (int | Unset):
        party_work_checked (bool | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Inspection]
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            year=year,
            unit_id=unit_id,
            party_work_checked=party_work_checked,
            page=page,
            page_size=page_size,
        )
    ).parsed
