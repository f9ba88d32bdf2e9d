from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_coverage_must_establish_kind import (
    GetApiV1CoverageMustEstablishKind,
)
from ...models.get_api_v1_coverage_must_establish_operating_status import (
    GetApiV1CoverageMustEstablishOperatingStatus,
)
from ...models.must_establish import MustEstablish
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishOperatingStatus | Unset = UNSET,
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

    params["has_instructor"] = has_instructor

    params["has_open_case"] = has_open_case

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
        "url": "/api/v1/coverage/must-establish",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[MustEstablish]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = MustEstablish.from_dict(response_200_item_data)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[MustEstablish]]:
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
    kind: GetApiV1CoverageMustEstablishKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[MustEstablish]]:
    """In-scope units with no party organisation (应建未建): reason, instructor, open case and its age.
    Filters and sort as the ledger's unit list; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[MustEstablish]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        has_instructor=has_instructor,
        has_open_case=has_open_case,
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
    kind: GetApiV1CoverageMustEstablishKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[MustEstablish] | None:
    """In-scope units with no party organisation (应建未建): reason, instructor, open case and its age.
    Filters and sort as the ledger's unit list; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[MustEstablish]
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        has_instructor=has_instructor,
        has_open_case=has_open_case,
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
    kind: GetApiV1CoverageMustEstablishKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[MustEstablish]]:
    """In-scope units with no party organisation (应建未建): reason, instructor, open case and its age.
    Filters and sort as the ledger's unit list; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[MustEstablish]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        has_instructor=has_instructor,
        has_open_case=has_open_case,
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
    kind: GetApiV1CoverageMustEstablishKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[MustEstablish] | None:
    """In-scope units with no party organisation (应建未建): reason, instructor, open case and its age.
    Filters and sort as the ledger's unit list; totals in `X-Pagination`.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[MustEstablish]
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            kind=kind,
            has_instructor=has_instructor,
            has_open_case=has_open_case,
            operating_status=operating_status,
            industry=industry,
            q=q,
            sort=sort,
            page=page,
            page_size=page_size,
        )
    ).parsed
