"""Access rows of the pairing-agreement endpoints (结对共建): every role reads within its scope; the
workflow's `manage` group (admin, supervisor, handler) drafts and acts; out of scope is 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.auth import system_actor
from service.extensions import db
from service.models import PartyOrg
from service.operations.flows.pairing import agreements
from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene, _seq
from tests.support.world import ROLES
from workflows.pairing import NewAgreement

AGREEMENTS = "/api/v1/pairing-agreements"
ALL = frozenset(ROLES)
MANAGERS = frozenset({"admin", "supervisor", "handler"})
STEPS = {"draft": (), "signed": ("sign",), "in_force": ("sign", "take_effect")}


def _second_org(s: Scene, code: str) -> int:
    with s.app.app_context():
        org = PartyOrg(name=f"{code} 结对党支部{next(_seq)}", kind="branch", jurisdiction_id=s.world.ids[code])
        db.session.add(org)
        db.session.commit()
        ident = org.id
        db.session.remove()
    return ident


def body(s: Scene, code: str) -> dict[str, Any]:
    return {
        "org_a_id": s.orgs[code],
        "org_b_id": _second_org(s, code),
        "title": f"{code}结对共建{next(_seq)}",
        "year": 2026,
        "duties_due_on": "2026-12-15",
        "planned_visits": 2,
        "planned_trainings": 1,
        "planned_activists": 2,
    }


def agreement(s: Scene, code: str, state: str = "draft") -> int:
    """An agreement between two organisations of `code` in `state` (draft, signed, in_force)."""
    actor = system_actor("test")
    data = body(s, code)
    with s.app.app_context():
        data["duties_due_on"] = date.fromisoformat(data["duties_due_on"])
        ident = agreements.create(actor, NewAgreement.of(data)).id
        for step in STEPS[state]:
            if step == "sign":
                agreements.sign(actor, ident, date(2026, 9, 20))
            else:
                agreements.take_effect(actor, ident)
        db.session.remove()
    return ident


def _agreement_inside(s: Scene) -> None:
    agreement(s, INSIDE)


def _no_pdf_converter(s: Scene) -> None:
    """The .pdf row runs without a converter (501 in scope, 404 outside); tests/pairing/test_letter.py converts."""
    from dataclasses import replace

    settings = s.app.config["SETTINGS"]
    s.app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))


def _action(suffix: str, state: str, json: Any = None) -> Build:
    return lambda s, code, who: Call(f"{AGREEMENTS}/{agreement(s, code, state)}/{suffix}", json)


ROWS = [
    Row(
        "GET",
        AGREEMENTS,
        ALL,
        200,
        lambda s, c, who: Call(f"{AGREEMENTS}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_agreement_inside,
    ),
    Row(
        "GET",
        f"{AGREEMENTS}/export.xlsx",
        ALL,
        200,
        lambda s, c, who: Call(f"{AGREEMENTS}/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
        setup=_agreement_inside,
    ),
    Row("POST", AGREEMENTS, MANAGERS, 201, lambda s, c, who: Call(AGREEMENTS, body(s, c))),
    Row(
        "GET",
        f"{AGREEMENTS}/<int:agreement_id>",
        ALL,
        200,
        lambda s, c, who: Call(f"{AGREEMENTS}/{agreement(s, c)}"),
    ),
    Row(
        "POST",
        f"{AGREEMENTS}/<int:agreement_id>/sign",
        MANAGERS,
        200,
        _action("sign", "draft", {"signed_on": "2026-09-24"}),
    ),
    Row("POST", f"{AGREEMENTS}/<int:agreement_id>/take-effect", MANAGERS, 200, _action("take-effect", "signed")),
    Row(
        "POST",
        f"{AGREEMENTS}/<int:agreement_id>/progress",
        MANAGERS,
        200,
        _action("progress", "in_force", {"visits": 1}),
    ),
    Row("POST", f"{AGREEMENTS}/<int:agreement_id>/review", MANAGERS, 200, _action("review", "in_force", {})),
    Row(
        "POST",
        f"{AGREEMENTS}/<int:agreement_id>/terminate",
        MANAGERS,
        200,
        _action("terminate", "draft", {"reason": "一方党组织撤销"}),
    ),
    # 责任书: every reader of the agreement downloads it.
    Row(
        "GET",
        f"{AGREEMENTS}/<int:agreement_id>/letter.docx",
        ALL,
        200,
        lambda s, c, who: Call(f"{AGREEMENTS}/{agreement(s, c, 'signed')}/letter.docx"),
    ),
    Row(
        "GET",
        f"{AGREEMENTS}/<int:agreement_id>/letter.pdf",
        ALL,
        501,
        lambda s, c, who: Call(f"{AGREEMENTS}/{agreement(s, c, 'signed')}/letter.pdf"),
        setup=_no_pdf_converter,
    ),
]
