"""A microsoft.flux setting given in another casing is refused: the extension's Helm values are
case-sensitive, so 'multitenancy.enforce=false' was accepted with only a warning and did nothing
(multi-tenancy stayed on)."""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.validators.flux_settings import check_flux_settings
from tests.v1.helpers import last_seq


def test_case_only_difference_is_refused_with_the_right_name():
    with pytest.raises(InvalidArgumentValueError) as raised:
        check_flux_settings({"multitenancy.enforce": "false"}, "--configuration-settings")
    message = str(raised.value)
    assert "'multitenancy.enforce' in --configuration-settings" in message
    assert "use multiTenancy.enforce" in message


def test_protected_values_are_not_repeated():
    with pytest.raises(InvalidArgumentValueError) as raised:
        check_flux_settings({"WORKLOADIDENTITY.AZURECLIENTID": "s3cr3t"}, "--config-protected-settings", True)
    assert "s3cr3t" not in str(raised.value)
    assert "workloadIdentity.azureClientId" in str(raised.value)


def test_create_sends_nothing(cli, emulator, new_cluster):
    cluster = new_cluster("connectedClusters")
    since = last_seq(emulator)
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux "
                 "--config multitenancy.enforce=false", expect=1)
    assert "use multiTenancy.enforce" in result.stderr
    assert [entry for entry in emulator.requests(kind="arm") if entry["seq"] > since] == []
