"""POST /providers/Microsoft.ResourceGraph/resources: the request and answer shapes of ARG, its errors, quota.

Shapes follow the ARG REST spec (Azure/azure-rest-api-specs, Microsoft.ResourceGraph stable 2021-03-01,
2022-10-01, 2024-04-01: QueryRequest, QueryResponse, ErrorResponse) and error bodies ARG users have posted.
"""

from __future__ import annotations

import pytest
import requests
from emu_helpers import Arm
from graph_helpers import GRAPH_API, GRAPH_PATH, SECOND_SUBSCRIPTION, WORLD, write_seed

from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator

INVALID_QUERY = ("Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix "
                 "the error before retrying.")


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    directory = tmp_path_factory.mktemp("graph")
    with start_emulator(directory / "state", seed=write_seed(directory, WORLD)) as emulator:
        yield Arm(emulator)


def post(arm: Arm, body, api: str = GRAPH_API) -> requests.Response:
    return arm.call("POST", GRAPH_PATH, api, body)


def details(response: requests.Response) -> list[dict]:
    error = response.json()["error"]
    assert error["code"] == "BadRequest"
    assert error["message"].startswith("Please provide below info when asking for support: timestamp = ")
    return error["details"]


@pytest.mark.parametrize("api", ["2021-03-01", "2022-10-01", "2024-04-01"])
def test_each_stable_api_version_answers_a_query_response(graph, api):
    response = post(graph, {"query": "resources | project id, name | order by name asc",
                            "subscriptions": [SUBSCRIPTION_ID]}, api)
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == ["totalRecords", "count", "resultTruncated", "data", "facets"]
    assert body["totalRecords"] == body["count"] == 3
    assert body["resultTruncated"] == "false"
    assert [row["name"] for row in body["data"]] == ["aks-east", "arc-monitored", "arc-plain"]
    assert body["facets"] == []


def test_the_path_ignores_case_and_an_unknown_api_version_is_refused(graph):
    response = graph.call("POST", GRAPH_PATH.lower(), "2019-04-01", {"query": "resources"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "NoRegisteredProviderFound"
    assert "2021-03-01, 2022-10-01, 2024-04-01" in response.json()["error"]["message"]
    missing = graph.call("POST", GRAPH_PATH, None, {"query": "resources"})
    assert missing.json()["error"]["code"] == "MissingApiVersionParameter"


def test_only_post_is_allowed_and_a_token_is_required(graph):
    assert graph.call("GET", GRAPH_PATH, GRAPH_API).status_code == 405
    anonymous = requests.post(graph.emu.url + GRAPH_PATH, params={"api-version": GRAPH_API}, json={"query": "x"},
                              verify=graph.emu.ca_bundle, timeout=30)
    assert anonymous.status_code == 401


def test_without_subscriptions_the_scope_is_every_subscription(graph):
    body = post(graph, {"query": "resources | summarize clusters = count() by subscriptionId"}).json()
    assert {r["subscriptionId"]: r["clusters"] for r in body["data"]} == {SUBSCRIPTION_ID: 3, SECOND_SUBSCRIPTION: 1}
    only_second = post(graph, {"query": "resources | project id", "subscriptions": [SECOND_SUBSCRIPTION.upper()]})
    assert [r["id"].split("/")[-1] for r in only_second.json()["data"]] == ["arc-other"]


def test_times_and_timespans_read_as_arg_writes_them(graph):
    body = post(graph, {"query": "resources | where name == 'arc-plain' | project at = datetime(2026-01-02 03:04:05),"
                                 " span = 1d + 2h + 3m + 4s + 500ms, back = -30m",
                        "options": {"resultFormat": "table"}}).json()
    assert [c["type"] for c in body["data"]["columns"]] == ["datetime", "string", "string"]
    assert body["data"]["rows"] == [["2026-01-02T03:04:05.000000Z", "1.02:03:04.5000000", "-00:30:00"]]


def test_table_result_format_names_and_types_columns(graph):
    body = post(graph, {"query": "resources | where name == 'arc-plain' | project name, properties, "
                                 "nodes = toint(properties.totalNodeCount), ok = true",
                        "options": {"resultFormat": "table"}}).json()
    assert body["data"]["columns"] == [{"name": "name", "type": "string"}, {"name": "properties", "type": "object"},
                                       {"name": "nodes", "type": "integer"}, {"name": "ok", "type": "boolean"}]
    [row] = body["data"]["rows"]
    assert row[0] == "arc-plain" and row[1]["connectivityStatus"] == "Connected" and row[2] == 3 and row[3] is True


@pytest.mark.parametrize(("body", "code"), [
    ({}, "InvalidRequestContent"),
    ({"query": "  "}, "InvalidRequestContent"),
    ({"query": "resources", "options": {"$top": 0}}, "InvalidRequestContent"),
    ({"query": "resources", "options": {"$top": 1001}}, "InvalidRequestContent"),
    ({"query": "resources", "options": {"$skip": -1}}, "InvalidRequestContent"),
    ({"query": "resources", "options": {"resultFormat": "csv"}}, "InvalidRequestContent"),
    ({"query": "resources", "subscriptions": "not-a-list"}, "InvalidRequestContent"),
    ({"query": "resources", "subscriptions": ["my-subscription"]}, "SubscriptionsContainInvalidGuids"),
    ({"query": "resources", "subscriptions": ["11111111-2222-4333-8444-555555555555"]},
     "NoValidSubscriptionsInQueryRequest"),
    ({"query": "resources", "managementGroups": ["contoso-root"]}, "ManagementGroupNotFound"),
    ({"query": "resources", "options": {"$skipToken": "not-a-token"}}, "InvalidSkipToken"),
])
def test_bad_requests_get_bad_request_naming_the_problem(graph, body, code):
    if body == {}:
        response = graph.call("POST", GRAPH_PATH, GRAPH_API, raw=b"")
        assert response.status_code == 400 and response.json()["error"]["code"] == code
        return
    response = post(graph, body)
    assert response.status_code == 400, response.text
    [detail] = details(response)
    assert detail["code"] == code and detail["message"]


def test_more_than_1000_subscriptions_are_refused(graph):
    subscriptions = [f"00000000-0000-4000-8000-{i:012x}" for i in range(1001)]
    response = post(graph, {"query": "resources", "subscriptions": subscriptions})
    [detail] = details(response)
    assert detail["code"] == "TooManySubscriptions" and "1001" in detail["message"]


def test_a_syntax_error_is_arg_invalid_query_with_a_parser_failure(graph):
    response = post(graph, {"query": "resources | where"})
    assert response.status_code == 400
    invalid, failure = details(response)
    assert invalid == {"code": "InvalidQuery", "message": INVALID_QUERY}
    assert failure["code"] == "ParserFailure" and failure["line"] == 1 and "characterPositionInLine" in failure


@pytest.mark.parametrize("query", [
    "resources | extend k = bag_keys(tags)",            # a function the engine does not translate
    "resources | evaluate bag_unpack(tags)",            # a plugin it does not run
    "resources | where nosuchcolumn == 1",              # an unknown column
    "nosuchtable | take 1",                             # an unknown table
    "resources | parse id with * 'a' x 'b",             # a parse pattern that cannot be read
])
def test_queries_the_engine_cannot_run_get_invalid_query_never_a_stack_trace(graph, query):
    response = post(graph, {"query": query})
    assert response.status_code == 400
    invalid, reason = details(response)
    assert invalid["code"] == "InvalidQuery"
    assert "Traceback" not in response.text and reason["message"]


def test_every_answer_carries_the_quota_headers(graph):
    ok = post(graph, {"query": "resources | take 1 | project id"})
    bad = post(graph, {"query": "resources | where"})
    for response in (ok, bad):
        assert int(response.headers["x-ms-user-quota-remaining"]) >= 0
        hours, minutes, seconds = map(int, response.headers["x-ms-user-quota-resets-after"].split(":"))
        assert hours == 0 and minutes == 0 and 0 <= seconds <= 5


def test_over_quota_answers_429_with_retry_after(tmp_path):
    with start_emulator(tmp_path / "state", extra_args=["--arg-quota", "2/600"]) as emulator:
        arm = Arm(emulator)
        first, second, third = (post(arm, {"query": "resources | count"}) for _ in range(3))
        assert [r.status_code for r in (first, second, third)] == [200, 200, 429]
        assert [first.headers["x-ms-user-quota-remaining"], second.headers["x-ms-user-quota-remaining"]] == ["1", "0"]
        assert third.json()["error"]["code"] == "RateLimiting"
        assert third.headers["x-ms-user-quota-remaining"] == "0"
        assert 1 <= int(third.headers["Retry-After"]) <= 600
