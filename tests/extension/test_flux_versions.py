"""A pinned microsoft.flux version is checked against the extensionTypes catalogue: one read, only when a version
is pinned; unpublished versions are refused before anything is written, old ones warned about (N-2)."""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from tests.extension.fakes import http_error
from tests.extension.handler_helpers import create, flux_body, update

pytest.importorskip("arm_emulator.providers.extension_catalogue")

FLUX_VERSIONS_CALL = ("cluster_list_versions", ("rg1", "Microsoft.Kubernetes", "connectedClusters", "cluster1",
                                                "microsoft.flux"))


def test_create_with_a_version_reads_the_catalogue_once_for_the_cluster_and_train(fakes, warnings_log):
    create(fakes, version="1.24.1", release_train="preview")
    assert fakes.types.calls == [(*FLUX_VERSIONS_CALL, {"release_train": "Preview"})]
    assert fakes.extensions.methods() == ["begin_create"] and warnings_log() == []


@pytest.mark.parametrize("arguments", [{}, {"release_train": "stable"}])
def test_create_without_a_version_reads_no_catalogue(fakes, arguments):
    create(fakes, **arguments)
    assert fakes.types.calls == []


def test_other_extension_types_are_not_checked(fakes):
    create(fakes, name="dapr", extension_type="microsoft.dapr", version="9.9.9")
    assert fakes.types.calls == []


def test_an_unpublished_version_is_refused_before_any_write_or_other_request(fakes):
    with pytest.raises(InvalidArgumentValueError) as refused:
        create(fakes, version="1.99.0")
    assert "microsoft.flux 1.99.0 is not a published version" in str(refused.value)
    assert "list-versions-by-cluster -g rg1 -c cluster1 -t connectedClusters" in refused.value.recommendations[0]
    assert fakes.extensions.calls == [] and fakes.v1.calls == []


def test_an_old_published_version_installs_with_a_warning(fakes, warnings_log):
    create(fakes, version="1.17.2")
    assert fakes.extensions.methods() == ["begin_create"]
    assert any("1.17.2 is outside the supported window" in line and "latest 1.24.1" in line
               for line in warnings_log())


@pytest.mark.parametrize("failure", [http_error(403, "AuthorizationFailed"), http_error(503, "ServiceUnavailable")])
def test_an_unreadable_catalogue_leaves_the_version_to_the_service(fakes, warnings_log, failure):
    fakes.types.fail = failure
    create(fakes, version="1.99.0")
    assert fakes.extensions.methods() == ["begin_create"]
    assert any("could not be read" in line and "--version was not checked" in line for line in warnings_log())


def test_update_to_a_new_version_checks_it_on_the_extensions_own_train(fakes):
    fakes.extensions.store["flux"] = flux_body(autoUpgradeMinorVersion=False, version="1.22.2", releaseTrain="Preview")
    update(fakes, version="1.23.0")
    assert fakes.types.calls == [(*FLUX_VERSIONS_CALL, {"release_train": "Preview"})]
    assert fakes.extensions.methods() == ["get", "begin_update"]


def test_update_keeping_the_version_or_without_one_reads_no_catalogue(fakes):
    fakes.extensions.store["flux"] = flux_body(autoUpgradeMinorVersion=False, version="1.22.2")
    update(fakes, version="1.22.2", configuration_settings={"multiTenancy.enforce": "true"})
    update(fakes, configuration_settings={"multiTenancy.enforce": "false"})
    assert fakes.types.calls == []


def test_update_to_an_unpublished_version_is_refused_before_the_patch(fakes):
    fakes.extensions.store["flux"] = flux_body()
    with pytest.raises(InvalidArgumentValueError):
        update(fakes, version="1.0.0")
    assert fakes.extensions.methods() == ["get"]
