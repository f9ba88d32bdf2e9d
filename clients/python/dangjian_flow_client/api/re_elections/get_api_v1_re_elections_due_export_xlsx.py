from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_re_elections_due_export_xlsx_status import (
    GetApiV1ReElectionsDueExportXlsxStatus,
)
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    status: GetApiV1ReElectionsDueExportXlsxStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["jurisdiction_id"] = jurisdiction_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/re-elections/due/export.xlsx",
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
    status: GetApiV1ReElectionsDueExportXlsxStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | File]:
    """The due list of the same filters as .xlsx (换届提醒), every organisation, not one page.

    Args:
        status (GetApiV1ReElectionsDueExportXlsxStatus | Unset):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        status=status,
        jurisdiction_id=jurisdiction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueExportXlsxStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | File | None:
    """The due list of the same filters as .xlsx (换届提醒), every organisation, not one page.

    Args:
        status (GetApiV1ReElectionsDueExportXlsxStatus | Unset):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return sync_detailed(
        client=client,
        status=status,
        jurisdiction_id=jurisdiction_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueExportXlsxStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | File]:
    """The due list of the same filters as .xlsx (换届提醒), every organisation, not one page.

    Args:
        status (GetApiV1ReElectionsDueExportXlsxStatus | Unset):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        status=status,
        jurisdiction_id=jurisdiction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: GetApiV1ReElectionsDueExportXlsxStatus | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | File | None:
    """The due list of the same filters as .xlsx (换届提醒), every organisation, not one page.

    Args:
        status (GetApiV1ReElectionsDueExportXlsxStatus | Unset):
        jurisdiction_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            jurisdiction_id=jurisdiction_id,
        )
    ).parsed
