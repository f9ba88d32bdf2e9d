from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.import_file import ImportFile
from ...models.post_api_v1_units_imports_mode import PostApiV1UnitsImportsMode
from ...models.unit_import import UnitImport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportFile,
    mode: PostApiV1UnitsImportsMode | Unset = "all_or_nothing",
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/units/imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | UnitImport:
    if response.status_code == 202:
        response_202 = UnitImport.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | UnitImport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportFile,
    mode: PostApiV1UnitsImportsMode | Unset = "all_or_nothing",
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | UnitImport]:
    """Upload an .xlsx ledger (multipart field `file`; `?mode=`). The whole file is checked now (not a zip,
    zip bomb,
    .xls, formulas, too many rows/columns, headers: 422, nothing changed); the rows are validated and
    applied
    by a background job. Poll the `Location`.

    Args:
        mode (PostApiV1UnitsImportsMode | Unset):  Default: 'all_or_nothing'.
        idempotency_key (str | Unset):
        body (ImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UnitImport]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ImportFile,
    mode: PostApiV1UnitsImportsMode | Unset = "all_or_nothing",
    idempotency_key: str | Unset = UNSET,
) -> Error | UnitImport | None:
    """Upload an .xlsx ledger (multipart field `file`; `?mode=`). The whole file is checked now (not a zip,
    zip bomb,
    .xls, formulas, too many rows/columns, headers: 422, nothing changed); the rows are validated and
    applied
    by a background job. Poll the `Location`.

    Args:
        mode (PostApiV1UnitsImportsMode | Unset):  Default: 'all_or_nothing'.
        idempotency_key (str | Unset):
        body (ImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UnitImport
    """

    return sync_detailed(
        client=client,
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportFile,
    mode: PostApiV1UnitsImportsMode | Unset = "all_or_nothing",
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | UnitImport]:
    """Upload an .xlsx ledger (multipart field `file`; `?mode=`). The whole file is checked now (not a zip,
    zip bomb,
    .xls, formulas, too many rows/columns, headers: 422, nothing changed); the rows are validated and
    applied
    by a background job. Poll the `Location`.

    Args:
        mode (PostApiV1UnitsImportsMode | Unset):  Default: 'all_or_nothing'.
        idempotency_key (str | Unset):
        body (ImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UnitImport]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportFile,
    mode: PostApiV1UnitsImportsMode | Unset = "all_or_nothing",
    idempotency_key: str | Unset = UNSET,
) -> Error | UnitImport | None:
    """Upload an .xlsx ledger (multipart field `file`; `?mode=`). The whole file is checked now (not a zip,
    zip bomb,
    .xls, formulas, too many rows/columns, headers: 422, nothing changed); the rows are validated and
    applied
    by a background job. Poll the `Location`.

    Args:
        mode (PostApiV1UnitsImportsMode | Unset):  Default: 'all_or_nothing'.
        idempotency_key (str | Unset):
        body (ImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UnitImport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mode=mode,
            idempotency_key=idempotency_key,
        )
    ).parsed
