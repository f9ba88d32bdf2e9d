from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.uploaded_template import UploadedTemplate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: str,
    *,
    jurisdiction_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/document-templates/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | UploadedTemplate:
    if response.status_code == 200:
        response_200 = UploadedTemplate.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UploadedTemplate]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | UploadedTemplate]:
    """Go back to the inherited (or the repository's default) template; the old versions stay on record.

    Args:
        kind (str):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadedTemplate]
    """

    kwargs = _get_kwargs(
        kind=kind,
        jurisdiction_id=jurisdiction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | UploadedTemplate | None:
    """Go back to the inherited (or the repository's default) template; the old versions stay on record.

    Args:
        kind (str):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadedTemplate
    """

    return sync_detailed(
        kind=kind,
        client=client,
        jurisdiction_id=jurisdiction_id,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | UploadedTemplate]:
    """Go back to the inherited (or the repository's default) template; the old versions stay on record.

    Args:
        kind (str):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadedTemplate]
    """

    kwargs = _get_kwargs(
        kind=kind,
        jurisdiction_id=jurisdiction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | UploadedTemplate | None:
    """Go back to the inherited (or the repository's default) template; the old versions stay on record.

    Args:
        kind (str):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadedTemplate
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            jurisdiction_id=jurisdiction_id,
        )
    ).parsed
