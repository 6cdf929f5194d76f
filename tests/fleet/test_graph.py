"""Paging, chunking and throttling of Resource Graph queries, against a fake ResourceGraphClient that answers as ARG
does: pages of at most $top rows with a $skipToken, quota headers, 429 with Retry-After."""

from types import SimpleNamespace

import pytest
from azure.cli.core.azclierror import AzureResponseError, BadRequestError, MutuallyExclusiveArgumentError
from azure.core.exceptions import HttpResponseError

from azext_k8s_flux.fleet.graph import PAGE_SIZE, Graph, throttled_for
from azext_k8s_flux.fleet.scope import Scope, fleet_scope

SUBS = [f"{i:08x}-0000-0000-0000-000000000000" for i in range(2500)]


class FakeArg:
    """Serves `rows` to whatever query, sliced by $top/$skipToken; records every request."""

    def __init__(self, rows, throttled=0, headers=None, status=429):
        self.rows, self.throttled, self.headers, self.status = rows, throttled, headers or {}, status
        self.requests = []

    def resources(self, request, cls):
        self.requests.append(request)
        if self.throttled:
            self.throttled -= 1
            raise _http_error(self.status, {"Retry-After": "7", "x-ms-user-quota-remaining": "0",
                                            "x-ms-user-quota-resets-after": "00:00:04"})  # fmt: skip
        start = int(request.options.skip_token or 0)
        page = self.rows[start:start + request.options.top]
        more = start + len(page) < len(self.rows)
        response = SimpleNamespace(data=page, skip_token=str(start + len(page)) if more else None)
        return cls(SimpleNamespace(http_response=SimpleNamespace(headers=self.headers)), response, {})


def _http_error(status, headers):
    response = SimpleNamespace(status_code=status, headers=headers, reason="x", text=lambda: "",
                               request=None, content_type="application/json")  # fmt: skip
    error = HttpResponseError(message=f"({'RateLimiting' if status == 429 else 'BadRequest'}) refused",
                              response=response)  # fmt: skip
    error.status_code = status
    return error


def test_ten_thousand_rows_cost_ten_requests_of_a_thousand():
    arg = FakeArg([{"id": str(i)} for i in range(10_000)])
    graph = Graph(arg, Scope(("s",)))
    assert len(graph.rows("q")) == 10_000
    assert graph.requests == len(arg.requests) == 10
    assert {r.options.top for r in arg.requests} == {PAGE_SIZE}
    assert {r.options.result_format for r in arg.requests} == {"objectArray"}


def test_partial_last_page_and_empty_result():
    assert Graph(FakeArg([{"id": "a"}] * 1001), Scope(("s",))).rows("q") == [{"id": "a"}] * 1001
    graph = Graph(FakeArg([]), Scope(("s",)))
    assert graph.rows("q") == [] and graph.requests == 1


def test_more_than_a_thousand_subscriptions_are_sent_in_chunks():
    arg = FakeArg([{"id": "x"}])
    rows = Graph(arg, Scope(tuple(SUBS))).rows("q")
    assert [len(r.subscriptions) for r in arg.requests] == [1000, 1000, 500]
    assert sum((r.subscriptions for r in arg.requests), []) == SUBS
    assert len(rows) == 3


def test_management_groups_are_one_request_without_subscriptions():
    arg = FakeArg([{"id": "x"}])
    Graph(arg, Scope((), ("platform", "apps"))).rows("q")
    assert [(r.subscriptions, r.management_groups) for r in arg.requests] == [(None, ["platform", "apps"])]


def test_throttled_request_is_retried_after_the_longest_wait_arg_asks_for():
    sleeps = []
    arg = FakeArg([{"id": "x"}], throttled=2)
    assert Graph(arg, Scope(("s",)), sleep=sleeps.append).rows("q") == [{"id": "x"}]
    assert sleeps == [7.0, 7.0] and len(arg.requests) == 3


def test_throttling_that_does_not_end_is_a_clear_error():
    arg = FakeArg([{"id": "x"}], throttled=10)
    with pytest.raises(AzureResponseError, match="still throttling these queries after 3 retries"):
        Graph(arg, Scope(("s",)), sleep=lambda s: None).rows("q")
    assert len(arg.requests) == 4


def test_spent_quota_pauses_before_the_next_request():
    sleeps = []
    arg = FakeArg([{"id": str(i)} for i in range(1500)],
                  headers={"x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:03"})
    graph = Graph(arg, Scope(("s",)), sleep=sleeps.append)
    graph.rows("q")
    assert sleeps == [3.0] and graph.pause == 3.0  # before page 2, and before whatever query comes next


def test_a_refused_query_is_a_bad_request_error():
    with pytest.raises(BadRequestError, match="Resource Graph refused the query"):
        Graph(FakeArg([], throttled=1, status=400), Scope(("s",))).rows("q")


def test_wait_headers_are_read_in_both_forms():
    assert throttled_for({"Retry-After": "2", "x-ms-user-quota-resets-after": "00:01:05"}) == 65
    assert throttled_for({}) == 1.0


def _ctx():
    return SimpleNamespace()


def test_scope_refuses_malformed_subscriptions_before_any_request():
    with pytest.raises(Exception, match="takes subscription IDs.*not-a-guid"):
        fleet_scope(_ctx(), ["not-a-guid"])


def test_scope_takes_subscriptions_or_management_groups_not_both():
    with pytest.raises(MutuallyExclusiveArgumentError):
        fleet_scope(_ctx(), [SUBS[0]], ["mg"])


def test_scope_accepts_space_or_comma_separated_values_and_drops_duplicates():
    scope = fleet_scope(_ctx(), [f"{SUBS[0]},{SUBS[1]}", SUBS[0].upper()], None, ["rg-a", "rg-b"])
    assert scope.subscriptions == (SUBS[0], SUBS[1]) and scope.resource_groups == ("rg-a", "rg-b")
