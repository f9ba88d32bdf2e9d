from tests.support.factories import unit_payload
from tests.support.world import Api


def test_create_and_read_unit(api: Api) -> None:
    created = api.post("/api/v1/units", json=unit_payload(api.world.ids["east_t1"]), as_="handler@east_t1")
    assert created.status_code == 201, created.json
    unit = created.json
    assert unit["in_scope"] is True
    assert created.headers["ETag"] == f'"ledger_units-{unit["id"]}-v1"'
    got = api.get(f"/api/v1/units/{unit['id']}", as_="supervisor@city")
    assert got.status_code == 200
    assert got.json["credit_code"] == unit["credit_code"]
    assert api.get(f"/api/v1/units/{unit['id']}", as_="supervisor@west_t1").status_code == 404
