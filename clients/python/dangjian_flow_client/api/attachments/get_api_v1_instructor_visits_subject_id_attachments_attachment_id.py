from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    subject_id: int,
    attachment_id: int,
    *,
    inline: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["inline"] = inline

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/instructor-visits/{subject_id}/attachments/{attachment_id}".format(
            subject_id=quote(str(subject_id), safe=""),
            attachment_id=quote(str(attachment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | File:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | File]:
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
    inline: bool | Unset = False,
) -> Response[Error | File]:
    """Download an attachment (withdrawn ones too: the record keeps them).

    Args:
        subject_id (int):
        attachment_id (int):
        inline (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        attachment_id=attachment_id,
        inline=inline,
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
    inline: bool | Unset = False,
) -> Error | File | None:
    """Download an attachment (withdrawn ones too: the record keeps them).

    Args:
        subject_id (int):
        attachment_id (int):
        inline (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return sync_detailed(
        subject_id=subject_id,
        attachment_id=attachment_id,
        client=client,
        inline=inline,
    ).parsed


async def asyncio_detailed(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    inline: bool | Unset = False,
) -> Response[Error | File]:
    """Download an attachment (withdrawn ones too: the record keeps them).

    Args:
        subject_id (int):
        attachment_id (int):
        inline (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        attachment_id=attachment_id,
        inline=inline,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subject_id: int,
    attachment_id: int,
    *,
    client: AuthenticatedClient | Client,
    inline: bool | Unset = False,
) -> Error | File | None:
    """Download an attachment (withdrawn ones too: the record keeps them).

    Args:
        subject_id (int):
        attachment_id (int):
        inline (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return (
        await asyncio_detailed(
            subject_id=subject_id,
            attachment_id=attachment_id,
            client=client,
            inline=inline,
        )
    ).parsed
