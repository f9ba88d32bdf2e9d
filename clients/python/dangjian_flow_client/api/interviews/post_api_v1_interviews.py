from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.interview import Interview
from ...models.interview_create_type_0 import InterviewCreateType0
from ...models.interview_create_type_1 import InterviewCreateType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: InterviewCreateType0 | InterviewCreateType1,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/interviews",
    }

    if isinstance(body, InterviewCreateType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Interview:
    if response.status_code == 201:
        response_201 = Interview.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Interview]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InterviewCreateType0 | InterviewCreateType1,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Interview]:
    """Arrange an interview about a ticket (ticket_id), an establishment case or a body below mine.

    Args:
        idempotency_key (str | Unset):
        body (InterviewCreateType0 | InterviewCreateType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Interview]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InterviewCreateType0 | InterviewCreateType1,
    idempotency_key: str | Unset = UNSET,
) -> Error | Interview | None:
    """Arrange an interview about a ticket (ticket_id), an establishment case or a body below mine.

    Args:
        idempotency_key (str | Unset):
        body (InterviewCreateType0 | InterviewCreateType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Interview
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InterviewCreateType0 | InterviewCreateType1,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Interview]:
    """Arrange an interview about a ticket (ticket_id), an establishment case or a body below mine.

    Args:
        idempotency_key (str | Unset):
        body (InterviewCreateType0 | InterviewCreateType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Interview]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InterviewCreateType0 | InterviewCreateType1,
    idempotency_key: str | Unset = UNSET,
) -> Error | Interview | None:
    """Arrange an interview about a ticket (ticket_id), an establishment case or a body below mine.

    Args:
        idempotency_key (str | Unset):
        body (InterviewCreateType0 | InterviewCreateType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Interview
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
