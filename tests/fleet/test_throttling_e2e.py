"""Resource Graph's quota headers, with the real `az` against an emulator that allows 1 query per 6 seconds: a
status whose answer is empty needs a second query (to say why); the first answer said the quota is spent
(`x-ms-user-quota-remaining: 0`), so the second waits for the reset instead of drawing a 429. (The 429 path, with
Retry-After, is in test_graph.py.)"""


import pytest

from tests.harness.own_emulator import own_emulator
from tests.harness.runner import az_executable, run_az_subprocess


@pytest.fixture(scope="module")
def quota_world(extension_wheel, tmp_path_factory):
    emulator, env = own_emulator(tmp_path_factory, "arg-quota", "--arg-quota", "1/6")
    yield emulator, env
    emulator.stop()


def test_a_spent_quota_is_waited_out_before_the_next_query(quota_world):
    emulator, env = quota_world
    emulator.clear_requests()
    result = run_az_subprocess(az_executable(), env, "k8s-configuration", "flux", "status", "-n", "none-such",
                               "-o", "json")  # fmt: skip
    assert result.json["total"] == 0 and "None of the 4 clusters has a Flux configuration" in result.stderr
    graph = [r["status"] for r in emulator.requests() if r["path"].startswith("/providers/Microsoft.ResourceGraph")]
    assert graph == [200, 200]
