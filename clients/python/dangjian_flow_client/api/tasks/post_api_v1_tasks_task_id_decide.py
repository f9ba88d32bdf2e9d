from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.decide import Decide
from ...models.error import Error
from ...models.task_detail import TaskDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    task_id: int,
    *,
    body: Decide,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tasks/{task_id}/decide".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TaskDetail:
    if response.status_code == 200:
        response_200 = TaskDetail.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | TaskDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Decide,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TaskDetail]:
    """Approve, reject or return (退回). The final approval carries the reply: approval_doc_no (批复文号).

    Args:
        task_id (int):
        idempotency_key (str | Unset):
        body (Decide):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskDetail]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Decide,
    idempotency_key: str | Unset = UNSET,
) -> Error | TaskDetail | None:
    """Approve, reject or return (退回). The final approval carries the reply: approval_doc_no (批复文号).

    Args:
        task_id (int):
        idempotency_key (str | Unset):
        body (Decide):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskDetail
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Decide,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TaskDetail]:
    """Approve, reject or return (退回). The final approval carries the reply: approval_doc_no (批复文号).

    Args:
        task_id (int):
        idempotency_key (str | Unset):
        body (Decide):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskDetail]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Decide,
    idempotency_key: str | Unset = UNSET,
) -> Error | TaskDetail | None:
    """Approve, reject or return (退回). The final approval carries the reply: approval_doc_no (批复文号).

    Args:
        task_id (int):
        idempotency_key (str | Unset):
        body (Decide):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskDetail
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
