"""List paging: every collection hands out pages of --page-size items linked by nextLink, like ARM.

One private emulator serves this module, started with a page size of 2 and a seed whose lists span
several pages; the end-to-end tests log a real `az` (with the extension wheel installed) in to it.
"""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qs, urlsplit

import pytest
from emu_helpers import CONFIG, EXT_API, FLUX_API, SCC_API, Arm, StaticToken, sdk_kwargs

from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator

PAGE_SIZE = 2
RG = "rg-paging"
SUB = f"/subscriptions/{SUBSCRIPTION_ID}"
FLUX_SOURCE = {"namespace": "cluster-config", "gitRepository": {"url": "https://github.com/Azure/arc-k8s-demo",
                                                                 "repositoryRef": {"branch": "main"}}}
# "many": microsoft.flux third of five extensions (page 2 of 3), five Flux configurations (the last one
# failing, on page 3); "late-flux": microsoft.flux on page 2; "legacy": three Flux v1 configurations.
MANY_EXTENSIONS = ["monitor", "policy", "flux", "dapr", "defender"]
MANY_CONFIGS = ["cfg-1", "cfg-2", "cfg-3", "cfg-4", "cfg-5"]
SEED = {"subscriptions": [{"id": SUBSCRIPTION_ID, "resourceGroups": [
    {"name": "rg-a"}, {"name": "rg-b"},
    {"name": RG, "clusters": [
        {"name": "many", "type": "connectedClusters",
         "extensions": [
             {"name": "monitor", "properties": {"extensionType": "microsoft.azuremonitor.containers"}},
             {"name": "policy", "properties": {"extensionType": "microsoft.policyinsights"}},
             {"name": "flux", "properties": {"extensionType": "microsoft.flux", "version": "1.17.2"}},
             {"name": "dapr", "properties": {"extensionType": "microsoft.dapr"}},
             {"name": "defender", "properties": {"extensionType": "microsoft.azuredefender.kubernetes"}},
         ],
         "fluxConfigurations": [
             {"name": name, "properties": {**FLUX_SOURCE, "kustomizations": {
                 "apps": {"path": "./apps/fail" if name == "cfg-5" else "./apps"}}}}
             for name in MANY_CONFIGS
         ]},
        {"name": "late-flux", "type": "managedClusters",
         "extensions": [
             {"name": "monitor", "properties": {"extensionType": "microsoft.azuremonitor.containers"}},
             {"name": "dapr", "properties": {"extensionType": "microsoft.dapr"}},
             {"name": "flux", "properties": {"extensionType": "microsoft.flux"}},
         ]},
        {"name": "legacy", "type": "connectedClusters",
         "sourceControlConfigurations": [
             {"name": f"v1-{i}", "properties": {"repositoryUrl": "https://github.com/Azure/arc-k8s-demo",
                                                "operatorType": "Flux"}}
             for i in (1, 2, 3)
         ]},
        {"name": "scratch", "type": "connectedClusters"},
    ]},
]}]}


def cluster_base(name: str, rp: str = "Microsoft.Kubernetes", kind: str = "connectedClusters") -> str:
    return f"{SUB}/resourceGroups/{RG}/providers/{rp}/{kind}/{name}/providers/{CONFIG}"


@pytest.fixture(scope="module")
def paged_emu(tmp_path_factory):
    work = tmp_path_factory.mktemp("paging")
    seed = work / "seed.json"
    seed.write_text(json.dumps(SEED))
    with start_emulator(work / "state", seed=seed, page_size=PAGE_SIZE) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def paged_arm(paged_emu) -> Arm:
    return Arm(paged_emu)


def pages(arm: Arm, path: str, api: str, **params) -> list[dict]:
    """Every page of a list, following nextLink as a client does."""
    body = arm.get(path, api, **params).json()
    result = [body]
    while body["nextLink"]:
        response = arm.session.get(body["nextLink"], timeout=30)
        assert response.status_code == 200, response.text
        body = response.json()
        result.append(body)
    return result


def names(page_list: list[dict], key: str = "name") -> list[list[str]]:
    return [[item[key] for item in page["value"]] for page in page_list]


# -- raw HTTP -----------------------------------------------------------------------------------------------


def test_health_reports_the_page_size(paged_emu):
    assert paged_emu.admin.health()["settings"]["page_size"] == PAGE_SIZE


def test_extensions_come_in_pages_in_creation_order_and_the_last_page_has_no_next_link(paged_arm):
    got = pages(paged_arm, f"{cluster_base('many')}/extensions", EXT_API)
    assert names(got) == [["monitor", "policy"], ["flux", "dapr"], ["defender"]]
    assert [page["nextLink"] is None for page in got] == [False, False, True]


def test_next_link_is_absolute_on_the_emulator_keeps_the_query_and_carries_an_opaque_token(paged_emu, paged_arm):
    path = f"{cluster_base('many')}/fluxConfigurations"
    first = paged_arm.get(path, None, **{"api-Version": FLUX_API}).json()
    link = urlsplit(first["nextLink"])
    assert f"{link.scheme}://{link.netloc}" == paged_emu.url
    assert link.path == path
    query = parse_qs(link.query)
    assert query["api-Version"] == [FLUX_API]  # the client's spelling, as ARM forwards it
    (token,) = query["$skipToken"]
    assert "cfg" not in token and "/" not in token and token.isascii()
    assert paged_arm.session.get(first["nextLink"], timeout=30).json()["value"][0]["name"] == "cfg-3"


def test_every_core_list_pages_too(paged_arm):
    providers = pages(paged_arm, f"{SUB}/providers", "2022-09-01")
    assert [len(page["value"]) for page in providers] == [2, 2, 2]
    assert providers[0]["value"][0]["namespace"] == CONFIG
    groups = pages(paged_arm, f"{SUB}/resourceGroups", "2022-09-01")
    assert names(groups) == [["rg-a", "rg-b"], [RG]]
    clusters = pages(paged_arm, f"{SUB}/resourceGroups/{RG}/providers/Microsoft.Kubernetes/connectedClusters",
                     "2024-01-01")
    assert names(clusters) == [["many", "legacy"], ["scratch"]]
    flux_v1 = pages(paged_arm, f"{cluster_base('legacy')}/sourceControlConfigurations", SCC_API)
    assert names(flux_v1) == [["v1-1", "v1-2"], ["v1-3"]]
    subscriptions = paged_arm.get("/subscriptions", "2022-12-01").json()
    assert len(subscriptions["value"]) == 1 and subscriptions["nextLink"] is None


def test_a_list_of_exactly_one_page_or_none_has_no_next_link(paged_arm):
    path = f"{cluster_base('late-flux', 'Microsoft.ContainerService', 'managedClusters')}/fluxConfigurations"
    assert paged_arm.get(path, FLUX_API).json() == {"value": [], "nextLink": None}
    two = paged_arm.get(f"{SUB}/resourceGroups/rg-a/providers/Microsoft.Kubernetes/connectedClusters",
                        "2024-01-01").json()
    assert two == {"value": [], "nextLink": None}
    groups = paged_arm.get(f"{SUB}/resourceGroups", "2022-09-01").json()
    assert len(groups["value"]) == PAGE_SIZE and groups["nextLink"]  # three groups: a second page follows


def _error(response) -> dict:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json()["error"]


def test_altered_unknown_or_foreign_skip_tokens_are_400_invalid_skip_token(paged_arm):
    path = f"{cluster_base('many')}/extensions"
    link = paged_arm.get(path, EXT_API).json()["nextLink"]
    token = parse_qs(urlsplit(link).query)["$skipToken"][0]
    payload, mac = token.split(".")
    altered = ("A" if payload[0] != "A" else "B") + payload[1:] + "." + mac
    foreign = parse_qs(urlsplit(paged_arm.get(f"{SUB}/providers", "2022-09-01").json()["nextLink"]).query)
    for bad in (altered, "not-a-token", "", foreign["$skipToken"][0], token + "x"):
        error = _error(paged_arm.get(path, EXT_API, **{"$skipToken": bad}))
        assert error["code"] == "InvalidSkipToken"
        assert "$skipToken" in error["message"] and "Start the list again" in error["message"]
    # the genuine token still works, whatever the casing of the path and of the parameter name
    assert paged_arm.get(path.upper().replace("/SUBSCRIPTIONS", "/subscriptions"), EXT_API,
                         **{"$SKIPTOKEN": token}).json()["value"][0]["name"] == "flux"


def test_pages_stay_consistent_when_the_list_changes_between_pages(paged_arm):
    path = f"{cluster_base('scratch')}/extensions"
    for name in ("e1", "e2", "e3", "e4", "e5"):
        assert paged_arm.put(f"{path}/{name}", EXT_API, {"properties": {"extensionType": "contoso.app"}}).ok
    first = paged_arm.get(path, EXT_API).json()
    assert [e["name"] for e in first["value"]] == ["e1", "e2"]
    assert paged_arm.delete(f"{path}/e1", EXT_API, forceDelete="true").status_code == 200  # already served
    assert paged_arm.put(f"{path}/e6", EXT_API, {"properties": {"extensionType": "contoso.app"}}).ok
    second = paged_arm.session.get(first["nextLink"], timeout=30).json()
    assert [e["name"] for e in second["value"]] == ["e3", "e4"]  # nothing skipped, nothing repeated
    assert paged_arm.delete(f"{path}/e4", EXT_API, forceDelete="true").status_code == 200  # the page's last item
    third = paged_arm.session.get(second["nextLink"], timeout=30).json()
    assert [e["name"] for e in third["value"]] == ["e5", "e6"] and third["nextLink"] is None


def test_sdk_pager_reads_every_page(paged_emu):
    from azure.mgmt.kubernetesconfiguration.extensions import KubernetesConfigurationExtensionsMgmtClient

    client = KubernetesConfigurationExtensionsMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(paged_emu))
    paged_emu.clear_requests()
    listed = [e.name for e in client.extensions.list(RG, "Microsoft.Kubernetes", "connectedClusters", "many")]
    assert listed == MANY_EXTENSIONS
    queries = [e["query"] for e in paged_emu.requests(kind="arm")]
    assert len(queries) == 3 and "skipToken" not in queries[0]
    assert all("%24skipToken=" in q or "$skipToken=" in q for q in queries[1:])


# -- end to end through the extension ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def paged_az(paged_emu, extension_wheel):
    """Run the real `az`, with the extension installed, logged in to the paging emulator."""
    from arm_emulator.connect import connect_az
    from tests.harness.runner import az_executable, run_az_subprocess

    env = dict(os.environ)
    env.update(connect_az(paged_emu.state_dir, az=az_executable(), env=env))

    def run(*args, expect=0):
        return run_az_subprocess(az_executable(), env, *args, expect=expect)

    return run


def list_reads(emu, cluster: str, collection: str) -> list[str]:
    """Query strings of the GETs of one collection of one cluster, from the request log."""
    suffix = f"/{cluster}/providers/{CONFIG}/{collection}".lower()
    return [e["query"] for e in emu.requests(kind="arm")
            if e["method"] == "GET" and e["path"].lower().endswith(suffix)]


def writes(emu) -> list[tuple[str, str]]:
    return [(e["method"], e["path"].rsplit("/", 2)[-2]) for e in emu.requests(kind="arm")
            if e["method"] in ("PUT", "PATCH", "DELETE")]


@pytest.mark.az_login
def test_flux_list_and_extension_list_return_every_item_across_pages(paged_emu, paged_az):
    args = f"-g {RG} -c many -t connectedClusters"
    paged_emu.clear_requests()
    flux = paged_az(f"k8s-configuration flux list {args} -o json").json
    assert [config["name"] for config in flux] == MANY_CONFIGS
    assert len(list_reads(paged_emu, "many", "fluxConfigurations")) == 3
    paged_emu.clear_requests()
    extensions = paged_az(f"k8s-extension list {args} --query [].name -o json").json
    assert extensions == MANY_EXTENSIONS
    reads = list_reads(paged_emu, "many", "extensions")
    assert len(reads) == 3 and all("skipToken" in query for query in reads[1:])
    assert len(paged_emu.requests(kind="arm")) == 3  # the pages and nothing else


@pytest.mark.az_login
def test_flux_v1_list_returns_every_item_across_pages(paged_emu, paged_az):
    paged_emu.clear_requests()
    listed = paged_az(f"k8s-configuration list -g {RG} -c legacy -t connectedClusters --query [].name -o json").json
    assert listed == ["v1-1", "v1-2", "v1-3"]
    assert len(list_reads(paged_emu, "legacy", "sourceControlConfigurations")) == 2


@pytest.mark.az_login
def test_flux_create_finds_microsoft_flux_on_a_later_page_and_does_not_install_it(paged_emu, paged_az):
    paged_emu.clear_requests()
    created = paged_az(f"k8s-configuration flux create -g {RG} -c late-flux -t managedClusters -n paged "
                       "-u https://github.com/Azure/arc-k8s-demo --branch main -o json").json
    assert created["provisioningState"] == "Succeeded"
    reads = list_reads(paged_emu, "late-flux", "extensions")
    assert len(reads) == 2 and "skipToken" in reads[1]  # page 2 holds microsoft.flux
    assert writes(paged_emu) == [("PUT", "fluxConfigurations")]  # no second microsoft.flux install
    installed = pages(Arm(paged_emu), f"{cluster_base('late-flux', 'Microsoft.ContainerService', 'managedClusters')}"
                      "/extensions", EXT_API)
    assert names(installed) == [["monitor", "dapr"], ["flux"]]


@pytest.mark.az_login
def test_waiting_after_a_flux_extension_update_reads_configurations_on_every_page(paged_emu, paged_az):
    """cfg-5, the failing one, is on the third page: the wait must see it."""
    paged_emu.clear_requests()
    result = paged_az(f"k8s-extension update -g {RG} -c many -t connectedClusters -n flux "
                      "--configuration-settings multiTenancy.enforce=false --wait --wait-interval 1", expect=4)
    assert "cfg-5-apps failed" in result.stderr
    reads = list_reads(paged_emu, "many", "fluxConfigurations")
    assert len(reads) % 3 == 0  # whole lists: three pages per read
    assert ["skipToken" in query for query in reads[:3]] == [False, True, True]
