"""The files and commands `flux policy generate --output-dir` prints are what azure-cli's own `az policy definition
create` and `az policy set-definition create` take: run in-process as printed, azure-cli parses them (its
argument schema checks every parameter definition) and sends our rules, parameters and definitions unchanged.

The emulator has no Azure Policy on this branch: the requests are captured on their way out, whatever it answers.
"""

import json
import shlex
from pathlib import Path

import pytest

from tests.policy.cases import KUSTOMIZATIONS, VAULT

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")


@pytest.fixture
def sent(monkeypatch):
    """[(method, url, JSON body)] of every request azure-cli sends."""
    from azure.core.pipeline.transport import RequestsTransport

    captured, original = [], RequestsTransport.send

    def send(self, request, **kwargs):
        body = request.body if isinstance(request.body, (str, bytes)) and request.body else None
        captured.append((request.method, request.url, json.loads(body) if body else None))
        return original(self, request, **kwargs)

    monkeypatch.setattr(RequestsTransport, "send", send)
    return captured


def test_az_policy_commands_send_the_generated_files(cli, new_cluster, secret_files, sent):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config "
        f"-u https://dev.azure.com/contoso/_git/fleet --branch main --https-user git --https-key-file token.txt "
        f"{KUSTOMIZATIONS} -o none")  # fmt: skip
    folder = secret_files / "policy"
    result = cli(f"k8s-configuration flux policy generate {cluster.args} -n fleet-config --output-dir {folder} "
                 f"--key-vault {VAULT} --key-vault-secret https-key=git-token").json  # fmt: skip
    del sent[:]
    for command in result["commands"]:
        cli(*shlex.split(command)[1:], expect=None)
    puts = [(url, body) for method, url, body in sent if method == "PUT"]
    assert [url.split("?")[0].rsplit("/", 2)[-2:] for url, _ in puts] == [
        ["policyDefinitions", "fleet-config-flux-extension"], ["policyDefinitions", "fleet-config-flux-configuration"],
        ["policySetDefinitions", "fleet-config-flux"]]  # fmt: skip
    files = {p.name: json.loads(p.read_text()) for p in Path(folder).iterdir()}
    for (_, body), role in zip(puts[:2], ("flux-extension", "fleet-config"), strict=True):
        assert body["properties"]["policyRule"] == files[f"{role}.rules.json"]
        assert body["properties"]["parameters"] == files[f"{role}.params.json"]
        assert body["properties"]["mode"] == "Indexed"
    initiative = puts[2][1]["properties"]
    assert initiative["policyDefinitions"] == files["initiative.definitions.json"]
    assert initiative["parameters"] == files["initiative.params.json"]
