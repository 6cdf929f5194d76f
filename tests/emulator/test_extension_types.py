"""The extensionTypes catalogue: every route at cluster, location and subscription scope, its filters, its 404s
and its paging; shapes checked against the REST spec (through the extensiontypes SDK) and recorded traffic."""

from __future__ import annotations

import pytest
from emu_helpers import AKS, ARC, CONFIG, Arm, StaticToken, cluster_path, sdk_kwargs

from arm_emulator.httpapi import extension_types
from arm_emulator.providers.extensions import FLUX_VERSIONS
from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator
from azext_k8s_flux._sdk import EXTENSION_TYPES_API_VERSION

API = "2024-11-01-preview"
SUB = f"/subscriptions/{SUBSCRIPTION_ID}"
LOCATION = f"{SUB}/providers/{CONFIG}/locations/westeurope/extensionTypes"
SUBSCRIPTION = f"{SUB}/providers/{CONFIG}/extensionTypes"


def on_cluster(cluster=ARC) -> str:
    return f"{cluster_path(cluster)}/providers/{CONFIG}/extensionTypes"


def names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["value"]]


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    return response.json()["error"]


# --- lists and items at each scope ----------------------------------------------------------------------------


@pytest.mark.parametrize("base", [on_cluster(), LOCATION])
def test_each_scope_lists_flux_with_its_cluster_scope_settings(shared_arm: Arm, base):
    listed = shared_arm.get(base, API).json()
    flux = next(item for item in listed["value"] if item["name"] == "microsoft.flux")
    assert listed["nextLink"] is None
    assert flux["id"] == f"{base}/microsoft.flux" and flux["type"] == f"{CONFIG}/extensionTypes"
    scope = flux["properties"]["supportedScopes"]
    assert scope["defaultScope"] == "cluster"
    assert scope["clusterScopeSettings"]["properties"] == {"allowMultipleInstances": False,
                                                           "defaultReleaseNamespace": "flux-system"}


def test_cluster_scope_lists_only_types_for_that_kind_of_cluster(shared_arm: Arm):
    on_arc, on_aks = names(shared_arm.get(on_cluster(ARC), API)), names(shared_arm.get(on_cluster(AKS), API))
    assert "microsoft.openservicemesh" in on_arc and "microsoft.openservicemesh" not in on_aks
    assert "microsoft.flux" in on_arc and "microsoft.flux" in on_aks
    missing = shared_arm.get(f"{on_cluster(AKS)}/microsoft.openservicemesh", API)
    assert "managedClusters 'aks-demo'" in error_of(missing, 404)["message"]


def test_location_scope_filters_by_cluster_type_in_either_spelling(shared_arm: Arm):
    plural, singular = (names(shared_arm.get(LOCATION, API, clusterType=kind))
                        for kind in ("managedClusters", "managedCluster"))
    assert plural == singular and "microsoft.dapr" in plural and "microsoft.openservicemesh" not in plural


def test_release_train_filter_keeps_types_with_a_version_on_that_train(shared_arm: Arm):
    on_dev = names(shared_arm.get(LOCATION, API, releaseTrain="dev"))
    assert on_dev == ["microsoft.dapr"]


def test_marketplace_plan_filter_matches_no_first_party_type(shared_arm: Arm):
    assert names(shared_arm.get(LOCATION, API, publisherId="someone", planId="plan")) == []


@pytest.mark.parametrize("api, nested", [("2024-11-01-preview", True), ("2026-04-01", False),
                                         ("2023-05-01-preview", False)])
def test_cluster_scope_settings_shape_follows_the_api_version(shared_arm: Arm, api, nested):
    body = shared_arm.get(f"{LOCATION}/Microsoft.Flux", api).json()
    settings = body["properties"]["supportedScopes"]["clusterScopeSettings"]
    assert ("properties" in settings) is nested
    assert (settings["properties"] if nested else settings)["defaultReleaseNamespace"] == "flux-system"
    assert ("extensionType" in body["properties"]) is (api == "2023-05-01-preview")


@pytest.mark.parametrize("api, listed", [("2023-05-01-preview", False), (API, True)])
def test_version_bodies_name_cluster_types_from_2024_11_01_preview(shared_arm: Arm, api, listed):
    # The recorded 2023-05-01-preview answers have no supportedClusterTypes; the 2024-11-01-preview example has it.
    item = shared_arm.get(f"{LOCATION}/microsoft.flux/versions/1.24.1", api).json()["properties"]
    assert ("supportedClusterTypes" in item) is listed
    assert item["version"] == "1.24.1"


def test_namespace_scoped_type_has_no_cluster_scope_settings(shared_arm: Arm):
    body = shared_arm.get(f"{on_cluster()}/microsoft.contoso.samples", API).json()
    assert body["properties"]["supportedScopes"] == {"defaultScope": "namespace", "clusterScopeSettings": None}


def test_subscription_scope_needs_2026_05_01_and_adds_regions(shared_arm: Arm):
    body = shared_arm.get(f"{SUBSCRIPTION}/microsoft.flux", "2026-05-01").json()
    assert body["id"] == f"{SUBSCRIPTION}/microsoft.flux"
    assert "westeurope" in body["properties"]["supportedRegions"]
    assert body["properties"]["supportedClusterTypes"] == ["connectedClusters", "managedClusters",
                                                           "provisionedClusters", "fleets"]
    assert "microsoft.dapr" in names(shared_arm.get(SUBSCRIPTION, "2026-05-01"))
    assert "microsoft.openservicemesh" not in names(shared_arm.get(SUBSCRIPTION, "2026-05-01",
                                                                   clusterType="managedClusters"))
    assert error_of(shared_arm.get(SUBSCRIPTION, API), 400)["code"] == "NoRegisteredProviderFound"


# --- versions --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("base", [on_cluster(), LOCATION])
def test_flux_versions_come_newest_first_on_the_stable_train(shared_arm: Arm, base):
    listed = names(shared_arm.get(f"{base}/microsoft.flux/versions", API))
    assert listed == list(reversed(FLUX_VERSIONS)) and listed[0] == "1.24.1"
    item = shared_arm.get(f"{base}/microsoft.flux/versions", API).json()["value"][0]
    assert item["id"] == f"{base}/microsoft.flux/versions/1.24.1"
    assert item["type"] == f"{CONFIG}/extensionTypes/versions" and item["properties"]["version"] == "1.24.1"


@pytest.mark.parametrize("params, expected", [
    ({"showLatest": "true"}, ["1.24.1"]),
    ({"showLatest": "false", "majorVersion": "1"}, list(reversed(FLUX_VERSIONS))),
    ({"majorVersion": "2"}, []),
    ({"releaseTrain": "Preview", "showLatest": "true"}, ["1.24.1"]),
])
def test_version_filters(shared_arm: Arm, params, expected):
    assert names(shared_arm.get(f"{LOCATION}/microsoft.flux/versions", API, **params)) == expected


def test_release_train_picks_the_versions_published_on_it(shared_arm: Arm):
    stable = names(shared_arm.get(f"{LOCATION}/microsoft.openservicemesh/versions", API))
    preview = names(shared_arm.get(f"{LOCATION}/microsoft.openservicemesh/versions", API, releaseTrain="preview"))
    assert stable == ["1.2.0", "1.1.1", "1.0.0"] and preview == ["1.3.0"]


@pytest.mark.parametrize("base", [on_cluster(), LOCATION])
def test_one_version(shared_arm: Arm, base):
    body = shared_arm.get(f"{base}/microsoft.flux/versions/1.22.2", API).json()
    assert body["name"] == "1.22.2" and body["properties"]["supportedClusterTypes"][0] == "connectedClusters"


# --- refusals --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path, fragment", [
    (f"{LOCATION}/microsoft.nothing", "Extension type 'microsoft.nothing' was not found in location 'westeurope'"),
    (f"{LOCATION}/microsoft.nothing/versions", "'microsoft.nothing' was not found"),
    (f"{LOCATION}/microsoft.flux/versions/9.9.9", "Version '9.9.9' of extension type 'microsoft.flux'"),
    (f"{on_cluster()}/microsoft.flux/versions/1.0.0", "for connectedClusters 'arc-demo'"),
    (f"{SUBSCRIPTION}/microsoft.nothing", "'microsoft.nothing' was not found"),
])
def test_unknown_types_and_versions_are_404_with_an_arm_error(shared_arm: Arm, path, fragment):
    api = "2026-05-01" if path.startswith(SUBSCRIPTION) else API
    error = error_of(shared_arm.get(path, api), 404)
    assert error["code"] == "ResourceNotFound" and fragment in error["message"]


def test_unknown_location_is_refused(shared_arm: Arm):
    error = error_of(shared_arm.get(f"{SUB}/providers/{CONFIG}/locations/atlantis/extensionTypes", API), 404)
    assert error["code"] == "LocationNotAvailableForResourceType" and "'atlantis'" in error["message"]


def test_missing_cluster_and_unknown_cluster_kind(shared_arm: Arm):
    missing = shared_arm.get(on_cluster(("Microsoft.Kubernetes", "connectedClusters", "nowhere")), API)
    assert error_of(missing, 404)["code"] == "ResourceNotFound"
    wrong = shared_arm.get(on_cluster(("Microsoft.Kubernetes", "managedClusters", "aks-demo")), API)
    assert error_of(wrong, 404)["code"] == "InvalidResourceType"


def test_unknown_subscription_and_missing_token(shared_arm: Arm):
    other = LOCATION.replace(SUBSCRIPTION_ID, "11111111-1111-4111-8111-111111111111")
    assert error_of(shared_arm.get(other, API), 404)["code"] == "SubscriptionNotFound"
    anonymous = shared_arm.session.get(shared_arm.emu.url + LOCATION, params={"api-version": API},
                                       headers={"Authorization": ""}, timeout=30)
    assert anonymous.status_code == 401


def test_api_version_is_required_and_checked(shared_arm: Arm):
    assert error_of(shared_arm.get(LOCATION), 400)["code"] == "MissingApiVersionParameter"
    assert error_of(shared_arm.get(LOCATION, "2021-01-01"), 400)["code"] == "NoRegisteredProviderFound"


def test_catalogue_is_read_only(shared_arm: Arm):
    assert error_of(shared_arm.put(f"{LOCATION}/microsoft.flux", API, {}), 405)["code"] == "MethodNotAllowed"


def test_paths_beyond_the_catalogue_are_not_routes():
    assert extension_types.match(f"{LOCATION}/microsoft.flux/other/1.0.0") is None
    assert extension_types.match(f"{SUBSCRIPTION}/microsoft.flux/versions") is None
    assert extension_types.match(f"{cluster_path()}/providers/{CONFIG}/extensions") is None


# --- paging and the SDK ----------------------------------------------------------------------------------------


def test_lists_page_like_every_other_list(tmp_path):
    from azure.mgmt.kubernetesconfiguration.extensiontypes import KubernetesConfigurationExtensionTypesMgmtClient

    with start_emulator(tmp_path / "state", page_size=2) as emu:
        client = KubernetesConfigurationExtensionTypesMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
        followed = [t.name for t in client.extension_types.location_list("westeurope")]
        assert followed == [entry.name for entry in extension_types.CATALOGUE]  # the SDK follows every nextLink
        arm = Arm(emu)
        first = arm.get(f"{LOCATION}/microsoft.flux/versions", API).json()
        assert [item["name"] for item in first["value"]] == ["1.24.1", "1.23.0"] and first["nextLink"]
        seen, link = [item["name"] for item in first["value"]], first["nextLink"]
        while link:
            page = arm.session.get(link, timeout=30).json()
            seen += [item["name"] for item in page["value"]]
            link = page["nextLink"]
        assert seen == list(reversed(FLUX_VERSIONS))


def test_the_extensiontypes_sdk_reads_every_route(emu):
    from azure.mgmt.kubernetesconfiguration.extensiontypes import KubernetesConfigurationExtensionTypesMgmtClient

    client = KubernetesConfigurationExtensionTypesMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
    ops, cluster = client.extension_types, ("rg-gitops", *ARC)
    assert client._config.api_version == API == EXTENSION_TYPES_API_VERSION  # the SDK's default, pinned by the product
    flux = ops.get(*cluster, "microsoft.flux")
    assert flux.properties.supported_scopes.cluster_scope_settings.default_release_namespace == "flux-system"
    assert ops.location_get("westeurope", "microsoft.dapr").properties.publisher == "Microsoft"
    assert "microsoft.flux" in [t.name for t in ops.list(*cluster)]
    assert "microsoft.flux" in [t.name for t in ops.location_list("westeurope", cluster_type="connectedClusters")]
    latest = list(ops.cluster_list_versions(*cluster, "microsoft.flux", show_latest=True))
    assert [v.properties.version for v in latest] == ["1.24.1"]
    assert len(list(ops.list_versions("westeurope", "microsoft.flux", major_version="1"))) == len(FLUX_VERSIONS)
    assert ops.get_version("westeurope", "microsoft.flux", "1.23.0").name == "1.23.0"
    assert ops.cluster_get_version(*cluster, "microsoft.flux", "1.21.0").properties.version == "1.21.0"
