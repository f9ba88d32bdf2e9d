from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_units_kind import GetApiV1UnitsKind
from ...models.get_api_v1_units_operating_status import (
    GetApiV1UnitsOperatingStatus,
)
from ...models.unit import Unit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1UnitsKind | Unset = UNSET,
    in_scope: bool | Unset = UNSET,
    has_party_org: bool | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    operating_status: GetApiV1UnitsOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    params["in_scope"] = in_scope

    params["has_party_org"] = has_party_org

    params["has_instructor"] = has_instructor

    json_operating_status: str | Unset = UNSET
    if not isinstance(operating_status, Unset):
        json_operating_status = operating_status

    params["operating_status"] = json_operating_status

    params["industry"] = industry

    params["q"] = q

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/units",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Unit]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Unit.from_dict(response_200_item_data)

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | list[Unit]]:
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
    kind: GetApiV1UnitsKind | Unset = UNSET,
    in_scope: bool | Unset = UNSET,
    has_party_org: bool | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    operating_status: GetApiV1UnitsOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Unit]]:
    """List units in my jurisdiction: filters, text search, sorting; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1UnitsKind | Unset):
        in_scope (bool | Unset):
        has_party_org (bool | Unset):
        has_instructor (bool | Unset):
        operating_status (GetApiV1UnitsOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Unit]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        in_scope=in_scope,
        has_party_org=has_party_org,
        has_instructor=has_instructor,
        operating_status=operating_status,
        industry=industry,
        q=q,
        sort=sort,
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
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1UnitsKind | Unset = UNSET,
    in_scope: bool | Unset = UNSET,
    has_party_org: bool | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    operating_status: GetApiV1UnitsOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Unit] | None:
    """List units in my jurisdiction: filters, text search, sorting; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1UnitsKind | Unset):
        in_scope (bool | Unset):
        has_party_org (bool | Unset):
        has_instructor (bool | Unset):
        operating_status (GetApiV1UnitsOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Unit]
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        in_scope=in_scope,
        has_party_org=has_party_org,
        has_instructor=has_instructor,
        operating_status=operating_status,
        industry=industry,
        q=q,
        sort=sort,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1UnitsKind | Unset = UNSET,
    in_scope: bool | Unset = UNSET,
    has_party_org: bool | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    operating_status: GetApiV1UnitsOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Unit]]:
    """List units in my jurisdiction: filters, text search, sorting; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1UnitsKind | Unset):
        in_scope (bool | Unset):
        has_party_org (bool | Unset):
        has_instructor (bool | Unset):
        operating_status (GetApiV1UnitsOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Unit]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        in_scope=in_scope,
        has_party_org=has_party_org,
        has_instructor=has_instructor,
        operating_status=operating_status,
        industry=industry,
        q=q,
        sort=sort,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1UnitsKind | Unset = UNSET,
    in_scope: bool | Unset = UNSET,
    has_party_org: bool | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    operating_status: GetApiV1UnitsOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Unit] | None:
    """List units in my jurisdiction: filters, text search, sorting; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1UnitsKind | Unset):
        in_scope (bool | Unset):
        has_party_org (bool | Unset):
        has_instructor (bool | Unset):
        operating_status (GetApiV1UnitsOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Unit]
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            kind=kind,
            in_scope=in_scope,
            has_party_org=has_party_org,
            has_instructor=has_instructor,
            operating_status=operating_status,
            industry=industry,
            q=q,
            sort=sort,
            page=page,
            page_size=page_size,
        )
    ).parsed
