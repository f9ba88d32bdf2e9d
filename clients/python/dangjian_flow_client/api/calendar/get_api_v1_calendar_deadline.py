import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workday_deadline import WorkdayDeadline
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.date | Unset = UNSET,
    workdays: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    params["workdays"] = workdays

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/deadline",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | WorkdayDeadline:
    if response.status_code == 200:
        response_200 = WorkdayDeadline.from_dict(response.json())

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
) -> Response[Error | WorkdayDeadline]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    workdays: int,
) -> Response[Error | WorkdayDeadline]:
    """The date `workdays` working days after `start`, and whether it rests on official data (any role).

    Args:
        start (datetime.date | Unset):
        workdays (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkdayDeadline]
    """

    kwargs = _get_kwargs(
        start=start,
        workdays=workdays,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    workdays: int,
) -> Error | WorkdayDeadline | None:
    """The date `workdays` working days after `start`, and whether it rests on official data (any role).

    Args:
        start (datetime.date | Unset):
        workdays (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkdayDeadline
    """

    return sync_detailed(
        client=client,
        start=start,
        workdays=workdays,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    workdays: int,
) -> Response[Error | WorkdayDeadline]:
    """The date `workdays` working days after `start`, and whether it rests on official data (any role).

    Args:
        start (datetime.date | Unset):
        workdays (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkdayDeadline]
    """

    kwargs = _get_kwargs(
        start=start,
        workdays=workdays,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    workdays: int,
) -> Error | WorkdayDeadline | None:
    """The date `workdays` working days after `start`, and whether it rests on official data (any role).

    Args:
        start (datetime.date | Unset):
        workdays (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkdayDeadline
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            workdays=workdays,
        )
    ).parsed
