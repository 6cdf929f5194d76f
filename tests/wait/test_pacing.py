"""How often the wait reads: never more than once a second, and not before the service's Retry-After."""

from types import SimpleNamespace

import pytest

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations import wait

PENDING = {"properties": {"provisioningState": "Succeeded", "complianceState": "Pending", "statuses": []}}
COMPLIANT = {"properties": {"provisioningState": "Succeeded", "complianceState": "Compliant", "statuses": [
    {"kind": "GitRepository", "name": "cfg", "statusConditions": [{"type": "Ready", "status": "True"}]}]}}


class _Client:
    """Answers the given states in turn, with the given Retry-After header."""

    def __init__(self, states, retry_after=None):
        self.states, self.retry_after, self.reads = list(states), retry_after, 0

    def get(self, *args, cls):
        self.reads += 1
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        headers = {"Retry-After": self.retry_after} if self.retry_after else {}
        # As the SDK does: the raw response carries the headers, the third argument is empty.
        return cls(SimpleNamespace(http_response=SimpleNamespace(headers=headers)), state, {})


@pytest.fixture
def clock(monkeypatch):
    """A fake clock: sleeping advances it, so the loop runs instantly and its pauses can be read."""
    state = SimpleNamespace(now=0.0, sleeps=[])

    def sleep(seconds):
        state.sleeps.append(seconds)
        state.now += seconds

    monkeypatch.setattr(wait.time, "monotonic", lambda: state.now)
    monkeypatch.setattr(wait.time, "sleep", sleep)
    monkeypatch.setattr(wait, "_shows_progress", lambda cmd: False)
    return state


CMD = SimpleNamespace(cli_ctx=SimpleNamespace(register_event=lambda *a: None))
CLUSTER = cluster_ref("rg", "c", "connectedClusters")


def test_interval_is_never_below_one_second(clock):
    client = _Client([PENDING, PENDING, COMPLIANT])
    wait.wait_for_compliance_of(CMD, client, CLUSTER, "cfg", timeout=60, interval=0.1)
    assert clock.sleeps == [1.0, 1.0]
    assert client.reads == 3


def test_retry_after_longer_than_the_interval_wins(clock):
    client = _Client([PENDING, PENDING, COMPLIANT], retry_after="7")
    wait.wait_for_compliance_of(CMD, client, CLUSTER, "cfg", timeout=60, interval=2)
    assert clock.sleeps == [7.0, 7.0]


def test_the_last_pause_ends_at_the_timeout(clock):
    client = _Client([PENDING])
    wait.wait_for_compliance_of(CMD, client, CLUSTER, "cfg", timeout=12, interval=5)
    assert clock.sleeps == [5, 5, 2]
    assert client.reads == 4  # one read at 0, 5, 10 and 12 s, then it gives up
