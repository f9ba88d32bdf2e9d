from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_jurisdictions_kind import GetApiV1JurisdictionsKind
from ...models.jurisdiction import Jurisdiction
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: GetApiV1JurisdictionsKind | Unset = UNSET,
    parent_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    params["parent_id"] = parent_id

    params["q"] = q

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jurisdictions",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Jurisdiction]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Jurisdiction.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Error | list[Jurisdiction]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: GetApiV1JurisdictionsKind | Unset = UNSET,
    parent_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | list[Jurisdiction]]:
    """My jurisdiction and everything below it, in tree order.

    Args:
        kind (GetApiV1JurisdictionsKind | Unset):
        parent_id (int | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Jurisdiction]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        q=q,
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
    kind: GetApiV1JurisdictionsKind | Unset = UNSET,
    parent_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | list[Jurisdiction] | None:
    """My jurisdiction and everything below it, in tree order.

    Args:
        kind (GetApiV1JurisdictionsKind | Unset):
        parent_id (int | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Jurisdiction]
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent_id=parent_id,
        q=q,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: GetApiV1JurisdictionsKind | Unset = UNSET,
    parent_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | list[Jurisdiction]]:
    """My jurisdiction and everything below it, in tree order.

    Args:
        kind (GetApiV1JurisdictionsKind | Unset):
        parent_id (int | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Jurisdiction]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        q=q,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: GetApiV1JurisdictionsKind | Unset = UNSET,
    parent_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | list[Jurisdiction] | None:
    """My jurisdiction and everything below it, in tree order.

    Args:
        kind (GetApiV1JurisdictionsKind | Unset):
        parent_id (int | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Jurisdiction]
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent_id=parent_id,
            q=q,
            page=page,
            page_size=page_size,
        )
    ).parsed
