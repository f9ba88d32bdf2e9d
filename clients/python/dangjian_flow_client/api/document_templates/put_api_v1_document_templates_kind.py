from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_upload import TemplateUpload
from ...models.uploaded_template import UploadedTemplate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: str,
    *,
    body: TemplateUpload,
    jurisdiction_id: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["jurisdiction_id"] = jurisdiction_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/document-templates/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | UploadedTemplate:
    if response.status_code == 201:
        response_201 = UploadedTemplate.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UploadedTemplate]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpload,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | UploadedTemplate]:
    """Upload a new version (multipart field `file`, a .docx); unknown placeholders are refused (422).

    Args:
        kind (str):
        jurisdiction_id (int | Unset):
        body (TemplateUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadedTemplate]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        jurisdiction_id=jurisdiction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpload,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | UploadedTemplate | None:
    """Upload a new version (multipart field `file`, a .docx); unknown placeholders are refused (422).

    Args:
        kind (str):
        jurisdiction_id (int | Unset):
        body (TemplateUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadedTemplate
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
        jurisdiction_id=jurisdiction_id,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpload,
    jurisdiction_id: int | Unset = UNSET,
) -> Response[Error | UploadedTemplate]:
    """Upload a new version (multipart field `file`, a .docx); unknown placeholders are refused (422).

    Args:
        kind (str):
        jurisdiction_id (int | Unset):
        body (TemplateUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadedTemplate]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        jurisdiction_id=jurisdiction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpload,
    jurisdiction_id: int | Unset = UNSET,
) -> Error | UploadedTemplate | None:
    """Upload a new version (multipart field `file`, a .docx); unknown placeholders are refused (422).

    Args:
        kind (str):
        jurisdiction_id (int | Unset):
        body (TemplateUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadedTemplate
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
            jurisdiction_id=jurisdiction_id,
        )
    ).parsed
