import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.circular_figures import CircularFigures
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    period_start: datetime.date,
    period_end: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    json_period_start = period_start.isoformat()
    params["period_start"] = json_period_start

    json_period_end = period_end.isoformat()
    params["period_end"] = json_period_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/coverage/circular",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CircularFigures | Error:
    if response.status_code == 200:
        response_200 = CircularFigures.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CircularFigures | Error]:
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
    period_start: datetime.date,
    period_end: datetime.date,
) -> Response[CircularFigures | Error]:
    """Preview a circular for a period: children ranked by coverage, progress and supervision; laggards
    named.

    Args:
        jurisdiction_id (int | Unset):
        period_start (datetime.date):
        period_end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CircularFigures | Error]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        period_start=period_start,
        period_end=period_end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    period_start: datetime.date,
    period_end: datetime.date,
) -> CircularFigures | Error | None:
    """Preview a circular for a period: children ranked by coverage, progress and supervision; laggards
    named.

    Args:
        jurisdiction_id (int | Unset):
        period_start (datetime.date):
        period_end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CircularFigures | Error
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        period_start=period_start,
        period_end=period_end,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    period_start: datetime.date,
    period_end: datetime.date,
) -> Response[CircularFigures | Error]:
    """Preview a circular for a period: children ranked by coverage, progress and supervision; laggards
    named.

    Args:
        jurisdiction_id (int | Unset):
        period_start (datetime.date):
        period_end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CircularFigures | Error]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        period_start=period_start,
        period_end=period_end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    period_start: datetime.date,
    period_end: datetime.date,
) -> CircularFigures | Error | None:
    """Preview a circular for a period: children ranked by coverage, progress and supervision; laggards
    named.

    Args:
        jurisdiction_id (int | Unset):
        period_start (datetime.date):
        period_end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CircularFigures | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            period_start=period_start,
            period_end=period_end,
        )
    ).parsed
