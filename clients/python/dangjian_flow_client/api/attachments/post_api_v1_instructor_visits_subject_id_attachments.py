from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attachment import Attachment
from ...models.attachment_file_form import AttachmentFileForm
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subject_id: int,
    *,
    body: AttachmentFileForm,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/instructor-visits/{subject_id}/attachments".format(
            subject_id=quote(str(subject_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Attachment | Error:
    if response.status_code == 201:
        response_201 = Attachment.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Attachment | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentFileForm,
    idempotency_key: str | Unset = UNSET,
) -> Response[Attachment | Error]:
    """Attach a file (multipart: `file`, `kind`, optional `supersedes`). Refused before anything is
    written:
    a path as name or an empty file (422), too large for a file or the subject (413), a type not allowed
    by its
    content (415), a zip bomb or a virus found by the optional clamd scan (422); the scan's daemon
    unreachable
    (503).

    Args:
        subject_id (int):
        idempotency_key (str | Unset):
        body (AttachmentFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Error]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentFileForm,
    idempotency_key: str | Unset = UNSET,
) -> Attachment | Error | None:
    """Attach a file (multipart: `file`, `kind`, optional `supersedes`). Refused before anything is
    written:
    a path as name or an empty file (422), too large for a file or the subject (413), a type not allowed
    by its
    content (415), a zip bomb or a virus found by the optional clamd scan (422); the scan's daemon
    unreachable
    (503).

    Args:
        subject_id (int):
        idempotency_key (str | Unset):
        body (AttachmentFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Error
    """

    return sync_detailed(
        subject_id=subject_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentFileForm,
    idempotency_key: str | Unset = UNSET,
) -> Response[Attachment | Error]:
    """Attach a file (multipart: `file`, `kind`, optional `supersedes`). Refused before anything is
    written:
    a path as name or an empty file (422), too large for a file or the subject (413), a type not allowed
    by its
    content (415), a zip bomb or a virus found by the optional clamd scan (422); the scan's daemon
    unreachable
    (503).

    Args:
        subject_id (int):
        idempotency_key (str | Unset):
        body (AttachmentFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Error]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subject_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentFileForm,
    idempotency_key: str | Unset = UNSET,
) -> Attachment | Error | None:
    """Attach a file (multipart: `file`, `kind`, optional `supersedes`). Refused before anything is
    written:
    a path as name or an empty file (422), too large for a file or the subject (413), a type not allowed
    by its
    content (415), a zip bomb or a virus found by the optional clamd scan (422); the scan's daemon
    unreachable
    (503).

    Args:
        subject_id (int):
        idempotency_key (str | Unset):
        body (AttachmentFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Error
    """

    return (
        await asyncio_detailed(
            subject_id=subject_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
