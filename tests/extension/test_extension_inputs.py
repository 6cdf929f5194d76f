"""The options object of `k8s-extension create|update`: every handler keyword lands in it, none is dropped, and the
settings files are merged with the inline values."""

import inspect

import pytest

from azext_k8s_flux.operations import extension as ops
from azext_k8s_flux.operations.extension_inputs import ExtensionOptions

CLUSTER = {"resource_group_name": "rg1", "cluster_name": "cluster1", "cluster_type": "connectedClusters",
           "name": "flux"}  # fmt: skip


@pytest.mark.parametrize("handler", [ops.extension_create, ops.extension_update])
def test_every_keyword_of_the_handler_lands_in_the_options(handler):
    parameters = [p for p in inspect.signature(handler).parameters if p not in ("cmd", "client")]
    arguments = {name: f"value of {name}" for name in parameters}
    options = ExtensionOptions.of(dict(arguments, cmd=object(), client=object()))
    assert {name: getattr(options, name) for name in parameters} == arguments


def test_a_keyword_the_options_do_not_know_is_a_programming_error():
    with pytest.raises(TypeError, match="release_channel"):
        ExtensionOptions.of(dict(CLUSTER, release_channel="Stable"))


def test_the_cluster_plan_and_upgrade_come_from_the_options():
    options = ExtensionOptions.of(dict(CLUSTER, plan_name="p", plan_product="q", plan_publisher="r", version="1.2.3",
                                       auto_upgrade_minor_version=False))  # fmt: skip
    assert options.cluster().cluster_type == "connectedClusters"
    assert options.plan == ("p", "q", "r")
    assert options.upgrade == (None, "1.2.3", False, None)


def test_settings_files_are_merged_with_the_inline_values(tmp_path):
    plain, secret = tmp_path / "settings.json", tmp_path / "protected.json"
    plain.write_text('{"helm-controller.enabled": "false"}')
    secret.write_text('{"workloadIdentity.azureClientId": "00000000-0000-0000-0000-000000000001"}')
    options = ExtensionOptions.of(dict(CLUSTER, configuration_settings={"multiTenancy.enforce": "false"},
                                       configuration_settings_file=str(plain),
                                       configuration_protected_settings_file=str(secret)))  # fmt: skip
    settings, protected = options.read_settings()
    assert settings == {"multiTenancy.enforce": "false", "helm-controller.enabled": "false"}
    assert protected == {"workloadIdentity.azureClientId": "00000000-0000-0000-0000-000000000001"}
