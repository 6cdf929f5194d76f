"""Scope, release train and version rules; which rules apply to which extension type."""

import pytest
from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux.validators import extension_rules as rules
from azext_k8s_flux.validators.extension_args import check_update_inputs, create_arguments


def flux_args(**overrides):
    values = dict(
        extension_type="microsoft.flux",
        scope=None,
        release_namespace=None,
        target_namespace=None,
        release_train=None,
        version=None,
        auto_upgrade_minor_version=None,
        settings=None,
        protected=None,
    )
    values.update(overrides)
    return create_arguments("connectedClusters", **values)


@pytest.mark.parametrize("extension_type", ["microsoft.flux", "Microsoft.Flux", "MICROSOFT.FLUX", " microsoft.flux "])
def test_flux_is_recognised_case_insensitively(extension_type):
    assert rules.is_flux(extension_type)
    assert flux_args(extension_type=extension_type)["extension_type"] == "microsoft.flux"


def test_flux_is_always_cluster_scoped_in_flux_system():
    arguments = flux_args()
    assert (arguments["scope"], arguments["release_namespace"]) == ("cluster", "flux-system")
    assert arguments["auto_upgrade_minor_version"] is True


@pytest.mark.parametrize(
    "overrides, fragment",
    [
        ({"scope": "namespace"}, "always cluster-scoped"),
        ({"target_namespace": "team-a"}, "does not take --target-namespace"),
        ({"release_namespace": "gitops"}, "always installed in the 'flux-system' namespace"),
        ({"release_train": "beta"}, "use Stable or Preview"),
        ({"version": "1.18"}, "use MAJOR.MINOR.PATCH"),
        ({"version": "1.17.2", "auto_upgrade_minor_version": True}, "needs minor-version auto-upgrade off"),
        ({"settings": {"multiTenancy.enforce": "maybe"}}, "'maybe' for microsoft.flux setting 'multiTenancy.enforce'"),
    ],
)
def test_flux_rules_refuse_with_the_reason(overrides, fragment):
    with pytest.raises((InvalidArgumentValueError, MutuallyExclusiveArgumentError)) as raised:
        flux_args(**overrides)
    assert fragment in str(raised.value)


def test_flux_accepts_explicit_cluster_scope_and_flux_system():
    arguments = flux_args(scope="cluster", release_namespace="flux-system")
    assert arguments["scope"] == "cluster"


@pytest.mark.parametrize("given, sent", [("stable", "Stable"), ("PREVIEW", "Preview"), ("Stable", "Stable")])
def test_release_train_is_accepted_in_any_casing(given, sent):
    assert flux_args(release_train=given)["release_train"] == sent


def test_a_pinned_version_turns_auto_upgrade_off_when_unspecified():
    arguments = flux_args(version="1.17.2")
    assert arguments["version"] == "1.17.2" and arguments["auto_upgrade_minor_version"] is False
    assert flux_args(version="1.17.2", auto_upgrade_minor_version=False)["auto_upgrade_minor_version"] is False


def test_a_version_before_1_7_0_is_warned_about_for_arm64(warnings_log):
    flux_args(version="1.6.4")
    assert any("ARM64" in line and "1.7.0" in line for line in warnings_log())


PUBLISHED = ("1.19.5", "1.20.4", "1.21.0", "1.22.2", "1.23.0", "1.24.1")  # as the catalogue lists them
LISTING = "az k8s-extension extension-types list-versions-by-cluster -g rg -c c -t managedClusters"


@pytest.mark.parametrize("version", ["1.21.0", "1.19.5"])
def test_a_published_version_outside_the_n_minus_2_window_is_warned_about(warnings_log, version):
    rules.check_flux_support_window(version, PUBLISHED, LISTING)
    assert any("outside the supported window" in line and "1.22 and later; latest 1.24.1" in line
               for line in warnings_log())


@pytest.mark.parametrize("version", ["1.22.2", "1.23.0", "1.24.1"])
def test_versions_inside_the_window_are_not_warned_about(warnings_log, version):
    rules.check_flux_support_window(version, reversed(PUBLISHED), LISTING)  # any order
    assert warnings_log() == []


@pytest.mark.parametrize("version", ["1.24.2", "1.22.0", "2.0.0"])
def test_an_unpublished_version_is_refused_with_the_window_and_where_to_look(version):
    with pytest.raises(InvalidArgumentValueError) as refused:
        rules.check_flux_support_window(version, PUBLISHED, LISTING)
    assert f"microsoft.flux {version} is not a published version" in str(refused.value)
    assert "Supported versions: 1.22.2, 1.23.0, 1.24.1" in str(refused.value)
    assert refused.value.recommendations == [f"See every published version with: {LISTING}"]


@pytest.mark.parametrize("published", [None, ()])
def test_without_the_catalogue_nothing_is_judged(warnings_log, published):
    rules.check_flux_support_window("0.0.1", published, LISTING)
    assert warnings_log() == []


def test_other_extension_types_get_no_flux_rules(warnings_log):
    arguments = create_arguments(
        "connectedClusters", "microsoft.azuremonitor.containers", "namespace", None, "monitoring", "pilot", None, None,
        {"anything": "maybe"}, None,
    )
    assert arguments["scope"] == "namespace" and arguments["release_train"] == "pilot"
    assert arguments["configuration_settings"] == {"anything": "maybe"}
    assert arguments["auto_upgrade_minor_version"] is None
    assert warnings_log() == []


def test_other_extension_types_still_need_auto_upgrade_off_to_pin():
    with pytest.raises(MutuallyExclusiveArgumentError):
        create_arguments("connectedClusters", "vendor.thing", None, None, None, None, "1.0.0", True, None, None)


@pytest.mark.parametrize(
    "scope, release_namespace, target_namespace, expected",
    [
        (None, None, None, None),
        (None, "ns", None, "cluster"),
        (None, None, "ns", "namespace"),
        ("Cluster", "ns", None, "cluster"),
    ],
)
def test_generic_scope_is_inferred(scope, release_namespace, target_namespace, expected):
    assert rules.resolve_generic_scope(scope, release_namespace, target_namespace) == expected


@pytest.mark.parametrize(
    "scope, release_namespace, target_namespace",
    [("cluster", None, "ns"), ("namespace", "ns", None)],
)
def test_generic_scope_conflicts_are_refused(scope, release_namespace, target_namespace):
    with pytest.raises(MutuallyExclusiveArgumentError):
        rules.resolve_generic_scope(scope, release_namespace, target_namespace)


def test_extension_type_is_required():
    with pytest.raises(RequiredArgumentMissingError):
        create_arguments("connectedClusters", " ", None, None, None, None, None, None, None, None)


def test_a_setting_cannot_be_set_and_removed_at_once():
    with pytest.raises(MutuallyExclusiveArgumentError, match="a setting cannot be given"):
        check_update_inputs({"a": "1"}, None, ["a"], None)
    check_update_inputs({"a": "1"}, None, ["b"], None)


def test_kubelet_identity_outside_aks_is_warned_about(warnings_log):
    flux_args(settings={"useKubeletIdentity": "TRUE"})
    assert any("useKubeletIdentity=true applies to AKS clusters" in line for line in warnings_log())


def test_kubelet_identity_on_aks_is_fine(warnings_log):
    values = dict(scope=None, release_namespace=None, target_namespace=None, release_train=None, version=None,
                  auto_upgrade_minor_version=None, settings={"useKubeletIdentity": "true"}, protected=None)
    create_arguments("managedClusters", "microsoft.flux", **values)
    assert warnings_log() == []


def test_workload_identity_without_client_id_is_warned_about_on_create(warnings_log):
    flux_args(settings={"workloadIdentity.enable": "true"})
    assert any("needs workloadIdentity.azureClientId" in line for line in warnings_log())


def test_an_update_must_ask_for_something():
    with pytest.raises(RequiredArgumentMissingError, match="Nothing to update"):
        check_update_inputs(None, None, None, None, None, None, None)
    check_update_inputs(None, None, None, None, None, None, False)
