"""Commands replayed from scrubbed vcrpy cassettes: the ARM exchange is fixed, the code under test is not.

`pytest --record` re-records the cassettes against the emulator; without it, every ARM request is served
from tests/recordings and the emulator sees none (only token traffic reaches it).
"""

import pytest

from tests.harness.recording import RECORDINGS_DIR, SCRUBBED_SUBSCRIPTION

CLUSTER = "-g tests-rg -c recorded-cluster -t connectedClusters"
HTTPS_KEY = "ghp_recordedTokenValue0123456789"


@pytest.fixture
def recorded_cluster(request, arm):
    if request.config.getoption("--record"):
        arm.create_cluster("tests-rg", "connectedClusters", name="recorded-cluster")


@pytest.fixture
def https_key_file(tmp_path):
    path = tmp_path / "https-key"
    path.write_text(HTTPS_KEY)
    return path


def test_flux_lifecycle_replays_offline(cli, recording, recorded_cluster, https_key_file, emulator):
    emulator.clear_requests()
    with recording("flux-lifecycle"):
        created = cli(f"k8s-configuration flux create {CLUSTER} -n recorded --namespace cluster-config "
                      "-u https://github.com/org/private-fleet --branch main --https-user flux "
                      f"--https-key-file {https_key_file} -k name=infra path=./infrastructure prune=true")  # fmt: skip
        shown = cli(f"k8s-configuration flux show {CLUSTER} -n recorded")
        objects = cli(f"k8s-configuration flux deployed-object list {CLUSTER} -n recorded")
        cli(f"k8s-configuration flux delete {CLUSTER} -n recorded --yes")
    assert created.json["gitRepository"]["httpsUser"] == "flux"
    assert shown.json["kustomizations"]["infra"]["prune"] is True
    assert {o["kind"] for o in objects.json} == {"GitRepository", "Kustomization"}
    assert HTTPS_KEY not in created.output + shown.output


def test_replay_sent_no_arm_request_to_the_emulator(request, cli, recording, recorded_cluster, emulator):
    if request.config.getoption("--record"):
        pytest.skip("recording talks to the emulator by design")
    emulator.clear_requests()
    with recording("flux-lifecycle"):
        cli(f"k8s-configuration flux show {CLUSTER} -n recorded")
    assert emulator.requests(kind="arm") == []


def test_cassettes_hold_no_secret_and_no_real_subscription():
    from arm_emulator.testing import SUBSCRIPTION_ID

    cassettes = sorted(RECORDINGS_DIR.glob("*.yaml"))
    assert cassettes, "no cassette recorded"
    for cassette in cassettes:
        text = cassette.read_text()
        assert SUBSCRIPTION_ID not in text
        assert SCRUBBED_SUBSCRIPTION in text
        assert "127.0.0.1" not in text
        assert "authorization" not in text.lower()
        assert HTTPS_KEY not in text
        import base64

        assert base64.b64encode(HTTPS_KEY.encode()).decode() not in text
