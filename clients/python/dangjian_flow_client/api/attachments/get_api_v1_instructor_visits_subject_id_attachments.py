from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attachment import Attachment
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    subject_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/instructor-visits/{subject_id}/attachments".format(
            subject_id=quote(str(subject_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Attachment]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Attachment.from_dict(response_200_item_data)

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Attachment]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[Attachment]]:
    """The subject's attachments, oldest first; withdrawn ones are listed, marked withdrawn.

    Args:
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Attachment]]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[Attachment] | None:
    """The subject's attachments, oldest first; withdrawn ones are listed, marked withdrawn.

    Args:
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Attachment]
    """

    return sync_detailed(
        subject_id=subject_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[Attachment]]:
    """The subject's attachments, oldest first; withdrawn ones are listed, marked withdrawn.

    Args:
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Attachment]]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[Attachment] | None:
    """The subject's attachments, oldest first; withdrawn ones are listed, marked withdrawn.

    Args:
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Attachment]
    """

    return (
        await asyncio_detailed(
            subject_id=subject_id,
            client=client,
        )
    ).parsed
