"""Access rows of the instructor endpoints (党建指导员): every role but portals reads within its scope; the
workflow's `manage` group (admin, supervisor, handler) sets profiles, assigns and releases; only instructors log
visits, and only on their own units (another instructor's unit: 403); out of scope is 404. A visit's files
(/instructor-visits/{id}/attachments): the same readers, but an instructor reads and acts on the visits they
logged only (another's, even within their area: 404, as missing); portals 403."""

from __future__ import annotations

import io
from typing import Any

from tests.support.access.matrix import INSIDE, Call, Row, Scene
from tests.support.instructors import (
    ASSIGNMENTS,
    INSTRUCTORS,
    VISITS,
    assigned,
    new_instructor,
    uncovered_unit,
    visit_attachment,
    visited,
)

READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
MANAGERS = frozenset({"admin", "supervisor", "handler"})
PROFILE = {"employment": "part_time", "home_unit": "县委组织部", "phone": "0591-87654321"}
VISIT = {"visited_on": "2026-09-25", "kind": "visit", "done": "了解党员情况"}


def _assignment(s: Scene, code: str) -> int:
    return assigned(s.app, s.world, code)


def _own_assignment(s: Scene, code: str, who: str) -> int:
    """The caller's own unit when the caller is an instructor who may serve there; else another instructor's."""
    mine = who.startswith("instructor@") and code == INSIDE
    return assigned(s.app, s.world, code, s.world.users[who] if mine else None)


def _own_visit(s: Scene, code: str, who: str) -> int:
    """A visit the caller logged when the caller is an instructor who may serve there; else another's."""
    mine = who.startswith("instructor@") and code == INSIDE
    return visited(s.app, s.world, code, s.world.users[who] if mine else None)


def _visit_file(s: Scene, code: str, who: str) -> str:
    visit = _own_visit(s, code, who)
    return f"{VISITS}/{visit}/attachments/{visit_attachment(s.app, visit)}"


def _upload(s: Scene, code: str, who: str) -> Call:
    def form() -> dict[str, Any]:
        return {"kind": "photo", "file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "走访照片.pdf")}

    return Call(f"{VISITS}/{_own_visit(s, code, who)}/attachments", data=form)


def _assign_body(s: Scene, code: str) -> dict[str, object]:
    return {"instructor_id": new_instructor(s.app, s.world, code), "unit_ids": [uncovered_unit(s.app, s.world, code)]}


def _inside(s: Scene) -> None:
    _assignment(s, INSIDE)


ROWS = [
    Row(
        "GET",
        INSTRUCTORS,
        READERS,
        200,
        lambda s, c, who: Call(INSTRUCTORS),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        outside_status=200,
        setup=_inside,
    ),
    Row(
        "GET",
        f"{INSTRUCTORS}/<int:user_id>",
        READERS,
        200,
        lambda s, c, who: Call(f"{INSTRUCTORS}/{new_instructor(s.app, s.world, c)}"),
    ),
    Row(
        "PUT",
        f"{INSTRUCTORS}/<int:user_id>/profile",
        MANAGERS,
        200,
        lambda s, c, who: Call(f"{INSTRUCTORS}/{new_instructor(s.app, s.world, c)}/profile", PROFILE),
    ),
    Row(
        "GET",
        ASSIGNMENTS,
        READERS,
        200,
        lambda s, c, who: Call(f"{ASSIGNMENTS}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_inside,
    ),
    Row(
        "POST", ASSIGNMENTS, MANAGERS, 201, lambda s, c, who: Call(ASSIGNMENTS, _assign_body(s, c)), audit_records=None
    ),
    Row(
        "GET",
        f"{ASSIGNMENTS}/export.xlsx",
        READERS,
        200,
        lambda s, c, who: Call(f"{ASSIGNMENTS}/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "GET",
        f"{ASSIGNMENTS}/<int:assignment_id>",
        READERS,
        200,
        lambda s, c, who: Call(f"{ASSIGNMENTS}/{_assignment(s, c)}"),
    ),
    Row(
        "POST",
        f"{ASSIGNMENTS}/<int:assignment_id>/release",
        MANAGERS,
        200,
        lambda s, c, who: Call(f"{ASSIGNMENTS}/{_assignment(s, c)}/release", {"reason": "工作调整"}),
        audit_records=None,
    ),
    Row(
        "GET",
        f"{ASSIGNMENTS}/<int:assignment_id>/visits",
        READERS,
        200,
        lambda s, c, who: Call(f"{ASSIGNMENTS}/{_assignment(s, c)}/visits"),
    ),
    Row(
        "POST",
        f"{ASSIGNMENTS}/<int:assignment_id>/visits",
        frozenset({"instructor"}),
        201,
        lambda s, c, who: Call(f"{ASSIGNMENTS}/{_own_assignment(s, c, who)}/visits", VISIT),
        per_caller=True,
        audit_records=None,
    ),
]

# A visit's files (附件): read by the workflow's readers, added and withdrawn by the instructor who logged it. The
# attachments engine's blueprint serves them, so their rows join the matrix beside the other subjects' files
# (tests/api/test_access.py), not this workflow's own rows (tests/architecture/test_workflow_kit.py).
ATTACHMENT_ROWS = [
    Row("POST", f"{VISITS}/<int:subject_id>/attachments", frozenset({"instructor"}), 201, _upload, per_caller=True),
    Row(
        "GET",
        f"{VISITS}/<int:subject_id>/attachments",
        READERS,
        200,
        lambda s, c, who: Call(f"{VISITS}/{_own_visit(s, c, who)}/attachments"),
        per_caller=True,
    ),
    Row(
        "GET",
        f"{VISITS}/<int:subject_id>/attachments/<int:attachment_id>",
        READERS,
        200,
        lambda s, c, who: Call(_visit_file(s, c, who)),
        per_caller=True,
    ),
    Row(
        "DELETE",
        f"{VISITS}/<int:subject_id>/attachments/<int:attachment_id>",
        frozenset({"instructor"}),
        200,
        lambda s, c, who: Call(_visit_file(s, c, who), {"reason": "拍错了"}),
        per_caller=True,
    ),
]
