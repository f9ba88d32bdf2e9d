from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    import_id: int,
    *,
    only_errors: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["only_errors"] = only_errors

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/units/imports/{import_id}/errors.xlsx".format(
            import_id=quote(str(import_id), safe=""),
        ),
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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
    import_id: int,
    *,
    client: AuthenticatedClient | Client,
    only_errors: bool | Unset = False,
) -> Response[Error | File]:
    """The uploaded rows with each row's errors beside it and the faulty cells filled red (409 while
    running).

    Args:
        import_id (int):
        only_errors (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        import_id=import_id,
        only_errors=only_errors,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    import_id: int,
    *,
    client: AuthenticatedClient | Client,
    only_errors: bool | Unset = False,
) -> Error | File | None:
    """The uploaded rows with each row's errors beside it and the faulty cells filled red (409 while
    running).

    Args:
        import_id (int):
        only_errors (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return sync_detailed(
        import_id=import_id,
        client=client,
        only_errors=only_errors,
    ).parsed


async def asyncio_detailed(
    import_id: int,
    *,
    client: AuthenticatedClient | Client,
    only_errors: bool | Unset = False,
) -> Response[Error | File]:
    """The uploaded rows with each row's errors beside it and the faulty cells filled red (409 while
    running).

    Args:
        import_id (int):
        only_errors (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | File]
    """

    kwargs = _get_kwargs(
        import_id=import_id,
        only_errors=only_errors,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    import_id: int,
    *,
    client: AuthenticatedClient | Client,
    only_errors: bool | Unset = False,
) -> Error | File | None:
    """The uploaded rows with each row's errors beside it and the faulty cells filled red (409 while
    running).

    Args:
        import_id (int):
        only_errors (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | File
    """

    return (
        await asyncio_detailed(
            import_id=import_id,
            client=client,
            only_errors=only_errors,
        )
    ).parsed
