from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.board import Board
from ...models.error import Error
from ...models.get_api_v1_supervision_tickets_board_priority import (
    GetApiV1SupervisionTicketsBoardPriority,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsBoardPriority | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    params["issuing_body_id"] = issuing_body_id

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority

    params["priority"] = json_priority

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/supervision-tickets/board",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Board | Error:
    if response.status_code == 200:
        response_200 = Board.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Board | Error]:
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
    issuing_body_id: int | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsBoardPriority | Unset = UNSET,
) -> Response[Board | Error]:
    """Counts per handling body: issued, closed, closed on time, open, lights, closure and on-time rates;
    and the
    guidance the bodies give (units without an instructor, overdue visits, preparation items).

    Args:
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        priority (GetApiV1SupervisionTicketsBoardPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Board | Error]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
        priority=priority,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsBoardPriority | Unset = UNSET,
) -> Board | Error | None:
    """Counts per handling body: issued, closed, closed on time, open, lights, closure and on-time rates;
    and the
    guidance the bodies give (units without an instructor, overdue visits, preparation items).

    Args:
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        priority (GetApiV1SupervisionTicketsBoardPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Board | Error
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
        priority=priority,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsBoardPriority | Unset = UNSET,
) -> Response[Board | Error]:
    """Counts per handling body: issued, closed, closed on time, open, lights, closure and on-time rates;
    and the
    guidance the bodies give (units without an instructor, overdue visits, preparation items).

    Args:
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        priority (GetApiV1SupervisionTicketsBoardPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Board | Error]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
        priority=priority,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsBoardPriority | Unset = UNSET,
) -> Board | Error | None:
    """Counts per handling body: issued, closed, closed on time, open, lights, closure and on-time rates;
    and the
    guidance the bodies give (units without an instructor, overdue visits, preparation items).

    Args:
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        priority (GetApiV1SupervisionTicketsBoardPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Board | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            issuing_body_id=issuing_body_id,
            priority=priority,
        )
    ).parsed
