"""The KQL the fleet commands send, pinned as golden files (tests/fleet/golden/*.kql), and run through the KQL
engine the emulator uses so that a golden file is also a query that parses and runs."""

import os
from pathlib import Path

import pytest

from azext_k8s_flux.fleet import kql

GOLDEN = Path(__file__).parent / "golden"

QUERIES = {
    "configurations-all": kql.flux_configurations(),
    "configurations-filtered": kql.flux_configurations(["cluster-config", "apps"], ["rg-a"], ["Non-Compliant"]),
    "configurations-pending": kql.flux_configurations(None, None, ["Pending"]),
    "configurations-of-a-repository": kql.flux_configurations(url="https://github.com/contoso/fleet-infra"),
    "clusters-without": kql.clusters_without_configuration("cluster-config", ["rg-a", "rg-b"]),
    "cluster-count": kql.cluster_count(),
    "extensions-flux": kql.extensions("microsoft.flux", ["rg-a"]),
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_matches_its_golden_file(name, request):
    path = GOLDEN / f"{name}.kql"
    if request.config.getoption("--update-goldens") or (not path.exists() and not os.environ.get("CI")):
        path.write_text(QUERIES[name] + "\n")
    assert QUERIES[name] + "\n" == path.read_text()


def test_queries_that_join_start_from_resources():
    # kubernetesconfigurationresources cannot start a join in ARG.
    for query in QUERIES.values():
        if "join" in query:
            assert query.startswith("resources\n")


def test_extension_properties_are_read_in_pascal_case_and_configurations_in_camel_case():
    assert "properties.ExtensionType" in QUERIES["extensions-flux"]
    assert "properties.complianceState" in QUERIES["configurations-all"]


def test_every_query_keeps_the_id_and_orders_by_it_for_stable_paging():
    for name, query in QUERIES.items():
        if name != "cluster-count":
            assert "| project id," in query and query.endswith("| order by id asc")


def test_literals_are_escaped():
    assert kql.literal("it's a \\ test") == "'it\\'s a \\\\ test'"
    assert "name =~ 'a\\'b'" in kql.flux_configurations(["a'b"])


def test_pending_also_matches_configurations_with_no_reported_state():
    assert "complianceState in~ ('Pending', '')" in QUERIES["configurations-pending"]
