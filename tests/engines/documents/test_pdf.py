"""Generated documents open in LibreOffice: one document of every kind downloaded as PDF through the API, its
first page rendered to PNG with pdftoppm and checked (A4, not blank, its number and Chinese title read back
with pdftotext). Without LibreOffice or poppler-utils these tests skip with the reason, except in CI (CI set),
where a missing tool fails them: .ci/run installs libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service.documents.kinds import DocumentKind
from service.documents.pdf import PdfUnavailable, find_converter, to_pdf
from tests.support.establishment import approved_branch
from tests.support.supervision import INTERVIEWS, TICKETS, issued, ok
from tests.support.world import Api

IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
A4_POINTS = (595.28, 841.89)
RESOLUTION = 40  # dpi of the rendered page: enough to see text, cheap to decode


def require(tool: str, found: bool) -> None:
    """Skip without the tool, but fail in CI, where it must be installed."""
    if found:
        return
    message = f"{tool} is not installed: PDF documents are not checked here"
    if IN_CI:
        pytest.fail(f"{message} (CI is set: .ci/run must install it)")
    pytest.skip(message)


@pytest.fixture
def pdf_tools() -> None:
    require("LibreOffice (soffice/libreoffice)", find_converter() is not None)
    for tool in ("pdftoppm", "pdftotext", "pdfinfo"):
        require(f"{tool} (poppler-utils)", shutil.which(tool) is not None)


def _run(*args: str) -> bytes:
    return subprocess.run(list(args), capture_output=True, check=True, timeout=120).stdout


def pdf_text(path: Path) -> str:
    return _run("pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-").decode()


def page_size(path: Path) -> tuple[float, float]:
    for line in _run("pdfinfo", "-f", "1", "-l", "1", str(path)).decode().splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split(":", 1)[1].split()
            return float(parts[0]), float(parts[2])
    raise AssertionError("pdfinfo printed no page size")


def png_page(path: Path) -> Path:
    """The first page as a greyscale PNG (pdftoppm)."""
    stem = path.with_suffix("")
    _run("pdftoppm", "-png", "-gray", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile", str(path), str(stem))
    return stem.with_suffix(".png")


def grey_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the 8-bit grey samples of a PNG as pdftoppm writes it (8-bit grey or RGB)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, data, width, height, bpp = 8, b"", 0, 0, 1
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, chunk = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (0, 2), (depth, colour)
            bpp = 1 if colour == 0 else 3
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    stride = width * bpp
    raw, out, prev = zlib.decompress(data), bytearray(), bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        filter_type, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up, upleft = prev[x], prev[x - bpp] if x >= bpp else 0
            if filter_type == 1:
                line[x] = (line[x] + left) & 0xFF
            elif filter_type == 2:
                line[x] = (line[x] + up) & 0xFF
            elif filter_type == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else upleft
                line[x] = (line[x] + pred) & 0xFF
        out += line if bpp == 1 else bytes(sum(line[i : i + 3]) // 3 for i in range(0, stride, 3))
        prev = line
    return width, height, bytes(out)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _documents(api: Api) -> dict[DocumentKind, tuple[str, list[str]]]:
    """One real document of every kind: its PDF address and what its first page must say."""
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
    circular = ok(
        api.post(
            "/api/v1/coverage/circulars",
            as_="admin@city",
            json={"period_start": "2026-09-01", "period_end": "2026-09-30"},
        ),
        201,
    )
    return {
        DocumentKind.supervision_ticket: (
            f"{TICKETS}/{ticket['id']}/document.pdf",
            ["中共东县委员会组织部", "东县督〔2026〕1号", "关于党组织覆盖工作推进滞后的督办单", "问题清单及整改要求"],
        ),
        DocumentKind.interview_notice: (
            f"{INTERVIEWS}/{interview['id']}/notice.pdf",
            ["中共东县委员会组织部", "东县谈〔2026〕1号", "约谈通知", "三楼会议室"],
        ),
        DocumentKind.approval_reply: (
            f"/api/v1/establishment-cases/{case['id']}/reply.pdf",
            ["中共东一镇委员会", case["approval_doc_no"], f"关于同意成立{case['proposed_name']}的批复", "党支部"],
        ),
        DocumentKind.circular: (
            f"/api/v1/coverage/circulars/{circular['id']}/document.pdf",
            ["中共测试市委员会组织部", "测试市通〔2026〕1号", "通报"],
        ),
    }


def _check_page(res: Any, pdf: Path, expected: list[str]) -> None:
    """A PDF answer whose first page is A4, says each of `expected` and is neither blank nor black."""
    name = pdf.stem
    assert res.status_code == 200, (name, res.get_data(as_text=True)[:300])
    assert res.mimetype == "application/pdf" and res.data.startswith(b"%PDF")
    pdf.write_bytes(res.data)
    width_pt, height_pt = page_size(pdf)
    assert abs(width_pt - A4_POINTS[0]) < 2 and abs(height_pt - A4_POINTS[1]) < 2, (name, width_pt, height_pt)
    text = _squeeze(pdf_text(pdf))
    for fragment in expected:
        assert _squeeze(fragment) in text, (name, fragment, text[:200])
    width, height, pixels = grey_pixels(png_page(pdf).read_bytes())
    assert abs(width - 210 / 25.4 * RESOLUTION) <= 2 and abs(height - 297 / 25.4 * RESOLUTION) <= 2
    inked = sum(1 for value in pixels if value < 160) / len(pixels)
    assert 0.002 < inked < 0.5, (name, inked)  # text on the page, not a blank or black page


def test_one_document_of_each_kind_renders_an_a4_page_with_its_title(api: Api, pdf_tools: None) -> None:
    documents = _documents(api)
    assert set(documents) == set(DocumentKind)  # a new kind must be added here
    with tempfile.TemporaryDirectory() as tmp:
        for kind, (path, expected) in documents.items():
            res = api.get(path, as_="admin@city" if kind is DocumentKind.circular else "admin@east")
            _check_page(res, Path(tmp) / f"{kind.value}.pdf", expected)


def test_the_request_of_a_case_renders_an_a4_page(api: Api, pdf_tools: None) -> None:
    """请示: read only beside the kinds (not a DocumentKind), converted the same way."""
    import io
    import subprocess

    from tests.support.browser import ARTIFACTS
    from tests.support.establishment import make_unit, new_case, submit

    unit = make_unit(api, "east_t1", formal_members=8, name="青山精密机械有限公司")
    text = (
        "本单位成立于2015年，现有职工120名，其中正式党员8名、预备党员1名，党员均已转入组织关系。\n"
        "为加强党对非公有制企业的领导，充分发挥党组织战斗堡垒作用和党员先锋模范作用，经本单位党员大会研究，"
        "拟成立中共青山精密机械有限公司支部委员会，由张书记任书记，设委员3名。\n"
        "妥否，请批示。"
    )
    case = new_case(
        api, [unit["id"]], "branch", proposed_committee_size=3, proposed_secretary="张书记", request_text=text
    )
    for name in ("党员花名册.pdf", "筹备会议记录.pdf"):
        file = (io.BytesIO(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), name)
        res = api.post(
            f"/api/v1/establishment-cases/{case['id']}/attachments",
            as_="portal@east",
            data={"kind": "roster", "file": file},
            content_type="multipart/form-data",
        )
        assert res.status_code == 201, res.json
    submit(api, case["id"])
    res = api.get(f"/api/v1/establishment-cases/{case['id']}/request.pdf", as_="admin@east")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "request.pdf"
        expected = [
            "关于成立中共青山精密机械有限公司支部委员会的请示",
            "中共东一镇委员会：",
            "妥否，请批示。",
            "附件：1.党员花名册",
        ]
        _check_page(res, pdf, [*expected, "青山精密机械有限公司", "2026年9月25日"])
        # Its first page as an image, for the docs (artifacts/screenshots/request.png).
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = ARTIFACTS / "request"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True
        )


def test_the_png_check_sees_a_blank_page(pdf_tools: None) -> None:
    blank = _blank_pdf()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "blank.pdf"
        pdf.write_bytes(blank)
        _, _, pixels = grey_pixels(png_page(pdf).read_bytes())
    assert sum(1 for value in pixels if value < 160) == 0


def _blank_pdf() -> bytes:
    from docx import Document

    from tests.support.documents import save

    return to_pdf(save(Document()), converter=find_converter(), timeout=120)


def test_no_converter_is_reported() -> None:
    assert find_converter("none") is None
    assert find_converter("/no/such/soffice") is None
    with pytest.raises(PdfUnavailable):
        to_pdf(b"", converter=None, timeout=1)


def test_ci_turns_a_missing_tool_into_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.engines.documents.test_pdf as module

    outcomes: dict[bool, type[BaseException]] = {}
    for in_ci in (False, True):
        monkeypatch.setattr(module, "IN_CI", in_ci)
        check: Callable[[], Any] = lambda: require("soffice", False)  # noqa: E731
        with pytest.raises(BaseException) as caught:
            check()
        outcomes[in_ci] = caught.type
    assert outcomes == {False: pytest.skip.Exception, True: pytest.fail.Exception}


def test_make_run_says_whether_pdf_downloads_work(monkeypatch: pytest.MonkeyPatch) -> None:
    from service import launch
    from service.documents import pdf as pdf_module

    assert launch.pdf_status("none").startswith("PDF downloads: switched off")
    missing = launch.pdf_status("/no/such/soffice")
    assert "unavailable" in missing and "libreoffice-writer-nogui" in missing and ".docx" in missing
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: f"/opt/lo/{name}" if name == "soffice" else None)
    assert launch.pdf_status("") == "PDF downloads: available (LibreOffice: /opt/lo/soffice)"
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert "unavailable" in launch.pdf_status("")
