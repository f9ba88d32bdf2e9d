"""Rule versions (docs/decisions/0065): every case, ticket and agreement records the rules it started under,
and changing a threshold never changes a decided one."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from flask import Flask
from sqlalchemy import select

from service import rule_versions
from service.config import Settings, escalation_settings
from service.extensions import db
from service.models import AuditEvent, RuleVersion
from tests.support import adjustment, re_election
from tests.support import pairing as pairing_support
from tests.support.console import Console
from tests.support.establishment import CASES, founded_branch, get_case, make_unit, new_case
from tests.support.supervision import TICKETS, draft, get_ticket, submitted
from tests.support.world import Api, World


def changed(settings: Settings) -> Settings:
    """Every kind of rule threshold moved: terms, committee sizes, approval time and chain, acknowledgement,
    every ladder's yellow window and delays, and each workflow's declared settings."""
    est = settings.establishment
    ladders = {
        item: {"yellow_within_workdays": 9, **{name: 30 for name in s.values if name.startswith("reminder_")}}
        for item, s in settings.escalation.items.items()
    }
    workflows = dict(settings.workflows)
    workflows["pairing_agreement"] = replace(workflows["pairing_agreement"], min_visits=4, max_activists=5)
    workflows["re_election"] = replace(workflows["re_election"], due_within_months=2, max_postponement_months=6)
    workflows["adjustment"] = replace(workflows["adjustment"], decision_limit_workdays=3)
    return replace(
        settings,
        enterprise_scope_min_employees=settings.enterprise_scope_min_employees + 10,
        establishment=replace(
            est,
            term_years={form: years + 2 for form, years in est.term_years.items()},
            approval_due_working_days=est.approval_due_working_days + 10,
            committee_size_max=est.committee_size_hard_max,
            approval_chain={**est.approval_chain, "branch": ("superior_review", "county_approval")},
        ),
        supervision=replace(settings.supervision, acknowledge_workdays=settings.supervision.acknowledge_workdays + 3),
        escalation=escalation_settings(json.dumps(ladders)),
        workflows=workflows,
    )


def stored(app: Flask, hash_: str) -> RuleVersion | None:
    with app.app_context():
        row = db.session.get(RuleVersion, hash_)
        db.session.expunge_all()
        return row


# -- the version recorded ----------------------------------------------------------------------------------------


def test_the_version_hashes_the_rule_settings_and_the_code_only(app: Flask) -> None:
    settings: Settings = app.config["SETTINGS"]
    version = rule_versions.describe(settings)
    assert version is rule_versions.describe(settings)  # worked out once per settings object
    assert len(version.hash) == rule_versions.HASH_LENGTH and int(version.hash, 16) >= 0
    assert version.code_version == rule_versions.code_version() and version.code_version
    # Operational settings are not rules: the same version.
    assert rule_versions.describe(replace(settings, log_level="DEBUG", batch_max_tasks=7)).hash == version.hash
    # The same values in new objects: the same version (canonical JSON, not identity).
    assert rule_versions.describe(replace(settings, establishment=replace(settings.establishment))).hash == version.hash
    # Any rule threshold: another version, and its settings say which.
    other = rule_versions.describe(changed(settings))
    assert other.hash != version.hash
    assert other.settings["establishment"]["term_years"]["branch"] == settings.establishment.term_years["branch"] + 2
    assert other.settings["supervision"]["acknowledge_workdays"] == settings.supervision.acknowledge_workdays + 3
    json.dumps(other.settings)  # JSON-ready as stored


def test_each_kind_of_subject_records_the_rules_it_started_under(app: Flask, api: Api, world: World) -> None:
    rule_versions.forget()  # this test's transaction may not hold the row another test's process recorded
    version = rule_versions.describe(app.config["SETTINGS"])
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    ticket = draft(api)
    agreement = pairing_support.ok(
        api.post(pairing_support.URL, as_="supervisor@east", json=pairing_support.body(app, world)), 201
    )
    request = re_election.submitted(app, api)
    adjustment_case = adjustment.deregistered_case(api, app, world.ids["east_t1"])
    for subject in (case, ticket, agreement, request, adjustment_case):
        assert subject["rules_version"] == version.hash
    row = stored(app, version.hash)
    assert row is not None
    assert (row.code_version, row.settings) == (version.code_version, version.settings)
    with app.app_context():
        created = db.session.execute(
            select(AuditEvent.state_after).where(
                AuditEvent.action == "establishment.create", AuditEvent.subject_id == case["id"]
            )
        ).scalar_one()
    assert created["rules_version"] == version.hash  # the creation's audit says which rules


def test_the_version_is_read_only_over_the_api(app: Flask, api: Api) -> None:
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    r = api.call("PATCH", f"{CASES}/{case['id']}", as_="portal@east", json={"rules_version": "0"})
    assert r.status_code == 422 and "rules_version" in r.json["errors"]["json"]
    assert get_case(api, case["id"])["rules_version"] == case["rules_version"]
    t = draft(api)
    r = api.call("PATCH", f"{TICKETS}/{t['id']}", as_="supervisor@east", json={"rules_version": "0"})
    assert r.status_code in (422, 428) and get_ticket(api, t["id"])["rules_version"] == t["rules_version"]


def test_a_subject_keeps_its_version_when_the_rules_change(app: Flask, api: Api) -> None:
    before = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    app.config["SETTINGS"] = changed(app.config["SETTINGS"])
    after = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    assert after["rules_version"] == rule_versions.describe(app.config["SETTINGS"]).hash != before["rules_version"]
    assert get_case(api, before["id"])["rules_version"] == before["rules_version"]
    assert stored(app, after["rules_version"]) is not None


def test_the_console_shows_the_version(app: Flask, api: Api, world: World) -> None:
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    page = Console(app, world).get(f"/cases/{case['id']}", as_="admin@city").get_data(as_text=True)
    shown = "-".join(case["rules_version"][i : i + 3] for i in range(0, len(case["rules_version"]), 3))
    assert "规则版本" in page and shown in page


# -- a threshold changed never changes a decided subject ---------------------------------------------------------


def unchanged_after_the_rules_change(app: Flask, read: Any) -> dict[str, Any]:
    """What `read()` answers before and after every threshold changes: the same."""
    first = read()
    app.config["SETTINGS"] = changed(app.config["SETTINGS"])
    second = read()
    assert second == first
    return dict(first)


def test_a_founded_case_stays_as_decided(app: Flask, api: Api) -> None:
    case = founded_branch(api)
    seen = unchanged_after_the_rules_change(app, lambda: get_case(api, case["id"]))
    assert seen["state"] == "founded" and seen["term_years"] == 3 and seen["term_due_on"]
    assert [s["level_name"] for s in seen["steps"]] == ["superior_approval"]  # the chain it was decided under


def test_a_closed_ticket_stays_as_decided(app: Flask, api: Api) -> None:
    t = submitted(api)
    closed = api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={"comment": "整改到位"})
    assert closed.status_code == 200, closed.json
    seen = unchanged_after_the_rules_change(app, lambda: get_ticket(api, t["id"]))
    assert seen["state"] == "closed" and seen["acknowledge_by"] == t["acknowledge_by"]


def test_a_reviewed_agreement_stays_as_decided(app: Flask, api: Api, world: World) -> None:
    url, ok = pairing_support.URL, pairing_support.ok
    a = ok(api.post(url, as_="supervisor@east", json=pairing_support.body(app, world)), 201)
    ok(api.post(f"{url}/{a['id']}/sign", as_="supervisor@east", json={"signed_on": "2026-09-20"}))
    ok(api.post(f"{url}/{a['id']}/take-effect", as_="supervisor@east"))
    ok(api.post(f"{url}/{a['id']}/progress", as_="supervisor@east", json={"visits": 2, "trainings": 1, "activists": 2}))
    ok(api.post(f"{url}/{a['id']}/review", as_="supervisor@east", json={"note": "全部完成"}))
    seen = unchanged_after_the_rules_change(app, lambda: ok(api.get(f"{url}/{a['id']}", as_="supervisor@east")))
    assert (seen["state"], seen["duties_met"], seen["lagging"]) == ("year_reviewed", True, [])


def test_an_elected_re_election_stays_as_decided(app: Flask, api: Api) -> None:
    r = re_election.elected(app, api)
    seen = unchanged_after_the_rules_change(
        app, lambda: re_election.ok(api.get(f"{re_election.URL}/{r['id']}", as_="admin@city"))
    )
    assert seen["state"] == r["state"]


def test_an_approved_adjustment_stays_as_decided(app: Flask, api: Api, world: World) -> None:
    case = adjustment.deregistered_case(api, app, world.ids["east_t1"])
    adjustment.submitted(api, case["id"], as_="admin@city")
    task = adjustment.open_task(app, case["id"])
    vote = {"members": 7, "present": 6, "votes_for": 6, "votes_against": 0, "approval_doc_no": "东一委复〔2026〕9号"}
    decided = api.post(f"/api/v1/tasks/{task}/vote", as_="approver@east_t1", json=vote)
    assert decided.status_code == 200, decided.json
    seen = unchanged_after_the_rules_change(
        app, lambda: dict(api.get(f"{adjustment.CASES}/{case['id']}", as_="admin@city").json)
    )
    assert seen["state"] == "applied" and seen["next_escalation_at"] is None
