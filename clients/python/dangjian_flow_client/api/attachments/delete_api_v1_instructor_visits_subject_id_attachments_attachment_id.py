from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attachment import Attachment
from ...models.error import Error
from ...models.withdrawal import Withdrawal
from ...types import Response


def _get_kwargs(
    subject_id: int,
    attachment_id: int,
    *,
    body: Withdrawal,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/instructor-visits/{subject_id}/attachments/{attachment_id}".format(
            subject_id=quote(str(subject_id), safe=""),
            attachment_id=quote(str(attachment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Attachment | Error:
    if response.status_code == 200:
        response_200 = Attachment.from_dict(response.json())

        return response_200

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Attachment | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Withdrawal,
) -> Response[Attachment | Error]:
    """Withdraw an attachment (JSON body `reason`): marked withdrawn with who, when and why; the bytes
    stay.

    Args:
        subject_id (int):
        attachment_id (int):
        body (Withdrawal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Error]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        attachment_id=attachment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Withdrawal,
) -> Attachment | Error | None:
    """Withdraw an attachment (JSON body `reason`): marked withdrawn with who, when and why; the bytes
    stay.

    Args:
        subject_id (int):
        attachment_id (int):
        body (Withdrawal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Error
    """

    return sync_detailed(
        subject_id=subject_id,
        attachment_id=attachment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Withdrawal,
) -> Response[Attachment | Error]:
    """Withdraw an attachment (JSON body `reason`): marked withdrawn with who, when and why; the bytes
    stay.

    Args:
        subject_id (int):
        attachment_id (int):
        body (Withdrawal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Error]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        attachment_id=attachment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Withdrawal,
) -> Attachment | Error | None:
    """Withdraw an attachment (JSON body `reason`): marked withdrawn with who, when and why; the bytes
    stay.

    Args:
        subject_id (int):
        attachment_id (int):
        body (Withdrawal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Error
    """

    return (
        await asyncio_detailed(
            subject_id=subject_id,
            attachment_id=attachment_id,
            client=client,
            body=body,
        )
    ).parsed
