from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.calendar_year import CalendarYear
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    year: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarYear | Error:
    if response.status_code == 200:
        response_200 = CalendarYear.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CalendarYear | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CalendarYear | Error]:
    """A year as deadlines see it: basis, the loaded notice and days, weekday holidays and weekend working
    days.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarYear | Error]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient | Client,
) -> CalendarYear | Error | None:
    """A year as deadlines see it: basis, the loaded notice and days, weekday holidays and weekend working
    days.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarYear | Error
    """

    return sync_detailed(
        year=year,
        client=client,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CalendarYear | Error]:
    """A year as deadlines see it: basis, the loaded notice and days, weekday holidays and weekend working
    days.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarYear | Error]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient | Client,
) -> CalendarYear | Error | None:
    """A year as deadlines see it: basis, the loaded notice and days, weekday holidays and weekend working
    days.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarYear | Error
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
        )
    ).parsed
