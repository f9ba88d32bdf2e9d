from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.form_option import FormOption
from ...types import UNSET, Response


def _get_kwargs(
    *,
    unit_ids: list[int],
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_unit_ids = unit_ids

    params["unit_ids"] = json_unit_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/establishment-cases/form-options",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[FormOption]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = FormOption.from_dict(response_200_item_data)

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
) -> Response[Error | list[FormOption]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit_ids: list[int],
) -> Response[Error | list[FormOption]]:
    """Which forms these units may ask for and why (`?unit_ids=1&unit_ids=2`).

    Args:
        unit_ids (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[FormOption]]
    """

    kwargs = _get_kwargs(
        unit_ids=unit_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    unit_ids: list[int],
) -> Error | list[FormOption] | None:
    """Which forms these units may ask for and why (`?unit_ids=1&unit_ids=2`).

    Args:
        unit_ids (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[FormOption]
    """

    return sync_detailed(
        client=client,
        unit_ids=unit_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit_ids: list[int],
) -> Response[Error | list[FormOption]]:
    """Which forms these units may ask for and why (`?unit_ids=1&unit_ids=2`).

    Args:
        unit_ids (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[FormOption]]
    """

    kwargs = _get_kwargs(
        unit_ids=unit_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    unit_ids: list[int],
) -> Error | list[FormOption] | None:
    """Which forms these units may ask for and why (`?unit_ids=1&unit_ids=2`).

    Args:
        unit_ids (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[FormOption]
    """

    return (
        await asyncio_detailed(
            client=client,
            unit_ids=unit_ids,
        )
    ).parsed
