"""Generated documents open in LibreOffice: one of each kind converted headless and its text checked.
Skipped (with the reason) where LibreOffice is not installed; the .docx tests run everywhere."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from service.documents.kinds import DocumentKind
from service.documents.pdf import PdfUnavailable, find_converter, to_pdf
from service.documents.render import render
from tests.conftest import Api
from tests.documents.test_render import CIRCULAR
from tests.flows.helpers import approved_branch
from tests.supervision.helpers import INTERVIEWS, TICKETS, issued, ok

CONVERTER = find_converter()
needs_libreoffice = pytest.mark.skipif(
    CONVERTER is None, reason="LibreOffice (soffice/libreoffice) is not on PATH: PDF conversion not tested here"
)


def pdf_text(data: bytes) -> str:
    """The PDF's text through pdftotext (poppler-utils); skipped where it is missing."""
    if shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "d.pdf"
            path.write_bytes(data)
            out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60)
            return out.stdout.decode()
    pytest.skip("pdftotext (poppler-utils) is not installed: the PDF text cannot be read back")


def _squeeze(text: str) -> str:
    return "".join(text.split())


@needs_libreoffice
def test_one_document_of_each_kind_converts_to_pdf_with_its_text(api: Api) -> None:
    ticket = issued(api)
    interview = ok(
        api.post(
            INTERVIEWS,
            as_="supervisor@east",
            json={
                "ticket_id": ticket["id"],
                "reason": "逾期未整改",
                "scheduled_at": "2026-09-28T09:00:00+08:00",
                "place": "三楼会议室",
            },
        ),
        201,
    )
    case = approved_branch(api)
    cases = [
        (f"{TICKETS}/{ticket['id']}/document.pdf", ["东县督〔2026〕1号", "督办单", "问题清单及整改要求"]),
        (f"{INTERVIEWS}/{interview['id']}/notice.pdf", ["东县谈〔2026〕1号", "约谈通知", "三楼会议室"]),
        (f"/api/v1/establishment-cases/{case['id']}/reply.pdf", [case["approval_doc_no"], "批复", "党支部"]),
    ]
    for path, expected in cases:
        res = api.get(path, as_="admin@east")
        assert res.status_code == 200, res.get_data(as_text=True)[:300]
        assert res.mimetype == "application/pdf" and res.data.startswith(b"%PDF")
        text = _squeeze(pdf_text(res.data))
        for fragment in expected:
            assert _squeeze(fragment) in text, (path, fragment)
    circular = to_pdf(render(DocumentKind.circular, CIRCULAR), converter=CONVERTER, timeout=120)
    text = _squeeze(pdf_text(circular))
    for fragment in ("测试市通〔2026〕4号", "通报", "东县", "92.5%"):
        assert fragment in text


def test_no_converter_is_reported() -> None:
    assert find_converter("none") is None
    assert find_converter("/no/such/soffice") is None
    with pytest.raises(PdfUnavailable):
        to_pdf(b"", converter=None, timeout=1)
