from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_api_v1_approval_routes_workflow import (
    GetApiV1ApprovalRoutesWorkflow,
)
from ...models.route import Route
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body_id: int | Unset = UNSET,
    workflow: GetApiV1ApprovalRoutesWorkflow | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["body_id"] = body_id

    json_workflow: str | Unset = UNSET
    if not isinstance(workflow, Unset):
        json_workflow = workflow

    params["workflow"] = json_workflow

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/approval-routes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Route]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Route.from_dict(response_200_item_data)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | list[Route]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body_id: int | Unset = UNSET,
    workflow: GetApiV1ApprovalRoutesWorkflow | Unset = UNSET,
) -> Response[Error | list[Route]]:
    """
    Args:
        body_id (int | Unset):
        workflow (GetApiV1ApprovalRoutesWorkflow | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Route]]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        workflow=workflow,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body_id: int | Unset = UNSET,
    workflow: GetApiV1ApprovalRoutesWorkflow | Unset = UNSET,
) -> Error | list[Route] | None:
    """
    Args:
        body_id (int | Unset):
        workflow (GetApiV1ApprovalRoutesWorkflow | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Route]
    """

    return sync_detailed(
        client=client,
        body_id=body_id,
        workflow=workflow,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body_id: int | Unset = UNSET,
    workflow: GetApiV1ApprovalRoutesWorkflow | Unset = UNSET,
) -> Response[Error | list[Route]]:
    """
    Args:
        body_id (int | Unset):
        workflow (GetApiV1ApprovalRoutesWorkflow | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Route]]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        workflow=workflow,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body_id: int | Unset = UNSET,
    workflow: GetApiV1ApprovalRoutesWorkflow | Unset = UNSET,
) -> Error | list[Route] | None:
    """
    Args:
        body_id (int | Unset):
        workflow (GetApiV1ApprovalRoutesWorkflow | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Route]
    """

    return (
        await asyncio_detailed(
            client=client,
            body_id=body_id,
            workflow=workflow,
        )
    ).parsed
