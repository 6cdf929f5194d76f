"""The saved migration state and the credential options."""

import os
import stat

import pytest
from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError

from azext_k8s_flux.migrate.credentials import credential_keys, read_credentials
from azext_k8s_flux.migrate.state import clear_state, load_state, new_state, save_state, state_path

CLUSTER = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1"


def test_default_path_is_per_cluster_and_case_insensitive(tmp_path):
    first = state_path(str(tmp_path), CLUSTER)
    assert first == state_path(str(tmp_path), CLUSTER.upper())
    assert first != state_path(str(tmp_path), CLUSTER + "x")
    assert first.startswith(str(tmp_path / "k8s-flux-migrations"))
    assert state_path(str(tmp_path), CLUSTER, "~/plan.json") == os.path.expanduser("~/plan.json")


def test_round_trip_private_file_and_clear(tmp_path):
    path = state_path(str(tmp_path), CLUSTER)
    assert load_state(path, CLUSTER) is None
    state = new_state(CLUSTER, [{"v1": {"name": "a"}}], {"a": ["sshPrivateKey"]})
    save_state(path, state)
    assert load_state(path, CLUSTER.lower()) == state
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    clear_state(path)
    clear_state(path)
    assert load_state(path, CLUSTER) is None


def test_a_plan_file_of_another_cluster_is_refused(tmp_path):
    path = str(tmp_path / "plan.json")
    save_state(path, new_state(CLUSTER, [], {}))
    with pytest.raises(InvalidArgumentValueError) as raised:
        load_state(path, CLUSTER + "-other")
    assert "belongs to cluster" in str(raised.value)


@pytest.mark.parametrize("content", ["{not json", "[]", '{"version": 99}'])
def test_an_unreadable_state_file_is_reported(tmp_path, content):
    path = tmp_path / "plan.json"
    path.write_text(content)
    with pytest.raises(FileOperationError):
        load_state(str(path), CLUSTER)


def test_credentials_from_files(tmp_path):
    key, token = tmp_path / "key", tmp_path / "token"
    key.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----\n")
    token.write_text("tok\n")
    credentials = read_credentials([f"a={key}"], ["b=user"], [f"b={token}"])
    assert credentials["a"]["sshPrivateKey"].startswith("-----BEGIN")
    assert credentials["b"] == {"httpsUser": "user", "httpsKey": "tok"}
    assert credential_keys(credentials) == {"a": ["sshPrivateKey"], "b": ["httpsKey", "httpsUser"]}


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        ((["nopath"], None, None), "use --ssh-private-key-file CONFIGURATION=VALUE"),
        ((None, ["=user"], None), "Invalid --https-user value"),
        ((None, ["a=u", "a=v"], None), "names 'a' twice"),
    ],
)
def test_bad_credential_options(arguments, fragment):
    with pytest.raises(InvalidArgumentValueError) as raised:
        read_credentials(*arguments)
    assert fragment in str(raised.value)


def test_a_secret_option_never_repeats_a_value_that_reads_as_a_name():
    token = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop"  # the shape of an Azure DevOps PAT
    with pytest.raises(InvalidArgumentValueError) as raised:
        read_credentials(None, ["team-a=git"], [token])
    assert "use --https-key-file CONFIGURATION=VALUE" in str(raised.value)
    assert token not in str(raised.value)


def test_missing_key_file(tmp_path):
    with pytest.raises(FileOperationError) as raised:
        read_credentials([f"a={tmp_path / 'missing'}"])
    assert "Cannot read --ssh-private-key-file a=PATH" in str(raised.value)
