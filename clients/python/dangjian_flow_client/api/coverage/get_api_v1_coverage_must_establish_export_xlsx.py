from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_coverage_must_establish_export_xlsx_kind import (
    GetApiV1CoverageMustEstablishExportXlsxKind,
)
from ...models.get_api_v1_coverage_must_establish_export_xlsx_operating_status import (
    GetApiV1CoverageMustEstablishExportXlsxOperatingStatus,
)
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishExportXlsxKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/coverage/must-establish/export.xlsx",
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
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishExportXlsxKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[Error | File]:
    """The whole must-establish list (应建未建清单) with the list's filters and sort, streamed.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishExportXlsxKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
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
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishExportXlsxKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Error | File | None:
    """The whole must-establish list (应建未建清单) with the list's filters and sort, streamed.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishExportXlsxKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishExportXlsxKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[Error | File]:
    """The whole must-establish list (应建未建清单) with the list's filters and sort, streamed.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishExportXlsxKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1CoverageMustEstablishExportXlsxKind | Unset = UNSET,
    has_instructor: bool | Unset = UNSET,
    has_open_case: bool | Unset = UNSET,
    operating_status: GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Error | File | None:
    """The whole must-establish list (应建未建清单) with the list's filters and sort, streamed.

    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1CoverageMustEstablishExportXlsxKind | Unset):
        has_instructor (bool | Unset):
        has_open_case (bool | Unset):
        operating_status (GetApiV1CoverageMustEstablishExportXlsxOperatingStatus | Unset):
        industry (str | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
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
        )
    ).parsed
