from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_supervision_tickets_export_xlsx_priority import (
    GetApiV1SupervisionTicketsExportXlsxPriority,
)
from ...models.get_api_v1_supervision_tickets_export_xlsx_state import (
    GetApiV1SupervisionTicketsExportXlsxState,
)
from ...models.get_api_v1_supervision_tickets_export_xlsx_warning_level import (
    GetApiV1SupervisionTicketsExportXlsxWarningLevel,
)
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    state: GetApiV1SupervisionTicketsExportXlsxState | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsExportXlsxPriority | Unset = UNSET,
    warning_level: GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority

    params["priority"] = json_priority

    json_warning_level: str | Unset = UNSET
    if not isinstance(warning_level, Unset):
        json_warning_level = warning_level

    params["warning_level"] = json_warning_level

    params["overdue"] = overdue

    params["jurisdiction_id"] = jurisdiction_id

    params["issuing_body_id"] = issuing_body_id

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
        "url": "/api/v1/supervision-tickets/export.xlsx",
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
    state: GetApiV1SupervisionTicketsExportXlsxState | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsExportXlsxPriority | Unset = UNSET,
    warning_level: GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[Error | File]:
    """The board as .xlsx: the ticket list's filters with each ticket's light, and the per-body counts.

    Args:
        state (GetApiV1SupervisionTicketsExportXlsxState | Unset):
        priority (GetApiV1SupervisionTicketsExportXlsxPriority | Unset):
        warning_level (GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset):
        overdue (bool | Unset):
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        state=state,
        priority=priority,
        warning_level=warning_level,
        overdue=overdue,
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
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
    state: GetApiV1SupervisionTicketsExportXlsxState | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsExportXlsxPriority | Unset = UNSET,
    warning_level: GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Error | File | None:
    """The board as .xlsx: the ticket list's filters with each ticket's light, and the per-body counts.

    Args:
        state (GetApiV1SupervisionTicketsExportXlsxState | Unset):
        priority (GetApiV1SupervisionTicketsExportXlsxPriority | Unset):
        warning_level (GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset):
        overdue (bool | Unset):
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
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
        state=state,
        priority=priority,
        warning_level=warning_level,
        overdue=overdue,
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
        q=q,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: GetApiV1SupervisionTicketsExportXlsxState | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsExportXlsxPriority | Unset = UNSET,
    warning_level: GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[Error | File]:
    """The board as .xlsx: the ticket list's filters with each ticket's light, and the per-body counts.

    Args:
        state (GetApiV1SupervisionTicketsExportXlsxState | Unset):
        priority (GetApiV1SupervisionTicketsExportXlsxPriority | Unset):
        warning_level (GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset):
        overdue (bool | Unset):
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
        q (str | Unset):
        sort (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        state=state,
        priority=priority,
        warning_level=warning_level,
        overdue=overdue,
        jurisdiction_id=jurisdiction_id,
        issuing_body_id=issuing_body_id,
        q=q,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: GetApiV1SupervisionTicketsExportXlsxState | Unset = UNSET,
    priority: GetApiV1SupervisionTicketsExportXlsxPriority | Unset = UNSET,
    warning_level: GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    jurisdiction_id: int | Unset = UNSET,
    issuing_body_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Error | File | None:
    """The board as .xlsx: the ticket list's filters with each ticket's light, and the per-body counts.

    Args:
        state (GetApiV1SupervisionTicketsExportXlsxState | Unset):
        priority (GetApiV1SupervisionTicketsExportXlsxPriority | Unset):
        warning_level (GetApiV1SupervisionTicketsExportXlsxWarningLevel | Unset):
        overdue (bool | Unset):
        jurisdiction_id (int | Unset):
        issuing_body_id (int | Unset):
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
            state=state,
            priority=priority,
            warning_level=warning_level,
            overdue=overdue,
            jurisdiction_id=jurisdiction_id,
            issuing_body_id=issuing_body_id,
            q=q,
            sort=sort,
        )
    ).parsed
