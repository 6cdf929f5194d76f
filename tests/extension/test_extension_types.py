"""`az k8s-extension extension-types ...` against the local emulator: the command sequences of the official
scenario test and Pester suite (with our own cluster, region and types), filters, output, errors and exactly one
ARM request per command."""

import pytest

from tests.v1.helpers import last_seq

pytest.importorskip("arm_emulator.testing")

GROUP = "k8s-extension extension-types"
REGION = "westeurope"
TYPES = "Microsoft.KubernetesConfiguration/extensionTypes"


def requests_since(emulator, seq):
    """(method, path after .../extensionTypes, query) of the ARM requests made after `seq`."""
    return [(entry["method"], entry["path"].split("/extensionTypes", 1)[1], entry["query"])
            for entry in emulator.requests(kind="arm") if entry["seq"] > seq]


def official_sequence(cluster, extension_type, version):
    """The eight calls of the official scenario test and Pester suite, in their order."""
    on_cluster = f"{cluster.args} --extension-type {extension_type}"
    on_region = f"--location {REGION} --extension-type {extension_type}"
    return [
        (f"show-by-cluster {on_cluster}", ""),
        (f"show-by-location -l {REGION} --extension-type {extension_type}", ""),
        (f"list-by-cluster {cluster.args}", ""),
        (f"list-by-location --location {REGION}", ""),
        (f"list-versions-by-cluster {on_cluster}", "/versions"),
        (f"list-versions-by-location {on_region}", "/versions"),
        (f"show-version-by-cluster {on_cluster} --version {version}", f"/versions/{version}"),
        (f"show-version-by-location {on_region} --version {version}", f"/versions/{version}"),
    ]


@pytest.mark.parametrize("cluster_type, extension_type, version", [
    ("connectedClusters", "microsoft.openservicemesh", "1.0.0"),
    ("managedClusters", "microsoft.flux", "1.22.2"),
])
def test_official_command_sequence_one_get_each(cli, emulator, new_cluster, cluster_type, extension_type, version):
    cluster = new_cluster(cluster_type)
    for command, suffix in official_sequence(cluster, extension_type, version):
        seq = last_seq(emulator)
        result = cli(f"{GROUP} {command} -o json").json
        assert result, command  # the suites' only check: output, and exit code 0
        if command.startswith("show-by"):
            assert result["name"] == extension_type
        elif command.startswith("list-by"):
            assert extension_type in [item["name"] for item in result]
        requests = requests_since(emulator, seq)
        assert len(requests) == 1, requests
        method, path, _ = requests[0]
        if not command.startswith("list-by"):
            assert (method, path) == ("GET", f"/{extension_type}{suffix}")


def test_official_scenario_type_and_version_as_recorded(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    shown = cli(f"{GROUP} show-by-cluster {cluster.args} --extension-type microsoft.contoso.samples -o json").json
    assert shown["properties"]["supportedScopes"]["defaultScope"] == "namespace"
    version = cli(f"{GROUP} show-version-by-location -l eastus2euap --extension-type microsoft.contoso.samples "
                  "--version 1.1.0 -o json").json
    assert version["properties"]["version"] == "1.1.0"


def test_output_keeps_properties_nested_as_the_official_command_shows_them(cli):
    newest = cli(f"{GROUP} list-versions-by-location -l eastus --extension-type microsoft.flux --show-latest "
                 "--query [0].properties.version -o tsv")
    assert newest.stdout == "1.24.1\n"
    flux = cli(f"{GROUP} show-by-location -l eastus --extension-type microsoft.flux -o json").json
    settings = flux["properties"]["supportedScopes"]["clusterScopeSettings"]
    assert (settings["defaultReleaseNamespace"], settings["allowMultipleInstances"]) == ("flux-system", False)


def test_filters_reach_the_service(cli, emulator):
    seq = last_seq(emulator)
    listed = cli(f"{GROUP} list-versions-by-location -l eastus --extension-type microsoft.openservicemesh "
                 "--release-train preview --major-version 1 --cluster-type connectedClusters -o json").json
    assert [item["name"] for item in listed] == ["1.3.0"]
    (_, _, query), = requests_since(emulator, seq)
    for part in ("releaseTrain=preview", "majorVersion=1", "clusterType=connectedClusters"):
        assert part in query
    assert "showLatest" not in query  # sent only when asked


def test_list_by_location_filters_by_cluster_type(cli):
    names = [item["name"] for item in cli(f"{GROUP} list-by-location -l eastus -t managedClusters -o json").json]
    assert "microsoft.dapr" in names and "microsoft.openservicemesh" not in names


def test_marketplace_filters_are_sent_as_plan_ids(cli, emulator, new_cluster):
    cluster = new_cluster()
    seq = last_seq(emulator)
    listed = cli(f"{GROUP} list-by-cluster {cluster.args} --plan-publisher contoso --plan-product tools "
                 "--plan-name basic -o json").json
    assert listed == []
    (_, _, query), = requests_since(emulator, seq)
    assert all(part in query for part in ("publisherId=contoso", "offerId=tools", "planId=basic"))


def test_tables_show_versions_and_cluster_types(cli, new_cluster):
    cluster = new_cluster("managedClusters")
    versions = cli(f"{GROUP} list-versions-by-cluster {cluster.args} --extension-type microsoft.flux -o table")
    lines = versions.stdout.splitlines()
    assert lines[0].split() == ["Version", "ClusterTypes"]
    assert lines[2].startswith("1.24.1") and "managedClusters" in lines[2]
    types = cli(f"{GROUP} list-by-cluster {cluster.args} -o table").stdout
    header = types.splitlines()[0].split()
    assert header[:4] == ["Name", "Publisher", "DefaultScope", "ClusterTypes"]
    assert any(line.startswith("microsoft.flux") and "flux-system" in line for line in types.splitlines())


def test_unknown_type_and_version_say_where_to_look(cli, new_cluster):
    cluster = new_cluster()
    missing = cli(f"{GROUP} show-by-cluster {cluster.args} --extension-type microsoft.nothing", expect=3)
    assert "is not offered for connectedClusters" in missing.stderr
    assert f"list-by-cluster {cluster.args}" in missing.stderr and "Traceback" not in missing.stderr
    old = cli(f"{GROUP} show-version-by-location -l eastus --extension-type microsoft.flux --version 0.1.0",
              expect=3)
    assert "Version 0.1.0 of extension type 'microsoft.flux' is not published in region 'eastus'" in old.stderr
    assert "list-versions-by-location -l eastus --extension-type microsoft.flux" in old.stderr


def test_missing_cluster_is_named(cli):
    result = cli(f"{GROUP} list-by-cluster -g tests-rg -c nowhere -t connectedClusters", expect=3)
    assert "Cluster connectedClusters 'nowhere'" in result.stderr


@pytest.mark.parametrize("command, fragment", [
    (f"{GROUP} show-by-location -l eastus --extension-type ' '", "--extension-type is empty"),
    (f"{GROUP} list-by-location -l ' '", "-l/--location is empty"),
    (f"{GROUP} show-version-by-location -l eastus --extension-type microsoft.flux --version ''",
     "--version is empty"),
])
def test_blank_values_are_refused_before_any_request(cli, emulator, command, fragment):
    seq = last_seq(emulator)
    assert fragment in cli(command, expect=1).stderr
    assert requests_since(emulator, seq) == []


def test_location_is_required(cli):
    assert "--location" in cli(f"{GROUP} list-by-location", expect=2).stderr


def test_old_names_still_work_with_a_deprecation_warning(cli, new_cluster):
    cluster = new_cluster()
    result = cli(f"{GROUP} list-versions {cluster.args} --extension-type microsoft.flux -o json")
    assert result.json[0]["name"] == "1.24.1"
    assert "deprecated" in result.stderr and "list-versions-by-cluster" in result.stderr


def test_a_region_display_name_is_the_region(cli, emulator):
    seq = last_seq(emulator)
    shown = cli(f"{GROUP} show-by-location -l 'West Europe' --extension-type microsoft.dapr -o json").json
    assert shown["name"] == "microsoft.dapr"
    (request,) = requests_since(emulator, seq)  # no request to look the name up
    assert request[:2] == ("GET", "/microsoft.dapr")


def cluster_requests(emulator, cluster, seq):
    marker = f"/{cluster.name}/providers/Microsoft.KubernetesConfiguration/".lower()
    return [(entry["method"], entry["path"].lower().split(marker, 1)[1]) for entry in emulator.requests(kind="arm")
            if entry["seq"] > seq and marker in entry["path"].lower() and "/operations/" not in entry["path"].lower()]


def test_pinned_flux_create_and_update_read_the_versions_once(cli, emulator, new_cluster):
    cluster = new_cluster("managedClusters")
    seq = last_seq(emulator)
    created = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux --version 1.23.0 "
                  "-o json")
    assert created.json["version"] == "1.23.0" and "outside the supported window" not in created.stderr
    assert cluster_requests(emulator, cluster, seq) == [
        ("GET", "extensiontypes/microsoft.flux/versions"), ("GET", "sourcecontrolconfigurations"),
        ("PUT", "extensions/flux"), ("GET", "extensions/flux")]
    seq = last_seq(emulator)
    cli(f"k8s-extension update {cluster.args} -n flux --version 1.24.1 -o none")
    assert cluster_requests(emulator, cluster, seq) == [
        ("GET", "extensions/flux"), ("GET", "extensiontypes/microsoft.flux/versions"), ("PATCH", "extensions/flux"),
        ("GET", "extensions/flux")]


def test_unpublished_flux_version_is_refused_after_one_read(cli, emulator, new_cluster):
    cluster = new_cluster()
    seq = last_seq(emulator)
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux --version 1.25.0",
                 expect=1)
    assert "microsoft.flux 1.25.0 is not a published version" in result.stderr
    assert "Supported versions: 1.22.1, 1.22.2, 1.23.0, 1.24.1" in result.stderr
    assert cluster_requests(emulator, cluster, seq) == [("GET", "extensiontypes/microsoft.flux/versions")]
    assert cluster.get("extensions", "flux")[0] == 404


def test_old_flux_version_is_installed_with_the_window_from_the_catalogue(cli, new_cluster):
    cluster = new_cluster()
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux --version 1.20.4 "
                 "-o none")
    assert "1.20.4 is outside the supported window" in result.stderr
    assert "1.22 and later; latest 1.24.1" in result.stderr


def test_real_az_lists_the_group_and_reads_the_latest_flux_version(az, new_cluster):
    listed = az(f"{GROUP} -h").stdout
    for scope in ("cluster", "location"):
        for verb in ("list", "show", "list-versions", "show-version"):
            assert f"{verb}-by-{scope}" in listed
    assert "list-versions :" not in listed and "show :" not in listed  # the old names stay hidden
    latest = az(f"{GROUP} list-versions-by-cluster {new_cluster('connectedClusters').args} "
                "--extension-type microsoft.flux --show-latest --query [0].properties.version -o tsv")
    assert latest.stdout == "1.24.1\n"


# The command lines of the official k8s-extension help and of Learn's Dapr page, with their placeholders.
OFFICIAL_EXAMPLES = [
    "show-by-cluster -g RG -c CLUSTER --cluster-type connectedClusters --extension-type microsoft.openservicemesh",
    "show-by-location --location eastus --extension-type microsoft.openservicemesh",
    "show-version-by-cluster -g RG -c CLUSTER --cluster-type connectedClusters "
    "--extension-type microsoft.openservicemesh --version 1.0.0",
    "show-version-by-location --location eastus --extension-type microsoft.openservicemesh --version 1.0.0",
    "list-by-cluster --resource-group RG --cluster-name CLUSTER --cluster-type connectedClusters",
    "list-by-location --location eastus",
    "list-versions-by-cluster --resource-group RG --cluster-name CLUSTER --cluster-type connectedClusters "
    "--extension-type microsoft.flux",
    "list-versions-by-location --location eastus --extension-type microsoft.flux",
    "list-versions-by-cluster --resource-group RG --cluster-name CLUSTER --cluster-type managedClusters "
    "--extension-type microsoft.dapr --release-train stable --show-latest",
    "list-versions-by-location --location westus --extension-type microsoft.dapr",
]


@pytest.mark.parametrize("command", OFFICIAL_EXAMPLES)
def test_official_examples_run(cli, new_cluster, command):
    kind = "managedClusters" if "managedClusters" in command else "connectedClusters"
    cluster = new_cluster(kind)
    result = cli(f"{GROUP} {command.replace('RG', cluster.resource_group).replace('CLUSTER', cluster.name)} -o json")
    assert result.json and result.exit_code == 0
