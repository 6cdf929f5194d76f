"""ARM-layer behaviour: auth, addressing, api-version, error envelopes, headers, core resources."""

from __future__ import annotations

import requests
from emu_helpers import ARC, CONFIG, EXT_API, FLUX_API, SCC_API, cluster_path, git_flux, item_path

from arm_emulator.providers.versions import FLUX_CONFIGURATIONS
from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID

SUB = f"/subscriptions/{SUBSCRIPTION_ID}"


def test_request_without_bearer_token_is_401(shared_emu):
    response = requests.get(f"{shared_emu.url}{SUB}/resourceGroups", params={"api-version": "2022-09-01"},
                            verify=shared_emu.ca_bundle, timeout=10)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "AuthenticationFailedMissingToken"
    assert response.headers["WWW-Authenticate"].startswith("Bearer authorization_uri=")


def test_metadata_and_openid_configuration_point_at_the_emulator(shared_emu):
    verify = shared_emu.ca_bundle
    meta = requests.get(f"{shared_emu.url}//metadata/endpoints?api-version=2022-09-01", verify=verify, timeout=10)
    assert meta.status_code == 200
    assert meta.json()["resourceManager"] == shared_emu.url + "/"
    assert meta.json()["authentication"]["loginEndpoint"] == shared_emu.url + "/"
    oidc = requests.get(f"{shared_emu.url}/{TENANT_ID}/v2.0/.well-known/openid-configuration", verify=verify,
                        timeout=10).json()
    assert oidc["token_endpoint"] == f"{shared_emu.url}/{TENANT_ID}/oauth2/v2.0/token"
    token = requests.post(oidc["token_endpoint"], data={"grant_type": "client_credentials", "client_id": "app",
                                                        "client_secret": "s", "scope": "https://x/.default"},
                          verify=verify, timeout=10).json()
    assert token["token_type"] == "Bearer" and token["expires_in"] > 3600
    assert token["access_token"].count(".") == 2


def test_subscriptions_and_tenants_list_the_seeded_subscription(shared_arm):
    subs = shared_arm.get("/subscriptions", "2022-12-01").json()
    assert [s["subscriptionId"] for s in subs["value"]] == [SUBSCRIPTION_ID]
    assert subs["value"][0]["tenantId"] == TENANT_ID and subs["nextLink"] is None
    assert shared_arm.get("/tenants", "2022-12-01").json()["value"][0]["tenantId"] == TENANT_ID


def test_missing_api_version_is_400(shared_arm):
    response = shared_arm.get(item_path("fluxConfigurations", "x"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "MissingApiVersionParameter"
    assert response.headers["Content-Type"].startswith("application/json")


def test_unsupported_api_version_per_type_is_400(shared_arm):
    response = shared_arm.get(item_path("fluxConfigurations", "x"), EXT_API)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "NoRegisteredProviderFound"
    assert error["message"] == (
        "No registered resource provider found for location 'eastus' and API version '2025-03-01' for type "
        f"'fluxConfigurations'. The supported api-versions are '{', '.join(FLUX_CONFIGURATIONS.versions)}'. "
        "The supported locations are 'eastus, westeurope'.")
    assert shared_arm.get(item_path("extensions", "x"), "2023-05-01").status_code == 404  # accepted version
    assert shared_arm.get(item_path("sourceControlConfigurations", "x"), FLUX_API).status_code == 400
    assert shared_arm.get(item_path("fluxConfigurations", "x"), "2024-11-01").status_code == 404


def test_not_found_bodies_for_resources(shared_arm):
    ext = shared_arm.get(item_path("extensions", "nope"), EXT_API)
    assert ext.status_code == 404
    assert ext.json() == {"error": {"code": "ResourceNotFound",
                                    "message": "Extension instance with name 'nope' not found."}}
    scc = shared_arm.get(item_path("sourceControlConfigurations", "test-config"), SCC_API).json()
    assert scc["error"]["message"] == "SourceControlConfiguration with name 'test-config' not found."
    flux = shared_arm.get(item_path("fluxConfigurations", "nope"), FLUX_API)
    assert flux.status_code == 404 and flux.json()["error"]["code"] == "ResourceNotFound"


def test_missing_resource_group_and_parent_cluster(shared_arm):
    path = f"{SUB}/resourceGroups/no-such-rg/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/" \
           f"{CONFIG}/fluxConfigurations/x"
    rg = shared_arm.get(path, FLUX_API)
    assert rg.status_code == 404
    assert rg.json()["error"] == {"code": "ResourceGroupNotFound",
                                  "message": "Resource group 'no-such-rg' could not be found."}
    missing = item_path("extensions", "flux", ("Microsoft.Kubernetes", "connectedClusters", "ghost"))
    cluster = shared_arm.put(missing, EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
    assert cluster.status_code == 404
    assert cluster.json()["error"] == {
        "code": "ResourceNotFound",
        "message": f"The Resource 'Microsoft.Kubernetes/connectedClusters/ghost' under resource group "
                   f"'{RESOURCE_GROUP}' was not found. For more details please go to "
                   "https://aka.ms/ARMResourceNotFoundFix"}


def test_malformed_json_is_400_invalid_request_content(shared_arm):
    response = shared_arm.call("PUT", item_path("fluxConfigurations", "bad"), FLUX_API, raw=b"{not json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "InvalidRequestContent"
    array = shared_arm.call("PUT", item_path("extensions", "bad"), EXT_API, raw=b"[1, 2]")
    assert array.status_code == 400 and array.json()["error"]["code"] == "InvalidRequestContent"


def test_wrong_method_is_405_with_arm_body(shared_arm):
    collection = shared_arm.call("POST", f"{cluster_path()}/providers/{CONFIG}/fluxConfigurations", FLUX_API)
    assert collection.status_code == 405
    assert collection.json()["error"]["code"] == "MethodNotAllowed"
    scc_patch = shared_arm.patch(item_path("sourceControlConfigurations", "x"), SCC_API, {"properties": {}})
    assert scc_patch.status_code == 405


def test_unknown_path_is_404_with_arm_body(shared_arm):
    response = shared_arm.get(f"{SUB}/resourceGroups/{RESOURCE_GROUP}/providers/Microsoft.Web", "2022-01-01")
    assert response.status_code == 404 and response.json()["error"]["code"] == "NotFound"


def test_segments_compare_case_insensitively_and_casing_is_echoed(shared_arm):
    path = item_path("fluxConfigurations", "CaseCfg")
    assert shared_arm.put(path, FLUX_API, git_flux()).status_code == 201
    odd = path.replace("resourceGroups", "RESOURCEGROUPS").replace("connectedClusters", "ConnectedClusters") \
        .replace("fluxConfigurations/CaseCfg", "FLUXCONFIGURATIONS/casecfg")
    response = shared_arm.call("GET", odd, None, **{"API-VERSION": FLUX_API})
    assert response.status_code == 200
    assert response.json()["id"] == path and response.json()["name"] == "CaseCfg"
    shared_arm.wait(path, FLUX_API, lambda b: b["properties"]["provisioningState"] == "Succeeded")
    assert shared_arm.put(odd, FLUX_API, git_flux()).status_code == 200  # same resource: replaced, not created
    assert shared_arm.get(path, FLUX_API).json()["name"] == "casecfg"  # latest casing wins


def test_common_headers(shared_arm):
    response = shared_arm.session.get(shared_arm.emu.url + f"{SUB}/resourceGroups",
                                      params={"api-version": "2022-09-01"},
                                      headers={"x-ms-client-request-id": "abc-123"})
    assert response.headers["x-ms-client-request-id"] == "abc-123"
    assert response.headers["x-ms-request-id"]
    assert response.headers["x-ms-ratelimit-remaining-subscription-reads"]
    assert response.headers["Cache-Control"] == "no-cache"


def test_resource_groups_and_clusters_crud(shared_arm):
    rg = f"{SUB}/resourceGroups/rg-new"
    assert shared_arm.put(rg, "2022-09-01", {}).status_code == 400
    created = shared_arm.put(rg, "2022-09-01", {"location": "westeurope"})
    assert created.status_code == 201 and created.json()["location"] == "westeurope"
    assert shared_arm.put(rg, "2022-09-01", {"location": "westeurope"}).status_code == 200
    names = [g["name"] for g in shared_arm.get(f"{SUB}/resourceGroups", "2022-09-01").json()["value"]]
    assert names == [RESOURCE_GROUP, "rg-new"]
    for rp, kind in [("Microsoft.ContainerService", "managedClusters"), ("Microsoft.Kubernetes", "connectedClusters"),
                     ("Microsoft.HybridContainerService", "provisionedClusters"),
                     ("Microsoft.ResourceConnector", "appliances")]:
        path = f"{rg}/providers/{rp}/{kind}/c1"
        made = shared_arm.put(path, "2024-01-01", {"location": "westeurope"})
        assert made.status_code == 201, made.text
        body = made.json()
        assert body["type"] == f"{rp}/{kind}" and body["properties"]["provisioningState"] == "Succeeded"
        assert ("identity" in body) == (kind != "managedClusters")
        assert shared_arm.get(path, "2024-01-01").json()["id"] == path
    wrong = shared_arm.put(f"{rg}/providers/Microsoft.Kubernetes/managedClusters/x", "2024-01-01", {})
    assert wrong.status_code == 404 and wrong.json()["error"]["code"] == "InvalidResourceType"
    gone = f"{rg}/providers/Microsoft.ResourceConnector/appliances/c1"
    assert shared_arm.delete(gone, "2024-01-01").status_code == 200
    assert shared_arm.delete(gone, "2024-01-01").status_code == 204
    assert shared_arm.get(gone, "2024-01-01").status_code == 404


def test_provider_registration_document(shared_arm):
    body = shared_arm.get(f"{SUB}/providers/{CONFIG}", "2021-04-01").json()
    assert body["registrationState"] == "Registered" and body["namespace"] == CONFIG
    types = {t["resourceType"]: t["apiVersions"] for t in body["resourceTypes"]}
    assert FLUX_API in types["fluxConfigurations"] and EXT_API in types["extensions"]
    assert shared_arm.get(f"{SUB}/providers/Microsoft.Nope", "2021-04-01").status_code == 404


def test_cluster_listing_under_arc_default(shared_arm):
    rp, kind, _ = ARC
    listing = shared_arm.get(f"{SUB}/resourceGroups/{RESOURCE_GROUP}/providers/{rp}/{kind}", "2024-01-01").json()
    assert [c["name"] for c in listing["value"]] == ["arc-demo"]
