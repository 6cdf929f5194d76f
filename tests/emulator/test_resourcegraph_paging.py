"""ARG paging: `$top`, `$skip`, `$skipToken`, `totalRecords`, `resultTruncated`, exactly as the REST spec's
"First page query" example and the "Working with large data sets" page describe them (pages of at most
1,000 rows; a result pages only when it keeps the `id` column, otherwise it is cut and says so)."""

from __future__ import annotations

import math

import pytest
from emu_helpers import StaticToken, sdk_kwargs
from graph_helpers import REPO, in_process, query_rows, write_seed

from arm_emulator.resourcegraph.errors import QueryError
from arm_emulator.resourcegraph.service import Service
from arm_emulator.testing import start_emulator

FLUX = "kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/fluxconfigurations'"
FLEET = {"fleet": {"seed": 11, "clusters": 40, "subscriptions": 2, "resourceGroups": 3,
                   "configurations": [{"name": "team", "count": 5, "url": REPO}]}}


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    return in_process(tmp_path_factory.mktemp("paging"), FLEET), Service()


def page(fleet, query, **options):
    ctx, service = fleet
    answer, _ = service.query(ctx, {"query": query, "options": options})
    return answer


def test_pages_cover_every_row_once_and_each_says_the_total(fleet):
    ctx, _ = fleet
    arm_ids = sorted(r.id for r in ctx.store.under("/subscriptions", "fluxConfiguration"))
    assert len(arm_ids) == 200
    pages, token = [], None
    while True:
        options = {"$top": 70, **({"$skipToken": token} if token else {})}
        answer = page(fleet, FLUX + " | project id, name | order by id asc", **options)
        pages.append(answer)
        token = answer.get("$skipToken")
        if not token:
            break
    assert [p["count"] for p in pages] == [70, 70, 60]
    assert {p["totalRecords"] for p in pages} == {200}
    assert all(p["resultTruncated"] == "false" and p["count"] == len(p["data"]) for p in pages)
    assert [r["id"] for p in pages for r in p["data"]] == arm_ids


def test_skip_starts_later_and_the_last_page_has_no_token(fleet):
    answer = page(fleet, FLUX + " | project id | order by id asc", **{"$skip": 190, "$top": 50})
    assert (answer["totalRecords"], answer["count"]) == (200, 10)
    assert "$skipToken" not in answer


def test_default_page_is_1000_rows(tmp_path):
    ctx = in_process(tmp_path, {"fleet": {"clusters": 110, "configurations": [
        {"name": "team", "count": 10, "url": REPO}]}})
    answer, _ = Service().query(ctx, {"query": FLUX + " | project id"})
    assert (answer["totalRecords"], answer["count"]) == (1100, 1000) and answer["$skipToken"]
    assert len(query_rows(Service(), ctx, FLUX + " | project id")) == 1100


def test_a_result_without_id_is_cut_and_says_so(fleet):
    answer = page(fleet, FLUX + " | project name", **{"$top": 30})
    assert (answer["totalRecords"], answer["count"], answer["resultTruncated"]) == (200, 30, "true")
    assert "$skipToken" not in answer


def test_a_token_only_works_for_its_own_query(fleet):
    ctx, service = fleet
    first = page(fleet, FLUX + " | project id", **{"$top": 10})
    with pytest.raises(QueryError) as refused:
        service.query(ctx, {"query": FLUX + " | project id, name", "options": {"$skipToken": first["$skipToken"]}})
    assert refused.value.details[0]["code"] == "InvalidSkipToken"


def test_the_sdk_pages_with_skip_token_in_ceil_n_over_1000_requests(tmp_path):
    from azure.mgmt.resourcegraph import ResourceGraphClient
    from azure.mgmt.resourcegraph.models import QueryRequest, QueryRequestOptions

    seed = write_seed(tmp_path, {"fleet": {"clusters": 220, "subscriptions": 2, "configurations": [
        {"name": "team", "count": 10, "url": REPO}]}})
    with start_emulator(tmp_path / "state", seed=seed) as emu:
        client = ResourceGraphClient(StaticToken(), **sdk_kwargs(emu))
        emu.clear_requests()
        rows, token = [], None
        while True:
            response = client.resources(QueryRequest(
                query=FLUX + " | project id, state = tostring(properties.complianceState)",
                subscriptions=["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-00000000f001"],
                options=QueryRequestOptions(skip_token=token, result_format="objectArray")))
            rows.extend(response.data)
            token = response.skip_token
            if not token:
                break
        assert response.total_records == len(rows) == 2200
        assert len({r["id"] for r in rows}) == 2200 and {r["state"] for r in rows} == {"Compliant"}
        graph_calls = [r for r in emu.requests(kind="arm") if "resourcegraph" in r["path"].lower()]
        assert len(graph_calls) == math.ceil(2200 / 1000)
