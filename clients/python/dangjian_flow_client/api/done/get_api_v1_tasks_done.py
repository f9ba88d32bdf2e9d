import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.done import Done
from ...models.error import Error
from ...models.get_api_v1_tasks_done_workflow import GetApiV1TasksDoneWorkflow
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    workflow: GetApiV1TasksDoneWorkflow | Unset = UNSET,
    unit: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_workflow: str | Unset = UNSET
    if not isinstance(workflow, Unset):
        json_workflow = workflow

    params["workflow"] = json_workflow

    params["unit"] = unit

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tasks/done",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Done]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Done.from_dict(response_200_item_data)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | list[Done]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow: GetApiV1TasksDoneWorkflow | Unset = UNSET,
    unit: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Done]]:
    """What I decided or handled (approvals, submissions, founding, supervision-ticket steps), searchable
    by
    unit, workflow and date (Beijing dates, both ends included).

    Args:
        workflow (GetApiV1TasksDoneWorkflow | Unset):
        unit (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Done]]
    """

    kwargs = _get_kwargs(
        workflow=workflow,
        unit=unit,
        date_from=date_from,
        date_to=date_to,
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
    workflow: GetApiV1TasksDoneWorkflow | Unset = UNSET,
    unit: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Done] | None:
    """What I decided or handled (approvals, submissions, founding, supervision-ticket steps), searchable
    by
    unit, workflow and date (Beijing dates, both ends included).

    Args:
        workflow (GetApiV1TasksDoneWorkflow | Unset):
        unit (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Done]
    """

    return sync_detailed(
        client=client,
        workflow=workflow,
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow: GetApiV1TasksDoneWorkflow | Unset = UNSET,
    unit: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Response[Error | list[Done]]:
    """What I decided or handled (approvals, submissions, founding, supervision-ticket steps), searchable
    by
    unit, workflow and date (Beijing dates, both ends included).

    Args:
        workflow (GetApiV1TasksDoneWorkflow | Unset):
        unit (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Done]]
    """

    kwargs = _get_kwargs(
        workflow=workflow,
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    workflow: GetApiV1TasksDoneWorkflow | Unset = UNSET,
    unit: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
) -> Error | list[Done] | None:
    """What I decided or handled (approvals, submissions, founding, supervision-ticket steps), searchable
    by
    unit, workflow and date (Beijing dates, both ends included).

    Args:
        workflow (GetApiV1TasksDoneWorkflow | Unset):
        unit (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Done]
    """

    return (
        await asyncio_detailed(
            client=client,
            workflow=workflow,
            unit=unit,
            date_from=date_from,
            date_to=date_to,
            page=page,
            page_size=page_size,
        )
    ).parsed
