from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.due import Due
from ...models.error import Error
from ...models.get_api_v1_re_elections_due_status import (
    GetApiV1ReElectionsDueStatus,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: GetApiV1ReElectionsDueStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["jurisdiction_id"] = jurisdiction_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/re-elections/due",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Due]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Due.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | list[Due]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Due]]:
    """Organisations whose term ends within the window (RE_ELECTION_SETTINGS.due_within_months) or has
    passed.

    Args:
        status (GetApiV1ReElectionsDueStatus | Unset):
        jurisdiction_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Due]]
    """

    kwargs = _get_kwargs(
        status=status,
        jurisdiction_id=jurisdiction_id,
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
    status: GetApiV1ReElectionsDueStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Due] | None:
    """Organisations whose term ends within the window (RE_ELECTION_SETTINGS.due_within_months) or has
    passed.

    Args:
        status (GetApiV1ReElectionsDueStatus | Unset):
        jurisdiction_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Due]
    """

    return sync_detailed(
        client=client,
        status=status,
        jurisdiction_id=jurisdiction_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Due]]:
    """Organisations whose term ends within the window (RE_ELECTION_SETTINGS.due_within_months) or has
    passed.

    Args:
        status (GetApiV1ReElectionsDueStatus | Unset):
        jurisdiction_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Due]]
    """

    kwargs = _get_kwargs(
        status=status,
        jurisdiction_id=jurisdiction_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Due] | None:
    """Organisations whose term ends within the window (RE_ELECTION_SETTINGS.due_within_months) or has
    passed.

    Args:
        status (GetApiV1ReElectionsDueStatus | Unset):
        jurisdiction_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Due]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            jurisdiction_id=jurisdiction_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
