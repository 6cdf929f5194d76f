"""The microsoft.flux settings schema: typed values, canonical forms, warnings for unknown and secret keys."""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.validators.flux_settings import KNOWN_SETTINGS, check_flux_settings, closest_setting

OPTION = "--configuration-settings"
GUID = "00000000-0000-0000-0000-000000000001"


@pytest.mark.parametrize(
    "key, given, sent",
    [
        ("multiTenancy.enforce", "false", "false"),
        ("multiTenancy.enforce", "FALSE", "false"),
        ("multiTenancy.enforce", "True", "true"),
        ("useKubeletIdentity", " true ", "true"),
        ("image-automation-controller.enabled", "TrUe", "true"),
        ("helm-controller.detectDrift", "false", "false"),
        ("source-controller.log-level", "DEBUG", "debug"),
        ("fluxconfig-agent.log-level", "error", "error"),
        ("source-controller.resources.limits.memory", "1Gi", "1Gi"),
        ("kustomize-controller.resources.requests.cpu", "500m", "500m"),
        ("helm-controller.resources.limits.cpu", "2", "2"),
        ("kustomize-controller.concurrent", "08", "8"),
        ("kustomize-controller.requeue-dependency", "30s", "30s"),
        ("helm-controller.outOfMemoryWatch.interval", "1m30s", "1m30s"),
        ("helm-controller.outOfMemoryWatch.memoryThreshold", "95", "95"),
        ("workloadIdentity.azureClientId", GUID, GUID),
        ("source-controller.ssh-host-key-args", "--ssh-hostkey-algos=rsa-sha2-512", "--ssh-hostkey-algos=rsa-sha2-512"),
    ],
)
def test_known_values_are_sent_in_canonical_form(key, given, sent):
    assert check_flux_settings({key: given}, OPTION) == {key: sent}


@pytest.mark.parametrize(
    "key, value, allowed",
    [
        ("multiTenancy.enforce", "maybe", "true or false"),
        ("useKubeletIdentity", "yes", "true or false"),
        ("source-controller.enabled", "1", "true or false"),
        ("helm-controller.log-level", "verbose", "debug | info | error"),
        ("source-controller.resources.limits.memory", "1GB", "Kubernetes quantity"),
        ("kustomize-controller.resources.requests.cpu", "half", "Kubernetes quantity"),
        ("kustomize-controller.concurrent", "0", "at least 1"),
        ("kustomize-controller.concurrent", "-3", "at least 1"),
        ("kustomize-controller.requeue-dependency", "30", "duration"),
        ("helm-controller.outOfMemoryWatch.memoryThreshold", "150", "from 1 to 100"),
        ("workloadIdentity.azureTenantId", "not-a-guid", "GUID"),
        ("toleration-keys", "  ", "non-empty"),
    ],
)
def test_a_wrong_value_names_the_key_the_value_and_what_is_allowed(key, value, allowed):
    with pytest.raises(InvalidArgumentValueError) as raised:
        check_flux_settings({key: value}, OPTION)
    message = str(raised.value)
    assert f"'{key}'" in message and allowed in message and OPTION in message
    if value.strip():
        assert f"'{value}'" in message


def test_a_wrong_protected_value_is_not_repeated():
    with pytest.raises(InvalidArgumentValueError) as raised:
        check_flux_settings({"workloadIdentity.azureClientId": "s3cr3t-value"}, "--config-protected-settings", True)
    assert "s3cr3t-value" not in str(raised.value)
    assert "workloadIdentity.azureClientId" in str(raised.value)


@pytest.mark.parametrize(
    "typo, meant",
    [
        ("multiTenancy.enfroce", "multiTenancy.enforce"),
        ("helm-controler.enabled", "helm-controller.enabled"),
        ("source-controller.loglevel", "source-controller.log-level"),
    ],
)
def test_an_unknown_key_is_warned_about_with_the_closest_known_key(typo, meant, warnings_log):
    assert closest_setting(typo) == meant
    assert check_flux_settings({typo: "x"}, OPTION) == {typo: "x"}
    assert any(typo in line and f"Did you mean '{meant}'" in line for line in warnings_log())


def test_an_unknown_key_far_from_any_known_key_is_warned_about_without_suggestion(warnings_log):
    check_flux_settings({"completely.different": "x"}, OPTION)
    assert any("completely.different" in line and "unchecked" in line for line in warnings_log())


@pytest.mark.parametrize("key", ["gitToken", "azure.clientSecret", "proxy.password", "sshPrivateKey"])
def test_a_secret_looking_plain_key_is_warned_about(key, warnings_log):
    check_flux_settings({key: "plain-value-123"}, OPTION)
    assert any(key in line and "looks like a secret" in line for line in warnings_log())
    assert not any("plain-value-123" in line for line in warnings_log())


def test_known_keys_with_key_in_their_name_are_not_taken_for_secrets(warnings_log):
    check_flux_settings({"toleration-keys": "CriticalAddonsOnly=true:NoSchedule"}, OPTION)
    check_flux_settings({"source-controller.ssh-host-key-args": "--x"}, OPTION)
    assert warnings_log() == []


def test_secret_looking_protected_keys_are_not_warned_about(warnings_log):
    check_flux_settings({"gitToken": "value"}, "--config-protected-settings", protected=True)
    assert not any("looks like a secret" in line for line in warnings_log())


def test_the_schema_covers_the_documented_settings():
    for key in (
        "multiTenancy.enforce",
        "useKubeletIdentity",
        "workloadIdentity.enable",
        "workloadIdentity.azureClientId",
        "workloadIdentity.azureTenantId",
        "helm-controller.detectDrift",
        "helm-controller.outOfMemoryWatch.enabled",
        "setKubeServiceHostFqdn",
        "kustomize-controller.concurrent",
        "kustomize-controller.requeue-dependency",
    ):
        assert key in KNOWN_SETTINGS
    for controller in ("source", "helm", "kustomize", "notification", "image-automation", "image-reflector"):
        assert f"{controller}-controller.enabled" in KNOWN_SETTINGS
        assert f"{controller}-controller.log-level" in KNOWN_SETTINGS
        assert f"{controller}-controller.resources.limits.memory" in KNOWN_SETTINGS
