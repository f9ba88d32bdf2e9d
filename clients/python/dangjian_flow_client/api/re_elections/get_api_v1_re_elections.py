from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_re_elections_kind import GetApiV1ReElectionsKind
from ...models.get_api_v1_re_elections_state import GetApiV1ReElectionsState
from ...models.request import Request
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: GetApiV1ReElectionsState | Unset = UNSET,
    kind: GetApiV1ReElectionsKind | Unset = UNSET,
    party_org_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    params["party_org_id"] = party_org_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/re-elections",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Request]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Request.from_dict(response_200_item_data)

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
) -> Response[Error | list[Request]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: GetApiV1ReElectionsState | Unset = UNSET,
    kind: GetApiV1ReElectionsKind | Unset = UNSET,
    party_org_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Request]]:
    """
    Args:
        state (GetApiV1ReElectionsState | Unset):
        kind (GetApiV1ReElectionsKind | Unset):
        party_org_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Request]]
    """

    kwargs = _get_kwargs(
        state=state,
        kind=kind,
        party_org_id=party_org_id,
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
    state: GetApiV1ReElectionsState | Unset = UNSET,
    kind: GetApiV1ReElectionsKind | Unset = UNSET,
    party_org_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Request] | None:
    """
    Args:
        state (GetApiV1ReElectionsState | Unset):
        kind (GetApiV1ReElectionsKind | Unset):
        party_org_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Request]
    """

    return sync_detailed(
        client=client,
        state=state,
        kind=kind,
        party_org_id=party_org_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: GetApiV1ReElectionsState | Unset = UNSET,
    kind: GetApiV1ReElectionsKind | Unset = UNSET,
    party_org_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Request]]:
    """
    Args:
        state (GetApiV1ReElectionsState | Unset):
        kind (GetApiV1ReElectionsKind | Unset):
        party_org_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Request]]
    """

    kwargs = _get_kwargs(
        state=state,
        kind=kind,
        party_org_id=party_org_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: GetApiV1ReElectionsState | Unset = UNSET,
    kind: GetApiV1ReElectionsKind | Unset = UNSET,
    party_org_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Request] | None:
    """
    Args:
        state (GetApiV1ReElectionsState | Unset):
        kind (GetApiV1ReElectionsKind | Unset):
        party_org_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Request]
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            kind=kind,
            party_org_id=party_org_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
