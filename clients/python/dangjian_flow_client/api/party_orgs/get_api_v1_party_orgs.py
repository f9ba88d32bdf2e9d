import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_party_orgs_kind import GetApiV1PartyOrgsKind
from ...models.get_api_v1_party_orgs_status import GetApiV1PartyOrgsStatus
from ...models.party_org import PartyOrg
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1PartyOrgsKind | Unset = UNSET,
    status: GetApiV1PartyOrgsStatus | Unset = UNSET,
    term_due_before: datetime.date | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_term_due_before: str | Unset = UNSET
    if not isinstance(term_due_before, Unset):
        json_term_due_before = term_due_before.isoformat()
    params["term_due_before"] = json_term_due_before

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
        "url": "/api/v1/party-orgs",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[PartyOrg]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = PartyOrg.from_dict(response_200_item_data)

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
) -> Response[Error | list[PartyOrg]]:
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
    kind: GetApiV1PartyOrgsKind | Unset = UNSET,
    status: GetApiV1PartyOrgsStatus | Unset = UNSET,
    term_due_before: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[PartyOrg]]:
    """
    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1PartyOrgsKind | Unset):
        status (GetApiV1PartyOrgsStatus | Unset):
        term_due_before (datetime.date | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[PartyOrg]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        status=status,
        term_due_before=term_due_before,
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
    kind: GetApiV1PartyOrgsKind | Unset = UNSET,
    status: GetApiV1PartyOrgsStatus | Unset = UNSET,
    term_due_before: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[PartyOrg] | None:
    """
    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1PartyOrgsKind | Unset):
        status (GetApiV1PartyOrgsStatus | Unset):
        term_due_before (datetime.date | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[PartyOrg]
    """

    return sync_detailed(
        client=client,
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        status=status,
        term_due_before=term_due_before,
        q=q,
        sort=sort,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    jurisdiction_id: int | Unset = UNSET,
    kind: GetApiV1PartyOrgsKind | Unset = UNSET,
    status: GetApiV1PartyOrgsStatus | Unset = UNSET,
    term_due_before: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[PartyOrg]]:
    """
    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1PartyOrgsKind | Unset):
        status (GetApiV1PartyOrgsStatus | Unset):
        term_due_before (datetime.date | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[PartyOrg]]
    """

    kwargs = _get_kwargs(
        jurisdiction_id=jurisdiction_id,
        kind=kind,
        status=status,
        term_due_before=term_due_before,
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
    kind: GetApiV1PartyOrgsKind | Unset = UNSET,
    status: GetApiV1PartyOrgsStatus | Unset = UNSET,
    term_due_before: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[PartyOrg] | None:
    """
    Args:
        jurisdiction_id (int | Unset):
        kind (GetApiV1PartyOrgsKind | Unset):
        status (GetApiV1PartyOrgsStatus | Unset):
        term_due_before (datetime.date | Unset):
        q (str | Unset):
        sort (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[PartyOrg]
    """

    return (
        await asyncio_detailed(
            client=client,
            jurisdiction_id=jurisdiction_id,
            kind=kind,
            status=status,
            term_due_before=term_due_before,
            q=q,
            sort=sort,
            page=page,
            page_size=page_size,
        )
    ).parsed
